"""Log in and out of /admin. Unknown e-mail, wrong password, deactivated and locked accounts read the same.

The throttle (`staff.login`) counts failures per account and client address in the database, so a stranger
guessing from elsewhere slows only himself, never the real user, and every web process sees the same counts.
"""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import APIRouter
from fastapi import Form
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.responses import Response

from catalogue import plural
from staff.login import Outcome
from staff.login import attempt_login
from store.models import utcnow
from web.admin.ui import language_of
from web.admin.ui import page
from web.admin.ui import redirect
from web.admin.ui import say
from web.auth import client_address
from web.auth import log_in
from web.auth import log_out
from web.deps import SessionDep

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
    attempt = attempt_login(
        session, email=email, password=password, client=client_address(request), now=utcnow()
    )
    if attempt.outcome is Outcome.OK and attempt.user is not None:
        log_in(request, session, attempt.user)
        session.commit()
        return redirect(safe_next(next))
    session.commit()  # the failure counts, in the database every process reads
    if attempt.outcome is Outcome.THROTTLED:
        wait = attempt.retry_after.total_seconds()
        minutes = max(1, math.ceil(wait / 60))
        error = plural("admin_sign_in_throttled", minutes, language_of(request))
        response = page(
            request, "admin/login.html", status_code=429, next=safe_next(next), email=email, error=error
        )
        response.headers["Retry-After"] = str(max(1, math.ceil(wait)))
        return response
    return page(
        request,
        "admin/login.html",
        status_code=401,
        next=safe_next(next),
        email=email,
        error=say(request, "admin_sign_in_refused"),
    )


@router.post("/logout")
def logout(request: Request, session: SessionDep) -> Response:
    log_out(request, session)
    session.commit()
    return redirect("/admin/login")
