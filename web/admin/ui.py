"""What every dashboard page shares: the Jinja environment, the catalogue in the staff user's language, flash
messages, notices.

Pages render with `page(request, "admin/x.html", ...)`; the layout gets the logged-in staff user, their language
(`lang`, which t(), `number` and the time filters read), the CSRF token, unread notices and the inbox count
without each route asking for them. Texts made in Python (flashes, error pages) come from `say(request, key)`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.responses import RedirectResponse
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context

from campaigns.inbox import open_count
from catalogue import DEFAULT_LANGUAGE
from catalogue import LANGUAGES
from catalogue import known_language
from catalogue import text
from catalogue.formats import format_date
from catalogue.formats import format_datetime
from catalogue.jinja import install as install_catalogue
from catalogue.labels import KINDS
from catalogue.labels import label as catalogue_label
from catalogue.labels import labels_of
from reports.notices import unread_notices
from staff.scopes import scope_of_staff
from store.db import Database
from store.times import in_oslo
from web.auth import STAFF_LANGUAGE_KEY
from web.auth import csrf_token

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"

# Every kind of label by name, for templates that list choices (`LABELS.lead.items()`).
LABELS: dict[str, Mapping[str, str]] = {kind: labels_of(kind) for kind in KINDS}


def label(value: Any, kind: str) -> str:
    """The name of a state or code (catalogue.states, shared with the CLI and the bot)."""
    return catalogue_label(getattr(value, "value", value), kind)


def language_of(request: Request) -> str:
    """The language the logged-in staff user chose for the dashboard (`staff_user.language`), bokmål before
    anyone is logged in: pages, flashes and error pages all read it from here. A page answered before the user
    was looked up (an unknown path) has the copy the session cookie keeps."""
    staff = getattr(request.state, "staff", None)
    if staff is not None:
        return known_language(staff.language)
    kept = request.session.get(STAFF_LANGUAGE_KEY) if "session" in request.scope else None
    return known_language(kept if isinstance(kept, str) else None)


def say(request: Request, key: str, **values: Any) -> str:
    """A catalogue text in the staff user's language, for flashes and error pages made in Python."""
    return text(key, language_of(request), **values)


def _page_language(context: Context) -> str:
    return known_language(context.get("lang", DEFAULT_LANGUAGE))


@pass_context
def local_time(context: Context, moment: datetime | None, fmt: str | None = None) -> str:
    """Times are stored in UTC and shown in Europe/Oslo (PRODUCT §5) in the page's language; the layout's footer
    names the zone once for every page. `fmt` only shortens it (numbers only, the same in every language)."""
    if moment is None:
        return ""
    if fmt is not None:
        return in_oslo(moment).strftime(fmt)
    return format_datetime(moment, _page_language(context))


@pass_context
def local_date(context: Context, moment: datetime | date | None) -> str:
    return format_date(moment, _page_language(context))


@pass_context
def iso_date(context: Context, value: str | None) -> str:
    """`2027-06-07T09:00+02:00` (as exports write it) -> `07.06.2027`, the day in Oslo."""
    return format_date(datetime.fromisoformat(value), _page_language(context)) if value else ""


@pass_context
def iso_datetime(context: Context, value: str | None) -> str:
    """`2027-06-07T09:00:05+02:00` -> `07.06.2027 09:00`, in Oslo whatever offset the text carries."""
    return format_datetime(datetime.fromisoformat(value), _page_language(context)) if value else ""


def short_name(name: str) -> str:
    """`Troms - Romsa - Tromssa` -> `Troms`: the Norwegian name, for narrow tables (the full name elsewhere)."""
    return name.split(" - ")[0]


def _layout_context(request: Request) -> dict[str, Any]:
    """Context every template gets: who is logged in, the CSRF token, what needs attention."""
    staff = getattr(request.state, "staff", None)
    context: dict[str, Any] = {
        "staff": staff,
        "csrf_token": csrf_token(request),
        "notices": [],
        "inbox_open": 0,
        "whole": True,
        "lang": language_of(request),
        "languages": LANGUAGES,
    }
    context["flashes"] = request.session.pop("flash", []) if "flash" in request.session else []
    if staff is None:
        return context
    scope = scope_of_staff(staff)
    context["whole"] = scope.whole
    db: Database = request.app.state.db
    with db.session() as session:
        context["notices"] = unread_notices(session, limit=5, scope=scope)
        context["inbox_open"] = open_count(session, scope=scope)
    return context


templates = Jinja2Templates(directory=TEMPLATES_DIR, context_processors=[_layout_context])
install_catalogue(templates.env)  # t(), tn(), `number` and `label` in the staff user's language
templates.env.filters.update(
    local_time=local_time,
    local_date=local_date,
    iso_date=iso_date,
    short_name=short_name,
    iso_datetime=iso_datetime,
)
templates.env.globals.update(LABELS=LABELS)


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, status_code: int, title_key: str, text_key: str) -> HTMLResponse:
    """The dashboard's error page, its title and text from the catalogue in the staff user's language."""
    return page(
        request,
        "admin/error.html",
        status_code=status_code,
        title=say(request, title_key),
        text=say(request, text_key),
    )


def flash(request: Request, text: str, kind: str = "ok") -> None:
    """A one-time message shown on the next page (after a POST-redirect-GET)."""
    request.session.setdefault("flash", [])
    request.session["flash"] = [*request.session["flash"], {"kind": kind, "text": text}]


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)
