"""Leads: a completed registration, routed to the approved hunters of its county and trades (PRODUCT §7).

The first claim wins by a conditional UPDATE whose row count says who won; nothing is locked in Python, so two
bot processes or two hunters tapping at once on PostgreSQL still give exactly one owner. Callers commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import exists
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from catalogue import DEFAULT_LANGUAGE
from catalogue import text
from companies.training import approved_trades
from hunters import lead_texts as texts
from hunters.lead_notes import record_event
from hunters.lead_notices import active_members
from hunters.lead_notices import queue_lead_notices
from hunters.notify import chat_language
from hunters.notify import enqueue_telegram_notice
from hunters.routing import Audience
from hunters.routing import lead_routing
from hunters.visibility import reach
from hunters.visibility import visible_leads
from store.db import savepoint
from store.models import Company
from store.models import County
from store.models import Hunter
from store.models import HunterState
from store.models import Lead
from store.models import LeadState
from store.models import Registration
from store.models import Trade
from store.models import hunter_county
from store.models import utcnow

OUTCOMES = (
    LeadState.CONTACTED,
    LeadState.BECAME_TRAINING_COMPANY,
    LeadState.DECLINED,
    LeadState.NO_ANSWER,
)
OWNED_STATES = (LeadState.CLAIMED, *OUTCOMES)
# An outcome that ends the lead; only staff change it afterwards (a stray tap must not undo a new
# training company).
FINAL_OUTCOMES = (LeadState.BECAME_TRAINING_COMPANY, LeadState.DECLINED, LeadState.NO_ANSWER)


def create_lead(session: Session, *, registration_id: int) -> Lead:
    """Makes the registration a lead and announces it; a second call returns the same lead, announcing nothing."""
    existing = session.scalar(select(Lead).where(Lead.registration_id == registration_id))
    if existing is not None:
        return existing
    registration = session.get(Registration, registration_id)
    if registration is None:
        raise LookupError(f"registration {registration_id} does not exist")
    company = session.get(Company, registration.company_id)
    assert company is not None  # registration.company_id is a non-null foreign key
    lead = Lead(registration_id=registration.id, company_id=company.id, county_number=company.county_number)
    try:
        with savepoint(session):  # another process may have made it a lead a moment ago
            session.add(lead)
    except IntegrityError:
        return session.scalars(select(Lead).where(Lead.registration_id == registration_id)).one()
    announce_lead(session, lead=lead, now=utcnow(), reminder=False)
    return lead


def eligible_hunters(session: Session, *, lead: Lead, telegram_only: bool = True) -> list[Hunter]:
    """Approved hunters who cover the lead's county and one of its trades (or all trades); for a lead of an
    owned campaign, the owning organisations (hunters.routing). By default only those with a Telegram chat
    (the chat's card and `/leads`); with `telegram_only=False` every one, however its members hear of leads.

    A registration naming no trade goes to every hunter of the county: nobody can rule it out.
    """
    approved = select(Hunter).where(Hunter.state == HunterState.APPROVED)
    if telegram_only:
        approved = approved.where(Hunter.telegram_chat_id.is_not(None))
    routing = lead_routing(session, lead=lead)
    if routing.audience(lead) is Audience.OWNERS:
        return list(session.scalars(approved.where(Hunter.id.in_(routing.owners)).order_by(Hunter.id)))
    if lead.county_number is None:
        return []
    query = approved.where(Hunter.counties.any(County.number == lead.county_number))
    registration = session.get(Registration, lead.registration_id)
    trade_ids = [t.id for t in registration.trades] if registration is not None else []
    if trade_ids:
        query = query.where(or_(Hunter.all_trades.is_(True), Hunter.trades.any(Trade.id.in_(trade_ids))))
    return list(session.scalars(query.order_by(Hunter.id)))


def card_for(session: Session, lead: Lead, language: str) -> str:
    company = session.get(Company, lead.company_id)
    registration = session.get(Registration, lead.registration_id)
    assert company is not None and registration is not None
    county = session.get(County, lead.county_number) if lead.county_number else None
    approved = [f"{a.trade} ({a.county})" for a in approved_trades(session, orgnr=company.orgnr)]
    county_name = county.name if county else None
    return texts.lead_card(lead, company, registration, county_name, approved, language=language)


def announce_lead(
    session: Session, *, lead: Lead, now: datetime, reminder: bool, skip_hunter_id: int | None = None
) -> int:
    """Tells every eligible organisation of the lead (but `skip_hunter_id`, one that just released it); returns
    how many notices were queued.

    An organisation's members hear of it as each chose (`hunters.lead_notices`: e-mail, SMS or Telegram, at
    once or in the daily digest, with a link to the portal); an organisation without members yet (staff added
    it by its chat alone) gets the Telegram card with a "Ta leaden" button in its chat, as before members."""
    hunters = [h for h in eligible_hunters(session, lead=lead, telegram_only=False) if h.id != skip_hunter_id]
    with_members = [h for h in hunters if active_members(h)]
    queued = queue_lead_notices(
        session, lead=lead, kind="reminder" if reminder else "new", hunters=with_members, now=now
    )
    chat_only = [h for h in hunters if h not in with_members and h.telegram_chat_id]
    for hunter in chat_only:
        assert hunter.telegram_chat_id is not None
        language = chat_language(session, hunter.telegram_chat_id)
        enqueue_telegram_notice(
            session,
            chat_id=hunter.telegram_chat_id,
            text=texts.new_lead_text(card_for(session, lead, language), reminder=reminder, language=language),
            language=language,
            buttons=texts.claim_buttons(lead.id, language),
            hunter_id=hunter.id,
            lead_id=lead.id,
            company_id=lead.company_id,
        )
    lead.announced_at = now
    lead.announce_count += 1
    session.flush()
    return queued + len(chat_only)


class ClaimStatus(StrEnum):
    CLAIMED = "claimed"
    ALREADY_YOURS = "already_yours"
    TAKEN = "taken"
    UNKNOWN_LEAD = "unknown_lead"
    NOT_APPROVED = "not_approved"
    OUTSIDE_COUNTY = "outside_county"
    OUTSIDE_TRADES = "outside_trades"
    OWNERS_ONLY = "owners_only"


@dataclass(frozen=True)
class ClaimResult:
    status: ClaimStatus
    text: str  # what to tell the hunter
    lead: Lead | None = None
    owner: Hunter | None = None

    @property
    def ok(self) -> bool:
        return self.status is ClaimStatus.CLAIMED


def covers_county(session: Session, *, hunter_id: int, county_number: str | None) -> bool:
    if county_number is None:
        return False
    return bool(
        session.scalar(
            select(
                exists().where(
                    hunter_county.c.hunter_id == hunter_id, hunter_county.c.county_number == county_number
                )
            )
        )
    )


def claim_lead(
    session: Session,
    *,
    lead_id: int,
    hunter_id: int,
    member_id: int | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> ClaimResult:
    """The first approved hunter of the lead's county and trades to claim it gets it; everyone else learns
    who has it. The checks are made here, not trusted to the buttons: a forged tap gets the same answer.
    `member_id` names who claimed it, in the lead's history."""
    hunter = session.get(Hunter, hunter_id)
    if hunter is None or hunter.state != HunterState.APPROVED:
        return ClaimResult(ClaimStatus.NOT_APPROVED, texts.hunter_state_refusal(hunter, language))
    lead = session.get(Lead, lead_id)
    if lead is None:
        return ClaimResult(ClaimStatus.UNKNOWN_LEAD, text("lead_unknown", language))
    refusal = _claim_refusal(session, hunter=hunter, lead=lead)
    if refusal is not None:
        return ClaimResult(refusal, text(texts.CLAIM_REFUSALS[refusal], language), lead=lead)
    now = utcnow()
    result = session.execute(
        update(Lead)
        .where(Lead.id == lead_id, Lead.state == LeadState.NEW)
        .values(state=LeadState.CLAIMED, hunter_id=hunter_id, claimed_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    session.refresh(lead)  # a losing UPDATE waited for the winner's commit: read who that was
    if result.rowcount == 1:  # type: ignore[attr-defined]
        record_event(
            session, lead_id=lead_id, kind="claimed", hunter_id=hunter_id, member_id=member_id, now=now
        )
        claimed = text("chat_lead_claimed", language, card=card_for(session, lead, language))
        return ClaimResult(ClaimStatus.CLAIMED, claimed, lead, hunter)
    if lead.hunter_id == hunter_id:
        return ClaimResult(ClaimStatus.ALREADY_YOURS, text("chat_lead_already_yours", language), lead, hunter)
    owner = session.get(Hunter, lead.hunter_id) if lead.hunter_id else None
    return ClaimResult(ClaimStatus.TAKEN, texts.taken_text(owner, language), lead, owner)


def _claim_refusal(session: Session, *, hunter: Hunter, lead: Lead) -> ClaimStatus | None:
    """Why this hunter may not claim the lead, or None, by the parts of the one rule (hunters.visibility): an
    owner of its campaign always may; while the lead is for the owners only nobody else may; otherwise the
    county's hunters of its trades may."""
    parts = reach(session, hunter=hunter, lead_id=lead.id)
    if parts.owner:
        return None
    if not parts.open_to_county:
        return ClaimStatus.OWNERS_ONLY
    if not parts.in_county:
        return ClaimStatus.OUTSIDE_COUNTY
    if not parts.in_trades:
        return ClaimStatus.OUTSIDE_TRADES
    return None


@dataclass(frozen=True)
class OutcomeResult:
    ok: bool
    text: str
    lead: Lead | None = None


def record_outcome(
    session: Session,
    *,
    lead_id: int,
    hunter_id: int,
    outcome: LeadState,
    by_staff: bool = False,
    member_id: int | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> OutcomeResult:
    """Only the owner reports what came of a lead, and a final outcome stands unless staff change it;
    "became training company" also marks the company. The lead's history records it, and the organisation's
    other members hear of it."""
    if outcome not in OUTCOMES:
        raise ValueError(f"{outcome} is not a lead outcome")
    lead = session.get(Lead, lead_id)
    if lead is None:
        return OutcomeResult(False, text("lead_unknown", language))
    if lead.hunter_id != hunter_id or lead.state not in OWNED_STATES:
        return OutcomeResult(False, text("chat_lead_not_owner", language), lead)
    if lead.state in FINAL_OUTCOMES and not by_staff:
        if lead.state == outcome:
            return OutcomeResult(True, texts.outcome_text(outcome, language), lead)  # the same tap twice
        return OutcomeResult(False, texts.outcome_final_text(lead.state, language), lead)
    lead.state = outcome
    lead.outcome_at = now = utcnow()
    record_event(
        session, lead_id=lead_id, kind="outcome", hunter_id=hunter_id, member_id=member_id, text=outcome.value
    )
    owner = session.get(Hunter, hunter_id)
    if owner is not None and not by_staff:
        queue_lead_notices(
            session, lead=lead, kind="outcome", hunters=[owner], now=now, skip_member_id=member_id
        )
    if outcome is LeadState.BECAME_TRAINING_COMPANY:
        company = session.get(Company, lead.company_id)
        assert company is not None
        company.training_marked = True  # the hunter's word stands whatever a county's list later says
        company.is_training_company = True
    session.flush()
    return OutcomeResult(True, texts.outcome_text(outcome, language), lead)


def hunter_leads(session: Session, *, hunter: Hunter) -> tuple[list[Lead], list[Lead]]:
    """What `/leads` shows an approved hunter: the leads they own, and the open ones they could take, both by
    the one rule of hunters.visibility."""
    visible = select(Lead).where(visible_leads(session, hunter=hunter)).order_by(Lead.id)
    owned = list(session.scalars(visible.where(Lead.hunter_id == hunter.id)))
    open_leads = list(session.scalars(visible.where(Lead.state == LeadState.NEW, Lead.hunter_id.is_(None))))
    return owned, open_leads
