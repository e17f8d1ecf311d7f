"""The staged, set-based upsert of `jeger import companies` keeps every promise of the row-by-row one."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from companies.importer import ImportFileError
from companies.importer import import_companies
from store.db import Database
from store.models import Company
from store.models import Contact
from tests.register_files import unit
from tests.register_files import units
from tests.register_files import valid_orgnrs
from tests.register_files import write_csv
from tests.register_files import write_json


def _stamps(session: Session) -> dict[str, object]:
    return dict(session.execute(select(Company.orgnr, Company.updated_at)).tuples().all())


def test_an_unchanged_file_counts_every_row_unchanged_and_touches_none(db: Database, tmp_path: Path) -> None:
    path = write_json(tmp_path / "a.json", units(30))
    import_companies(db, path)
    with db.session() as session:
        before = _stamps(session)
    summary = import_companies(db, path)
    assert (summary.imported, summary.updated, summary.unchanged) == (0, 0, 30)
    with db.session() as session:
        assert _stamps(session) == before
        assert session.scalar(select(func.count()).select_from(Contact)) == 90


def test_only_the_changed_rows_get_a_new_updated_at(db: Database, tmp_path: Path) -> None:
    items = list(units(5))
    import_companies(db, write_json(tmp_path / "a.json", items))
    with db.session() as session:
        before = _stamps(session)
    items[3]["hjemmeside"] = "www.ny-side.no"
    summary = import_companies(db, write_json(tmp_path / "b.json", items))
    assert (summary.updated, summary.unchanged) == (1, 4)
    with db.session() as session:
        after = _stamps(session)
        changed = {orgnr for orgnr in after if after[orgnr] != before[orgnr]}
        assert changed == {items[3]["organisasjonsnummer"]}
        website = session.scalar(
            select(Company.website).where(Company.orgnr == items[3]["organisasjonsnummer"])
        )
    assert website == "www.ny-side.no"


def test_a_file_without_maalform_or_konkurs_keeps_the_stored_nynorsk_and_bankruptcy(
    db: Database, tmp_path: Path
) -> None:
    # A new company without these fields gets the defaults (bokmål, not bankrupt); a stored one keeps its own.
    item = unit(
        next(valid_orgnrs(1)), random.Random(8), maalform="Nynorsk", konkurs=True, underAvvikling=True
    )
    import_companies(db, write_json(tmp_path / "a.json", [item]))
    lean = write_csv(tmp_path / "b.csv", [item], columns=["organisasjonsnummer", "navn", "telefon"])
    summary = import_companies(db, lean)
    assert (summary.updated, summary.unchanged) == (0, 1)
    with db.session() as session:
        company = session.scalars(select(Company)).one()
    assert (company.language, company.bankrupt, company.winding_up) == ("nn", True, True)
    assert company.email == item["epostadresse"] and company.mobile is not None

    fresh = unit(next(valid_orgnrs(1, seed=40)), random.Random(9))
    import_companies(
        db, write_csv(tmp_path / "c.csv", [fresh], columns=["organisasjonsnummer", "navn", "telefon"])
    )
    with db.session() as session:
        new = session.scalars(select(Company).where(Company.orgnr == fresh["organisasjonsnummer"])).one()
    assert (new.language, new.bankrupt, new.winding_up, new.is_training_company) == (
        "nb",
        False,
        False,
        False,
    )


def test_the_same_unit_twice_in_a_file_is_applied_in_order(db: Database, tmp_path: Path) -> None:
    first = unit(next(valid_orgnrs(1)), random.Random(10), navn="FØRSTE AS", hjemmeside="www.forste.no")
    second = {"organisasjonsnummer": first["organisasjonsnummer"], "navn": "ANDRE AS"}
    summary = import_companies(db, write_json(tmp_path / "a.json", [first, second]))
    assert (summary.read, summary.imported, summary.updated, summary.unchanged) == (2, 1, 1, 0)
    with db.session() as session:
        company = session.scalars(select(Company)).one()
    assert (company.name, company.website) == ("ANDRE AS", "www.forste.no")


def test_counts_stay_exact_across_batches(db: Database, tmp_path: Path) -> None:
    # More units than one batch (2,000): on PostgreSQL this also runs the ANALYZE the importer does as it grows.
    items = list(units(2_300, seed=3))
    assert import_companies(db, write_json(tmp_path / "a.json", items)).imported == 2_300
    for index in (5, 2_100, 2_299):
        items[index]["navn"] = f"ENDRET {index} AS"
    more = list(units(40, seed=300))
    summary = import_companies(db, write_csv(tmp_path / "b.csv", items + more))
    assert (summary.read, summary.imported, summary.updated, summary.unchanged) == (2_340, 40, 3, 2_297)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Company)) == 2_340
        assert session.scalar(select(func.count()).select_from(Contact)) == 3 * 2_340
        names = set(session.scalars(select(Company.name).where(Company.name.like("ENDRET %"))))
    assert names == {"ENDRET 5 AS", "ENDRET 2100 AS", "ENDRET 2299 AS"}


def test_a_file_that_breaks_after_a_written_batch_changes_nothing_and_the_next_import_works(
    db: Database, tmp_path: Path
) -> None:
    items = list(units(2_100, seed=5))
    cut = tmp_path / "cut.json"
    cut.write_text(json.dumps(items)[:-300])  # breaks in the second batch, after the first was staged
    with pytest.raises(ImportFileError):
        import_companies(db, cut)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Company)) == 0
    summary = import_companies(db, write_json(tmp_path / "ok.json", items[:10]))
    assert (summary.imported, summary.unchanged) == (10, 0)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Company)) == 10
