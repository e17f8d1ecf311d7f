"""GET|POST /r/{token}: a company's personal registration page. Works without JavaScript and on a phone."""

from __future__ import annotations

import re
from datetime import datetime
from datetime import timedelta
from itertools import groupby
from pathlib import Path

from fastapi import APIRouter
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from bot.keywords import ascii_int
from bot.registrations import WebForm
from bot.registrations import prefill
from bot.registrations import register_from_web
from bot.registrations import validate
from bot.registrations import web_campaign
from campaigns.meetings import meeting_view
from catalogue import text as say
from catalogue.jinja import install as install_catalogue
from companies.identifiers import company_by_token
from companies.language import written_language
from staff import throttle
from store.db import Database
from store.models import utcnow
from store.reference import all_trades
from store.storable import UNSTORABLE
from web.auth import check_csrf
from web.auth import client_address
from web.auth import csrf_token
from web.body import MAX_BODY
from web.deps import DbDep

router = APIRouter()
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
install_catalogue(templates.env)
TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
# What a person can type into each field, with room to spare: longer input cannot be stored (the columns' sizes)
# and only comes from scripts. Checked before the database sees it, and named on the page like any other error.
FIELD_LIMITS = {
    "contact_name": 200,
    "phone": 40,
    "email": 320,
    "places": 10,
    "adult": 10,
    "start": 200,
    "consent": 10,
    "trial": 10,
}
# The name an error gives each field: the label the page shows beside it.
FIELD_NAMES = {
    "contact_name": "reg_label_contact_name",
    "phone": "reg_label_phone",
    "email": "reg_label_email",
    "places": "reg_label_places",
    "adult": "reg_field_adult",
    "start": "reg_field_start",
    "consent": "reg_field_consent",
    "trial": "web_trial",
}
MAX_TRADES = 500  # more boxes than the page has


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


def read_form(data: FormData, language: str) -> tuple[WebForm, dict[str, str]]:
    """The posted fields as a `WebForm`, and an error for each field that could never be stored (too long,
    NUL, a file where text belongs), so the page names it instead of the database failing on it."""
    errors: dict[str, str] = {}
    values: dict[str, str] = {}
    for name, limit in FIELD_LIMITS.items():
        raw = data.getlist(name)
        value = raw[-1] if raw else ""
        field = say(FIELD_NAMES[name], language)
        if not isinstance(value, str):
            errors[name], value = say("reg_error_file", language, field=field), ""
        elif len(value) > limit:
            errors[name] = say("reg_error_too_long", language, field=field, limit=limit)
            value = value[:limit]
        elif UNSTORABLE.search(value):
            errors[name] = say("reg_error_unstorable", language, field=field)
            value = UNSTORABLE.sub("", value)
        values[name] = value
    trades = [n for v in data.getlist("trades")[:MAX_TRADES] if isinstance(v, str) and (n := ascii_int(v))]
    form = WebForm(
        contact_name=values["contact_name"],
        phone=values["phone"],
        email=values["email"],
        trades=[n for n in trades if n < 2**31],  # an id beyond the column's integers is no trade
        places=values["places"],
        adult=values["adult"],
        start=values["start"],
        consent=values["consent"] == "ja",
        trial=values["trial"],
    )
    return form, errors


def _limits(request: Request) -> RegistrationLimits:
    limits: RegistrationLimits = request.app.state.registration_limits  # set by create_app
    return limits


def _too_many(request: Request) -> HTMLResponse:
    """Before the token is read, so in bokmål: counting requests must stay cheaper than answering them."""
    return templates.TemplateResponse(request, "registration/too_many.html", {}, status_code=429)


def _not_found(request: Request) -> HTMLResponse:
    """No company, so no language of its own: bokmål."""
    return templates.TemplateResponse(request, "registration/not_found.html", {}, status_code=404)


def _page(
    request: Request, db: DbDep, token: str, form: WebForm | None, errors: dict[str, str], status: int = 200
) -> HTMLResponse:
    with db.session() as session:
        company = company_by_token(session, token)
        # Closed units cannot take apprentices; a company that said STOPP may still come back and register.
        if company is None or company.closed:
            return _not_found(request)
        language = written_language(session, company)
        form = form or prefill(session, company)
        campaign = web_campaign(session, company)
        trades = all_trades(session)
        programmes = [
            (programme, list(items)) for programme, items in groupby(trades, key=lambda t: t.programme)
        ]
        context = {
            "lang": language,
            "company": company,
            "form": form,
            "errors": errors,
            "programmes": programmes,
            "csrf": csrf_token(request),
            "token": token,
            "adult": campaign.adult,
            "meeting": meeting_view(session, company_id=company.id, language=language, now=utcnow()),
        }
        return templates.TemplateResponse(request, "registration/form.html", context, status_code=status)


@router.get("/r/{token}", response_class=HTMLResponse, include_in_schema=False)
def registration_form(request: Request, token: str, db: DbDep) -> HTMLResponse:
    if not _limits(request).get.allow(db, client_address(request)):
        return _too_many(request)
    if not TOKEN.match(token):
        return _not_found(request)
    return _page(request, db, token, None, {})


@router.post("/r/{token}", response_class=HTMLResponse, include_in_schema=False, max_body_size=MAX_BODY)
async def register(request: Request, token: str, db: DbDep) -> Response:
    if not await run_in_threadpool(_limits(request).post.allow, db, client_address(request)):
        return _too_many(request)
    if not TOKEN.match(token):
        return _not_found(request)
    await check_csrf(request)  # raises CsrfFailed -> 403 page
    data = await request.form()

    def save() -> tuple[str, WebForm, dict[str, str], str, str]:
        with db.transaction() as session:
            company = company_by_token(session, token)
            if company is None or company.closed:
                return "missing", WebForm(), {}, "", ""
            language = written_language(session, company)
            form, unusable = read_form(data, language)
            campaign = web_campaign(session, company)
            errors, clean = validate(session, form, language, adult=campaign.adult)
            errors.update(unusable)
            if errors:
                return "invalid", form, errors, company.name, language
            register_from_web(session, company=company, clean=clean, campaign=campaign)
            return "ok", form, {}, company.name, language

    outcome, form, errors, name, language = await run_in_threadpool(save)
    if outcome == "missing":
        return _not_found(request)
    if outcome == "invalid":
        return await run_in_threadpool(_page, request, db, token, form, errors, 422)
    return templates.TemplateResponse(request, "registration/done.html", {"name": name, "lang": language})
