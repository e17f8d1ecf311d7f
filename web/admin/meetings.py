"""Campaign pages for information meetings and outcomes: the attendee list (with the meeting's change and
cancel forms) and the outcome report, each with its downloads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter
from fastapi import Depends
from fastapi import Form
from fastapi import HTTPException
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.responses import Response
from sqlalchemy.orm import Session

from campaigns.meeting_attendees import COLUMNS as ATTENDEE_COLUMNS
from campaigns.meeting_attendees import attendee_rows
from campaigns.meetings import MeetingError
from campaigns.meetings import cancel_meeting
from campaigns.meetings import change_meeting
from campaigns.meetings import events_of_campaign
from campaigns.meetings import parse_moment
from reports.outcome_export import trade_county_rows
from reports.outcomes import MEASURES
from reports.outcomes import outcome_report
from settings import Settings
from store.models import Campaign
from web.admin.ui import flash
from web.admin.ui import language_of
from web.admin.ui import page
from web.admin.ui import redirect
from web.admin.ui import say
from web.auth import CurrentStaff
from web.campaign_files import attendees_file
from web.campaign_files import outcomes_file
from web.deps import SessionDep
from web.deps import SettingsDep

router = APIRouter()


def _campaign(session: SessionDep, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise HTTPException(404, "admin_no_such_campaign")
    return campaign


CampaignDep = Annotated[Campaign, Depends(_campaign)]  # the campaign of the path, or a 404


@router.get("/campaigns/{campaign_id}/attendees", response_class=HTMLResponse)
def attendees_page(
    request: Request, campaign: CampaignDep, session: SessionDep, staff: CurrentStaff
) -> Response:
    return page(
        request,
        "admin/campaign_attendees.html",
        section="campaigns",
        c=campaign,
        events=events_of_campaign(session, campaign_id=campaign.id),
        rows=attendee_rows(session, campaign_id=campaign.id),
    )


@router.get("/campaigns/{campaign_id}/attendees.{kind}")
def attendees_download(
    campaign: CampaignDep, kind: str, session: SessionDep, staff: CurrentStaff
) -> Response:
    return attendees_file(session, campaign_id=campaign.id, kind=kind)


@dataclass(frozen=True)
class EventCall:
    """A staff member's change to one meeting of a campaign, with what the answer needs."""

    request: Request
    session: Session
    settings: Settings
    campaign_id: int
    event_id: int

    def back(self, key: str, told: int) -> Response:
        """Commits, says how many were told, and goes back to the attendee page."""
        self.session.commit()
        flash(self.request, say(self.request, key, told=told))
        return redirect(f"/admin/campaigns/{self.campaign_id}/attendees")


def _event_call(
    request: Request,
    campaign_id: int,
    event_id: int,
    session: SessionDep,
    settings: SettingsDep,
    staff: CurrentStaff,
) -> EventCall:
    """Dependency: the meeting must be one of the campaign's, else a 404."""
    if event_id not in {e.id for e in events_of_campaign(session, campaign_id=campaign_id)}:
        raise HTTPException(404, "admin_meeting_not_found")
    return EventCall(request, session, settings, campaign_id, event_id)


EventDep = Annotated[EventCall, Depends(_event_call)]


@router.post("/campaigns/{campaign_id}/events/{event_id}/change")
def event_change(
    call: EventDep,
    title: Annotated[str, Form(max_length=200)] = "",
    at: Annotated[str, Form(max_length=40)] = "",
    ends: Annotated[str, Form(max_length=40)] = "",
    place: Annotated[str, Form(max_length=300)] = "",
    capacity: Annotated[str, Form(max_length=10)] = "",
) -> Response:
    try:
        told = change_meeting(
            call.session,
            event_id=call.event_id,
            settings=call.settings,
            title=title.strip() or None,
            at=parse_moment(at),
            ends=parse_moment(ends),
            place=place.strip() or None,
            capacity=int(capacity) if capacity.strip().isdigit() else None,
        )
    except MeetingError as exc:
        call.session.rollback()
        flash(call.request, exc.text_in(language_of(call.request)), "error")
        return redirect(f"/admin/campaigns/{call.campaign_id}/attendees")
    return call.back("admin_meeting_changed", told)


@router.post("/campaigns/{campaign_id}/events/{event_id}/cancel")
def event_cancel(call: EventDep) -> Response:
    told = cancel_meeting(call.session, event_id=call.event_id, settings=call.settings)
    return call.back("admin_meeting_was_cancelled", told)


@router.get("/campaigns/{campaign_id}/outcomes", response_class=HTMLResponse)
def outcomes_page(
    request: Request, campaign: CampaignDep, session: SessionDep, staff: CurrentStaff
) -> Response:
    report = outcome_report(session, campaign_id=campaign.id)
    return page(
        request,
        "admin/campaign_outcomes.html",
        section="campaigns",
        c=campaign,
        report=report,
        measures=MEASURES,
        rows=list(trade_county_rows(report)),
    )


@router.get("/campaigns/{campaign_id}/outcomes.{kind}")
def outcomes_download(
    request: Request, campaign: CampaignDep, kind: str, session: SessionDep, staff: CurrentStaff
) -> Response:
    return outcomes_file(session, campaign_id=campaign.id, kind=kind, language=language_of(request))


__all__ = ["ATTENDEE_COLUMNS", "router"]
