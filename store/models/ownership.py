"""Campaigns owned by partner organisations (PRODUCT §11): who owns them, and launches waiting for staff."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean
from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from store.models.base import Base
from store.models.base import utcnow


class CampaignOwner(Base):
    """An organisation (a hunter row) that owns a campaign: its members run it and get its leads.

    `is_primary` marks the file's `owner`; co-owners (`co_owners`, NAV with a school) have the same rights. A table,
    not a list in the definition: "the campaigns of my organisation" is a query the portal makes on every page.
    """

    __tablename__ = "campaign_owner"

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), primary_key=True)
    hunter_id: Mapped[int] = mapped_column(
        ForeignKey("hunter.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)


class CampaignLaunchRequest(Base):
    """A member's request to launch an owned campaign. It sends from the campaign's national number and name,
    so nothing goes out until staff launch it (that launch is the approval, and deletes the request)."""

    __tablename__ = "campaign_launch_request"

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), primary_key=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("hunter_member.id", ondelete="SET NULL"))
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
