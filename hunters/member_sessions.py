"""Portal sessions of hunter members, kept like staff sessions (`staff.sessions`): the cookie holds a random id,
the table only its sha256, so ending a session in the database ends it for every copy of the cookie."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from staff.sessions import end_row
from staff.sessions import end_rows
from staff.sessions import live_row
from staff.sessions import start_row
from staff.sessions import touch
from store.models import HunterMember
from store.models import HunterState
from store.models import MemberSession
from store.models import utcnow


def start_member_session(session: Session, *, member_id: int, now: datetime | None = None) -> str:
    """Starts a portal session and returns its id, for the cookie. The caller commits."""
    return start_row(session, MemberSession, owner={"member_id": member_id}, now=now or utcnow())


def member_by_session(
    session: Session, session_id: str, *, now: datetime | None = None
) -> HunterMember | None:
    """The member of a live session, or None: unknown, expired, ended, the member removed, or the organisation
    rejected (a rejected organisation sees no leads, whatever cookie its people still hold)."""
    now = now or utcnow()
    row = live_row(session, MemberSession, session_id, now=now)
    if row is None:
        return None
    member = session.get(HunterMember, row.member_id)
    if member is None or not may_sign_in(member):
        return None
    touch(row, now=now)
    return member


def may_sign_in(member: HunterMember) -> bool:
    """Members of approved and pending organisations sign in (a pending one sees that it waits)."""
    return member.removed_at is None and member.hunter.state != HunterState.REJECTED


def end_member_session(session: Session, session_id: str) -> None:
    end_row(session, MemberSession, session_id)


def end_member_sessions(session: Session, *, member_id: int) -> int:
    """Ends every portal session of a member at once: called when the member is removed. The caller commits."""
    return end_rows(session, MemberSession.member_id, member_id)
