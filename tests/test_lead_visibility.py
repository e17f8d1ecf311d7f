"""One rule (hunters.visibility) decides which leads an organisation's member sees, and the portal, the
Telegram `/leads` and the member's dashboard/API scope agree on the same data: a lead of the county in another
trade is nobody's business of ours, an owned campaign's lead outside the counties is ours, another
organisation's claimed lead and a lead another organisation's campaign keeps are not."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hunters.lead_export import lead_detail
from hunters.lead_export import lead_rows
from hunters.leads import ClaimStatus
from hunters.leads import claim_lead
from hunters.leads import create_lead
from hunters.leads import hunter_leads
from hunters.portal_leads import organisation_leads
from hunters.portal_leads import visible_lead
from hunters.visibility import scope_of_member
from store.models import Campaign
from store.models import CampaignOwner
from store.models import Company
from store.models import Hunter
from store.models import HunterMember
from store.models import HunterState
from store.models import Lead
from tests.lead_factories import make_company
from tests.lead_factories import make_hunter
from tests.lead_factories import make_registration

ELECTRICIAN, CARPENTER = 30, 24


def _campaign_of(session: Session, owner: Hunter) -> int:
    campaign = Campaign(name=f"Kampanje for {owner.org_name}", definition={})
    session.add(campaign)
    session.flush()
    session.add(CampaignOwner(campaign_id=campaign.id, hunter_id=owner.id, is_primary=True))
    session.flush()
    return campaign.id


def _lead(
    session: Session, *, county: str, trades: list[int], campaign_id: int | None = None, name: str
) -> Lead:
    company = make_company(session, county=county, name=name)
    registration = make_registration(session, company=company, trades=trades, campaign_id=campaign_id)
    return create_lead(session, registration_id=registration.id)


def test_the_portal_the_chat_and_the_api_agree_for_a_member(session: Session) -> None:
    ours = make_hunter(session, counties=["55"], trades=[ELECTRICIAN], name="Elektroforeningen")
    rival = make_hunter(session, counties=["55"], all_trades=True, name="Byggforbundet")
    kari = HunterMember(hunter_id=ours.id, name="Kari Nordmann", email="kari@elektro.no")
    session.add(kari)
    session.flush()
    ours_campaign, rivals_campaign = _campaign_of(session, ours), _campaign_of(session, rival)
    open_ours = _lead(session, county="55", trades=[ELECTRICIAN], name="Tromsø Elektro AS")
    no_trade = _lead(session, county="55", trades=[], name="Tromsø Alt AS")
    other_trade = _lead(session, county="55", trades=[CARPENTER], name="Tromsø Tre AS")
    owned_far = _lead(session, county="03", trades=[CARPENTER], campaign_id=ours_campaign, name="Oslo Tre AS")
    kept = _lead(
        session, county="55", trades=[ELECTRICIAN], campaign_id=rivals_campaign, name="Tromsø Kept AS"
    )
    rivals = _lead(session, county="55", trades=[ELECTRICIAN], name="Tromsø Rival AS")
    claimed = _lead(session, county="55", trades=[ELECTRICIAN], name="Tromsø Vår AS")
    assert claim_lead(session, lead_id=rivals.id, hunter_id=rival.id).ok
    assert claim_lead(session, lead_id=claimed.id, hunter_id=ours.id).ok
    everything = [open_ours, no_trade, other_trade, owned_far, kept, rivals, claimed]
    expected = sorted(lead.id for lead in (open_ours, no_trade, owned_far, claimed))

    held, open_leads = organisation_leads(session, hunter=ours)
    portal = sorted(lead.id for lead in held.rows + open_leads.rows)
    chat_owned, chat_open = hunter_leads(session, hunter=ours)
    scope = scope_of_member(session, member_id=kari.id)
    api = [row["id"] for row in lead_rows(session, scope=scope)]
    assert portal == expected
    assert sorted(lead.id for lead in chat_owned + chat_open) == expected
    assert api == expected
    assert [lead.id for lead in held.rows] == [claimed.id]
    assert _paged_through(session, ours) == portal  # a page at a time, the same leads, each once
    for lead in everything:  # one lead's page answers as the lists do
        shown = lead.id in expected
        assert (visible_lead(session, hunter=ours, lead_id=lead.id) is not None) is shown
        assert (lead_detail(session, lead_id=lead.id, scope=scope) is not None) is shown
    # the claim (Telegram button, portal) refuses what the lists leave out, and says why
    assert claim_lead(session, lead_id=other_trade.id, hunter_id=ours.id).status is ClaimStatus.OUTSIDE_TRADES
    assert claim_lead(session, lead_id=kept.id, hunter_id=ours.id).status is ClaimStatus.OWNERS_ONLY
    assert claim_lead(session, lead_id=rivals.id, hunter_id=ours.id).status is ClaimStatus.TAKEN
    assert claim_lead(session, lead_id=owned_far.id, hunter_id=ours.id).ok
    companies = set(session.scalars(select(Company.id).where(scope.companies())))
    assert companies == {lead.company_id for lead in everything if lead.id in expected}


def _paged_through(session: Session, hunter: Hunter) -> list[int]:
    """Every lead of both portal lists, read one lead per page by following each list's cursor."""
    seen: list[int] = []
    owned_after: str | None = None
    while True:
        owned, _ = organisation_leads(session, hunter=hunter, owned_after=owned_after, limit=1)
        seen += [lead.id for lead in owned.rows]
        if (owned_after := owned.next) is None:
            break
    open_after: str | None = None
    while True:
        _, open_leads = organisation_leads(session, hunter=hunter, open_after=open_after, limit=1)
        seen += [lead.id for lead in open_leads.rows]
        if (open_after := open_leads.next) is None:
            break
    assert len(seen) == len(set(seen))
    return sorted(seen)


def test_an_organisation_that_is_not_approved_sees_nothing_anywhere(session: Session) -> None:
    ours = make_hunter(session, counties=["55"], all_trades=True)
    kari = HunterMember(hunter_id=ours.id, name="Kari Nordmann", email="kari@elektro.no")
    session.add(kari)
    lead = _lead(session, county="55", trades=[], name="Tromsø Alt AS")
    assert claim_lead(session, lead_id=lead.id, hunter_id=ours.id).ok
    ours.state = HunterState.REJECTED
    session.flush()
    held, open_leads = organisation_leads(session, hunter=ours)
    assert (held.rows, open_leads.rows) == ([], [])
    assert visible_lead(session, hunter=ours, lead_id=lead.id) is None
    assert lead_rows(session, scope=scope_of_member(session, member_id=kari.id)) == []
