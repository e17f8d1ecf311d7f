"""GET|POST /r/{token}: the personal registration page, without JavaScript."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from settings import Settings
from store.db import Database
from store.models import Lead
from store.models import Registration
from store.models import RegistrationSource
from tests.test_engine import make_company
from web.app import create_app


@pytest.fixture
def token(db: Database) -> str:
    with db.transaction() as session:
        company = make_company(session, email="post@fjord.no", business_city="Tromsø")
        return company.token or ""


def csrf(page: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match
    return match.group(1)


def form(page: str, **override: object) -> dict[str, object]:
    data: dict[str, object] = {
        "csrf_token": csrf(page),
        "contact_name": "Kari Nordmann",
        "phone": "912 34 567",
        "email": "kari@fjord.no",
        "trades": ["1", "12"],
        "places": "2",
        "adult": "ja",
        "start": "august 2027",
        "consent": "ja",
    }
    data.update(override)
    return data


def test_the_page_is_prefilled_from_the_register(client: TestClient, token: str) -> None:
    page = client.get(f"/r/{token}")
    assert page.status_code == 200 and "Fjord Bygg AS" in page.text
    assert 'value="post@fjord.no"' in page.text and 'name="viewport"' in page.text


def test_a_company_registers_and_becomes_a_lead(client: TestClient, token: str, db: Database) -> None:
    page = client.get(f"/r/{token}").text
    done = client.post(f"/r/{token}", data=form(page))
    assert done.status_code == 200 and "er registrert" in done.text
    with db.session() as session:
        registration = session.scalars(select(Registration)).one()
        assert registration.source is RegistrationSource.WEB and registration.completed_at
        assert registration.phone == "+4791234567" and {t.id for t in registration.trades} == {1, 12}
        assert session.scalar(select(Lead.registration_id)) == registration.id


def test_errors_are_shown_where_they_are_and_valid_input_is_kept(
    client: TestClient, token: str, db: Database
) -> None:
    page = client.get(f"/r/{token}").text
    response = client.post(f"/r/{token}", data=form(page, places="mange", trades=[], consent=""))
    assert response.status_code == 422
    assert (
        "Skriv antall læreplasser som et tall" in response.text and "Velg minst ett lærefag" in response.text
    )
    assert 'value="Kari Nordmann"' in response.text
    with db.session() as session:
        assert session.scalars(select(Registration)).first() is None


def test_a_post_without_csrf_is_refused(client: TestClient, token: str, db: Database) -> None:
    client.get(f"/r/{token}")
    response = client.post(
        f"/r/{token}", data={**form(client.get(f"/r/{token}").text), "csrf_token": "forged"}
    )
    assert response.status_code == 403
    with db.session() as session:
        assert session.scalars(select(Registration)).first() is None


@pytest.mark.parametrize("bad", ["nope", "x" * 65, "a" * 43])
def test_unknown_or_malformed_tokens_get_a_friendly_404(client: TestClient, bad: str) -> None:
    response = client.get(f"/r/{bad}")
    assert response.status_code == 404 and "Vi fant ikke denne lenken" in response.text


def test_posting_is_rate_limited_per_address(client: TestClient, token: str) -> None:
    page = client.get(f"/r/{token}").text
    codes = [client.post(f"/r/{token}", data=form(page, places="x")).status_code for _ in range(12)]
    assert codes[:10] == [422] * 10 and codes[-1] == 429


def test_the_form_page_is_rate_limited_too_but_more_generously(
    settings: Settings, db: Database, token: str
) -> None:
    from web.registration import RegistrationLimits

    app = create_app(settings, db=db)
    app.state.registration_limits = RegistrationLimits(get=5, post=2)
    with TestClient(app) as client:
        assert [client.get(f"/r/{token}").status_code for _ in range(6)] == [200] * 5 + [429]
        assert client.get("/r/nope").status_code == 429  # per address, whatever the page
    second = create_app(settings, db=db)  # another web process on the same database shares the count
    second.state.registration_limits = RegistrationLimits(get=5, post=2)
    with TestClient(second) as other:
        assert other.get(f"/r/{token}").status_code == 429
    with TestClient(second, client=("10.1.2.3", 50000)) as someone_else:
        assert someone_else.get(f"/r/{token}").status_code == 200


def test_the_limiter_forgets_addresses_whose_window_has_passed(db: Database) -> None:
    from datetime import timedelta

    from sqlalchemy import func

    from staff import throttle
    from store.models import Throttle
    from store.models import utcnow
    from web.registration import RateLimiter

    start = utcnow() + timedelta(days=30)  # ahead of any sweep this process did before
    limiter = RateLimiter("test", 2, 60.0)
    for n in range(50):
        assert limiter.allow(db, f"10.0.0.{n}", now=start)
    assert limiter.allow(db, "10.9.9.9", now=start) and limiter.allow(db, "10.9.9.9", now=start)
    assert not limiter.allow(db, "10.9.9.9", now=start)
    assert limiter.allow(db, "10.9.9.9", now=start + timedelta(seconds=61))  # a new window for it
    later = start + throttle.KEEP_FOR + timedelta(minutes=1)
    assert limiter.allow(db, "10.9.9.9", now=later)  # sweeps whatever nobody touched for a day
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Throttle)) == 1


def test_a_repeated_post_updates_the_one_registration_and_tells_hunters_once(
    client: TestClient, token: str, db: Database
) -> None:
    from tests.lead_factories import make_hunter
    from tests.lead_factories import notifications

    with db.transaction() as session:
        make_hunter(session, all_trades=True)
    page = client.get(f"/r/{token}").text
    assert client.post(f"/r/{token}", data=form(page)).status_code == 200
    again = client.post(f"/r/{token}", data=form(page, places="3", contact_name="Kari Hansen"))
    assert again.status_code == 200
    with db.session() as session:
        registration = session.scalars(select(Registration)).one()
        assert (registration.places, registration.contact_name) == (3, "Kari Hansen")
        assert session.scalars(select(Lead)).one().registration_id == registration.id
        assert len(notifications(session)) == 1


def test_a_trade_value_with_unicode_digits_is_ignored_not_a_500(client: TestClient, token: str) -> None:
    page = client.get(f"/r/{token}").text
    response = client.post(f"/r/{token}", data=form(page, trades=["²", "٣"]))
    assert response.status_code == 422 and "Velg minst ett lærefag" in response.text


def test_the_page_shows_nothing_an_unverified_chat_said_and_never_completes_its_registration(
    client: TestClient, token: str, db: Database, settings: Settings
) -> None:
    """A stranger who typed the orgnr in a chat registered first (PRODUCT §12): the personal link's page does
    not show the stranger's name or number, and sending it makes the company's own registration."""
    from bot.engine import Inbound
    from bot.engine import handle_inbound

    for n, text in enumerate(("JA", "974760673", "Ola Fremmed")):
        with db.transaction() as session:
            handle_inbound(
                session,
                inbound=Inbound(channel="sms", sender="+4740000001", text=text, provider_id=f"x{n}"),
                settings=settings,
            )
    page = client.get(f"/r/{token}")
    assert "Ola Fremmed" not in page.text and "40000001" not in page.text
    sent = client.post(f"/r/{token}", data=form(page.text), follow_redirects=False)
    assert sent.status_code in (200, 303)
    with db.session() as session:
        stranger, own = session.scalars(select(Registration).order_by(Registration.id)).all()
        assert (stranger.contact_name, stranger.verified, stranger.completed_at) == (
            "Ola Fremmed",
            False,
            None,
        )
        assert (own.contact_name, own.verified, own.source) == ("Kari Nordmann", True, RegistrationSource.WEB)
        assert session.scalars(select(Lead.registration_id)).all() == [own.id]
