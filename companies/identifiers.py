"""Per-company identifiers (PRODUCT §4): a short code to reply with and an unguessable link token.

Both are created once and stay the same across campaigns, so a letter from last year still works.
"""

from __future__ import annotations

import base64
import secrets
import struct
from collections.abc import Iterable
from datetime import UTC

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from store.bulk import in_values
from store.db import savepoint
from store.models import SQLITE_DATETIME
from store.models import Company
from store.models import utcnow

# No 0/O, 1/I/L: a code read off paper and typed into a phone must survive the reading.
SHORT_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SHORT_CODE_LENGTH = 6
CHUNK = 5000

# A code is three pairs of characters: one random number below 31**6 picks all three.
_PAIRS = tuple(a + b for a in SHORT_CODE_ALPHABET for b in SHORT_CODE_ALPHABET)
_BASE = len(_PAIRS)
_SPACE = _BASE**3
assert SHORT_CODE_LENGTH == 6


def _code(number: int) -> str:
    return _PAIRS[number // (_BASE * _BASE)] + _PAIRS[number // _BASE % _BASE] + _PAIRS[number % _BASE]


def new_short_codes(count: int) -> list[str]:
    """`count` codes from one read of the system's random source (launching a campaign needs 100,000).

    Each code takes 64 random bits modulo 31**6: the bias of that mapping is below 1e-10, and no draw is
    rejected."""
    numbers = struct.unpack(f"<{count}Q", secrets.token_bytes(8 * count))
    return [_code(number % _SPACE) for number in numbers]


def new_tokens(count: int) -> list[str]:
    """`count` tokens of 43 characters of A–Z a–z 0–9 _ - (fits Telegram's 64-character deep-link payload),
    cut from one base64 text: 33 random bytes make 44 characters, of which a token takes 43 (258 random bits)."""
    text = base64.urlsafe_b64encode(secrets.token_bytes(33 * count)).decode("ascii")
    return [text[i : i + 43] for i in range(0, 44 * count, 44)]


def ensure_identifiers(session: Session, *, company_ids: Iterable[int]) -> int:
    """Gives every listed company that lacks them a short code and a token; returns how many were given.

    Codes are drawn at random and checked against the stored ones in one query per chunk; the rare collision
    with a concurrent writer hits the unique constraint and that chunk is drawn again.
    """
    given = 0
    ids = list(company_ids)
    dialect = session.get_bind().dialect.name
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for _attempt in range(5):
            try:
                with savepoint(session):
                    given += _assign(session, chunk, dialect)
                break
            except IntegrityError:
                continue
        else:
            raise RuntimeError("could not draw unique short codes after 5 attempts")
    return given


def _assign(session: Session, chunk: list[int], dialect: str) -> int:
    # Filtered here, not in SQL: SQLite would answer "short_code IS NULL OR token IS NULL" from those two
    # indexes, which hold every company on a first launch, instead of looking the chunk up by id.
    rows = session.execute(
        select(Company.id, Company.short_code, Company.token).where(
            in_values(Company.id, chunk, dialect=dialect)
        )
    ).tuples()
    missing = [cid for cid, code, token in rows if code is None or token is None]
    if not missing:
        return 0
    codes: set[str] = set()
    while len(codes) < len(missing):
        fresh = set(new_short_codes(len(missing) - len(codes))) - codes
        taken = session.scalars(
            select(Company.short_code).where(in_values(Company.short_code, list(fresh), dialect=dialect))
        )
        codes |= fresh.difference(taken)
    tokens = new_tokens(len(missing))
    # Only rows still without identifiers are touched, so a concurrent assignment stands.
    connection = session.connection()
    now = utcnow()
    if dialect == "postgresql":
        # One statement per chunk: an executemany would cost a round trip per company.
        connection.exec_driver_sql(
            "UPDATE company SET short_code = v.code, token = v.token, updated_at = %s "
            "FROM unnest(%s::integer[], %s::text[], %s::text[]) AS v(id, code, token) "
            "WHERE company.id = v.id AND company.short_code IS NULL",
            (now, list(missing), sorted(codes), tokens),
        )
    else:  # SQLite: an executemany inside the one transaction is as fast as a single statement
        stamp = now.astimezone(UTC).strftime(SQLITE_DATETIME)
        connection.exec_driver_sql(
            "UPDATE company SET short_code = ?, token = ?, updated_at = ? WHERE id = ? AND short_code IS NULL",
            [
                (code, token, stamp, cid)
                for cid, code, token in zip(missing, sorted(codes), tokens, strict=True)
            ],
        )
    return len(missing)


def normalize_short_code(text: str) -> str:
    return text.strip().upper()


def company_by_token(session: Session, token: str) -> Company | None:
    if not token or len(token) > 64:
        return None
    return session.scalar(select(Company).where(Company.token == token))
