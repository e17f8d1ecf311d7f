"""Log in and out of /admin. Wrong password, unknown e-mail and deactivated accounts read the same."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from store.models import utcnow
from store.staff import LoginStatus, authenticate

from ..auth import log_in, log_out
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
    result = authenticate(session, email=email, password=password, now=utcnow())
    session.commit()
    if result.status is LoginStatus.OK and result.user is not None:
        log_in(request, result.user)
        return redirect(safe_next(next))
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
def logout(request: Request) -> Response:
    log_out(request)
    response = redirect("/admin/login")
    return response
