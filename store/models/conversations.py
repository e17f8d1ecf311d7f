"""What people say to us: replies, conversation state, and interest registrations."""

from __future__ import annotations

from datetime import date
from datetime import datetime
from typing import Any

from sqlalchemy import Boolean
from sqlalchemy import Column
from sqlalchemy import Date
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy import false
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from store.languages import DEFAULT_LANGUAGE
from store.models.base import Base
from store.models.base import str_enum
from store.models.base import utcnow
from store.models.enums import Intent
from store.models.enums import RegistrationSource
from store.models.reference import Trade


class Reply(Base):
    """Every inbound message, verbatim (PRODUCT §3). A provider id is processed once."""

    __tablename__ = "reply"
    __table_args__ = (
        UniqueConstraint("channel", "provider_id"),
        Index("ix_reply_company", "company_id"),
        Index("ix_reply_campaign_intent", "campaign_id", "intent"),
        Index("ix_reply_sender", "sender"),
        # keyset pages (store.keyset): /api/replies and the inbox's waiting questions, its handled ones
        Index("ix_reply_received", "received_at", "id"),
        Index("ix_reply_handled", "handled_at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))  # sms | telegram | web | sandbox
    sender: Mapped[str | None] = mapped_column(String(320))  # None after erase
    text: Mapped[str | None] = mapped_column(Text)
    provider_id: Mapped[str | None] = mapped_column(String(100))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id", ondelete="SET NULL"))
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id", ondelete="SET NULL"))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("message.id", ondelete="SET NULL"))
    intent: Mapped[Intent] = mapped_column(str_enum(Intent, "reply_intent"), default=Intent.FREE_TEXT)
    # Free text needs a human: the staff inbox shows unhandled ones.
    handled_at: Mapped[datetime | None]
    handled_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))


class Conversation(Base):
    """Where a sender is in a flow; kept in our database so a restart continues where they were.

    It also says for which company the sender speaks and how that was proved (PRODUCT §7 "Who is speaking"),
    and holds the sender's flood counters: several web processes answer one sender, so they live here.
    """

    __tablename__ = "conversation"
    __table_args__ = (UniqueConstraint("channel", "address"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(String(20))
    address: Mapped[str] = mapped_column(String(320))
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id", ondelete="SET NULL"))
    hunter_id: Mapped[int | None] = mapped_column(ForeignKey("hunter.id", ondelete="SET NULL"))
    language: Mapped[str] = mapped_column(String(2), default=DEFAULT_LANGUAGE)
    flow: Mapped[str | None] = mapped_column(String(30))  # e.g. registration | hunter_signup | orgnr
    step: Mapped[str | None] = mapped_column(String(30))
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # How the conversation proved it speaks for `company_id`: link (personal link or Telegram deep link),
    # code (a short code in a message), sender (the address is a current contact of exactly that company).
    # None with a company: the orgnr was only typed, which proves nothing (bot.identity).
    verified_by: Mapped[str | None] = mapped_column(String(10))
    # Flood and loop counters (bot.floods), bumped in the same statement that finds the conversation.
    window_started_at: Mapped[datetime | None]
    window_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_text_key: Mapped[str | None] = mapped_column(String(64))  # a hash: the text itself is in `reply`
    last_text_at: Mapped[datetime | None]
    repeat_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    acked_on: Mapped[date | None] = mapped_column(Date)  # Europe/Oslo day of the last automatic answer

    @property
    def verified(self) -> bool:
        return self.company_id is not None and self.verified_by is not None


registration_trade = Table(
    "registration_trade",
    Base.metadata,
    Column("registration_id", ForeignKey("registration.id", ondelete="CASCADE"), primary_key=True),
    Column("trade_id", ForeignKey("trade.id"), primary_key=True),
)


class Registration(Base):
    """A company's registered interest; when completed it becomes a lead."""

    __tablename__ = "registration"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int] = mapped_column(ForeignKey("company.id", ondelete="CASCADE"), index=True)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id", ondelete="SET NULL"))
    source: Mapped[RegistrationSource] = mapped_column(str_enum(RegistrationSource, "registration_source"))
    contact_name: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(320))
    places: Mapped[int | None] = mapped_column(Integer)
    adult_apprentices: Mapped[bool | None] = mapped_column(Boolean)
    start: Mapped[str | None] = mapped_column(String(60))  # preferred start, as the company put it
    # Asked in adult (`voksen`) campaigns only: places for adult apprentices, and whether the company would
    # take a candidate for a trial period first.
    adult_places: Mapped[int | None] = mapped_column(Integer)
    trial_first: Mapped[bool | None] = mapped_column(Boolean)
    consent: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # The conversation that started it and alone may continue it (PRODUCT §12); None for the web form.
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversation.id", ondelete="SET NULL"), index=True
    )
    # False when the conversation only typed the orgnr: staff and hunters see it as "ikke bekreftet".
    verified: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    trades: Mapped[list[Trade]] = relationship(secondary=registration_trade)
