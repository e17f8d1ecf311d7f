"""Leads of campaigns owned by organisations (PRODUCT §11): `route = "owner"` keeps them with the owners,
`"owner_then_county"` hands an unclaimed lead to the county's hunters after N working days, `"county"` routes
them as any other lead."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session

from hunters.lead_admin import ReassignError
from hunters.lead_admin import reassign_lead
from hunters.lead_jobs import hand_over_unclaimed
from hunters.leads import ClaimStatus
from hunters.leads import claim_lead
from hunters.leads import create_lead
from hunters.leads import hunter_leads
from store.models import Campaign
from store.models import CampaignOwner
from store.models import Hunter
from store.models import HunterState
from store.models import Lead
from tests.lead_factories import make_company
from tests.lead_factories import make_hunter
from tests.lead_factories import make_registration
from tests.lead_factories import notifications

OSLO = ZoneInfo("Europe/Oslo")
ELECTRICIAN = 30


def owned_campaign(session: Session, owners: list[Hunter], **definition: object) -> Campaign:
    campaign = Campaign(name="Øra voksen", definition=dict(definition))
    session.add(campaign)
    session.flush()
    for position, owner in enumerate(owners):
        session.add(CampaignOwner(campaign_id=campaign.id, hunter_id=owner.id, is_primary=position == 0))
    session.flush()
    return campaign


def test_a_lead_of_an_owned_campaign_goes_to_the_owners_only(session: Session) -> None:
    nav = make_hunter(session, counties=["03"], name="NAV Fredrikstad")  # owners need not cover the county
    school = make_hunter(session, counties=["03"], name="Glemmen vgs")
    county_hunter = make_hunter(session, counties=["55"], all_trades=True)
    campaign = owned_campaign(session, [nav, school])
    registration = make_registration(
        session, company=make_company(session, county="55"), trades=[ELECTRICIAN], campaign_id=campaign.id
    )

    lead = create_lead(session, registration_id=registration.id)

    assert sorted(m.hunter_id for m in notifications(session, lead_id=lead.id)) == sorted([nav.id, school.id])
    refused = claim_lead(session, lead_id=lead.id, hunter_id=county_hunter.id)
    assert refused.status is ClaimStatus.OWNERS_ONLY and "eier kampanjen" in refused.text
    assert hunter_leads(session, hunter=county_hunter) == ([], [])
    assert hunter_leads(session, hunter=school)[1] == [lead]
    assert claim_lead(session, lead_id=lead.id, hunter_id=school.id).status is ClaimStatus.CLAIMED


def test_a_lead_of_a_county_routed_campaign_goes_to_the_county(session: Session) -> None:
    nav = make_hunter(session, counties=["03"])
    county_hunter = make_hunter(session, counties=["55"], all_trades=True)
    campaign = owned_campaign(session, [nav], route="county")
    registration = make_registration(
        session, company=make_company(session, county="55"), campaign_id=campaign.id
    )

    lead = create_lead(session, registration_id=registration.id)

    assert [m.hunter_id for m in notifications(session, lead_id=lead.id)] == [county_hunter.id]
    assert claim_lead(session, lead_id=lead.id, hunter_id=county_hunter.id).ok


def test_an_unclaimed_lead_is_handed_to_the_county_after_working_days_not_before(session: Session) -> None:
    nav = make_hunter(session, counties=["03"])
    county_hunter = make_hunter(session, counties=["55"], all_trades=True)
    pending = make_hunter(session, counties=["55"], all_trades=True, state=HunterState.PENDING)
    campaign = owned_campaign(session, [nav], route="owner_then_county", route_after_days=2)
    registration = make_registration(
        session, company=make_company(session, county="55"), campaign_id=campaign.id
    )
    lead = create_lead(session, registration_id=registration.id)
    # Thursday 17 December 2026; two working days later is Monday 21 December (the weekend does not count).
    lead.created_at = datetime(2026, 12, 17, 10, 0, tzinfo=OSLO)

    assert hand_over_unclaimed(session, now=datetime(2026, 12, 21, 9, 0, tzinfo=OSLO)) == 0
    assert claim_lead(session, lead_id=lead.id, hunter_id=county_hunter.id).status is ClaimStatus.OWNERS_ONLY

    assert hand_over_unclaimed(session, now=datetime(2026, 12, 21, 10, 0, tzinfo=OSLO)) == 1
    assert hand_over_unclaimed(session, now=datetime(2026, 12, 22, 10, 0, tzinfo=OSLO)) == 0  # once
    announced = [m.hunter_id for m in notifications(session, lead_id=lead.id)]
    assert announced == [nav.id, county_hunter.id] and pending.id not in announced
    assert claim_lead(session, lead_id=lead.id, hunter_id=county_hunter.id).ok


def lead_outside_the_owners_county(session: Session) -> tuple[Hunter, Lead]:
    """NAV (Oslo) owns a campaign that hands its leads over to the county after one working day; a lead from a
    company in Troms, new now."""
    nav = make_hunter(session, counties=["03"])
    campaign = owned_campaign(session, [nav], route="owner_then_county", route_after_days=1)
    registration = make_registration(
        session, company=make_company(session, county="55"), campaign_id=campaign.id
    )
    return nav, create_lead(session, registration_id=registration.id)


def test_christmas_holidays_do_not_count_as_working_days(session: Session) -> None:
    _, lead = lead_outside_the_owners_county(session)
    lead.created_at = datetime(
        2026, 12, 24, 10, 0, tzinfo=OSLO
    )  # 25 and 26 December are holidays, 27th Sunday

    assert hand_over_unclaimed(session, now=datetime(2026, 12, 27, 12, 0, tzinfo=OSLO)) == 0
    assert hand_over_unclaimed(session, now=datetime(2026, 12, 28, 10, 0, tzinfo=OSLO)) == 1


def test_a_claimed_lead_is_never_handed_over(session: Session) -> None:
    nav, lead = lead_outside_the_owners_county(session)
    assert claim_lead(session, lead_id=lead.id, hunter_id=nav.id).ok
    lead.created_at = datetime(2026, 12, 1, 10, 0, tzinfo=OSLO)
    assert hand_over_unclaimed(session, now=datetime(2026, 12, 21, 10, 0, tzinfo=OSLO)) == 0
    assert lead.handed_to_county_at is None


def test_staff_may_give_an_owned_lead_to_an_owner_outside_its_county(session: Session) -> None:
    nav = make_hunter(session, counties=["03"])
    stranger = make_hunter(session, counties=["03"])
    campaign = owned_campaign(session, [nav], route="owner")
    registration = make_registration(
        session, company=make_company(session, county="55"), campaign_id=campaign.id
    )
    lead = create_lead(session, registration_id=registration.id)
    assert reassign_lead(session, lead_id=lead.id, hunter_id=nav.id).hunter == nav
    with pytest.raises(ReassignError, match="dekker ikke fylket"):
        reassign_lead(session, lead_id=lead.id, hunter_id=stranger.id)
