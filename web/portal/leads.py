"""The organisation's leads on the portal: the list, one lead, and claim / release / note / outcome.

Each action parses the form, calls the one domain function the Telegram chat calls too, and redirects back with
a message from the catalogue. `visible_lead` decides what a member may see; the domain functions decide again
what they may do (a forged form gets the same answer as a forged button)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Annotated
from typing import Protocol
from typing import TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter
from fastapi import Form
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.responses import Response
from sqlalchemy.orm import Session

from catalogue.labels import label
from hunters.lead_actions import ReleaseStatus
from hunters.lead_actions import release_lead
from hunters.lead_notes import MAX_NOTE
from hunters.lead_notes import NoteStatus
from hunters.lead_notes import add_note
from hunters.leads import OUTCOMES
from hunters.leads import ClaimStatus
from hunters.leads import claim_lead
from hunters.leads import record_outcome
from hunters.portal_leads import company_names
from hunters.portal_leads import lead_view
from hunters.portal_leads import organisation_leads
from hunters.portal_leads import visible_lead
from store.models import MAX_ID
from store.models import HunterMember
from store.models import LeadState
from web.deps import SessionDep
from web.portal.ui import CurrentMember
from web.portal.ui import flash
from web.portal.ui import language
from web.portal.ui import page
from web.portal.ui import redirect

router = APIRouter()

CLAIM_TEXTS = {
    ClaimStatus.CLAIMED: ("lead_claimed", "ok"),
    ClaimStatus.ALREADY_YOURS: ("lead_already_yours", "ok"),
    ClaimStatus.TAKEN: ("lead_taken", "error"),
    ClaimStatus.NOT_APPROVED: ("lead_not_approved", "error"),
    ClaimStatus.OUTSIDE_COUNTY: ("lead_outside", "error"),
    ClaimStatus.OUTSIDE_TRADES: ("lead_outside", "error"),
    ClaimStatus.OWNERS_ONLY: ("lead_outside", "error"),
}
RELEASE_TEXTS = {
    ReleaseStatus.RELEASED: ("lead_released", "ok"),
    ReleaseStatus.NOT_OWNER: ("lead_not_owner", "error"),
    ReleaseStatus.FINAL: ("lead_final", "error"),
}


def _not_found(request: Request) -> Response:
    return page(request, "error.html", status_code=404, message="portal_not_found")


def _lead_path(lead_id: int) -> str:
    return f"/jeger/leads/{lead_id}"


@router.get("/", response_class=HTMLResponse)
def leads(
    request: Request, session: SessionDep, member: CurrentMember, mine_after: str = "", open_after: str = ""
) -> Response:
    """A page of each list; each list's next page keeps the other where it is (a bad cursor is a 400:
    web.input_errors)."""
    owned, open_leads = organisation_leads(
        session, hunter=member.hunter, owned_after=mine_after or None, open_after=open_after or None
    )
    names = company_names(session, [*owned.rows, *open_leads.rows])
    here = {"mine_after": mine_after, "open_after": open_after}
    return page(
        request,
        "leads.html",
        owned=owned.rows,
        open_leads=open_leads.rows,
        names=names,
        hunter=member.hunter,
        mine_next=_query(here, mine_after=owned.next) if owned.next else None,
        mine_first=_query(here, mine_after="") if mine_after else None,
        open_next=_query(here, open_after=open_leads.next) if open_leads.next else None,
        open_first=_query(here, open_after="") if open_after else None,
    )


def _query(fields: dict[str, str], **changed: str) -> str:
    """The leads page's address with `changed` cursors (an empty one is the list's first page)."""
    query = urlencode({k: v for k, v in {**fields, **changed}.items() if v})
    return f"/jeger/?{query}" if query else "/jeger/"


@router.get("/leads/{lead_id}", response_class=HTMLResponse)
def lead(request: Request, session: SessionDep, member: CurrentMember, lead_id: int) -> Response:
    found = visible_lead(session, hunter=member.hunter, lead_id=lead_id) if 0 < lead_id <= MAX_ID else None
    if found is None:
        return _not_found(request)
    view = lead_view(session, hunter=member.hunter, lead=found)
    return page(request, "lead.html", view=view, outcomes=OUTCOMES, max_note=MAX_NOTE)


class _Outcome(Protocol):
    @property
    def status(self) -> Enum: ...


R = TypeVar("R", bound=_Outcome)


def _act(
    session: Session, member: HunterMember, lead_id: int, action: Callable[..., R], unknown: Enum
) -> R | None:
    """Claims or releases (`action`) a lead for the member's organisation and commits; None when no lead has that
    id (the page answers 404, as for a lead the member may not see)."""
    if not 0 < lead_id <= MAX_ID:
        return None
    result = action(session, lead_id=lead_id, hunter_id=member.hunter_id, member_id=member.id)
    if result.status is unknown:
        return None
    session.commit()
    return result


@router.post("/leads/{lead_id}/ta")
def claim(request: Request, session: SessionDep, member: CurrentMember, lead_id: int) -> Response:
    result = _act(session, member, lead_id, claim_lead, ClaimStatus.UNKNOWN_LEAD)
    if result is None:
        return _not_found(request)
    key, kind = CLAIM_TEXTS[result.status]
    flash(request, key, kind, who=result.owner.org_name if result.owner is not None else "?")
    return redirect(
        _lead_path(lead_id) if result.ok or result.status is ClaimStatus.ALREADY_YOURS else "/jeger/"
    )


@router.post("/leads/{lead_id}/slipp")
def release(request: Request, session: SessionDep, member: CurrentMember, lead_id: int) -> Response:
    result = _act(session, member, lead_id, release_lead, ReleaseStatus.UNKNOWN_LEAD)
    if result is None:
        return _not_found(request)
    key, kind = RELEASE_TEXTS[result.status]
    outcome = result.lead.state.value if result.lead is not None else "new"
    flash(request, key, kind, outcome=outcome)
    return redirect("/jeger/" if result.ok else _lead_path(lead_id))


@router.post("/leads/{lead_id}/notat")
def note(
    request: Request,
    session: SessionDep,
    member: CurrentMember,
    lead_id: int,
    text: Annotated[str, Form(max_length=MAX_NOTE * 2)] = "",
) -> Response:
    if not 0 < lead_id <= MAX_ID:
        return _not_found(request)
    result = add_note(session, lead_id=lead_id, hunter_id=member.hunter_id, member_id=member.id, text=text)
    session.commit()
    keys = {
        NoteStatus.SAVED: "lead_note_saved",
        NoteStatus.EMPTY: "lead_note_empty",
        NoteStatus.TOO_LONG: "lead_note_too_long",
        NoteStatus.NOT_OWNER: "lead_note_not_yours",
    }
    flash(request, keys[result.status], "ok" if result.status is NoteStatus.SAVED else "error", max=MAX_NOTE)
    return redirect(_lead_path(lead_id))


@router.post("/leads/{lead_id}/utfall")
def outcome(
    request: Request,
    session: SessionDep,
    member: CurrentMember,
    lead_id: int,
    outcome: Annotated[str, Form(max_length=40)] = "",
) -> Response:
    if not 0 < lead_id <= MAX_ID:
        return _not_found(request)
    if outcome not in {o.value for o in OUTCOMES}:
        flash(request, "lead_outcome_invalid", "error")
        return redirect(_lead_path(lead_id))
    state = LeadState(outcome)
    result = record_outcome(
        session, lead_id=lead_id, hunter_id=member.hunter_id, outcome=state, member_id=member.id
    )
    if result.lead is None:
        return _not_found(request)
    session.commit()
    if result.ok:
        flash(request, "lead_outcome_saved", outcome=_state_name(request, state))
    elif result.lead.hunter_id == member.hunter_id:
        flash(request, "lead_final", "error", outcome=_state_name(request, result.lead.state))
    else:
        flash(request, "lead_not_owner", "error")
    return redirect(_lead_path(lead_id))


def _state_name(request: Request, state: LeadState) -> str:
    return label(state, "lead", language(request), lower=True)
