"""An adult (`voksen`) campaign's registration asks for places for adult apprentices and a trial period first
(PRODUCT §11), on chat and on the web; other campaigns ask as before."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from settings import Settings
from store.db import Database
from store.models import Campaign
from store.models import CampaignOwner
from store.models import Company
from store.models import Lead
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import Registration
from store.models import utcnow
from tests.lead_factories import make_hunter
from tests.lead_factories import notifications
from tests.test_engine import make_company
from tests.test_engine import say
from tests.test_web_registration import form
from web.app import create_app


def reached_by_adult_campaign(session: Session) -> int:
    company = make_company(session)
    campaign = Campaign(name="Øra voksen", definition={"kind": "voksen"})
    session.add(campaign)
    session.flush()
    session.add(
        Message(
            campaign_id=campaign.id, company_id=company.id, channel="sms", kind=MessageKind.OUTREACH,
            state=MessageState.SENT, sent_at=utcnow(), language="nb",
        )
    )  # fmt: skip
    session.commit()
    return company.id


def test_an_adult_campaigns_registration_asks_for_adult_places_and_a_trial_period(
    session: Session, settings: Settings
) -> None:
    company_id = reached_by_adult_campaign(session)
    say(session, settings, "JA")
    say(session, settings, "Kari Nordmann")
    asked = say(session, settings, "produksjonsteknikk").answers[0]
    assert asked.text.startswith("3/5 Hvor mange plasser for voksne lærlinger")
    assert asked.buttons is not None and asked.buttons[0][0].data == "a:1"
    trial = say(session, settings, "2").answers[0]
    assert trial.text.startswith("4/5 Kan dere ta en kandidat på prøve")
    assert say(session, settings, "kanskje").answers[0].text == "Svar JA eller NEI."
    assert say(session, settings, "ja").answers[0].text.startswith("5/5 Når kan den voksne lærlingen begynne")
    summary = say(session, settings, "august 2027").answers[0].text
    assert "3 Plasser for voksne lærlinger: 2" in summary and "4 Prøveperiode først: Ja" in summary
    changed = say(session, settings, "4").answers[0].text  # the summary's 4 is the trial question here
    assert changed.startswith("4/5 Kan dere ta en kandidat på prøve")
    assert "4 Prøveperiode først: Nei" in say(session, settings, "nei").answers[0].text
    assert "registrert" in say(session, settings, "JA").answers[0].text
    registration = session.scalars(select(Registration)).one()
    assert (registration.adult_places, registration.places, registration.adult_apprentices) == (2, 2, True)
    assert registration.trial_first is False and registration.completed_at is not None
    assert session.scalar(select(Lead.company_id)) == company_id


def test_a_tapped_button_of_the_places_question_counts_for_adult_places(
    session: Session, settings: Settings
) -> None:
    reached_by_adult_campaign(session)
    say(session, settings, "JA", channel="sms")
    say(session, settings, "Kari Nordmann")
    say(session, settings, "produksjonsteknikk")
    stale = say(session, settings, "p:2", button="p:2").answers[
        0
    ]  # a button of an ordinary campaign's question
    assert stale.text.startswith("3/5 Hvor mange plasser for voksne lærlinger")
    assert say(session, settings, "a:3", button="a:3").answers[0].text.startswith("4/5")
    assert session.scalars(select(Registration)).one().adult_places == 3


def test_the_web_page_of_an_adult_campaign_asks_for_adult_places_and_a_trial_and_the_lead_goes_to_the_owner(
    settings: Settings, db: Database
) -> None:
    with db.transaction() as session:
        company_id = reached_by_adult_campaign(session)
        campaign_id = session.scalars(select(Campaign.id)).one()
        owner = make_hunter(session, counties=["03"], name="NAV Fredrikstad")
        make_hunter(session, counties=["55"], all_trades=True)  # the county hunter, who must not hear of it
        session.add(CampaignOwner(campaign_id=campaign_id, hunter_id=owner.id, is_primary=True))
        token = session.get_one(Company, company_id).token or ""
    with TestClient(create_app(settings, db=db)) as client:
        page = client.get(f"/r/{token}").text
        assert "Hvor mange plasser for voksne lærlinger" in page and 'name="trial"' in page
        assert 'name="adult"' not in page
        missing = client.post(f"/r/{token}", data={**form(page), "adult": ""})
        assert missing.status_code == 422 and 'id="trial-error"' in missing.text
        done = client.post(f"/r/{token}", data={**form(page), "adult": "", "trial": "ja", "places": "3"})
        assert done.status_code == 200
    with db.session() as session:
        registration = session.scalars(select(Registration)).one()
        assert (registration.adult_places, registration.trial_first, registration.campaign_id) == (
            3,
            True,
            campaign_id,
        )
        lead = session.scalars(select(Lead)).one()
        assert [m.hunter_id for m in notifications(session, lead_id=lead.id)] == [owner.id]
