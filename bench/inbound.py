"""Benchmark: 5,000 signed inbound SMS webhooks at 100 concurrent connections against the running app.

Baseline in the same run: a bare FastAPI endpoint on the same server settings that verifies the signature and
inserts one row. Goal: our throughput >= 0.5x the bare one, every reply stored exactly once, no 5xx.
Both run in their own uvicorn process on a fresh database (PostgreSQL unless --sqlite).

    python bench/inbound.py [--quick] [--sqlite]
"""

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TOKEN = "bench-auth-token"
PATH = "/webhooks/twilio/sms"
PUBLIC = "http://bench.example.no"
CONCURRENCY = 100
TEXTS = ["JA", "Stopp.", "nei takk", "Hva koster det?", "HJELP", "ja k7mx2p"]


def settings_for(url: str):  # type: ignore[no-untyped-def]
    from settings import Settings

    return Settings(_env_file=None, database_url=url, public_base_url=PUBLIC, twilio_account_sid="AC" + "2" * 32, twilio_auth_token=TOKEN, twilio_from="+4759440000", secret_key="bench")  # type: ignore[call-arg]  # fmt: skip


def serve_ours(url: str, port: int) -> None:
    import uvicorn

    from web.app import create_app

    uvicorn.run(create_app(settings_for(url)), host="127.0.0.1", port=port, log_level="warning", backlog=2048)


def serve_bare(url: str, port: int) -> None:
    import uvicorn
    from fastapi import FastAPI, Request, Response
    from sqlalchemy import insert
    from starlette.concurrency import run_in_threadpool

    from channels.twilio_webhooks import valid_twilio_signature
    from store.db import Database
    from store.models import Reply

    settings = settings_for(url)
    db = Database(url)
    app = FastAPI()

    @app.post(PATH)
    async def inbound(request: Request) -> Response:
        form = {k: str(v) for k, v in (await request.form()).items()}
        if not valid_twilio_signature(settings, PATH, form, request.headers.get("X-Twilio-Signature")):
            return Response(status_code=403)

        def store() -> None:
            with db.transaction() as session:
                session.execute(
                    insert(Reply),
                    {
                        "channel": "sms",
                        "sender": form["From"],
                        "text": form["Body"],
                        "provider_id": form["MessageSid"],
                    },
                )

        await run_in_threadpool(store)
        return Response("<Response/>", media_type="application/xml")

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", backlog=2048)


async def hammer(port: int, count: int) -> tuple[float, list[float], dict[int, int]]:
    import aiohttp

    from tests.fakes.twilio_api import signed_inbound_sms

    requests = []
    for n in range(count):
        form, signature = signed_inbound_sms(
            auth_token=TOKEN,
            public_url=PUBLIC + PATH,
            from_=f"+4790{n % 3000:06d}",
            body=TEXTS[n % len(TEXTS)],
            sid=f"SM{n:032x}",
        )
        requests.append((form, signature))  # fmt: skip
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    semaphore = asyncio.Semaphore(CONCURRENCY)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=CONCURRENCY)) as session:

        async def one(form: dict[str, str], signature: str) -> None:
            async with semaphore:
                started = time.perf_counter()
                async with session.post(
                    f"http://127.0.0.1:{port}{PATH}", data=form, headers={"X-Twilio-Signature": signature}
                ) as response:
                    await response.read()
                latencies.append(time.perf_counter() - started)
                statuses[response.status] = statuses.get(response.status, 0) + 1

        started = time.perf_counter()
        await asyncio.gather(*(one(f, s) for f, s in requests))
        return time.perf_counter() - started, latencies, statuses


def fresh(name: str, sqlite: bool, tmp: Path) -> tuple[str, object]:
    from store.db import Database
    from store.migrate import init_database

    if sqlite:
        url = f"sqlite:///{tmp / name}.db"
        cleanup = None
    else:
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        base = os.environ.get("TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
        admin = create_engine(make_url(base).set(database="postgres"), isolation_level="AUTOCOMMIT")
        db_name = f"bench_inbound_{name}_{os.getpid()}"
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{db_name}"'))
        url = make_url(base).set(database=db_name).render_as_string(hide_password=False)

        def cleanup() -> None:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)'))

    db = Database(url)
    init_database(db.engine)
    db.dispose()
    return url, cleanup


def run(kind: str, url: str, count: int) -> tuple[float, list[float], dict[int, int], int]:
    import httpx
    from sqlalchemy import func, select

    from store.db import Database
    from store.models import Reply
    from tests.fakes.server import free_port

    port = free_port()
    server = subprocess.Popen([sys.executable, __file__, f"--serve-{kind}", url, str(port)], cwd=ROOT)
    try:
        for _ in range(200):
            try:
                httpx.get(f"http://127.0.0.1:{port}/", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        seconds, latencies, statuses = asyncio.run(hammer(port, count))
    finally:
        server.terminate()
        server.wait()
    db = Database(url)
    with db.session() as session:
        stored = session.scalar(select(func.count(func.distinct(Reply.provider_id)))) or 0
        rows = session.scalar(select(func.count()).select_from(Reply)) or 0
    db.dispose()
    return seconds, latencies, statuses, stored if stored == rows else -rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--sqlite", action="store_true")
    parser.add_argument("--serve-ours", nargs=2)
    parser.add_argument("--serve-bare", nargs=2)
    args = parser.parse_args()
    if args.serve_ours:
        return serve_ours(args.serve_ours[0], int(args.serve_ours[1]))
    if args.serve_bare:
        return serve_bare(args.serve_bare[0], int(args.serve_bare[1]))
    count = 500 if args.quick else 5_000
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for kind in ("bare", "ours"):
            url, cleanup = fresh(kind, args.sqlite, Path(tmp))
            try:
                results[kind] = run(kind, url, count)
            finally:
                if cleanup:
                    cleanup()  # type: ignore[operator]
    print(
        f"{count:,} signed inbound SMS at {CONCURRENCY} concurrent connections ({'SQLite' if args.sqlite else 'PostgreSQL'})"
    )
    for kind, (seconds, latencies, statuses, stored) in results.items():
        p50 = statistics.median(latencies) * 1000
        p99 = sorted(latencies)[int(len(latencies) * 0.99) - 1] * 1000
        fivexx = sum(n for status, n in statuses.items() if status >= 500)
        label = "bare endpoint (signature + one insert)" if kind == "bare" else "our webhook (engine, TwiML)"
        print(
            f"  {label:<40} {count / seconds:7.1f} req/s  p50 {p50:6.1f} ms  p99 {p99:6.1f} ms  statuses {statuses}  5xx {fivexx}  replies stored once: {stored}"
        )
    ratio = (count / results["ours"][0]) / (count / results["bare"][0])
    print(f"  ratio ours / bare: {ratio:.2f}x (goal >= 0.5x) {'ok' if ratio >= 0.5 else 'MISSED'}")


if __name__ == "__main__":
    main()
