"""`/leads` and the lead buttons as a hunter sees them, without Telegram in between."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.hunter_chat import lead_button
from bot.hunter_chat import leads_overview
from hunters.leads import create_lead
from store.models import HunterState
from store.models import Lead
from store.models import LeadState
from tests.lead_factories import make_company
from tests.lead_factories import make_hunter
from tests.lead_factories import make_registration


def callbacks(answers: list) -> list[str]:  # type: ignore[type-arg]
    return [b["callback_data"] for a in answers for row in a.buttons or [] for b in row]


def test_a_pending_or_unknown_hunter_is_refused_leads(session: Session) -> None:
    make_hunter(session, chat_id="9001", state=HunterState.PENDING)
    create_lead(session, registration_id=make_registration(session, company=make_company(session)).id)
    [pending] = leads_overview(session, chat_id="9001")
    assert "venter på godkjenning" in pending.text and not pending.buttons
    [stranger] = leads_overview(session, chat_id="9002")
    assert "/jeger" in stranger.text
    [tapped] = lead_button(session, chat_id="9001", data="lead:claim:1")
    assert "venter på godkjenning" in tapped.text


def test_an_approved_hunter_sees_open_leads_claims_one_and_reports_the_outcome(session: Session) -> None:
    make_hunter(session, chat_id="9001", all_trades=True)
    company = make_company(session, name="Fjellbakeriet AS")
    lead = create_lead(session, registration_id=make_registration(session, company=company).id)

    [open_lead] = leads_overview(session, chat_id="9001")
    assert "Fjellbakeriet AS" in open_lead.text and callbacks([open_lead]) == [f"lead:claim:{lead.id}"]

    [claimed] = lead_button(session, chat_id="9001", data=f"lead:claim:{lead.id}")
    assert claimed.edit and "Leaden er din" in claimed.text
    assert f"lead:out:{lead.id}:became_training_company" in callbacks([claimed])

    [contacted] = lead_button(session, chat_id="9001", data=f"lead:out:{lead.id}:contacted")
    assert contacted.edit and "kontaktet" in contacted.text and contacted.buttons
    [mine] = leads_overview(session, chat_id="9001")
    assert "Din lead (kontaktet)" in mine.text

    [declined] = lead_button(session, chat_id="9001", data=f"lead:out:{lead.id}:declined")
    assert "takket nei" in declined.text and declined.buttons is None
    assert session.get_one(Lead, lead.id).state == LeadState.DECLINED
    [finished] = leads_overview(session, chat_id="9001")
    assert f"Lead {lead.id}: takket nei" in finished.text


def test_a_hunter_outside_the_county_is_refused_the_claim_button(session: Session) -> None:
    make_hunter(session, chat_id="9003", counties=["03"], all_trades=True)
    lead = create_lead(session, registration_id=make_registration(session, company=make_company(session)).id)
    [answer] = lead_button(session, chat_id="9003", data=f"lead:claim:{lead.id}")
    assert "utenfor fylkene" in answer.text and not answer.edit
    assert session.get_one(Lead, lead.id).state == LeadState.NEW


def test_malformed_lead_buttons_get_a_clear_answer(session: Session) -> None:
    make_hunter(session, chat_id="9001")
    for data in (
        "lead:",
        "lead:claim:x",
        "lead:out:1:won",
        "lead:frobnicate:1",
        "lead:claim:²",
        "lead:out:٣:declined",
    ):
        [answer] = lead_button(session, chat_id="9001", data=data)
        assert "forstod jeg ikke" in answer.text or "Fant ikke" in answer.text, data


def test_a_hunter_of_other_trades_is_refused_and_a_final_outcome_stays(session: Session) -> None:
    make_hunter(session, chat_id="9004", trades=[24])  # Tømrerfaget
    make_hunter(session, chat_id="9005", trades=[30])  # Elektrikerfaget
    company = make_company(session)
    lead = create_lead(session, registration_id=make_registration(session, company=company, trades=[30]).id)
    [refused] = lead_button(session, chat_id="9004", data=f"lead:claim:{lead.id}")
    assert "fag dere ikke dekker" in refused.text and not refused.edit
    [claimed] = lead_button(session, chat_id="9005", data=f"lead:claim:{lead.id}")
    assert claimed.lead_id == lead.id and claimed.company_id == company.id  # found by a privacy erase
    lead_button(session, chat_id="9005", data=f"lead:out:{lead.id}:became_training_company")
    [late] = lead_button(session, chat_id="9005", data=f"lead:out:{lead.id}:no_answer")
    assert "allerede registrert" in late.text
    assert session.get_one(Lead, lead.id).state == LeadState.BECAME_TRAINING_COMPANY
