"""Approved training companies (godkjente lærebedrifter) as the counties publish them (PRODUCT §11)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy import String
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from store.models.base import Base
from store.models.base import utcnow


class TrainingApproval(Base):
    """One county's approval of one organisation for one trade.

    Keyed by orgnr, not by company id: a county's list names units we may not have imported yet, and the
    approval must count as soon as the company arrives (`companies.training.refresh_training_flags`).
    """

    __tablename__ = "training_approval"
    __table_args__ = (UniqueConstraint("orgnr", "county_number", "trade_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    orgnr: Mapped[str] = mapped_column(String(9), index=True)
    county_number: Mapped[str] = mapped_column(ForeignKey("county.number"), index=True)
    trade_id: Mapped[int] = mapped_column(ForeignKey("trade.id"))
    source: Mapped[str] = mapped_column(String(300))  # the file name it came from
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
