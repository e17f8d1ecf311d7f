"""Staff accounts and process bookkeeping: secrets, heartbeats, notices to staff."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger
from sqlalchemy import Boolean
from sqlalchemy import Column
from sqlalchemy import ForeignKey
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy import Text
from sqlalchemy import false
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from store.languages import DEFAULT_LANGUAGE
from store.models.base import Base
from store.models.base import str_enum
from store.models.base import utcnow
from store.models.enums import StaffRole
from store.models.reference import County

staff_county = Table(
    "staff_county",
    Base.metadata,
    Column("staff_id", ForeignKey("staff_user.id", ondelete="CASCADE"), primary_key=True),
    Column("county_number", ForeignKey("county.number"), primary_key=True),
)


class StaffUser(Base):
    __tablename__ = "staff_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[StaffRole] = mapped_column(str_enum(StaffRole, "staff_role"), default=StaffRole.STAFF)
    password_hash: Mapped[str | None] = mapped_column(String(200))  # argon2
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # A county officer (PRODUCT §2, §10): role staff, scoped to `counties`. The flag, not the county rows,
    # makes the scope, so an officer whose counties were all removed sees nothing rather than everything.
    county_officer: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # What the dashboard and the CLI speak to this user in: nb | nn | en (catalogue.LANGUAGES).
    language: Mapped[str] = mapped_column(
        String(2), default=DEFAULT_LANGUAGE, server_default=DEFAULT_LANGUAGE
    )
    counties: Mapped[list[County]] = relationship(secondary=staff_county, order_by=County.number)


class StaffSession(Base):
    """A dashboard login; the cookie carries the id, the table only its hash, so logout ends it for good."""

    __tablename__ = "staff_session"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the cookie's session id
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]


class ApiToken(Base):
    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of the token; shown once
    name: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[datetime | None]
    expires_at: Mapped[datetime | None]  # None: until revoked
    revoked_at: Mapped[datetime | None]  # kept, not deleted, so the list says what happened to it


class Throttle(Base):
    """A counter shared by every web process: failed logins per account and client, rate limits per client.

    `hits` counts within the window that began at `window_start`; `blocked_until` is set by policies that
    block (growing login delays). Rows untouched for a day are swept.
    """

    __tablename__ = "throttle"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    hits: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[datetime] = mapped_column(default=utcnow)
    blocked_until: Mapped[datetime | None]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class ImportJob(Base):
    """A register import started from the dashboard; in the database so every web process shows its progress."""

    __tablename__ = "import_job"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    filename: Mapped[str] = mapped_column(String(255))
    started_by: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    owner: Mapped[str] = mapped_column(String(100))  # host:pid of the process running it
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)  # progress heartbeat: a stale job was lost
    finished_at: Mapped[datetime | None]
    rows: Mapped[int] = mapped_column(Integer, default=0)
    bytes_read: Mapped[int] = mapped_column(BigInteger, default=0)  # the whole register passes 2 GiB
    total_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
    summary: Mapped[dict[str, Any] | None]
    error: Mapped[str | None] = mapped_column(Text)
    rejects: Mapped[str | None] = mapped_column(Text)  # the rejects CSV, so any process can serve it


class AppSecret(Base):
    """Secrets generated on first run (SECRET_KEY when unset, the address-hash key)."""

    __tablename__ = "app_secret"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class Heartbeat(Base):
    """Each long-running part (scheduler, dispatcher, bot) records its last tick for /healthz."""

    __tablename__ = "heartbeat"

    name: Mapped[str] = mapped_column(String(50), primary_key=True)
    beat_at: Mapped[datetime] = mapped_column(default=utcnow)
    info: Mapped[dict[str, Any] | None]


class Notice(Base):
    """Something staff must see: a campaign paused itself, a lead waits too long, ..."""

    __tablename__ = "notice"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("lead.id", ondelete="CASCADE"))
    # The organisation a sign-up or change notice is about: county officers see those in their counties.
    hunter_id: Mapped[int | None] = mapped_column(ForeignKey("hunter.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]
