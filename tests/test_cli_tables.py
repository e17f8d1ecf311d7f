"""Issue 15 items 7 and 10 in the CLI: every table has a header row and names states in Norwegian (the --json
output keeps the machine values), and options with fixed choices are Enums whose choices `--help` lists."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner
from typer.testing import Result

from catalogue.labels import labels_of
from demo.simulator import demo_campaign_toml
from demo.simulator import seed_companies
from settings import Settings
from store.db import Database
from store.models import Channel
from store.models import HunterState
from store.models import Intent
from store.models import LeadState
from store.models import Message
from store.models import MessageState
from store.models import Reply
from store.models import StaffRole
from store.models import utcnow
from tests.lead_factories import make_company
from tests.lead_factories import make_hunter
from tests.lead_factories import make_registration

WIDE = {"COLUMNS": "220"}  # one line per table row, so the cells can be read back


def run(settings: Settings, *args: str) -> Result:
    from cli import Context
    from cli import app

    return CliRunner().invoke(app, list(args), obj=Context(settings=settings), env=WIDE)


def table_rows(output: str) -> list[list[str]]:
    """The cells of a Rich table, header first."""
    return [
        [cell.strip() for cell in line.replace("┃", "│").strip().strip("│").split("│")]
        for line in output.splitlines()
        if line.strip().startswith(("│", "┃"))
    ]


@pytest.fixture
def filled(db: Database, settings: Settings, tmp_path: Path) -> dict[str, str]:
    """A company, a draft campaign, a reply, a pending hunter, a new lead and a staff login."""
    from hunters.leads import create_lead

    seed_companies(db, count=30, seed=3)
    path = tmp_path / "kampanje.toml"
    path.write_text(
        demo_campaign_toml(utcnow() - timedelta(minutes=1), name="Tabellkampanje", counties=("18", "55")),
        encoding="utf-8",
    )
    created = run(settings, "campaign", "create", str(path))
    assert created.exit_code == 0, created.output
    with db.transaction() as session:
        company = make_company(session, county="55", name="Tabell Bygg AS")
        session.add(
            Reply(
                channel="sms",
                sender="+4791234567",
                text="JA",
                company_id=company.id,
                intent=Intent.INTERESTED,
            )
        )
        hunter = make_hunter(session, state=HunterState.PENDING, name="Tabelljegerne")
        # A hunter tapped "Ta leaden": the reply holds the button's code, the message we sent its label.
        session.add(
            Message(
                channel=Channel.TELEGRAM,
                address=hunter.telegram_chat_id,
                hunter_id=hunter.id,
                body="Ny bedrift vil ha lærling!",
                extra={"buttons": [[{"text": "Ta leaden", "callback_data": "lead:claim:77"}]]},
                provider="sandbox",
                state=MessageState.SENT,
                sent_at=utcnow() - timedelta(minutes=2),
            )
        )
        session.add(
            Reply(
                channel="telegram",
                sender=hunter.telegram_chat_id,
                text="lead:claim:77",
                intent=Intent.COMMAND,
                received_at=utcnow() - timedelta(minutes=3),
            )
        )
        create_lead(session, registration_id=make_registration(session, company=company).id)
    added = run(settings, "staff", "add", "tabell@fylke.no", "--role", "staff", "--password", "x" * 14)
    assert added.exit_code == 0, added.output
    return {"created": created.stdout}


HEADERS = {
    ("companies", "list"): ["Orgnr", "Navn", "Næring", "Ansatte", "Fylke"],
    ("replies", "list"): ["Tid (norsk tid)", "Kanal", "Fra", "Bedrift", "Hensikt", "Tekst"],
    ("campaign", "list"): ["Nr.", "Tilstand", "Navn"],
    ("campaign", "status", "1"): [
        "Steg",
        "Kanal",
        "Tidspunkt (norsk tid)",
    ],  # then one column per message state
    ("hunters", "list"): ["Nr.", "Organisasjon", "Type", "Fylker", "Fag", "Kontakt", "Tilstand"],
    ("leads", "list"): ["Nr.", "Bedrift", "Orgnr", "Fylke", "Tilstand", "Jeger", "Opprettet (norsk tid)"],
    ("staff", "list"): ["E-post", "Navn", "Rolle", "Status", "Sist innlogget (norsk tid)", "Innlogginger"],
}
# (command, column, the Norwegian cell, the machine value it stands for)
NORWEGIAN = [
    (("replies", "list"), "Hensikt", "Interessert", "interested"),
    (("replies", "list"), "Kanal", "SMS", "sms"),
    (("campaign", "list"), "Tilstand", "Utkast", "draft"),
    (("campaign", "status", "1"), "Kanal", "SMS", "sms"),
    (("hunters", "list"), "Tilstand", "Venter på godkjenning", "pending"),
    (("hunters", "list"), "Type", "Fagforbund", "union"),
    (("leads", "list"), "Tilstand", "Ledig", "new"),
    (("staff", "list"), "Rolle", "Kampanjeansvarlig", "staff"),
]


def test_every_cli_table_has_a_header_row_and_norwegian_states(
    settings: Settings, filled: dict[str, str]
) -> None:
    create_rows = table_rows(filled["created"])
    assert create_rows[0] == ["Steg", "Kanal", "Mal", "Mottakere"] and create_rows[1][1] == "SMS"
    tables = {}
    for command, header in HEADERS.items():
        result = run(settings, *command)
        assert result.exit_code == 0, (command, result.output)
        rows = table_rows(result.stdout)
        assert rows and rows[0][: len(header)] == header, (command, rows[:1])
        if command[1] == "status":
            assert rows[0][3:] and set(rows[0][3:]) <= set(labels_of("message").values()), rows[0]
        else:
            assert rows[0] == header, (command, rows[:1])
        assert len(rows) > 1, command  # a row under the header
        tables[command] = rows
    replies_header, *replies = tables[("replies", "list")]
    texts = {row[replies_header.index("Tekst")] for row in replies}
    assert "Trykket «Ta leaden»" in texts and "lead:claim:77" not in texts  # the label, not the code
    for command, column, norwegian, machine in NORWEGIAN:
        header, *body = tables[command]
        cells = {row[header.index(column)] for row in body}
        assert norwegian in cells and machine not in cells, (command, column, cells)


def test_json_keeps_the_machine_values(settings: Settings, filled: dict[str, str]) -> None:
    assert json.loads(run(settings, "campaign", "list", "--json").stdout)[0]["state"] == "draft"
    assert json.loads(run(settings, "hunters", "list", "--json").stdout)[0]["state"] == "pending"
    assert json.loads(run(settings, "leads", "list", "--json").stdout)[0]["state"] == "new"
    replies = json.loads(run(settings, "replies", "list", "--json").stdout)
    assert replies[0]["intent"] == "interested"
    assert [(r["text"], r["button"]) for r in replies if r["channel"] == "telegram"] == [
        ("lead:claim:77", "Ta leaden")
    ]


CHOICES = [
    (("leads", "list"), "--format", ["table", "csv", "json"]),
    (("leads", "list"), "--state", [s.value for s in LeadState]),
    (("leads", "export"), "--format", ["csv", "xlsx", "json"]),
    (("leads", "export"), "--state", [s.value for s in LeadState]),
    (("campaign", "report"), "--format", ["csv", "xlsx", "json"]),
    (("hunters", "list"), "--state", [s.value for s in HunterState]),
    (("staff", "add"), "--role", [r.value for r in StaffRole]),
    (("replies", "list"), "--intent", [i.value for i in Intent]),
    (("sandbox", "reply"), "--channel", ["sms", "telegram"]),
]


@pytest.mark.parametrize(("command", "option", "choices"), CHOICES)
def test_fixed_choices_show_in_help_and_others_are_refused(
    command: tuple[str, ...], option: str, choices: list[str]
) -> None:
    from cli import Context
    from cli import app

    settings = Settings(
        _env_file=None, database_url="sqlite:///:memory:"
    )  # --help and bad values touch no db
    help_text = CliRunner().invoke(app, [*command, "--help"], obj=Context(settings=settings), env=WIDE)
    assert help_text.exit_code == 0
    listed = next(line for line in help_text.stdout.splitlines() if option in line)
    assert "|".join(choices) in listed, listed  # Typer's list of an Enum's values, as click validates them
    extra = ["ID"] if command == ("campaign", "report") else []
    extra += ["a@b.no"] if command == ("staff", "add") else []
    extra += ["JA", "--from", "+4791234567"] if command == ("sandbox", "reply") else []
    bad = CliRunner().invoke(
        app, [*command, *extra, option, "nonsense"], obj=Context(settings=settings), env=WIDE
    )
    assert bad.exit_code == 2 and option in bad.stderr and "nonsense" in bad.stderr


def test_channel_labels_cover_every_channel() -> None:
    from catalogue.labels import label
    from catalogue.labels import labels_of

    assert all(label(c, "channel") != c.value for c in Channel)
    assert set(labels_of("channel")) >= {c.value for c in Channel}
