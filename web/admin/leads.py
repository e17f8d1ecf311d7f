"""Leads for staff: filter by county, trade, state and age, reassign to another hunter, export CSV."""

from __future__ import annotations

from dataclasses import asdict
from dataclasses import dataclass
from typing import Annotated
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter
from fastapi import Depends
from fastapi import Form
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.responses import Response
from sqlalchemy.orm import Session

from companies.lookup import UnknownCounty
from hunters.lead_admin import ReassignError
from hunters.lead_admin import reassign_lead
from hunters.lead_export import COLUMNS
from hunters.lead_export import LeadFilter
from hunters.lead_export import lead_page
from hunters.lead_export import lead_rows
from hunters.organisations import approved_in_counties
from staff.scopes import Scope
from store.keyset import Page
from store.models import LeadState
from store.reference import county_names
from store.reference import trade_names
from web.admin.excel import excel_table
from web.admin.excel import headers_of
from web.admin.excel import lead_rows_in
from web.admin.ui import flash
from web.admin.ui import language_of
from web.admin.ui import page
from web.admin.ui import redirect
from web.admin.ui import say
from web.auth import StaffScope
from web.deps import SessionDep

router = APIRouter()

AGES = ("", "1", "3", "7", "14")  # days; named `admin_age_<days>` (`admin_age_all`) in the catalogue


@dataclass
class LeadFilters:
    """The filter fields of the leads page; the downloads take the same query string (and ignore `after`)."""

    county: str = ""
    trade: str = ""
    state: str = ""
    age: str = ""
    flagged: str = ""
    after: str = ""  # the next page's cursor (store.keyset)

    def wanted(self) -> LeadFilter:
        return LeadFilter(
            county=self.county or None,
            state=LeadState(self.state) if self.state in LeadState.__members__.values() else None,
            trade=self.trade or None,
            older_than_days=int(self.age) if self.age.isdigit() and len(self.age) < 6 else None,
            flagged=bool(self.flagged),
        )

    def page(self, session: Session, scope: Scope) -> Page[dict[str, Any]]:
        try:
            return lead_page(session, wanted=self.wanted(), scope=scope, cursor=self.after or None)
        except UnknownCounty:
            return Page([], None)

    def rows(self, session: Session, scope: Scope) -> list[dict[str, Any]]:
        """Every matching lead, for the downloads (they are not paginated)."""
        try:
            return lead_rows(session, scope=scope, wanted=self.wanted())
        except UnknownCounty:
            return []

    def query(self, **changed: str) -> str:
        """This page's query string with `changed` fields, for the next-page link and the downloads."""
        fields = {**asdict(self), **changed}
        return urlencode({k: v for k, v in fields.items() if v})


Filters = Annotated[LeadFilters, Depends()]


@router.get("/leads", response_class=HTMLResponse)
def leads(request: Request, session: SessionDep, scope: StaffScope, filters: Filters) -> Response:
    shown = filters.page(session, scope)
    return page(
        request,
        "admin/leads.html",
        section="leads",
        rows=shown.rows,
        next_page=filters.query(after=shown.next) if shown.next else None,
        filters=filters,
        query=str(request.url.query),
        everything=filters.query(after=""),
        counties={n: name for n, name in county_names(session).items() if scope.allows_county(n)},
        trades=trade_names(session),
        ages=AGES,
        hunters_in=approved_in_counties(
            session, counties=(row["county"] for row in shown.rows if row["county"])
        ),
    )


@router.get("/leads.csv")
@router.get("/leads.xlsx")
def leads_file(request: Request, session: SessionDep, scope: StaffScope, filters: Filters) -> Response:
    """For Excel (`;`, headers in the staff user's language, BOM; or a workbook with typed cells); `jeger leads
    export` and the API keep the English columns."""
    language = language_of(request)
    return excel_table(
        request,
        lead_rows_in(filters.rows(session, scope), language),
        columns=COLUMNS,
        headers=headers_of("lead", COLUMNS, language),
        stem="leads",
        sheet="Leads",
    )


@router.post("/leads/{lead_id}/reassign")
def reassign(
    request: Request,
    lead_id: int,
    session: SessionDep,
    scope: StaffScope,
    hunter_id: Annotated[str, Form()] = "",
    back: Annotated[str, Form()] = "",
) -> Response:
    target = int(hunter_id) if hunter_id.isdigit() else None
    try:
        if not lead_rows(session, scope=scope, lead_id=lead_id):  # outside the scope reads as unknown
            raise ReassignError("admin_no_such_lead", lead=lead_id)
        result = reassign_lead(session, lead_id=lead_id, hunter_id=target)
    except ReassignError as exc:
        flash(request, exc.text_in(language_of(request)), "error")
    else:
        session.commit()
        if result.hunter is None:
            flash(request, say(request, "admin_lead_free_again", lead=lead_id))
        else:
            flash(request, say(request, "admin_lead_given_to", lead=lead_id, hunter=result.hunter.org_name))
    return redirect("/admin/leads" + (f"?{back}" if back and not back.startswith(("/", "\\")) else ""))
