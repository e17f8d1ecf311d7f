"""`jeger import companies`: formats, validation, upsert, rejects, and files that are not register files."""

from __future__ import annotations

import csv
import gc
import gzip
import json
import os
import random
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from typer.testing import CliRunner
from typer.testing import Result

from companies.importer import ImportFileError
from companies.importer import import_companies
from settings import Settings
from store.db import Database
from store.models import Channel
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.secrets import AddressHasher
from tests.register_files import CSV_COLUMNS
from tests.register_files import unit
from tests.register_files import units
from tests.register_files import valid_orgnrs
from tests.register_files import write_csv
from tests.register_files import write_json


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
    assert "'123456789' er ugyldig" in rejects[0]["reason"] and "modulus 11" in rejects[0]["reason"]
    assert rejects[1]["reason"] == "organisasjonsnummer mangler"


def test_bad_optional_fields_are_dropped_with_a_warning(db: Database, tmp_path: Path) -> None:
    item = unit(
        next(valid_orgnrs(1)), random.Random(3), mobil="12", epostadresse="ikke-en-adresse", hjemmeside="??"
    )
    summary = import_companies(db, write_json(tmp_path / "x.json", [item]))
    assert (summary.imported, summary.warnings) == (1, 3)
    rejects = rejects_of(Path(summary.rejects_file))
    assert {r["level"] for r in rejects} == {"warning"}
    assert sorted(r["reason"] for r in rejects) == [
        "epostadresse: 'ikke-en-adresse' er ikke en gyldig e-postadresse; ikke lagret",
        "hjemmeside: '??' er ikke en gyldig nettadresse; ikke lagret",
        "mobil: '12' er ikke et gyldig telefonnummer; ikke lagret",
    ]
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


# file name -> (how to write it, what the one-line error must say about it)
NOT_REGISTER_FILES = {
    "empty.json": (lambda p: p.write_bytes(b""), "filen er tom"),
    "blank.csv": (lambda p: p.write_text("   \n"), "filen er tom"),
    "page.html": (
        lambda p: p.write_text("<!DOCTYPE html><html><body>Not found</body></html>"),
        "filen er HTML/XML, ikke en JSON- eller CSV-fil fra Enhetsregisteret",
    ),
    "wrong.csv": (
        lambda p: p.write_text("id;name;phone\n1;A;2\n"),
        "ikke en fil fra Enhetsregisteret: overskriftsraden mangler kolonnen(e) organisasjonsnummer, navn",
    ),
    "wrong.json": (
        lambda p: p.write_text('[{"id": 1, "name": "A"}]'),
        "ikke en fil fra Enhetsregisteret: den første enheten har verken organisasjonsnummer eller navn",
    ),
    "object.json": (
        lambda p: p.write_text('{"organisasjonsnummer": "974760673"}'),
        "JSON-filen er ett enkelt objekt",
    ),
    "binary.bin": (
        lambda p: p.write_bytes(bytes(range(256)) * 10),
        "filen er binær, ikke en JSON- eller CSV-fil fra Enhetsregisteret",
    ),
    "cut.json": (
        lambda p: p.write_text(json.dumps(list(units(50)))[:-300]),
        "JSON-filen er avkortet eller ugyldig ved enhet 50 (filen slutter midt i en enhet)",
    ),
    "cut.json.gz": (_truncated_gzip, "filen er avkortet eller skadet"),
    "nothing.json": (lambda p: p.write_text("[]"), "filen inneholder ingen enheter"),
}


@pytest.mark.parametrize("name", list(NOT_REGISTER_FILES))
def test_a_file_that_is_not_a_register_file_exits_2_and_changes_nothing(
    cli, db: Database, tmp_path: Path, name: str
) -> None:  # type: ignore[no-untyped-def]
    import_companies(db, write_json(tmp_path / "before.json", units(3, seed=9)))
    path = tmp_path / name
    write, problem = NOT_REGISTER_FILES[name]
    write(path)
    result = cli("import", "companies", str(path), "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert f"{path}: {problem}" in result.stderr
    with db.session() as session:
        assert count(session, Company) == 3
    assert not (tmp_path / f"{name}.rejects.csv").exists()


def test_a_missing_file_is_reported(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("import", "companies", str(tmp_path / "nope.json"))
    assert result.exit_code == 2 and f"{tmp_path / 'nope.json'}: finner ikke filen" in result.stderr


def test_import_error_names_the_file_in_each_language(tmp_path: Path) -> None:
    error = ImportFileError(tmp_path / "a.csv", "file_empty")
    assert str(error) == f"{tmp_path / 'a.csv'}: filen er tom"
    assert error.text_in("nn") == f"{tmp_path / 'a.csv'}: fila er tom"
    assert error.text_in("en") == f"{tmp_path / 'a.csv'}: the file is empty"


def test_invalid_bytes_in_json_are_reported_in_one_readable_line(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bytes.json"
    path.write_bytes(b'[{"organisasjonsnummer": "974760673", "navn": "A\xff\xfeB"}]')
    result = cli("import", "companies", str(path), "--json")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0]
    assert "ugyldig ved enhet 1 (ugyldige byte i UTF-8-tekst)" in lines[0]
    assert "b'" not in lines[0] and "\\x" not in lines[0] and "right here" not in lines[0]


def test_csv_rejects_name_the_line_of_the_file(db: Database, tmp_path: Path) -> None:
    # write_csv puts a line break inside every `aktivitet` cell, so records and lines differ.
    items = list(units(4))
    items[2]["organisasjonsnummer"] = "123456789"
    path = write_csv(tmp_path / "x.csv", items)
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "123456789" in text)
    assert line == 6  # header, then two lines per record
    summary = import_companies(db, path)
    assert [(r["row"], r["orgnr"]) for r in rejects_of(Path(summary.rejects_file))] == [
        (str(line), "123456789")
    ]


def test_a_ragged_csv_row_is_rejected_naming_both_column_counts(db: Database, tmp_path: Path) -> None:
    a, b = valid_orgnrs(2)
    path = tmp_path / "x.csv"
    path.write_text(f"organisasjonsnummer;navn\n{a};EN AS\n{b};TO AS;ekstra\n", encoding="utf-8")
    summary = import_companies(db, path)
    assert (summary.imported, summary.rejected) == (1, 1)
    assert rejects_of(Path(summary.rejects_file)) == [
        {
            "row": "3",
            "orgnr": b,
            "level": "error",
            "reason": "raden har 3 kolonner, men overskriftsraden har 2",
        }
    ]


def _outreach(session: Session, channel: Channel) -> set[str]:
    """The addresses a campaign step on the channel would use."""
    from campaigns.audience import recipients
    from campaigns.definition_model import parse_stored

    ids = [
        cid
        for _, query in recipients(parse_stored({}), channel)
        for _, cid in session.execute(query).tuples()
    ]
    return set(session.scalars(select(Contact.address).where(Contact.id.in_(ids))))


def _replaced(session: Session) -> dict[str, bool]:
    return {c.address: c.replaced_at is not None for c in session.scalars(select(Contact))}


def test_a_reimport_replaces_old_register_addresses_and_outreach_uses_the_new(
    db: Database, tmp_path: Path
) -> None:
    item = unit(
        next(valid_orgnrs(1)),
        random.Random(4),
        telefon="73 00 00 00",
        mobil="91234567",
        epostadresse="post@gammel.no",
    )
    import_companies(db, write_json(tmp_path / "a.json", [item]))
    with db.transaction() as session:
        company = session.scalars(select(Company)).one()
        hasher = AddressHasher.load(session)
        for kind, address, source in (
            (ContactKind.TELEGRAM, "5550001", "telegram"),
            (ContactKind.EMAIL, "kari@bedrift.no", "registration"),
        ):
            session.add(
                Contact(
                    company_id=company.id,
                    kind=kind,
                    address=address,
                    address_hash=hasher(kind, address),
                    source=source,
                )
            )

    moved = dict(item, mobil="92345678", epostadresse="post@ny.no")
    assert import_companies(db, write_json(tmp_path / "b.json", [moved])).updated == 1
    with db.session() as session:
        assert _replaced(session) == {
            "+4773000000": False,
            "+4791234567": True,
            "+4792345678": False,
            "post@gammel.no": True,
            "post@ny.no": False,
            "5550001": False,  # other sources are never touched
            "kari@bedrift.no": False,
        }
        assert _outreach(session, Channel.SMS) == {"+4792345678"}
        assert _outreach(session, Channel.EMAIL) == {"post@ny.no"}

    back = dict(item, epostadresse="post@ny.no")  # the old mobile number is back
    import_companies(db, write_json(tmp_path / "c.json", [back]))
    with db.session() as session:
        replaced = _replaced(session)
        assert (replaced["+4791234567"], replaced["+4792345678"]) == (False, True)
        assert _outreach(session, Channel.SMS) == {"+4791234567"}  # though +4792345678 is newer
        assert count(session, Contact) == 7


def test_an_overlong_or_unstorable_field_is_dropped_and_its_neighbours_imported(
    db: Database, tmp_path: Path
) -> None:
    # On PostgreSQL any of these values would abort the whole file's transaction.
    rng = random.Random(6)
    a, b, c, d = valid_orgnrs(4)
    messy = unit(
        b,
        rng,
        navn="LANGT NAVN " * 40,
        organisasjonsform={"kode": "X" * 40},
        antallAnsatte=10**12,
        forretningsadresse={
            "adresse": ["Gate\x00 1"],
            "postnummer": "9" * 30,
            "poststed": "P" * 150,
            "kommunenummer": "5501",
        },
        epostadresse="a" * 400 + "@eksempel.no",
        hjemmeside="www." + "h" * 400 + ".no",
    )
    items = [unit(a, rng), messy, unit(c, rng, navn="NUL\x00 AS"), unit(d, rng)]
    summary = import_companies(db, write_json(tmp_path / "x.json", items))
    assert (summary.read, summary.imported, summary.rejected, summary.warnings) == (4, 3, 1, 8)
    rejects = rejects_of(Path(summary.rejects_file))
    assert {(r["row"], r["level"]) for r in rejects} == {("2", "warning"), ("3", "error")}
    assert sorted(r["reason"].split(":")[0] for r in rejects if r["level"] == "warning") == sorted(
        [
            "navn",
            "organisasjonsform.kode",
            "antallAnsatte",
            "forretningsadresse.adresse",
            "forretningsadresse.postnummer",
            "forretningsadresse.poststed",
            "epostadresse",
            "hjemmeside",
        ]
    )
    reasons = {r["reason"].split(":")[0]: r["reason"] for r in rejects}
    assert reasons["navn"] == "navn: 439 tegn, forkortet til de 300 som er tillatt"  # stripped
    assert reasons["epostadresse"] == "epostadresse: 412 tegn, mer enn de 320 som er tillatt; ikke lagret"
    assert reasons["forretningsadresse.adresse"] == (
        "forretningsadresse.adresse: 'Gate\\x00 1' inneholder tegn som ikke kan lagres; ikke lagret"
    )
    assert "navn 'NUL\\x00 AS' inneholder tegn som ikke kan lagres" in reasons  # the rejected unit
    with db.session() as session:
        assert set(session.scalars(select(Company.orgnr))) == {a, b, d}
        stored = session.scalars(select(Company).where(Company.orgnr == b)).one()
    assert len(stored.name) <= 300 and stored.name.startswith("LANGT NAVN")
    assert (stored.org_form, stored.employees, stored.email, stored.website) == (None, None, None, None)
    assert (stored.business_street, stored.business_postcode, stored.business_city) == (None, None, None)
    assert (stored.municipality_number, stored.county_number) == ("5501", "55")


def test_an_unknown_municipality_is_dropped_and_the_postal_one_used(db: Database, tmp_path: Path) -> None:
    rng = random.Random(7)
    a, b, c = valid_orgnrs(3)
    items = [
        unit(a, rng, forretningsadresse={"kommunenummer": "0399"}, postadresse={"kommunenummer": "5501"}),
        unit(b, rng, forretningsadresse={"kommunenummer": "0399"}, postadresse={"kommunenummer": "03x"}),
        unit(c, rng, forretningsadresse={"kommunenummer": 301}),
    ]
    summary = import_companies(db, write_json(tmp_path / "x.json", items))
    assert (summary.imported, summary.warnings) == (3, 3)
    with db.session() as session:
        places = {
            orgnr: (municipality, county)
            for orgnr, municipality, county in session.execute(
                select(Company.orgnr, Company.municipality_number, Company.county_number)
            ).tuples()
        }
    assert places == {a: ("5501", "55"), b: (None, None), c: ("0301", "03")}
    reasons = [(r["row"], r["reason"]) for r in rejects_of(Path(summary.rejects_file))]
    assert [row for row, _ in reasons] == ["1", "2", "2"]
    assert reasons[0][1] == "forretningsadresse.kommunenummer: '0399' er et ukjent kommunenummer; ikke lagret"
    assert [reason for _, reason in reasons[1:]] == [
        "forretningsadresse.kommunenummer: '0399' er et ukjent kommunenummer; ikke lagret, fylket står tomt",
        "postadresse.kommunenummer: '03x' er ikke et kommunenummer; ikke lagret, fylket står tomt",
    ]


def test_a_failed_import_keeps_the_earlier_rejects_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    items = list(units(60))
    items[1]["organisasjonsnummer"] = "123456789"
    work = tmp_path / "in"
    work.mkdir()
    rejects = work / "r.csv"
    good = write_json(work / "a.json", items)
    assert cli("import", "companies", str(good), "--rejects", str(rejects), "--json").exit_code == 0
    before = rejects.read_text()
    assert "123456789" in before
    cut = work / "cut.json"  # breaks after the rejects file is opened
    cut.write_text(json.dumps(items)[:-300])
    result = cli("import", "companies", str(cut), "--rejects", str(rejects), "--json")
    assert result.exit_code == 2, result.output
    assert rejects.read_text() == before
    assert sorted(p.name for p in work.iterdir()) == ["a.json", "cut.json", "r.csv"]


def test_rejects_in_a_missing_directory_exit_2_with_one_line(cli, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_json(tmp_path / "x.json", units(2))
    missing = tmp_path / "finnes-ikke" / "r.csv"
    result = cli("import", "companies", str(path), "--rejects", str(missing))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(missing) in lines[0] and "mappen" in lines[0] and "finnes ikke" in lines[0]
    with db.session() as session:
        assert count(session, Company) == 0


@pytest.fixture
def empty_database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A database nobody ran `jeger init` on."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'tom.db'}"
        return
    from tests.conftest import PG_URL
    from tests.conftest import _admin_engine
    from tests.conftest import drop_database_url

    if not PG_URL:
        pytest.skip("PostgreSQL: TEST_DATABASE_URL is not set")
    name = f"jeger_empty_{os.getpid()}_{tmp_path.name}"[:60]
    admin = _admin_engine()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    yield url
    drop_database_url(url)


def test_commands_on_a_database_never_initialised_exit_2_until_init(
    empty_database_url: str, tmp_path: Path
) -> None:
    from cli import Context
    from cli import app

    settings = Settings(_env_file=None, database_url=empty_database_url, secret_key="k")  # type: ignore[call-arg]
    path = write_json(tmp_path / "x.json", units(2))

    def run(*args: str) -> Result:
        return CliRunner().invoke(app, list(args), obj=Context(settings=settings))

    for args in (("import", "companies", str(path)), ("companies", "list", "--json")):
        result = run(*args)
        assert result.exit_code == 2, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "ikke klargjort" in lines[0] and "jeger init" in lines[0]
        assert make_url(empty_database_url).database in lines[0]
    assert not (tmp_path / "x.json.rejects.csv").exists()
    assert run("init", "--json").exit_code == 0
    assert run("import", "companies", str(path), "--json").exit_code == 0
    Database(empty_database_url).dispose()


def _peak_import_memory(db: Database, path: Path) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        summary = import_companies(db, path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert summary.rejected == 0
    return peak - base


def test_import_memory_does_not_grow_with_the_file(db: Database, tmp_path: Path) -> None:
    # Seeds far apart give disjoint orgnrs, so every import inserts; a warm-up pays the one-time costs
    # (phone metadata, compiled statements) before anything is measured.
    import_companies(db, write_json(tmp_path / "warm.json", units(50, seed=50)))
    small = _peak_import_memory(db, write_json(tmp_path / "small.json", units(2_000, seed=1)))
    large = _peak_import_memory(db, write_json(tmp_path / "large.json", units(6_000, seed=200)))
    with db.session() as session:
        assert count(session, Company) == 8_050
    # The importer holds one batch of 2,000 units at most (about 8 MB here, flat with the file): holding the
    # file, or every unit, would make the large peak about three times the small one. tracemalloc counts
    # Python allocations exactly, where RSS would drift with the allocator and the rest of the process.
    assert large < 2 * small + 1024 * 1024, (small, large)
