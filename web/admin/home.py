"""The dashboard's front page: what is happening now and what needs staff, and notices to acknowledge."""

from __future__ import annotations

from urllib.parse import urlparse

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from sqlalchemy import select

from campaigns.results import progress_by_campaign
from reports.overview import overview
from store.models import Campaign, CampaignState, Notice, utcnow
from web.admin.login import safe_next
from web.admin.ui import page, redirect
from web.auth import CurrentStaff, StaffScope
from web.deps import SessionDep

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def home(request: Request, session: SessionDep, scope: StaffScope) -> Response:
    if not scope.whole:  # the front page counts every county; a county officer starts at their leads
        return redirect("/admin/leads")
    active = list(
        session.scalars(
            select(Campaign)
            .where(Campaign.state.in_([CampaignState.RUNNING, CampaignState.PAUSED, CampaignState.SCHEDULED]))
            .order_by(Campaign.created_at.desc())
        )
    )
    return page(
        request,
        "admin/home.html",
        stats=overview(session),
        campaigns=active,
        progress=progress_by_campaign(session, [c.id for c in active]),
    )


@router.post("/notices/{notice_id}/read")
def notice_read(request: Request, notice_id: int, session: SessionDep, staff: CurrentStaff) -> Response:
    notice = session.get(Notice, notice_id)
    if notice is not None and notice.read_at is None:
        notice.read_at = utcnow()
        session.commit()
    return redirect(safe_next(urlparse(request.headers.get("referer", "")).path))
