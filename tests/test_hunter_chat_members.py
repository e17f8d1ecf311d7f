"""On Telegram, a member who linked a chat claims, releases, writes notes and records outcomes with the same
functions as the portal, and the lead's history names them; a removed member's chat acts for nobody."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.hunter_chat import lead_button
from bot.hunter_chat import note_command
from hunters.lead_notes import lead_history
from hunters.leads import create_lead
from store.models import Lead
from store.models import LeadState
from store.models import utcnow
from tests.lead_factories import make_company
from tests.lead_factories import make_hunter
from tests.lead_factories import make_registration
from tests.portal_factories import make_member


def _lead(session: Session) -> Lead:
    company = make_company(session, county="55")
    return create_lead(session, registration_id=make_registration(session, company=company).id)


def test_a_members_chat_claims_notes_releases_and_records_an_outcome(session: Session) -> None:
    hunter = make_hunter(session, counties=("55",), all_trades=True, chat_id="")
    member = make_member(session, hunter=hunter, chat_id="5150")
    lead = _lead(session)
    [claimed] = lead_button(session, chat_id="5150", data=f"lead:claim:{lead.id}")
    assert claimed.buttons is not None and f"lead:rel:{lead.id}" in str(claimed.buttons)
    [noted] = note_command(
        session, chat_id="5150", command_text=f"/notat {lead.id} Ringte, ring igjen fredag"
    )
    assert noted.text == "Notatet er lagret."
    [released] = lead_button(session, chat_id="5150", data=f"lead:rel:{lead.id}")
    assert released.text == "Leaden er sluppet og tilbake hos de andre jegerne."
    session.refresh(lead)
    assert (lead.state, lead.hunter_id) == (LeadState.NEW, None)
    lead_button(session, chat_id="5150", data=f"lead:claim:{lead.id}")
    lead_button(session, chat_id="5150", data=f"lead:out:{lead.id}:declined")
    history = lead_history(session, lead_id=lead.id)
    assert [(e.kind, e.by) for e in history] == [
        ("claimed", member.name),
        ("note", member.name),
        ("released", member.name),
        ("claimed", member.name),
        ("outcome", member.name),
    ]


def test_a_note_needs_a_lead_number_and_a_lead_the_organisation_holds(session: Session) -> None:
    hunter = make_hunter(session, counties=("55",), all_trades=True, chat_id="")
    make_member(session, hunter=hunter, chat_id="5151")
    lead = _lead(session)
    [usage] = note_command(session, chat_id="5151", command_text="/notat hei")
    assert usage.text.startswith("Skriv /notat")
    [refused] = note_command(session, chat_id="5151", command_text=f"/notat {lead.id} hei")
    assert refused.text == "Dere kan skrive notater bare på leads dere har tatt."


def test_a_removed_members_chat_acts_for_nobody(session: Session) -> None:
    hunter = make_hunter(session, counties=("55",), all_trades=True, chat_id="")
    member = make_member(session, hunter=hunter, chat_id="5152")
    member.removed_at = utcnow()
    lead = _lead(session)
    [answer] = lead_button(session, chat_id="5152", data=f"lead:claim:{lead.id}")
    assert "ikke registrert" in answer.text
    session.refresh(lead)
    assert lead.hunter_id is None
