"""GET|POST /avmeld/{token}: the List-Unsubscribe link of every e-mail we send (RFC 8058 one-click).

GET only shows a page with a button, because mail scanners and link previews fetch every link in a mail; the
POST (the mail client's one-click request, body `List-Unsubscribe=One-Click`, or our button) opts the address
out. Neither needs a login or a CSRF token: the signed token is the authority, and it can only ever opt out
the address it was sent to. A bad, forged or expired token gets a 400 page, never an error.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from catalogue import text as say
from catalogue.jinja import install as install_catalogue
from companies.unsubscribe import PATH
from companies.unsubscribe import InvalidUnsubscribeLink
from companies.unsubscribe import UnsubscribeLinks
from companies.unsubscribe import unsubscribe
from companies.unsubscribe import unsubscribe_address
from store.languages import DEFAULT_LANGUAGE
from store.masking import mask_address
from store.secrets import secret_key
from web.deps import DbDep
from web.deps import SettingsDep

router = APIRouter()
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
install_catalogue(templates.env)


def _links(session: Session, settings: SettingsDep) -> UnsubscribeLinks:
    return UnsubscribeLinks(
        secret=secret_key(session, settings.secret_key), base_url=settings.public_base_url
    )


def _page(request: Request, name: str, language: str, status_code: int = 200, **values: str) -> HTMLResponse:
    """One of the three pages, its texts from the catalogue in the e-mail's language (bokmål when unknown)."""
    context = {
        "lang": language,
        "title": say(f"unsubscribe_{name}_title", language),
        "text": say(f"unsubscribe_{name}_text", language, **values),
        "button": say("unsubscribe_button", language),
        **values,
    }
    # Done and invalid are a heading and a sentence: one template; the confirmation has its form.
    template = "unsubscribe/confirm.html" if name == "confirm" else "unsubscribe/message.html"
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def _invalid(request: Request) -> HTMLResponse:
    return _page(request, "invalid", DEFAULT_LANGUAGE, status_code=400)


@router.get(PATH + "/{token}", response_class=HTMLResponse, include_in_schema=False)
def unsubscribe_page(request: Request, token: str, db: DbDep, settings: SettingsDep) -> HTMLResponse:
    with db.session() as session:
        try:
            recipient = unsubscribe_address(session, links=_links(session, settings), token=token)
        except InvalidUnsubscribeLink:
            return _invalid(request)
    return _page(
        request,
        "confirm",
        recipient.language,
        address=mask_address(recipient.address),
        action=f"{PATH}/{token}",
    )


@router.post(PATH + "/{token}", response_class=HTMLResponse, include_in_schema=False)
def unsubscribe_now(request: Request, token: str, db: DbDep, settings: SettingsDep) -> HTMLResponse:
    with db.transaction() as session:
        try:
            done = unsubscribe(session, links=_links(session, settings), token=token)
        except InvalidUnsubscribeLink:
            return _invalid(request)
    return _page(request, "done", done.language, address=mask_address(done.address))
