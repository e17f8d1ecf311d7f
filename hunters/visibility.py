"""Which leads an organisation may see and act on (PRODUCT §7, §10, §11), as one SQL condition on `Lead`.

The portal's lists and pages, the Telegram `/leads`, and the dashboard/API scope of a member
(`scope_of_member`) all filter through `visible_leads`, so they cannot disagree: the leads the organisation
holds, the open leads of the campaigns it owns or co-owns (wherever they are), and the open leads of its
counties and trades unless their campaign keeps them for its owners (hunters.routing); nothing else, and
nothing at all for an organisation that is not approved. Being a condition, it serves a list and the check
of one lead alike, without loading the rows into Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import ColumnElement
from sqlalchemy import Select
from sqlalchemy import and_
from sqlalchemy import false
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import true
from sqlalchemy.orm import Session
from sqlalchemy.orm import aliased

from hunters.routing import route_of
from staff.scopes import Scope
from store.models import Campaign
from store.models import CampaignOwner
from store.models import Hunter
from store.models import HunterMember
from store.models import HunterState
from store.models import Lead
from store.models import LeadState
from store.models import Registration
from store.models import hunter_trade
from store.models import registration_trade

NOBODY = Scope(counties=frozenset(), hunter_id=-1, rule=false())


class _Parts(NamedTuple):
    owner: ColumnElement[bool]  # the lead's campaign is the organisation's (alone or with others)
    open_to_county: ColumnElement[bool]  # its campaign does not keep it for the owners
    in_county: ColumnElement[bool]
    in_trades: ColumnElement[bool]


def _parts(session: Session, hunter: Hunter) -> _Parts:
    owned_campaigns = select(CampaignOwner.campaign_id).where(CampaignOwner.hunter_id == hunter.id)
    return _Parts(
        _of_campaigns(owned_campaigns),
        _not_kept_for_owners(session),
        _county_in([c.number for c in hunter.counties]),
        _in_trades(hunter),
    )


def visible_leads(session: Session, *, hunter: Hunter) -> ColumnElement[bool]:
    """The WHERE clause on `Lead` for what this organisation may see and take."""
    if hunter.state != HunterState.APPROVED:
        return false()
    parts = _parts(session, hunter)
    return or_(
        Lead.hunter_id == hunter.id,
        and_(
            Lead.state == LeadState.NEW,
            or_(parts.owner, and_(parts.open_to_county, parts.in_county, parts.in_trades)),
        ),
    )


@dataclass(frozen=True)
class Reach:
    """Which parts of the rule one lead meets for one organisation, read by the same clauses as
    `visible_leads`: a refused claim says which part failed."""

    owner: bool
    open_to_county: bool
    in_county: bool
    in_trades: bool


def reach(session: Session, *, hunter: Hunter, lead_id: int) -> Reach:
    parts = _parts(session, hunter)
    row = session.execute(
        select(*(clause.label(name) for name, clause in parts._asdict().items())).where(Lead.id == lead_id)
    ).one()
    return Reach(*(bool(value) for value in row))  # NULL (a lead without a county) is not a match


def visible_lead_of(session: Session, *, hunter: Hunter, lead_id: int) -> Lead | None:
    """The lead if the organisation may see it; None for every other id, whether it exists or not."""
    return session.scalar(select(Lead).where(Lead.id == lead_id, visible_leads(session, hunter=hunter)))


def scope_of_member(session: Session, *, member_id: int) -> Scope:
    """A member's dashboard/API scope: exactly the leads its organisation may see; a removed member (or one of
    an organisation that is not approved) sees nothing."""
    member = session.get(HunterMember, member_id)
    if member is None or member.removed_at is not None or member.hunter.state != HunterState.APPROVED:
        return NOBODY
    hunter = member.hunter
    return Scope(
        counties=frozenset(c.number for c in hunter.counties),
        hunter_id=hunter.id,
        rule=visible_leads(session, hunter=hunter),
    )


def _county_in(counties: list[str]) -> ColumnElement[bool]:
    if not counties:
        return false()
    clause: ColumnElement[bool] = Lead.county_number.in_(sorted(counties))
    return clause


def _in_trades(hunter: Hunter) -> ColumnElement[bool]:
    """The lead names one of the organisation's trades, or none at all (nobody can rule it out)."""
    if hunter.all_trades:
        return true()
    theirs = select(hunter_trade.c.trade_id).where(hunter_trade.c.hunter_id == hunter.id)
    return or_(
        Lead.registration_id.not_in(select(registration_trade.c.registration_id)),
        Lead.registration_id.in_(
            select(registration_trade.c.registration_id).where(registration_trade.c.trade_id.in_(theirs))
        ),
    )


def _of_campaigns(campaign_ids: list[int] | Select[tuple[int]]) -> ColumnElement[bool]:
    """The lead came from one of these campaigns (an uncorrelated subquery: the caller may join Registration)."""
    registration = aliased(Registration)
    return Lead.registration_id.in_(select(registration.id).where(registration.campaign_id.in_(campaign_ids)))


def _not_kept_for_owners(session: Session) -> ColumnElement[bool]:
    """False for a lead its campaign's owners keep to themselves: route "owner", or "owner_then_county" until
    it was handed over. The routes live in the campaigns' definitions, so the owned campaigns (few) are read
    here and the condition names their ids."""
    owned = session.scalars(select(Campaign).where(Campaign.id.in_(select(CampaignOwner.campaign_id))))
    kept: list[int] = []
    until_handed: list[int] = []
    for campaign in owned:
        route, _after_days = route_of(campaign)
        if route == "owner":
            kept.append(campaign.id)
        elif route == "owner_then_county":
            until_handed.append(campaign.id)
    clauses = []
    if kept:
        clauses.append(_of_campaigns(kept))
    if until_handed:
        clauses.append(and_(_of_campaigns(until_handed), Lead.handed_to_county_at.is_(None)))
    return ~or_(*clauses) if clauses else true()
