"""Hostile ids and text on the dashboard's routes: a 4xx that changes nothing, never a 5xx."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy import func
from sqlalchemy import select

from store.db import Database
from store.models import Campaign
from store.models import Lead
from store.models import Message
from store.models import Reply
from store.models import StaffUser
from tests.dashboard_fixtures import csrf_of

FUZZ = hsettings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ids = st.one_of(st.integers(-(2**70), 2**70), st.sampled_from(["0", "-1", "1e3", "٣", "x", "9" * 40]))
texts = st.one_of(st.text(max_size=40), st.sampled_from(["\x00", "a" * 5000, "\u202e", "'; drop table x;--"]))
ROUTES = [
    ("GET", "/admin/campaigns/{id}"),
    ("GET", "/admin/campaigns/{id}/report.csv"),
    ("POST", "/admin/notices/{id}/read"),
    ("POST", "/admin/hunters/{id}/approve"),
    ("POST", "/admin/inbox/{id}/handled"),
    ("POST", "/admin/inbox/{id}/answer"),
    ("POST", "/admin/leads/{id}/reassign"),
    ("POST", "/admin/staff/{id}/unlock"),
    ("POST", "/admin/sandbox/press"),
    ("POST", "/admin/sandbox/reply"),
    ("GET", "/admin/companies/{text}"),
    ("GET", "/admin/sandbox/thread?t={text}"),
    ("GET", "/admin/leads?county={text}&trade={id}"),
]


def counts(db: Database) -> tuple[int, ...]:
    with db.session() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Campaign, Lead, Message, Reply, StaffUser)
        )


@pytest.fixture
def csrf(admin_client: TestClient) -> str:
    return csrf_of(admin_client, "/admin/")


@FUZZ
@given(route=st.sampled_from(ROUTES), some_id=ids, text=texts)
def test_hostile_ids_and_text_on_dashboard_routes_get_a_4xx_and_change_nothing(
    admin_client: TestClient, db: Database, csrf: str, route: tuple[str, str], some_id: object, text: str
) -> None:
    method, template = route
    path = template.format(id=quote(str(some_id), safe=""), text=quote(text, safe=""))
    before = counts(db)
    form = {"csrf_token": csrf, "t": text, "text": text, "message_id": str(some_id), "data": text,
            "hunter_id": str(some_id), "back": text}  # fmt: skip
    response = (
        admin_client.get(path, follow_redirects=False)
        if method == "GET"
        else admin_client.post(path, data=form, follow_redirects=False)
    )
    assert response.status_code < 500, (method, path, response.status_code)
    assert counts(db) == before
