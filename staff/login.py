"""A login attempt with throttles that a stranger elsewhere cannot turn against the real user (PRODUCT §12).

Failures are counted per (account, client address): after FREE_FAILURES from one client, that client waits
before it may try that account again, one minute, then two, four, ... up to an hour. The real user on
another client is never affected. On top, one client failing on any accounts more than CLIENT_LIMIT times in
CLIENT_WINDOW is refused before any password is checked, so spraying guesses over many accounts is slow too.
Both counters live in the database (`staff.throttle`): every web process shares them.

The key is the hash of the typed address, known account or not, so the throttle behaves the same for an
address that has no account: it tells nothing about which accounts exist.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from staff import throttle
from staff.accounts import LoginStatus
from staff.accounts import StaffError
from staff.accounts import authenticate
from staff.accounts import normalize_email
from store.models import StaffUser
from store.models import Throttle
from store.models import utcnow

FREE_FAILURES = 5  # per account and client before the delays begin: enough for typos
FIRST_DELAY = timedelta(minutes=1)
MAX_DELAY = timedelta(hours=1)
FAILURE_MEMORY = timedelta(days=1)  # an (account, client) pair quiet this long starts again from zero
CLIENT_LIMIT = 10  # failures from one client over all accounts ...
CLIENT_WINDOW = timedelta(minutes=15)  # ... in this window


class Outcome(StrEnum):
    OK = "ok"
    REFUSED = "refused"  # unknown, wrong, deactivated or locked: one text for all
    THROTTLED = "throttled"  # this client must wait; the same for known and unknown addresses


@dataclass(frozen=True)
class LoginAttempt:
    outcome: Outcome
    user: StaffUser | None = None
    retry_after: timedelta = timedelta(0)


def _account_prefix(email: str) -> str:
    return "login:" + hashlib.sha256(normalize_email(email).encode()).hexdigest()[:40] + ":"


def _account_key(email: str, client: str) -> str:
    return _account_prefix(email) + client[:100]


def _client_key(client: str) -> str:
    return "login-client:" + client[:100]


def delay_after(failures: int) -> timedelta:
    """The wait after the n-th failure in a row from one client at one account: none for the first few."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(MAX_DELAY, FIRST_DELAY * 2 ** (failures - FREE_FAILURES))


def attempt_login(
    session: Session, *, email: str, password: str, client: str, now: datetime | None = None
) -> LoginAttempt:
    """Checks throttles, then the password; records the outcome. Callers commit (also after a failure)."""
    now = now or utcnow()
    account_key, client_key = _account_key(email, client), _client_key(client)
    wait = max(
        throttle.blocked_for(session, key=account_key, now=now),
        throttle.wait_at_limit(session, key=client_key, window=CLIENT_WINDOW, limit=CLIENT_LIMIT, now=now),
    )
    if wait > timedelta(0):
        return LoginAttempt(Outcome.THROTTLED, retry_after=wait)
    result = authenticate(session, email=email, password=password, now=now)
    if result.status is LoginStatus.OK and result.user is not None:
        throttle.clear(session, key=account_key)
        return LoginAttempt(Outcome.OK, user=result.user)
    failures = throttle.hit(session, key=account_key, window=FAILURE_MEMORY, now=now)
    throttle.hit(session, key=client_key, window=CLIENT_WINDOW, now=now)
    delay = delay_after(failures)
    if delay > timedelta(0):
        throttle.block(session, key=account_key, until=now + delay)
    return LoginAttempt(Outcome.REFUSED)


def unlock(session: Session, *, staff_id: int) -> StaffUser:
    """Lifts every wait on the account, on every client, and any lock an administrator set: for staff who
    cannot wait."""
    user = session.get(StaffUser, staff_id)
    if user is None:
        raise StaffError("staff_no_such_user", id=staff_id)
    user.failed_logins = 0
    user.locked_until = None
    throttle.clear_prefix(session, prefix=_account_prefix(user.email))
    session.flush()
    return user


def throttled_accounts(session: Session, *, emails: list[str], now: datetime) -> set[str]:
    """Which of `emails` some client now waits to try, in one query over the blocked throttle rows (for the
    staff lists, which would otherwise ask once per account)."""
    by_prefix = {_account_prefix(email): email for email in emails}
    width = len(_account_prefix(""))  # every account prefix has the same length
    keys = session.scalars(
        select(Throttle.key).where(Throttle.key.like("login:%"), Throttle.blocked_until > now)
    )
    return {by_prefix[key[:width]] for key in keys if key[:width] in by_prefix}
