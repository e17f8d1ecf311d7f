"""The two writers every export uses, so no spreadsheet formula from outside input ever reaches a user.

A company name, a reply or a contact name is text someone else typed. Spreadsheets run a cell that starts with
`=`, `+`, `-` or `@` as a formula (`=HYPERLINK(...)` leaks data, `+cmd|' /C calc'!A0` ran programs through DDE),
and a leading tab or carriage return hides such a start from a naive check. So:

- CSV: a text cell starting with one of those characters gets a single quote in front (OWASP's advice); the
  spreadsheet shows the text, the quote tells a reader it was neutralised. Numbers we produce are not text
  and stay as they are, so a negative count still reads as a number.
- XLSX (XlsxWriter): every text is written as a string cell, with XlsxWriter's formula and URL guessing off;
  numbers are number cells and times are date cells (Europe/Oslo wall time: Excel has no time zones).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from typing import IO
from typing import Any

import xlsxwriter

from store.times import OSLO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
MAX_XLSX_TEXT = 32_767  # Excel's limit per cell; longer text is cut, not lost silently: it ends in "…"


def neutralise(text: str) -> str:
    """The text with a single quote in front when a spreadsheet would read it as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def read_back(text: str) -> str:
    """The original text of a cell that `neutralise` wrote (for files we read again, like the rejects file)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_STARTS) else text


def plain_text(value: Any) -> str:
    """A value as plain CSV text: None empty, yes/no spelled out, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, list | tuple):
        return ", ".join(plain_text(v) for v in value)
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


class CsvWriter:
    """csv.writer with neutralised cells, for files written row by row (the importer's rejects file)."""

    def __init__(
        self,
        out: IO[str],
        *,
        delimiter: str = ",",
        lineterminator: str = "\r\n",
        text: Callable[[Any], str] = plain_text,
    ) -> None:
        self._writer = csv.writer(out, delimiter=delimiter, lineterminator=lineterminator)
        self._text = text

    def writerow(self, row: Sequence[Any]) -> None:
        self._writer.writerow([_csv_cell(value, self._text) for value in row])


def write_csv(
    out: IO[str],
    *,
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
    delimiter: str = ",",
    lineterminator: str = "\r\n",
    text: Callable[[Any], str] = plain_text,
) -> None:
    """Writes a header and rows; `text` turns each value into its text, then anything that is not one of our
    own numbers is neutralised. The header is ours, but goes through the same check for good measure."""
    writer = CsvWriter(out, delimiter=delimiter, lineterminator=lineterminator, text=text)
    writer.writerow([str(h) for h in header])
    for row in rows:
        writer.writerow(row)


def _csv_cell(value: Any, text: Callable[[Any], str]) -> str:
    rendered = text(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return rendered
    return neutralise(rendered)


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a name (Excel allows 31 characters), a header and rows of values."""

    name: str
    header: Sequence[str]
    rows: Iterable[Sequence[Any]]


def write_xlsx(out: IO[bytes], sheets: Sequence[Sheet]) -> None:
    """Writes a workbook with typed cells: text as strings (never formulas or links), numbers as numbers,
    times as dates, yes/no as text."""
    book = xlsxwriter.Workbook(
        out,
        {
            "in_memory": True,
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    bold = book.add_format({"bold": True})
    when = book.add_format({"num_format": "dd.mm.yyyy hh:mm"})
    day = book.add_format({"num_format": "dd.mm.yyyy"})
    used: set[str] = set()
    for sheet in sheets:
        ws = book.add_worksheet(_sheet_name(sheet.name, used))
        widths = [len(str(h)) for h in sheet.header]
        for col, title in enumerate(sheet.header):
            ws.write_string(0, col, str(title), bold)
        for r, row in enumerate(sheet.rows, start=1):
            for col, value in enumerate(row):
                width = _write_cell(ws, r, col, value, when, day)
                if col < len(widths):
                    widths[col] = max(widths[col], width)
                else:
                    widths.append(width)
        for col, width in enumerate(widths):
            ws.set_column(col, col, min(60, max(8, width + 2)))
        ws.freeze_panes(1, 0)
    book.close()


def _write_cell(ws: Any, row: int, col: int, value: Any, when: Any, day: Any) -> int:
    """Writes one typed cell and returns roughly how wide it is, for the column width."""
    if value is None:
        return 0
    if isinstance(value, bool):
        ws.write_string(row, col, "ja" if value else "nei")
        return 3
    if isinstance(value, int | float):
        ws.write_number(row, col, value)
        return len(str(value))
    if isinstance(value, str) and _ISO_TIME.match(value):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(value, datetime):
        local = value.astimezone(OSLO) if value.tzinfo else value
        ws.write_datetime(row, col, local.replace(tzinfo=None), when)
        return 16
    if isinstance(value, date):
        ws.write_datetime(row, col, datetime(value.year, value.month, value.day), day)
        return 10
    text = plain_text(value)
    if len(text) > MAX_XLSX_TEXT:
        text = text[: MAX_XLSX_TEXT - 1] + "…"
    ws.write_string(row, col, text)
    return min(60, len(text))


def _sheet_name(name: str, used: set[str]) -> str:
    base = _SHEET_NAME_BAD.sub("_", name).strip("'")[:31] or "Ark"
    candidate, n = base, 2
    while candidate.lower() in used:
        suffix = f" ({n})"
        candidate, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(candidate.lower())
    return candidate
