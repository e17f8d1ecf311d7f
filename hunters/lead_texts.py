"""What hunters read about leads (Norwegian bokmål), kept apart from the rules in `hunters.leads`."""

from __future__ import annotations

from collections.abc import Sequence

from catalogue import text
from hunters.notify import Buttons, button
from store import labels
from store.models import Company, Hunter, Lead, LeadState, Registration

# One source for the names of lead states (store.labels): the buttons, the hunters' lists and the dashboard.
OUTCOME_LABELS: dict[LeadState, str] = {
    state: labels.label(state, "lead")
    for state in (
        LeadState.CONTACTED,
        LeadState.BECAME_TRAINING_COMPANY,
        LeadState.DECLINED,
        LeadState.NO_ANSWER,
    )
}

STATE_LABELS: dict[LeadState, str] = {state: labels.label(state, "lead", lower=True) for state in LeadState}


def claim_buttons(lead_id: int) -> Buttons:
    return [[button("Ta leaden", f"lead:claim:{lead_id}")]]


def outcome_buttons(lead_id: int) -> Buttons:
    def out(state: LeadState) -> dict[str, str]:
        return button(OUTCOME_LABELS[state], f"lead:out:{lead_id}:{state.value}")

    return [
        [out(LeadState.CONTACTED), out(LeadState.NO_ANSWER)],
        [out(LeadState.BECAME_TRAINING_COMPANY), out(LeadState.DECLINED)],
        [button(text("lead_release"), f"lead:rel:{lead_id}")],
    ]


def lead_card(
    lead: Lead,
    company: Company,
    registration: Registration,
    county_name: str | None,
    approved_trades: Sequence[str] = (),
) -> str:
    """The facts a hunter needs to call the company, one per line; `approved_trades` are the trades a county
    has approved it for already ("Trade (County)"), so the hunter knows where it trains apprentices today."""
    place = ", ".join(p for p in (company.business_city or company.postal_city, county_name) if p)
    lines = [f"{company.name} (org.nr. {company.orgnr})"]
    if not registration.verified:
        # Whoever registered only typed the public orgnr: the hunter should check they speak for the company.
        lines.append(f"{UNVERIFIED}: registrert av noen som bare oppga organisasjonsnummeret")
    if place:
        lines.append(place)
    trades = ", ".join(t.name for t in registration.trades) or "ikke oppgitt"
    lines.append(f"Fag: {trades}")
    if approved_trades:
        lines.append(f"Godkjent lærebedrift i: {', '.join(approved_trades)}")
    if registration.places:
        lines.append(f"Læreplasser: {registration.places}")
    if registration.adult_apprentices is not None:
        lines.append(f"Voksne lærlinger: {'ja' if registration.adult_apprentices else 'nei'}")
    if registration.adult_places is not None:
        lines.append(f"Plasser for voksne lærlinger: {registration.adult_places}")
    if registration.trial_first is not None:
        lines.append(f"Kandidat på prøve først: {'ja' if registration.trial_first else 'nei'}")
    if registration.start:
        lines.append(f"Ønsket oppstart: {registration.start}")
    contact = ", ".join(p for p in (registration.contact_name, registration.phone, registration.email) if p)
    lines.append(f"Kontakt: {contact or 'ikke oppgitt'}")
    lines.append(f"Lead nr. {lead.id}")
    return "\n".join(lines)


def new_lead_text(card: str, *, reminder: bool) -> str:
    if reminder:
        head = "Påminnelse: denne bedriften venter fortsatt på en læreplassjeger."
    else:
        head = "Ny bedrift vil ha lærling!"
    return f"{head}\n\n{card}\n\nTrykk «Ta leaden» for å følge den opp."


def claimed_text(card: str) -> str:
    return f"Leaden er din. Ta kontakt med bedriften, og meld fra hvordan det gikk:\n\n{card}"


def taken_text(owner: Hunter | None) -> str:
    who = owner.org_name if owner is not None else "en annen jeger"
    return f"Denne leaden er allerede tatt av {who}."


def hunter_state_refusal(hunter: Hunter | None) -> str:
    if hunter is None:
        return "Du er ikke registrert som læreplassjeger. Send /jeger for å melde deg på."
    if hunter.state == "pending":
        return "Registreringen din venter på godkjenning. Du får beskjed her når den er godkjent."
    return "Registreringen din som jeger er ikke godkjent. Ta kontakt med kampanjen om du har spørsmål."


UNVERIFIED = "Ikke bekreftet"
OUTSIDE_COUNTY = "Denne leaden er utenfor fylkene dine, så du kan ikke ta den."
OUTSIDE_TRADES = "Denne leaden gjelder fag dere ikke dekker, så du kan ikke ta den."
OWNERS_ONLY = (
    "Denne leaden kommer fra en lokal kampanje og går til organisasjonene som eier kampanjen, så du kan ikke "
    "ta den nå."
)
# By hunters.leads.ClaimStatus value: why a hunter may not claim a lead.
CLAIM_REFUSALS = {
    "outside_county": OUTSIDE_COUNTY,
    "outside_trades": OUTSIDE_TRADES,
    "owners_only": OWNERS_ONLY,
}
UNKNOWN_LEAD = "Fant ikke denne leaden. Den kan være slettet."
ALREADY_YOURS = "Denne leaden er allerede din."
NOT_OWNER = "Bare jegeren som har tatt leaden, kan melde utfall."


def outcome_text(state: LeadState) -> str:
    return f"Takk! Registrert: {OUTCOME_LABELS[state].lower()}."


def outcome_final_text(state: LeadState) -> str:
    return (
        f"Utfallet er allerede registrert som «{OUTCOME_LABELS[state].lower()}» og kan ikke endres her. "
        "Ta kontakt med kampanjen om det er feil."
    )
