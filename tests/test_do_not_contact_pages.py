"""Do-not-contact as the pages show it: the dashboard says the company said STOPP and when; the company's own
registration link still works (coming back is not outreach), while closed units stay refused."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select

from bot.engine import Inbound
from bot.engine import handle_inbound
from settings import Settings
from store.db import Database
from store.models import Company
from store.models import Registration
from tests.test_engine import MOBILE
from tests.test_engine import make_company


def said_stopp(db: Database, settings: Settings) -> Company:
    with db.transaction() as session:
        company = make_company(session, email="post@fjord.no")
    with db.transaction() as session:
        handle_inbound(
            session,
            inbound=Inbound(channel="sms", sender=MOBILE, text="STOPP", provider_id="SM-stopp"),
            settings=settings,
        )
    with db.session() as session:
        stored = session.get(Company, company.id)
        assert stored is not None and stored.do_not_contact_at is not None
        session.expunge(stored)
        return stored


def test_the_company_page_says_it_said_stopp_and_how(
    admin_client: TestClient, db: Database, settings: Settings
) -> None:
    company = said_stopp(db, settings)
    page = admin_client.get(f"/admin/companies/{company.orgnr}").text
    assert re.search(r"Kontaktes ikke \(har sagt STOPP \d\d\.\d\d\.\d{4} \d\d:\d\d via SMS\)", page), page
    listing = admin_client.get(f"/admin/companies?q={company.orgnr}").text
    assert 'title="har sagt STOPP">Kontaktes ikke' in listing


def test_a_company_that_said_stopp_can_still_register_on_its_own_link(
    client: TestClient, db: Database, settings: Settings
) -> None:
    company = said_stopp(db, settings)
    page = client.get(f"/r/{company.token}")
    assert page.status_code == 200 and "Fjord Bygg AS" in page.text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token
    done = client.post(
        f"/r/{company.token}",
        data={
            "csrf_token": token.group(1),
            "contact_name": "Kari Nordmann",
            "phone": "912 34 567",
            "email": "kari@fjord.no",
            "trades": ["1"],
            "places": "1",
            "adult": "nei",
            "start": "august 2027",
            "consent": "ja",
        },
    )
    assert done.status_code == 200 and "er registrert" in done.text
    with db.session() as session:
        assert session.scalar(select(Registration.company_id)) == company.id
        stored = session.get(Company, company.id)
        assert stored is not None and stored.never_contact  # registering is not consent to outreach


def test_a_bankrupt_company_link_is_still_refused(client: TestClient, db: Database) -> None:
    with db.transaction() as session:
        company = make_company(session, bankrupt=True)
        token = company.token
    assert client.get(f"/r/{token}").status_code == 404


def test_a_company_that_said_stopp_can_still_start_its_telegram_link(
    db: Database, settings: Settings
) -> None:
    from bot import telegram_chat as chat
    from bot.telegram_chat import TelegramInbound
    from store.models import utcnow

    company = said_stopp(db, settings)
    with db.transaction() as session:
        answers = chat.start(
            session,
            TelegramInbound("8675309", 1, f"/start {company.token}", None, [company.token or ""], utcnow()),
            settings,
        )
    said = " ".join(a.text for a in answers)
    assert "Fjord Bygg AS" in said and "konkurs" not in said
