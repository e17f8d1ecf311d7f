"""How many SQL statements one inbound SMS costs, counted by a SQLAlchemy event listener: every round trip of
the webhook's transaction is time bench/inbound.py measures against a bare insert (issue 14). The counts are
pinned, so a new look-up in the engine's common paths shows up here with its reason to be."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy import func
from sqlalchemy import select

from bot.sms import handle_sms
from settings import Settings
from store.db import Database
from store.models import Contact
from store.models import Reply
from tests.lead_factories import make_company

MOBILE = "+4791234567"  # the company's own mobile
STRANGER = "+4798765432"  # nobody's contact
_sids = itertools.count(1)


@contextmanager
def counted(db: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def sms(db: Database, settings: Settings, body: str, sender: str) -> list[str]:
    """The statements of one webhook's transaction, as web.twilio_sms runs it."""
    with counted(db) as statements, db.transaction() as session:
        handle_sms(session, form={"From": sender, "Body": body, "MessageSid": f"SM{next(_sids):032x}"}, settings=settings)  # fmt: skip
    return statements


@pytest.fixture
def code(db: Database) -> str:
    with db.transaction() as session:
        company = make_company(session, mobile=MOBILE)
        assert company.short_code
        return company.short_code


@pytest.mark.parametrize(
    ("body", "sender", "expected"),
    [
        # the reply, the conversation bump (which also tells whether the sender is a company's own address),
        # the claim of the day's one acknowledgement, the answer
        ("Hva koster det?", STRANGER, 4),
        # the reply (stored with the intent its text alone has: no UPDATE after), the bump, the answer
        ("HJELP", STRANGER, 3),
        # the reply, the bump, the address's opt-out, the answer
        ("Stopp.", STRANGER, 4),
        # and the company by the sender with its latest outreach, its registrations (one query), the new one
        # and its flow
        ("JA", MOBILE, 8),
        # the company by its code instead, and the sender as its new contact
        ("ja {code}", STRANGER, 9),
        # the company with its latest outreach, the opt-out, the do-not-contact mark, the conversation's binding
        ("STOPP", MOBILE, 8),
    ],
)
def test_an_inbound_sms_costs_a_pinned_number_of_statements(
    db: Database, settings: Settings, code: str, body: str, sender: str, expected: int
) -> None:
    statements = sms(db, settings, body.format(code=code.lower()), sender)
    assert len(statements) == expected, "\n".join(statements)


def test_a_sender_recognised_by_its_own_address_is_not_looked_up_again(
    db: Database, settings: Settings, code: str
) -> None:
    statements = sms(db, settings, "JA", MOBILE)
    assert not [s for s in statements if "FROM contact" in s and not s.lstrip().startswith("INSERT")]
    assert not [s for s in statements if s.lstrip().startswith("INSERT INTO contact")]
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 1
        assert session.scalar(select(Reply.company_id)) is not None
