"""Benchmark: the dispatcher against the fake Twilio (50 ms latency), all in one run.

1. 20,000 SMS, no rate limit: our throughput against (a) the naive loop a campaign officer would write
   (sequential `client.messages.create`, measured on a sample and extrapolated) and (b) raw concurrent httpx
   POSTs to the same fake at the same concurrency (the ceiling). Goals: >= 20x (a), >= 0.5x (b).
2. Rate 50/s for 60 s: achieved rate within 5 % and the busiest one-second window <= 50.
3. The crash drill: 20 SIGKILLs of a real worker, each while it is sending; duplicates, losses and unresolved
   rows (goal 0, 0, 0), and how many kills landed mid-send (goal: most).
Each goal is printed with OK or MISSED. The fake runs in its own process so it does not share our event loop
or GIL. `--quick` (used by tests/test_bench_dispatch.py) runs small sizes in well under a minute.

    python bench/dispatch.py [--quick] [--postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.databases import create_database  # noqa: E402
from bench.goals import goal as record_goal  # noqa: E402
from campaigns.dispatch.dispatcher import Dispatcher  # noqa: E402
from campaigns.windows import ALWAYS_OPEN  # noqa: E402
from settings import Settings  # noqa: E402
from store.db import Database  # noqa: E402
from store.migrate import init_database  # noqa: E402
from store.models import Campaign  # noqa: E402
from store.models import CampaignState  # noqa: E402
from store.models import CampaignStep  # noqa: E402
from store.models import Channel  # noqa: E402
from store.models import Message  # noqa: E402
from store.models import MessageKind  # noqa: E402
from store.models import utcnow  # noqa: E402
from tests.fakes.twilio_api import ACCOUNT_SID  # noqa: E402
from tests.fakes.twilio_api import AUTH_TOKEN  # noqa: E402
from tests.fakes.twilio_api import FROM  # noqa: E402

CONCURRENCY = 100


class RemoteFake:
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.fakes.twilio_api", "0"], cwd=ROOT, stdout=subprocess.PIPE, text=True
        )
        assert self.process.stdout is not None
        line = self.process.stdout.readline()  # "PORT n": it bound a free port itself
        self.port = int(line.split()[1])
        self.base_url = f"http://127.0.0.1:{self.port}"
        for _ in range(100):
            try:
                httpx.get(self.base_url + "/__fake__/messages", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)

    def reset(self, latency: float) -> None:
        httpx.post(self.base_url + "/__fake__/latency", json={"latency": latency})

    def log(self) -> list[dict]:  # type: ignore[type-arg]
        return list(httpx.get(self.base_url + "/__fake__/messages", timeout=60).json()["messages"])

    def settings_update(self) -> dict[str, str]:
        return {
            "twilio_account_sid": ACCOUNT_SID,
            "twilio_auth_token": AUTH_TOKEN,
            "twilio_from": FROM,
            "twilio_api_base": self.base_url,
        }

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait()


def fresh_db(tmp: Path, name: str, postgres: bool) -> Database:
    if postgres:
        url = create_database(f"bench_dispatch_{name}_{os.getpid()}")
    else:
        url = f"sqlite:///{tmp / name}.db"
    db = Database(url)
    init_database(db.engine)
    return db


def queue(db: Database, count: int, rate: float) -> None:
    with db.transaction() as session:
        campaign = Campaign(
            name="bench",
            state=CampaignState.RUNNING,
            definition={"window": ALWAYS_OPEN, "rate": {"sms": rate}},
            launched_at=utcnow(),
        )
        step = CampaignStep(
            campaign=campaign, position=0, name="sms", channel=Channel.SMS, template="sms/invitasjon"
        )
        session.add_all([campaign, step])
        session.flush()
        due = utcnow() - timedelta(seconds=1)
        session.execute(
            Message.__table__.insert(),
            [
                {"kind": MessageKind.OUTREACH.value, "campaign_id": campaign.id, "step_id": step.id, "company_id": None,
                 "channel": "sms", "address": f"+479{n:07d}", "body": f"Hei! Melding {n}. Svar STOPP for å melde deg av",
                 "state": "queued", "priority": 10, "due_at": due, "attempts": 0, "language": "nb",
                 "state_changed_at": due, "created_at": due}
                for n in range(count)
            ],
        )  # fmt: skip


def ours(db: Database, fake: RemoteFake, count: int, rate: float, timeout: float) -> float:
    queue(db, count, rate)
    settings = Settings(_env_file=None, database_url=db.url, **fake.settings_update())  # type: ignore[arg-type]
    started = time.perf_counter()
    asyncio.run(
        Dispatcher(
            settings=settings, db=db, concurrency=CONCURRENCY, batch_size=1000, poll_interval=0.05
        ).drain(timeout=timeout)
    )
    return time.perf_counter() - started


def naive(fake: RemoteFake, sample: int) -> float:
    from twilio.rest import Client

    from channels.twilio_http import SyncTwilioClient

    client = Client(ACCOUNT_SID, AUTH_TOKEN, http_client=SyncTwilioClient(base_url=fake.base_url))
    started = time.perf_counter()
    for n in range(sample):
        client.messages.create(to=f"+478{n:07d}", from_=FROM, body="Hei! Svar STOPP for å melde deg av")
    return (time.perf_counter() - started) / sample


async def raw(fake: RemoteFake, count: int) -> float:
    url = f"{fake.base_url}/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
    limits = httpx.Limits(max_connections=CONCURRENCY, max_keepalive_connections=CONCURRENCY)
    async with httpx.AsyncClient(auth=(ACCOUNT_SID, AUTH_TOKEN), limits=limits, timeout=30) as client:
        semaphore = asyncio.Semaphore(CONCURRENCY)

        async def one(n: int) -> None:
            async with semaphore:
                await client.post(url, data={"To": f"+477{n:07d}", "From": FROM, "Body": "Hei! Svar STOPP"})

        started = time.perf_counter()
        await asyncio.gather(*(one(n) for n in range(count)))
        return time.perf_counter() - started


async def raw_aiohttp(fake: RemoteFake, count: int) -> float:
    import aiohttp

    url = f"{fake.base_url}/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json"
    auth = aiohttp.BasicAuth(ACCOUNT_SID, AUTH_TOKEN)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=CONCURRENCY)) as session:
        semaphore = asyncio.Semaphore(CONCURRENCY)

        async def one(n: int) -> None:
            async with (
                semaphore,
                session.post(
                    url, data={"To": f"+476{n:07d}", "From": FROM, "Body": "Hei! Svar STOPP"}, auth=auth
                ) as response,
            ):
                await response.read()

        started = time.perf_counter()
        await asyncio.gather(*(one(n) for n in range(count)))
        return time.perf_counter() - started


def busiest(times: list[float]) -> int:
    times = sorted(times)
    best, j = 0, 0
    for i in range(len(times)):
        while times[i] - times[j] >= 1.0:
            j += 1
        best = max(best, i - j + 1)
    return best


def goal(met: bool) -> str:
    return "OK" if met else "MISSED"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    count = 1_000 if args.quick else 20_000
    raw_count = 150 if args.quick else count  # httpx is slow here: a sample gives its rate
    rate_seconds = 6 if args.quick else 60
    kills = 2 if args.quick else 20
    tmp = Path(tempfile.mkdtemp())
    fake = RemoteFake()
    try:
        fake.reset(0.05)
        per_naive = naive(fake, 20 if args.quick else 200)
        naive_rate = 1 / per_naive
        fake.reset(0.05)
        raw_seconds = asyncio.run(raw(fake, raw_count))
        raw_rate = raw_count / raw_seconds
        fake.reset(0.05)
        aio_rate = count / asyncio.run(raw_aiohttp(fake, count))
        fake.reset(0.05)
        seconds = ours(fresh_db(tmp, "throughput", args.postgres), fake, count, 0, timeout=600)
        sent = len(fake.log())
        rate = sent / seconds
        print(
            f"1. {count:,} SMS, no rate limit, 50 ms latency, concurrency {CONCURRENCY} ({'PostgreSQL' if args.postgres else 'SQLite'})"
        )
        print(f"   naive sequential loop (sample, extrapolated): {naive_rate:8.1f} msg/s")
        print(f"   raw concurrent httpx POSTs (the stated ceiling): {raw_rate:6.1f} msg/s")
        print(f"   raw concurrent aiohttp POSTs (the real ceiling): {aio_rate:6.1f} msg/s")
        print(
            f"   dispatcher:                                   {rate:8.1f} msg/s ({sent:,} accepted in {seconds:.1f} s)"
        )
        print(
            f"   ratio vs naive: {rate / naive_rate:6.1f}x (goal >= 20x) {goal(rate / naive_rate >= 20)}   vs raw httpx: {rate / raw_rate:4.2f}x (goal >= 0.5x) {goal(rate / raw_rate >= 0.5)}   vs raw aiohttp: {rate / aio_rate:4.2f}x"
        )

        record_goal(
            "dispatch: rate vs naive loop", f"{rate / naive_rate:.1f}×", "≥ 20×", rate / naive_rate >= 20
        )
        record_goal(
            "dispatch: rate vs raw httpx", f"{rate / raw_rate:.2f}×", "≥ 0.5×", rate / raw_rate >= 0.5
        )
        fake.reset(0.05)
        target = 50
        seconds = ours(
            fresh_db(tmp, "rate", args.postgres),
            fake,
            target * rate_seconds,
            target,
            timeout=rate_seconds * 3,
        )
        times = [m["received_at"] for m in fake.log()]
        # n sends spread over windows of one second: n / (last - first + 1 s), the fence-post count
        achieved = len(times) / (max(times) - min(times) + 1.0) if times else 0
        within = abs(achieved / target - 1) <= 0.05
        peak = busiest(times)
        print(f"2. rate {target}/s for {rate_seconds} s: achieved {achieved:.1f}/s ({(achieved / target - 1) * 100:+.1f} %, goal within 5 %) {goal(within)}, "
              f"busiest one-second window {peak} (goal <= {target}) {goal(peak <= target)}")  # fmt: skip

        record_goal(f"dispatch: rate {target}/s held", f"{achieved:.1f}/s", "within 5 %", within)
        record_goal("dispatch: busiest one-second window", str(peak), f"≤ {target}", peak <= target)
        from tests.crash_drill import run_drill
        from tests.fakes.twilio_api import FakeTwilio

        local = FakeTwilio().start()
        try:
            result = run_drill(
                fresh_db(tmp, "drill", args.postgres),
                local,
                messages=400 if not args.quick else 120,
                kills=kills,
                log=tmp / "worker.log",
            )
        finally:
            local.stop()
        clean = (result.duplicates, result.lost, result.unresolved) == (0, 0, 0)
        most = result.mid_send > result.kills / 2
        print(f"3. crash drill: {result.kills} SIGKILLs (goal {kills}) {goal(result.kills >= kills)} over {result.messages} messages: duplicates {result.duplicates}, "
              f"lost {result.lost}, unresolved {result.unresolved} (goal 0, 0, 0) {goal(clean)}; "
              f"{result.mid_send} of {result.kills} kills landed while rows were sending (goal: most) {goal(most)}")  # fmt: skip
        record_goal("dispatch: crash drill kills", str(result.kills), f"≥ {kills}", result.kills >= kills)
        record_goal(
            "dispatch: crash drill duplicates, lost, unresolved",
            f"{result.duplicates}, {result.lost}, {result.unresolved}",
            "0, 0, 0",
            clean,
        )
        record_goal("dispatch: kills landing mid-send", f"{result.mid_send} of {result.kills}", "most", most)
    finally:
        fake.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
