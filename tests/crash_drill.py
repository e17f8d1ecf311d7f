"""The crash drill: a real `jeger worker` process is SIGKILLed at random moments while it drains an outbox
into the fake Twilio, restarted each time, and finally the fake's log is checked: every message exactly once.
Shared by tests/test_crash_drill.py and bench/dispatch.py."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select

from store.db import Database
from store.models import Message, MessageState

from .fakes.twilio_api import FakeTwilio
from .outbox_factories import make_campaign, queue_messages

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class DrillResult:
    messages: int
    kills: int
    duplicates: int
    lost: int
    unresolved: int


def start_worker(database_url: str, fake: FakeTwilio, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DATABASE_URL": database_url, **fake.env(), "PYTHONUNBUFFERED": "1"}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    return subprocess.Popen(
        [sys.executable, "-c", "import cli; cli.main()", "worker"],
        cwd=ROOT,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def run_drill(
    db: Database, fake: FakeTwilio, *, messages: int, kills: int, log: Path, seed: int = 7
) -> DrillResult:
    rng = random.Random(seed)
    with db.transaction() as session:
        campaign, step = make_campaign(session, rate={"sms": 40})  # slow enough that kills land mid-drain
        queue_messages(session, campaign=campaign, step=step, count=messages)
    fake.latency = 0.02
    done_kills = 0
    for _ in range(kills):
        worker = start_worker(db.url, fake, log)
        time.sleep(rng.uniform(1.0, 3.0))  # start-up takes about a second: some kills land before any send
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()
        done_kills += 1
    worker = start_worker(db.url, fake, log)  # the survivor drains the rest
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            with db.session() as session:
                open_rows = session.scalar(
                    select(func.count())
                    .select_from(Message)
                    .where(
                        Message.state.in_([MessageState.QUEUED, MessageState.SENDING, MessageState.UNKNOWN])
                    )
                )
            if not open_rows:
                break
            time.sleep(0.5)
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)
    with db.session() as session:
        bodies = list(session.scalars(select(Message.body)))
        unresolved = (
            session.scalar(
                select(func.count()).select_from(Message).where(Message.state != MessageState.SENT)
            )
            or 0
        )
    seen = Counter(m.body for m in fake.messages)
    return DrillResult(
        messages=messages,
        kills=done_kills,
        duplicates=sum(n - 1 for n in seen.values() if n > 1),
        lost=sum(1 for body in bodies if seen[body] == 0),
        unresolved=int(unresolved),
    )
