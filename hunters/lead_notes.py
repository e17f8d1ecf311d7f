"""A lead's history as its hunters make it: notes they write, and the claims, releases and outcomes the lead
functions record on the way (one table, so the portal shows one time line). Only the organisation that holds the
lead writes notes; staff read them all."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import HunterMember
from store.models import Lead
from store.models import LeadNote
from store.models import LeadState
from store.models import utcnow

MAX_NOTE = 4000  # a phone call's worth of notes; longer is a document, not a note


class NoteStatus(StrEnum):
    SAVED = "saved"
    EMPTY = "empty"
    TOO_LONG = "too_long"
    NOT_OWNER = "not_owner"  # the lead is not (or no longer) this organisation's


@dataclass(frozen=True)
class NoteResult:
    status: NoteStatus
    note: LeadNote | None = None


def record_event(
    session: Session,
    *,
    lead_id: int,
    kind: str,
    hunter_id: int | None,
    member_id: int | None = None,
    text: str | None = None,
    now: datetime | None = None,
) -> LeadNote:
    """Adds one entry to the lead's history (`kind`: note | claimed | released | outcome)."""
    note = LeadNote(
        lead_id=lead_id,
        hunter_id=hunter_id,
        member_id=member_id,
        kind=kind,
        text=text,
        created_at=now or utcnow(),
    )
    session.add(note)
    session.flush()
    return note


def add_note(
    session: Session, *, lead_id: int, hunter_id: int, member_id: int | None, text: str
) -> NoteResult:
    """Writes a note on a lead the organisation holds, by one of its members (None: the organisation's own
    chat, from before it had members). The portal and the Telegram chat both call this. Callers commit."""
    clean = text.replace("\r\n", "\n").strip()
    if not clean:
        return NoteResult(NoteStatus.EMPTY)
    if len(clean) > MAX_NOTE:
        return NoteResult(NoteStatus.TOO_LONG)
    lead = session.get(Lead, lead_id)
    if lead is None or lead.hunter_id != hunter_id or lead.state == LeadState.NEW:
        return NoteResult(NoteStatus.NOT_OWNER)
    note = record_event(
        session, lead_id=lead_id, kind="note", hunter_id=hunter_id, member_id=member_id, text=clean
    )
    return NoteResult(NoteStatus.SAVED, note)


@dataclass(frozen=True)
class HistoryEntry:
    kind: str
    text: str | None
    by: str | None  # the member's name, when a member did it
    at: datetime


def lead_history(session: Session, *, lead_id: int, hunter_id: int | None = None) -> list[HistoryEntry]:
    """The lead's history, oldest first; with `hunter_id`, only what that organisation wrote and did (another
    organisation's notes on a lead it released are not for the next one to read)."""
    query = (
        select(LeadNote, HunterMember.name)
        .outerjoin(HunterMember, HunterMember.id == LeadNote.member_id)
        .where(LeadNote.lead_id == lead_id)
        .order_by(LeadNote.created_at, LeadNote.id)
    )
    if hunter_id is not None:
        query = query.where(LeadNote.hunter_id == hunter_id)
    return [
        HistoryEntry(note.kind, note.text, name, note.created_at)
        for note, name in session.execute(query).tuples()
    ]
