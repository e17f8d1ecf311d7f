"""Campaigns, their steps, and the outbox (one row per message to send)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger
from sqlalchemy import Boolean
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Text
from sqlalchemy import UniqueConstraint
from sqlalchemy import event
from sqlalchemy import text
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from store.languages import DEFAULT_LANGUAGE
from store.models.base import Base
from store.models.base import str_enum
from store.models.base import utcnow
from store.models.enums import CampaignState
from store.models.enums import Channel
from store.models.enums import MessageKind
from store.models.enums import MessageState
from store.models.enums import StepAudience
from store.models.enums import WaitReason


class Campaign(Base):
    __tablename__ = "campaign"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(2), default=DEFAULT_LANGUAGE)  # nb | nn | en
    # False: each company gets its own written standard (maalform); True: everyone gets `language`.
    fixed_language: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[CampaignState] = mapped_column(
        str_enum(CampaignState, "campaign_state"), default=CampaignState.DRAFT, index=True
    )
    # The checked TOML as JSON (window, rate, audience, ...): campaigns.definition_model owns its shape and
    # reads it back (`definition_of`), parsing once per revision; assigning `definition` bumps the revision.
    definition: Mapped[dict[str, Any]] = mapped_column(default=dict)
    definition_revision: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    source_toml: Mapped[str | None] = mapped_column(Text)
    state_reason: Mapped[str | None] = mapped_column(Text)  # why it paused itself, shown to staff
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    launched_at: Mapped[datetime | None]
    # When staff last resumed it: a step overdue before then was their choice, not a stale one (PRODUCT §5).
    resumed_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]

    steps: Mapped[list[CampaignStep]] = relationship(
        back_populates="campaign", order_by="CampaignStep.position", cascade="all, delete-orphan"
    )


@event.listens_for(Campaign.definition, "set")
def _bump_definition_revision(target: Campaign, value: Any, old: Any, initiator: Any) -> None:
    """Whoever writes a definition, its readers' caches (keyed by revision) see the change."""
    target.definition_revision = (target.definition_revision or 0) + 1


class CampaignFigures(Base):
    """The preview's whole-audience counts of one definition revision (campaigns.preview_figures): computed at
    create and launch, or by the first preview after the definition changed, so a page view renders only a
    sample instead of counting the national register again (issue 14)."""

    __tablename__ = "campaign_figures"

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer)  # the campaign's definition_revision they were counted for
    figures: Mapped[dict[str, Any]] = mapped_column(default=dict)
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)


class CampaignStep(Base):
    __tablename__ = "campaign_step"
    __table_args__ = (UniqueConstraint("campaign_id", "name"), UniqueConstraint("campaign_id", "position"))

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100))
    channel: Mapped[Channel] = mapped_column(str_enum(Channel, "step_channel"))
    template: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime | None]
    after_days: Mapped[int | None] = mapped_column(Integer)
    only: Mapped[StepAudience] = mapped_column(
        str_enum(StepAudience, "step_audience"), default=StepAudience.EVERYONE
    )
    scheduled_for: Mapped[datetime | None]  # UTC, computed at launch
    materialized_at: Mapped[datetime | None]

    campaign: Mapped[Campaign] = relationship(back_populates="steps")


class Message(Base):
    """The outbox. One row per step and company, ever (the unique constraint is what makes it so)."""

    __tablename__ = "message"
    __table_args__ = (
        UniqueConstraint("step_id", "company_id"),
        # The dispatcher's claim query: due work, highest priority first.
        Index("ix_message_state_priority_due", "state", "priority", "due_at"),
        Index("ix_message_campaign_state", "campaign_id", "state"),
        Index("ix_message_campaign_step_id", "campaign_id", "step_id", "id"),  # the report's pages (keyset)
        Index("ix_message_company_sent", "company_id", "sent_at"),
        Index("ix_message_provider_id", "provider_id"),
        Index("ix_message_address", "address"),
        # The queue read by /metrics (due now, by channel) and by the campaign status (why it waits), from
        # the index alone; the last hour's sends for /metrics (migration 0023).
        Index(
            "ix_message_queued",
            "campaign_id",
            "kind",
            "wait_reason",
            "channel",
            "due_at",
            postgresql_where=text("state = 'queued'"),
            sqlite_where=text("state = 'queued'"),
        ),
        Index("ix_message_sent", "sent_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[MessageKind] = mapped_column(
        str_enum(MessageKind, "message_kind"), default=MessageKind.OUTREACH
    )
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"))
    step_id: Mapped[int | None] = mapped_column(ForeignKey("campaign_step.id", ondelete="CASCADE"))
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id", ondelete="SET NULL"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    hunter_id: Mapped[int | None] = mapped_column(ForeignKey("hunter.id", ondelete="SET NULL"))
    lead_id: Mapped[int | None] = mapped_column(ForeignKey("lead.id", ondelete="SET NULL"))

    channel: Mapped[Channel] = mapped_column(str_enum(Channel, "message_channel"))
    address: Mapped[str | None] = mapped_column(String(320))  # None for printed letters and after erase
    language: Mapped[str] = mapped_column(String(2), default=DEFAULT_LANGUAGE)
    subject: Mapped[str | None] = mapped_column(String(300))
    body: Mapped[str | None] = mapped_column(Text)  # None after the retention job or an erase
    html: Mapped[str | None] = mapped_column(Text)  # letters and e-mails
    extra: Mapped[dict[str, Any] | None]  # channel specifics, e.g. Telegram buttons
    segments: Mapped[int | None] = mapped_column(Integer)
    encoding: Mapped[str | None] = mapped_column(String(8))  # GSM-7 | UCS-2

    state: Mapped[MessageState] = mapped_column(
        str_enum(MessageState, "message_state"), default=MessageState.QUEUED
    )
    priority: Mapped[int] = mapped_column(Integer, default=10)  # lower goes first; conversation replies are 0
    due_at: Mapped[datetime] = mapped_column(default=utcnow)  # not before
    # Why a queued row waits until `due_at` (None: nothing holds it); set where the decision is made.
    wait_reason: Mapped[WaitReason | None] = mapped_column(str_enum(WaitReason, "wait_reason"))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    state_changed_at: Mapped[datetime] = mapped_column(default=utcnow)
    provider: Mapped[str | None] = mapped_column(String(20))  # twilio | telegram | smtp | print | sandbox
    claimed_by: Mapped[str | None] = mapped_column(String(40))  # the dispatcher that last marked it `sending`
    provider_id: Mapped[str | None] = mapped_column(String(100))
    error_code: Mapped[str | None] = mapped_column(String(20))
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class MessageCount(Base):
    """Deltas of the outbox's counts per (campaign, step, kind, channel, provider, state), appended by
    triggers on `message` (migration 0021): a key's count is the sum of its rows. Read and folded by
    campaigns.counts only."""

    __tablename__ = "message_count"
    # Every column a read sums by: an index-only scan stays a few pages when folding has left the table
    # mostly empty pages (migration 0023).
    __table_args__ = (
        Index(
            "ix_message_count_key", "campaign_id", "step_id", "kind", "channel", "provider", "state", "delta"
        ),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True)
    campaign_id: Mapped[int | None] = mapped_column(Integer)
    step_id: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[MessageKind] = mapped_column(str_enum(MessageKind, "message_count_kind"))
    channel: Mapped[Channel] = mapped_column(str_enum(Channel, "message_count_channel"))
    provider: Mapped[str | None] = mapped_column(String(20))
    state: Mapped[MessageState] = mapped_column(str_enum(MessageState, "message_count_state"))
    delta: Mapped[int] = mapped_column(BigInteger)


class CampaignStage(Base):
    """A company that reached a stage (`measure`) of a campaign, kept by triggers (migration 0023): `value`
    is how many rows put it there (for a summed measure, their sum), with the key it is counted under (the
    company's place, NACE code and the trades it registered in the campaign), so its counts can be moved or
    removed. `campaign_key` 0: any campaign. Read by campaigns.stages only (a local campaign's report by
    municipality)."""

    __tablename__ = "campaign_stage"
    __table_args__ = (Index("ix_campaign_stage_campaign", "campaign_key"),)

    company_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    campaign_key: Mapped[int] = mapped_column(Integer, primary_key=True)
    measure: Mapped[str] = mapped_column(String(20), primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)
    county_number: Mapped[str | None] = mapped_column(String(2))
    municipality_number: Mapped[str | None] = mapped_column(String(4))
    nace_code: Mapped[str | None] = mapped_column(String(10))
    trade_key: Mapped[str | None] = mapped_column(String(200))  # its registered trades' ids: "3,17"


class CampaignStageCount(Base):
    """Deltas of companies (or sums) per (campaign_key, measure, county, NACE code of a company that registered
    no trade, registered trades), appended by the triggers of migration 0023: a key's count is the sum of its
    rows. Read and folded by campaigns.stages."""

    __tablename__ = "campaign_stage_count"
    __table_args__ = (Index("ix_campaign_stage_count_campaign", "campaign_key", "measure"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True)
    campaign_key: Mapped[int] = mapped_column(Integer)
    measure: Mapped[str] = mapped_column(String(20))
    county_number: Mapped[str | None] = mapped_column(String(2))
    nace_code: Mapped[str | None] = mapped_column(String(10))
    trade_key: Mapped[str | None] = mapped_column(String(200))
    delta: Mapped[int] = mapped_column(BigInteger)


class CampaignStageEvent(Base):
    """A contribution on its way into `campaign_stage` (migration 0023): the source tables' triggers insert it
    and its own trigger applies it; no row stays."""

    __tablename__ = "campaign_stage_event"
    __mapper_args__ = {"primary_key": ["campaign_key", "company_id", "measure"]}

    campaign_key: Mapped[int] = mapped_column(Integer)
    company_id: Mapped[int] = mapped_column(Integer)
    measure: Mapped[str] = mapped_column(String(20))
    amount: Mapped[int] = mapped_column(BigInteger)


class EarlyDeliveryReport(Base):
    """A Twilio status callback that arrived before the dispatcher recorded the message's SID.

    Twilio does not resend a callback we acknowledged, so it waits here and is applied when the SID is written.
    """

    __tablename__ = "early_delivery_report"

    provider_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))
    error_code: Mapped[str | None] = mapped_column(String(20))
    received_at: Mapped[datetime] = mapped_column(default=utcnow)
