"""Staff accounts as the staff lists show them (`jeger staff list`, the dashboard's Brukere page): each user
with whether a client waits to try it and how many sessions are live, in a fixed number of queries however
many users there are."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm import selectinload

from staff.login import throttled_accounts
from staff.sessions import live_session_counts
from store.models import StaffUser


@dataclass(frozen=True)
class StaffEntry:
    user: StaffUser
    throttled: bool  # some client waits before it may try this account again (wrong passwords)
    sessions: int  # live dashboard sessions


def staff_overview(session: Session, *, now: datetime) -> list[StaffEntry]:
    """Every staff user by e-mail address, counties loaded with them."""
    users = list(
        session.scalars(select(StaffUser).options(selectinload(StaffUser.counties)).order_by(StaffUser.email))
    )
    throttled = throttled_accounts(session, emails=[u.email for u in users], now=now)
    sessions = live_session_counts(session, now=now)
    return [StaffEntry(u, u.email in throttled, sessions.get(u.id, 0)) for u in users]
