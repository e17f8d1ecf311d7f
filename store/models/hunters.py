"""Hunter organisations and the leads they follow up."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean
from sqlalchemy import Column
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy import Text
from sqlalchemy import text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from store.models.base import Base
from store.models.base import str_enum
from store.models.base import utcnow
from store.models.enums import HunterState
from store.models.enums import HunterType
from store.models.enums import LeadState
from store.models.enums import NoticeChannel
from store.models.enums import NoticeMode
from store.models.reference import County
from store.models.reference import Trade

hunter_county = Table(
    "hunter_county",
    Base.metadata,
    Column("hunter_id", ForeignKey("hunter.id", ondelete="CASCADE"), primary_key=True),
    Column("county_number", ForeignKey("county.number"), primary_key=True, index=True),
)

hunter_trade = Table(
    "hunter_trade",
    Base.metadata,
    Column("hunter_id", ForeignKey("hunter.id", ondelete="CASCADE"), primary_key=True),
    Column("trade_id", ForeignKey("trade.id"), primary_key=True),
)


class Hunter(Base):
    __tablename__ = "hunter"

    id: Mapped[int] = mapped_column(primary_key=True)
    org_name: Mapped[str] = mapped_column(String(200))
    type: Mapped[HunterType] = mapped_column(str_enum(HunterType, "hunter_type"))
    orgnr: Mapped[str | None] = mapped_column(String(9))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(320))
    telegram_chat_id: Mapped[str | None] = mapped_column(String(32), unique=True)
    all_trades: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[HunterState] = mapped_column(
        str_enum(HunterState, "hunter_state"), default=HunterState.PENDING, index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))

    counties: Mapped[list[County]] = relationship(secondary=hunter_county)
    trades: Mapped[list[Trade]] = relationship(secondary=hunter_trade)
    members: Mapped[list[HunterMember]] = relationship(back_populates="hunter", order_by="HunterMember.id")

    # One organisation that is not rejected per orgnr (a rejected one may sign up again): migration 0019.
    __table_args__ = (
        Index(
            "uq_hunter_orgnr_live",
            "orgnr",
            unique=True,
            postgresql_where=text("state != 'rejected'"),
            sqlite_where=text("state != 'rejected'"),
        ),
    )


class HunterMember(Base):
    """A person who acts for a hunter organisation (PRODUCT §10): signs in to the portal, claims leads, gets
    notices. `removed_at` keeps the row (notes and the log name the person) while ending what they may do."""

    __tablename__ = "hunter_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    hunter_id: Mapped[int] = mapped_column(ForeignKey("hunter.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320), index=True)
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    telegram_chat_id: Mapped[str | None] = mapped_column(String(32), unique=True)
    notice_channel: Mapped[NoticeChannel] = mapped_column(
        str_enum(NoticeChannel, "notice_channel"), default=NoticeChannel.EMAIL
    )
    notice_mode: Mapped[NoticeMode] = mapped_column(
        str_enum(NoticeMode, "notice_mode"), default=NoticeMode.INSTANT
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    removed_at: Mapped[datetime | None]

    hunter: Mapped[Hunter] = relationship(back_populates="members")


class Lead(Base):
    """A completed registration waiting for, or owned by, a hunter. Claimed by a conditional UPDATE."""

    __tablename__ = "lead"

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registration.id", ondelete="CASCADE"), unique=True
    )
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id", ondelete="CASCADE"), index=True)
    county_number: Mapped[str | None] = mapped_column(ForeignKey("county.number"), index=True)
    state: Mapped[LeadState] = mapped_column(
        str_enum(LeadState, "lead_state"), default=LeadState.NEW, index=True
    )
    hunter_id: Mapped[int | None] = mapped_column(ForeignKey("hunter.id", ondelete="SET NULL"), index=True)
    claimed_at: Mapped[datetime | None]
    outcome_at: Mapped[datetime | None]
    note: Mapped[str | None] = mapped_column(Text)
    announced_at: Mapped[datetime | None]
    announce_count: Mapped[int] = mapped_column(Integer, default=0)
    flagged_at: Mapped[datetime | None]  # unclaimed after three working days: staff must act
    # A lead of a campaign routed `owner_then_county` that nobody of the owners claimed in time: from then on
    # the county's hunters see it too (hunters.routing).
    handed_to_county_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
