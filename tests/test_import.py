"""`jeger import companies`: formats, validation, upsert, rejects, and files that are not register files."""

from __future__ import annotations

import csv
import gzip
import json
import random
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.db import Database
from store.importer import ImportFileError, import_companies
from store.models import Company, Contact, ContactKind
from tests.register_files import CSV_COLUMNS, unit, units, valid_orgnrs, write_csv, write_json


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def rejects_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(
    ("suffix", "writer"),
    [
        ("json", lambda p, items: write_json(p, items)),
        ("json.gz", lambda p, items: write_json(p, items, gz=True)),
        ("csv", lambda p, items: write_csv(p, items)),
        ("semicolon.csv", lambda p, items: write_csv(p, items, delimiter=";")),
        ("bom.csv", lambda p, items: write_csv(p, items, encoding="utf-8-sig")),
        ("cp1252.csv", lambda p, items: write_csv(p, items, delimiter=";", encoding="cp1252")),
        ("csv.gz", lambda p, items: write_csv(p, items, gz=True)),
    ],
)
def test_it_imports_every_register_format(db: Database, tmp_path: Path, suffix: str, writer) -> None:  # type: ignore[no-untyped-def]
    items = list(units(25))
    items[0]["navn"] = "SKJÆRGÅRD ØSTLANDET AS"
    path = writer(tmp_path / f"enheter.{suffix}", items)
    summary = import_companies(db, path)
    assert (summary.read, summary.imported, summary.rejected) == (25, 25, 0)
    with db.session() as session:
        assert count(session, Company) == 25
        first = session.scalar(select(Company).where(Company.orgnr == items[0]["organisasjonsnummer"]))
        assert first is not None and first.name == "SKJÆRGÅRD ØSTLANDET AS"
        assert first.county_number == first.municipality_number[:2]  # type: ignore[index]
        assert first.phone and first.phone.startswith("+47")
        assert first.business_street and first.business_street.startswith("Storgata")


def test_columns_in_any_order_with_unknown_extras(db: Database, tmp_path: Path) -> None:
    columns = [*reversed(CSV_COLUMNS), "vedtektsdato", "institusjonellSektorkode.kode"]
    path = write_csv(tmp_path / "x.csv", units(5), columns=columns)
    assert import_companies(db, path).imported == 5


def test_bad_orgnr_is_rejected_with_its_row_and_the_rest_imported(db: Database, tmp_path: Path) -> None:
    items = list(units(4))
    items[1]["organisasjonsnummer"] = "123456789"
    items[2]["organisasjonsnummer"] = ""
    path = write_json(tmp_path / "x.json", items)
    summary = import_companies(db, path)
    assert (summary.imported, summary.rejected) == (2, 2)
    rejects = rejects_of(Path(summary.rejects_file))
    assert [(r["row"], r["orgnr"], r["level"]) for r in rejects] == [
        ("2", "123456789", "error"),
        ("3", "", "error"),
    ]
    assert "mod-11" in rejects[0]["reason"]


def test_bad_optional_fields_are_dropped_with_a_warning(db: Database, tmp_path: Path) -> None:
    item = unit(
        next(valid_orgnrs(1)), random.Random(3), mobil="12", epostadresse="ikke-en-adresse", hjemmeside="??"
    )
    summary = import_companies(db, write_json(tmp_path / "x.json", [item]))
    assert (summary.imported, summary.warnings) == (1, 3)
    assert {r["level"] for r in rejects_of(Path(summary.rejects_file))} == {"warning"}
    with db.session() as session:
        company = session.scalars(select(Company)).one()
        assert company.mobile is None and company.email is None and company.website is None
        kinds = sorted(c.kind for c in session.scalars(select(Contact)))
        assert kinds == [ContactKind.PHONE]  # the landline remains, flagged as not mobile


def test_mobile_and_landline_contacts_are_classified(db: Database, tmp_path: Path) -> None:
    import_companies(db, write_json(tmp_path / "x.json", units(1)))
    with db.session() as session:
        contacts = {(c.kind, c.is_mobile) for c in session.scalars(select(Contact))}
    assert contacts == {(ContactKind.PHONE, True), (ContactKind.PHONE, False), (ContactKind.EMAIL, False)}


def test_bankrupt_and_wound_up_units_are_imported_but_never_contacted(db: Database, tmp_path: Path) -> None:
    rng = random.Random(1)
    a, b, c, d = valid_orgnrs(4)
    items = [
        unit(a, rng, konkurs=True),
        unit(b, rng, underAvvikling=True),
        unit(c, rng, underTvangsavviklingEllerTvangsopplosning=True),
        {
            "organisasjonsnummer": d,
            "navn": "SLETTET AS",
            "organisasjonsform": {"kode": "AS"},
            "slettedato": "2020-01-02",
        },
    ]
    import_companies(db, write_json(tmp_path / "x.json", items))
    with db.session() as session:
        companies = {x.orgnr: x for x in session.scalars(select(Company))}
    assert all(companies[o].never_contact for o in (a, b, c, d))
    assert companies[d].deleted_on is not None


def test_reimport_counts_unchanged_and_updated_and_makes_no_duplicates(db: Database, tmp_path: Path) -> None:
    items = list(units(10))
    import_companies(db, write_json(tmp_path / "a.json", items))
    items[0]["navn"] = "NYTT NAVN AS"
    items[1]["antallAnsatte"] = 999
    summary = import_companies(db, write_json(tmp_path / "b.json", items))
    assert (summary.imported, summary.updated, summary.unchanged) == (0, 2, 8)
    with db.session() as session:
        assert count(session, Company) == 10
        assert count(session, Contact) == 30


def test_reimport_never_clears_what_the_file_lacks(db: Database, tmp_path: Path) -> None:
    item = unit(next(valid_orgnrs(1)), random.Random(2))
    import_companies(db, write_json(tmp_path / "a.json", [item]))
    lean = {k: v for k, v in item.items() if k not in ("epostadresse", "mobil", "antallAnsatte")}
    import_companies(
        db, write_csv(tmp_path / "b.csv", [lean], columns=["organisasjonsnummer", "navn", "telefon"])
    )
    with db.session() as session:
        company = session.scalars(select(Company)).one()
    assert company.email == item["epostadresse"]
    assert company.employees == item["antallAnsatte"]
    assert company.nace_code == item["naeringskode1"]["kode"]


def test_json_summary_has_exactly_the_documented_keys(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_json(tmp_path / "x.json", units(3))
    result = cli("import", "companies", str(path), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["read", "imported", "updated", "unchanged", "rejected", "warnings", "rejects_file"]
    assert data["read"] == data["imported"] == 3
    assert data["rejects_file"] == str(tmp_path / "x.json.rejects.csv")


def test_rejects_path_can_be_chosen(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_json(tmp_path / "x.json", units(2))
    result = cli("import", "companies", str(path), "--rejects", str(tmp_path / "r.csv"), "--json")
    assert json.loads(result.stdout)["rejects_file"] == str(tmp_path / "r.csv")
    assert (tmp_path / "r.csv").read_text().startswith("row,orgnr,level,reason")


def _truncated_gzip(path: Path) -> Path:
    data = gzip.compress(json.dumps(list(units(300))).encode())
    path.write_bytes(data[: len(data) // 2])
    return path


NOT_REGISTER_FILES = {
    "empty.json": lambda p: p.write_bytes(b""),
    "blank.csv": lambda p: p.write_text("   \n"),
    "page.html": lambda p: p.write_text("<!DOCTYPE html><html><body>Not found</body></html>"),
    "wrong.csv": lambda p: p.write_text("id;name;phone\n1;A;2\n"),
    "wrong.json": lambda p: p.write_text('[{"id": 1, "name": "A"}]'),
    "object.json": lambda p: p.write_text('{"organisasjonsnummer": "974760673"}'),
    "binary.bin": lambda p: p.write_bytes(bytes(range(256)) * 10),
    "cut.json": lambda p: p.write_text(json.dumps(list(units(50)))[:-300]),
    "cut.json.gz": _truncated_gzip,
    "nothing.json": lambda p: p.write_text("[]"),
}


@pytest.mark.parametrize("name", list(NOT_REGISTER_FILES))
def test_a_file_that_is_not_a_register_file_exits_2_and_changes_nothing(
    cli, db: Database, tmp_path: Path, name: str
) -> None:  # type: ignore[no-untyped-def]
    import_companies(db, write_json(tmp_path / "before.json", units(3, seed=9)))
    path = tmp_path / name
    NOT_REGISTER_FILES[name](path)
    result = cli("import", "companies", str(path), "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert str(path) in result.stderr and len(result.stderr.strip().splitlines()) <= 2
    with db.session() as session:
        assert count(session, Company) == 3
    assert not (tmp_path / f"{name}.rejects.csv").exists()


def test_a_missing_file_is_reported(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("import", "companies", str(tmp_path / "nope.json"))
    assert result.exit_code == 2 and "no such file" in result.stderr


def test_import_does_not_grow_memory_with_the_file(tmp_path: Path) -> None:
    # The stream yields units one at a time; nothing holds the whole file.
    from store.importer.sources import open_register_file

    path = write_json(tmp_path / "x.json", units(50))
    source = open_register_file(path)
    stream = source.units()
    first = next(stream)
    assert first[0] == 1 and "organisasjonsnummer" in first[1]
    assert source.bytes_read() < path.stat().st_size or path.stat().st_size < 65536
    source.raw.close()


def test_import_error_names_the_file(tmp_path: Path) -> None:
    error = ImportFileError(tmp_path / "a.csv", "the file is empty")
    assert str(error) == f"{tmp_path / 'a.csv'}: the file is empty"
