"""Counters in the database, so every `jeger web` process sees the same failed logins and the same rate limits.

One row per key. `hit` is a fixed-window counter made atomic by one upsert (`INSERT ... ON CONFLICT DO UPDATE
... RETURNING`), which SQLite (3.35+) and PostgreSQL both run as a single statement: two processes counting
the same client at the same instant both land in the count, neither overwrites the other.
"""

from __future__ import annotations

from datetime import datetime
from datetime import timedelta
from typing import Any

from sqlalchemy import case
from sqlalchemy import delete
from sqlalchemy import literal
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from store.models import Throttle
from store.models import UTCDateTime
from store.models import utcnow

KEEP_FOR = timedelta(days=1)  # a row untouched this long is swept: every policy here forgets sooner
SWEEP_EVERY = timedelta(minutes=5)

_last_sweep: dict[str, datetime] = {}  # per database URL: one sweep per process every few minutes is plenty


def _insert(session: Session) -> Any:
    return pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert


def hit(session: Session, *, key: str, window: timedelta, now: datetime | None = None) -> int:
    """Counts one event for `key` in the current window and returns the count including it.

    A window that has passed starts over at this event. Callers commit (the count is the row's, so an
    uncommitted hit is seen by nobody else)."""
    now = now or utcnow()
    _sweep(session, now)
    table = Throttle.__table__
    expired = table.c.window_start <= now - window
    statement = (
        _insert(session)(Throttle)
        .values(key=key, hits=1, window_start=now, updated_at=now)
        .on_conflict_do_update(
            index_elements=[table.c.key],
            set_={
                "hits": case((expired, 1), else_=table.c.hits + 1),
                "window_start": case((expired, literal(now, UTCDateTime())), else_=table.c.window_start),
                "updated_at": now,
            },
        )
        .returning(table.c.hits)
    )
    return int(session.execute(statement).scalar_one())


def count(session: Session, *, key: str, window: timedelta, now: datetime | None = None) -> int:
    """Events for `key` in its current window (0 when the window has passed or there were none)."""
    now = now or utcnow()
    row = _row(session, key)
    if row is None or row.window_start <= now - window:
        return 0
    return row.hits


def window_left(session: Session, *, key: str, window: timedelta, now: datetime | None = None) -> timedelta:
    """How long the current window of `key` still runs (zero when none)."""
    now = now or utcnow()
    row = _row(session, key)
    if row is None:
        return timedelta(0)
    return max(timedelta(0), row.window_start + window - now)


def wait_at_limit(
    session: Session, *, key: str, window: timedelta, limit: int, now: datetime | None = None
) -> timedelta:
    """How long `key` must wait when it has used up `limit` events in its current window (zero when it has not):
    the one check the staff login and the portal's code sign-in make before they count a new try."""
    now = now or utcnow()
    if count(session, key=key, window=window, now=now) < limit:
        return timedelta(0)
    return window_left(session, key=key, window=window, now=now)


def _row(session: Session, key: str) -> Any:
    """The counter's current values, read past the session's identity map (`hit` writes with Core)."""
    return session.execute(
        select(Throttle.hits, Throttle.window_start).where(Throttle.key == key)
    ).one_or_none()


def blocked_for(session: Session, *, key: str, now: datetime | None = None) -> timedelta:
    """How long `key` is still blocked (zero when it is not)."""
    now = now or utcnow()
    until = session.scalar(select(Throttle.blocked_until).where(Throttle.key == key))
    if until is None or until <= now:
        return timedelta(0)
    return until - now


def block(session: Session, *, key: str, until: datetime) -> None:
    """Blocks `key` until the given time (the row exists: `hit` came first)."""
    session.execute(update(Throttle).where(Throttle.key == key).values(blocked_until=until))


def clear(session: Session, *, key: str) -> None:
    session.execute(delete(Throttle).where(Throttle.key == key))


def clear_prefix(session: Session, *, prefix: str) -> int:
    """Forgets every key starting with `prefix` (an admin unlocking an account on every client)."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    result = session.execute(delete(Throttle).where(Throttle.key.like(escaped + "%", escape="\\")))
    return int(getattr(result, "rowcount", 0) or 0)


def _sweep(session: Session, now: datetime) -> None:
    """Drops rows nobody touched for a day, at most once per SWEEP_EVERY per process and database, so a crawler
    with a thousand addresses leaves no thousand rows behind for ever."""
    url = str(session.get_bind().engine.url)
    last = _last_sweep.get(url)
    if last is not None and now - last < SWEEP_EVERY:
        return
    _last_sweep[url] = now
    session.execute(delete(Throttle).where(Throttle.updated_at < now - KEEP_FOR))
