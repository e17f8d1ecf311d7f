"""The reference data shipped in store/data (counties, municipalities, trades): loading it (idempotent) and
the lists the forms show."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import County
from store.models import Municipality
from store.models import Trade

DATA_DIR = Path(__file__).resolve().parent / "data"
COUNTIES_GEOJSON = DATA_DIR / "counties.geojson"


@dataclass(frozen=True)
class ReferenceCounts:
    inserted: int
    updated: int


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def county_numbers() -> set[str]:
    """The county numbers `jeger init` loads, for checks that run without a database."""
    return {row["number"] for row in _rows("counties.csv")}


def load_reference_data(session: Session) -> ReferenceCounts:
    """Inserts missing rows and corrects changed ones; a second run changes nothing."""
    inserted = updated = 0

    def upsert(model: type, key: object, values: dict[str, object]) -> None:
        nonlocal inserted, updated
        row = session.get(model, key)
        if row is None:
            session.add(model(**values))
            inserted += 1
            return
        changed = {k: v for k, v in values.items() if getattr(row, k) != v}
        for k, v in changed.items():
            setattr(row, k, v)
        updated += bool(changed)

    for row in _rows("counties.csv"):
        upsert(County, row["number"], {"number": row["number"], "name": row["name"]})
    session.flush()
    for row in _rows("municipalities.csv"):
        upsert(
            Municipality,
            row["number"],
            {"number": row["number"], "name": row["name"], "county_number": row["county_number"]},
        )
    for position, row in enumerate(_rows("trades.csv"), start=1):
        upsert(
            Trade,
            position,
            {
                "id": position,
                "name": row["name"],
                "programme": row["programme"],
                "exam_code": row["exam_code"] or None,
            },
        )
    session.flush()
    return ReferenceCounts(inserted=inserted, updated=updated)


def county_names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(County.number, County.name)).tuples().all())


def all_trades(session: Session) -> list[Trade]:
    """Every trade, by programme and name, as the forms list them."""
    return list(session.scalars(select(Trade).order_by(Trade.programme, Trade.name)))


def trade_names(session: Session) -> list[str]:
    return list(session.scalars(select(Trade.name).order_by(Trade.name)))


def all_counties(session: Session) -> list[County]:
    """Every county in force, by number."""
    return list(session.scalars(select(County).order_by(County.number)))
