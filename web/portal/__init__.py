"""The hunter portal under /jeger: members of hunter organisations sign in without a password and follow up
their leads from a phone (PRODUCT §10). Server-rendered, no script, WCAG 2.1 AA (checked with axe-core in the
browser tests)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi import Depends
from fastapi import FastAPI
from fastapi import Request
from fastapi.responses import RedirectResponse
from fastapi.responses import Response

from web.auth import CsrfFailed
from web.auth import check_csrf
from web.portal import campaign_reports
from web.portal import campaigns
from web.portal import leads
from web.portal import login
from web.portal import members
from web.portal import profile
from web.portal.ui import MemberLoginRequired
from web.portal.ui import page

PREFIX = "/jeger"


class PortalCsrfFailed(Exception):
    """A portal form without the session's CSRF token: a portal page answers, not the dashboard's."""


async def _check_csrf(request: Request) -> None:
    try:
        await check_csrf(request)
    except CsrfFailed as exc:
        raise PortalCsrfFailed() from exc


def build_router() -> APIRouter:
    router = APIRouter(prefix=PREFIX, include_in_schema=False, dependencies=[Depends(_check_csrf)])
    for module in (login, leads, profile, members, campaign_reports, campaigns):
        router.include_router(module.router)
    return router


def _to_login(request: Request, exc: Exception) -> Response:
    return RedirectResponse(f"{PREFIX}/logg-inn", status_code=303)


def _csrf_failed(request: Request, exc: Exception) -> Response:
    return page(request, "error.html", status_code=403, message="portal_csrf_text")


def install(app: FastAPI) -> None:
    """Adds the portal's pages; sessions come from `web.auth.install_sessions` (the /jeger paths included)."""
    app.include_router(build_router())
    app.add_exception_handler(MemberLoginRequired, _to_login)
    app.add_exception_handler(PortalCsrfFailed, _csrf_failed)

    @app.get(PREFIX, include_in_schema=False)
    def _portal_root() -> Response:
        return RedirectResponse(f"{PREFIX}/", status_code=307)
