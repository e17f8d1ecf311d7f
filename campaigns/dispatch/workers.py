"""The dispatchers alive against one database, seen through their heartbeats: how many share the campaigns'
rates, the one-worker rule of SQLite, and the sweep of beats left by workers long gone."""

from __future__ import annotations

import os
from datetime import datetime
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from campaigns.dispatch.reconcile import HOST
from campaigns.dispatch.reconcile import PROCESS_STARTED
from campaigns.dispatch.reconcile import worker_beats
from catalogue.phrases import Refusal
from catalogue.phrases import said
from store.db import Database
from store.heartbeats import record_heartbeat
from store.models import Heartbeat
from store.models import utcnow

SHARING_FRESH = timedelta(seconds=10)  # workers beating this recently share the campaigns' rates
OLD_HEARTBEATS = timedelta(days=1)


class AnotherWorkerRunning(Refusal, RuntimeError):
    """SQLite allows one dispatcher, and another one is alive (catalogue.campaign_errors)."""


def refuse_second_sqlite_worker(
    session: Session, *, name: str = "dispatcher", now: datetime | None = None, me: str = ""
) -> None:
    """Raises AnotherWorkerRunning when another dispatcher is alive (call it on SQLite only): a second one
    would claim the same rows, since SQLite has no SKIP LOCKED."""
    now = now or utcnow()
    for beat in worker_beats(session, name=name, now=now).values():
        if beat.worker_id == me or beat.dead:
            continue
        where = (
            said("sender_process_on", pid=beat.pid, host=beat.host)
            if beat.pid
            else said("sender_other_process")
        )
        raise AnotherWorkerRunning(
            "sender_already_running", where=where, seconds=f"{beat.age.total_seconds():.0f}"
        )


def check_can_start(db: Database) -> None:
    """For `jeger worker`: refuses before anything starts when SQLite already has a live dispatcher."""
    if db.is_postgres:
        return
    with db.session() as session:
        refuse_second_sqlite_worker(session)


def beat(session: Session, *, name: str, worker_id: str, now: datetime, queue: int, in_flight: int) -> None:
    """The shared beat (`name`, what /healthz reads) and this worker's own (`name:worker_id`, what the others
    count and reconciliation asks whether it is alive)."""
    info = {
        "worker": worker_id,
        "host": HOST,
        "pid": os.getpid(),
        "started": PROCESS_STARTED,
        "queue": queue,
        "in_flight": in_flight,
    }
    for key in (name, f"{name}:{worker_id}"):
        record_heartbeat(session, name=key, now=now, info=info)


def forget_worker(session: Session, *, name: str, worker_id: str) -> None:
    """A cleanly stopped worker no longer takes a share of the rates."""
    session.execute(delete(Heartbeat).where(Heartbeat.name == f"{name}:{worker_id}"))


def workers_sharing(session: Session, *, name: str, now: datetime) -> int:
    """How many live workers share the rates (at least this one)."""
    beats = worker_beats(session, name=name, now=now)
    return max(sum(1 for b in beats.values() if b.age <= SHARING_FRESH and not b.dead), 1)


def forget_old_beats(session: Session, *, name: str, now: datetime) -> None:
    session.execute(
        delete(Heartbeat).where(Heartbeat.name.like(f"{name}:%"), Heartbeat.beat_at < now - OLD_HEARTBEATS)
    )
