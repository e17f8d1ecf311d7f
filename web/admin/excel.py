"""Downloads from the dashboard: XLSX with typed cells, and CSV made for Norwegian Excel (`;` between cells,
Norwegian headers, a BOM). Both go through `exports.tables`, so no formula from outside input reaches Excel.

Excel in a Norwegian locale splits on `;` (the comma is the decimal sign) and reads a file without a byte
order mark as Windows-1252, so æøå break. The CLI and the API keep comma-separated files with English
headers for scripts; these downloads are for people.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from exports.tables import XLSX_MEDIA_TYPE, Sheet, read_back, write_csv, write_xlsx
from web.admin.ui import label
from web.downloads import attachment

LEAD_HEADERS = {
    "id": "Nr.",
    "company": "Bedrift",
    "orgnr": "Orgnr",
    "county": "Fylkesnr.",
    "county_name": "Fylke",
    "trades": "Fag",
    "places": "Læreplasser",
    "adult_apprentices": "Voksne lærlinger",
    "adult_places": "Plasser for voksne",
    "trial_first": "Prøveperiode først",
    "preferred_start": "Ønsket oppstart",
    "contact_name": "Kontaktperson",
    "contact_phone": "Telefon",
    "contact_email": "E-post",
    "state": "Status",
    "hunter": "Jeger",
    "created_at": "Registrert",
    "claimed_at": "Tatt",
    "outcome_at": "Utfall",
    "flagged_at": "Flagget",
    "verified": "Bekreftet",
}
REJECT_HEADERS = {"row": "Rad", "orgnr": "Orgnr", "level": "Nivå", "reason": "Årsak"}
REJECT_LEVELS = {"error": "feil (ikke importert)", "warning": "advarsel (importert)"}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nei"
    if isinstance(value, float):
        return f"{value}".replace(".", ",")
    if isinstance(value, str) and len(value) >= 16 and value[4] == "-" and value[10] == "T":
        try:  # ISO times from the exports: Excel reads `07.06.2027 09:00` as a date
            return datetime.fromisoformat(value).strftime("%d.%m.%Y %H:%M")
        except ValueError:
            return value
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def excel_csv(
    rows: Iterable[Mapping[str, Any]],
    *,
    columns: Sequence[str],
    headers: Mapping[str, str],
    filename: str,
) -> Response:
    out = io.StringIO()
    write_csv(
        out,
        header=[headers.get(c, c) for c in columns],
        rows=([row.get(c) for c in columns] for row in rows),
        delimiter=";",
        text=_cell,
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
    function serves both paths; the file is named `stem` with that ending."""
    if request.url.path.endswith(".xlsx"):
        return excel_xlsx(rows, columns=columns, headers=headers, filename=f"{stem}.xlsx", sheet=sheet)
    return excel_csv(rows, columns=columns, headers=headers, filename=f"{stem}.csv")


def lead_rows_nb(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [{**row, "state": label(row["state"], "lead")} for row in rows]


def report_rows_nb(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            **row,
            "state": label(row["state"], "message"),
            "channel": label(row["channel"], "channel"),
            "wait_reason": label(row.get("wait_reason"), "wait"),
            "address": "(på papir)" if row.get("address") == "(print)" else row.get("address"),
        }
        for row in rows
    ]


def reject_rows_nb(text: str) -> list[dict[str, Any]]:
    """The importer's rejects file (`row,orgnr,level,reason`, as the CLI documents it) for a person to read."""
    rows = list(csv.DictReader(io.StringIO(text)))
    return [
        {
            **{key: read_back(value) if isinstance(value, str) else value for key, value in row.items()},
            "row": int(row["row"]) if (row.get("row") or "").isdigit() else row.get("row"),
            "level": REJECT_LEVELS.get(row.get("level") or "", row.get("level")),
        }
        for row in rows
    ]
