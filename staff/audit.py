"""The audit log: who changed an organisation or its members, kept for staff and for the organisation itself.

Entries carry ids and codes, never names or addresses: a person's erasure (`companies.privacy`, `jeger privacy
erase`) must not have to rewrite history, and the names are one join away while the person exists.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import AuditEvent


def record(
    session: Session,
    *,
    action: str,
    actor_staff_id: int | None = None,
    actor_member_id: int | None = None,
    hunter_id: int | None = None,
    member_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Adds one entry in the caller's transaction, so the entry and the change it describes commit together."""
    event = AuditEvent(
        action=action,
        actor_staff_id=actor_staff_id,
        actor_member_id=actor_member_id,
        hunter_id=hunter_id,
        member_id=member_id,
        detail=detail,
    )
    session.add(event)
    session.flush()
    return event


def events_of_organisation(session: Session, *, hunter_id: int) -> list[AuditEvent]:
    return list(
        session.scalars(select(AuditEvent).where(AuditEvent.hunter_id == hunter_id).order_by(AuditEvent.id))
    )
