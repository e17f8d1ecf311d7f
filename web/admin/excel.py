"""Downloads from the dashboard: XLSX with typed cells, and CSV made for Norwegian Excel (`;` between cells,
headers in the staff user's language, a BOM). Both go through `exports.tables`, so no formula from outside input reaches Excel.

Excel in a Norwegian locale splits on `;` (the comma is the decimal sign) and reads a file without a byte
order mark as Windows-1252, so æøå break. The CLI and the API keep comma-separated files with English
machine headers for scripts; these downloads are for people.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Mapping
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from catalogue import DEFAULT_LANGUAGE
from catalogue import text
from catalogue.labels import label
from catalogue.stored import read_text
from exports.tables import XLSX_MEDIA_TYPE
from exports.tables import Sheet
from exports.tables import read_back
from exports.tables import write_csv
from exports.tables import write_xlsx
from web.admin.ui import language_of
from web.downloads import attachment


def headers_of(table: str, columns: Iterable[str], language: str) -> dict[str, str]:
    """The column headers of one of catalogue.exports' tables (`lead`, `reply`, `reject`) in `language`."""
    return {column: text(f"export_{table}_{column}", language) for column in columns}


def _cell_in(language: str) -> Callable[[Any], str]:
    """How a value is written into a cell for Excel in `language` (yes/no; a decimal comma where the
    language writes one)."""
    yes, no = text("export_yes", language), text("export_no", language)

    def cell(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return yes if value else no
        if isinstance(value, float):
            return f"{value}".replace(".", ",") if language != "en" else f"{value}"
        if isinstance(value, str) and len(value) >= 16 and value[4] == "-" and value[10] == "T":
            try:  # ISO times from the exports: Excel reads `07.06.2027 09:00` as a date
                return datetime.fromisoformat(value).strftime("%d.%m.%Y %H:%M")
            except ValueError:
                return value
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)

    return cell


def excel_csv(
    rows: Iterable[Mapping[str, Any]],
    *,
    columns: Sequence[str],
    headers: Mapping[str, str],
    filename: str,
    language: str = DEFAULT_LANGUAGE,
) -> Response:
    out = io.StringIO()
    write_csv(
        out,
        header=[headers.get(c, c) for c in columns],
        rows=([row.get(c) for c in columns] for row in rows),
        delimiter=";",
        text=_cell_in(language),
    )
    return Response(
        "\ufeff" + out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers=attachment(filename),
    )


def excel_xlsx(
    rows: Iterable[Mapping[str, Any]],
    *,
    columns: Sequence[str],
    headers: Mapping[str, str],
    filename: str,
    sheet: str,
) -> Response:
    """The same table as `excel_csv`, as a workbook with typed cells (text never becomes a formula)."""
    out = io.BytesIO()
    write_xlsx(
        out,
        [Sheet(sheet, [headers.get(c, c) for c in columns], ([row.get(c) for c in columns] for row in rows))],
    )
    return Response(out.getvalue(), media_type=XLSX_MEDIA_TYPE, headers=attachment(filename))


def excel_table(
    request: Request,
    rows: Iterable[Mapping[str, Any]],
    *,
    columns: Sequence[str],
    headers: Mapping[str, str],
    stem: str,
    sheet: str,
) -> Response:
    """One table for Excel in the file type the request's path ends with (`….csv` or `….xlsx`), so one route
    function serves both paths; the file is named `stem` with that ending, its cells in the staff user's
    language."""
    if request.url.path.endswith(".xlsx"):
        return excel_xlsx(rows, columns=columns, headers=headers, filename=f"{stem}.xlsx", sheet=sheet)
    language = language_of(request)
    return excel_csv(rows, columns=columns, headers=headers, filename=f"{stem}.csv", language=language)


def lead_rows_in(rows: Iterable[Mapping[str, Any]], language: str) -> list[dict[str, Any]]:
    return [{**row, "state": label(row["state"], "lead", language)} for row in rows]


def report_rows_in(rows: Iterable[Mapping[str, Any]], language: str) -> list[dict[str, Any]]:
    on_paper = text("export_on_paper", language)
    return [
        {
            **row,
            "state": label(row["state"], "message", language),
            "channel": label(row["channel"], "channel", language),
            "wait_reason": label(row.get("wait_reason"), "wait", language),
            "address": on_paper if row.get("address") == "(print)" else row.get("address"),
        }
        for row in rows
    ]


def reject_rows_in(found: str, language: str) -> list[dict[str, Any]]:
    """The importer's rejects file (`row,orgnr,level,reason`, as the CLI documents it) for a person to read; a
    dashboard job keeps each reason as a catalogue key (catalogue.stored), written here in `language`."""
    rows = list(csv.DictReader(io.StringIO(found)))
    return [
        {
            **{key: read_back(value) if isinstance(value, str) else value for key, value in row.items()},
            "row": int(row["row"]) if (row.get("row") or "").isdigit() else row.get("row"),
            "level": _level(row.get("level"), language),
            "reason": read_text(read_back(row.get("reason") or ""), language),
        }
        for row in rows
    ]


def _level(level: str | None, language: str) -> str | None:
    return text(f"export_level_{level}", language) if level in ("error", "warning") else level
