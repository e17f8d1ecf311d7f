"""Issue 11 item 3 for what campaigns/ refuses to a person besides the campaign file: a meeting change, a
letter proof, a test message, a preview or report page asked for wrongly, a second sender on SQLite. Each carries its catalogue key and is written in the reader's language
at the edge (`jeger --language`, the staff user's language on the dashboard); `str()` stays bokmål."""

from __future__ import annotations

import html
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from campaigns.dispatch.workers import beat
from campaigns.lifecycle import create_campaign
from campaigns.meetings import MeetingError
from campaigns.meetings import parse_moment
from demo.simulator import demo_campaign_toml
from demo.simulator import seed_companies
from settings import Settings
from store.db import Database
from store.models import utcnow
from tests.conftest import RunCli
from tests.dashboard_fixtures import csrf_of
from tests.test_meeting_api_cli import _meeting_with_a_full_house
from tests.test_wait_reasons import _letter_campaign

NOT_A_TIME = {
    "nb": "«i morgen» er ikke et tidspunkt (ÅÅÅÅ-MM-DDTTT:MM)",
    "nn": "«i morgen» er ikkje eit tidspunkt (ÅÅÅÅ-MM-DDTTT:MM)",
    "en": "“i morgen” is not a time (YYYY-MM-DDTHH:MM)",
}
ENDS_FIRST = {
    "nb": "møtet slutter før det begynner",
    "nn": "møtet sluttar før det byrjar",
    "en": "the meeting ends before it begins",
}


def _read_as(admin_client: TestClient, language: str) -> None:
    """The signed-in staff user chooses the language they read the dashboard in."""
    token = csrf_of(admin_client, "/admin/")
    admin_client.post("/admin/me/language", data={"language": language, "csrf_token": token})


def test_a_meeting_error_is_bokmal_as_a_string_and_any_language_when_written() -> None:
    with pytest.raises(MeetingError) as caught:
        parse_moment("i morgen")
    assert str(caught.value) == NOT_A_TIME["nb"]
    assert [caught.value.text_in(language) for language in NOT_A_TIME] == list(NOT_A_TIME.values())


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_jeger_campaign_meeting_change_refuses_in_the_readers_language(
    cli: RunCli, db: Database, language: str
) -> None:
    campaign_id, event_id = _meeting_with_a_full_house(db)
    change = ("--language", language, "campaign", "meeting", "change", campaign_id, event_id)
    nonsense = cli(*change, "--at", "i morgen")
    assert nonsense.exit_code == 2 and NOT_A_TIME[language] in nonsense.stderr
    backwards = cli(*change, "--ends", "2027-02-10T13:00")
    assert backwards.exit_code == 2 and ENDS_FIRST[language] in backwards.stderr


@pytest.mark.parametrize("language", ["nn", "en"])
def test_a_meeting_change_on_the_dashboard_is_refused_in_the_staff_users_language(
    admin_client: TestClient, db: Database, language: str
) -> None:
    campaign_id, event_id = _meeting_with_a_full_house(db)
    _read_as(admin_client, language)
    token = csrf_of(admin_client, f"/admin/campaigns/{campaign_id}/attendees")
    refused = admin_client.post(
        f"/admin/campaigns/{campaign_id}/events/{event_id}/change",
        data={"csrf_token": token, "ends": "2027-02-10T13:00"},
    )
    assert ENDS_FIRST[language] in html.unescape(refused.text)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nn", "999999999 får ikkje brevet i steget «brev»: finst ikkje i verksemdsregisteret."),
        ("en", "999999999 does not get the letter in the step “brev”: is not in the company register."),
    ],
)
def test_a_letter_proof_for_a_company_without_a_letter_says_why_in_the_staff_users_language(
    admin_client: TestClient, db: Database, settings: Settings, language: str, expected: str
) -> None:
    campaign_id, _ = _letter_campaign(db, settings)
    _read_as(admin_client, language)
    response = admin_client.get(f"/admin/campaigns/{campaign_id}/letter.pdf", params={"orgnr": "999999999"})
    assert response.status_code == 404 and expected in html.unescape(response.text)


def test_jeger_campaign_preview_letter_pdf_refuses_in_the_readers_language(
    cli: RunCli, db: Database, settings: Settings, tmp_path: Path
) -> None:
    campaign_id, _ = _letter_campaign(db, settings)
    target = tmp_path / "brev.pdf"
    refused = cli(
        "--language", "en", "campaign", "preview", campaign_id, "--step", "sms", "--letter-pdf", target
    )
    assert refused.exit_code == 2
    assert "--letter-pdf: The campaign has no step called “sms” (the steps: «brev»)." in refused.stderr


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", "En annen utsender kjører allerede mot denne SQLite-databasen (prosess"),
        ("nn", "Ein annan utsendar køyrer alt mot denne SQLite-databasen (prosess"),
        ("en", "Another sender is already running against this SQLite database (process"),
    ],
)
def test_a_second_worker_on_sqlite_is_refused_in_the_readers_language(
    backend: str, db: Database, cli: RunCli, language: str, expected: str
) -> None:
    with db.transaction() as session:  # another dispatcher in this very process, beating as one does
        beat(session, name="dispatcher", worker_id="other0000001", now=utcnow(), queue=0, in_flight=0)
    result = cli("--language", language, "worker")
    assert result.exit_code == 2 and expected in " ".join(result.stderr.split())


NOT_AN_ADDRESS = {
    "nb": "«hei» er verken et telefonnummer, en e-postadresse eller en Telegram-chat-id.",
    "nn": "«hei» er verken eit telefonnummer, ei e-postadresse eller ein Telegram-chat-id.",
    "en": "“hei” is neither a phone number, an e-mail address nor a Telegram chat id.",
}


@pytest.mark.parametrize("language", list(NOT_AN_ADDRESS))
def test_jeger_campaign_test_and_preview_refuse_in_the_readers_language(
    cli: RunCli, db: Database, settings: Settings, language: str
) -> None:
    campaign_id, _ = _letter_campaign(db, settings)
    refused = cli("--language", language, "campaign", "test", campaign_id, "--to", "hei")
    assert refused.exit_code == 2 and NOT_AN_ADDRESS[language] in refused.stderr
    unknown = cli("--language", language, "campaign", "preview", campaign_id, "--step", "finnes")
    no_such_step = {
        "nb": f"Kampanje {campaign_id} har ikke noe steg som heter «finnes» (stegene: brev).",
        "nn": f"Kampanje {campaign_id} har ikkje noko steg som heiter «finnes» (stega: brev).",
        "en": f"Campaign {campaign_id} has no step called “finnes” (the steps: brev).",
    }
    assert unknown.exit_code == 2 and no_such_step[language] in unknown.stderr


@pytest.mark.parametrize(
    ("language", "expected"),
    [("nn", "7 dagar etter førre steg"), ("en", "7 days after the step before")],
)
def test_the_dashboard_preview_says_when_a_later_step_goes_in_the_staff_users_language(
    admin_client: TestClient, db: Database, settings: Settings, language: str, expected: str
) -> None:
    seed_companies(db, count=5, seed=3)
    with db.transaction() as session:
        campaign_id = create_campaign(
            session,
            source=demo_campaign_toml(utcnow() + timedelta(days=1), name="Seinare"),
            filename="seinare.toml",
            settings=settings,
        ).campaign.id
    _read_as(admin_client, language)
    page = admin_client.get(f"/admin/campaigns/{campaign_id}/preview").text
    assert expected in page
    bad_page = admin_client.get(f"/admin/campaigns/{campaign_id}/report", params={"after": "x"})
    not_a_page = {
        "nn": "«x» er ikkje ei side i rapporten",
        "en": "“x” is not a page of the report",
    }
    assert bad_page.status_code == 400 and not_a_page[language] in html.unescape(bad_page.text)


@pytest.mark.parametrize("language", ["nn", "en"])
def test_a_preview_problem_is_written_in_the_readers_language(
    db: Database, settings: Settings, language: str
) -> None:
    from cli import Context
    from cli import app

    campaign_id, _ = _letter_campaign(db, settings)
    # SMS goes live through Twilio with no number to print: the letters cannot say where to text.
    live = settings.model_copy(update={"twilio_account_sid": "AC1", "twilio_auth_token": "t"})
    result = CliRunner().invoke(
        app, ["--language", language, "campaign", "preview", str(campaign_id)], obj=Context(settings=live)
    )
    expected = {
        "nn": "SMS går via Twilio, men verken SMS_REPLY_NUMBER eller TWILIO_FROM er sett",
        "en": "SMS goes through Twilio, but neither SMS_REPLY_NUMBER nor TWILIO_FROM is set",
    }
    assert result.exit_code == 2 and expected[language] in " ".join(result.stderr.split())
