"""The staff dashboard under /admin: server-rendered pages, htmx for live parts, no build step."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from settings import Settings
from store.db import Database

from ..auth import AdminRequired, CsrfFailed, LoginRequired, check_csrf, install_sessions
from . import (
    campaigns,
    companies,
    home,
    hunters,
    inbox,
    leads,
    login,
    results,
    sandbox,
    staff_users,
)
from .ui import page

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


def build_router() -> APIRouter:
    router = APIRouter(prefix="/admin", include_in_schema=False, dependencies=[Depends(check_csrf)])
    for module in (login, home, campaigns, results, inbox, leads, hunters, companies, sandbox, staff_users):
        router.include_router(module.router)
    return router


def _login_redirect(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, LoginRequired)
    target = "/admin/login" + (f"?next={exc.next_url}" if exc.next_url.startswith("/admin/") else "")
    if request.headers.get("HX-Request"):  # htmx follows HX-Redirect with a full page load
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


def _csrf_failed(request: Request, exc: Exception) -> Response:
    return page(
        request,
        "admin/error.html",
        status_code=403,
        title="Skjemaet kunne ikke sendes",
        text="Skjemaet var utløpt eller mangler sikkerhetsnøkkelen. Gå tilbake, last siden på nytt og prøv "
        "igjen. Ingenting ble endret.",
    )


def _admin_required(request: Request, exc: Exception) -> Response:
    return page(
        request,
        "admin/error.html",
        status_code=403,
        title="Bare for administratorer",
        text="Dette kan bare en administrator gjøre. Ingenting ble endret.",
    )


async def _http_error(request: Request, exc: Exception) -> Response:
    """Dashboard pages answer errors with a page in Norwegian; everything else keeps FastAPI's JSON."""
    assert isinstance(exc, StarletteHTTPException)
    if not request.url.path.startswith("/admin") or "session" not in request.scope:
        return await http_exception_handler(request, exc)
    title = {404: "Fant ikke siden", 405: "Ikke tillatt"}.get(exc.status_code, "Noe gikk galt")
    return page(request, "admin/error.html", status_code=exc.status_code, title=title, text=str(exc.detail))


def install(app: FastAPI, *, settings: Settings, db: Database) -> None:
    """Adds sessions, static files, the /admin pages and their error pages to the app."""
    install_sessions(app, settings=settings, db=db)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.include_router(build_router())
    app.add_exception_handler(LoginRequired, _login_redirect)
    app.add_exception_handler(CsrfFailed, _csrf_failed)
    app.add_exception_handler(AdminRequired, _admin_required)
    app.add_exception_handler(StarletteHTTPException, _http_error)

    @app.get("/admin", include_in_schema=False)
    def _admin_root() -> Response:
        return RedirectResponse("/admin/", status_code=307)
