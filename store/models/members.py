"""What hunter members do on the portal (PRODUCT §10): one-time sign-in secrets, sessions, notes on leads and
notices waiting for a daily digest."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from store.models.base import Base
from store.models.base import utcnow


class MemberLogin(Base):
    """A sign-in link (e-mail) or six-digit code (SMS). Only a sha256 is kept; `used_at` makes it single use and
    `attempts` counts wrong codes, so a code dies after a few guesses whatever client makes them."""

    __tablename__ = "member_login"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("hunter_member.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # link | code
    secret_hash: Mapped[str] = mapped_column(String(64), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


class MemberSession(Base):
    """A portal sign-in, kept like a staff session: the cookie holds the id, the table its sha256."""

    __tablename__ = "member_session"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("hunter_member.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]


class LeadNote(Base):
    """The history of a lead as its hunters wrote and made it: notes, claims, releases and outcomes.

    `kind` is note | claimed | released | outcome; `text` is the note or the outcome's state. The member is
    kept as a name too, so the history still reads after a member is removed or erased."""

    __tablename__ = "lead_note"

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("lead.id", ondelete="CASCADE"), index=True)
    hunter_id: Mapped[int | None] = mapped_column(ForeignKey("hunter.id", ondelete="SET NULL"), index=True)
    member_id: Mapped[int | None] = mapped_column(
        ForeignKey("hunter_member.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class MemberNotice(Base):
    """A lead notice for a member who reads them as a daily digest; the digest job sends and stamps them."""

    __tablename__ = "member_notice"
    __table_args__ = (Index("ix_member_notice_pending", "sent_at", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("hunter_member.id", ondelete="CASCADE"))
    lead_id: Mapped[int] = mapped_column(ForeignKey("lead.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # new | reminder | outcome
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
