"""Hostile county lists through `jeger import training-companies`: each is refused with one line and exit 2, or
its bad rows rejected (formulas neutralised, reasons short), and nothing half-written remains."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func
from sqlalchemy import select

from store.db import Database
from store.models import TrainingApproval
from tests.outbox_factories import make_recipient

RunCli = Any


def _not_a_zip(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 100)


def _zip_without_a_workbook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")


def _binary(path: Path) -> None:
    path.write_bytes(b"Orgnr;Fag;Fylke\n\x00\x01\x02\xff" * 50)


def _too_many_rows(path: Path) -> None:
    lines = ["Orgnr;Fag;Fylke"] + ["974760673;Elektrikerfaget;55"] * 200_001
    path.write_text("\n".join(lines), encoding="utf-8")


def _html(path: Path) -> None:
    path.write_text("<html><body>Orgnr</body></html>", encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "write", "says"),
    [
        ("liste.xlsx", _not_a_zip, "XLSX-filen kan ikke leses"),
        ("liste.xlsx", _zip_without_a_workbook, "XLSX-filen kan ikke leses"),
        ("liste.csv", _binary, "binær"),
        ("liste.csv", _too_many_rows, "mer enn 200 000 rader"),
        ("liste.csv", _html, "fant ingen overskriftsrad"),
    ],
)
def test_a_hostile_file_is_refused_with_one_line_and_changes_nothing(
    cli: RunCli, db: Database, tmp_path: Path, name: str, write: Any, says: str
) -> None:
    path = tmp_path / name
    write(path)
    result = cli("import", "training-companies", str(path))
    assert result.exit_code == 2, result.output
    assert says in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / f"{name}.rejects.csv").exists()
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(TrainingApproval)) == 0


def test_formula_cells_are_neutralised_and_long_cells_cut_in_the_rejects_file(
    cli: RunCli, db: Database, tmp_path: Path
) -> None:
    with db.transaction() as session:
        orgnr = make_recipient(session)[0].orgnr
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["Orgnr", "Fag", "Fylke"])
    writer.writerow(["=cmd|' /C calc'!A0", "Elektrikerfaget", "55"])
    writer.writerow([orgnr, "@SUM(A1)" + "x" * 10_000, "55"])
    writer.writerow([orgnr, "Elektrikerfaget", "+55"])
    path = tmp_path / "liste.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    result = cli("import", "training-companies", str(path))
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "liste.csv.rejects.csv").read_text(encoding="utf-8")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert len(text) < 2_000  # the 10 000-character cell is quoted, not copied
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(TrainingApproval)) == 0
