"""Campaign pages: list, create (form or TOML), preview, test, launch/pause/resume/cancel, live progress, report."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from typing import Any

from fastapi import APIRouter
from fastapi import Depends
from fastapi import Form
from fastapi import HTTPException
from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from fastapi.responses import Response
from sqlalchemy.orm import Session

from campaigns import service as domain
from campaigns.definition_model import definition_of
from campaigns.listing import campaigns_newest_first
from campaigns.ownership import ownership_view
from campaigns.results import funnel
from campaigns.results import progress_by_campaign
from campaigns.scope import campaign_within
from campaigns.scope import path_id_within
from catalogue import plural
from catalogue import text
from catalogue.phrases import refusal_in
from hunters.organisations import owner_choices
from reports.notices import campaign_notices
from settings import Settings
from staff.scopes import scope_of_staff
from store.db import Database
from store.models import MAX_ID
from store.models import Campaign
from store.models import StaffUser
from store.reference import county_names
from web.admin.excel import excel_table
from web.admin.excel import report_rows_in
from web.admin.ui import flash
from web.admin.ui import language_of
from web.admin.ui import page
from web.admin.ui import redirect
from web.admin.ui import say
from web.auth import CurrentStaff
from web.auth import StaffScope
from web.campaign_form import DAYS
from web.campaign_form import CampaignFields
from web.campaign_form import fields_from_definition
from web.campaign_form import form_choices
from web.campaign_form import keys_the_form_cannot_show
from web.campaign_form import padded
from web.campaign_form import read_submission
from web.campaign_form import to_toml
from web.campaign_upload import MAX_TOML
from web.campaign_upload import read_campaign_upload
from web.deps import DbDep
from web.deps import SessionDep
from web.deps import SettingsDep
from web.downloads import attachment


def within_scope(request: Request, session: SessionDep, scope: StaffScope) -> None:
    """Router dependency: a county officer opens only campaigns whose audience lies in their counties; any
    other campaign answers as if it did not exist (`campaigns.scope`)."""
    raw = request.path_params.get("campaign_id")
    if raw is not None and not path_id_within(session, raw, scope):
        raise HTTPException(404, "admin_no_such_campaign")


router = APIRouter(dependencies=[Depends(within_scope)])

# What staff may do to a campaign; each is named `admin_action_<action>` and reported by
# `admin_action_done_<action>` in the catalogue.
ACTIONS = ("launch", "pause", "resume", "cancel")


def _campaign(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise HTTPException(404, "admin_no_such_campaign")
    return campaign


@router.get("/campaigns", response_class=HTMLResponse)
def campaign_list(request: Request, session: SessionDep, scope: StaffScope) -> Response:
    every = campaigns_newest_first(session)
    campaigns = [c for c in every if campaign_within(c, scope)]
    return page(
        request,
        "admin/campaigns.html",
        section="campaigns",
        campaigns=campaigns,
        progress=progress_by_campaign(session, [c.id for c in campaigns]),
    )


def _form_page(
    request: Request,
    session: Session,
    settings: Settings,
    *,
    staff: StaffUser,
    fields: CampaignFields,
    mode: str = "form",
    toml_text: str = "",
    problems: list[str] | None = None,
    note: str = "",
    status_code: int = 200,
) -> Response:
    return page(
        request,
        "admin/campaign_new.html",
        status_code=status_code,
        section="campaigns",
        f=padded(fields),
        mode=mode,
        toml_text=toml_text,
        problems=problems or [],
        note=note,
        counties=county_names(session),
        days=DAYS,
        owners=owner_choices(session, scope=scope_of_staff(staff)),
        **form_choices(session, settings.templates_dir),
    )


async def _refused(
    request: Request, db: Database, settings: Settings, staff: StaffUser, **kwargs: Any
) -> Response:
    """The form page again with what was refused (422), built in a worker thread with its own session (it reads
    the counties, and the layout reads notices: blocking database work that must stay off the event loop)."""

    def build() -> Response:
        with db.session() as session:
            return _form_page(request, session, settings, staff=staff, status_code=422, **kwargs)

    return await run_in_threadpool(build)


@router.get("/campaigns/new", response_class=HTMLResponse)
def campaign_new(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    staff: CurrentStaff,
    copy: int = 0,
    mode: str = "form",
) -> Response:
    original = session.get(Campaign, copy) if 0 < copy <= MAX_ID else None
    if original is not None and not campaign_within(original, scope_of_staff(staff)):
        original = None  # a campaign the officer may not see is not theirs to copy either
    note = ""
    if original is not None:
        definition = definition_of(original)
        fields = fields_from_definition(definition, copy_of=say(request, "admin_copy_of", name=original.name))
        toml_text = original.source_toml or ""
        hidden = keys_the_form_cannot_show(definition)
        if hidden and mode != "toml":  # the form would drop them: the copy opens as its campaign file
            mode = "toml"
            note = say(request, "admin_copy_as_file", keys=", ".join(hidden))
            if any(key.endswith("orgnr_file") for key in hidden):
                note += " " + say(request, "admin_copy_upload_lists_again")
    else:
        fields = CampaignFields(counties=list(county_names(session)))
        toml_text = ""
    return _form_page(
        request, session, settings, staff=staff, fields=fields, mode=mode, toml_text=toml_text, note=note
    )


async def _create(
    db: Database,
    settings: Settings,
    staff: StaffUser,
    toml_text: str,
    filename: str,
    lists: dict[str, bytes] | None = None,
) -> int:
    """Creates the draft in a worker thread (rendering every audience company takes a moment). `lists` are the
    orgnr lists uploaded with the file, by name: in the dashboard no path on the server is ever read."""

    def create() -> int:
        with db.session() as session:
            created = domain.create_campaign_as(
                session, settings, staff=staff, toml_text=toml_text, filename=filename, lists=lists
            )
            session.commit()
            return created.campaign.id

    return await run_in_threadpool(create)


@router.post("/campaigns/new", response_class=HTMLResponse)
async def campaign_create_from_form(
    request: Request, db: DbDep, settings: SettingsDep, staff: CurrentStaff
) -> Response:
    sent = await read_submission(await request.form())
    fields = sent.fields
    toml_text = to_toml(fields)
    problems = sent.problems(language_of(request))
    if not problems:
        try:
            campaign_id = await _create(db, settings, staff, toml_text, "skjema.toml", sent.lists)
        except domain.CampaignInputError as exc:
            problems = exc.problems_in(language_of(request))
    if problems:
        return await _refused(
            request, db, settings, staff, fields=fields, toml_text=toml_text, problems=problems
        )
    flash(request, say(request, "admin_campaign_saved_as_draft"))
    return redirect(f"/admin/campaigns/{campaign_id}/preview")


@router.post("/campaigns/upload", response_class=HTMLResponse)
async def campaign_create_from_toml(
    request: Request, db: DbDep, settings: SettingsDep, staff: CurrentStaff
) -> Response:
    upload = await read_campaign_upload(await request.form(), default_name="innlimt.toml")
    toml_text, filename, lists = upload.toml_text, upload.filename, upload.lists
    problems: list[str] = []
    if not toml_text.strip():
        problems = [say(request, "admin_choose_toml")]
    elif len(toml_text) > MAX_TOML:
        problems = [say(request, "admin_toml_too_large")]
    else:
        try:
            campaign_id = await _create(db, settings, staff, toml_text, filename, lists)
        except domain.CampaignInputError as exc:
            problems = exc.problems_in(language_of(request))
        else:
            flash(request, say(request, "admin_campaign_saved_as_draft"))
            return redirect(f"/admin/campaigns/{campaign_id}/preview")
    return await _refused(
        request,
        db,
        settings,
        staff,
        fields=CampaignFields(),
        mode="toml",
        toml_text=toml_text,
        problems=problems,
    )


def _status(
    request: Request, campaign_id: int, session: SessionDep, settings: SettingsDep, staff: CurrentStaff
) -> domain.StatusView:
    """Dependency: the campaign's progress, for its page and for the part of the page htmx refreshes."""
    _campaign(session, campaign_id)
    return domain.campaign_status(
        session,
        campaign_id=campaign_id,
        max_per_day=settings.max_outreach_per_day,
        language=language_of(request),
    )


StatusDep = Annotated[domain.StatusView, Depends(_status)]


@router.get("/campaigns/{campaign_id}", response_class=HTMLResponse)
def campaign_page(request: Request, campaign_id: int, session: SessionDep, status: StatusDep) -> Response:
    notices = campaign_notices(session, campaign_id=campaign_id, limit=10)
    return page(
        request,
        "admin/campaign.html",
        section="campaigns",
        c=status.campaign,
        status=status,
        campaign_notices=notices,
        ownership=ownership_view(session, campaign_id=campaign_id),
        funnel=funnel(session, campaign_id=campaign_id),
        has_letter=domain.has_letter(status.campaign),
        counties=county_names(session),
        days=DAYS,
    )


@router.get("/campaigns/{campaign_id}/progress", response_class=HTMLResponse)
def campaign_progress(request: Request, status: StatusDep) -> Response:
    """The live part of the campaign page; htmx swaps it in every two seconds."""
    return page(request, "admin/_campaign_progress.html", c=status.campaign, status=status)


@dataclass(frozen=True)
class Sample:
    """Which company and step a preview or a letter proof shows: the orgnr as typed (for the form), the orgnr
    to look up (None: the first few), and the step (empty: every step)."""

    campaign: Campaign
    typed: str
    orgnr: str | None
    step: str


def _sample(
    request: Request,
    campaign_id: int,
    session: SessionDep,
    staff: CurrentStaff,
    orgnr: str = "",
    step: str = "",
) -> Sample:
    """Dependency: the campaign and the chosen sample; an orgnr that cannot be one is a 400 that says so."""
    campaign = _campaign(session, campaign_id)
    if step and step not in {s.name for s in campaign.steps}:
        names = ", ".join(f"«{s.name}»" for s in campaign.steps)
        raise HTTPException(400, say(request, "admin_no_such_step", step=step, names=names))
    wanted = orgnr.replace(" ", "") or None
    if wanted is not None and not (wanted.isdigit() and len(wanted) == 9):
        raise HTTPException(400, say(request, "admin_not_an_orgnr", orgnr=orgnr))
    return Sample(campaign, orgnr, wanted, step)


SampleDep = Annotated[Sample, Depends(_sample)]


@router.get("/campaigns/{campaign_id}/preview", response_class=HTMLResponse)
def campaign_preview(
    request: Request, campaign_id: int, session: SessionDep, settings: SettingsDep, sample: SampleDep
) -> Response:
    campaign, orgnr, wanted, step = sample.campaign, sample.typed, sample.orgnr, sample.step
    try:
        preview = domain.preview_campaign(
            session,
            settings,
            campaign_id=campaign_id,
            orgnr=wanted,
            step=step or None,
            language=language_of(request),
        )
    except domain.CampaignInputError as exc:
        raise HTTPException(400, " ".join(exc.problems_in(language_of(request)))) from exc
    # Keeps figures counted for a changed definition (campaigns.preview_figures) and the sample companies'
    # identifiers, which they keep for good anyway: rolled back, every view would make them again.
    session.commit()
    return page(
        request,
        "admin/campaign_preview.html",
        section="campaigns",
        c=campaign,
        preview=preview,
        notes=preview.notes,
        orgnr=orgnr,
        step=step,
        price=settings.sms_price_per_segment,
    )


@router.get("/campaigns/{campaign_id}/letter.pdf")
def campaign_letter_pdf(
    request: Request, campaign_id: int, session: SessionDep, settings: SettingsDep, sample: SampleDep
) -> Response:
    """The printed letter as the print house gets it, for the chosen company or the first three: rendered
    only on this request (WeasyPrint is slow), in a worker thread, never on a page load."""
    campaign, wanted, step = sample.campaign, sample.orgnr, sample.step
    try:
        pdf = domain.letter_pdf(session, settings, campaign_id=campaign_id, orgnr=wanted, step=step or None)
    except domain.CampaignInputError as exc:
        raise HTTPException(404, " ".join(exc.problems_in(language_of(request)))) from exc
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="brev-kampanje-{campaign.id}.pdf"'},
    )


@router.post("/campaigns/{campaign_id}/test")
def campaign_test(
    request: Request,
    campaign_id: int,
    session: SessionDep,
    settings: SettingsDep,
    staff: CurrentStaff,
    to: Annotated[str, Form()],
    step: Annotated[str, Form()] = "",
) -> Response:
    try:
        count = domain.send_test(session, settings, campaign_id=campaign_id, to=to.strip(), step=step or None)
    except (domain.CampaignInputError, domain.CampaignError) as exc:
        flash(
            request,
            say(request, "admin_test_not_sent", reason=refusal_in(exc, language_of(request))),
            "error",
        )
    else:
        session.commit()
        flash(request, plural("admin_test_queued", count, language_of(request), to=to.strip()))
    return redirect(f"/admin/campaigns/{campaign_id}/preview")


@dataclass(frozen=True)
class ActionCall:
    """A request to confirm or do one of ACTIONS to a campaign, with what both routes need to answer it."""

    request: Request
    session: Session
    settings: Settings
    campaign_id: int
    action: str


def _action_call(
    request: Request,
    campaign_id: int,
    action: str,
    session: SessionDep,
    settings: SettingsDep,
    staff: CurrentStaff,
) -> ActionCall:
    """Dependency: the signed-in staff member's request for a known action; any other action is a 404."""
    if action not in ACTIONS:
        raise HTTPException(404, "admin_unknown_action")
    return ActionCall(request, session, settings, campaign_id, action)


ActionDep = Annotated[ActionCall, Depends(_action_call)]


def _confirm_page(call: ActionCall, refused: str | None = None) -> Response:
    """The confirmation page; for a launch it shows what campaigns.readiness warns about, and a refused
    launch comes back to it with the reason (409), not to a page that looks as if nothing happened."""
    request, session, campaign_id, action = call.request, call.session, call.campaign_id, call.action
    campaign = _campaign(session, campaign_id)
    progress = progress_by_campaign(session, [campaign_id])[campaign_id]
    warnings, refuses = (
        domain.launch_readiness(
            session, call.settings, campaign_id=campaign_id, language=language_of(request)
        )
        if action == "launch"
        else ([], False)
    )
    return page(
        request,
        "admin/campaign_confirm.html",
        status_code=409 if refused else 200,
        section="campaigns",
        c=campaign,
        action=action,
        label=say(request, f"admin_action_{action}"),
        progress=progress,
        warnings=warnings,
        refuses=refuses,
        refused=refused,
    )


@router.get("/campaigns/{campaign_id}/confirm/{action}", response_class=HTMLResponse)
def campaign_confirm(call: ActionDep) -> Response:
    return _confirm_page(call)


@router.post("/campaigns/{campaign_id}/{action}")
def campaign_action(call: ActionDep) -> Response:
    request, session, settings = call.request, call.session, call.settings
    campaign_id, action = call.campaign_id, call.action
    try:
        done = domain.change_state(
            session, settings, campaign_id=campaign_id, action=action, language=language_of(request)
        )
    except domain.NotReadyForLive as exc:
        session.rollback()
        return _confirm_page(call, refused=exc.text_in(language_of(request)))
    except domain.CampaignError as exc:
        session.rollback()
        flash(request, exc.text_in(language_of(request)), "error")
        return redirect(f"/admin/campaigns/{campaign_id}")
    session.commit()
    flash(request, say(request, f"admin_action_done_{action}", name=done.campaign.name))
    for warning in done.warnings:  # launched, but something still only works on this machine
        flash(request, say(request, "admin_warning_flash", warning=warning), "warn")
    return redirect(f"/admin/campaigns/{campaign_id}")


@router.get("/campaigns/{campaign_id}/report", response_class=HTMLResponse)
def campaign_report(
    request: Request,
    campaign_id: int,
    session: SessionDep,
    settings: SettingsDep,
    staff: CurrentStaff,
    after: str = "",
) -> Response:
    """A page of the report at a time (`after`: the cursor of the page before, from its "next" link)."""
    campaign = _campaign(session, campaign_id)
    try:
        report = domain.delivery_report_page(
            session,
            campaign_id=campaign_id,
            after=after,
            max_per_day=settings.max_outreach_per_day,
            language=language_of(request),
        )
    except domain.CampaignInputError as exc:
        raise HTTPException(400, " ".join(exc.problems_in(language_of(request)))) from exc
    return page(
        request,
        "admin/campaign_report.html",
        section="campaigns",
        c=campaign,
        waiting=report.waiting,
        columns=report.columns,
        rows=report.rows,
        next=report.next,
        first=not after,
    )


@router.get("/campaigns/{campaign_id}/report.csv")
@router.get("/campaigns/{campaign_id}/report.xlsx")
def campaign_report_file(
    request: Request, campaign_id: int, session: SessionDep, staff: CurrentStaff
) -> Response:
    campaign = _campaign(session, campaign_id)
    columns, rows = domain.delivery_report(session, campaign_id=campaign_id)
    language = language_of(request)
    return excel_table(
        request,
        report_rows_in(rows, language),
        columns=columns,
        headers={column: text(f"admin_report_col_{column}", language) for column in columns},
        stem=text("export_stem_report", language, id=campaign.id),
        sheet=text("export_sheet_report", language),
    )


@router.get("/campaigns/{campaign_id}/campaign.toml")
def campaign_toml(campaign_id: int, session: SessionDep, staff: CurrentStaff) -> Response:
    campaign = _campaign(session, campaign_id)
    return Response(
        campaign.source_toml or "",
        media_type="application/toml; charset=utf-8",
        headers=attachment(f"kampanje-{campaign.id}.toml"),
    )
