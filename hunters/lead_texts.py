"""What hunters read about leads, in the language of the hunter's chat (`hunters.notify.chat_language`); the
texts are the catalogue's (`catalogue/hunter.py`), kept apart from the rules in `hunters.leads`."""

from __future__ import annotations

from collections.abc import Sequence

from catalogue import text
from catalogue.labels import label
from hunters.notify import Buttons
from hunters.notify import button
from store.models import Company
from store.models import Hunter
from store.models import Lead
from store.models import LeadState
from store.models import Registration

# The outcomes a hunter reports, in the order of the buttons; named by the one label of each lead state.
OUTCOME_ROWS = (
    (LeadState.CONTACTED, LeadState.NO_ANSWER),
    (LeadState.BECAME_TRAINING_COMPANY, LeadState.DECLINED),
)
# By hunters.leads.ClaimStatus value: why a hunter may not claim a lead.
CLAIM_REFUSALS = {
    "outside_county": "lead_outside_county",
    "outside_trades": "lead_outside_trades",
    "owners_only": "lead_owners_only",
}


def state_label(state: LeadState, language: str) -> str:
    """`kontaktet`, as it reads inside a sentence."""
    return label(state, "lead", language, lower=True)


def claim_buttons(lead_id: int, language: str) -> Buttons:
    return [[button(text("lead_claim_button", language), f"lead:claim:{lead_id}")]]


def outcome_buttons(lead_id: int, language: str) -> Buttons:
    return [
        *(
            [button(label(state, "lead", language), f"lead:out:{lead_id}:{state.value}") for state in row]
            for row in OUTCOME_ROWS
        ),
        [button(text("lead_release", language), f"lead:rel:{lead_id}")],
    ]


def lead_card(
    lead: Lead,
    company: Company,
    registration: Registration,
    county_name: str | None,
    approved_trades: Sequence[str] = (),
    *,
    language: str,
) -> str:
    """The facts a hunter needs to call the company, one per line; `approved_trades` are the trades a county
    has approved it for already ("Trade (County)"), so the hunter knows where it trains apprentices today."""
    place = ", ".join(p for p in (company.business_city or company.postal_city, county_name) if p)
    lines = [text("lead_card_company", language, name=company.name, orgnr=company.orgnr)]
    if not registration.verified:
        # Whoever registered only typed the public orgnr: the hunter should check they speak for the company.
        lines.append(text("lead_card_unverified", language))
    if place:
        lines.append(place)
    trades = ", ".join(t.name for t in registration.trades) or text("not_given", language)
    lines.append(text("lead_card_trades", language, trades=trades))
    if approved_trades:
        lines.append(text("lead_card_approved", language, trades=", ".join(approved_trades)))
    if registration.places:
        lines.append(text("lead_card_places", language, places=registration.places))
    if registration.adult_apprentices is not None:
        answer = text("yes_lower" if registration.adult_apprentices else "no_lower", language)
        lines.append(text("lead_card_adult", language, answer=answer))
    if registration.adult_places is not None:
        lines.append(text("lead_card_adult_places", language, places=registration.adult_places))
    if registration.trial_first is not None:
        answer = text("yes_lower" if registration.trial_first else "no_lower", language)
        lines.append(text("lead_card_trial_first", language, answer=answer))
    if registration.start:
        lines.append(text("lead_card_start", language, start=registration.start))
    contact = ", ".join(p for p in (registration.contact_name, registration.phone, registration.email) if p)
    lines.append(text("lead_card_contact", language, contact=contact or text("not_given", language)))
    lines.append(text("lead_card_number", language, id=lead.id))
    return "\n".join(lines)


def new_lead_text(card: str, *, reminder: bool, language: str) -> str:
    return text("lead_reminder" if reminder else "lead_new", language, card=card)


def taken_text(owner: Hunter | None, language: str) -> str:
    if owner is None:
        return text("lead_taken_by_someone", language)
    return text("lead_taken_by", language, who=owner.org_name)


def hunter_state_refusal(hunter: Hunter | None, language: str) -> str:
    if hunter is None:
        return text("hunter_not_registered", language)
    if hunter.state == "pending":
        return text("hunter_waiting", language)
    return text("hunter_not_approved", language)


def outcome_text(state: LeadState, language: str) -> str:
    return text("lead_outcome_recorded", language, outcome=state_label(state, language))


def outcome_final_text(state: LeadState, language: str) -> str:
    return text("lead_outcome_final", language, outcome=state_label(state, language))
