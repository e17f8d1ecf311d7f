"""Hostile posts to the registration form /r/{token}: never a 5xx, and a registration is saved whole or not at all."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy import func
from sqlalchemy import select

from settings import Settings
from store.db import Database
from store.models import Lead
from store.models import Registration
from tests.test_engine import make_company
from web.app import create_app
from web.registration import RegistrationLimits

FUZZ = hsettings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FIELDS = ["contact_name", "phone", "email", "trades", "places", "adult", "start", "consent"]
VALID = {
    "contact_name": "Kari Nordmann",
    "phone": "912 34 567",
    "email": "kari@fjord.no",
    "trades": "1",
    "places": "2",
    "adult": "ja",
    "start": "august 2027",
    "consent": "ja",
}
# The values a script sends and a person never types come first and most often: NUL, text past every column,
# numbers past 32 bits, unicode digits, header injection.
hostile_text = st.one_of(
    st.sampled_from(
        ["\x00", "Kari\x00", "9" * 30, "1e9", "²", "-1", "a@b@c", "x@y.no\r\nBcc: z", "ja", "nei"]
    ),
    st.builds(lambda c, n: c * n, st.sampled_from(["a", "9", "\x00", "æ", "@"]), st.integers(60, 3000)),
    st.text(max_size=30),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=200),
)


@st.composite
def hostile_forms(draw: st.DrawFn) -> list[tuple[str, str]]:
    """A valid registration with some fields replaced, dropped or repeated with hostile values."""
    pairs = list(VALID.items())
    for name in draw(st.lists(st.sampled_from(FIELDS), min_size=1, max_size=4)):
        action = draw(st.sampled_from(["replace", "drop", "repeat"]))
        if action == "drop":
            pairs = [(k, v) for k, v in pairs if k != name]
        elif action == "replace":
            pairs = [(k, v) for k, v in pairs if k != name] + [(name, draw(hostile_text))]
        else:
            pairs += [(name, draw(hostile_text)) for _ in range(draw(st.integers(1, 30)))]
    pairs += draw(st.lists(st.tuples(st.text(max_size=10), hostile_text), max_size=3))
    return pairs


@pytest.fixture
def form_client(settings: Settings, db: Database) -> Iterator[tuple[TestClient, str, str]]:
    with db.transaction() as session:
        token = make_company(session).token or ""
    app = create_app(settings, db=db)
    app.state.registration_limits = RegistrationLimits(get=10**6, post=10**6)
    with TestClient(app, raise_server_exceptions=False) as client:
        page = client.get(f"/r/{token}").text
        found = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert found
        yield client, token, found.group(1)


def _snapshot(db: Database) -> tuple[Any, ...]:
    with db.session() as session:
        registration = session.scalars(select(Registration)).first()
        fields = (
            None
            if registration is None
            else (registration.contact_name, registration.phone, registration.email, registration.places,
                  registration.start, sorted(t.id for t in registration.trades))
        )  # fmt: skip
        return (
            session.scalar(select(func.count()).select_from(Registration)),
            session.scalar(select(func.count()).select_from(Lead)),
            fields,
        )


@FUZZ
@given(pairs=hostile_forms(), encoding=st.sampled_from(["urlencoded", "multipart", "latin-1"]))
def test_hostile_registration_forms_get_200_400_or_422_and_save_whole_or_nothing(
    form_client: tuple[TestClient, str, str], db: Database, pairs: list[tuple[str, str]], encoding: str
) -> None:
    client, token, csrf = form_client
    pairs = [("csrf_token", csrf), *pairs]
    before = _snapshot(db)
    if encoding == "multipart":
        response = client.post(
            f"/r/{token}", files=[(k, (None, v.encode("utf-8", "surrogatepass"))) for k, v in pairs]
        )
    else:
        body = urlencode(pairs, encoding="utf-8" if encoding == "urlencoded" else "latin-1", errors="replace")
        response = client.post(
            f"/r/{token}", content=body, headers={"Content-Type": "application/x-www-form-urlencoded"}
        )
    assert response.status_code in (200, 400, 413, 422), (response.status_code, response.text[:300])
    after = _snapshot(db)
    if response.status_code == 200:
        assert "er registrert" in response.text
        count, leads, saved = after
        assert count == 1 and leads == 1 and saved is not None
        assert saved[0] and (saved[1] or saved[2]) and saved[3] and saved[5]  # whole: name, address, places
    else:
        assert after == before  # refused: the registration is exactly as it was


@FUZZ
@given(
    body=st.binary(max_size=400),
    content_type=st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "multipart/form-data",
            "application/json",
            "text/plain",
            "",
        ]
    ),
)
def test_raw_bytes_posted_to_the_form_never_get_a_5xx_or_save_anything(
    form_client: tuple[TestClient, str, str], db: Database, body: bytes, content_type: str
) -> None:
    client, token, _csrf = form_client
    before = _snapshot(db)
    response = client.post(f"/r/{token}", content=body, headers={"Content-Type": content_type})
    assert response.status_code in (400, 403, 413, 422), (response.status_code, response.text[:300])
    assert _snapshot(db) == before


def test_a_form_field_too_long_for_its_column_is_named_not_a_500(
    form_client: tuple[TestClient, str, str], db: Database
) -> None:
    client, token, csrf = form_client
    data = {**VALID, "csrf_token": csrf, "email": "a" * 400 + "@fjord.no", "contact_name": "Kari\x00"}
    response = client.post(f"/r/{token}", data=data)
    assert response.status_code == 422
    assert "E-post: skriv høyst 320 tegn." in response.text
    assert "Kontaktperson: inneholder tegn som ikke kan lagres." in response.text
    assert _snapshot(db)[0] == 0
