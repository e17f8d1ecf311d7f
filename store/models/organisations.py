"""What organisations and scoped staff need beyond the hunter row: the audit log and pending profile changes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON
from sqlalchemy import Boolean
from sqlalchemy import ForeignKey
from sqlalchemy import String
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from store.models.base import Base
from store.models.base import str_enum
from store.models.base import utcnow
from store.models.enums import HunterState


class AuditEvent(Base):
    """Who did what to an organisation or its members (PRODUCT §10). `detail` holds ids and codes only, never
    names or addresses, so erasing a person (`jeger privacy erase`) leaves nothing personal here."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    action: Mapped[str] = mapped_column(String(60))
    actor_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    actor_member_id: Mapped[int | None] = mapped_column(ForeignKey("hunter_member.id", ondelete="SET NULL"))
    hunter_id: Mapped[int | None] = mapped_column(ForeignKey("hunter.id", ondelete="SET NULL"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("hunter_member.id", ondelete="SET NULL"))
    detail: Mapped[dict[str, Any] | None]


class HunterChange(Base):
    """Counties and trades an organisation asked for: they widen what it sees, so they wait for staff (§10)."""

    __tablename__ = "hunter_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    hunter_id: Mapped[int] = mapped_column(ForeignKey("hunter.id", ondelete="CASCADE"), index=True)
    counties: Mapped[list[str]] = mapped_column(JSON)  # county numbers, the whole new set
    trades: Mapped[list[int]] = mapped_column(JSON)  # trade ids, the whole new set; empty with all_trades
    all_trades: Mapped[bool] = mapped_column(Boolean, default=False)
    requested_by_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("hunter_member.id", ondelete="SET NULL")
    )
    state: Mapped[HunterState] = mapped_column(
        str_enum(HunterState, "hunter_change_state"), default=HunterState.PENDING, index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
