"""What staff do with leads beyond the hunters' own buttons: narrow the list down, and reassign a lead.

Routing, claiming and outcomes stay in `hunters.leads`; this module only adds the staff side and reuses its texts
and notifications, so a reassigned hunter hears about it in the same words as after a claim.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from catalogue import text
from catalogue.phrases import Refusal
from hunters import lead_texts as texts
from hunters.leads import announce_lead
from hunters.leads import card_for
from hunters.leads import covers_county
from hunters.notify import chat_language
from hunters.notify import enqueue_telegram_notice
from hunters.routing import lead_routing
from hunters.routing import owns_lead
from store.models import Hunter
from store.models import HunterState
from store.models import Lead
from store.models import LeadState
from store.models import utcnow


class ReassignError(Refusal, ValueError):
    """The lead or hunter does not exist, or the hunter is not approved; said in the reader's language."""


@dataclass(frozen=True)
class Reassignment:
    lead: Lead
    previous: Hunter | None
    hunter: Hunter | None  # None: back to the pool, announced again


def reassign_lead(session: Session, *, lead_id: int, hunter_id: int | None) -> Reassignment:
    """Gives the lead to another approved hunter (or back to the pool); both hunters are told. Callers commit."""
    lead = session.get(Lead, lead_id)
    if lead is None:
        raise ReassignError("admin_no_such_lead", lead=lead_id)
    previous = session.get(Hunter, lead.hunter_id) if lead.hunter_id else None
    hunter = session.get(Hunter, hunter_id) if hunter_id is not None else None
    if hunter_id is not None and (hunter is None or hunter.state != HunterState.APPROVED):
        raise ReassignError("reassign_not_approved")
    # An owner of the lead's campaign may have it wherever the company is (hunters.routing).
    if (
        hunter is not None
        and not owns_lead(lead_routing(session, lead=lead), hunter.id)
        and not covers_county(session, hunter_id=hunter.id, county_number=lead.county_number)
    ):
        raise ReassignError("reassign_outside_counties", hunter=hunter.org_name, lead=lead.id)
    if previous is not None and hunter is not None and previous.id == hunter.id:
        return Reassignment(lead, previous, hunter)
    now = utcnow()
    if hunter is None:
        lead.state, lead.hunter_id, lead.claimed_at = LeadState.NEW, None, None
    else:
        lead.state, lead.hunter_id, lead.claimed_at = LeadState.CLAIMED, hunter.id, now
    lead.outcome_at = None
    session.flush()
    if previous is not None and previous.telegram_chat_id:
        language = chat_language(session, previous.telegram_chat_id)
        enqueue_telegram_notice(
            session,
            chat_id=previous.telegram_chat_id,
            text=text("lead_moved_away", language, id=lead.id),
            language=language,
            hunter_id=previous.id,
            lead_id=lead.id,
            company_id=lead.company_id,
        )
    if hunter is None:
        announce_lead(session, lead=lead, now=now, reminder=False)
    elif hunter.telegram_chat_id:
        language = chat_language(session, hunter.telegram_chat_id)
        enqueue_telegram_notice(
            session,
            chat_id=hunter.telegram_chat_id,
            text=text("lead_given", language, card=card_for(session, lead, language)),
            language=language,
            buttons=texts.outcome_buttons(lead.id, language),
            hunter_id=hunter.id,
            lead_id=lead.id,
            company_id=lead.company_id,
        )
    return Reassignment(lead, previous, hunter)
