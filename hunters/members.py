"""Members of a hunter organisation add and remove each other (PRODUCT §10); staff add the first one.

Every change is written to the audit log. A removed member keeps its row (notes and the log name the person)
with `removed_at` set, and loses every portal session at once: the removal is what ends them, not the cookie's
expiry. One address belongs to one active member, so a sign-in link or code names exactly one person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from companies.emails import normalize_email
from companies.phones import normalize_phone
from hunters.member_sessions import end_member_sessions
from staff.audit import record
from store.models import HunterMember
from store.models import HunterState
from store.models import utcnow

UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")  # controls, NUL, lone surrogates


class MemberError(ValueError):
    """A refused member change; `key` and `values` are the catalogue text the edge shows (catalogue.hunter_org)."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class CleanMember:
    name: str
    email: str | None
    phone: str | None


def clean_member(
    session: Session, *, name: str, email: str, phone: str, require_email: bool = True
) -> tuple[CleanMember | None, dict[str, str]]:
    """The member's fields normalised, or the catalogue key of what is wrong with each field.

    An address that an active member already uses is refused: sign-in finds the member by it."""
    problems: dict[str, str] = {}
    name = " ".join(name.split())
    if not 2 <= len(name) <= 200 or UNSTORABLE.search(name):
        problems["member_name"] = "org_error_member_name"
    address = normalize_email(email) if email.strip() else None
    if email.strip() and address is None:
        problems["email"] = "org_error_email"
    elif address is None and require_email:
        problems["email"] = "org_error_email_missing"
    number = normalize_phone(phone) if phone.strip() and len(phone) <= 40 else None
    if phone.strip() and number is None:
        problems["phone"] = "org_error_phone"
    if address is None and number is None and "email" not in problems and "phone" not in problems:
        problems["email"] = "org_error_email_missing"
    if address and "email" not in problems and _taken(session, HunterMember.email, address):
        problems["email"] = "org_error_email_taken"
    if number and "phone" not in problems and _taken(session, HunterMember.phone, number):
        problems["phone"] = "org_error_phone_taken"
    if problems:
        return None, problems
    return CleanMember(name=name, email=address, phone=number), {}


def _taken(session: Session, column: Any, value: str) -> bool:
    count = session.scalar(
        select(func.count())
        .select_from(HunterMember)
        .where(column == value, HunterMember.removed_at.is_(None))
    )
    return bool(count)


def active_members(session: Session, *, hunter_id: int) -> list[HunterMember]:
    return list(
        session.scalars(
            select(HunterMember)
            .where(HunterMember.hunter_id == hunter_id, HunterMember.removed_at.is_(None))
            .order_by(HunterMember.id)
        )
    )


def create_member(
    session: Session, *, hunter_id: int, member: CleanMember, telegram_chat_id: str | None = None
) -> HunterMember:
    """Adds a checked person to an organisation; callers log who did it (sign-up, a member, staff)."""
    row = HunterMember(
        hunter_id=hunter_id,
        name=member.name,
        email=member.email,
        phone=member.phone,
        telegram_chat_id=telegram_chat_id,
    )
    session.add(row)
    session.flush()
    return row


def acting_member(session: Session, member_id: int) -> HunterMember:
    """The member who acts, if they still may: present, not removed, organisation not rejected."""
    member = session.get(HunterMember, member_id)
    if member is None or member.removed_at is not None or member.hunter.state == HunterState.REJECTED:
        raise MemberError("org_error_not_member")
    return member


def add_member(
    session: Session, *, actor_member_id: int, name: str, email: str, phone: str = ""
) -> HunterMember:
    """A member adds a colleague to their own organisation (and only to it)."""
    actor = acting_member(session, actor_member_id)
    member, problems = clean_member(session, name=name, email=email, phone=phone)
    if member is None:
        first = next(iter(problems.values()))
        raise MemberError(first)
    row = create_member(session, hunter_id=actor.hunter_id, member=member)
    record(
        session,
        action="member.added",
        actor_member_id=actor.id,
        hunter_id=actor.hunter_id,
        member_id=row.id,
    )
    return row


def remove_member(
    session: Session, *, actor_member_id: int, member_id: int, now: datetime | None = None
) -> HunterMember:
    """A member removes a colleague (or themselves) from their own organisation; the person's sessions end.

    The last active member cannot be removed: nobody would be left to sign in, add people or hear of leads."""
    actor = acting_member(session, actor_member_id)
    member = session.get(HunterMember, member_id)
    if member is None or member.hunter_id != actor.hunter_id or member.removed_at is not None:
        # Another organisation's member is "not found" too: an id proves nothing about who may see it.
        raise MemberError("org_error_member_unknown", member_id=member_id)
    if len(active_members(session, hunter_id=actor.hunter_id)) <= 1:
        raise MemberError("org_error_last_member")
    member.removed_at = now or utcnow()
    member.telegram_chat_id = None  # the chat no longer speaks for the organisation (and may join another)
    ended = end_member_sessions(session, member_id=member.id)
    record(
        session,
        action="member.removed",
        actor_member_id=actor.id,
        hunter_id=actor.hunter_id,
        member_id=member.id,
        detail={"sessions_ended": ended},
    )
    return member
