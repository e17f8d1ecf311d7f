"""The dashboard's front page: what is happening now and what needs staff, and notices to acknowledge."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlparse

from fastapi import APIRouter
from fastapi import Form
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.responses import Response

from campaigns.listing import campaigns_newest_first
from campaigns.results import progress_by_campaign
from catalogue import text
from reports.notices import notice_within
from reports.overview import overview
from staff.accounts import StaffError
from staff.accounts import set_language
from store.models import MAX_ID
from store.models import CampaignState
from store.models import Notice
from store.models import utcnow
from web.admin.login import safe_next
from web.admin.ui import flash
from web.admin.ui import language_of
from web.admin.ui import page
from web.admin.ui import redirect
from web.auth import CurrentStaff
from web.auth import StaffScope
from web.deps import SessionDep

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def home(request: Request, session: SessionDep, scope: StaffScope) -> Response:
    if not scope.whole:  # the front page counts every county; a county officer starts at their leads
        return redirect("/admin/leads")
    active = campaigns_newest_first(
        session, states=[CampaignState.RUNNING, CampaignState.PAUSED, CampaignState.SCHEDULED]
    )
    return page(
        request,
        "admin/home.html",
        stats=overview(session),
        campaigns=active,
        progress=progress_by_campaign(session, [c.id for c in active]),
    )


@router.post("/notices/{notice_id}/read")
def notice_read(request: Request, notice_id: int, session: SessionDep, scope: StaffScope) -> Response:
    notice = session.get(Notice, notice_id) if 0 < notice_id <= MAX_ID else None
    if notice is not None and notice.read_at is None and notice_within(session, notice, scope):
        notice.read_at = utcnow()
        session.commit()
    return redirect(safe_next(urlparse(request.headers.get("referer", "")).path))


@router.post("/me/language")
def my_language(
    request: Request, session: SessionDep, staff: CurrentStaff, language: Annotated[str, Form()] = ""
) -> Response:
    """The signed-in user's choice of language for the dashboard (and the CLI)."""
    try:
        set_language(session, staff_id=staff.id, language=language)
    except StaffError as exc:
        flash(request, exc.text_in(language_of(request)), "error")
    else:
        session.commit()
        flash(request, text("language_saved", language))
    return redirect(safe_next(urlparse(request.headers.get("referer", "")).path))
