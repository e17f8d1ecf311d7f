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
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from companies.emails import normalize_email as valid_email

from .models import ApiToken, StaffRole, StaffSession, StaffUser, utcnow

MAX_FAILURES = 5
LOCK_FOR = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(hours=12)  # a working day; staff log in again the next morning
SEEN_EVERY = timedelta(minutes=5)  # last_seen_at is written at most this often (one write, not one per page)
MIN_PASSWORD = 10
TOKEN_PREFIX = "lpj_"

_hasher = PasswordHasher()
# Verified against when the e-mail is unknown, so a wrong address takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


class StaffError(ValueError):
    """Bad input for a staff operation; the message is the Norwegian sentence the CLI and dashboard show."""


def normalize_email(email: str) -> str:
    return email.strip().lower()


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise StaffError(f"Passordet er for kort: det må ha minst {MIN_PASSWORD} tegn.")
    return _hasher.hash(password)


def add_staff(
    session: Session, *, email: str, role: StaffRole, password: str, name: str | None = None
) -> StaffUser:
    """Creates a staff account; an e-mail that exists already is an error (use set_password)."""
    address = valid_email(email)
    if address is None:
        raise StaffError(f"«{email.strip()[:80]}» er ikke en gyldig e-postadresse.")
    if staff_by_email(session, address) is not None:
        raise StaffError(f"Det finnes allerede en bruker med e-postadressen {address}.")
    user = StaffUser(email=address, role=role, name=name, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    return user


def set_password(session: Session, *, staff_id: int, password: str) -> None:
    user = session.get(StaffUser, staff_id)
    if user is None:
        raise StaffError(f"Fant ingen bruker med nummer {staff_id}.")
    user.password_hash = hash_password(password)
    user.failed_logins = 0
    user.locked_until = None
    end_all_sessions(session, staff_id=staff_id)  # whoever knew the old password is logged out
    session.flush()


def unlock(session: Session, *, staff_id: int) -> StaffUser:
    """Lifts a lock-out now, for staff who cannot wait the fifteen minutes."""
    user = session.get(StaffUser, staff_id)
    if user is None:
        raise StaffError(f"Fant ingen bruker med nummer {staff_id}.")
    user.failed_logins = 0
    user.locked_until = None
    session.flush()
    return user


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
        raise StaffError(f"Fant ingen bruker med nummer {staff_id}.")
    if not active and user.role == StaffRole.ADMIN and user.active and count_admins(session) <= 1:
        raise StaffError("Den siste aktive administratoren kan ikke deaktiveres.")
    user.active = active
    if not active:
        end_all_sessions(session, staff_id=staff_id)
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


# --- dashboard sessions ---------------------------------------------------------------------------------
# The cookie carries a random session id; the table keeps only its sha256, so a stolen database does not
# give working cookies, and deleting the row ends the session whatever the browser still holds.


def create_session(session: Session, *, staff_id: int, now: datetime | None = None) -> str:
    """Starts a dashboard session and returns its id (for the cookie); expired rows are swept on the way."""
    now = now or utcnow()
    session.execute(delete(StaffSession).where(StaffSession.expires_at <= now))
    session_id = secrets.token_urlsafe(32)
    session.add(
        StaffSession(
            id_hash=token_digest(session_id),
            staff_id=staff_id,
            created_at=now,
            last_seen_at=now,
            expires_at=now + SESSION_LIFETIME,
        )
    )
    session.flush()
    return session_id


def staff_by_session(session: Session, session_id: str, *, now: datetime | None = None) -> StaffUser | None:
    """The active staff user of a live session, or None (unknown, expired, ended, or user deactivated)."""
    now = now or utcnow()
    row = session.get(StaffSession, token_digest(session_id))
    if row is None or row.expires_at <= now:
        return None
    user = session.get(StaffUser, row.staff_id)
    if user is None or not user.active:
        return None
    if now - row.last_seen_at >= SEEN_EVERY:
        row.last_seen_at = now  # left unflushed: the caller sees it in `session.dirty` and commits
    return user


def end_session(session: Session, session_id: str) -> None:
    session.execute(delete(StaffSession).where(StaffSession.id_hash == token_digest(session_id)))


def end_all_sessions(session: Session, *, staff_id: int) -> int:
    result = session.execute(delete(StaffSession).where(StaffSession.staff_id == staff_id))
    return int(getattr(result, "rowcount", 0) or 0)


def live_sessions(session: Session, *, staff_id: int, now: datetime | None = None) -> int:
    now = now or utcnow()
    return (
        session.scalar(
            select(func.count())
            .select_from(StaffSession)
            .where(StaffSession.staff_id == staff_id, StaffSession.expires_at > now)
        )
        or 0
    )
