"""Staff accounts moved to the top-level `staff` package; this module keeps `from store.staff import ...` working
for code written before the move (and for branches merged after it)."""

from staff.accounts import (
    MIN_PASSWORD,
    LoginResult,
    LoginStatus,
    StaffError,
    add_staff,
    authenticate,
    count_admins,
    hash_password,
    list_staff,
    normalize_email,
    set_active,
    set_password,
    staff_by_email,
)
from staff.login import unlock
from staff.sessions import (
    SEEN_EVERY,
    SESSION_LIFETIME,
    create_session,
    end_all_sessions,
    end_session,
    live_sessions,
    staff_by_session,
    token_digest,
)
from staff.tokens import TOKEN_PREFIX, create_api_token, staff_by_token

__all__ = [
    "MIN_PASSWORD",
    "SEEN_EVERY",
    "SESSION_LIFETIME",
    "TOKEN_PREFIX",
    "LoginResult",
    "LoginStatus",
    "StaffError",
    "add_staff",
    "authenticate",
    "count_admins",
    "create_api_token",
    "create_session",
    "end_all_sessions",
    "end_session",
    "hash_password",
    "list_staff",
    "live_sessions",
    "normalize_email",
    "set_active",
    "set_password",
    "staff_by_email",
    "staff_by_session",
    "staff_by_token",
    "token_digest",
    "unlock",
]
