"""Companies: search by name or orgnr, and one company's contacts, messages, replies, registration, opt-outs."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter
from fastapi import Depends
from fastapi import File
from fastapi import Form
from fastapi import HTTPException
from fastapi import Request
from fastapi import UploadFile
from fastapi.responses import HTMLResponse
from fastapi.responses import Response

from bot.registration_merge import MergeError
from bot.registration_merge import merge_registrations
from catalogue import text as catalogue_text
from companies.import_jobs import ImportBusy
from companies.import_jobs import ImportJob
from companies.import_jobs import ImportJobs
from companies.lookup import company_id_of
from companies.training import approved_trades
from reports.overview import company_history
from reports.overview import search_companies
from store.reference import county_names
from web.admin.excel import excel_table
from web.admin.excel import headers_of
from web.admin.excel import reject_rows_in
from web.admin.ui import flash
from web.admin.ui import language_of
from web.admin.ui import page
from web.admin.ui import redirect
from web.admin.ui import say
from web.auth import CurrentStaff
from web.auth import StaffScope
from web.auth import require_whole_scope
from web.body import MAX_UPLOAD
from web.deps import SessionDep

router = APIRouter()
# The register import and merging registrations act on every county: not for county officers.
WHOLE = [Depends(require_whole_scope)]


@router.get("/companies", response_class=HTMLResponse)
def companies(
    request: Request, session: SessionDep, scope: StaffScope, q: str = "", after: str = ""
) -> Response:
    found = search_companies(session, query=q, limit=100, scope=scope, cursor=after or None)
    first = urlencode({"q": q} if q else {})
    return page(
        request,
        "admin/companies.html",
        section="companies",
        q=q,
        companies=found.rows,
        counties=county_names(session),
        filters={"after": after},
        everything=first,
        next_page=urlencode({**({"q": q} if q else {}), "after": found.next}) if found.next else None,
    )


# --- register upload with a progress bar -------------------------------------------------------------------


def _jobs(request: Request) -> ImportJobs:
    jobs: ImportJobs | None = getattr(request.app.state, "import_jobs", None)
    if jobs is None:
        directory = Path(tempfile.gettempdir()) / "jeger-imports"
        jobs = request.app.state.import_jobs = ImportJobs(request.app.state.db, directory)
    return jobs


@router.get("/companies/import", response_class=HTMLResponse, dependencies=WHOLE)
def import_form(request: Request, staff: CurrentStaff) -> Response:
    jobs = _jobs(request)
    return page(
        request,
        "admin/import.html",
        section="companies",
        jobs=jobs.recent(),
        running=jobs.running(),
    )


@router.post("/companies/import", max_body_size=MAX_UPLOAD, dependencies=WHOLE)
def import_upload(request: Request, staff: CurrentStaff, file: Annotated[UploadFile, File()]) -> Response:
    jobs = _jobs(request)
    if not file.filename:
        flash(request, say(request, "admin_choose_register_file"), "error")
        return redirect("/admin/companies/import")
    path = jobs.new_upload_path(file.filename)
    with path.open("wb") as out:
        shutil.copyfileobj(file.file, out, length=1024 * 1024)
    try:
        job = jobs.start(filename=file.filename, path=path, started_by=staff.id)
    except ImportBusy:
        path.unlink(missing_ok=True)
        flash(request, say(request, "admin_import_busy"), "warn")
        return redirect("/admin/companies/import")
    return redirect(f"/admin/imports/{job.id}")


def _job(request: Request, job_id: str) -> ImportJob:
    job = _jobs(request).get(job_id)
    if job is None:
        raise HTTPException(404, "admin_no_such_import")
    return job


@router.get("/imports/{job_id}", response_class=HTMLResponse, dependencies=WHOLE)
def import_status(request: Request, job_id: str, staff: CurrentStaff) -> Response:
    return page(request, "admin/import_job.html", section="companies", job=_job(request, job_id))


@router.get("/imports/{job_id}/progress", response_class=HTMLResponse, dependencies=WHOLE)
def import_progress(request: Request, job_id: str, staff: CurrentStaff) -> Response:
    """The progress fragment htmx swaps in every second (it stops polling once the job is done)."""
    return page(request, "admin/_import_progress.html", job=_job(request, job_id))


@router.get("/imports/{job_id}/rejects.csv", dependencies=WHOLE)
@router.get("/imports/{job_id}/rejects.xlsx", dependencies=WHOLE)
def import_rejects(request: Request, job_id: str, staff: CurrentStaff) -> Response:
    job = _job(request, job_id)
    text = _jobs(request).rejects(job.id) if job.done else None
    if text is None:
        raise HTTPException(404, "admin_rejects_not_ready")
    language = language_of(request)
    columns = ["row", "orgnr", "level", "reason"]
    return excel_table(
        request,
        reject_rows_in(text, language),
        columns=columns,
        headers=headers_of("reject", columns, language),
        stem=catalogue_text("export_stem_rejects", language, name=Path(job.filename).stem),
        sheet=catalogue_text("export_sheet_rejects", language),
    )


@router.post("/companies/{orgnr}/registrations/merge", dependencies=WHOLE)
def merge(
    request: Request,
    orgnr: str,
    session: SessionDep,
    staff: CurrentStaff,
    keep_id: Annotated[str, Form()] = "",
    other_id: Annotated[str, Form()] = "",
) -> Response:
    """The company page's "Slå sammen" button: the same merge as `jeger registrations merge`."""
    back = f"/admin/companies/{orgnr}" if orgnr.isdigit() and len(orgnr) == 9 else "/admin/companies"
    if not (keep_id.isdigit() and other_id.isdigit()):
        flash(request, say(request, "admin_choose_two_registrations"), "error")
        return redirect(back)
    company_id = company_id_of(session, orgnr)
    try:
        if company_id is None:
            raise MergeError("admin_no_such_company")
        result = merge_registrations(session, keep_id=int(keep_id), other_id=int(other_id), by=staff.email)
        if result.kept.company_id != company_id:
            raise MergeError("admin_registrations_elsewhere")
    except MergeError as exc:
        session.rollback()
        flash(request, exc.text_in(language_of(request)), "error")
        return redirect(back)
    session.commit()
    flash(request, say(request, "admin_registrations_merged", other=other_id, keep=keep_id))
    return redirect(back)


# Last: /companies/import must match before this catch-all.
@router.get("/companies/{orgnr}", response_class=HTMLResponse)
def company(request: Request, orgnr: str, session: SessionDep, scope: StaffScope) -> Response:
    # Outside the scope reads as unknown: an orgnr is public and proves nothing about who may see the company.
    company_id = company_id_of(session, orgnr, scope.companies())
    history = company_history(session, company_id=company_id) if company_id else None
    if history is None:
        raise HTTPException(404, "admin_no_such_company")
    return page(
        request,
        "admin/company.html",
        section="companies",
        h=history,
        c=history.company,
        counties=county_names(session),
        hunters=history.hunters,  # only those holding its leads: not every organisation of the country
        approvals=approved_trades(session, orgnr=history.company.orgnr),
    )
