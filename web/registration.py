"""GET|POST /r/{token}: a company's personal registration page. Works without JavaScript and on a phone."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from itertools import groupby
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from bot.keywords import ascii_int
from bot.registrations import WebForm, prefill, register_from_web, validate
from staff import throttle
from store.db import Database
from store.identifiers import company_by_token
from store.models import Registration, Trade

from .auth import check_csrf, client_address, csrf_token
from .deps import DbDep

router = APIRouter()
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


class RateLimiter:
    """A fixed window per client address, counted in the database (`staff.throttle`), so every web process
    shares it: enough for a person, too little for a script. Quiet addresses are swept by the throttle."""

    def __init__(self, name: str, limit: int, seconds: float) -> None:
        self.name, self.limit, self.window = name, limit, timedelta(seconds=seconds)

    def allow(self, db: Database, client: str, *, now: datetime | None = None) -> bool:
        """Counts this request and says whether it is within the limit. Blocking: call from a thread."""
        with db.transaction() as session:
            hits = throttle.hit(session, key=f"{self.name}:{client[:100]}", window=self.window, now=now)
        return hits <= self.limit


class RegistrationLimits:
    """The page's limits (create_app makes them; tests pass their own numbers). Reading the form is cheap and
    people reload it, so GET allows more than POST."""

    def __init__(self, *, get: int = 60, post: int = 10, seconds: float = 60.0) -> None:
        self.get = RateLimiter("reg-get", get, seconds)
        self.post = RateLimiter("reg-post", post, seconds)


def _limits(request: Request) -> RegistrationLimits:
    limits: RegistrationLimits = request.app.state.registration_limits  # set by create_app
    return limits


def _too_many(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "registration/too_many.html", {}, status_code=429)


def _not_found(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "registration/not_found.html", {}, status_code=404)


def _page(
    request: Request, db: DbDep, token: str, form: WebForm | None, errors: dict[str, str], status: int = 200
) -> HTMLResponse:
    with db.session() as session:
        company = company_by_token(session, token)
        # Closed units cannot take apprentices; a company that said STOPP may still come back and register.
        if company is None or company.closed:
            return _not_found(request)
        form = form or prefill(session, company)
        trades = session.scalars(select(Trade).order_by(Trade.programme, Trade.name)).all()
        programmes = [
            (programme, list(items)) for programme, items in groupby(trades, key=lambda t: t.programme)
        ]
        context = {
            "company": company,
            "form": form,
            "errors": errors,
            "programmes": programmes,
            "csrf": csrf_token(request),
            "token": token,
        }
        return templates.TemplateResponse(request, "registration/form.html", context, status_code=status)


@router.get("/r/{token}", response_class=HTMLResponse, include_in_schema=False)
def registration_form(request: Request, token: str, db: DbDep) -> HTMLResponse:
    if not _limits(request).get.allow(db, client_address(request)):
        return _too_many(request)
    if not TOKEN.match(token):
        return _not_found(request)
    return _page(request, db, token, None, {})


@router.post("/r/{token}", response_class=HTMLResponse, include_in_schema=False)
async def register(request: Request, token: str, db: DbDep) -> Response:
    if not await run_in_threadpool(_limits(request).post.allow, db, client_address(request)):
        return _too_many(request)
    if not TOKEN.match(token):
        return _not_found(request)
    await check_csrf(request)  # raises CsrfFailed -> 403 page
    data = await request.form()
    form = WebForm(
        contact_name=str(data.get("contact_name", "")),
        phone=str(data.get("phone", "")),
        email=str(data.get("email", "")),
        trades=[n for v in data.getlist("trades") if (n := ascii_int(str(v))) is not None],
        places=str(data.get("places", "")),
        adult=str(data.get("adult", "")),
        start=str(data.get("start", "")),
        consent=data.get("consent") == "ja",
    )

    def save() -> tuple[str, dict[str, str], Registration | None, str]:
        with db.transaction() as session:
            company = company_by_token(session, token)
            if company is None or company.closed:
                return "missing", {}, None, ""
            errors, clean = validate(session, form)
            if errors:
                return "invalid", errors, None, company.name
            return "ok", {}, register_from_web(session, company=company, clean=clean), company.name

    outcome, errors, _registration, name = await run_in_threadpool(save)
    if outcome == "missing":
        return _not_found(request)
    if outcome == "invalid":
        return await run_in_threadpool(_page, request, db, token, form, errors, 422)
    return templates.TemplateResponse(request, "registration/done.html", {"name": name})
