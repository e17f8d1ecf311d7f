"""`jeger hunters list|approve|reject` and `jeger leads list|export` against a real database."""

from __future__ import annotations

import csv
import io
import json

from sqlalchemy import func
from sqlalchemy import select

from hunters.leads import claim_lead
from hunters.leads import create_lead
from store.db import Database
from store.models import Hunter
from store.models import HunterState
from store.models import Message
from tests.lead_factories import make_company
from tests.lead_factories import make_hunter
from tests.lead_factories import make_registration
from tests.lead_factories import notifications


def count_messages(db: Database) -> int:
    with db.session() as session:
        return int(session.scalar(select(func.count()).select_from(Message)) or 0)


def test_approving_a_pending_hunter_tells_them_on_telegram_once(cli, db: Database) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as session:
        hunter = make_hunter(session, state=HunterState.PENDING, chat_id="4242", name="NAV Tromsø")
        make_hunter(session, state=HunterState.APPROVED)
        create_lead(session, registration_id=make_registration(session, company=make_company(session)).id)
    before = count_messages(db)

    result = cli("hunters", "approve", str(hunter.id))
    assert result.exit_code == 0, result.output
    assert "NAV Tromsø" in result.stdout
    with db.session() as session:
        assert session.get_one(Hunter, hunter.id).state == HunterState.APPROVED
        told = [m for m in notifications(session) if m.hunter_id == hunter.id]
        assert len(told) == 1 and told[0].address == "4242" and told[0].priority == 0
        assert "godkjent" in (told[0].body or "") and "Det ligger 1 ledig lead i fylkene dine" in (
            told[0].body or ""
        )

    again = cli("hunters", "approve", str(hunter.id))
    assert again.exit_code == 0 and "ingenting endret" in again.stdout
    assert count_messages(db) == before + 1


def test_rejecting_a_hunter_tells_them_and_a_second_reject_changes_nothing(cli, db: Database) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as session:
        hunter = make_hunter(session, state=HunterState.PENDING)
    assert cli("hunters", "reject", str(hunter.id)).exit_code == 0
    assert cli("hunters", "reject", str(hunter.id)).exit_code == 0
    with db.session() as session:
        assert session.get_one(Hunter, hunter.id).state == HunterState.REJECTED
        assert ["ikke godkjent" in (m.body or "") for m in notifications(session)] == [True]


def test_an_unknown_hunter_id_exits_2_and_changes_nothing(cli, db: Database) -> None:  # type: ignore[no-untyped-def]
    for verb in ("approve", "reject"):
        result = cli("hunters", verb, "999")
        assert result.exit_code == 2
        assert "999" in result.stderr and result.stdout == ""
    assert count_messages(db) == 0


def test_hunters_list_filters_by_state_as_json(cli, db: Database) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as session:
        pending = make_hunter(session, state=HunterState.PENDING, counties=["55", "56"], trades=[3])
        make_hunter(session, state=HunterState.APPROVED, all_trades=True)
    result = cli("hunters", "list", "--state", "pending", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == [pending.id]
    assert rows[0]["counties"] == ["55", "56"] and rows[0]["trades"] == ["Anleggsrørleggerfaget"]
    everyone = cli("hunters", "list")
    # Norwegian state names in the table; the English machine values only in --json.
    assert everyone.exit_code == 0 and "Godkjent" in everyone.stdout and "Venter" in everyone.stdout
    assert "approved" not in everyone.stdout and "pending" not in everyone.stdout
    bad = cli("hunters", "list", "--state", "sleeping")
    assert bad.exit_code == 2 and "--state" in bad.stderr


def _two_leads(db: Database) -> tuple[int, int]:
    with db.transaction() as session:
        hunter = make_hunter(session, all_trades=True, name="Elektroforbundet")
        troms = make_company(session, county="55", name="Nordlys Elektro AS", orgnr="974760673")
        oslo = make_company(session, county="03", name="Byens Bakeri AS", orgnr="923609016")
        claimed = create_lead(
            session, registration_id=make_registration(session, company=troms, trades=[30]).id
        )
        claim_lead(session, lead_id=claimed.id, hunter_id=hunter.id)
        new = create_lead(session, registration_id=make_registration(session, company=oslo, trades=[]).id)
        return claimed.id, new.id


def test_leads_list_filters_by_county_and_state(cli, db: Database) -> None:  # type: ignore[no-untyped-def]
    claimed, new = _two_leads(db)
    troms = json.loads(cli("leads", "list", "--county", "55", "--json").stdout)
    assert [r["id"] for r in troms] == [claimed]
    assert troms[0]["hunter"] == "Elektroforbundet" and troms[0]["state"] == "claimed"
    fresh = json.loads(cli("leads", "list", "--state", "new", "--json").stdout)
    assert [r["id"] for r in fresh] == [new]
    table = cli("leads", "list")
    assert table.exit_code == 0 and "Byens" in table.stdout
    rows = list(csv.DictReader(io.StringIO(cli("leads", "list", "--format", "csv", "--county", "03").stdout)))
    assert [int(r["id"]) for r in rows] == [new]
    assert json.loads(cli("leads", "list", "--format", "json").stdout) == json.loads(
        cli("leads", "list", "--json").stdout
    )


def test_leads_export_writes_csv_and_json_with_every_column(cli, db: Database) -> None:  # type: ignore[no-untyped-def]
    claimed, new = _two_leads(db)
    result = cli("leads", "export", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [int(r["id"]) for r in rows] == [claimed, new]
    first = rows[0]
    assert first["company"] == "Nordlys Elektro AS" and first["orgnr"] == "974760673"
    assert first["county"] == "55" and first["trades"] == "Elektrikerfaget"
    assert (first["places"], first["adult_apprentices"]) == ("2", "ja")
    # A cell starting with "+" is neutralised like any formula start (PRODUCT §12); JSON keeps the number as is.
    assert (first["contact_name"], first["contact_phone"]) == ("Kari Nordmann", "'+4791234567")
    assert first["state"] == "claimed" and first["hunter"] == "Elektroforbundet"
    assert first["created_at"] and first["claimed_at"] and rows[1]["claimed_at"] == ""

    data = json.loads(cli("leads", "export", "--format", "json", "--county", "03").stdout)
    assert [r["id"] for r in data] == [new] and data[0]["trades"] == []
    assert json.loads(cli("leads", "export", "--format", "json").stdout)[0]["contact_phone"] == "+4791234567"


def test_leads_commands_refuse_bad_options(cli, db: Database) -> None:  # type: ignore[no-untyped-def]
    for args in (
        ("leads", "export", "--format", "xlsx"),
        ("leads", "export", "--format", "table"),
        ("leads", "list", "--format", "xlsx"),
        ("leads", "list", "--county", "99"),
        ("leads", "export", "--state", "won"),
    ):
        result = cli(*args)
        assert result.exit_code == 2, args
        assert result.stdout == "" and result.stderr.strip()
