"""The crash drill: a real `jeger worker` process is SIGKILLed at random moments while it drains an outbox
into the fake Twilio, restarted each time, and finally the fake's log is checked: every message exactly once.
Shared by tests/test_crash_drill.py and bench/dispatch.py.

A kill before the worker sends proves nothing, so each incarnation is killed only once it demonstrably sends
(the fake has a new message since it started), after a random short delay. Right after each kill the outbox
is read: rows still `sending` mean the kill landed mid-send, with requests claimed or in flight. The drill
counts those kills, and the test requires most kills to be of that kind.
"""

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

from sqlalchemy import func
from sqlalchemy import select

from store.db import Database
from store.models import Message
from store.models import MessageState
from tests.fakes.twilio_api import FakeTwilio
from tests.outbox_factories import make_campaign
from tests.outbox_factories import queue_messages

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class DrillResult:
    messages: int
    kills: int
    duplicates: int
    lost: int
    unresolved: int
    mid_send: int  # kills that left rows `sending` (claimed or in flight at the moment of the kill)


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
    done_kills = mid_send = 0
    for _ in range(kills):
        if not _open_rows(db):
            break  # all sent already: more kills would prove nothing
        before = len(fake.messages)
        worker = start_worker(db.url, fake, log)
        deadline = time.monotonic() + 120  # start-up (imports, reconciliation) on a loaded machine
        while len(fake.messages) <= before and worker.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.uniform(0.02, 0.4))  # somewhere in the middle of sending,
        _wait_for_sending(db, worker)  # at a moment when the worker holds claimed rows
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait()
        done_kills += 1
        mid_send += 1 if _sending(db) else 0  # rows the dead worker left claimed or in flight
    worker = start_worker(db.url, fake, log)  # the survivor drains the rest
    deadline = time.monotonic() + 180
    try:
        while time.monotonic() < deadline and _open_rows(db):
            time.sleep(0.2)
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
        mid_send=mid_send,
    )


def _sending(db: Database) -> int:
    with db.session() as session:
        return int(
            session.scalar(
                select(func.count()).select_from(Message).where(Message.state == MessageState.SENDING)
            )
            or 0
        )


def _wait_for_sending(db: Database, worker: subprocess.Popen[bytes], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not _sending(db) and worker.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)


def _open_rows(db: Database) -> int:
    with db.session() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(Message)
                .where(Message.state.in_([MessageState.QUEUED, MessageState.SENDING, MessageState.UNKNOWN]))
            )
            or 0
        )
