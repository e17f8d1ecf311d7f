"""Notices to staff (a campaign paused itself, messages of unknown fate, …) as the dashboard shows them.

National staff see every notice. A county officer sees those about a campaign they may see, a lead in their
counties or an organisation covering one of them (PRODUCT §10); notices about the whole system stay with
national staff. Leads and organisations are cut in SQL by the same clauses as their own pages; a campaign's
counties are in its definition, so campaign notices are checked against the campaigns, read in one query."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import ColumnElement
from sqlalchemy import false
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import true
from sqlalchemy.orm import Session

from campaigns.scope import campaign_within
from hunters.organisations import organisations_in_view
from staff.scopes import EVERYTHING
from staff.scopes import Scope
from store.models import Campaign
from store.models import Hunter
from store.models import Lead
from store.models import Notice

SCANNED = 200  # unread notices looked at for a county officer's five: older ones wait for the next page view


def _seen_by(scope: Scope) -> ColumnElement[bool]:
    if scope.whole:
        return true()
    if scope.counties is None or scope.hunter_id is not None:
        return false()
    return or_(
        Notice.campaign_id.is_not(None),  # kept or not by `_kept`
        Notice.lead_id.in_(select(Lead.id).where(scope.leads())),
        Notice.hunter_id.in_(select(Hunter.id).where(organisations_in_view(scope))),
    )


def _kept(session: Session, notices: Sequence[Notice], scope: Scope) -> list[Notice]:
    """`notices` (already cut by `_seen_by`) without those about a campaign outside the scope."""
    if scope.whole:
        return list(notices)
    ids = {n.campaign_id for n in notices if n.campaign_id is not None}
    campaigns = session.scalars(select(Campaign).where(Campaign.id.in_(ids))).all() if ids else []
    within = {campaign.id for campaign in campaigns if campaign_within(campaign, scope)}
    return [n for n in notices if n.campaign_id is None or n.campaign_id in within]


def notice_within(session: Session, notice: Notice, scope: Scope) -> bool:
    found = session.scalars(select(Notice).where(Notice.id == notice.id, _seen_by(scope))).all()
    return bool(_kept(session, found, scope))


def unread_notices(session: Session, *, limit: int, scope: Scope = EVERYTHING) -> list[Notice]:
    """The newest unread notices the staff member may see, for the bar on every staff page."""
    query = (
        select(Notice)
        .where(Notice.read_at.is_(None), _seen_by(scope))
        .order_by(Notice.created_at.desc(), Notice.id.desc())
    )
    if scope.whole:
        return list(session.scalars(query.limit(limit)))
    return _kept(session, session.scalars(query.limit(SCANNED)).all(), scope)[:limit]


def campaign_notices(session: Session, *, campaign_id: int, limit: int) -> list[Notice]:
    """The newest notices about one campaign, read or not."""
    query = (
        select(Notice)
        .where(Notice.campaign_id == campaign_id)
        .order_by(Notice.created_at.desc())
        .limit(limit)
    )
    return list(session.scalars(query))
