"""Notices to staff (a campaign paused itself, messages of unknown fate, …) as the dashboard shows them.

National staff see every notice. A county officer sees those about a campaign they may see, a lead in their
counties or an organisation covering one of them (PRODUCT §10); notices about the whole system stay with
national staff."""

from __future__ import annotations

from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.scope import campaign_within
from hunters.organisations import county_numbers
from hunters.organisations import in_view
from staff.scopes import EVERYTHING
from staff.scopes import Scope
from store.models import Campaign
from store.models import Hunter
from store.models import Lead
from store.models import Notice

SCANNED = 200  # unread notices looked at for a county officer's five: older ones wait for the next page view


def notice_within(session: Session, notice: Notice, scope: Scope) -> bool:
    if scope.whole:
        return True
    if scope.counties is None or scope.hunter_id is not None:
        return False
    if notice.campaign_id is not None:
        campaign = session.get(Campaign, notice.campaign_id)
        return campaign is not None and campaign_within(campaign, scope)
    if notice.lead_id is not None:
        lead = session.get(Lead, notice.lead_id)
        return lead is not None and lead.county_number in scope.counties
    if notice.hunter_id is not None:  # as the hunters page: organisations covering one of their counties
        hunter = session.get(Hunter, notice.hunter_id)
        return hunter is not None and in_view(county_numbers(hunter), scope)
    return False


def unread_notices(session: Session, *, limit: int, scope: Scope = EVERYTHING) -> list[Notice]:
    """The newest unread notices the staff member may see, for the bar on every staff page."""
    query = (
        select(Notice).where(Notice.read_at.is_(None)).order_by(Notice.created_at.desc(), Notice.id.desc())
    )
    if scope.whole:
        return list(session.scalars(query.limit(limit)))
    query = query.where(
        or_(Notice.campaign_id.is_not(None), Notice.lead_id.is_not(None), Notice.hunter_id.is_not(None))
    )
    seen = (
        notice for notice in session.scalars(query.limit(SCANNED)) if notice_within(session, notice, scope)
    )
    return [notice for _, notice in zip(range(limit), seen, strict=False)]


def campaign_notices(session: Session, *, campaign_id: int, limit: int) -> list[Notice]:
    """The newest notices about one campaign, read or not."""
    query = (
        select(Notice)
        .where(Notice.campaign_id == campaign_id)
        .order_by(Notice.created_at.desc())
        .limit(limit)
    )
    return list(session.scalars(query))
