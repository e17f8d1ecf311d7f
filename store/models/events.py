"""Information meetings a campaign step invites to, and each company's answer (PRODUCT §11)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from store.languages import DEFAULT_LANGUAGE
from store.models.base import Base
from store.models.base import str_enum
from store.models.base import utcnow
from store.models.enums import RsvpStatus


class Event(Base):
    """One meeting, made from a step's `event` table when the campaign is created. Times in UTC."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), index=True)
    step_id: Mapped[int] = mapped_column(ForeignKey("campaign_step.id", ondelete="CASCADE"), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime]
    ends_at: Mapped[datetime | None]
    place: Mapped[str] = mapped_column(String(300))
    capacity: Mapped[int | None] = mapped_column(Integer)  # companies, not people; None: no limit
    changed_at: Mapped[datetime | None]  # the last change yes-sayers were told of
    cancelled_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Rsvp(Base):
    """A company's JA/NEI to a meeting; one per company and meeting, changed in place when it answers again.

    `channel`/`address` are where the answer came from (a phone or a chat, None from the web page): the
    reminder and any change of the meeting go there, else to the address the invitation went to."""

    __tablename__ = "rsvp"
    __table_args__ = (
        UniqueConstraint("event_id", "company_id"),
        # The waiting list in order, and the count against capacity.
        Index("ix_rsvp_event_status_answered", "event_id", "status", "answered_at"),
        Index("ix_rsvp_company", "company_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id", ondelete="CASCADE"))
    status: Mapped[RsvpStatus] = mapped_column(str_enum(RsvpStatus, "rsvp_status"))
    people: Mapped[int] = mapped_column(Integer, default=1)
    channel: Mapped[str] = mapped_column(String(20))  # sms | telegram | web | staff
    address: Mapped[str | None] = mapped_column(String(320))
    language: Mapped[str] = mapped_column(String(2), default=DEFAULT_LANGUAGE)
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)  # the latest JA or NEI: the queue's order
    promoted_at: Mapped[datetime | None]  # moved up from the waiting list
    reminded_at: Mapped[datetime | None]
