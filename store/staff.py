"""Staff accounts: argon2 passwords, login with lock-out, and API tokens (PRODUCT §9).

Domain only: the web layer (`web.auth`) and the CLI (`jeger staff ...`) call these. Callers commit.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import ApiToken, StaffRole, StaffUser, utcnow

MAX_FAILURES = 5
LOCK_FOR = timedelta(minutes=15)
MIN_PASSWORD = 10
TOKEN_PREFIX = "lpj_"

_hasher = PasswordHasher()
# Verified against when the e-mail is unknown, so a wrong address takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


class StaffError(ValueError):
    """Bad input for a staff operation; the message says what, in English for the CLI."""


def normalize_email(email: str) -> str:
    return email.strip().lower()


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise StaffError(f"password too short: at least {MIN_PASSWORD} characters")
    return _hasher.hash(password)


def add_staff(
    session: Session, *, email: str, role: StaffRole, password: str, name: str | None = None
) -> StaffUser:
    """Creates a staff account; an e-mail that exists already is an error (use set_password)."""
    address = normalize_email(email)
    if "@" not in address or address.startswith("@") or address.endswith("@"):
        raise StaffError(f"not an e-mail address: {email!r}")
    if staff_by_email(session, address) is not None:
        raise StaffError(f"staff user {address} exists already")
    user = StaffUser(email=address, role=role, name=name, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, *, staff_id: int, password: str) -> None:
    user = session.get(StaffUser, staff_id)
    if user is None:
        raise StaffError(f"no staff user with id {staff_id}")
    user.password_hash = hash_password(password)
    user.failed_logins = 0
    user.locked_until = None
    session.flush()


def staff_by_email(session: Session, email: str) -> StaffUser | None:
    return session.scalar(select(StaffUser).where(StaffUser.email == normalize_email(email)))


def list_staff(session: Session) -> list[StaffUser]:
    return list(session.scalars(select(StaffUser).order_by(StaffUser.email)))


def count_admins(session: Session) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(StaffUser)
            .where(StaffUser.role == StaffRole.ADMIN, StaffUser.active.is_(True))
        )
        or 0
    )


def set_active(session: Session, *, staff_id: int, active: bool) -> StaffUser:
    """Deactivates or reactivates an account; the last active admin cannot be deactivated."""
    user = session.get(StaffUser, staff_id)
    if user is None:
        raise StaffError(f"no staff user with id {staff_id}")
    if not active and user.role == StaffRole.ADMIN and user.active and count_admins(session) <= 1:
        raise StaffError("the last active admin cannot be deactivated")
    user.active = active
    session.flush()
    return user


class LoginStatus(StrEnum):
    OK = "ok"
    WRONG = "wrong"  # unknown e-mail, wrong password, or deactivated: the page says the same for all
    LOCKED = "locked"


@dataclass(frozen=True)
class LoginResult:
    status: LoginStatus
    user: StaffUser | None = None
    locked_until: datetime | None = None


def authenticate(session: Session, *, email: str, password: str, now: datetime | None = None) -> LoginResult:
    """Checks a password; five failures in a row lock the account for fifteen minutes. Callers commit."""
    now = now or utcnow()
    user = staff_by_email(session, email)
    if user is None or not user.active or not user.password_hash:
        _verify(_DUMMY_HASH, password)
        return LoginResult(LoginStatus.WRONG)
    if user.locked_until is not None and user.locked_until > now:
        return LoginResult(LoginStatus.LOCKED, locked_until=user.locked_until)
    if not _verify(user.password_hash, password):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILURES:
            user.failed_logins = 0
            user.locked_until = now + LOCK_FOR
            session.flush()
            return LoginResult(LoginStatus.LOCKED, locked_until=user.locked_until)
        session.flush()
        return LoginResult(LoginStatus.WRONG)
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    user.failed_logins = 0
    user.locked_until = None
    user.last_login_at = now
    session.flush()
    return LoginResult(LoginStatus.OK, user=user)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_api_token(session: Session, *, staff_id: int, name: str | None = None) -> str:
    """Returns a new token once; only its sha256 is stored, so a lost token is replaced, never recovered."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(staff_id=staff_id, token_hash=token_digest(token), name=name))
    session.flush()
    return token


def staff_by_token(session: Session, token: str, *, now: datetime | None = None) -> StaffUser | None:
    """The active staff user owning this token, or None; records when the token was last used."""
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == token_digest(token)))
    if row is None:
        return None
    user = session.get(StaffUser, row.staff_id)
    if user is None or not user.active:
        return None
    row.last_used_at = now or utcnow()
    session.flush()
    return user
