"""Input the database cannot hold is the client's error (400), not ours (500).

Every edge checks what it knows (webhook fields, the registration form, the API's bounded ids), but the
dashboard has dozens of routes taking ids and text; a number past the 32-bit id columns (SQLite raises
OverflowError, PostgreSQL NumericValueOutOfRange) or text the column cannot take (NUL, over-long) fails in the
driver. That failure rolls the request's transaction back, so nothing is half-written; this handler only turns
the answer into a 400 that says what happened, in the staff user's language on dashboard pages and in English
for the API, as the API's other errors are.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI
from fastapi import Request
from fastapi.responses import JSONResponse
from fastapi.responses import Response
from sqlalchemy.exc import DataError
from sqlalchemy.exc import StatementError

from catalogue import text
from store.keyset import BadCursor

log = logging.getLogger(__name__)


def _unstorable(exc: BaseException) -> bool:
    """DataError (PostgreSQL), or an OverflowError that SQLAlchemy or the sqlite3 driver raised on a parameter."""
    if isinstance(exc, DataError | OverflowError):
        return True
    return isinstance(exc, StatementError) and isinstance(exc.orig, OverflowError)


def _bad_input(request: Request, exc: Exception) -> Response:
    if not _unstorable(exc):
        raise exc
    log.warning("Refused input the database cannot hold on %s %s: %s", request.method, request.url.path, exc)
    if request.url.path.startswith("/admin") and "session" in request.scope:
        from web.admin.ui import error_page

        return error_page(request, 400, "admin_error_400", "admin_error_unstorable")
    return JSONResponse({"detail": text("admin_error_unstorable", "en")}, status_code=400)


def _bad_cursor(request: Request, exc: Exception) -> Response:
    """An `after` cursor the list did not give out (store.keyset): 400, in the reader's language on pages."""
    path = request.url.path
    if path.startswith("/admin") and "session" in request.scope:
        from web.admin.ui import error_page

        return error_page(request, 400, "admin_error_400", "cursor_refused")
    if path.startswith("/jeger"):
        from web.portal.ui import page as portal_page

        return portal_page(request, "error.html", status_code=400, message="cursor_refused")
    return JSONResponse({"detail": text("cursor_refused", "en")}, status_code=400)


def install(app: FastAPI) -> None:
    app.add_exception_handler(BadCursor, _bad_cursor)
    for kind in (DataError, OverflowError, StatementError):
        app.add_exception_handler(kind, _bad_input)
