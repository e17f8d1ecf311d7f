"""`jeger import training-companies` (PRODUCT §11): county lists of approved training companies, their trades,
withdrawal, unknown orgnrs applied later, and where hunters, staff and the audience see the result."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path
from typing import Any

import xlsxwriter
from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from settings import Settings
from store.db import Database
from store.models import Company
from store.models import Trade
from store.models import TrainingApproval
from tests.outbox_factories import make_recipient
from tests.register_files import unit
from tests.register_files import valid_orgnrs
from tests.register_files import write_json
from tests.test_campaign_rules import materialised
from tests.test_campaign_rules import toml

RunCli = Any


def write_list(path: Path, rows: list[list[str]], *, delimiter: str = ";", encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def companies(db: Database, count: int, county: str = "55") -> list[str]:
    with db.transaction() as session:
        return [make_recipient(session, county_number=county)[0].orgnr for _ in range(count)]


def approvals(session: Session) -> set[tuple[str, str, str]]:
    rows = session.execute(
        select(TrainingApproval.orgnr, TrainingApproval.county_number, Trade.name).join(
            Trade, Trade.id == TrainingApproval.trade_id
        )
    ).tuples()
    return set(rows)


def flag(session: Session, orgnr: str) -> bool:
    company = session.scalars(select(Company).where(Company.orgnr == orgnr)).one()
    return company.is_training_company


def run(cli: RunCli, path: Path, *extra: str) -> dict[str, Any]:
    result = cli("import", "training-companies", str(path), "--json", *extra)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_a_semicolon_csv_matches_trades_by_code_and_by_name_without_case_or_accents(
    cli: RunCli, db: Database, tmp_path: Path
) -> None:
    a, b, c = companies(db, 3)
    path = write_list(
        tmp_path / "laerebedrifter.csv",
        [
            ["Organisasjonsnummer", "Bedrift", "Lærefag", "Fagkode", "Fylke"],
            [a, "A AS", "", "PRT3004", "Troms"],
            [b, "B AS", "cnc-MASKINERINGSFAGET", "", "55"],
            [b, "B AS", "ANLEGGSRORLEGGERFAGET", "", "Troms fylkeskommune"],
            [c, "C AS", "Lasesmedfaget", "", "Troms - Romsa - Tromssa"],
        ],
        encoding="cp1252",
    )
    summary = run(cli, path)
    assert summary == {
        "read": 4,
        "matched": 4,
        "unknown": 0,
        "rejected": 0,
        "rejects_file": str(path) + ".rejects.csv",
    }
    with db.session() as session:
        assert approvals(session) == {
            (a, "55", "Produksjonsteknikkfaget"),
            (b, "55", "CNC-maskineringsfaget"),
            (b, "55", "Anleggsrørleggerfaget"),
            (c, "55", "Låsesmedfaget"),
        }
        assert all(flag(session, orgnr) for orgnr in (a, b, c))


def test_an_xlsx_list_with_a_title_row_and_number_cells_is_read(
    cli: RunCli, db: Database, tmp_path: Path
) -> None:
    a, b = companies(db, 2, county="56")
    path = tmp_path / "godkjente.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Lærebedrifter")
    sheet.write_row(0, 0, ["Godkjente lærebedrifter i Finnmark, desember 2026"])
    sheet.write_row(1, 0, ["Org.nr.", "Navn", "Programområdekode", "Fylkesnummer"])
    sheet.write_row(2, 0, [int(a), "A AS", "TIPRT3----", 56])
    sheet.write_row(3, 0, [int(b), "B AS", "ELE3004", 56])
    sheet.write_row(4, 0, [int(b), "B AS", "XYZ9999", 56])
    book.close()
    summary = run(cli, path)
    assert (summary["read"], summary["matched"], summary["rejected"]) == (3, 2, 1)
    with (path.parent / "godkjente.xlsx.rejects.csv").open(encoding="utf-8", newline="") as handle:
        rejects = list(csv.DictReader(handle))
    assert rejects == [{"row": "5", "orgnr": b, "reason": "ukjent lærefag «XYZ9999»"}]
    with db.session() as session:
        assert approvals(session) == {(a, "56", "Produksjonsteknikkfaget"), (b, "56", "Elektrikerfaget")}


def test_bad_rows_go_to_the_rejects_file_with_their_row_numbers_and_the_rest_is_imported(
    cli: RunCli, db: Database, tmp_path: Path
) -> None:
    (good,) = companies(db, 1)
    path = write_list(
        tmp_path / "troms.csv",
        [
            ["Orgnr", "Fag", "Fylke"],
            [good, "Elektrikerfaget", "55"],
            ["123456789", "Elektrikerfaget", "55"],
            [good, "Sjørøverfaget", "55"],
            [good, "Elektrikerfaget", "Atlantis"],
            ['=HYPERLINK("http://x")', "", ""],
        ],
        delimiter=",",
    )
    summary = run(cli, path)
    assert (summary["read"], summary["matched"], summary["rejected"]) == (5, 1, 4)
    text = Path(summary["rejects_file"]).read_text(encoding="utf-8")
    assert "'=HYPERLINK" in text  # neutralised for spreadsheets
    rejects = list(csv.DictReader(text.splitlines()))
    assert [(r["row"], r["reason"]) for r in rejects] == [
        ("3", "ugyldig organisasjonsnummer «123456789»"),
        ("4", "ukjent lærefag «Sjørøverfaget»"),
        ("5", "ukjent fylke «Atlantis»"),
        ("6", 'ugyldig organisasjonsnummer «=HYPERLINK("http://x")»; mangler fylke; mangler lærefag'),
    ]
    with db.session() as session:
        assert approvals(session) == {(good, "55", "Elektrikerfaget")}


def test_an_unknown_orgnr_is_kept_and_applied_when_the_company_is_imported(
    cli: RunCli, db: Database, tmp_path: Path
) -> None:
    newcomer = next(valid_orgnrs(1, seed=4242))
    path = write_list(tmp_path / "troms.csv", [["Orgnr", "Fagkode", "Fylke"], [newcomer, "ELE3004", "55"]])
    assert run(cli, path)["unknown"] == 1
    register = write_json(tmp_path / "enheter.json", [unit(newcomer, random.Random(1))])
    imported = cli("import", "companies", str(register), "--json")
    assert imported.exit_code == 0, imported.stderr
    with db.session() as session:
        assert flag(session, newcomer)


def test_a_county_list_withdraws_that_countys_missing_approvals_and_no_other_countys(
    cli: RunCli, db: Database, tmp_path: Path
) -> None:
    a, b, marked, protected = companies(db, 4)
    (finnmark,) = companies(db, 1, county="56")
    with db.transaction() as session:
        company = session.scalars(select(Company).where(Company.orgnr == marked)).one()
        company.training_marked = company.is_training_company = True  # a hunter reported it
    header = ["Organisasjonsnummer", "Lærefag", "Fylkesnummer"]
    first = [[a, "Elektrikerfaget", "55"], [b, "Elektrikerfaget", "55"], [marked, "Elektrikerfaget", "55"]]
    first.append([protected, "Elektrikerfaget", "55"])
    run(cli, write_list(tmp_path / "troms.csv", [header, *first]))
    run(cli, write_list(tmp_path / "finnmark.csv", [header, [finnmark, "Elektrikerfaget", "56"]]))

    later = [header, [a, "Elektrikerfaget", "55"], [protected, "Elektrikerfagett", "55"]]
    result = cli("import", "training-companies", str(write_list(tmp_path / "troms-2.csv", later)))
    assert result.exit_code == 0, result.stderr
    assert "Godkjenninger: 0 nye, 2 trukket tilbake" in result.stdout  # b's and marked's; not protected's
    with db.session() as session:
        assert {o for o, _, _ in approvals(session)} == {a, protected, finnmark}
        assert not flag(session, b)
        assert flag(session, marked)  # the hunter's word stands
        assert flag(session, finnmark)


def test_a_second_run_of_the_same_file_changes_nothing(cli: RunCli, db: Database, tmp_path: Path) -> None:
    a, b = companies(db, 2)
    path = write_list(
        tmp_path / "troms.csv", [["Orgnr", "Fagkode", "Fylke"], [a, "ELE3004", "55"], [b, "PRT3004", "55"]]
    )
    run(cli, path)
    with db.session() as session:
        before = session.execute(select(TrainingApproval.id, TrainingApproval.imported_at)).tuples().all()
    again = cli("import", "training-companies", str(path))
    assert again.exit_code == 0
    assert "Godkjenninger: 0 nye, 0 trukket tilbake" in again.stdout
    with db.session() as session:
        after = session.execute(select(TrainingApproval.id, TrainingApproval.imported_at)).tuples().all()
    assert sorted(after) == sorted(before) and len(after) == 2


def test_json_has_exactly_the_documented_keys_and_a_list_without_columns_exits_2(
    cli: RunCli, db: Database, tmp_path: Path
) -> None:
    (a,) = companies(db, 1)
    path = write_list(tmp_path / "t.csv", [["Orgnr", "Fag"], [a, "Elektrikerfaget"]])
    assert set(run(cli, path, "--county", "Troms")) == {
        "read",
        "matched",
        "unknown",
        "rejected",
        "rejects_file",
    }
    no_trade = write_list(tmp_path / "bad.csv", [["Orgnr", "Fylke"], [a, "55"]])
    refused = cli("import", "training-companies", str(no_trade))
    assert refused.exit_code == 2 and "mangler kolonnen(e) lærefag" in refused.stderr
    no_county = write_list(tmp_path / "bad2.csv", [["Orgnr", "Fag"], [a, "Elektrikerfaget"]])
    refused = cli("import", "training-companies", str(no_county))
    assert refused.exit_code == 2 and "fylke" in refused.stderr


def test_the_audience_leaves_out_approved_training_companies_until_the_county_withdraws(
    cli: RunCli, db: Database, settings: Settings, tmp_path: Path
) -> None:
    approved, other = companies(db, 2)
    header = ["Orgnr", "Fagkode", "Fylke"]
    run(cli, write_list(tmp_path / "troms.csv", [header, [approved, "ELE3004", "55"]]))
    audience = 'counties = ["55"]\nexclude = ["training_company"]'
    with db.session() as session:
        ids = dict(session.execute(select(Company.orgnr, Company.id)).tuples().all())
    _, got = materialised(db, settings, toml(audience))
    reached = {company for company, _ in got["sms"]}
    assert ids[other] in reached and ids[approved] not in reached
    (third,) = companies(db, 1)
    run(cli, write_list(tmp_path / "troms-2.csv", [header, [third, "ELE3004", "55"]]))
    _, got = materialised(db, settings, toml(audience))
    assert ids[approved] in {company for company, _ in got["sms"]}


def test_the_company_page_and_the_hunters_lead_card_show_the_approved_trades(
    cli: RunCli, admin_client: TestClient, db: Database, tmp_path: Path
) -> None:
    from hunters.leads import card_for
    from hunters.leads import create_lead
    from tests.lead_factories import make_registration

    (orgnr,) = companies(db, 1)
    rows = [["Orgnr", "Fagkode", "Fylke"], [orgnr, "ELE3004", "55"], [orgnr, "PRT3004", "55"]]
    run(cli, write_list(tmp_path / "troms.csv", rows))
    page = admin_client.get(f"/admin/companies/{orgnr}")
    assert page.status_code == 200
    assert "Godkjent lærebedrift i" in page.text
    assert "Elektrikerfaget (Troms), Produksjonsteknikkfaget (Troms)" in page.text
    with db.transaction() as session:
        company = session.scalars(select(Company).where(Company.orgnr == orgnr)).one()
        lead = create_lead(session, registration_id=make_registration(session, company=company).id)
        card = card_for(session, lead, "nb")
    assert "Godkjent lærebedrift i: Elektrikerfaget (Troms), Produksjonsteknikkfaget (Troms)" in card


def test_the_example_list_imports_without_rejects(cli: RunCli, db: Database, tmp_path: Path) -> None:
    example = Path(__file__).resolve().parent.parent / "examples" / "laerebedrifter-troms.csv"
    copy = tmp_path / example.name
    copy.write_bytes(example.read_bytes())
    summary = run(cli, copy)
    assert (summary["read"], summary["rejected"]) == (5, 0)
    with db.session() as session:
        assert ("855422794", "55", "Tak- og membrantekkerfaget") in approvals(session)


def test_migration_0009_keeps_what_hunters_marked_and_every_companys_rows(db: Database) -> None:
    from sqlalchemy import text

    from tests.test_migration_0004 import migrate

    migrate(db, "0008", down=True)
    with db.engine.begin() as connection:
        for company_id, orgnr, marked in ((1, "974760673", True), (2, "923609016", False)):
            connection.execute(
                text(
                    "INSERT INTO company (id, orgnr, name, language, is_training_company, bankrupt, winding_up, "
                    "created_at, updated_at) VALUES (:id, :orgnr, 'Fjord Bygg AS', 'nb', :marked, false, false, "
                    "'2026-12-01 10:00:00', '2026-12-01 10:00:00')"
                ),
                {"id": company_id, "orgnr": orgnr, "marked": marked},
            )
            connection.execute(
                text(
                    "INSERT INTO contact (company_id, kind, address, address_hash, is_mobile, source, created_at) "
                    "VALUES (:id, 'phone', :address, :address, true, 'register', '2026-12-01 10:00:00')"
                ),
                {"id": company_id, "address": f"+4791{company_id:06d}"},
            )
    migrate(db, "head")
    with db.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT id, is_training_company, training_marked FROM company ORDER BY id")
        ).all()
        assert [(i, bool(a), bool(b)) for i, a, b in rows] == [(1, True, True), (2, False, False)]
        assert connection.scalar(text("SELECT count(*) FROM contact")) == 2
    migrate(db, "0008", down=True)
    migrate(db, "head")
    with db.engine.connect() as connection:
        assert connection.scalar(text("SELECT count(*) FROM contact")) == 2


def test_companies_show_lists_the_approved_trades(cli: RunCli, db: Database, tmp_path: Path) -> None:
    (orgnr,) = companies(db, 1)
    run(cli, write_list(tmp_path / "troms.csv", [["Orgnr", "Fagkode", "Fylke"], [orgnr, "ELE3004", "55"]]))
    shown = json.loads(cli("companies", "show", orgnr, "--json").stdout)
    assert shown["approved_trades"] == [{"trade": "Elektrikerfaget", "county": "Troms"}]
    assert shown["flags"]["training_company"] is True
    assert "godkjent i: Elektrikerfaget (Troms)" in cli("companies", "show", orgnr).stdout
