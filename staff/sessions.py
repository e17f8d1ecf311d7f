"""Signed-in sessions, for staff on the dashboard and members on the hunter portal. The cookie carries a random
session id; the table keeps only its sha256, so a stolen database gives no working cookies, and deleting the row
ends the session whatever the browser still holds.

Both kinds of session are rows of the same shape (`id_hash`, an owner id, `created_at`, `last_seen_at`,
`expires_at`); the `*_row` functions below work on either table, and the staff functions name theirs."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime
from datetime import timedelta
from typing import Any
from typing import TypeVar

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute
from sqlalchemy.orm import Session

from store.models import StaffSession
from store.models import StaffUser
from store.models import utcnow

SESSION_LIFETIME = timedelta(hours=12)  # a working day; people sign in again the next morning
SEEN_EVERY = timedelta(minutes=5)  # last_seen_at is written at most this often (one write, not one per page)

Row = TypeVar("Row", bound=Any)


def token_digest(token: str) -> str:
    """The sha256 kept for session ids and API tokens: they are random, so no salt or slow hash is needed."""
    return hashlib.sha256(token.encode()).hexdigest()


def start_row(session: Session, model: type[Any], *, owner: dict[str, int], now: datetime) -> str:
    """Adds a session row for `owner` (e.g. `{"staff_id": 3}`) and returns its id; expired rows are swept."""
    session.execute(delete(model).where(model.expires_at <= now))
    session_id = secrets.token_urlsafe(32)
    session.add(
        model(
            id_hash=token_digest(session_id),
            created_at=now,
            last_seen_at=now,
            expires_at=now + SESSION_LIFETIME,
            **owner,
        )
    )
    session.flush()
    return session_id


def live_row(session: Session, model: type[Row], session_id: str, *, now: datetime) -> Row | None:
    """The unexpired row of a session id; `touch` it once its owner is known to be allowed in."""
    row = session.get(model, token_digest(session_id))
    if row is None or row.expires_at <= now:
        return None
    return row


def touch(row: Any, *, now: datetime) -> None:
    """Records that the session is in use, at most every SEEN_EVERY. Left unflushed, after every query of the
    request's lookup (a query would autoflush it away from `session.dirty`): the caller sees it there and
    commits."""
    if now - row.last_seen_at >= SEEN_EVERY:
        row.last_seen_at = now


def end_row(session: Session, model: type[Any], session_id: str) -> None:
    session.execute(delete(model).where(model.id_hash == token_digest(session_id)))


def end_rows(session: Session, owner: InstrumentedAttribute[int], owner_id: int) -> int:
    """Ends every session of one owner (`owner` is the table's owner column, e.g. `StaffSession.staff_id`)."""
    result = session.execute(delete(owner.class_).where(owner == owner_id))
    return int(getattr(result, "rowcount", 0) or 0)


def create_session(session: Session, *, staff_id: int, now: datetime | None = None) -> str:
    """Starts a dashboard session and returns its id (for the cookie)."""
    return start_row(session, StaffSession, owner={"staff_id": staff_id}, now=now or utcnow())


def staff_by_session(session: Session, session_id: str, *, now: datetime | None = None) -> StaffUser | None:
    """The active staff user of a live session, or None (unknown, expired, ended, or user deactivated)."""
    now = now or utcnow()
    row = live_row(session, StaffSession, session_id, now=now)
    if row is None:
        return None
    user = session.get(StaffUser, row.staff_id)
    if user is None or not user.active:
        return None
    touch(row, now=now)
    return user


def end_session(session: Session, session_id: str) -> None:
    end_row(session, StaffSession, session_id)


def end_all_sessions(session: Session, *, staff_id: int) -> int:
    return end_rows(session, StaffSession.staff_id, staff_id)


def live_session_counts(session: Session, *, now: datetime) -> dict[int, int]:
    """Live sessions per user, in one grouped query; users without any are absent."""
    rows = session.execute(
        select(StaffSession.staff_id, func.count())
        .where(StaffSession.expires_at > now)
        .group_by(StaffSession.staff_id)
    ).tuples()
    return dict(rows.all())
