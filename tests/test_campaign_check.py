"""`jeger campaign check FILE`: create's validation with the same `file:line: field: problem` messages, what the
database lacks as warnings, and nothing stored. Every campaign file in examples/ must pass it."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func
from sqlalchemy import select
from typer.testing import CliRunner
from typer.testing import Result

from campaigns.definition import TOP_KEYS
from campaigns.templating import template_names
from settings import TEMPLATES_DIR
from settings import Settings
from store.db import Database
from store.models import Campaign
from store.models import Company
from tests.outbox_factories import make_recipient

# Every shipped SMS template, as the message lists them (they grow as templates are added).
SHIPPED_SMS = [name for name in template_names(TEMPLATES_DIR) if name.startswith("sms/")]
EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.toml"))
# The examples are dated in 2027; checking them "on" 4 January 2027 keeps this test true in later years,
# when their first steps will have passed (a passed first step is an error, as in create).
NOW = datetime(2027, 1, 4, 9, 0, tzinfo=ZoneInfo("Europe/Oslo"))

BROKEN = """\
name = "Ødelagt kampanje"
colour = "blå"

[window]                 # a comment after a table header keeps the line numbers right
start = 9

[audience]
counties = ["55"]

[[steps]]
name = "sms"
channel = "sms"
template = "sms/finnesikke"
at = "2027-06-07T09:00"
"""

Cli = Callable[..., Result]


@pytest.fixture
def jeger(settings: Settings) -> Cli:
    """`jeger ARGS...` in-process with the test's settings and a fixed date."""
    from cli import Context
    from cli import app

    def run(*args: str, now: datetime | None = NOW, settings_: Settings = settings) -> Result:
        return CliRunner().invoke(app, [str(a) for a in args], obj=Context(settings=settings_, now=now))

    return run


def campaigns(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Campaign)) or 0)


def test_there_are_the_five_example_campaigns() -> None:
    assert [p.name for p in EXAMPLES] == [
        "local-campaign.toml",
        "national-summer.toml",
        "ora-voksen.toml",
        "raufoss-runde2.toml",
        "reminder-only.toml",
    ]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_passes_the_check(jeger: Cli, db: Database, example: Path) -> None:
    result = jeger("campaign", "check", str(example))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("ingenting er lagret.") and "gyldig" in result.stdout
    # No company has been imported into the test database: that is a warning, not an error.
    assert "Advarsel:" in result.stderr and "ingen bedrifter passer til denne målgruppen" in result.stderr
    assert campaigns(db) == 0


def test_a_broken_file_gets_the_messages_of_create_and_exit_2(
    jeger: Cli, db: Database, tmp_path: Path
) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(BROKEN, encoding="utf-8")
    checked = jeger("campaign", "check", str(path))
    assert checked.exit_code == 2
    expected = [
        f"{path}:2: colour: ukjent felt (tillatt: {', '.join(sorted(TOP_KEYS))})",
        f'{path}:5: window.start: skal være tekst i anførselstegn, ikke tallet 9 (f.eks. start = "09:00")',
        f"{path}:13: steps[0].template: sms/finnesikke: ukjent mal (kjente: {', '.join(SHIPPED_SMS)})",
    ]
    errors = [line for line in checked.stderr.splitlines() if not line.startswith("Advarsel:")]
    assert errors == ["Feil: " + expected[0], *expected[1:]]
    assert f"Advarsel: {path}:7: audience: ingen bedrifter passer til denne målgruppen" in checked.stderr

    # create says exactly the same (and the empty audience is one of its errors), and stores nothing either
    created = jeger("campaign", "create", str(path))
    assert created.exit_code == 2
    assert created.stderr.splitlines() == [
        "Feil: " + expected[0],
        *expected[1:],
        f"{path}:7: audience: ingen bedrifter passer til denne målgruppen",
    ]
    assert campaigns(db) == 0

    as_json = jeger("campaign", "check", str(path), "--json")
    assert as_json.exit_code == 2
    data = json.loads(as_json.stdout)
    assert (data["valid"], data["problems"], data["audience"]) == (False, expected, 0)


def test_a_first_step_in_the_past_is_an_error(jeger: Cli, tmp_path: Path) -> None:
    path = tmp_path / "late.toml"
    example = next(p for p in EXAMPLES if p.stem == "reminder-only")
    path.write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    later = datetime(2027, 10, 1, 9, 0, tzinfo=ZoneInfo("Europe/Oslo"))
    result = jeger("campaign", "check", str(path), now=later)
    assert result.exit_code == 2
    assert f"{path}:16: steps[0].at: tidspunktet har passert (2027-09-14 10:00)" in result.stderr


def test_with_companies_in_the_audience_it_renders_for_each_and_stores_nothing(
    jeger: Cli, db: Database, settings: Settings, tmp_path: Path
) -> None:
    with db.transaction() as session:
        fine, _ = make_recipient(session, county_number="55", nace_code="43.210", employees=10)
        odd, _ = make_recipient(session, county_number="56", nace_code="43.210", employees=10)
        fine.short_code = fine.token = None  # as after an import: rendering would give it identifiers
        fine_id, odd_orgnr = fine.id, odd.orgnr
    example = next(p for p in EXAMPLES if p.stem == "reminder-only")
    result = jeger("campaign", "check", str(example), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["valid"], data["audience"], data["warnings"]) == (True, 2, [])

    # A template that works for the sample company but not for one real company: create's render of every
    # audience company finds it, at the step's template line, naming the company.
    templates = tmp_path / "templates"
    shutil.copytree(settings.templates_dir, templates)
    for language in ("nb", "nn", "en"):
        original = (templates / "sms" / f"paaminnelse.{language}.txt").read_text(encoding="utf-8")
        trap = f'{{% if orgnr == "{odd_orgnr}" %}}{{{{ no_such_variable }}}}{{% endif %}}'
        (templates / "sms" / f"rar.{language}.txt").write_text(original + trap, encoding="utf-8")
    path = tmp_path / "rar.toml"
    path.write_text(
        example.read_text(encoding="utf-8").replace("sms/paaminnelse", "sms/rar"), encoding="utf-8"
    )
    odd_settings = settings.model_copy(update={"templates_dir": templates})
    failed = jeger("campaign", "check", str(path), settings_=odd_settings)
    assert failed.exit_code == 2
    assert f"{path}:15: steps[0].template:" in failed.stderr and "no_such_variable" in failed.stderr
    assert odd_orgnr in failed.stderr

    assert campaigns(db) == 0
    with db.session() as session:  # the identifiers rendering gave the company were rolled back too
        assert session.get_one(Company, fine_id).short_code is None


def test_without_a_database_the_file_is_still_checked_and_no_database_is_made(
    jeger: Cli, settings: Settings, tmp_path: Path
) -> None:
    missing = tmp_path / "nowhere.db"
    offline = settings.model_copy(update={"database_url": f"sqlite:///{missing}"})
    example = next(p for p in EXAMPLES if p.stem == "local-campaign")
    good = jeger("campaign", "check", str(example), settings_=offline)
    assert good.exit_code == 0, good.output
    assert "målgruppen ikke talt" in good.stdout and "uten database" in good.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text(example.read_text(encoding="utf-8").replace('"31"', '"99"'), encoding="utf-8")
    refused = jeger("campaign", "check", str(bad), settings_=offline)
    assert refused.exit_code == 2
    assert f"{bad}:18: audience.counties: ukjent fylkesnummer «99»" in refused.stderr
    assert not missing.exists()


def test_a_file_that_is_not_toml_or_not_there(jeger: Cli, tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_text('name = "uten slutt\n', encoding="utf-8")
    result = jeger("campaign", "check", str(path))
    assert result.exit_code == 2 and f"{path}:1: toml: ikke gyldig TOML" in result.stderr
    gone = jeger("campaign", "check", str(tmp_path / "finnes-ikke.toml"))
    assert gone.exit_code == 2 and "finner ikke filen" in gone.stderr


def test_a_database_it_cannot_use_is_a_warning_and_the_file_is_still_checked(
    jeger: Cli, settings: Settings, tmp_path: Path
) -> None:
    import sqlite3

    from store.db import make_engine
    from store.migrate import init_database

    path = tmp_path / "broken.db"
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    init_database(engine)
    engine.dispose()
    with sqlite3.connect(path) as connection:  # as if a release behind: a table the check reads is not there
        connection.execute("DROP TABLE county")
    example = next(p for p in EXAMPLES if p.stem == "national-summer")
    result = jeger(
        "campaign", "check", str(example), settings_=settings.model_copy(update={"database_url": url})
    )
    assert result.exit_code == 0, result.output
    assert "databasen kunne ikke brukes (OperationalError)" in result.stderr
    assert "målgruppen ikke talt" in result.stdout
