"""Benchmark: materialise one SMS step for a 100,000-company audience, on SQLite and PostgreSQL.

Baseline in the same run: the same pre-rendered outbox rows inserted with one bare `executemany` (goal: ours
<= 3x). Peak RSS of the run (goal < 400 MB). Then the letters benchmark (bench/letters.py): 500 personalised
PDF letters against one fixed letter rendered 500 times (goal <= 1.3x per core used).

    python bench/launch.py [--companies N] [--quick] [--postgresql | --no-postgresql] [--no-letters]

PostgreSQL (TEST_DATABASE_URL, or the local default) is part of a full run and of a quick run given
`--postgresql`; when it is asked for and cannot be reached the run fails instead of skipping it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.databases import PG_URL  # noqa: E402
from bench.databases import create_database  # noqa: E402
from bench.databases import drop_database  # noqa: E402
from bench.goals import goal  # noqa: E402


def child(url: str, companies: int) -> None:
    from sqlalchemy import Table
    from sqlalchemy import delete
    from sqlalchemy import insert
    from sqlalchemy import select

    from campaigns.outbox import materialise_step
    from settings import Settings
    from store.db import Database
    from store.migrate import init_database
    from store.models import Campaign
    from store.models import CampaignState
    from store.models import CampaignStep
    from store.models import Channel
    from store.models import Company
    from store.models import Contact
    from store.models import Message
    from store.models import utcnow
    from store.secrets import AddressHasher
    from tests.register_files import valid_orgnrs

    db = Database(url)
    init_database(db.engine)
    settings = Settings(_env_file=None, database_url=url)
    with db.transaction() as session:
        hasher = AddressHasher.load(session)
        orgnrs = list(valid_orgnrs(companies, seed=3))
        session.execute(insert(cast(Table, Company.__table__)), [
            {"orgnr": o, "name": f"Bedrift {n} AS", "county_number": "55", "nace_code": "43.210", "employees": 10,
             "language": "nb", "bankrupt": False, "winding_up": False, "is_training_company": False,
             "created_at": utcnow(), "updated_at": utcnow()} for n, o in enumerate(orgnrs)])  # fmt: skip
        ids = session.scalars(select(Company.id).order_by(Company.id)).all()
        session.execute(insert(cast(Table, Contact.__table__)), [
            {"company_id": cid, "kind": "phone", "address": f"+479{n:07d}", "address_hash": hasher("phone", f"+479{n:07d}"),
             "is_mobile": True, "source": "register", "created_at": utcnow()} for n, cid in enumerate(ids)])  # fmt: skip
        window = {
            "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
            "start": "00:00",
            "end": "23:59",
            "skip_holidays": False,
        }
        campaign = Campaign(name="Bench", state=CampaignState.RUNNING, launched_at=utcnow() - timedelta(hours=1),
                            definition={"window": window, "rate": {"sms": 5}, "audience": {"counties": ["55"]}})  # fmt: skip
        step = CampaignStep(
            campaign=campaign,
            position=0,
            name="sms",
            channel=Channel.SMS,
            template="sms/invitasjon",
            scheduled_for=utcnow(),
        )
        session.add_all([campaign, step])
        session.flush()
        step_id = step.id
    from companies.identifiers import ensure_identifiers

    # Timed: giving every company its short code and token (done once, when a campaign first reaches it)
    # is part of launching, as is rendering and writing the outbox.
    started = time.perf_counter()
    with db.transaction() as session:
        ensure_identifiers(session, company_ids=ids)
    with db.transaction() as session:
        count = materialise_step(session, step_id=step_id, settings=settings)
    ours = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # Baseline: the very rows we wrote, inserted again with one bare executemany.
    table = cast(Table, Message.__table__)
    with db.transaction() as session:
        rows = [dict(r._mapping) for r in session.execute(select(table))]
        session.execute(delete(table))
    for row in rows:
        row.pop("id")
    raw = db.engine.raw_connection()
    columns = list(rows[0])
    marker = "?" if url.startswith("sqlite") else "%s"
    values = [tuple(_plain(r[c], url) for c in columns) for r in rows]
    started = time.perf_counter()
    cursor = raw.cursor()
    cursor.executemany(
        f"INSERT INTO message ({', '.join(columns)}) VALUES ({', '.join([marker] * len(columns))})", values
    )
    raw.commit()
    baseline = time.perf_counter() - started
    raw.close()
    print(json.dumps({"messages": count, "ours": ours, "baseline": baseline, "rss_mb": peak}))


def _plain(value: object, url: str) -> object:
    from datetime import datetime

    if isinstance(value, dict):
        return json.dumps(value)
    if hasattr(value, "value"):
        return value.value
    if isinstance(value, datetime) and url.startswith("sqlite"):
        return value.replace(tzinfo=None).isoformat(" ")
    return value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--companies", type=int, default=100_000)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--postgresql", action=argparse.BooleanOptionalAction, default=None,
                        help="also on PostgreSQL (default: yes, except with --quick)")  # fmt: skip
    parser.add_argument("--letters", action=argparse.BooleanOptionalAction, default=True,
                        help="then the letters benchmark (default: yes)")  # fmt: skip
    parser.add_argument("--child", nargs=2)
    args = parser.parse_args()
    if args.child:
        return child(args.child[0], int(args.child[1]))
    companies = 2_000 if args.quick else args.companies
    postgresql = (not args.quick) if args.postgresql is None else args.postgresql
    print(
        f"materialise one SMS step for {companies:,} companies (render + outbox), vs bare executemany of the same rows"
    )
    with tempfile.TemporaryDirectory() as tmp:
        targets: list[tuple[str, str | None]] = [("sqlite", f"sqlite:///{tmp}/launch.db")]
        if postgresql:
            targets.append(("postgresql", None))
        for name, url in targets:
            drop: str | None = None  # the PostgreSQL database to drop afterwards
            if url is None:
                from sqlalchemy.engine import make_url

                db_name = f"bench_launch_{os.getpid()}"
                try:
                    url = create_database(db_name)
                except Exception as exc:
                    print(
                        f"{name}: unreachable at {make_url(PG_URL).render_as_string()} ({exc.__class__.__name__}): MISSED"
                    )
                    raise SystemExit(
                        f"{name} was asked for but cannot be reached; --no-postgresql skips it"
                    ) from exc
                drop = db_name

            proc = subprocess.run(
                [sys.executable, __file__, "--child", url, str(companies)],
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            if drop is not None:
                drop_database(drop)
            if proc.returncode != 0:
                raise SystemExit(proc.stderr[-3000:])
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            ratio = r["ours"] / r["baseline"]
            print(f"{name:<10} {r['messages']:>7,} messages: ours {r['ours']:6.2f} s, baseline {r['baseline']:5.2f} s, "
                  f"ratio {ratio:4.2f}x (goal <= 3x) {'OK' if ratio <= 3 else 'MISSED'}; peak RSS {r['rss_mb']:.0f} MB "
                  f"(goal < 400 MB) {'OK' if r['rss_mb'] < 400 else 'MISSED'}")  # fmt: skip
            goal(
                f"launch {name}: materialise vs executemany",
                f"{ratio:.2f}× ({r['ours']:.1f} s)",
                "≤ 3×",
                ratio <= 3,
            )
            goal(f"launch {name}: peak RSS", f"{r['rss_mb']:.0f} MB", "< 400 MB", r["rss_mb"] < 400)
    if args.letters:
        letters = [sys.executable, str(ROOT / "bench" / "letters.py")] + (["--quick"] if args.quick else [])
        subprocess.run(letters, cwd=ROOT, check=True)


if __name__ == "__main__":
    main()
