"""Staff merge two registrations of one company into one (PRODUCT §12): `jeger registrations merge` and the
button on the dashboard's company page call `merge_registrations`.

A registration belongs to the conversation that started it, so a company that wrote from two phones, or a
deep link after a typed orgnr, has two. Staff who see that they are one keep the first:

    answers   the kept one's answers stand; what it lacks comes from the other (trades are joined)
    proof     the kept one is verified when either was (staff have looked at both)
    lead      one lead stays: the one furthest along (a hunter's work is never dropped), else the kept
              one's; it now points at the kept registration, and a hunter whose lead goes is told
    other     deleted; a conversation still answering its questions leaves the flow (answers are kept)
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue import text
from catalogue.phrases import Refusal
from hunters.leads import create_lead
from hunters.notify import chat_language
from hunters.notify import enqueue_telegram_notice
from store.models import Company
from store.models import Conversation
from store.models import Hunter
from store.models import Lead
from store.models import LeadState
from store.models import Registration
from store.models import utcnow

log = logging.getLogger(__name__)

# How far a lead has come: the one further along survives a merge.
LEAD_PROGRESS = {
    LeadState.NEW: 0,
    LeadState.CLAIMED: 1,
    LeadState.CONTACTED: 2,
    LeadState.NO_ANSWER: 3,
    LeadState.DECLINED: 3,
    LeadState.BECAME_TRAINING_COMPANY: 4,
}
ANSWERS = (
    "contact_name",
    "phone",
    "email",
    "places",
    "adult_apprentices",
    "adult_places",
    "trial_first",
    "start",
    "campaign_id",
)


class MergeError(Refusal, ValueError):
    """The registrations cannot be merged; says why in the reader's language (`text_in`)."""


@dataclass(frozen=True)
class MergeResult:
    kept: Registration
    merged_id: int
    lead: Lead | None
    dropped_lead_id: int | None


def merge_registrations(
    session: Session, *, keep_id: int, other_id: int, by: str | None = None
) -> MergeResult:
    """Moves `other_id`'s answers and lead into `keep_id` and deletes `other_id`. Callers commit."""
    if keep_id == other_id:
        raise MergeError("merge_with_itself", id=keep_id)
    keep = session.get(Registration, keep_id)
    other = session.get(Registration, other_id)
    for number, found in ((keep_id, keep), (other_id, other)):
        if found is None:
            raise MergeError("merge_no_such", id=number)
    assert keep is not None and other is not None
    if keep.company_id != other.company_id:
        names = {
            c.id: c.name
            for c in session.scalars(
                select(Company).where(Company.id.in_([keep.company_id, other.company_id]))
            )
        }
        raise MergeError(
            "merge_other_company",
            keep=keep_id,
            keep_company=names.get(keep.company_id, "?"),
            other=other_id,
            other_company=names.get(other.company_id, "?"),
        )
    for name in ANSWERS:
        if getattr(keep, name) is None and getattr(other, name) is not None:
            setattr(keep, name, getattr(other, name))
    keep.trades = list(dict.fromkeys([*keep.trades, *other.trades]))
    keep.verified = keep.verified or other.verified
    keep.consent = keep.consent or other.consent
    keep.consent_at = keep.consent_at or other.consent_at
    keep.completed_at = keep.completed_at or other.completed_at
    lead, dropped = _one_lead(session, keep=keep, other=other)
    _leave_flows(session, registration_id=other.id, conversation_id=other.conversation_id)
    session.delete(other)
    session.flush()
    if lead is None and keep.completed_at is not None:
        lead = create_lead(session, registration_id=keep.id)
    log.info(
        "Registrations merged",
        extra={"kept": keep.id, "merged": other_id, "lead": lead.id if lead else None, "by": by or "-"},
    )
    return MergeResult(kept=keep, merged_id=other_id, lead=lead, dropped_lead_id=dropped)


def _one_lead(session: Session, *, keep: Registration, other: Registration) -> tuple[Lead | None, int | None]:
    """(the lead that stays, now the kept registration's; the id of the one that went, if any)."""
    kept_lead = session.scalar(select(Lead).where(Lead.registration_id == keep.id))
    other_lead = session.scalar(select(Lead).where(Lead.registration_id == other.id))
    if other_lead is None:
        return kept_lead, None
    if kept_lead is None:
        other_lead.registration_id = keep.id
        session.flush([other_lead])
        return other_lead, None
    if LEAD_PROGRESS[other_lead.state] > LEAD_PROGRESS[kept_lead.state]:
        survivor, gone = other_lead, kept_lead
    else:
        survivor, gone = kept_lead, other_lead
    gone_id, gone_hunter = gone.id, gone.hunter_id
    session.delete(gone)
    session.flush()  # the registration's one lead goes before the survivor takes its place
    survivor.registration_id = keep.id
    survivor.updated_at = utcnow()
    session.flush([survivor])
    hunter = session.get(Hunter, gone_hunter) if gone_hunter and gone_hunter != survivor.hunter_id else None
    if hunter is not None and hunter.telegram_chat_id:
        language = chat_language(session, hunter.telegram_chat_id)
        enqueue_telegram_notice(
            session,
            chat_id=hunter.telegram_chat_id,
            text=text("lead_merged", language, gone=gone_id, kept=survivor.id),
            language=language,
            hunter_id=hunter.id,
            company_id=survivor.company_id,
        )
    return survivor, gone_id


def _leave_flows(session: Session, *, registration_id: int, conversation_id: int | None) -> None:
    """A conversation answering the questions of the merged registration stops there; its answers are kept."""
    if conversation_id is None:
        return
    conversation = session.get(Conversation, conversation_id)
    if conversation is not None and (conversation.data or {}).get("registration_id") == registration_id:
        conversation.flow = conversation.step = None
        conversation.data = {}
