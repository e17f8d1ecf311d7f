"""Issue 15 item 3: preview and launch warn, and a live launch refuses, while the reply number or the public
address is unset or local; the sandbox and the demo keep theirs and letters read "SMS-nummer (sandkasse)"."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner
from typer.testing import Result

from campaigns.readiness import check_readiness
from campaigns.readiness import is_local_url
from campaigns.windows import ALWAYS_OPEN_TABLE
from settings import Settings
from store.db import Database
from store.models import Campaign
from store.models import CampaignState
from store.models import Channel
from store.models import ContactKind
from tests.dashboard_fixtures import ADMIN_EMAIL
from tests.dashboard_fixtures import csrf_of
from tests.dashboard_fixtures import log_in
from tests.fakes.twilio_api import FakeTwilio
from tests.outbox_factories import make_recipient
from web.app import create_app

PUBLIC = "https://jeger.example.no"


def campaign_toml(*channels: str) -> str:
    """One step per channel, the first due now (Oslo), the rest a week apart."""
    now = datetime.now(ZoneInfo("Europe/Oslo")).strftime("%Y-%m-%dT%H:%M")
    template = {"sms": "sms/invitasjon", "letter": "letters/invitasjon", "email": "letters/invitasjon"}
    steps = []
    for index, channel in enumerate(channels):
        when = f'at = "{now}"' if index == 0 else "after_days = 7"
        steps.append(
            f'[[steps]]\nname = "steg{index}"\nchannel = "{channel}"\ntemplate = "{template[channel]}"\n{when}\n'
        )
    return f'name = "Klar?"\n{ALWAYS_OPEN_TABLE}\n[audience]\ncounties = ["55"]\n\n' + "\n".join(steps)


def run(settings: Settings, *args: str) -> Result:
    from cli import Context
    from cli import app

    return CliRunner().invoke(app, list(args), obj=Context(settings=settings))


def create(settings: Settings, tmp_path: Any, *channels: str) -> int:
    path = tmp_path / "klar.toml"
    path.write_text(campaign_toml(*channels), encoding="utf-8")
    created = run(settings, "campaign", "create", str(path), "--json")
    assert created.exit_code == 0, created.output
    return int(json.loads(created.stdout)["id"])


@pytest.fixture
def companies(db: Database) -> None:
    with db.transaction() as session:
        make_recipient(session, postal_street="Storgata 1", postal_postcode="9008", postal_city="Tromsø")
        make_recipient(
            session,
            kind=ContactKind.EMAIL,
            postal_street="Storgata 2",
            postal_postcode="9008",
            postal_city="Tromsø",
        )


@pytest.fixture
def live_sms(settings: Settings, fake_twilio: FakeTwilio) -> Settings:
    """Twilio through its loopback fake, with the defaults a newcomer leaves: PUBLIC_BASE_URL local."""
    return settings.model_copy(update=fake_twilio.settings_update())


def state_of(db: Database, campaign_id: int) -> CampaignState:
    with db.session() as session:
        return session.get_one(Campaign, campaign_id).state


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "http://127.0.0.1:8000",
        "http://127.8.9.1",
        "http://localhost:8000",
        "http://[::1]:8000",
        "http://jeger.local",
        "http://10.0.0.5",
        "http://172.20.1.1:8080",
        "http://192.168.1.20",
        "http://[fd00::1]",
        "http://169.254.3.3",
        "http://0.0.0.0:8000",
        "http://jeger-server:8000",
        "ftp://jeger.example.no",
    ],
)
def test_local_or_missing_addresses_are_local(url: str | None) -> None:
    assert is_local_url(url)


@pytest.mark.parametrize("url", [PUBLIC, "http://laereplassjeger.no", "https://185.12.4.9/"])
def test_public_addresses_are_not_local(url: str) -> None:
    assert not is_local_url(url)


def test_only_live_channels_count_and_the_sandbox_reports_nothing(settings: Settings) -> None:
    assert check_readiness(channels=[Channel.LETTER, Channel.SMS], settings=settings).warnings_in() == []
    smtp = settings.model_copy(update={"smtp_url": "smtp://127.0.0.1:2525"})
    letters = check_readiness(channels=[Channel.LETTER], settings=smtp)
    assert letters.refuses_launch and letters.live == (Channel.LETTER,)
    assert any("SMS_REPLY_NUMBER" in w for w in letters.warnings_in())
    assert any("PUBLIC_BASE_URL" in w for w in letters.warnings_in())
    english, nynorsk = letters.warnings_in("en"), letters.warnings_in("nn")
    assert english[0].startswith("SMS_REPLY_NUMBER is not set: letters and e-mails ask companies to text")
    assert (
        english[-1] == "The campaign goes out for real (letters) and cannot be launched until this is mended."
    )
    assert nynorsk[-1] == "Kampanjen blir send på ekte (brev) og kan ikkje startast før dette er retta."
    # An SMS-only campaign while only e-mail is live goes to the sandbox: a warning, no refusal.
    sms_only = check_readiness(channels=[Channel.SMS], settings=smtp)
    assert sms_only.warnings_in() and not sms_only.refuses_launch
    assert not any("SMS_REPLY_NUMBER" in w for w in sms_only.warnings_in())  # SMS texts do not print it
    ready = smtp.model_copy(update={"sms_reply_number": "+4759440000", "public_base_url": PUBLIC})
    assert check_readiness(channels=[Channel.LETTER, Channel.SMS], settings=ready).warnings_in() == []


def test_a_live_sms_launch_with_a_local_public_address_is_refused_and_the_preview_warns(
    db: Database, settings: Settings, live_sms: Settings, companies: None, tmp_path: Any
) -> None:
    campaign_id = create(settings, tmp_path, "sms")
    preview = run(live_sms, "campaign", "preview", str(campaign_id), "--json")
    assert preview.exit_code == 0, preview.output
    warnings = json.loads(preview.stdout)["warnings"]
    assert any("PUBLIC_BASE_URL er http://127.0.0.1:8000" in w for w in warnings)
    assert "kan ikke startes" in warnings[-1]
    shown = run(live_sms, "campaign", "preview", str(campaign_id))
    assert "Advarsel:" in shown.stderr and "PUBLIC_BASE_URL" in shown.stderr

    refused = run(live_sms, "campaign", "launch", str(campaign_id))
    assert refused.exit_code == 2 and refused.stdout == ""
    assert "ikke startet" in refused.stderr and "PUBLIC_BASE_URL" in refused.stderr
    english = run(live_sms, "--language", "en", "campaign", "launch", str(campaign_id))
    assert "PUBLIC_BASE_URL is http://127.0.0.1:8000, a local address" in english.stderr, english.stderr
    assert state_of(db, campaign_id) is CampaignState.DRAFT

    public = live_sms.model_copy(update={"public_base_url": PUBLIC})
    clean = run(public, "campaign", "preview", str(campaign_id), "--json")
    assert json.loads(clean.stdout)["warnings"] == []
    launched = run(public, "campaign", "launch", str(campaign_id))
    assert launched.exit_code == 0, launched.output
    assert "Advarsel" not in launched.stderr
    assert state_of(db, campaign_id) is CampaignState.SCHEDULED


def test_live_letters_without_a_reply_number_are_refused(
    db: Database, settings: Settings, companies: None, tmp_path: Any
) -> None:
    campaign_id = create(settings, tmp_path, "letter")
    mail = settings.model_copy(update={"smtp_url": "smtp://127.0.0.1:2525", "public_base_url": PUBLIC})
    preview = run(mail, "campaign", "preview", str(campaign_id), "--json")
    data = json.loads(preview.stdout)
    assert any("SMS_REPLY_NUMBER er ikke satt" in w for w in data["warnings"])
    letter = " ".join(s["letter_text"] or "" for s in data["steps"][0]["samples"])
    assert "SMS-nummer (sandkasse)" in letter and "[SMS-nummer]" not in letter
    refused = run(mail, "campaign", "launch", str(campaign_id))
    assert refused.exit_code == 2 and "SMS_REPLY_NUMBER" in refused.stderr
    assert state_of(db, campaign_id) is CampaignState.DRAFT
    numbered = mail.model_copy(update={"sms_reply_number": "+4759440000"})
    assert run(numbered, "campaign", "launch", str(campaign_id)).exit_code == 0
    assert state_of(db, campaign_id) is CampaignState.SCHEDULED


def test_a_sandbox_campaign_beside_a_live_channel_launches_with_a_warning(
    db: Database, settings: Settings, companies: None, tmp_path: Any
) -> None:
    campaign_id = create(settings, tmp_path, "sms")
    mail_only = settings.model_copy(update={"smtp_url": "smtp://127.0.0.1:2525"})
    launched = run(mail_only, "campaign", "launch", str(campaign_id))
    assert launched.exit_code == 0, launched.output
    assert "Advarsel:" in launched.stderr and "sandkassekanaler" in launched.stderr
    assert state_of(db, campaign_id) is CampaignState.SCHEDULED


def test_the_sandbox_launches_without_warnings_and_letters_show_the_sandbox_number(
    db: Database, settings: Settings, companies: None, tmp_path: Any
) -> None:
    campaign_id = create(settings, tmp_path, "letter", "sms")
    preview = run(settings, "campaign", "preview", str(campaign_id), "--json")
    data = json.loads(preview.stdout)
    assert data["warnings"] == []
    assert any("SMS-nummer (sandkasse)" in (s["letter_text"] or "") for s in data["steps"][0]["samples"])
    launched = run(settings, "campaign", "launch", str(campaign_id))
    assert launched.exit_code == 0 and launched.stderr == ""


def test_the_dashboard_and_the_api_refuse_a_live_launch_with_the_reason(
    db: Database,
    settings: Settings,
    live_sms: Settings,
    companies: None,
    tmp_path: Any,
    api_token: str,
) -> None:
    campaign_id = create(settings, tmp_path, "sms")
    with TestClient(create_app(live_sms, db=db)) as client:
        assert log_in(client, ADMIN_EMAIL).status_code == 303  # type: ignore[attr-defined]
        preview = client.get(f"/admin/campaigns/{campaign_id}/preview").text
        assert "kan ikke startes på ekte kanaler" in preview and "PUBLIC_BASE_URL" in preview
        confirm = client.get(f"/admin/campaigns/{campaign_id}/confirm/launch")
        assert "PUBLIC_BASE_URL" in confirm.text and "Ja, start" not in confirm.text
        token = csrf_of(client, f"/admin/campaigns/{campaign_id}/confirm/launch")
        posted = client.post(
            f"/admin/campaigns/{campaign_id}/launch", data={"csrf_token": token}, follow_redirects=False
        )
        assert posted.status_code == 409 and "PUBLIC_BASE_URL" in posted.text
        api = client.post(
            f"/api/campaigns/{campaign_id}/launch", headers={"Authorization": f"Bearer {api_token}"}
        )
        assert api.status_code == 409 and "PUBLIC_BASE_URL" in api.json()["detail"]
    assert state_of(db, campaign_id) is CampaignState.DRAFT


def test_the_dashboard_launches_a_sandbox_campaign_beside_a_live_channel_with_a_warning(
    db: Database, settings: Settings, companies: None, tmp_path: Any, users: dict[str, int]
) -> None:
    campaign_id = create(settings, tmp_path, "sms")
    mail_only = settings.model_copy(update={"smtp_url": "smtp://127.0.0.1:2525"})
    with TestClient(create_app(mail_only, db=db)) as client:
        assert log_in(client, ADMIN_EMAIL).status_code == 303  # type: ignore[attr-defined]
        confirm = client.get(f"/admin/campaigns/{campaign_id}/confirm/launch").text
        assert "Advarsel:" in confirm and "Ja, start" in confirm
        token = csrf_of(client, f"/admin/campaigns/{campaign_id}/confirm/launch")
        page = client.post(f"/admin/campaigns/{campaign_id}/launch", data={"csrf_token": token}).text
        assert "flash-warn" in page and "PUBLIC_BASE_URL" in page
    assert state_of(db, campaign_id) is CampaignState.SCHEDULED
