"""The API of a campaign's information meetings and its outcome report (PRODUCT §11): what the dashboard's
attendee and outcome pages and `jeger campaign meeting|attendees|report --outcomes` give, for a partner's own
scripts. Same staff tokens and the same county cut as the rest of /api (web.api)."""

from __future__ import annotations

from typing import Annotated
from typing import Any
from typing import Literal

from fastapi import APIRouter
from fastapi import Depends
from fastapi import HTTPException
from fastapi import Path
from fastapi import Query
from fastapi.responses import Response
from pydantic import BaseModel
from pydantic import Field
from sqlalchemy.orm import Session

from campaigns.meeting_attendees import attendee_rows
from campaigns.meetings import MeetingError
from campaigns.meetings import cancel_meeting
from campaigns.meetings import change_meeting
from campaigns.meetings import event_rows
from campaigns.meetings import parse_moment
from exports.tables import XLSX_MEDIA_TYPE
from reports.outcome_export import outcome_json
from reports.outcomes import outcome_report
from store.models import MAX_ID
from store.models import Campaign
from web.api import ERRORS
from web.api import NOT_FOUND
from web.api import CampaignId
from web.api import ErrorOut
from web.api import campaign_in_scope
from web.api import require_token
from web.campaign_files import attendees_file
from web.campaign_files import outcomes_file
from web.deps import LanguageDep
from web.deps import SessionDep
from web.deps import SettingsDep

router = APIRouter(
    prefix="/api",
    tags=["api"],
    responses={**ERRORS, **NOT_FOUND},
    dependencies=[Depends(require_token), Depends(campaign_in_scope)],
)
EventId = Annotated[int, Path(ge=1, le=MAX_ID, description="Meeting id (from the campaign's meeting list)")]
FileFormat = Literal["csv", "xlsx"]


class MeetingOut(BaseModel):
    id: int
    title: str
    starts_at: str = Field(description="ISO 8601 with the Oslo offset.")
    ends_at: str | None
    place: str
    capacity: int | None = Field(description="Companies, not people; null: no limit.")
    attending: int = Field(description="Companies with a place.")
    people: int = Field(description="People the attending companies said they bring.")
    waiting: int = Field(description="Companies on the waiting list.")
    declined: int
    changed_at: str | None = Field(description="The last change the yes-sayers were told of.")
    cancelled_at: str | None


class MeetingChange(BaseModel):
    """Only what is given changes; a time without an offset is Oslo wall time (`2027-02-10T14:00`)."""

    title: str | None = Field(None, min_length=1, max_length=200)
    at: str | None = Field(None, max_length=40, description="New start, ISO 8601.")
    ends: str | None = Field(None, max_length=40, description="New end, ISO 8601.")
    place: str | None = Field(None, min_length=1, max_length=300)
    capacity: int | None = Field(None, ge=1, le=100_000)


class MeetingToldOut(BaseModel):
    told: int = Field(description="Companies that said JA (attending or waiting) and are told of it.")
    meeting: MeetingOut


class AttendeeOut(BaseModel):
    meeting: str
    starts_at: str
    place: str
    orgnr: str
    company: str
    status: Literal["attending", "waiting", "declined"]
    people: int
    answered_at: str | None
    promoted_at: str | None = Field(description="When it moved up from the waiting list.")
    reminded_at: str | None
    answered_on: str | None = Field(description="sms, telegram, or null for the web page.")


def _campaign(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise HTTPException(404, f"no campaign with id {campaign_id}")
    return campaign


def _meeting(session: Session, campaign_id: int, event_id: int) -> MeetingOut:
    for row in event_rows(session, campaign_id=campaign_id):
        if row["id"] == event_id:
            return MeetingOut.model_validate(row)
    raise HTTPException(404, f"campaign {campaign_id} has no meeting {event_id}")


@router.get(
    "/campaigns/{campaign_id}/meetings", response_model=list[MeetingOut], summary="A campaign's meetings"
)
def list_meetings(campaign_id: CampaignId, session: SessionDep) -> list[dict[str, Any]]:
    return event_rows(session, campaign_id=_campaign(session, campaign_id).id)


_CHANGE_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorOut, "description": "No such campaign, or no such meeting in it."},
    422: {
        "model": ErrorOut,
        "description": "The change cannot be made (ends before it starts, cancelled, …), said in the "
        "request's Accept-Language (nb, nn or en; bokmål otherwise).",
    },
}


@router.post(
    "/campaigns/{campaign_id}/meetings/{event_id}/change",
    response_model=MeetingToldOut,
    summary="Change a meeting and tell everyone who said JA",
    responses=_CHANGE_ERRORS,
)
def change(
    campaign_id: CampaignId,
    event_id: EventId,
    body: MeetingChange,
    session: SessionDep,
    settings: SettingsDep,
    language: LanguageDep,
) -> MeetingToldOut:
    _meeting(session, campaign_id, event_id)
    try:
        told = change_meeting(
            session,
            event_id=event_id,
            settings=settings,
            title=body.title,
            at=parse_moment(body.at or ""),
            ends=parse_moment(body.ends or ""),
            place=body.place,
            capacity=body.capacity,
        )
    except MeetingError as exc:
        session.rollback()
        raise HTTPException(422, exc.text_in(language)) from exc
    session.commit()
    return MeetingToldOut(told=told, meeting=_meeting(session, campaign_id, event_id))


@router.post(
    "/campaigns/{campaign_id}/meetings/{event_id}/cancel",
    response_model=MeetingToldOut,
    summary="Cancel a meeting and tell everyone who said JA (once)",
    responses=_CHANGE_ERRORS,
)
def cancel(
    campaign_id: CampaignId, event_id: EventId, session: SessionDep, settings: SettingsDep
) -> MeetingToldOut:
    _meeting(session, campaign_id, event_id)
    told = cancel_meeting(session, event_id=event_id, settings=settings)
    session.commit()
    return MeetingToldOut(told=told, meeting=_meeting(session, campaign_id, event_id))


@router.get(
    "/campaigns/{campaign_id}/attendees",
    response_model=list[AttendeeOut],
    summary="Who said JA or NEI to the campaign's meetings: attending, then the waiting list in order, then NEI",
)
def list_attendees(campaign_id: CampaignId, session: SessionDep) -> list[dict[str, Any]]:
    return attendee_rows(session, campaign_id=_campaign(session, campaign_id).id)


_FILE: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"text/csv": {}, XLSX_MEDIA_TYPE: {}},
        "description": "CSV cells a spreadsheet would run as a formula start with a single quote; XLSX cells "
        "are typed.",
    }
}


@router.get(
    "/campaigns/{campaign_id}/attendees/export",
    summary="The attendee list as CSV or XLSX",
    response_class=Response,
    responses=_FILE,
)
def export_attendees(
    campaign_id: CampaignId,
    session: SessionDep,
    fmt: FileFormat = Query("csv", alias="format", description="csv (default) or xlsx"),
) -> Response:
    return attendees_file(session, campaign_id=_campaign(session, campaign_id).id, kind=fmt)


@router.get(
    "/campaigns/{campaign_id}/outcomes",
    summary="The outcome report: per trade × county (× municipality for a local campaign), county, trade, total",
    description="The same document as `jeger campaign report ID --outcomes --format json`.",
)
def outcomes(campaign_id: CampaignId, session: SessionDep) -> dict[str, Any]:
    return outcome_json(outcome_report(session, campaign_id=_campaign(session, campaign_id).id))


@router.get(
    "/campaigns/{campaign_id}/outcomes/export",
    summary="The outcome report as XLSX (a sheet per breakdown) or CSV (the trade × county table)",
    response_class=Response,
    responses=_FILE,
)
def export_outcomes(
    campaign_id: CampaignId,
    session: SessionDep,
    fmt: FileFormat = Query("xlsx", alias="format", description="xlsx (default) or csv"),
) -> Response:
    return outcomes_file(session, campaign_id=_campaign(session, campaign_id).id, kind=fmt)
