"""Hunter organisations: pending, approved, rejected; staff approve or reject them and their changes, a county
officer those within their counties (hunters.organisations and hunters.approval do the work and the audit log)."""

from __future__ import annotations

from urllib.parse import urlencode

from fastapi import APIRouter
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.responses import Response

from hunters.approval import UnknownChange
from hunters.approval import changes_for_review
from hunters.approval import decide_change
from hunters.organisations import OrgnrTaken
from hunters.organisations import OutsideCounties
from hunters.organisations import UnknownHunter
from hunters.organisations import approve_hunter
from hunters.organisations import county_numbers
from hunters.organisations import decidable
from hunters.organisations import hunter_counts
from hunters.organisations import hunter_page
from hunters.organisations import reject_hunter
from staff.scopes import scope_of_staff
from store.models import MAX_ID
from store.models import HunterState
from store.reference import county_names
from web.admin.ui import flash
from web.admin.ui import page
from web.admin.ui import redirect
from web.admin.ui import say
from web.auth import CurrentStaff
from web.auth import StaffScope
from web.deps import SessionDep

router = APIRouter()


@router.get("/hunters", response_class=HTMLResponse)
def hunters(
    request: Request, session: SessionDep, scope: StaffScope, state: str = "pending", after: str = ""
) -> Response:
    wanted = HunterState(state) if state in HunterState.__members__.values() else None
    counts = hunter_counts(session, scope=scope)
    shown = hunter_page(session, state=wanted, scope=scope, cursor=after or None)
    tab = {"state": wanted.value if wanted else "all"}
    return page(
        request,
        "admin/hunters.html",
        section="hunters",
        hunters=shown.rows,
        state=tab["state"],
        counts=counts,
        total=sum(counts.values()),
        counties=county_names(session),
        changes=changes_for_review(session, scope=scope),
        decidable={h.id for h in shown.rows if decidable(county_numbers(h), scope)},
        filters={"after": after},
        everything=urlencode(tab),
        next_page=urlencode({**tab, "after": shown.next}) if shown.next else None,
    )


def _decide(
    request: Request, session: SessionDep, staff: CurrentStaff, hunter_id: int, approve: bool
) -> Response:
    decide = approve_hunter if approve else reject_hunter
    try:
        decision = decide(session, hunter_id=hunter_id, staff_id=staff.id, scope=scope_of_staff(staff))
    except UnknownHunter:
        flash(request, say(request, "admin_no_such_hunter", hunter=hunter_id), "error")
        return redirect("/admin/hunters")
    except OrgnrTaken as taken:
        holder = taken.holder
        flash(
            request,
            say(
                request,
                "admin_orgnr_taken",
                orgnr=taken.hunter.orgnr,
                holder=holder.org_name,
                number=holder.id,
            ),
            "error",
        )
        return redirect("/admin/hunters")
    except OutsideCounties:
        flash(request, say(request, "admin_hunter_outside_counties"), "error")
        return redirect("/admin/hunters")
    session.commit()
    name = decision.hunter.org_name
    verdict = "approved" if approve else "rejected"
    if not decision.changed:
        flash(request, say(request, f"admin_hunter_already_{verdict}", name=name), "warn")
    else:
        flash(request, say(request, f"admin_hunter_{verdict}", name=name))
    return redirect("/admin/hunters?state=pending")


@router.post("/hunters/{hunter_id}/approve")
def approve(request: Request, hunter_id: int, session: SessionDep, staff: CurrentStaff) -> Response:
    return _decide(request, session, staff, hunter_id, approve=True)


@router.post("/hunters/{hunter_id}/reject")
def reject(request: Request, hunter_id: int, session: SessionDep, staff: CurrentStaff) -> Response:
    return _decide(request, session, staff, hunter_id, approve=False)


@router.post("/hunters/changes/{change_id}/{verdict}")
def decide_area_change(
    request: Request, change_id: int, verdict: str, session: SessionDep, staff: CurrentStaff
) -> Response:
    """Approves or rejects an organisation's request for other counties or trades (hunters.approval)."""
    if verdict not in ("approve", "reject") or not 0 < change_id <= MAX_ID:
        flash(request, say(request, "admin_no_such_change", change=change_id), "error")
        return redirect("/admin/hunters")
    try:
        change = decide_change(
            session,
            change_id=change_id,
            approve=verdict == "approve",
            staff_id=staff.id,
            scope=scope_of_staff(staff),
        )
    except UnknownChange:
        flash(request, say(request, "admin_no_such_change", change=change_id), "error")
        return redirect("/admin/hunters")
    session.commit()
    flash(request, say(request, f"admin_change_{verdict}", change=change.id))
    return redirect("/admin/hunters")
