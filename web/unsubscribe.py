"""GET|POST /avmeld/{token}: the List-Unsubscribe link of every e-mail we send (RFC 8058 one-click).

GET only shows a page with a button, because mail scanners and link previews fetch every link in a mail; the
POST (the mail client's one-click request, body `List-Unsubscribe=One-Click`, or our button) opts the address
out. Neither needs a login or a CSRF token: the signed token is the authority, and it can only ever opt out
the address it was sent to. A bad, forged or expired token gets a 400 page, never an error.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from companies.unsubscribe import (
    PATH,
    InvalidUnsubscribeLink,
    UnsubscribeLinks,
    unsubscribe,
    unsubscribe_address,
)
from store.masking import mask_address
from store.secrets import secret_key

from .deps import DbDep, SettingsDep

router = APIRouter()
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


def _links(session: Session, settings: SettingsDep) -> UnsubscribeLinks:
    return UnsubscribeLinks(
        secret=secret_key(session, settings.secret_key), base_url=settings.public_base_url
    )


def _invalid(request: Request) -> HTMLResponse:
    return templates.TemplateResponse(request, "unsubscribe/invalid.html", {}, status_code=400)


@router.get(PATH + "/{token}", response_class=HTMLResponse, include_in_schema=False)
def unsubscribe_page(request: Request, token: str, db: DbDep, settings: SettingsDep) -> HTMLResponse:
    with db.session() as session:
        try:
            address = unsubscribe_address(session, links=_links(session, settings), token=token)
        except InvalidUnsubscribeLink:
            return _invalid(request)
    context = {"address": mask_address(address), "action": f"{PATH}/{token}"}
    return templates.TemplateResponse(request, "unsubscribe/confirm.html", context)


@router.post(PATH + "/{token}", response_class=HTMLResponse, include_in_schema=False)
def unsubscribe_now(request: Request, token: str, db: DbDep, settings: SettingsDep) -> HTMLResponse:
    with db.transaction() as session:
        try:
            done = unsubscribe(session, links=_links(session, settings), token=token)
        except InvalidUnsubscribeLink:
            return _invalid(request)
    return templates.TemplateResponse(
        request, "unsubscribe/done.html", {"address": mask_address(done.address)}
    )
