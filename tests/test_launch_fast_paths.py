"""The shortcuts that make materialising a 100,000-company step fast give the same answers as the plain way."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import insert
from sqlalchemy import select

from campaigns.sms_text import GSM7_BASIC
from campaigns.sms_text import GSM7_EXTENSION
from campaigns.sms_text import analyse
from campaigns.sms_text import normalize_and_analyse
from campaigns.sms_text import normalize_sms
from companies.identifiers import SHORT_CODE_ALPHABET
from companies.identifiers import ensure_identifiers
from companies.identifiers import new_short_codes
from companies.identifiers import new_tokens
from store.bulk import in_values
from store.db import Database
from store.models import Company


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Hei Bedrift AS! Svar JA K7MX2P, eller se https://example.no/r/abc_-123",
        "Ærlig talt, Øystein på Åsen: æøå\r\nny linje\rog en til",
        "ΔΦΓΛΩΠΨΣΘΞ er grunnleggende GSM-7, men ikke Latin-1",
        "Pris 100 € {[~]}|^\\",
        "Typografiske «sitater» – og … en no-break\u00a0space",
        "Café Müller ç 👋",
        "x" * 160,
        "x" * 161,
        "æ" * 400 + "\r\n",
        "`backtick´ og\ttab",
    ],
)
def test_normalize_and_analyse_is_normalize_then_analyse(text: str) -> None:
    expected = normalize_sms(text)
    assert normalize_and_analyse(text) == (expected, analyse(expected))


def test_normalize_and_analyse_agrees_for_every_single_character() -> None:
    for char in GSM7_BASIC + GSM7_EXTENSION + "`´\t\u00a0\u2013€ç\x00\x7f":
        text = f"a{char}b" * 60
        expected = normalize_sms(text)
        assert normalize_and_analyse(text) == (expected, analyse(expected)), repr(char)


def test_bulk_short_codes_and_tokens_have_the_documented_shape() -> None:
    codes = new_short_codes(5000)
    assert all(len(code) == 6 and set(code) <= set(SHORT_CODE_ALPHABET) for code in codes)
    assert len(set(codes)) > 4990  # 31**6 codes: a few repeats at most (ensure_identifiers removes them)
    tokens = new_tokens(5000)
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{43}", token) for token in tokens)
    assert len(set(tokens)) == 5000


def _companies(db: Database, count: int) -> list[int]:
    with db.transaction() as session:
        session.execute(
            insert(Company),
            [{"orgnr": f"{900000000 + n}", "name": f"Bedrift {n} AS"} for n in range(count)],
        )
        return list(session.scalars(select(Company.id).order_by(Company.id)))


def test_in_values_finds_exactly_the_listed_rows(db: Database) -> None:
    ids = _companies(db, 30)
    wanted = [*ids[::3], 10**9]  # one that does not exist
    with db.session() as session:
        dialect = session.get_bind().dialect.name
        found = session.scalars(select(Company.id).where(in_values(Company.id, wanted, dialect=dialect)))
        assert sorted(found) == ids[::3]
        names = session.scalars(
            select(Company.name).where(in_values(Company.orgnr, ["900000001", "900000002"], dialect=dialect))
        )
        assert sorted(names) == ["Bedrift 1 AS", "Bedrift 2 AS"]
        assert (
            session.scalars(select(Company.id).where(in_values(Company.id, [], dialect=dialect))).all() == []
        )


def test_ensure_identifiers_gives_unique_ones_over_many_chunks_and_keeps_existing(db: Database) -> None:
    ids = _companies(db, 12_000)
    with db.transaction() as session:
        assert ensure_identifiers(session, company_ids=ids[:10]) == 10
    with db.session() as session:
        first = dict(
            session.execute(select(Company.id, Company.token).where(Company.id.in_(ids[:10]))).tuples().all()
        )
    with db.transaction() as session:
        assert ensure_identifiers(session, company_ids=ids) == len(ids) - 10
        assert ensure_identifiers(session, company_ids=ids) == 0
    with db.session() as session:
        rows = session.execute(select(Company.id, Company.short_code, Company.token)).tuples().all()
    assert len({code for _, code, _ in rows}) == len({token for _, _, token in rows}) == len(ids)
    assert all(code and token for _, code, token in rows)
    assert {cid: token for cid, _, token in rows if cid in first} == first
