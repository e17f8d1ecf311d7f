"""API tokens: named, listed, revocable one by one, optionally expiring, all revoked by a password change.

Only a token's sha256 is stored; the token itself is shown once. A revoked token keeps its row (with
`revoked_at`), so the list can say what became of it and a leaked token's name can still be traced.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from catalogue.phrases import Refusal
from staff.sessions import token_digest
from store.models import ApiToken
from store.models import StaffUser
from store.models import utcnow

TOKEN_PREFIX = "lpj_"
USED_EVERY = timedelta(minutes=1)  # last_used_at is written at most this often: one write, not one per call
MAX_NAME = 100


class TokenError(Refusal, ValueError):
    """Bad input for a token operation, said in the reader's language (`text_in`; catalogue.refusals)."""


@dataclass(frozen=True)
class TokenInfo:
    """What `jeger staff tokens` shows of a token: never the token, which is not kept."""

    id: int
    name: str | None
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None


def create_api_token(
    session: Session,
    *,
    staff_id: int,
    name: str | None = None,
    expires_in: timedelta | None = None,
    now: datetime | None = None,
) -> str:
    """Returns a new token once; only its sha256 is stored, so a lost token is replaced, never recovered."""
    now = now or utcnow()
    if expires_in is not None and expires_in <= timedelta(0):
        raise TokenError("token_at_least_a_day")
    clean = (name or "").strip() or None
    if clean is not None and len(clean) > MAX_NAME:
        raise TokenError("token_name_too_long", maximum=MAX_NAME)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(
        ApiToken(
            staff_id=staff_id,
            token_hash=token_digest(token),
            name=clean,
            created_at=now,
            expires_at=now + expires_in if expires_in is not None else None,
        )
    )
    session.flush()
    return token


def list_api_tokens(session: Session, *, staff_id: int) -> list[TokenInfo]:
    """The user's tokens that are not revoked (expired ones too: their date says why they stopped), oldest
    first."""
    rows = session.scalars(
        select(ApiToken)
        .where(ApiToken.staff_id == staff_id, ApiToken.revoked_at.is_(None))
        .order_by(ApiToken.id)
    )
    return [TokenInfo(r.id, r.name, r.created_at, r.last_used_at, r.expires_at) for r in rows]


def revoke_api_token(session: Session, *, token_id: int, now: datetime | None = None) -> ApiToken:
    """Revokes one token at once (the next API call with it gets 401); unknown or revoked ids are errors."""
    row = session.get(ApiToken, token_id)
    if row is None or row.revoked_at is not None:
        raise TokenError("token_no_such", id=token_id)
    row.revoked_at = now or utcnow()
    session.flush()
    return row


def revoke_all_tokens(session: Session, *, staff_id: int, now: datetime | None = None) -> int:
    result = session.execute(
        update(ApiToken)
        .where(ApiToken.staff_id == staff_id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=now or utcnow())
    )
    return int(getattr(result, "rowcount", 0) or 0)


def staff_by_token(session: Session, token: str, *, now: datetime | None = None) -> StaffUser | None:
    """The active staff user owning this live token, or None (unknown, revoked, expired, or user deactivated).

    Records when the token was last used, at most once a minute, so a busy script costs no write per call."""
    now = now or utcnow()
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == token_digest(token)))
    if row is None or row.revoked_at is not None:
        return None
    if row.expires_at is not None and row.expires_at <= now:
        return None
    user = session.get(StaffUser, row.staff_id)
    if user is None or not user.active:
        return None
    if row.last_used_at is None or now - row.last_used_at >= USED_EVERY:
        row.last_used_at = now  # left unflushed: the caller sees it in `session.dirty` and commits
    return user
