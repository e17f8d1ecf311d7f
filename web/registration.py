"""GET|POST /r/{token}: a company's personal registration page. Works without JavaScript and on a phone."""

from __future__ import annotations

import re
import time
from collections import defaultdict, deque
from itertools import groupby
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from bot.registrations import WebForm, prefill, register_from_web, validate
from store.identifiers import company_by_token
from store.models import Registration, Trade

from .auth import check_csrf, csrf_token
from .deps import DbDep

router = APIRouter()
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
LIMIT, PER_SECONDS = 10, 60.0  # POSTs per client address


class RateLimiter:
    """A sliding window per client address: enough for a person, too little for a script."""

    def __init__(self, limit: int, seconds: float) -> None:
        self.limit, self.seconds = limit, seconds
        self.hits: dict[str, deque[float]] = defaultdict(deque)

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        hits = self.hits[key]
        while hits and now - hits[0] > self.seconds:
            hits.popleft()
        if len(hits) >= self.limit:
            return False
        hits.append(now)
        return True


limiter = RateLimiter(LIMIT, PER_SECONDS)


def _not_found(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "registration/not_found.html", {}, status_code=404)


def _page(
    request: Request, db: DbDep, token: str, form: WebForm | None, errors: dict[str, str], status: int = 200
) -> HTMLResponse:
    with db.session() as session:
        company = company_by_token(session, token)
        if company is None or company.never_contact:
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
    if not TOKEN.match(token):
        return _not_found(request)
    return _page(request, db, token, None, {})


@router.post("/r/{token}", response_class=HTMLResponse, include_in_schema=False)
async def register(request: Request, token: str, db: DbDep) -> Response:
    client = request.client.host if request.client else "unknown"
    if not limiter.allow(client):
        return templates.TemplateResponse(request, "registration/too_many.html", {}, status_code=429)
    if not TOKEN.match(token):
        return _not_found(request)
    await check_csrf(request)  # raises CsrfFailed -> 403 page
    data = await request.form()
    form = WebForm(
        contact_name=str(data.get("contact_name", "")),
        phone=str(data.get("phone", "")),
        email=str(data.get("email", "")),
        trades=[int(str(v)) for v in data.getlist("trades") if str(v).isdigit()],
        places=str(data.get("places", "")),
        adult=str(data.get("adult", "")),
        start=str(data.get("start", "")),
        consent=data.get("consent") == "ja",
    )

    def save() -> tuple[str, dict[str, str], Registration | None, str]:
        with db.transaction() as session:
            company = company_by_token(session, token)
            if company is None or company.never_contact:
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
