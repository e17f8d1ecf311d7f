"""Signing in to the portal without a password: ask for a link (e-mail) or a code (SMS), then use it.

The rules (what is sent, the rate limits, single use) live in `hunters.member_login`; this edge parses, calls one
function and renders. The answer to a request never tells whether the address is a member's. A link opens a
page with a button rather than signing in on GET: mail scanners open links, and must not spend them.
"""

from __future__ import annotations

import math
import secrets
from typing import Annotated

from fastapi import APIRouter
from fastapi import Form
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.responses import Response

from hunters.member_login import CodeOutcome
from hunters.member_login import RequestOutcome
from hunters.member_login import link_is_live
from hunters.member_login import request_sign_in
from hunters.member_login import sign_in_with_code
from hunters.member_login import sign_in_with_link
from hunters.member_sessions import end_member_session
from hunters.member_sessions import start_member_session
from store.languages import LANGUAGES
from web.auth import client_address
from web.deps import SessionDep
from web.deps import SettingsDep
from web.portal.ui import SESSION_KEY
from web.portal.ui import flash
from web.portal.ui import language
from web.portal.ui import page
from web.portal.ui import redirect

router = APIRouter()


def _minutes(seconds: float) -> int:
    return max(1, math.ceil(seconds / 60))


def _sign_in(request: Request, session_id: str) -> None:
    """A fresh cookie session with a new CSRF token (one seen before sign-in is worthless after)."""
    lang = request.session.get("lang")
    request.session.clear()  # a staff login in the same browser ends too: one person per browser
    request.session[SESSION_KEY] = session_id
    request.session["csrf"] = secrets.token_urlsafe(32)
    if lang:
        request.session["lang"] = lang


@router.get("/logg-inn", response_class=HTMLResponse)
def login_form(request: Request) -> Response:
    return page(request, "login.html", address="")


@router.post("/logg-inn", response_class=HTMLResponse)
def request_link_or_code(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    address: Annotated[str, Form(max_length=320)] = "",
) -> Response:
    result = request_sign_in(
        session,
        address=address,
        client=client_address(request),
        base_url=settings.public_base_url,
        language=language(request),
    )
    session.commit()  # the counts stand whether anything was sent or not
    if result.outcome is RequestOutcome.INVALID:
        return page(request, "login.html", status_code=400, address=address, error="portal_login_invalid")
    if result.outcome is RequestOutcome.THROTTLED:
        wait = result.retry_after.total_seconds()
        response = page(
            request, "login.html", status_code=429, address=address, error="portal_throttled",
            minutes=_minutes(wait),
        )  # fmt: skip
        response.headers["Retry-After"] = str(max(1, math.ceil(wait)))
        return response
    if result.by_sms:
        return page(request, "code.html", phone=result.address)
    return page(request, "sent.html", address=result.address)


@router.post("/kode", response_class=HTMLResponse)
def use_code(
    request: Request,
    session: SessionDep,
    phone: Annotated[str, Form(max_length=40)] = "",
    code: Annotated[str, Form(max_length=20)] = "",
) -> Response:
    result = sign_in_with_code(session, phone=phone, code=code, client=client_address(request))
    if result.outcome is CodeOutcome.OK and result.member is not None:
        _sign_in(request, start_member_session(session, member_id=result.member.id))
        session.commit()
        return redirect("/jeger/")
    session.commit()  # the wrong try counts
    if result.outcome is CodeOutcome.THROTTLED:
        minutes = _minutes(result.retry_after.total_seconds())
        return page(
            request, "code.html", status_code=429, phone=phone, error="portal_throttled", minutes=minutes
        )
    return page(request, "code.html", status_code=401, phone=phone, error="portal_code_wrong")


@router.get("/inn/{token}", response_class=HTMLResponse)
def link_page(request: Request, session: SessionDep, token: str) -> Response:
    if not link_is_live(session, token=token):
        return page(request, "link_invalid.html", status_code=410)
    return page(request, "link.html", token=token)


@router.post("/inn/{token}", response_class=HTMLResponse)
def use_link(request: Request, session: SessionDep, token: str) -> Response:
    member = sign_in_with_link(session, token=token)
    if member is None:
        session.commit()
        return page(request, "link_invalid.html", status_code=410)
    _sign_in(request, start_member_session(session, member_id=member.id))
    session.commit()
    return redirect("/jeger/")


@router.post("/logg-ut")
def log_out(request: Request, session: SessionDep) -> Response:
    session_id = request.session.get(SESSION_KEY)
    if isinstance(session_id, str):
        end_member_session(session, session_id)
        session.commit()
    request.session.pop(SESSION_KEY, None)
    flash(request, "portal_signed_out")
    return redirect("/jeger/logg-inn")


@router.get("/sprak/{lang}")
def choose_language(request: Request, lang: str, next: str = "/jeger/") -> Response:
    """Bokmål, nynorsk or English for this browser; `next` only within the portal (no open redirect)."""
    if lang in LANGUAGES:
        request.session["lang"] = lang
    safe = next if next.startswith("/jeger") and not next.startswith("//") and "\\" not in next else "/jeger/"
    return redirect(safe)
