"""What every dashboard page shares: the Jinja environment, Norwegian labels, flash messages, notices.

Pages render with `page(request, "admin/x.html", ...)`; the layout gets the logged-in staff user, the CSRF
token, unread notices and the inbox count without each route asking for them.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from campaigns.inbox import open_count
from catalogue import LANGUAGES, known_language
from catalogue.jinja import install as install_catalogue
from catalogue.labels import KINDS, labels_of
from catalogue.labels import label as catalogue_label
from reports.notices import unread_notices
from staff.scopes import scope_of_staff
from store.db import Database
from store.times import in_oslo, shown_date, shown_time
from web.auth import csrf_token

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"

# Every kind of label by name, for templates that list choices (`LABELS.lead.items()`).
LABELS: dict[str, Mapping[str, str]] = {kind: labels_of(kind) for kind in KINDS}


def label(value: Any, kind: str) -> str:
    """The name of a state or code (catalogue.states, shared with the CLI and the bot)."""
    return catalogue_label(getattr(value, "value", value), kind)


def local_time(moment: datetime | None, fmt: str | None = None) -> str:
    """Times are stored in UTC and shown in Europe/Oslo (PRODUCT §5) by `store.times`, the one format the CLI
    and reports use too; the layout's footer names the zone once for every page. `fmt` only shortens it."""
    if moment is None:
        return ""
    if fmt is not None:
        return in_oslo(moment).strftime(fmt)
    return shown_time(moment, zone=False)


def local_date(moment: datetime | date | None) -> str:
    return shown_date(moment)


def iso_date(text: str | None) -> str:
    """`2027-06-07T09:00+02:00` (as exports write it) -> `07.06.2027`, the day in Oslo."""
    if not text:
        return ""
    return shown_date(datetime.fromisoformat(text))


def iso_datetime(text: str | None) -> str:
    """`2027-06-07T09:00:05+02:00` -> `07.06.2027 09:00`, in Oslo whatever offset the text carries."""
    if not text:
        return ""
    return shown_time(datetime.fromisoformat(text), zone=False)


def short_name(name: str) -> str:
    """`Troms - Romsa - Tromssa` -> `Troms`: the Norwegian name, for narrow tables (the full name elsewhere)."""
    return name.split(" - ")[0]


def number(value: float | int | None, decimals: int = 0) -> str:
    """Norwegian number format: a no-break space between thousands, a decimal comma."""
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u00a0").replace(".", ",")


def percent(part: float | int, whole: float | int) -> str:
    return f"{number(100 * part / whole, 1)} %" if whole else "–"


def _layout_context(request: Request) -> dict[str, Any]:
    """Context every template gets: who is logged in, the CSRF token, what needs attention."""
    staff = getattr(request.state, "staff", None)
    context: dict[str, Any] = {
        "staff": staff,
        "csrf_token": csrf_token(request),
        "notices": [],
        "inbox_open": 0,
        "whole": True,
        "lang": known_language(getattr(staff, "language", None)),
        "languages": LANGUAGES,
    }
    context["flashes"] = request.session.pop("flash", []) if "flash" in request.session else []
    if staff is None:
        return context
    scope = scope_of_staff(staff)
    context["whole"] = scope.whole
    db: Database = request.app.state.db
    with db.session() as session:
        if scope.whole:  # notices are about every county
            context["notices"] = unread_notices(session, limit=5)
        context["inbox_open"] = open_count(session, scope=scope)
    return context


templates = Jinja2Templates(directory=TEMPLATES_DIR, context_processors=[_layout_context])
install_catalogue(
    templates.env
)  # t() and `label` in the staff user's language; `number` replaced below, for now
templates.env.filters.update(
    local_time=local_time,
    local_date=local_date,
    number=number,
    iso_date=iso_date,
    short_name=short_name,
    iso_datetime=iso_datetime,
)
templates.env.globals.update(percent=percent, LABELS=LABELS)


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def flash(request: Request, text: str, kind: str = "ok") -> None:
    """A one-time message shown on the next page (after a POST-redirect-GET)."""
    request.session.setdefault("flash", [])
    request.session["flash"] = [*request.session["flash"], {"kind": kind, "text": text}]


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)
