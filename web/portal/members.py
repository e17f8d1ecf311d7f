"""Members of an organisation add and remove colleagues, and ask for other counties or trades (PRODUCT §10).

Each form is parsed here and handed to one domain function (`hunters.members`, `hunters.approval`), which checks
again that the member acts for their own organisation only; refusals come back as catalogue keys."""

from __future__ import annotations

from itertools import groupby
from typing import Annotated

from fastapi import APIRouter
from fastapi import Form
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.responses import Response
from sqlalchemy.orm import Session

from bot.keywords import ascii_int
from hunters.approval import request_change
from hunters.members import MemberError
from hunters.members import active_members
from hunters.members import add_member
from hunters.members import remove_member
from hunters.signup import SignupRefused
from store.models import MAX_ID
from store.reference import all_counties
from store.reference import all_trades
from web.deps import SessionDep
from web.portal.profile import AREA_PATH
from web.portal.profile import MEMBERS_PATH
from web.portal.ui import CurrentMember
from web.portal.ui import flash
from web.portal.ui import page
from web.portal.ui import redirect

router = APIRouter()
MAX_CHOICES = 500


def _field(value: str, limit: int) -> str:
    return value if len(value) <= limit else ""  # over-long input is refused by the domain's checks as empty


def _refused(request: Request, session: Session, key: str, back: str, **values: object) -> Response:
    """A change the domain refused: nothing of it is kept, and the form at `back` says why."""
    session.rollback()
    flash(request, key, "error", **values)
    return redirect(back)


@router.get("/organisasjon/medlemmer", response_class=HTMLResponse)
def members_page(request: Request, session: SessionDep, member: CurrentMember) -> Response:
    return page(
        request,
        "members.html",
        section="profile",
        members=active_members(session, hunter_id=member.hunter_id),
        action=MEMBERS_PATH,
    )


@router.post("/organisasjon/medlemmer")
def add(
    request: Request,
    session: SessionDep,
    member: CurrentMember,
    name: Annotated[str, Form()] = "",
    email: Annotated[str, Form()] = "",
    phone: Annotated[str, Form()] = "",
) -> Response:
    try:
        added = add_member(
            session, actor_member_id=member.id, name=_field(name, 200), email=_field(email, 320), phone=phone
        )
    except MemberError as refused:
        return _refused(request, session, refused.key, MEMBERS_PATH, **refused.values)
    session.commit()
    flash(request, "org_member_added", name=added.name)
    return redirect(MEMBERS_PATH)


@router.post("/organisasjon/medlemmer/{member_id}/fjern")
def remove(request: Request, session: SessionDep, member: CurrentMember, member_id: int) -> Response:
    if not 0 < member_id <= MAX_ID:
        flash(request, "org_error_member_unknown", "error", member_id=member_id)
        return redirect(MEMBERS_PATH)
    try:
        removed = remove_member(session, actor_member_id=member.id, member_id=member_id)
    except MemberError as refused:
        return _refused(request, session, refused.key, MEMBERS_PATH, **refused.values)
    session.commit()
    flash(request, "org_member_removed", name=removed.name)
    return redirect("/jeger/logg-inn" if removed.id == member.id else MEMBERS_PATH)


@router.get("/organisasjon/endre", response_class=HTMLResponse)
def area_page(request: Request, session: SessionDep, member: CurrentMember) -> Response:
    trades = all_trades(session)
    hunter = member.hunter
    return page(
        request,
        "area.html",
        section="profile",
        hunter=hunter,
        counties=all_counties(session),
        chosen_counties={c.number for c in hunter.counties},
        chosen_trades={t.id for t in hunter.trades},
        programmes=[(p, list(items)) for p, items in groupby(trades, key=lambda t: t.programme)],
        action=AREA_PATH,
    )


@router.post("/organisasjon/endre")
async def change_area(request: Request, session: SessionDep, member: CurrentMember) -> Response:
    form = await request.form()
    counties = [v for v in form.getlist("counties")[:MAX_CHOICES] if isinstance(v, str) and len(v) == 2]
    trades = [
        n
        for v in form.getlist("trades")[:MAX_CHOICES]
        if isinstance(v, str) and (n := ascii_int(v)) and n < 2**31
    ]
    try:
        result = request_change(
            session,
            actor_member_id=member.id,
            counties=counties,
            trades=trades,
            all_trades=form.get("all_trades") == "ja",
        )
    except SignupRefused as refused:
        return _refused(request, session, next(iter(refused.problems.values())), AREA_PATH)
    except MemberError as refused:
        return _refused(request, session, refused.key, AREA_PATH)
    session.commit()
    flash(request, "org_change_waits" if result.waits else "org_change_applied")
    return redirect("/jeger/organisasjon")
