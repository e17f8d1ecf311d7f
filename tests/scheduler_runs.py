"""Running the campaign scheduler in a test until something has happened, not for a fixed time: APScheduler
fires on the wall clock, so a test that restarts it polls for the outcome (tests.polling.eventually)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from scheduler import CampaignScheduler
from settings import Settings
from store.db import Database
from store.models import Heartbeat
from tests.polling import eventually


def last_beat(db: Database) -> datetime | None:
    with db.session() as session:
        beat = session.get(Heartbeat, CampaignScheduler.name)
        return beat.beat_at if beat is not None else None


def ticked(db: Database) -> Callable[[], bool]:
    """A probe that turns true once the scheduler has recorded a heartbeat after this call: a (re)started
    instance has run its first tick (housekeeping and the safety net that re-adds missing step jobs)."""
    before = last_beat(db)
    return lambda: last_beat(db) not in (None, before)


async def run_scheduler(
    *,
    settings: Settings,
    db: Database,
    until: Callable[[], object],
    what: str,
    tick_seconds: float = 0.2,
    timeout: float = 60.0,
) -> None:
    """Starts a scheduler on `db`, waits until `until()` holds (read in a thread), and stops it again."""
    scheduler = CampaignScheduler(settings=settings, db=db, tick_seconds=tick_seconds)
    await scheduler.start()
    try:
        await eventually(until, what=what, timeout=timeout)
    finally:
        await scheduler.stop()
