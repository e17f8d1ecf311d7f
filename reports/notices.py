"""Notices to staff (a campaign paused itself, messages of unknown fate, …) as the dashboard shows them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Notice


def unread_notices(session: Session, *, limit: int) -> list[Notice]:
    """The newest unread notices, for the bar on every staff page."""
    query = select(Notice).where(Notice.read_at.is_(None)).order_by(Notice.created_at.desc()).limit(limit)
    return list(session.scalars(query))


def campaign_notices(session: Session, *, campaign_id: int, limit: int) -> list[Notice]:
    """The newest notices about one campaign, read or not."""
    query = (
        select(Notice)
        .where(Notice.campaign_id == campaign_id)
        .order_by(Notice.created_at.desc())
        .limit(limit)
    )
    return list(session.scalars(query))
