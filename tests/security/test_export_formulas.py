"""Spreadsheet formulas from outside input, replayed through import, the registration form and the sandbox into
every export: dashboard, API and CLI, CSV and XLSX (PRODUCT §12).

Before: every CSV wrote `=HYPERLINK("http://evil","x")` as it came, so Excel ran it (and `+cmd|' /C
calc'!A0` ran a program through DDE on old Excel); there was no XLSX. After: a CSV cell starting with
`= + - @`, tab or CR gets a leading single quote, and XLSX cells are typed strings, never formulas.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from companies.identifiers import ensure_identifiers
from exports.tables import FORMULA_STARTS
from exports.tables import neutralise
from exports.tables import plain_text
from exports.tables import write_csv
from store.db import Database
from store.models import Company
from store.models import Lead
from store.models import MessageState
from store.models import utcnow
from tests.dashboard_fixtures import finished_import
from tests.dashboard_fixtures import start_import
from tests.outbox_factories import add_outreach
from tests.outbox_factories import make_campaign
from tests.register_files import unit
from tests.register_files import valid_orgnrs
from tests.register_files import write_json

HYPERLINK = '=HYPERLINK("http://evil","x")'
DDE = "+cmd|' /C calc'!A0"
AT_SUM = "@SUM(1)"
NAMES = [HYPERLINK, DDE, AT_SUM]
CONTACT = "=1+2"  # a contact name typed into the registration form
REPLY = "-2+3 ring meg"  # a reply a company sends
REPLY_FORMULA = '=HYPERLINK("http://evil","svar")'
BAD_ORGNR = "=9+9"  # lands in the importer's rejects file
NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")


def test_every_formula_start_is_neutralised_and_our_numbers_are_not() -> None:
    for start in FORMULA_STARTS:
        assert neutralise(f"{start}1+1") == f"'{start}1+1"
    assert neutralise("Fjord Bygg AS") == "Fjord Bygg AS" and neutralise("'=x") == "'=x"
    out = io.StringIO()
    write_csv(out, header=["a", "b", "c"], rows=[[-3, "-3", "\r=1"], [1.5, "+4791234567", None]])
    assert out.getvalue() == "a,b,c\r\n-3,'-3,\"'\r=1\"\r\n1.5,'+4791234567,\r\n"
    assert plain_text([1, "x"]) == "1, x" and plain_text(True) == "ja"


def _scenario(cli, admin_client: TestClient, db: Database, tmp_path: Path) -> int:  # type: ignore[no-untyped-def]
    """Imports the hostile names, registers each company through its page, and lets one answer by SMS."""
    import random

    rng = random.Random(7)
    orgnrs = list(valid_orgnrs(3, seed=99))
    units = [unit(o, rng, navn=name) for o, name in zip(orgnrs, NAMES, strict=True)]
    units.append(unit(BAD_ORGNR, rng, navn="Feil Nummer AS"))
    register = write_json(tmp_path / "enheter.json", units)
    imported = cli("import", "companies", str(register))
    assert imported.exit_code == 0, imported.output
    rejects_file = Path(str(register) + ".rejects.csv")
    _assert_csv_safe(rejects_file.read_text(encoding="utf-8"), ",", [BAD_ORGNR])
    with db.transaction() as session:
        companies = list(
            session.scalars(select(Company).where(Company.orgnr.in_(orgnrs)).order_by(Company.id))
        )
        assert [c.name for c in companies] == NAMES
        ensure_identifiers(session, company_ids=[c.id for c in companies])
        tokens = list(
            session.scalars(select(Company.token).where(Company.orgnr.in_(orgnrs)).order_by(Company.id))
        )
    for token in tokens:
        got = admin_client.get(f"/r/{token}")
        found = re.search(r'name="csrf_token" value="([^"]+)"', got.text)
        assert found, (token, got.status_code, got.text[-2000:])
        data = {
            "csrf_token": found.group(1),
            "contact_name": CONTACT,
            "phone": "912 34 567",
            "email": "kari@fjord.no",
            "trades": ["1"],
            "places": "2",
            "adult": "ja",
            "start": "@august",
            "consent": "ja",
        }
        assert admin_client.post(f"/r/{token}", data=data).status_code == 200
    with db.transaction() as session:
        assert session.scalar(select(Lead.id).limit(1)) is not None
        campaign, step = make_campaign(session)
        for company in session.scalars(select(Company).where(Company.orgnr.in_(orgnrs))):
            add_outreach(
                session,
                campaign=campaign,
                step=step,
                company=company,
                address="+4791234567",
                state=MessageState.FAILED,
                error="=ERROR.TYPE(1)",
                due_at=utcnow(),
            )
        campaign_id = campaign.id
    for text in (REPLY, REPLY_FORMULA):
        answered = cli("sandbox", "reply", "--from", "+47 912 34 567", "--", text)
        assert answered.exit_code == 0, answered.output
    return campaign_id


def _assert_csv_safe(text: str, delimiter: str, payloads: list[str]) -> None:
    cells = [c for row in csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=delimiter) for c in row]
    for cell in cells:
        assert not cell.startswith(FORMULA_STARTS) or NUMBER.match(cell), f"formula reaches the CSV: {cell!r}"
    for payload in payloads:
        assert "'" + payload in cells, f"{payload!r} missing (neutralised) from the CSV"


def _assert_xlsx_safe(content: bytes, payloads: list[str]) -> list[Any]:
    book = openpyxl.load_workbook(io.BytesIO(content))
    values: list[Any] = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"formula cell {cell.coordinate}: {cell.value!r}"
                values.append(cell.value)
    for payload in payloads:
        assert payload in values, f"{payload!r} missing from the workbook as a plain string"
    return values


def test_outside_text_never_becomes_a_formula_in_any_export(  # type: ignore[no-untyped-def]
    cli, admin_client: TestClient, db: Database, tmp_path: Path, api_token: str
) -> None:
    campaign_id = _scenario(cli, admin_client, db, tmp_path)
    lead_payloads = [*NAMES, CONTACT]

    # Leads: dashboard, API and CLI.
    _assert_csv_safe(admin_client.get("/admin/leads.csv").text, ";", lead_payloads)
    values = _assert_xlsx_safe(admin_client.get("/admin/leads.xlsx").content, lead_payloads)
    assert 2 in values and any(isinstance(v, datetime) for v in values)  # places and times stay typed
    auth = {"Authorization": f"Bearer {api_token}"}
    _assert_csv_safe(admin_client.get("/api/leads/export", headers=auth).text, ",", lead_payloads)
    api_xlsx = admin_client.get("/api/leads/export?format=xlsx", headers=auth)
    assert api_xlsx.headers["content-type"].startswith("application/vnd.openxmlformats")
    _assert_xlsx_safe(api_xlsx.content, lead_payloads)
    _assert_csv_safe(cli("leads", "export").stdout, ",", lead_payloads)
    _assert_csv_safe(cli("leads", "list", "--format", "csv").stdout, ",", lead_payloads)
    assert cli("leads", "export", "--format", "xlsx").exit_code == 2  # a workbook needs -o
    assert cli("leads", "export", "--format", "xlsx", "-o", str(tmp_path / "leads.xlsx")).exit_code == 0
    _assert_xlsx_safe((tmp_path / "leads.xlsx").read_bytes(), lead_payloads)

    # The delivery report: dashboard and CLI.
    report = f"/admin/campaigns/{campaign_id}/report"
    _assert_csv_safe(admin_client.get(report + ".csv").text, ";", [*NAMES, "=ERROR.TYPE(1)"])
    _assert_xlsx_safe(admin_client.get(report + ".xlsx").content, [*NAMES, "=ERROR.TYPE(1)"])
    _assert_csv_safe(cli("campaign", "report", str(campaign_id)).stdout, ",", NAMES)
    out = tmp_path / "report.xlsx"
    assert cli("campaign", "report", str(campaign_id), "--format", "xlsx", "-o", str(out)).exit_code == 0
    _assert_xlsx_safe(out.read_bytes(), NAMES)

    # Replies: dashboard and CLI.
    replies = [REPLY, REPLY_FORMULA]
    _assert_csv_safe(admin_client.get("/admin/replies.csv").text, ";", replies)
    _assert_xlsx_safe(admin_client.get("/admin/replies.xlsx").content, replies)
    _assert_csv_safe(cli("replies", "export").stdout, ",", replies)
    assert cli("replies", "export", "--format", "xlsx", "-o", str(tmp_path / "svar.xlsx")).exit_code == 0
    _assert_xlsx_safe((tmp_path / "svar.xlsx").read_bytes(), replies)

    # Results: our own numbers, typed.
    content = admin_client.get(f"/admin/results.xlsx?campaign={campaign_id}").content
    _assert_xlsx_safe(content, [])
    counties = openpyxl.load_workbook(io.BytesIO(content))["Fylker"]
    targeted = [row[2] for row in counties.iter_rows(min_row=2, values_only=True)]
    assert all(isinstance(v, int) for v in targeted) and sum(targeted) == 3  # typed numbers, all three
    _assert_csv_safe(admin_client.get(f"/admin/results.csv?campaign={campaign_id}&by=trade").text, ";", [])


def test_the_dashboard_import_rejects_are_neutralised_in_both_formats(
    admin_client: TestClient, tmp_path: Path
) -> None:
    import json
    import random

    rng = random.Random(3)
    units = [unit(next(valid_orgnrs(1, seed=5)), rng, navn=HYPERLINK), unit(BAD_ORGNR, rng, navn="X AS")]
    job_url = start_import(admin_client, "enheter.json", json.dumps(units).encode())
    assert "Importen er ferdig" in finished_import(admin_client, job_url)
    _assert_csv_safe(admin_client.get(job_url + "/rejects.csv").text, ";", [BAD_ORGNR])
    _assert_xlsx_safe(admin_client.get(job_url + "/rejects.xlsx").content, [BAD_ORGNR])


@pytest.mark.parametrize("payload", [HYPERLINK, DDE, AT_SUM, "\t=1+1", "\r=1+1", "-1+1"])
def test_each_payload_is_a_quoted_csv_cell(payload: str) -> None:
    out = io.StringIO()
    write_csv(out, header=["navn"], rows=[[payload]])
    cells = [row[0] for row in csv.reader(io.StringIO(out.getvalue()))]
    assert cells == ["navn", "'" + payload]
