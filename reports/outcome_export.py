"""The outcome report as a workbook (one sheet per breakdown, typed cells) or as CSV (the trade × county table,
cells neutralised): `jeger campaign report ID --outcomes`, the dashboard's downloads and the weekly e-mail."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from typing import IO, Any

from exports import tables
from reports.outcomes import HEADINGS, MEASURES, OutcomeReport

MEASURE_HEADINGS = [HEADINGS[m] for m in MEASURES]


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


def sheets(report: OutcomeReport) -> list[tables.Sheet]:
    """Fag og fylke, (Fag og kommune for a local campaign,) Fylke, Fag, Totalt."""
    found = [
        tables.Sheet(
            "Fag og fylke", ["Fag", "Fylke", "Fylkesnr.", *MEASURE_HEADINGS], trade_county_rows(report)
        )
    ]
    if report.local:
        found.append(
            tables.Sheet(
                "Fag og kommune",
                ["Fag", "Fylke", "Kommune", "Kommunenr.", *MEASURE_HEADINGS],
                _trade_municipality_rows(report),
            )
        )
    found += [
        tables.Sheet(
            "Fylke",
            ["Fylke", "Fylkesnr.", *MEASURE_HEADINGS],
            (
                [report.county_names.get(county, county), county, *counts.values()]
                for county, counts in sorted(report.by_county.items())
            ),
        ),
        tables.Sheet(
            "Fag",
            ["Fag", *MEASURE_HEADINGS],
            ([trade, *counts.values()] for trade, counts in sorted(report.by_trade.items())),
        ),
        tables.Sheet(
            "Totalt", ["Kampanje", *MEASURE_HEADINGS], [[report.campaign_name, *report.total.values()]]
        ),
    ]
    return found


def write_xlsx(report: OutcomeReport, out: IO[bytes]) -> None:
    tables.write_xlsx(out, sheets(report))


def write_csv(report: OutcomeReport, out: IO[str]) -> None:
    tables.write_csv(
        out, header=["Fag", "Fylke", "Fylkesnr.", *MEASURE_HEADINGS], rows=trade_county_rows(report)
    )


def outcome_json(report: OutcomeReport) -> dict[str, Any]:
    """The report as one JSON document (`--format json`, the API): a breakdown's tuple keys become a `key` list
    beside the measures, since JSON objects take only string keys."""
    data = asdict(report)
    for breakdown in ("by_trade_county", "by_trade_municipality"):
        data[breakdown] = [{"key": list(key), **counts} for key, counts in data[breakdown].items()]
    return data
