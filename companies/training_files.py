"""Reads the counties' lists of approved training companies (CSV or XLSX) as rows of orgnr, trade and county.

Counties publish these lists from different systems, so columns are found by name, not position: a header is
compared without case, accents, spaces or punctuation ("Organisasjonsnummer", "Org.nr.", "Lærefag", "Fagkode",
"Programområdekode", "Fylke", "Fylkesnummer" ...). A sheet may carry a title above its header, so the header
is the first of the first ten rows that names an orgnr column; row numbers stay the file's own (header row 1
when it is first), so a reader finds a rejected row where the rejects file says.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from companies.rejects_file import FileProblem

ORGNR = "orgnr"
CODE = "code"
NAME = "name"
COUNTY = "county"

HEADERS: dict[str, set[str]] = {
    ORGNR: {
        "organisasjonsnummer",
        "orgnr",
        "orgnummer",
        "organisasjonsnr",
        "bedriftorgnr",
        "bedriftsorgnr",
        "orgnrbedrift",
        "organisasjonsnummerbedrift",
    },
    CODE: {"fagkode", "laerefagkode", "programomradekode", "programomradekoden", "kode"},
    NAME: {"laerefag", "fag", "fagnavn", "laerefagnavn", "faget", "programomradenavn", "fagbetegnelse"},
    COUNTY: {"fylke", "fylkesnummer", "fylkenummer", "fylkenr", "fylkesnr", "fylkesnavn", "fylkeskommune"},
}
HEADER_SEARCH_ROWS = 10
# A county's list holds a few thousand rows; these bounds keep a wrong or hostile file (an XLSX whose packed
# sheet expands to millions of rows) from filling memory, since the whole list is checked before anything is saved.
MAX_BYTES = 50 * 1024 * 1024
MAX_ROWS = 200_000
_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "å": "a"})
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


class TrainingFileError(FileProblem):
    """The file cannot be read as a list of training companies; the message names the file and the problem."""


def _too_many(path: Path) -> TrainingFileError:
    return TrainingFileError(path, "training_too_many_rows", rows=f"{MAX_ROWS:,}".replace(",", " "))


def fold(text: str) -> str:
    """Lower case without accents, spaces or punctuation: "Lærefag" and "LAEREFAG" and "lære-fag" are one."""
    lowered = text.strip().lower().translate(_LETTERS)
    plain = "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))
    return _NOT_ALNUM.sub("", plain)


@dataclass(frozen=True)
class ListRow:
    """One data row: its row number in the file and the text of each column found (None when empty)."""

    row: int
    orgnr: str | None
    code: str | None
    name: str | None
    county: str | None


def cell_text(value: Any) -> str | None:
    """A cell as text; spreadsheet numbers (974760673, 55.0) lose the ".0" a float would give them."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def read_list(path: Path, *, need_county: bool) -> Iterator[ListRow]:
    """Rows of a CSV (`;` or `,`, UTF-8 with or without BOM, or Windows-1252) or XLSX file, in file order.

    Raises TrainingFileError before the first row when the file is not such a list (missing, empty, or without
    an orgnr, trade or county column); `need_county` is False when the command was told the county.
    """
    if not path.is_file():
        raise TrainingFileError(path, "file_not_found")
    if path.stat().st_size > MAX_BYTES:
        raise TrainingFileError(path, "training_file_too_big", megabytes=MAX_BYTES // (1024 * 1024))
    data = path.read_bytes()
    if not data.strip():
        raise TrainingFileError(path, "file_empty")
    rows = _rows(path, data)
    start, columns = _header(path, rows, need_county=need_county)
    for number, cells in rows[start:]:
        values = {role: cell_text(cells[i]) if i < len(cells) else None for role, i in columns.items()}
        if not any(values.values()):
            continue  # an empty line, or a sheet's formatted but empty rows
        yield ListRow(
            row=number,
            orgnr=values.get(ORGNR),
            code=values.get(CODE),
            name=values.get(NAME),
            county=values.get(COUNTY),
        )


Rows = list[tuple[int, Sequence[Any]]]


def _rows(path: Path, data: bytes) -> Rows:
    return _xlsx_rows(path, data) if data[:4] == b"PK\x03\x04" else _csv_rows(path, data)


def read_orgnrs(path: Path, data: bytes) -> list[tuple[int, str | None]]:
    """(row number, text) of the orgnr column of a list that needs nothing else (an audience's member list,
    `campaigns.orgnr_lists`), found by the same header names; raises TrainingFileError."""
    if not data.strip():
        raise TrainingFileError(path, "file_empty")
    rows = _rows(path, data)
    start, columns = _header(path, rows, need_county=False, need_trade=False)
    position = columns[ORGNR]
    found = []
    for number, cells in rows[start:]:
        text = cell_text(cells[position]) if position < len(cells) else None
        if text is not None or any(cell_text(c) for c in cells):
            found.append((number, text))
    return found


def _csv_rows(path: Path, data: bytes) -> Rows:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # as Excel saves "CSV (semikolonseparert)"
    if "\x00" in text:
        raise TrainingFileError(path, "training_file_binary")
    first = text.splitlines()[0] if text.splitlines() else ""
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: Rows = []
    line = 0
    try:
        for cells in reader:
            start, line = line + 1, reader.line_num  # a quoted cell may span lines: the row starts at `start`
            rows.append((start, cells))
            if len(rows) > MAX_ROWS:
                raise _too_many(path)
    except csv.Error as exc:
        raise TrainingFileError(path, "file_csv_unreadable", line=max(line, 1), reason=str(exc)) from exc
    return rows


def _xlsx_rows(path: Path, data: bytes) -> Rows:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise TrainingFileError(path, "training_xlsx_unreadable", reason=exc.__class__.__name__) from exc
    try:
        if not book.worksheets:
            raise TrainingFileError(path, "training_xlsx_no_sheets")
        rows: Rows = []
        for number, cells in enumerate(book.worksheets[0].iter_rows(values_only=True), start=1):
            rows.append((number, cells))
            if len(rows) > MAX_ROWS:
                raise _too_many(path)
        return rows
    finally:
        book.close()


# (no trade column, no county column) -> what the refusal says
_MISSING = {
    (True, False): "training_missing_trade_column",
    (False, True): "training_missing_county_column",
    (True, True): "training_missing_both_columns",
}


def _header(
    path: Path, rows: Rows, *, need_county: bool, need_trade: bool = True
) -> tuple[int, dict[str, int]]:
    """(index of the first data row, role -> column index) from the first row that names an orgnr column."""
    for index, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for position, cell in enumerate(cells):
            key = fold(cell_text(cell) or "")
            for role, names in HEADERS.items():
                if key in names and role not in columns:
                    columns[role] = position
        if ORGNR not in columns:
            continue
        missing = _MISSING.get(
            (
                need_trade and CODE not in columns and NAME not in columns,
                need_county and COUNTY not in columns,
            )
        )
        if missing:
            raise TrainingFileError(path, missing)
        return index + 1, columns
    raise TrainingFileError(path, "training_no_header", rows=HEADER_SEARCH_ROWS)
