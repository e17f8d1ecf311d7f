"""GET|POST /jeger/registrer: an organisation signs up as a hunter on the web (PRODUCT §10).

The page works without JavaScript and on a phone, carries a CSRF token like every form, and is rate-limited per
client in the database (shared by every web process). Each field is read as text with a length cap before the
domain sees it; `hunters.signup.sign_up` checks the rest (orgnr mod 11, counties, trades, the first member) and
ends the organisation pending, the same as `/jeger` on Telegram does.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from itertools import groupby
from pathlib import Path
from typing import Any

from fastapi import APIRouter
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from bot.keywords import ascii_int
from catalogue import text
from catalogue.jinja import install as install_catalogue
from catalogue.labels import labels_of
from hunters.members import UNSTORABLE
from hunters.signup import SignupInput
from hunters.signup import SignupRefused
from hunters.signup import sign_up
from store.db import Database
from store.reference import all_counties
from store.reference import all_trades
from web.auth import check_csrf
from web.auth import client_address
from web.auth import csrf_token
from web.body import MAX_BODY
from web.deps import DbDep
from web.portal.ui import language
from web.registration import RateLimiter

router = APIRouter()
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
install_catalogue(templates.env)
PATH = "/jeger/registrer"
FIELD_LIMITS = {"org_name": 200, "type": 40, "orgnr": 20, "member_name": 200, "email": 320, "phone": 40}
MAX_CHOICES = 500  # more boxes than the page has
LIMIT_GET = RateLimiter("signup-get", 60, 60.0)
LIMIT_POST = RateLimiter("signup-post", 10, 60.0)


@dataclass
class SignupForm:
    """The posted fields as typed, to show them again with the errors."""

    values: dict[str, str] = field(default_factory=lambda: dict.fromkeys(FIELD_LIMITS, ""))
    counties: list[str] = field(default_factory=list)
    trades: list[int] = field(default_factory=list)
    all_trades: bool = False

    def as_input(self) -> SignupInput:
        return SignupInput(
            org_name=self.values["org_name"],
            type=self.values["type"],
            orgnr=self.values["orgnr"],
            counties=self.counties,
            trades=self.trades,
            all_trades=self.all_trades,
            member_name=self.values["member_name"],
            email=self.values["email"],
            phone=self.values["phone"],
        )


def read_form(data: FormData) -> tuple[SignupForm, dict[str, str]]:
    """Every field as text within its cap; a file, an over-long value or NUL is named, never stored."""
    form, problems = SignupForm(), {}
    for name, limit in FIELD_LIMITS.items():
        raw = data.getlist(name)
        value = raw[-1] if raw else ""
        if not isinstance(value, str) or len(value) > limit or UNSTORABLE.search(value):
            problems[name] = "signup_error_field"
            value = ""
        form.values[name] = value
    form.counties = [v for v in data.getlist("counties")[:MAX_CHOICES] if isinstance(v, str) and len(v) == 2]
    form.trades = [
        n
        for v in data.getlist("trades")[:MAX_CHOICES]
        if isinstance(v, str) and (n := ascii_int(v)) and n < 2**31
    ]
    form.all_trades = data.get("all_trades") == "ja"
    return form, problems


def _page(
    request: Request, db: Database, form: SignupForm, errors: dict[str, str], status: int = 200
) -> HTMLResponse:
    with db.session() as session:
        counties = all_counties(session)
        trades = all_trades(session)
        programmes = [
            (programme, list(items)) for programme, items in groupby(trades, key=lambda t: t.programme)
        ]
        lang = language(request)  # chosen on the portal's language links (/jeger/sprak/..), bokmål otherwise
        context: dict[str, Any] = {
            "lang": lang,
            "form": form,
            "errors": {name: text(key, lang) for name, key in errors.items()},
            "types": list(labels_of("hunter_type", lang).items()),
            "counties": counties,
            "programmes": programmes,
            "csrf": csrf_token(request),
            "action": PATH,
        }
        return templates.TemplateResponse(request, "hunter_signup/form.html", context, status_code=status)


def _too_many(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(
        request,
        "hunter_signup/message.html",
        {"lang": language(request), "message": text("signup_too_many", language(request))},
        status_code=429,
    )


@router.get(PATH, response_class=HTMLResponse, include_in_schema=False)
def signup_form(request: Request, db: DbDep) -> HTMLResponse:
    if not LIMIT_GET.allow(db, client_address(request)):
        return _too_many(request)
    return _page(request, db, SignupForm(), {})


@router.post(PATH, response_class=HTMLResponse, include_in_schema=False, max_body_size=MAX_BODY)
async def signup(request: Request, db: DbDep) -> Response:
    if not await run_in_threadpool(LIMIT_POST.allow, db, client_address(request)):
        return _too_many(request)
    await check_csrf(request)  # raises CsrfFailed -> 403 page, nothing written
    form, unusable = read_form(await request.form())

    def save() -> tuple[dict[str, str], str]:
        if unusable:
            return unusable, ""
        with db.transaction() as session:
            try:
                hunter = sign_up(session, form=form.as_input(), source="web")
            except SignupRefused as refused:
                return refused.problems, ""
            return {}, hunter.org_name

    problems, name = await run_in_threadpool(save)
    if problems:
        return await run_in_threadpool(_page, request, db, form, problems, 422)
    return templates.TemplateResponse(
        request, "hunter_signup/done.html", {"lang": language(request), "name": name}
    )
