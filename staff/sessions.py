"""Dashboard sessions. The cookie carries a random session id; the table keeps only its sha256, so a stolen
database gives no working cookies, and deleting the row ends the session whatever the browser still holds."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from store.models import StaffSession, StaffUser, utcnow

SESSION_LIFETIME = timedelta(hours=12)  # a working day; staff log in again the next morning
SEEN_EVERY = timedelta(minutes=5)  # last_seen_at is written at most this often (one write, not one per page)


def token_digest(token: str) -> str:
    """The sha256 kept for session ids and API tokens: they are random, so no salt or slow hash is needed."""
    return hashlib.sha256(token.encode()).hexdigest()


def create_session(session: Session, *, staff_id: int, now: datetime | None = None) -> str:
    """Starts a dashboard session and returns its id (for the cookie); expired rows are swept on the way."""
    now = now or utcnow()
    session.execute(delete(StaffSession).where(StaffSession.expires_at <= now))
    session_id = secrets.token_urlsafe(32)
    session.add(
        StaffSession(
            id_hash=token_digest(session_id),
            staff_id=staff_id,
            created_at=now,
            last_seen_at=now,
            expires_at=now + SESSION_LIFETIME,
        )
    )
    session.flush()
    return session_id


def staff_by_session(session: Session, session_id: str, *, now: datetime | None = None) -> StaffUser | None:
    """The active staff user of a live session, or None (unknown, expired, ended, or user deactivated)."""
    now = now or utcnow()
    row = session.get(StaffSession, token_digest(session_id))
    if row is None or row.expires_at <= now:
        return None
    user = session.get(StaffUser, row.staff_id)
    if user is None or not user.active:
        return None
    if now - row.last_seen_at >= SEEN_EVERY:
        row.last_seen_at = now  # left unflushed: the caller sees it in `session.dirty` and commits
    return user


def end_session(session: Session, session_id: str) -> None:
    session.execute(delete(StaffSession).where(StaffSession.id_hash == token_digest(session_id)))


def end_all_sessions(session: Session, *, staff_id: int) -> int:
    result = session.execute(delete(StaffSession).where(StaffSession.staff_id == staff_id))
    return int(getattr(result, "rowcount", 0) or 0)


def live_sessions(session: Session, *, staff_id: int, now: datetime | None = None) -> int:
    now = now or utcnow()
    return (
        session.scalar(
            select(func.count())
            .select_from(StaffSession)
            .where(StaffSession.staff_id == staff_id, StaffSession.expires_at > now)
        )
        or 0
    )
