"""Keyset paging (store.keyset) walks a list page by page and returns every row exactly once, ties included."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from stdnum.no import orgnr

from hunters.lead_export import LeadFilter
from hunters.lead_export import lead_page
from hunters.lead_export import lead_rows
from hunters.leads import create_lead
from reports.overview import replies_page
from reports.overview import search_companies
from store.db import Database
from store.keyset import BadCursor
from store.keyset import Key
from store.keyset import Page
from store.keyset import decode
from store.keyset import encode
from store.models import Intent
from store.models import Reply
from store.models import Trade
from store.models import utcnow
from tests.lead_factories import make_company
from tests.lead_factories import make_registration


def _walk(fetch: Callable[[str | None], Page[Any]]) -> list[list[Any]]:
    """The ids of every page, following `next` until the last page."""
    pages, cursor = [], None
    while True:
        found = fetch(cursor)
        pages.append([row["id"] if isinstance(row, dict) else row.id for row in found.rows])
        if found.next is None:
            return pages
        cursor = found.next


def test_replies_received_in_the_same_instant_are_each_paged_once(db: Database) -> None:
    now = utcnow()
    with db.transaction() as session:
        # seven replies in three instants: ties that an order by time alone would shuffle across pages
        moments = [now, now, now, now - timedelta(minutes=1), now - timedelta(minutes=1), now, now]
        replies = [Reply(channel="sms", sender="+4791234567", text=f"svar {i}", received_at=at,
                         intent=Intent.FREE_TEXT) for i, at in enumerate(moments)]  # fmt: skip
        session.add_all(replies)
        session.flush()
        expected = [r.id for r in sorted(replies, key=lambda r: (r.received_at, r.id), reverse=True)]
    with db.session() as session:
        pages = _walk(lambda cursor: replies_page(session, limit=2, cursor=cursor))
    assert [len(p) for p in pages] == [2, 2, 2, 1]
    assert [i for p in pages for i in p] == expected  # each once, newest first, the higher id first in a tie


def test_leads_filtered_by_trade_are_paged_oldest_first_and_each_once(db: Database) -> None:
    with db.transaction() as session:
        carpenter, other = session.get_one(Trade, 1), session.get_one(Trade, 2)
        ids = []
        for i in range(7):
            company = make_company(session, county="55")
            trades = (carpenter.id,) if i % 3 else (other.id,)
            lead = create_lead(
                session, registration_id=make_registration(session, company=company, trades=trades).id
            )
            ids.append((lead.id, i % 3 != 0))
    wanted = LeadFilter(trade=carpenter.name)
    with db.session() as session:
        pages = _walk(lambda cursor: lead_page(session, wanted=wanted, cursor=cursor, limit=2))
        everything = [row["id"] for row in lead_rows(session, wanted=wanted)]
    assert [i for p in pages for i in p] == everything == [lead for lead, kept in ids if kept]
    assert [len(p) for p in pages] == [2, 2]


@pytest.mark.parametrize(
    "cursor",
    ["", "!!", "bm90IGpzb24", "eyJhIjoxfQ", "WyI3Il0", "W3RydWVd", "WzEsMl0", "WyJcdTAwMDAiXQ", "W10" * 200],
)
def test_a_cursor_it_did_not_give_is_refused(cursor: str) -> None:
    with pytest.raises(BadCursor):
        decode(cursor, [Key(Reply.id, int)])


def test_a_cursor_round_trips_times_and_text() -> None:
    keys = [Key(Reply.received_at, type(utcnow())), Key(Reply.text, str), Key(Reply.id, int)]
    values = [utcnow(), "Ærlig talt", 7]
    assert decode(encode(values), keys) == values


def test_the_leads_page_links_the_next_page_and_refuses_a_forged_cursor(
    admin_client: TestClient, db: Database
) -> None:
    with db.transaction() as session:
        # one more than a page; orgnrs of our own (the factory's are fewer)
        numbers = (f"9{n:08d}" for n in range(10_000))
        for number in [n for n in numbers if orgnr.is_valid(n)][:101]:
            company = make_company(session, county="55", orgnr=number)
            create_lead(session, registration_id=make_registration(session, company=company).id)
    first = admin_client.get("/admin/leads?county=55").text
    assert "Neste side" in first and 'rel="next" href="?county=55&amp;after=' in first
    cursor = first.split("after=", 1)[1].split('"', 1)[0]
    second = admin_client.get(f"/admin/leads?county=55&after={cursor}").text
    assert 'rel="next"' not in second and "Til første side" in second and second.count("/reassign") == 1
    forged = admin_client.get("/admin/leads?after=WyJ4Il0")
    assert forged.status_code == 400 and "Lenken til neste side er ugyldig" in forged.text


def test_companies_of_the_same_name_are_each_listed_once_by_name(db: Database) -> None:
    with db.transaction() as session:
        names = ["Berg AS", "Aas AS", "Berg AS", "Berg AS", "Aas AS", "Dal AS", "Berg AS"]
        made = [make_company(session, name=name) for name in names]
        expected = [c.id for c in sorted(made, key=lambda c: (c.name, c.id))]
    with db.session() as session:
        pages = _walk(lambda cursor: search_companies(session, query="as", limit=3, cursor=cursor))
        assert [len(p) for p in pages] == [3, 3, 1]
        assert [i for p in pages for i in p] == expected


def test_the_inbox_pages_waiting_questions_oldest_first(admin_client: TestClient, db: Database) -> None:
    now = utcnow()
    with db.transaction() as session:
        session.add_all(
            Reply(channel="sms", sender="+4791234567", text=f"spørsmål {i}", intent=Intent.FREE_TEXT,
                  received_at=now - timedelta(minutes=30 - i % 3)) for i in range(26)
        )  # fmt: skip
    first = admin_client.get("/admin/inbox").text
    cursor = first.split('rel="next" href="?after=', 1)[1].split('"', 1)[0]
    second = admin_client.get(f"/admin/inbox?after={cursor}").text
    assert first.count('class="card" id="reply-') == 25 and second.count('class="card" id="reply-') == 1
    assert 'rel="next"' not in second
