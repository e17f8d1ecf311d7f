"""The inbox: questions from companies that need a human; answer through the same channel, mark handled. A county
officer reads and answers what companies in their counties wrote (staff.scopes `Scope.replies`)."""

from __future__ import annotations

from typing import Annotated
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter
from fastapi import Form
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.responses import Response

from campaigns.inbox import InboxError
from campaigns.inbox import answer_reply
from campaigns.inbox import inbox
from campaigns.inbox import mark_handled
from catalogue import text
from catalogue.labels import label as catalogue_label
from reports.overview import company_history
from reports.replies import COLUMNS
from reports.replies import reply_rows
from staff.scopes import Scope
from staff.scopes import scope_of_staff
from web.admin.excel import excel_table
from web.admin.excel import headers_of
from web.admin.ui import flash
from web.admin.ui import language_of
from web.admin.ui import page
from web.admin.ui import redirect
from web.admin.ui import say
from web.auth import CurrentStaff
from web.auth import StaffScope
from web.deps import SessionDep

router = APIRouter()
# Questions per page: each shows the company's history beside it (a handful of queries), so a page is kept to
# what staff answer in a sitting and costs the same however many wait.
PAGE = 25


@router.get("/inbox", response_class=HTMLResponse)
def inbox_page(
    request: Request, session: SessionDep, scope: StaffScope, handled: int = 0, after: str = ""
) -> Response:
    found = inbox(session, handled=bool(handled), limit=PAGE, scope=scope, cursor=after or None)
    histories = {
        item.company.id: company_history(session, company_id=item.company.id)
        for item in found.rows
        if item.company is not None
    }
    first = urlencode({"handled": 1} if handled else {})
    return page(
        request,
        "admin/inbox.html",
        section="inbox",
        items=found.rows,
        histories=histories,
        handled=bool(handled),
        filters={"after": after},
        everything=first,
        next_page=urlencode({**({"handled": 1} if handled else {}), "after": found.next})
        if found.next
        else None,
    )


def _reply_rows_in(session: SessionDep, scope: Scope, language: str) -> list[dict[str, Any]]:
    return [
        {
            **row,
            "channel": catalogue_label(row["channel"], "channel", language),
            "intent": catalogue_label(row["intent"], "intent", language),
        }
        for row in reply_rows(session, scope=scope)
    ]


@router.get("/replies.csv")
@router.get("/replies.xlsx")
def replies_file(request: Request, session: SessionDep, scope: StaffScope) -> Response:
    """Every inbound message, for Excel (`;`, headers in the staff user's language); `jeger replies export`
    keeps English columns."""
    language = language_of(request)
    return excel_table(
        request,
        _reply_rows_in(session, scope, language),
        columns=COLUMNS,
        headers=headers_of("reply", COLUMNS, language),
        stem=text("export_stem_replies", language),
        sheet=text("export_sheet_replies", language),
    )


@router.post("/inbox/{reply_id}/answer")
def answer(
    request: Request,
    reply_id: int,
    session: SessionDep,
    staff: CurrentStaff,
    text: Annotated[str, Form()],
) -> Response:
    try:
        message = answer_reply(
            session, reply_id=reply_id, text=text, staff_id=staff.id, scope=scope_of_staff(staff)
        )
    except InboxError as exc:
        flash(request, exc.text_in(language_of(request)), "error")
        return redirect("/admin/inbox")
    session.commit()
    flash(request, say(request, "admin_answer_queued", channel=message.channel.value.upper()))
    return redirect("/admin/inbox")


@router.post("/inbox/{reply_id}/handled")
def handled(request: Request, reply_id: int, session: SessionDep, staff: CurrentStaff) -> Response:
    try:
        mark_handled(session, reply_id=reply_id, staff_id=staff.id, scope=scope_of_staff(staff))
    except InboxError as exc:
        flash(request, exc.text_in(language_of(request)), "error")
        return redirect("/admin/inbox")
    session.commit()
    flash(request, say(request, "admin_marked_handled"))
    return redirect("/admin/inbox")
