"""The JSON API under /api for staff scripts and integrations, described at /api/docs (OpenAPI).

Every route needs a staff API token (`jeger staff token EMAIL`) as `Authorization: Bearer <token>`; without
one the answer is 401. The routes call the same domain functions as the CLI and the dashboard.
"""

from __future__ import annotations

import io
from datetime import datetime
from typing import Annotated
from typing import Any
from typing import Literal

from fastapi import APIRouter
from fastapi import Depends
from fastapi import HTTPException
from fastapi import Path
from fastapi import Query
from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pydantic import BaseModel
from pydantic import Field
from sqlalchemy.orm import Session

from campaigns import service as domain
from campaigns.listing import campaigns_newest_first
from campaigns.results import progress_by_campaign
from campaigns.scope import campaign_within
from campaigns.scope import path_id_within
from catalogue.stored import read_text
from companies.lookup import UnknownCounty
from exports.tables import XLSX_MEDIA_TYPE
from hunters.lead_export import LeadFilter
from hunters.lead_export import lead_detail
from hunters.lead_export import lead_page
from hunters.lead_export import lead_rows
from hunters.lead_export import write_csv
from hunters.lead_export import write_xlsx
from reports.overview import replies_page
from settings import Settings
from staff.scopes import Scope
from store.keyset import MAX_CURSOR
from store.models import MAX_ID
from store.models import Campaign
from store.models import CampaignState
from store.models import Intent
from store.models import LeadState
from web.auth import ApiScope
from web.auth import ApiStaff
from web.auth import require_whole_api_scope
from web.campaign_upload import MAX_TOML
from web.campaign_upload import read_campaign_upload
from web.deps import DbDep
from web.deps import LanguageDep
from web.deps import SessionDep
from web.deps import SettingsDep
from web.downloads import attachment


def require_token(staff: ApiStaff) -> None:
    """Every /api route needs a valid staff API token (401 otherwise): one router-level dependency, so a route
    added later cannot forget it. A route that needs the user itself also asks for `ApiStaff`; FastAPI
    resolves a dependency once per request, so the token is still checked (and its use recorded) once."""


CampaignId = Annotated[int, Path(ge=1, le=MAX_ID, description="Campaign id")]


class ErrorOut(BaseModel):
    """Every error answer: FastAPI's for invalid parameters, ours for the rest."""

    detail: str | list[Any] = Field(
        description="What was wrong: a sentence, a list of problems, or FastAPI's list of invalid fields."
    )


# Declared for every route, so each answer the API gives matches its OpenAPI description (422 replaces
# FastAPI's default, which only describes its own validation errors, not a 422 such as an unknown county).
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "No valid staff API token."},
    422: {"model": ErrorOut, "description": "Invalid parameters or body."},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorOut, "description": "No such campaign."}}
router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS, dependencies=[Depends(require_token)])
# Routes over every county that cannot be cut to a county officer's counties: their token gets 403
# (staff.scopes); included into `router` at the end of this module. Today every route is cut instead (leads,
# replies, campaigns), so it is empty; a route that cannot be cut belongs here.
whole = APIRouter()


def campaign_in_scope(request: Request, session: SessionDep, scope: ApiScope) -> None:
    """A county officer's token reaches only campaigns whose audience lies in their counties (campaigns.scope);
    any other answers 404, as if it did not exist."""
    raw = request.path_params.get("campaign_id")
    if raw is not None and not path_id_within(session, raw, scope):
        raise HTTPException(404, f"no campaign with id {raw}")


# Campaigns: cut to a county officer's counties (their list, their campaigns, their audience when they create).
campaign_routes = APIRouter(dependencies=[Depends(campaign_in_scope)])
SCOPED_OUT: dict[int | str, dict[str, Any]] = {
    403: {"model": ErrorOut, "description": "A county officer's token: this route covers every county."}
}


# --- leads ----------------------------------------------------------------------------------------------

NEXT = (
    "The cursor of the next page: pass it back as `after` (with the same filters) to get the rows after "
    "these; null on the last page."
)
AFTER = Query(None, max_length=MAX_CURSOR, description="`next` of the previous page; omit for the first.")
LIMIT = Query(100, ge=1, le=1000, description="Rows per page.")


PAGED: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "`after` is not a cursor this list gave out."}
}


class LeadOut(BaseModel):
    id: int
    company: str
    orgnr: str
    county: str | None
    county_name: str | None
    trades: list[str]
    places: int | None
    adult_apprentices: bool | None
    contact_name: str | None
    contact_phone: str | None
    contact_email: str | None
    state: LeadState
    hunter: str | None = Field(description="The hunter organisation that claimed it.")
    created_at: str | None = Field(description="Europe/Oslo, ISO 8601.")
    claimed_at: str | None
    outcome_at: str | None
    flagged_at: str | None = Field(description="Set when unclaimed for three working days.")
    verified: bool = Field(
        description="False when whoever registered only typed the orgnr and proved nothing (PRODUCT §7)."
    )


class LeadsOut(BaseModel):
    limit: int
    next: str | None = Field(description=NEXT)
    items: list[LeadOut] = Field(description="Oldest first.")


def _leads(
    session: SessionDep, scope: Scope, county: str | None, state: LeadState | None
) -> list[dict[str, Any]]:
    try:
        return lead_rows(session, county=county, state=state, scope=scope)
    except UnknownCounty as exc:
        raise HTTPException(422, f"county {county!r}: no such county number") from exc


@router.get(
    "/leads",
    response_model=LeadsOut,
    summary="List leads, oldest first, a page at a time",
    responses=PAGED,
)
def list_leads(
    session: SessionDep,
    scope: ApiScope,
    county: str | None = Query(None, description="County number, e.g. 55"),
    state: LeadState | None = None,
    limit: int = LIMIT,
    after: str | None = AFTER,
) -> LeadsOut:
    try:
        found = lead_page(
            session, wanted=LeadFilter(county=county, state=state), scope=scope, cursor=after, limit=limit
        )
    except UnknownCounty as exc:
        raise HTTPException(422, f"county {county!r}: no such county number") from exc
    return LeadsOut(limit=limit, next=found.next, items=[LeadOut(**row) for row in found.rows])


@router.get(
    "/leads/export",
    summary="Export leads as CSV or XLSX",
    response_class=Response,
    responses={
        200: {
            "content": {"text/csv": {}, XLSX_MEDIA_TYPE: {}},
            "description": "One row per lead; CSV cells that a spreadsheet would run as a formula start with "
            "a single quote, XLSX cells are typed (text is never a formula).",
        }
    },
)
def export_leads(
    session: SessionDep,
    scope: ApiScope,
    county: str | None = Query(None, description="County number, e.g. 55"),
    state: LeadState | None = None,
    fmt: Literal["csv", "xlsx"] = Query("csv", alias="format", description="csv (default) or xlsx"),
) -> Response:
    rows = _leads(session, scope, county, state)
    if fmt == "xlsx":
        binary = io.BytesIO()
        write_xlsx(rows, binary)
        return Response(
            binary.getvalue(),
            media_type=XLSX_MEDIA_TYPE,
            headers={"Content-Disposition": 'attachment; filename="leads.xlsx"'},
        )
    out = io.StringIO()
    write_csv(rows, out)
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers=attachment("leads.csv"),
    )


class HunterRef(BaseModel):
    id: int
    name: str


class LeadDetailOut(LeadOut):
    announced_to: list[HunterRef] = Field(description="Hunter organisations the lead was announced to.")
    claimed_by: HunterRef | None = Field(description="The organisation that holds it, or null.")


LeadId = Annotated[int, Path(ge=1, le=MAX_ID, description="Lead id")]


@router.get(
    "/leads/{lead_id}",
    response_model=LeadDetailOut,
    summary="One lead, with who heard of it and who claimed it",
    responses={404: {"model": ErrorOut, "description": "No such lead (or outside the token's counties)."}},
)
def show_lead(lead_id: LeadId, session: SessionDep, scope: ApiScope) -> dict[str, Any]:
    lead = lead_detail(session, lead_id=lead_id, scope=scope)
    if lead is None:
        raise HTTPException(404, f"no lead with id {lead_id}")
    return lead


# --- replies --------------------------------------------------------------------------------------------


class ReplyOut(BaseModel):
    id: int
    received_at: datetime
    channel: str = Field(description="sms, telegram, web or sandbox")
    sender: str | None = Field(description="Masked: country code and the last digits only.")
    orgnr: str | None
    company: str | None
    campaign_id: int | None
    intent: Intent
    text: str | None
    handled: bool = Field(description="Staff answered it or marked it handled (questions only).")


class RepliesOut(BaseModel):
    limit: int
    next: str | None = Field(description=NEXT)
    items: list[ReplyOut]


@router.get(
    "/replies",
    response_model=RepliesOut,
    summary="List inbound replies, newest first, a page at a time",
    responses=PAGED,
)
def list_replies(
    session: SessionDep,
    scope: ApiScope,
    campaign: int | None = Query(None, ge=1, le=MAX_ID, description="Campaign id"),
    intent: Intent | None = None,
    since: datetime | None = Query(None, description="Received at or after (ISO 8601 with a zone)."),
    limit: int = LIMIT,
    after: str | None = AFTER,
) -> RepliesOut:
    if since is not None and since.tzinfo is None:
        raise HTTPException(422, "since: give a time zone, e.g. 2027-06-07T09:00:00+02:00")
    result = replies_page(
        session,
        campaign_id=campaign,
        intent=intent,
        since=since,
        limit=limit,
        cursor=after,
        scope=scope,
    )
    return RepliesOut(limit=limit, next=result.next, items=[ReplyOut(**row) for row in result.rows])


# --- campaigns ------------------------------------------------------------------------------------------

# What people read in a response (not the machine values beside it) follows the request's Accept-Language.
_WORDS = "in the Accept-Language of the request: nb, nn or en; bokmål when it names none of them"


class StepOut(BaseModel):
    id: int
    name: str
    channel: str
    scheduled_for: datetime | None
    counts: dict[str, int] = Field(description="Outbox rows of this step by message state.")


class CampaignOut(BaseModel):
    id: int
    name: str
    state: CampaignState
    state_reason: str | None = Field(description=f"Why it paused itself, when it did ({_WORDS}).")
    language: str
    created_at: datetime
    launched_at: datetime | None
    ended_at: datetime | None
    counts: dict[str, int] = Field(description="Outbox rows of the campaign by message state.")


class WaitOut(BaseModel):
    reason: str = Field(
        description="window | send_day | holiday | daily_cap | rate | paused | retry, or ready (goes now)"
    )
    count: int
    until: datetime | None = Field(description="When they go; null while the campaign is paused.")
    channel: str | None = None
    text: str = Field(
        description=f"The line staff read, e.g. «18 venter på grensen én melding per dag — …» ({_WORDS})."
    )


class CampaignStatusOut(CampaignOut):
    steps: list[StepOut]
    waiting: list[WaitOut] = Field(default_factory=list, description="Why the queued messages wait, grouped.")


def _campaign_out(campaign: Campaign, counts: dict[str, int], language: str) -> CampaignOut:
    return CampaignOut(
        id=campaign.id,
        name=campaign.name,
        state=campaign.state,
        state_reason=read_text(campaign.state_reason, language) or None,
        language=campaign.language,
        created_at=campaign.created_at,
        launched_at=campaign.launched_at,
        ended_at=campaign.ended_at,
        counts=counts,
    )


def _status_out(session: Session, campaign_id: int, settings: Settings, language: str) -> CampaignStatusOut:
    if session.get(Campaign, campaign_id) is None:
        raise HTTPException(404, f"no campaign with id {campaign_id}")
    status = domain.campaign_status(
        session, campaign_id=campaign_id, max_per_day=settings.max_outreach_per_day, language=language
    )
    steps = [
        StepOut(id=s.id, name=s.name, channel=s.channel, scheduled_for=s.scheduled_for, counts=s.counts)
        for s in status.steps
    ]
    waiting = [
        WaitOut(reason=w.reason, count=w.count, until=w.until, channel=w.channel, text=w.text)
        for w in status.waiting
    ]
    return CampaignStatusOut(
        **_campaign_out(status.campaign, status.counts, language).model_dump(), steps=steps, waiting=waiting
    )


@campaign_routes.get("/campaigns", response_model=list[CampaignOut], summary="List campaigns, newest first")
def list_campaigns(session: SessionDep, scope: ApiScope, language: LanguageDep) -> list[CampaignOut]:
    every = campaigns_newest_first(session)
    campaigns = [c for c in every if campaign_within(c, scope)]
    progress = progress_by_campaign(session, [c.id for c in campaigns])
    return [_campaign_out(c, progress[c.id].counts, language) for c in campaigns]


@campaign_routes.post(
    "/campaigns",
    response_model=CampaignStatusOut,
    status_code=201,
    summary="Create a campaign from its TOML file (as a draft)",
    description="The TOML as the whole body, or as multipart form data: the TOML as the `file` upload (or "
    "the `toml` field) and each orgnr list its `[audience] orgnr_file` names as a `lists` upload with that "
    "file name (at most 5, as in the dashboard). No path on the server is ever read.",
    responses={
        413: {"model": ErrorOut, "description": "The campaign file is over 200 kB, or the body over 1 MB."},
        422: {"model": ErrorOut, "description": "The TOML is not a valid campaign: its problems."},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/toml": {"schema": {"type": "string"}},
                "text/plain": {"schema": {"type": "string"}},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "file": {"type": "string", "format": "binary"},
                            "toml": {"type": "string"},
                            "lists": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        },
                    }
                },
            },
        }
    },
)
async def create_campaign(
    request: Request, db: DbDep, settings: SettingsDep, staff: ApiStaff, language: LanguageDep
) -> CampaignStatusOut:
    if request.headers.get("content-type", "").lower().startswith("multipart/form-data"):
        upload = await read_campaign_upload(await request.form(), default_name="body")
        toml_text, filename, lists = upload.toml_text, upload.filename, upload.lists
        if len(toml_text) > MAX_TOML:
            raise HTTPException(413, "a campaign file is at most 200 kB")
        if not toml_text.strip():
            raise HTTPException(422, "no campaign file: send it as the `file` upload or the `toml` field")
    else:
        raw = await request.body()
        if len(raw) > MAX_TOML:
            raise HTTPException(413, "a campaign file is at most 200 kB")
        toml_text, filename, lists = raw.decode("utf-8-sig", errors="replace"), "body", {}

    def create() -> CampaignStatusOut:
        with db.session() as session:
            try:
                created = domain.create_campaign_as(
                    session, settings, staff=staff, toml_text=toml_text, filename=filename, lists=lists
                )
            except domain.CampaignInputError as exc:
                raise HTTPException(422, exc.problems_in(language)) from exc
            session.commit()
            return _status_out(session, created.campaign.id, settings, language)

    return await run_in_threadpool(create)


@campaign_routes.get(
    "/campaigns/{campaign_id}",
    response_model=CampaignStatusOut,
    summary="A campaign's status",
    responses=NOT_FOUND,
)
def campaign_status(
    campaign_id: CampaignId, session: SessionDep, settings: SettingsDep, language: LanguageDep
) -> CampaignStatusOut:
    return _status_out(session, campaign_id, settings, language)


def _act(
    session: Session, settings: Settings, campaign_id: int, action: str, language: str
) -> CampaignStatusOut:
    if session.get(Campaign, campaign_id) is None:
        raise HTTPException(404, f"no campaign with id {campaign_id}")
    try:
        domain.change_state(session, settings, campaign_id=campaign_id, action=action)
    except domain.CampaignError as exc:
        session.rollback()
        raise HTTPException(409, exc.text_in(language)) from exc
    except domain.CampaignInputError as exc:
        session.rollback()
        raise HTTPException(422, exc.problems_in(language)) from exc
    session.commit()
    return _status_out(session, campaign_id, settings, language)


_CONFLICT: dict[int | str, dict[str, Any]] = {
    **NOT_FOUND,
    409: {"model": ErrorOut, "description": f"The campaign's state does not allow this (said {_WORDS})."},
}


@campaign_routes.post(
    "/campaigns/{campaign_id}/launch", response_model=CampaignStatusOut, responses=_CONFLICT
)
def launch_campaign(
    campaign_id: CampaignId, session: SessionDep, settings: SettingsDep, language: LanguageDep
) -> CampaignStatusOut:
    """Materialises the steps and starts sending within the window."""
    return _act(session, settings, campaign_id, "launch", language)


@campaign_routes.post("/campaigns/{campaign_id}/pause", response_model=CampaignStatusOut, responses=_CONFLICT)
def pause_campaign(
    campaign_id: CampaignId, session: SessionDep, settings: SettingsDep, language: LanguageDep
) -> CampaignStatusOut:
    """Stops sending within seconds; nothing is lost."""
    return _act(session, settings, campaign_id, "pause", language)


@campaign_routes.post(
    "/campaigns/{campaign_id}/resume", response_model=CampaignStatusOut, responses=_CONFLICT
)
def resume_campaign(
    campaign_id: CampaignId, session: SessionDep, settings: SettingsDep, language: LanguageDep
) -> CampaignStatusOut:
    """Continues where it stopped; never re-sends what went out."""
    return _act(session, settings, campaign_id, "resume", language)


@campaign_routes.post(
    "/campaigns/{campaign_id}/cancel", response_model=CampaignStatusOut, responses=_CONFLICT
)
def cancel_campaign(
    campaign_id: CampaignId, session: SessionDep, settings: SettingsDep, language: LanguageDep
) -> CampaignStatusOut:
    """Marks everything unsent as cancelled."""
    return _act(session, settings, campaign_id, "cancel", language)


router.include_router(whole, dependencies=[Depends(require_whole_api_scope)], responses=SCOPED_OUT)
router.include_router(campaign_routes)
