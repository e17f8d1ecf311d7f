"""The organisation's own campaigns on the portal (PRODUCT §10, §11): list, create with the campaign form or from a
campaign file (with its member list uploaded beside it), preview, test to oneself, ask for launch, pause,
resume, cancel.

Each handler parses, calls one function of `campaigns.owner_actions` (which checks ownership), and redirects
with a message from the catalogue; a campaign of another organisation is a 404 like one that does not exist."""

from __future__ import annotations

from typing import Annotated
from typing import Any

from fastapi import APIRouter
from fastapi import File
from fastapi import Form
from fastapi import Request
from fastapi import UploadFile
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from fastapi.responses import Response
from sqlalchemy.orm import Session

from campaigns.audience_notes import campaign_audience_notes
from campaigns.definition import DefinitionError
from campaigns.definition_model import definition_of
from campaigns.lifecycle import CampaignError
from campaigns.lifecycle import CreateResult
from campaigns.owner_actions import NotYourCampaign
from campaigns.owner_actions import cancel_owned
from campaigns.owner_actions import create_owned_campaign
from campaigns.owner_actions import launch_requested
from campaigns.owner_actions import owned_campaign
from campaigns.owner_actions import owned_campaigns
from campaigns.owner_actions import pause_owned
from campaigns.owner_actions import preview_owned
from campaigns.owner_actions import request_launch
from campaigns.owner_actions import resume_owned
from campaigns.owner_actions import send_owned_test
from catalogue import text
from catalogue.phrases import refusal_in
from hunters.organisations import owner_choices
from settings import Settings
from store.models import MAX_ID
from store.models import HunterMember
from store.reference import county_names
from web.campaign_form import CampaignFields
from web.campaign_form import as_partners
from web.campaign_form import fields_from_definition
from web.campaign_form import form_choices
from web.campaign_form import keys_the_form_cannot_show
from web.campaign_form import padded
from web.campaign_form import read_submission
from web.campaign_form import to_toml
from web.deps import SessionDep
from web.deps import SettingsDep
from web.portal.ui import CurrentMember
from web.portal.ui import flash
from web.portal.ui import language
from web.portal.ui import page
from web.portal.ui import redirect

router = APIRouter()
MAX_UPLOAD = 2 * 1024 * 1024  # a campaign file and a member list are a few kilobytes


def _path(campaign_id: int) -> str:
    return f"/jeger/kampanjer/{campaign_id}"


def _not_found(request: Request) -> Response:
    return page(request, "error.html", status_code=404, message="portal_not_found")


async def _read(upload: UploadFile | None) -> bytes | None:
    if upload is None or not upload.filename:
        return None
    data = await upload.read(MAX_UPLOAD + 1)
    return data if len(data) <= MAX_UPLOAD else b""


@router.get("/kampanjer", response_class=HTMLResponse)
def campaigns(request: Request, session: SessionDep, member: CurrentMember) -> Response:
    try:
        owned = owned_campaigns(session, member=member)
    except CampaignError:  # a member of an organisation that is not approved owns nothing yet
        owned = []
    waiting = {c.id for c in owned if launch_requested(session, campaign_id=c.id) is not None}
    return page(request, "campaigns.html", campaigns=owned, waiting=waiting, problems=[])


@router.post("/kampanjer", response_class=HTMLResponse)
async def create(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    member: CurrentMember,
    file: Annotated[UploadFile | None, File()] = None,
    members: Annotated[UploadFile | None, File()] = None,
) -> Response:
    source = await _read(file)
    listed = await _read(members)
    attachments = {members.filename: listed} if members is not None and members.filename and listed else {}
    problems: list[str] = []
    if not source:
        problems = ["portal_campaign_file_missing"]
    else:
        try:
            toml_text = source.decode("utf-8-sig")
        except UnicodeDecodeError:
            problems = ["portal_campaign_not_utf8"]
        else:
            filename = file.filename if file is not None and file.filename else "kampanje.toml"
            outcome = await run_in_threadpool(
                _create, session, member, toml_text, filename, settings, attachments, language(request)
            )
            if not isinstance(outcome, list):
                return _created(request, outcome)
            problems = outcome
    return page(request, "campaigns.html", status_code=422, campaigns=[], waiting=set(), problems=problems)


def _create(
    session: Session,
    member: HunterMember,
    source: str,
    filename: str,
    settings: Settings,
    lists: dict[str, bytes],
    language_code: str,
) -> CreateResult | list[str]:
    """Creates the draft off the event loop (it renders every audience company): the result, or the problems
    in the reader's language."""
    try:
        created = create_owned_campaign(
            session, member=member, source=source, filename=filename, settings=settings, attachments=lists
        )
    except (DefinitionError, CampaignError) as exc:
        session.rollback()
        return refusal_in(exc, language_code).splitlines()
    session.commit()
    return created


def _created(request: Request, created: CreateResult) -> Response:
    flash(request, "portal_campaign_created", id=created.campaign.id, audience=created.audience)
    return redirect(_path(created.campaign.id))


def _form_page(
    request: Request, session: Session, settings: Settings, member: HunterMember, **context: Any
) -> Response:
    own = member.hunter.orgnr
    return page(
        request,
        "campaign_new.html",
        counties=county_names(session),
        owners=[(orgnr, name) for orgnr, name in owner_choices(session) if orgnr != own],
        **form_choices(session, settings.templates_dir),
        **context,
    )


@router.get("/kampanjer/ny", response_class=HTMLResponse)
def campaign_form(
    request: Request, session: SessionDep, settings: SettingsDep, member: CurrentMember, kopi: str = ""
) -> Response:
    """The empty form, or (`kopi`) a copy of one of the organisation's campaigns for its next round: the list
    it wrote to is asked for again by name, and keys the form has no field for are named, not kept."""
    counties = [county.number for county in member.hunter.counties]
    fields = CampaignFields(counties=counties, kind="voksen", report_weekly=True)
    dropped: list[str] = []
    number = int(kopi) if kopi.isascii() and kopi.isdigit() and len(kopi) <= 10 else 0
    if 0 < number <= MAX_ID:
        try:
            original = owned_campaign(session, member=member, campaign_id=number)
        except CampaignError:  # another organisation's campaign, or none: the empty form, as for no copy
            pass
        else:
            definition = definition_of(original)
            copy_of = text("admin_copy_of", language(request), name=original.name)
            fields = fields_from_definition(definition, copy_of=copy_of)
            dropped = [key for key in keys_the_form_cannot_show(definition) if not key.endswith("orgnr_file")]
    return _form_page(request, session, settings, member, f=padded(fields), problems=[], dropped=dropped)


@router.post("/kampanjer/ny", response_class=HTMLResponse)
async def create_from_form(
    request: Request, session: SessionDep, settings: SettingsDep, member: CurrentMember
) -> Response:
    sent = await read_submission(await request.form())
    fields = as_partners(sent.fields, owner=member.hunter.orgnr or "")
    problems = sent.problems(language(request))
    if not problems:
        outcome = await run_in_threadpool(
            _create, session, member, to_toml(fields), "skjema.toml", settings, sent.lists, language(request)
        )
        if not isinstance(outcome, list):
            return _created(request, outcome)
        problems = outcome
    return await run_in_threadpool(
        _form_page, request, session, settings, member, f=padded(fields), problems=problems, status_code=422
    )


@router.get("/kampanjer/{campaign_id}", response_class=HTMLResponse)
def campaign(
    request: Request, session: SessionDep, settings: SettingsDep, member: CurrentMember, campaign_id: int
) -> Response:
    if not 0 < campaign_id <= MAX_ID:
        return _not_found(request)
    try:
        found = owned_campaign(session, member=member, campaign_id=campaign_id)
        steps = preview_owned(
            session, member=member, campaign_id=campaign_id, settings=settings, language=language(request)
        )
    except CampaignError:
        return _not_found(request)
    waiting = launch_requested(session, campaign_id=campaign_id) is not None
    notes = campaign_audience_notes(session, campaign_id=campaign_id)
    return page(request, "campaign.html", campaign=found, steps=steps, waiting=waiting, notes=notes)


ACTIONS = {"pause": pause_owned, "avbryt": cancel_owned, "start": request_launch}


@router.post("/kampanjer/{campaign_id}/{action}")
def act(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    member: CurrentMember,
    campaign_id: int,
    action: str,
    to: Annotated[str, Form(max_length=320)] = "",
) -> Response:
    if not 0 < campaign_id <= MAX_ID or action not in (*ACTIONS, "fortsett", "test"):
        return _not_found(request)
    try:
        if action == "fortsett":
            resume_owned(session, member=member, campaign_id=campaign_id, settings=settings)
        elif action == "test":
            send_owned_test(session, member=member, campaign_id=campaign_id, to=to, settings=settings)
        else:
            ACTIONS[action](session, member=member, campaign_id=campaign_id)
    except NotYourCampaign:
        session.rollback()
        return _not_found(request)
    except (CampaignError, ValueError) as exc:
        session.rollback()
        flash(request, "portal_campaign_refused", "error", reason=refusal_in(exc, language(request)))
        return redirect(_path(campaign_id))
    session.commit()
    flash(request, f"portal_campaign_{action}_done")
    return redirect(_path(campaign_id))
