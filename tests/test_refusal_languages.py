"""Issue 11 item 3 for the domain's refusals to staff (catalogue.refusals): staff accounts and API keys, merging
registrations, moving a lead, the sandbox on a live channel, input the database cannot hold. The CLI writes them
in `jeger --language`, the dashboard in the staff user's language, the API in English as its other errors."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from settings import Settings
from store.db import Database
from tests.conftest import RunCli
from tests.dashboard_fixtures import csrf_of
from tests.security.test_sandbox_live import TWILIO
from tests.security.test_sandbox_live import live_cli
from tests.test_engine import make_company

_ERROR_FLASH = re.compile(r'<div class="flash flash-error" role="status">([^<]*)</div>')


def _in(language: str, cli: RunCli, *args: str) -> str:
    result = cli("--language", language, *args)
    assert result.exit_code == 2, result.output
    return str(result.stderr)


def test_the_cli_writes_staff_and_key_refusals_in_the_readers_language(cli: RunCli) -> None:
    add = ("staff", "add", "ikke-en-adresse", "--role", "staff", "--password", "riktig-hest-batteri")
    assert "«ikke-en-adresse» er ikke en gyldig e-postadresse." in _in("nb", cli, *add)
    assert "«ikke-en-adresse» er ikkje ei gyldig e-postadresse." in _in("nn", cli, *add)
    assert "“ikke-en-adresse” is not a valid e-mail address." in _in("en", cli, *add)
    revoke = ("staff", "revoke-token", "999")
    assert "Fann ingen gyldig API-nøkkel med nummer 999" in _in("nn", cli, *revoke)
    assert "No valid API key has number 999" in _in("en", cli, *revoke)


def test_the_cli_refuses_a_privacy_request_in_the_readers_language(cli: RunCli) -> None:
    export = ("privacy", "export", "--orgnr", "974760673")
    assert "orgnr 974760673: inga bedrift har dette organisasjonsnummeret" in _in("nn", cli, *export)
    assert "orgnr 974760673: no company has this organisation number" in _in("en", cli, *export)
    assert "“12” is not a valid phone number" in _in("en", cli, "privacy", "erase", "--phone", "12")


def test_the_cli_refuses_a_merge_in_the_readers_language(cli: RunCli) -> None:
    merge = ("registrations", "merge", "7", "7")
    assert "Registrering 7 kan ikke slås sammen med seg selv" in _in("nb", cli, *merge)
    assert "Registrering 7 kan ikkje slåast saman med seg sjølv" in _in("nn", cli, *merge)
    assert "Registration 7 cannot be merged with itself" in _in("en", cli, *merge)


def test_the_sandbox_on_a_live_channel_is_refused_in_the_readers_language(
    settings: Settings, db: Database
) -> None:
    with db.transaction() as session:
        make_company(session)
    run = live_cli(settings, **TWILIO)
    said = {
        language: run("--language", language, "sandbox", "reply", "--from", "+47 912 34 567", "STOPP").stderr
        for language in ("nn", "en")
    }
    assert (
        "SMS-kanalen er i drift (Twilio er sett opp)" in said["nn"] and "Ingenting vart lagra" in said["nn"]
    )
    assert "The SMS channel is live (Twilio is set up)" in said["en"] and "Nothing was stored" in said["en"]
    refused = run("--language", "en", "sandbox", "reply", "--from", "tg:12ab", "hei")
    assert "“tg:12ab” is not a Telegram chat (a number)" in refused.stderr


def _choose(client: TestClient, language: str) -> None:
    client.post("/admin/me/language", data={"language": language, "csrf_token": csrf_of(client, "/admin/")})


def test_the_dashboard_flashes_staff_refusals_in_the_staff_users_language(admin_client: TestClient) -> None:
    shown = {}
    for language in ("nb", "nn", "en"):
        _choose(admin_client, language)
        token = csrf_of(admin_client, "/admin/staff")
        refused = admin_client.post(
            "/admin/staff",
            data={"csrf_token": token, "email": "ny@worldskills.no", "password": "kort", "role": "staff"},
        )
        found = _ERROR_FLASH.search(refused.text)
        assert found is not None, language
        shown[language] = found.group(1)
    assert shown == {
        "nb": "Passordet er for kort: det må ha minst 10 tegn.",
        "nn": "Passordet er for kort: det må ha minst 10 teikn.",
        "en": "The password is too short: it needs at least 10 characters.",
    }


def test_a_lead_that_cannot_move_is_refused_in_the_staff_users_language(admin_client: TestClient) -> None:
    _choose(admin_client, "en")
    token = csrf_of(admin_client, "/admin/leads")
    refused = admin_client.post("/admin/leads/424242/reassign", data={"csrf_token": token, "hunter_id": "1"})
    found = _ERROR_FLASH.search(refused.text)
    assert found is not None and found.group(1) == "No lead has number 424242."


def test_an_unreadable_cursor_is_refused_on_a_page_in_the_staff_users_language(
    admin_client: TestClient,
) -> None:
    _choose(admin_client, "nn")
    page = admin_client.get("/admin/companies?after=ikke-en-markor")
    assert page.status_code == 400 and "Ugyldig førespurnad" in page.text and '<html lang="nn">' in page.text
