"""The staff dashboard under /admin: server-rendered pages, htmx for live parts, no build step."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import APIRouter
from fastapi import Depends
from fastapi import FastAPI
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.responses import JSONResponse
from fastapi.responses import RedirectResponse
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from fastapi.utils import is_body_allowed_for_status_code
from starlette.exceptions import HTTPException as StarletteHTTPException

from catalogue import TEXTS
from settings import Settings
from store.db import Database
from web.admin import campaigns
from web.admin import companies
from web.admin import home
from web.admin import hunters
from web.admin import inbox
from web.admin import leads
from web.admin import login
from web.admin import meetings
from web.admin import results
from web.admin import sandbox
from web.admin import staff_users
from web.admin.ui import error_page
from web.admin.ui import language_of
from web.admin.ui import page
from web.admin.ui import say
from web.admin.ui import templates
from web.auth import AdminRequired
from web.auth import CsrfFailed
from web.auth import LoginRequired
from web.auth import ScopeRefused
from web.auth import check_csrf
from web.auth import install_sessions
from web.auth import require_whole_scope
from web.security_headers import add_security_headers

log = logging.getLogger(__name__)
STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def build_router() -> APIRouter:
    router = APIRouter(prefix="/admin", include_in_schema=False, dependencies=[Depends(check_csrf)])
    # Pages cut to the asking person's scope (staff.scopes): leads, companies, campaigns, results, the inbox and the
    # organisations covering their counties; a campaign's meeting and outcome pages follow the campaign's own rule.
    for module in (login, home, leads, companies, campaigns, results, inbox, hunters):
        router.include_router(module.router)
    router.include_router(meetings.router, dependencies=[Depends(campaigns.within_scope)])
    # Every other page shows all counties, so county officers are refused there, module by module: a page added
    # later is refused too. The sandbox shows every message sent anywhere and answers as any company: a demo
    # and test tool for whoever runs the system, not a county's work (docs/roles.md).
    whole = [Depends(require_whole_scope)]
    for module in (sandbox, staff_users):
        router.include_router(module.router, dependencies=whole)
    return router


def _login_redirect(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, LoginRequired)
    target = "/admin/login" + (f"?next={exc.next_url}" if exc.next_url.startswith("/admin/") else "")
    if request.headers.get("HX-Request"):  # htmx follows HX-Redirect with a full page load
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


def _csrf_failed(request: Request, exc: Exception) -> Response:
    return error_page(request, 403, "admin_error_csrf_title", "admin_error_csrf_text")


def _scope_refused(request: Request, exc: Exception) -> Response:
    return error_page(request, 403, "admin_error_scope_title", "admin_error_scope_text")


def _admin_required(request: Request, exc: Exception) -> Response:
    return error_page(request, 403, "admin_error_admin_title", "admin_error_admin_text")


HTTP_TITLES = {
    400,
    404,
    405,
    409,
    413,
    422,
    429,
}  # statuses with a title of their own (`admin_error_<status>`)
# Starlette's own details (an unknown path, a wrong method) are English: staff get these instead.
HTTP_TEXTS = {"Not Found": "admin_error_not_found_text", "Method Not Allowed": "admin_error_method_text"}


def _http_error(request: Request, exc: Exception) -> Response:
    """Dashboard pages answer errors with a page in the staff user's language; everything else keeps FastAPI's
    JSON.

    A sync handler on purpose: the layout reads notices from the database, so Starlette runs it in a thread.
    """
    assert isinstance(exc, StarletteHTTPException)
    if not request.url.path.startswith("/admin") or "session" not in request.scope:
        headers = getattr(exc, "headers", None)
        if not is_body_allowed_for_status_code(exc.status_code):
            return Response(status_code=exc.status_code, headers=headers)
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=headers)
    status = exc.status_code
    title = say(request, f"admin_error_{status}" if status in HTTP_TITLES else "admin_error_title")
    # Dashboard routes raise HTTPException with a catalogue key as the detail, so the page is in the reader's
    # language; any other detail (a domain's own sentence) is shown as it is.
    detail = HTTP_TEXTS.get(str(exc.detail), str(exc.detail))
    text = say(request, detail) if detail in TEXTS else detail
    return page(request, "admin/error.html", status_code=exc.status_code, title=title, text=text)


def _server_error(request: Request, exc: Exception) -> Response:
    """Any uncaught exception: logged with its traceback, and staff see a page in their language, never a bare 500.

    The page is rendered without the layout's database reads (the database may be what failed).
    """
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    if not request.url.path.startswith("/admin"):
        response: Response = JSONResponse({"detail": "Internal server error"}, status_code=500)
        return _with_security_headers(request, response)
    html = templates.env.get_template("admin/error.html").render(
        request=request,
        staff=None,
        csrf_token="",
        notices=[],
        flashes=[],
        inbox_open=0,
        lang=language_of(request),
        title=say(request, "admin_error_title"),
        text=say(request, "admin_error_server_text"),
    )
    return _with_security_headers(request, HTMLResponse(html, status_code=500))


def _with_security_headers(request: Request, response: Response) -> Response:
    # The 500 answer is sent from outside every middleware (Starlette's ServerErrorMiddleware), so the
    # headers SecurityHeaders adds to every other response are added here.
    https = request.app.state.settings.public_base_url.startswith("https://")
    add_security_headers(response.headers, request.url.path, https=https)
    return response


def install(app: FastAPI, *, settings: Settings, db: Database) -> None:
    """Adds sessions, static files, the /admin pages and their error pages to the app."""
    install_sessions(app, settings=settings, db=db)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(build_router())
    app.add_exception_handler(LoginRequired, _login_redirect)
    app.add_exception_handler(CsrfFailed, _csrf_failed)
    app.add_exception_handler(AdminRequired, _admin_required)
    app.add_exception_handler(ScopeRefused, _scope_refused)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _server_error)

    @app.get("/admin", include_in_schema=False)
    def _admin_root() -> Response:
        return RedirectResponse("/admin/", status_code=307)
