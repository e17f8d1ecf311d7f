"""The outcome report as a workbook (one sheet per breakdown, typed cells) or as CSV (the trade × county table,
cells neutralised): `jeger campaign report ID --outcomes`, the dashboard's downloads and the weekly e-mail."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from typing import IO
from typing import Any

from catalogue import DEFAULT_LANGUAGE
from catalogue import text
from exports import tables
from reports.outcomes import MEASURES
from reports.outcomes import OutcomeReport


def _headings(*columns: str, language: str) -> list[str]:
    """The headings of `columns` and then of every measure, in `language` (catalogue.exports)."""
    return [text(f"export_outcome_{column}", language) for column in (*columns, *MEASURES)]


def default_filename(campaign_id: int) -> str:
    return f"kampanje-{campaign_id}-resultater.xlsx"


def trade_county_rows(report: OutcomeReport) -> Iterator[list[Any]]:
    for (trade, county), counts in sorted(report.by_trade_county.items()):
        yield [trade, report.county_names.get(county, county), county, *counts.values()]


def _trade_municipality_rows(report: OutcomeReport) -> Iterator[list[Any]]:
    for (trade, county, municipality), counts in sorted(report.by_trade_municipality.items()):
        yield [
            trade,
            report.county_names.get(county, county),
            report.municipality_names.get(municipality, municipality),
            municipality,
            *counts.values(),
        ]


def sheets(report: OutcomeReport, language: str = DEFAULT_LANGUAGE) -> list[tables.Sheet]:
    """Fag og fylke, (Fag og kommune for a local campaign,) Fylke, Fag, Totalt; named in `language`."""
    found = [
        tables.Sheet(
            text("export_sheet_trade_county", language),
            _headings("trade", "county", "county_number", language=language),
            trade_county_rows(report),
        )
    ]
    if report.local:
        found.append(
            tables.Sheet(
                text("export_sheet_trade_municipality", language),
                _headings("trade", "county", "municipality", "municipality_number", language=language),
                _trade_municipality_rows(report),
            )
        )
    found += [
        tables.Sheet(
            text("export_sheet_county", language),
            _headings("county", "county_number", language=language),
            (
                [report.county_names.get(county, county), county, *counts.values()]
                for county, counts in sorted(report.by_county.items())
            ),
        ),
        tables.Sheet(
            text("export_sheet_trade", language),
            _headings("trade", language=language),
            ([trade, *counts.values()] for trade, counts in sorted(report.by_trade.items())),
        ),
        tables.Sheet(
            text("export_sheet_total", language),
            _headings("campaign", language=language),
            [[report.campaign_name, *report.total.values()]],
        ),
    ]
    return found


def write_xlsx(report: OutcomeReport, out: IO[bytes], language: str = DEFAULT_LANGUAGE) -> None:
    tables.write_xlsx(out, sheets(report, language))


def write_csv(report: OutcomeReport, out: IO[str], language: str = DEFAULT_LANGUAGE) -> None:
    header = _headings("trade", "county", "county_number", language=language)
    tables.write_csv(out, header=header, rows=trade_county_rows(report))


def outcome_json(report: OutcomeReport) -> dict[str, Any]:
    """The report as one JSON document (`--format json`, the API): a breakdown's tuple keys become a `key` list
    beside the measures, since JSON objects take only string keys."""
    data = asdict(report)
    for breakdown in ("by_trade_county", "by_trade_municipality"):
        data[breakdown] = [{"key": list(key), **counts} for key, counts in data[breakdown].items()]
    return data
