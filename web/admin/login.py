"""Log in and out of /admin. Wrong password, unknown e-mail and deactivated accounts read the same.

Too many failures from one client address are refused before the password is checked (`LoginThrottle`),
so guessing at many accounts from one place is slowed down instead of locking them all.
"""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from store.models import utcnow
from store.staff import LoginStatus, authenticate

from ..auth import LoginThrottle, client_address, log_in, log_out
from ..deps import SessionDep
from .ui import local_time, page, redirect

router = APIRouter()


def safe_next(target: str | None) -> str:
    """Only paths inside /admin: a login link must not send staff elsewhere (open redirect)."""
    if target and target.startswith("/admin") and not target.startswith("//") and "\\" not in target:
        return target
    return "/admin/"


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> Response:
    return page(request, "admin/login.html", next=safe_next(next), email="")


@router.post("/login", response_class=HTMLResponse)
def login(
    request: Request,
    session: SessionDep,
    email: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/admin/",
) -> Response:
    throttle: LoginThrottle = request.app.state.login_throttle
    client = client_address(request)
    wait = throttle.retry_after(client)
    if wait > 0:
        minutes = max(1, math.ceil(wait / 60))
        error = (
            "For mange mislykkede innloggingsforsøk fra denne maskinen. Vent "
            f"{minutes} minutt{'er' if minutes != 1 else ''} og prøv igjen."
        )
        response = page(
            request, "admin/login.html", status_code=429, next=safe_next(next), email=email, error=error
        )
        response.headers["Retry-After"] = str(math.ceil(wait))
        return response
    result = authenticate(session, email=email, password=password, now=utcnow())
    if result.status is LoginStatus.OK and result.user is not None:
        log_in(request, session, result.user)
        session.commit()
        return redirect(safe_next(next))
    session.commit()
    throttle.failed(client)
    if result.status is LoginStatus.LOCKED:
        until = local_time(result.locked_until, "%H:%M")
        error = (
            "For mange mislykkede forsøk. Kontoen er låst i 15 minutter av hensyn til sikkerheten "
            f"(til kl. {until}). Prøv igjen da, eller be en administrator om hjelp."
        )
    else:
        error = "Feil e-postadresse eller passord."
    return page(request, "admin/login.html", status_code=401, next=safe_next(next), email=email, error=error)


@router.post("/logout")
def logout(request: Request, session: SessionDep) -> Response:
    log_out(request, session)
    session.commit()
    return redirect("/admin/login")
