"""The organisation's profile on the portal: what it is, where it hunts, its contact person and members.

Adding and removing members and asking to change counties or trades are separate pages (`MEMBERS_PATH`,
`AREA_PATH`); this page links to them."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.responses import Response

from web.portal.ui import CurrentMember
from web.portal.ui import page

router = APIRouter()

MEMBERS_PATH = "/jeger/organisasjon/medlemmer"
AREA_PATH = "/jeger/organisasjon/endre"


@router.get("/organisasjon", response_class=HTMLResponse)
def profile(request: Request, member: CurrentMember) -> Response:
    hunter = member.hunter
    members = [m for m in hunter.members if m.removed_at is None]
    return page(
        request,
        "profile.html",
        hunter=hunter,
        members=members,
        members_path=MEMBERS_PATH,
        area_path=AREA_PATH,
    )
