"""Per-company identifiers (PRODUCT §4): a short code to reply with and an unguessable link token.

Both are created once and stay the same across campaigns, so a letter from last year still works.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .models import Company

# No 0/O, 1/I/L: a code read off paper and typed into a phone must survive the reading.
SHORT_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SHORT_CODE_LENGTH = 6


def new_short_code() -> str:
    return "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(SHORT_CODE_LENGTH))


def new_token() -> str:
    """43 characters of A–Z a–z 0–9 _ - (256 random bits); fits Telegram's 64-character deep-link payload."""
    return secrets.token_urlsafe(32)


def ensure_identifiers(session: Session, *, company_ids: Iterable[int]) -> int:
    """Gives every listed company that lacks them a short code and a token; returns how many were given.

    Codes are drawn at random and checked against the stored ones in one query per chunk; the rare collision
    with a concurrent writer hits the unique constraint and that chunk is drawn again.
    """
    given = 0
    ids = list(company_ids)
    for start in range(0, len(ids), 1000):
        chunk = ids[start : start + 1000]
        for _attempt in range(5):
            try:
                with session.begin_nested():
                    given += _assign(session, chunk)
                break
            except IntegrityError:
                continue
        else:
            raise RuntimeError("could not draw unique short codes after 5 attempts")
    return given


def _assign(session: Session, chunk: list[int]) -> int:
    missing = session.scalars(
        select(Company.id).where(
            Company.id.in_(chunk), (Company.short_code.is_(None)) | (Company.token.is_(None))
        )
    ).all()
    if not missing:
        return 0
    codes: set[str] = set()
    while len(codes) < len(missing):
        codes.update(new_short_code() for _ in range(len(missing) - len(codes)))
        taken = set(session.scalars(select(Company.short_code).where(Company.short_code.in_(codes))))
        codes -= taken
    rows = [
        {"cid": cid, "code": code, "token": new_token()}
        for cid, code in zip(missing, sorted(codes), strict=True)
    ]
    # One executemany; only rows still without identifiers are touched, so a concurrent assignment stands.
    table: Any = Company.__table__
    session.connection().execute(
        update(table)
        .where(table.c.id == bindparam("cid"), table.c.short_code.is_(None))
        .values(short_code=bindparam("code"), token=bindparam("token")),
        rows,
    )
    return len(rows)


def normalize_short_code(text: str) -> str:
    return text.strip().upper()


def company_by_short_code(session: Session, code: str) -> Company | None:
    return session.scalar(select(Company).where(Company.short_code == normalize_short_code(code)))


def company_by_token(session: Session, token: str) -> Company | None:
    if not token or len(token) > 64:
        return None
    return session.scalar(select(Company).where(Company.token == token))
