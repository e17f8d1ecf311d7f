"""What every portal page shares: the signed-in member, the reader's language, the catalogue's texts as `t(...)`
flash messages, and the Jinja environment (templates under web/templates/portal).

The portal is for people on a phone who may never have seen it before: Norwegian (bokmål) unless the reader
picks nynorsk or English, and every text from the catalogue so all three stay complete.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from typing import Any

from fastapi import Depends
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.responses import RedirectResponse
from fastapi.templating import Jinja2Templates

from catalogue import DEFAULT_LANGUAGE
from catalogue import LANGUAGES
from catalogue import text
from catalogue.jinja import install as install_catalogue
from hunters.member_sessions import member_by_session
from store.models import HunterMember
from web.admin.ui import LABELS
from web.admin.ui import local_time
from web.auth import csrf_token
from web.deps import SessionDep

TEMPLATES_DIR = Path(__file__).resolve().parent.parent / "templates"
SESSION_KEY = "member_sid"


class MemberLoginRequired(Exception):
    """No live portal session: the handler sends the reader to the sign-in page."""


def language(request: Request) -> str:
    chosen = request.session.get("lang")
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def _context(request: Request) -> dict[str, Any]:
    lang = language(request)
    flashes = request.session.pop("portal_flash", []) if "portal_flash" in request.session else []
    return {
        "lang": lang,
        "languages": LANGUAGES,
        "csrf_token": csrf_token(request),
        "member": getattr(request.state, "member", None),
        "flashes": flashes,
    }


templates = Jinja2Templates(directory=TEMPLATES_DIR, context_processors=[_context])
install_catalogue(templates.env)  # t(), tn() and the filters, in the page's `lang`
templates.env.filters.update(local_time=local_time)
templates.env.globals.update(LABELS=LABELS)


def page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, f"portal/{name}", context, status_code=status_code)


def flash(request: Request, key: str, kind: str = "ok", **values: Any) -> None:
    """A one-time message (a catalogue key) shown on the next page, after a POST-redirect-GET."""
    message = {"kind": kind, "text": text(key, language(request), **values)}
    request.session["portal_flash"] = [*request.session.get("portal_flash", []), message]


def redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _current_member(request: Request, session: SessionDep) -> HunterMember:
    session_id = request.session.get(SESSION_KEY)
    member = member_by_session(session, session_id) if isinstance(session_id, str) else None
    if member is None:
        request.session.pop(SESSION_KEY, None)
        raise MemberLoginRequired()
    if session.dirty:
        session.commit()  # keeps last_seen_at
    request.state.member = member
    return member


CurrentMember = Annotated[HunterMember, Depends(_current_member)]
