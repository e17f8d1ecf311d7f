"""Password-less sign-in for hunter members (PRODUCT §10, §12): a one-time link by e-mail or a six-digit code by
SMS, sent through the outbox like every other message (so the sandbox shows them in the demo).

What a stranger can learn or cost us is bounded here, not in the web form:
- the answer to a request is the same whether the address belongs to a member or not; only the rate limits
  (which count every address alike) change it;
- requests are counted per address, per client and in total per hour, in the database every web process shares
  (`staff.throttle`): an open SMS-code form is a classic way to run up a texting bill;
- a link works once, for 15 minutes; a code dies after 5 wrong tries or 15 minutes, and a new code voids the
  old one; wrong codes are counted per client too, so one client cannot try many numbers' codes.
Only sha256 digests of links and codes are stored. A code's digest includes the member id, so equal codes of
two members differ.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from enum import StrEnum

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from catalogue import DEFAULT_LANGUAGE
from catalogue import known_language
from catalogue import text
from companies.phones import normalize_phone
from hunters.member_sessions import may_sign_in
from hunters.notify import enqueue_notice
from staff import throttle
from staff.accounts import normalize_email
from staff.sessions import token_digest
from store.models import Channel
from store.models import HunterMember
from store.models import MemberLogin
from store.models import utcnow

LINK_LIFETIME = timedelta(minutes=15)
CODE_LIFETIME = timedelta(minutes=15)
CODE_TRIES = 5
WINDOW = timedelta(hours=1)
PER_ADDRESS = 5  # sign-in messages to one address per hour: enough for a lost e-mail or two
PER_CLIENT = 10  # requests from one client per hour, whatever the addresses
IN_TOTAL = 300  # requests per hour from everyone together: a ceiling on what a flood can cost in SMS
CODE_GUESSES_PER_CLIENT = 20  # wrong codes from one client per hour, over all numbers
MAX_ADDRESS = 320


class RequestOutcome(StrEnum):
    ACCEPTED = "accepted"  # sent if the address is a member's; the same answer either way
    THROTTLED = "throttled"
    INVALID = "invalid"  # neither an e-mail address nor a phone number


@dataclass(frozen=True)
class SignInRequest:
    outcome: RequestOutcome
    by_sms: bool = False
    address: str = ""  # normalised: the code form carries the phone number on
    retry_after: timedelta = timedelta(0)


def _address_key(address: str) -> str:
    return "member-login:" + hashlib.sha256(address.encode()).hexdigest()[:40]


def parse_address(raw: str) -> tuple[str, bool] | None:
    """(normalised address, is a phone) for an e-mail address or phone number, else None."""
    raw = raw.strip()
    if not raw or len(raw) > MAX_ADDRESS:
        return None
    if "@" in raw:
        email = normalize_email(raw)
        local, _, domain = email.partition("@")
        if not local or "." not in domain or any(c.isspace() for c in email):
            return None
        return email, False
    phone = normalize_phone(raw)
    return (phone, True) if phone else None


def request_sign_in(
    session: Session,
    *,
    address: str,
    client: str,
    base_url: str,
    language: str = DEFAULT_LANGUAGE,
    now: datetime | None = None,
) -> SignInRequest:
    """Sends a sign-in link (e-mail) or code (SMS) to every member with this address, if the limits allow, in
    the language the form was read in.
    Callers commit, also when nothing was sent (the counts must stand)."""
    now = now or utcnow()
    language = known_language(language)
    parsed = parse_address(address)
    if parsed is None:
        return SignInRequest(RequestOutcome.INVALID)
    clean, by_sms = parsed
    limits = (
        (_address_key(clean), PER_ADDRESS),
        ("member-login-client:" + client[:100], PER_CLIENT),
        ("member-login-total", IN_TOTAL),
    )
    for key, limit in limits:
        if throttle.hit(session, key=key, window=WINDOW, now=now) > limit:
            wait = throttle.window_left(session, key=key, window=WINDOW, now=now)
            return SignInRequest(RequestOutcome.THROTTLED, by_sms, clean, retry_after=wait)
    for member in members_with_address(session, clean, by_sms=by_sms):
        if by_sms:
            _send_code(session, member=member, phone=clean, language=language, now=now)
        else:
            _send_link(session, member=member, email=clean, base_url=base_url, language=language, now=now)
    return SignInRequest(RequestOutcome.ACCEPTED, by_sms, clean)


def members_with_address(session: Session, address: str, *, by_sms: bool) -> list[HunterMember]:
    column = HunterMember.phone if by_sms else func.lower(HunterMember.email)
    found = session.scalars(
        select(HunterMember)
        .where(column == address, HunterMember.removed_at.is_(None))
        .order_by(HunterMember.id)
    )
    return [m for m in found if may_sign_in(m)]


def issue_link(session: Session, *, member_id: int, now: datetime | None = None) -> str:
    """A fresh sign-in link token for the member (only its digest is stored), sent by nobody: `request_sign_in`
    mails it; the benchmark signs a member in with it through the portal's own /jeger/inn page. Callers commit."""
    now = now or utcnow()
    token = secrets.token_urlsafe(32)
    session.add(
        MemberLogin(
            member_id=member_id, kind="link", secret_hash=token_digest(token), created_at=now,
            expires_at=now + LINK_LIFETIME,
        )
    )  # fmt: skip
    return token


def _send_link(
    session: Session, *, member: HunterMember, email: str, base_url: str, language: str, now: datetime
) -> None:
    token = issue_link(session, member_id=member.id, now=now)
    url = f"{base_url.rstrip('/')}/jeger/inn/{token}"
    enqueue_notice(
        session,
        channel=Channel.EMAIL,
        address=email,
        subject=text("portal_login_email_subject", language),
        text=text("portal_login_email_body", language, name=member.name, org=member.hunter.org_name, url=url),
        hunter_id=member.hunter_id,
        language=language,
    )


def _code_digest(member_id: int, code: str) -> str:
    return token_digest(f"{member_id}:{code}")


def _send_code(session: Session, *, member: HunterMember, phone: str, language: str, now: datetime) -> None:
    session.execute(
        update(MemberLogin)
        .where(MemberLogin.member_id == member.id, MemberLogin.kind == "code", MemberLogin.used_at.is_(None))
        .values(used_at=now)
    )  # a new code voids the old: only the one just sent works
    code = f"{secrets.randbelow(1_000_000):06d}"
    session.add(
        MemberLogin(
            member_id=member.id, kind="code", secret_hash=_code_digest(member.id, code), created_at=now,
            expires_at=now + CODE_LIFETIME,
        )
    )  # fmt: skip
    enqueue_notice(
        session,
        channel=Channel.SMS,
        address=phone,
        text=text("portal_login_sms", language, code=code, org=member.hunter.org_name),
        hunter_id=member.hunter_id,
        language=language,
    )


def _use(session: Session, row: MemberLogin, now: datetime) -> HunterMember | None:
    """Marks the secret used by a conditional UPDATE, so two tabs (or two processes) cannot both use it."""
    result = session.execute(
        update(MemberLogin)
        .where(MemberLogin.id == row.id, MemberLogin.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    if getattr(result, "rowcount", 0) != 1:
        return None
    member = session.get(HunterMember, row.member_id)
    return member if member is not None and may_sign_in(member) else None


def sign_in_with_link(session: Session, *, token: str, now: datetime | None = None) -> HunterMember | None:
    """The member a live, unused link signs in (and the link is then spent), else None. Callers commit."""
    now = now or utcnow()
    if not token or len(token) > 100:
        return None
    row = session.scalar(
        select(MemberLogin).where(MemberLogin.secret_hash == token_digest(token), MemberLogin.kind == "link")
    )
    if row is None or row.used_at is not None or row.expires_at <= now:
        return None
    return _use(session, row, now)


def link_is_live(session: Session, *, token: str, now: datetime | None = None) -> bool:
    """Whether the link would still sign in (for the page that asks to press the button, without spending it:
    mail scanners open links, and must not use them up)."""
    now = now or utcnow()
    if not token or len(token) > 100:
        return False
    row = session.scalar(
        select(MemberLogin).where(MemberLogin.secret_hash == token_digest(token), MemberLogin.kind == "link")
    )
    return row is not None and row.used_at is None and row.expires_at > now


class CodeOutcome(StrEnum):
    OK = "ok"
    WRONG = "wrong"  # wrong, expired, used up, or no code for this number: one answer for all
    THROTTLED = "throttled"


@dataclass(frozen=True)
class CodeResult:
    outcome: CodeOutcome
    member: HunterMember | None = None
    retry_after: timedelta = timedelta(0)


def sign_in_with_code(
    session: Session, *, phone: str, code: str, client: str, now: datetime | None = None
) -> CodeResult:
    """Checks a six-digit code for a phone number; each wrong try counts against the number's live codes and
    against the client. Callers commit, also after a failure."""
    now = now or utcnow()
    client_key = "member-code-client:" + client[:100]
    wait = throttle.wait_at_limit(
        session, key=client_key, window=WINDOW, limit=CODE_GUESSES_PER_CLIENT, now=now
    )
    if wait > timedelta(0):
        return CodeResult(CodeOutcome.THROTTLED, retry_after=wait)
    number = normalize_phone(phone.strip()[:40])
    digits = code.strip().replace(" ", "")
    live = []
    if number is not None:
        members = {m.id for m in members_with_address(session, number, by_sms=True)}
        live = list(
            session.scalars(
                select(MemberLogin).where(
                    MemberLogin.member_id.in_(members),
                    MemberLogin.kind == "code",
                    MemberLogin.used_at.is_(None),
                    MemberLogin.expires_at > now,
                    MemberLogin.attempts < CODE_TRIES,
                )
            )
        )
    if len(digits) == 6 and digits.isascii() and digits.isdigit():
        for row in live:
            if hmac.compare_digest(row.secret_hash, _code_digest(row.member_id, digits)):
                member = _use(session, row, now)
                if member is not None:
                    return CodeResult(CodeOutcome.OK, member)
    for row in live:
        row.attempts += 1
    throttle.hit(session, key=client_key, window=WINDOW, now=now)
    session.flush()
    return CodeResult(CodeOutcome.WRONG)
