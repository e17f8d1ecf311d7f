"""Staff authentication for /admin and /api: session cookie, CSRF tokens, roles, API bearer tokens.

Sessions are Starlette's signed cookies; the key is SECRET_KEY or the one generated into the database, read on
the first request (the app may be built before `jeger init` has run). Every POST under /admin carries the
session's CSRF token, as the form field `csrf_token` or the `X-CSRF-Token` header (htmx sends the header).
"""

from __future__ import annotations

import asyncio
import hmac
import secrets
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from settings import Settings
from store.db import Database
from store.models import StaffRole, StaffUser
from store.secrets import secret_key
from store.staff import staff_by_token

from .deps import SessionDep

SESSION_COOKIE = "jeger_session"
SESSION_MAX_AGE = 12 * 60 * 60  # a working day; staff log in again the next morning
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SESSION_PATHS = ("/admin", "/r/")  # the public registration form carries a CSRF token too


class LazySessionMiddleware:
    """SessionMiddleware whose signing key is read from the database on first use, not at import."""

    def __init__(self, app: ASGIApp, *, settings: Settings, db: Database) -> None:
        self.app = app
        self.settings = settings
        self.db = db
        self._inner: SessionMiddleware | None = None
        self._lock = asyncio.Lock()

    def _key(self) -> str:
        with self.db.session() as session:
            return secret_key(session, self.settings.secret_key)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(SESSION_PATHS):
            # Webhooks, the API and health checks carry no session (and must answer while the DB is down).
            await self.app(scope, receive, send)
            return
        if self._inner is None:
            async with self._lock:
                if self._inner is None:
                    key = self.settings.secret_key or await asyncio.to_thread(self._key)
                    self._inner = SessionMiddleware(
                        self.app,
                        secret_key=str(key),
                        session_cookie=SESSION_COOKIE,
                        max_age=SESSION_MAX_AGE,
                        same_site="lax",
                        https_only=self.settings.public_base_url.startswith("https://"),
                    )
        await self._inner(scope, receive, send)


def install_sessions(app: FastAPI, *, settings: Settings, db: Database) -> None:
    app.add_middleware(LazySessionMiddleware, settings=settings, db=db)


# --- CSRF -----------------------------------------------------------------------------------------------


class CsrfFailed(Exception):
    """A POST without the session's CSRF token: answered with a 403 page, nothing changed."""


def csrf_token(request: Request) -> str:
    """The session's CSRF token, created on first use (also for the anonymous login page)."""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return str(token)


async def check_csrf(request: Request) -> None:
    """Router dependency: every non-GET request must echo the session's token."""
    if request.method in SAFE_METHODS:
        return
    expected = request.session.get("csrf")
    given = request.headers.get(CSRF_HEADER)
    if not given:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            given = value if isinstance(value, str) else None
    if not expected or not given or not hmac.compare_digest(str(expected), given):
        raise CsrfFailed()


# --- logged-in staff ------------------------------------------------------------------------------------


class LoginRequired(Exception):
    """No valid session: the handler redirects to the login page and comes back afterwards."""

    def __init__(self, next_url: str) -> None:
        super().__init__(next_url)
        self.next_url = next_url


class AdminRequired(Exception):
    """A staff user tried something only admins may do."""


def log_in(request: Request, user: StaffUser) -> None:
    """Starts a fresh session: a new CSRF token, so one seen before login is worthless after."""
    request.session.clear()
    request.session["staff_id"] = user.id
    request.session["csrf"] = secrets.token_urlsafe(32)


def log_out(request: Request) -> None:
    request.session.clear()


def _current_staff(request: Request, session: SessionDep) -> StaffUser:
    staff_id = request.session.get("staff_id")
    user = session.get(StaffUser, staff_id) if isinstance(staff_id, int) else None
    if user is None or not user.active:
        request.session.pop("staff_id", None)
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(path)
    request.state.staff = user
    return user


def _admin_staff(user: Annotated[StaffUser, Depends(_current_staff)]) -> StaffUser:
    if user.role != StaffRole.ADMIN:
        raise AdminRequired()
    return user


CurrentStaff = Annotated[StaffUser, Depends(_current_staff)]
AdminStaff = Annotated[StaffUser, Depends(_admin_staff)]


# --- API bearer tokens ----------------------------------------------------------------------------------

_bearer = HTTPBearer(auto_error=False, description="A staff API token from `jeger staff token EMAIL`.")


def _api_staff(
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> StaffUser:
    user = staff_by_token(session, credentials.credentials) if credentials else None
    if user is None:
        raise HTTPException(
            status_code=401,
            detail="A valid staff API token is required (Authorization: Bearer <token>).",
            headers={"WWW-Authenticate": "Bearer"},
        )
    session.commit()  # keeps last_used_at
    return user


ApiStaff = Annotated[StaffUser, Depends(_api_staff)]
