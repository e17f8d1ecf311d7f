"""Staff authentication for /admin and /api: session cookie, CSRF tokens, roles, API bearer tokens.

The cookie is Starlette's signed session (the key is SECRET_KEY or the one generated into the database, read
on the first request: the app may be built before `jeger init` has run). A login is more than the cookie: it
holds a random session id whose sha256 is a `staff_session` row, checked on every request, so logging out,
deactivating a user or changing a password ends the login for good, even for a copy of the cookie. Every POST
under /admin carries the session's CSRF token, as the form field `csrf_token` or the `X-CSRF-Token` header
(htmx sends the header).
"""

from __future__ import annotations

import asyncio
import hmac
import secrets
from typing import Annotated

from fastapi import Depends
from fastapi import FastAPI
from fastapi import HTTPException
from fastapi import Request
from fastapi.security import HTTPAuthorizationCredentials
from fastapi.security import HTTPBearer
from sqlalchemy.orm import Session
from starlette.middleware.sessions import SessionMiddleware
from starlette.types import ASGIApp
from starlette.types import Receive
from starlette.types import Scope
from starlette.types import Send

from settings import Settings
from staff.scopes import Scope as AccessScope
from staff.scopes import scope_of_staff
from staff.sessions import SESSION_LIFETIME
from staff.sessions import create_session
from staff.sessions import end_session
from staff.sessions import staff_by_session
from staff.tokens import staff_by_token
from store.db import Database
from store.models import StaffRole
from store.models import StaffUser
from store.secrets import secret_key
from web.deps import SessionDep

SESSION_COOKIE = "jeger_session"
SESSION_MAX_AGE = int(SESSION_LIFETIME.total_seconds())
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# The registration form and the hunter portal carry CSRF tokens (and the portal its sign-in) too.
SESSION_PATHS = ("/admin", "/r/", "/jeger")


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


STAFF_LANGUAGE_KEY = "staff_lang"  # not the portal's "lang": one browser may hold both sessions


class AdminRequired(Exception):
    """A staff user tried something only admins may do."""


def log_in(request: Request, session: Session, user: StaffUser) -> None:
    """Starts a fresh session row and cookie, with a new CSRF token: one seen before login is worthless after.
    The caller commits."""
    previous = request.session.get("sid")
    if isinstance(previous, str):  # logging in again in the same browser replaces that login
        end_session(session, previous)
    request.session.clear()
    request.session["sid"] = create_session(session, staff_id=user.id)
    request.session["csrf"] = secrets.token_urlsafe(32)


def log_out(request: Request, session: Session) -> None:
    """Deletes the session row (the caller commits), so the cookie is worthless even if someone kept a copy."""
    session_id = request.session.get("sid")
    if isinstance(session_id, str):
        end_session(session, session_id)
    language = request.session.get(STAFF_LANGUAGE_KEY)
    request.session.clear()
    if language is not None:  # the sign-in page after it speaks the language the user chose
        request.session[STAFF_LANGUAGE_KEY] = language


def _current_staff(request: Request, session: SessionDep) -> StaffUser:
    session_id = request.session.get("sid")
    user = staff_by_session(session, session_id) if isinstance(session_id, str) else None
    if user is None:
        request.session.pop("sid", None)
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        raise LoginRequired(path)
    if session.dirty:
        session.commit()  # keeps last_seen_at
    request.state.staff = user
    if request.session.get(STAFF_LANGUAGE_KEY) != user.language:
        # Kept in the cookie too, for pages answered before any route looks the user up (an unknown path's 404).
        request.session[STAFF_LANGUAGE_KEY] = user.language
    return user


def _admin_staff(user: Annotated[StaffUser, Depends(_current_staff)]) -> StaffUser:
    if user.role != StaffRole.ADMIN:
        raise AdminRequired()
    return user


CurrentStaff = Annotated[StaffUser, Depends(_current_staff)]
AdminStaff = Annotated[StaffUser, Depends(_admin_staff)]


class ScopeRefused(Exception):
    """A county officer opened a page that shows every county (campaigns, results, the inbox, hunters)."""


def _staff_scope(user: CurrentStaff) -> AccessScope:
    return scope_of_staff(user)


def require_whole_scope(scope: Annotated[AccessScope, Depends(_staff_scope)]) -> None:
    """Router dependency for pages that cannot be cut to counties: county officers are refused (403), so such a
    page never shows them another county's companies, replies or results."""
    if not scope.whole:
        raise ScopeRefused()


StaffScope = Annotated[AccessScope, Depends(_staff_scope)]


# --- client address ------------------------------------------------------------------------------------


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


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
            detail="A valid staff API token is required (Authorization: Bearer <token>); "
            "expired and revoked tokens are refused.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if session.dirty:
        session.commit()  # keeps last_used_at (written at most once a minute per token)
    return user


ApiStaff = Annotated[StaffUser, Depends(_api_staff)]


def _api_scope(user: ApiStaff) -> AccessScope:
    return scope_of_staff(user)


ApiScope = Annotated[AccessScope, Depends(_api_scope)]


def require_whole_api_scope(scope: ApiScope) -> None:
    """The API's `require_whole_scope`: routes over every county answer 403 to a county officer's token."""
    if not scope.whole:
        raise HTTPException(403, "This route covers every county; a county officer's token may not use it.")
