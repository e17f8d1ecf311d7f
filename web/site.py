"""The site's front door: `/` leads staff to the dashboard, and `/favicon.ico` answers the browsers that ask
for it by that name (pages link the SVG icon in web/static; older browsers and bookmarks fetch the .ico)."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse
from fastapi.responses import RedirectResponse
from fastapi.responses import Response

STATIC_DIR = Path(__file__).resolve().parent / "static"
ICON_CACHE = "public, max-age=86400"  # browsers ask for the icon on every page; a day is plenty

router = APIRouter(include_in_schema=False)


@router.api_route("/", methods=["GET", "HEAD"])
def front_page() -> Response:
    """Nothing public lives at `/`: companies come by their personal links, staff to the dashboard (which
    sends a visitor who is not signed in on to the login page)."""
    return RedirectResponse("/admin/", status_code=307)


@router.api_route("/favicon.ico", methods=["GET", "HEAD"])
def favicon() -> Response:
    return FileResponse(
        STATIC_DIR / "favicon.ico", media_type="image/x-icon", headers={"Cache-Control": ICON_CACHE}
    )
