"""Staff accounts (admins only): add, deactivate and reactivate, unlock, and API tokens shown once."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from fastapi import Form
from fastapi import HTTPException
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.responses import Response
from sqlalchemy.orm import Session

from staff.accounts import StaffError
from staff.accounts import add_staff
from staff.accounts import set_active
from staff.login import unlock
from staff.overview import staff_overview
from staff.tokens import TokenError
from staff.tokens import create_api_token
from staff.tokens import list_api_tokens
from staff.tokens import revoke_api_token
from store.models import StaffRole
from store.models import StaffUser
from store.models import utcnow
from web.admin.ui import flash
from web.admin.ui import language_of
from web.admin.ui import page
from web.admin.ui import redirect
from web.admin.ui import say
from web.auth import AdminStaff
from web.deps import SessionDep

router = APIRouter()


def _user(session: Session, staff_id: int) -> StaffUser:
    user = session.get(StaffUser, staff_id)
    if user is None:
        raise HTTPException(404, "admin_no_such_user")
    return user


@router.get("/staff", response_class=HTMLResponse)
def staff_list(request: Request, session: SessionDep, staff: AdminStaff) -> Response:
    token = request.session.pop("new_token", None)
    now = utcnow()
    entries = staff_overview(session, now=now)
    users = [entry.user for entry in entries]
    return page(
        request,
        "admin/staff.html",
        section="staff",
        users=users,
        throttled={entry.user.id for entry in entries if entry.throttled},
        tokens=[(u, t) for u in users for t in list_api_tokens(session, staff_id=u.id)],
        new_token=token,
        now=now,
    )


@router.post("/staff")
def staff_add(
    request: Request,
    session: SessionDep,
    staff: AdminStaff,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
    role: Annotated[StaffRole, Form()] = StaffRole.STAFF,
    name: Annotated[str, Form()] = "",
) -> Response:
    try:
        user = add_staff(session, email=email, role=role, password=password, name=name.strip() or None)
    except StaffError as exc:
        flash(request, exc.text_in(language_of(request)), "error")
        return redirect("/admin/staff")
    session.commit()
    flash(request, say(request, "admin_user_added", email=user.email))
    return redirect("/admin/staff")


@router.post("/staff/{staff_id}/active")
def staff_active(
    request: Request,
    staff_id: int,
    session: SessionDep,
    staff: AdminStaff,
    active: Annotated[bool, Form()],
) -> Response:
    _user(session, staff_id)
    try:
        user = set_active(session, staff_id=staff_id, active=active)
    except StaffError as exc:
        flash(request, exc.text_in(language_of(request)), "error")
        return redirect("/admin/staff")
    session.commit()
    flash(
        request,
        say(request, "admin_user_activated" if active else "admin_user_deactivated", email=user.email),
    )
    return redirect("/admin/staff")


@router.post("/staff/{staff_id}/unlock")
def staff_unlock(request: Request, staff_id: int, session: SessionDep, staff: AdminStaff) -> Response:
    user = unlock(session, staff_id=_user(session, staff_id).id)
    session.commit()
    flash(request, say(request, "admin_user_unlocked", email=user.email))
    return redirect("/admin/staff")


@router.post("/staff/{staff_id}/token")
def staff_token(request: Request, staff_id: int, session: SessionDep, staff: AdminStaff) -> Response:
    _user(session, staff_id)
    token = create_api_token(session, staff_id=staff_id, name="dashbord")
    session.commit()
    request.session["new_token"] = token  # shown once on the next page, then gone
    return redirect("/admin/staff")


@router.post("/staff/tokens/{token_id}/revoke")
def staff_revoke_token(request: Request, token_id: int, session: SessionDep, staff: AdminStaff) -> Response:
    """One token stops working at once; the others of that user go on."""
    try:
        row = revoke_api_token(session, token_id=token_id)
    except TokenError as exc:
        flash(request, exc.text_in(language_of(request)), "error")
        return redirect("/admin/staff")
    session.commit()
    name = row.name or say(request, "admin_no_name_plain")
    flash(request, say(request, "admin_token_revoked", number=row.id, name=name))
    return redirect("/admin/staff")
