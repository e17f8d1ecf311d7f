"""The registration page `/r/{token}` reads in the language the campaign wrote to the company in: its nynorsk
målform, or the English a campaign fixed; errors and the thank-you page too."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from store.db import Database
from store.models import Channel
from store.models import Company
from store.models import utcnow
from tests.outbox_factories import make_campaign
from tests.outbox_factories import queue_messages
from tests.test_engine import make_company
from tests.test_web_registration import form


def without_trades(page: str) -> str:
    """The page less the trades' and programmes' names: Udir's official Norwegian names, not our texts."""
    return re.sub(r'<fieldset id="trades".*?</fieldset>', "", page, flags=re.S)


def nynorsk_company(db: Database) -> str:
    with db.transaction() as session:
        return make_company(session, language="nn").token or ""


def written_to_in_english(db: Database) -> str:
    """A nynorsk company that an English campaign reached: the campaign's language wins, as in the chat."""
    with db.transaction() as session:
        campaign, step = make_campaign(session, channel=Channel.SMS)
        (message,) = queue_messages(session, campaign=campaign, step=step, count=1)
        message.language, message.sent_at = "en", utcnow()
        company = session.get_one(Company, message.company_id)
        company.language, company.token = "nn", "written-to-in-english-0001"
        return company.token


def test_a_nynorsk_company_reads_the_page_in_nynorsk(client: TestClient, db: Database) -> None:
    token = nynorsk_company(db)
    page = client.get(f"/r/{token}").text
    assert '<html lang="nn">' in page
    assert "Vil Fjord Bygg AS ta inn lærlingar?" in page
    assert "Kan de ta inn vaksne lærlingar?" in page and "Når kan lærlingen byrje? (valfritt)" in page
    assert "Eg samtykkjer i at opplysningane blir lagra" in page
    assert "kampanje frå WorldSkills Norway og fylkeskommunane" in page
    assert not re.search(r"\b(ikke|jeg|lærlinger|hvis|fra)\b", without_trades(page))


def test_a_nynorsk_company_gets_its_errors_and_thanks_in_nynorsk(client: TestClient, db: Database) -> None:
    token = nynorsk_company(db)
    page = client.get(f"/r/{token}").text
    wrong = client.post(f"/r/{token}", data=form(page, places="mange", trades=[], contact_name="x" * 201))
    assert wrong.status_code == 422
    assert "Noko manglar eller er feil" in wrong.text and "Vel minst eitt lærefag." in wrong.text
    assert "Skriv talet på læreplassar som eit tal" in wrong.text
    assert "Kontaktperson: skriv høgst 200 teikn." in wrong.text
    done = client.post(f"/r/{token}", data=form(page))
    assert done.status_code == 200 and "Fjord Bygg AS er registrert. Ein læreplassjeger" in done.text


def test_a_company_written_to_in_english_reads_the_page_in_english(client: TestClient, db: Database) -> None:
    token = written_to_in_english(db)
    page = client.get(f"/r/{token}").text
    assert '<html lang="en">' in page
    assert "Would Fjord Bygg AS like to take on apprentices?" in page
    assert "Can you take on adult apprentices?" in page and ">Contact person<" in page
    assert "Organisation number" in page and "Send</button>" in page
    assert not re.search(r"\b(og|ikke|ikkje|lærlinger|lærlingar|dere|de)\b", without_trades(page))
    wrong = client.post(f"/r/{token}", data=form(page, email="not an address", consent=""))
    assert "The e-mail address is not valid." in wrong.text and "We need your consent" in wrong.text
    done = client.post(f"/r/{token}", data=form(page))
    assert "Fjord Bygg AS is registered. An apprenticeship hunter in your county" in done.text


def test_a_bokmal_company_reads_bokmal(client: TestClient, db: Database) -> None:
    with db.transaction() as session:
        token = make_company(session).token or ""
    page = client.get(f"/r/{token}").text
    assert '<html lang="nb">' in page and "Vil Fjord Bygg AS ta inn lærlinger?" in page
