"""Retention (PRODUCT §9): message bodies and replies are deleted `RETENTION_MONTHS` after a campaign ends."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from settings import Settings

from .models import Campaign, Message, Reply


def purge_expired(session: Session, *, now: datetime, settings: Settings) -> int:
    """Blanks bodies of messages and texts of replies of campaigns that ended long enough ago; returns rows."""
    cutoff = now - timedelta(days=30.44 * settings.retention_months)
    ended = select(Campaign.id).where(Campaign.ended_at.is_not(None), Campaign.ended_at < cutoff)
    messages = session.execute(
        update(Message)
        .where(Message.campaign_id.in_(ended), Message.body.is_not(None))
        .values(body=None, html=None, extra=None, subject=None)
        .execution_options(synchronize_session=False)
    )
    replies = session.execute(
        update(Reply)
        .where(Reply.campaign_id.in_(ended), Reply.text.is_not(None))
        .values(text=None)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(messages, "rowcount", 0) or 0) + int(getattr(replies, "rowcount", 0) or 0)
