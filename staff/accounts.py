"""Staff accounts: argon2 passwords and the password check (PRODUCT §9, §12).

Domain only: the web layer (`web.auth`, `staff.login`) and the CLI (`jeger staff ...`) call these. Callers
commit. Failed logins never lock an account here: a stranger who knows the address could then lock the real
user out from anywhere. Slowing guesses down is `staff.login`'s job, per account and client.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError
from argon2.exceptions import VerificationError
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue import DEFAULT_LANGUAGE
from catalogue import LANGUAGES
from catalogue.phrases import Refusal
from companies.emails import normalize_email as valid_email
from staff.sessions import end_all_sessions
from staff.tokens import revoke_all_tokens
from store.models import County
from store.models import StaffRole
from store.models import StaffUser
from store.models import utcnow

MIN_PASSWORD = 10

_hasher = PasswordHasher()
# Verified against when the e-mail is unknown, so a wrong address takes as long as a wrong password.
_DUMMY_HASH = _hasher.hash("not-a-real-password")


class StaffError(Refusal, ValueError):
    """Bad input for a staff operation, said in the reader's language (`text_in`; catalogue.refusals)."""


def normalize_email(email: str) -> str:
    return email.strip().lower()


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise StaffError("staff_password_short", minimum=MIN_PASSWORD)
    return _hasher.hash(password)


def add_staff(
    session: Session,
    *,
    email: str,
    role: StaffRole,
    password: str,
    name: str | None = None,
    counties: list[str] | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> StaffUser:
    """Creates a staff account; an e-mail that exists already is an error (use set_password).

    With `counties` the account is a county officer (PRODUCT §2): role staff, scoped to those counties
    (`staff.scopes`). An admin sees everything, so an admin with counties is refused rather than half-scoped."""
    address = valid_email(email)
    if address is None:
        raise StaffError("staff_email_invalid", email=email.strip()[:80])
    _check_language(language)
    if staff_by_email(session, address) is not None:
        raise StaffError("staff_email_taken", email=address)
    scoped = counties is not None
    if scoped and role != StaffRole.STAFF:
        raise StaffError("staff_counties_for_staff_only")
    chosen = _counties(session, counties or []) if scoped else []
    user = StaffUser(
        email=address,
        role=role,
        name=name,
        password_hash=hash_password(password),
        county_officer=scoped,
        language=language,
    )
    user.counties = chosen
    session.add(user)
    session.flush()
    return user


def _counties(session: Session, numbers: list[str]) -> list[County]:
    if not numbers:
        raise StaffError("staff_county_needed")
    found = {c.number: c for c in session.scalars(select(County).where(County.number.in_(numbers)))}
    unknown = [n for n in numbers if n not in found]
    if unknown:
        raise StaffError("staff_county_unknown", numbers=", ".join(sorted(set(unknown))))
    return [found[n] for n in sorted(set(numbers))]


def role_of(user: StaffUser) -> str:
    """The role as staff read it: `county` for a county officer, else the stored role."""
    return "county" if user.county_officer and user.role == StaffRole.STAFF else user.role.value


def set_password(session: Session, *, staff_id: int, password: str, now: datetime | None = None) -> None:
    """Sets a new password. Whoever knew the old one is shut out: every session ends and every API token of
    the user is revoked (a token made with a stolen password must not outlive the password)."""
    user = session.get(StaffUser, staff_id)
    if user is None:
        raise StaffError("staff_no_such_user", id=staff_id)
    user.password_hash = hash_password(password)
    user.failed_logins = 0
    user.locked_until = None
    end_all_sessions(session, staff_id=staff_id)
    revoke_all_tokens(session, staff_id=staff_id, now=now)
    session.flush()


def staff_by_email(session: Session, email: str) -> StaffUser | None:
    return session.scalar(select(StaffUser).where(StaffUser.email == normalize_email(email)))


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
        raise StaffError("staff_no_such_user", id=staff_id)
    if not active and user.role == StaffRole.ADMIN and user.active and count_admins(session) <= 1:
        raise StaffError("staff_last_admin")
    user.active = active
    if not active:
        end_all_sessions(session, staff_id=staff_id)
    session.flush()
    return user


def set_language(session: Session, *, staff_id: int, language: str) -> StaffUser:
    """The language the dashboard and the CLI speak to this user in."""
    _check_language(language)
    user = session.get(StaffUser, staff_id)
    if user is None:
        raise StaffError("staff_no_such_user", id=staff_id)
    user.language = language
    session.flush()
    return user


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise StaffError("staff_language_unknown", chosen=language[:10], languages=", ".join(LANGUAGES))


class LoginStatus(StrEnum):
    OK = "ok"
    WRONG = "wrong"  # unknown e-mail, wrong password, or deactivated: the page says the same for all
    LOCKED = "locked"  # locked by an administrator's hand (`locked_until`); the page says the same as WRONG


@dataclass(frozen=True)
class LoginResult:
    status: LoginStatus
    user: StaffUser | None = None


def authenticate(session: Session, *, email: str, password: str, now: datetime | None = None) -> LoginResult:
    """Checks a password. Every path hashes once (a dummy hash for unknown addresses, the real one even for a
    locked account), so the answer's timing tells as little as its text. Callers commit."""
    now = now or utcnow()
    user = staff_by_email(session, email)
    if user is None or not user.active or not user.password_hash:
        _verify(_DUMMY_HASH, password)
        return LoginResult(LoginStatus.WRONG)
    correct = _verify(user.password_hash, password)
    if user.locked_until is not None and user.locked_until > now:
        return LoginResult(LoginStatus.LOCKED)
    if not correct:
        user.failed_logins += 1  # for `jeger staff list`; it locks nothing
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
