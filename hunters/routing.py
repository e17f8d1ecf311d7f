"""Who may see and claim a lead (PRODUCT §7, §11): the county's hunters, or the organisations owning the campaign.

A lead of an owned campaign goes to the owners' members only (`route = "owner"`, the default when the campaign
has an owner), to the owners first and to the county's hunters as well once it was handed over
(`"owner_then_county"`: `hunters.lead_jobs.hand_over_unclaimed` sets `Lead.handed_to_county_at` after
`route_after_days` working days), or to the county as any other lead (`"county"`). Owners are not limited by
county or trade: the campaign is theirs, wherever its companies are. One function decides, and the
announcement, the claim and the hunter's list of open leads all ask it, so they cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.definition_model import definition_of
from store.models import Campaign
from store.models import CampaignOwner
from store.models import Lead
from store.models import Registration

ROUTES = ("owner", "owner_then_county", "county")


class Audience(StrEnum):
    """Who a lead is for right now."""

    COUNTY = "county"  # the county's hunters of its trades (and, once handed over, the owners as well)
    OWNERS = "owners"  # the owning organisations only


@dataclass(frozen=True)
class Routing:
    owners: tuple[int, ...]  # hunter ids; empty when the campaign has no owner (or the lead no campaign)
    route: str
    after_days: int

    def audience(self, lead: Lead) -> Audience:
        if not self.owners or self.route == "county":
            return Audience.COUNTY
        if self.route == "owner_then_county" and lead.handed_to_county_at is not None:
            return Audience.COUNTY
        return Audience.OWNERS


NO_OWNER = Routing(owners=(), route="county", after_days=0)


def campaign_owners(session: Session, *, campaign_id: int) -> tuple[int, ...]:
    """The owning organisations' hunter ids, the file's `owner` first."""
    rows = session.scalars(
        select(CampaignOwner.hunter_id)
        .where(CampaignOwner.campaign_id == campaign_id)
        .order_by(CampaignOwner.is_primary.desc(), CampaignOwner.hunter_id)
    )
    return tuple(rows)


def campaign_routing(session: Session, *, campaign_id: int | None) -> Routing:
    if campaign_id is None:
        return NO_OWNER
    owners = campaign_owners(session, campaign_id=campaign_id)
    campaign = session.get(Campaign, campaign_id)
    if not owners or campaign is None:
        return NO_OWNER
    route, after_days = route_of(campaign)
    return Routing(owners=owners, route=route, after_days=after_days)


def route_of(campaign: Campaign) -> tuple[str, int]:
    """The campaign's `route` and `route_after_days`."""
    definition = definition_of(campaign)
    return (definition.route if definition.route in ROUTES else "owner"), definition.route_after_days


def lead_routing(session: Session, *, lead: Lead) -> Routing:
    campaign_id = session.scalar(
        select(Registration.campaign_id).where(Registration.id == lead.registration_id)
    )
    return campaign_routing(session, campaign_id=campaign_id)


def owns_lead(routing: Routing, hunter_id: int) -> bool:
    return hunter_id in routing.owners
