"""Campaigns as the staff pages and the API list them: newest first, optionally only some states."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Campaign
from store.models import CampaignState


def campaigns_newest_first(
    session: Session, *, states: Iterable[CampaignState] | None = None
) -> list[Campaign]:
    query = select(Campaign).order_by(Campaign.created_at.desc())
    if states is not None:
        query = query.where(Campaign.state.in_(list(states)))
    return list(session.scalars(query))
