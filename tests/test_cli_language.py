"""Issue 11 item 3 in the CLI: `jeger --language nn|en` (or JEGER_LANGUAGE) changes what a person reads, tables,
confirmations and errors alike, while `--json` keeps the machine values; bokmål stays the default."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner
from typer.testing import Result

from demo.simulator import demo_campaign_toml
from demo.simulator import seed_companies
from settings import Settings
from store.db import Database
from store.models import utcnow

WIDE = {"COLUMNS": "220"}  # one line per table row


def run(settings: Settings, *args: str) -> Result:
    from cli import Context
    from cli import app

    return CliRunner().invoke(app, list(args), obj=Context(settings=settings), env=WIDE)


def header(output: str) -> list[str]:
    """The header cells of the first Rich table in `output`."""
    line = next(line for line in output.splitlines() if line.strip().startswith("┃"))
    return [cell.strip() for cell in line.strip().strip("┃").split("┃")]


@pytest.fixture
def campaign_file(db: Database, tmp_path: Path) -> Path:
    seed_companies(db, count=12, seed=5)
    path = tmp_path / "kampanje.toml"
    path.write_text(
        demo_campaign_toml(utcnow() - timedelta(minutes=1), name="Språkkampanjen"), encoding="utf-8"
    )
    return path


def test_campaign_commands_speak_nynorsk_and_english_when_asked(
    settings: Settings, campaign_file: Path
) -> None:
    created = run(settings, "--language", "en", "campaign", "create", str(campaign_file))
    assert created.exit_code == 0, created.output
    assert created.stdout.startswith("Campaign 1 created as a draft: ")
    assert header(created.stdout) == ["Step", "Channel", "Template", "Recipients"]

    listed = run(settings, "--language", "nn", "campaign", "list")
    assert header(listed.stdout) == ["Nr.", "Tilstand", "Namn"] and "Utkast" in listed.stdout
    listed_en = run(settings, "--language", "en", "campaign", "list")
    assert header(listed_en.stdout) == ["No.", "State", "Name"] and "Draft" in listed_en.stdout

    cancelled = run(settings, "--language", "nn", "campaign", "cancel", "1")
    assert cancelled.stdout.strip() == "Kampanje 1 er no avbroten.", cancelled.output
    refused = run(settings, "--language", "en", "campaign", "resume", "1")
    assert refused.exit_code == 2
    assert refused.stderr.strip() == "Error: Campaign 1 is cancelled; only a paused campaign can be resumed."
    missing = run(settings, "--language", "nn", "campaign", "pause", "9")
    assert missing.stderr.strip() == "Feil: Kampanje 9 finst ikkje."
    assert run(settings, "campaign", "pause", "9").stderr.strip() == "Feil: Kampanje 9 finnes ikke."
    # --json keeps the machine values whatever the language
    as_json = run(settings, "--language", "en", "campaign", "list", "--json")
    assert json.loads(as_json.stdout)[0]["state"] == "cancelled"


def test_errors_are_in_the_readers_language_and_bokmal_by_default(settings: Settings, tmp_path: Path) -> None:
    missing = tmp_path / "finst-ikkje.toml"
    assert (
        run(settings, "campaign", "check", str(missing)).stderr.strip()
        == f"Feil: {missing}: finner ikke filen"
    )
    english = run(settings, "--language", "en", "campaign", "check", str(missing))
    assert english.exit_code == 2 and english.stderr.strip() == f"Error: {missing}: no such file"
    nynorsk = run(settings, "--language", "nn", "campaign", "check", str(missing))
    assert nynorsk.stderr.strip() == f"Feil: {missing}: finn ikkje fila"


def test_the_setting_chooses_the_language_and_the_option_wins(settings: Settings, tmp_path: Path) -> None:
    missing = tmp_path / "none.toml"
    english = settings.model_copy(update={"jeger_language": "en"})
    assert "no such file" in run(english, "campaign", "check", str(missing)).stderr
    assert "finn ikkje fila" in run(english, "--language", "nn", "campaign", "check", str(missing)).stderr
    assert run(settings, "--language", "de", "campaign", "list").exit_code == 2


def test_a_bad_jeger_language_is_refused_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from cli import app

    monkeypatch.setenv("JEGER_LANGUAGE", "de")
    result = CliRunner().invoke(app, ["campaign", "list"])
    assert result.exit_code == 2
    assert "JEGER_LANGUAGE=de: ukjent språk (nb, nn eller en)" in result.stderr


def test_staff_hunters_and_leads_speak_the_readers_language(settings: Settings) -> None:
    account = ["kari@fylke.no", "--role", "staff", "--password", "x" * 14]
    added = run(settings, "--language", "en", "staff", "add", *account)
    assert (
        added.stdout.strip()
        == "The user kari@fylke.no (campaign manager) is created; sign in at /admin/login."
    )
    listed = run(settings, "--language", "nn", "staff", "list")
    assert header(listed.stdout) == [
        "E-post",
        "Namn",
        "Rolle",
        "Status",
        "Sist innlogga (norsk tid)",
        "Innloggingar",
    ]
    assert "aktiv" in listed.stdout
    chosen = run(settings, "--language", "en", "staff", "set", "kari@fylke.no", "--language", "nn")
    assert chosen.stdout.strip() == "kari@fylke.no now gets the dashboard in Norwegian Nynorsk."
    assert run(settings, "staff", "set", "kari@fylke.no", "--language", "en").stdout.strip() == (
        "kari@fylke.no får nå dashbordet på engelsk."
    )

    assert run(settings, "--language", "en", "hunters", "changes").stdout.strip() == "No changes are waiting."
    assert run(settings, "--language", "nn", "hunters", "changes").stdout.strip() == "Ingen endringar ventar."
    unknown = run(settings, "--language", "en", "hunters", "approve", "99")
    assert (
        unknown.exit_code == 2 and unknown.stderr.strip() == "Error: hunters approve: no hunter has number 99"
    )
    lead = run(settings, "--language", "nn", "leads", "show", "7")
    assert lead.stderr.strip() == "Feil: leads show: ingen lead har nummer 7"


def test_companies_privacy_and_replies_speak_the_readers_language(settings: Settings, db: Database) -> None:
    seed_companies(db, count=3, seed=2)
    listed = run(settings, "--language", "en", "companies", "list")
    assert header(listed.stdout) == ["Org. no.", "Name", "Industry", "Employees", "County"]
    orgnr = json.loads(run(settings, "companies", "list", "--json").stdout)[0]["orgnr"]
    shown = run(settings, "--language", "nn", "companies", "show", orgnr).stdout
    assert "       namn: " in shown and "      flagg: " in shown
    assert (
        "Error: give exactly one of --phone, --orgnr and --email"
        in run(settings, "--language", "en", "privacy", "erase").stderr
    )
    nothing = run(settings, "--language", "en", "privacy", "shared-optouts")
    assert nothing.stdout.strip() == "No opted-out address is shared by several companies."
    replies = run(settings, "--language", "nn", "replies", "list")
    assert header(replies.stdout) == ["Tid (norsk tid)", "Kanal", "Frå", "Bedrift", "Føremål", "Tekst"]


def test_why_a_campaign_paused_is_shown_in_the_readers_language(
    settings: Settings, campaign_file: Path
) -> None:
    assert run(settings, "campaign", "create", str(campaign_file)).exit_code == 0
    assert run(settings, "campaign", "launch", "1").exit_code == 0
    assert run(settings, "campaign", "pause", "1").exit_code == 0
    english = run(settings, "--language", "en", "campaign", "status", "1")
    assert english.stdout.startswith("Språkkampanjen — paused (Paused by the campaign manager.)"), (
        english.output
    )
    nynorsk = run(settings, "--language", "nn", "campaign", "status", "1")
    assert "(Sett på pause av kampanjeansvarleg.)" in nynorsk.stdout.splitlines()[0]
    assert "(Satt på pause av kampanjeansvarlig.)" in run(settings, "campaign", "status", "1").stdout


def test_why_a_company_gets_nothing_is_said_in_the_readers_language(
    settings: Settings, campaign_file: Path
) -> None:
    assert run(settings, "campaign", "create", str(campaign_file)).exit_code == 0
    unknown = "974760673"  # a valid orgnr that the seeded register does not hold
    english = run(settings, "--language", "en", "campaign", "preview", "1", "--orgnr", unknown)
    assert "is not in the audience: is not in the company register" in english.output, english.output
    nynorsk = run(settings, "--language", "nn", "campaign", "preview", "1", "--orgnr", unknown)
    assert "finst ikkje i verksemdsregisteret" in nynorsk.output, nynorsk.output
    assert (
        "finnes ikke i bedriftsregisteret"
        in run(settings, "campaign", "preview", "1", "--orgnr", unknown).output
    )
