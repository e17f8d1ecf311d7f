"""`jeger leads`: interested companies and their hunters, listed and exported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from cli.common import ExportFormat, ListFormat, check_output, ctx_of, fail, shown, write_table
from store.labels import label
from store.models.enums import LeadState

leads_app = typer.Typer(help="Interesserte bedrifter og jegerne deres.", no_args_is_help=True)


def _lead_rows(ctx: typer.Context, county: str | None, state: LeadState | None) -> list[dict[str, Any]]:
    from hunters.lead_export import UnknownCounty, lead_rows

    with ctx_of(ctx).db.session() as session:
        try:
            return lead_rows(session, county=county, state=state)
        except UnknownCounty:
            fail(f"--county {county!r}: ukjent fylkesnummer (f.eks. 03 Oslo, 55 Troms)")


@leads_app.command("list")
def leads_list(
    ctx: typer.Context,
    county: str | None = typer.Option(None, "--county", help="Fylkesnummer, f.eks. 55."),
    state: LeadState | None = typer.Option(None, "--state", help="Bare leads i denne tilstanden."),
    fmt: ListFormat = typer.Option(
        ListFormat.TABLE, "--format", help="Tabell, eller CSV/JSON som eksporten."
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Skriv svaret som ett JSON-dokument (= --format json)."
    ),
) -> None:
    """Vis leads, eldste først."""
    from rich.table import Table

    if as_json:
        fmt = ListFormat.JSON
    rows = _lead_rows(ctx, county, state)
    if fmt is not ListFormat.TABLE:
        _write_leads(rows, ExportFormat(fmt.value))
        return
    table = Table("Nr.", "Bedrift", "Orgnr", "Fylke", "Tilstand", "Jeger", "Opprettet (norsk tid)")
    for r in rows:
        cells = [
            r["company"],
            r["orgnr"],
            r["county"],
            label(r["state"], "lead"),
            r["hunter"],
            shown(r["created_at"]),
        ]
        table.add_row(str(r["id"]), *(c or "" for c in cells))
    Console().print(table)


@leads_app.command("export")
def leads_export(
    ctx: typer.Context,
    county: str | None = typer.Option(None, "--county", help="Fylkesnummer, f.eks. 55."),
    state: LeadState | None = typer.Option(None, "--state", help="Bare leads i denne tilstanden."),
    fmt: ExportFormat = typer.Option(ExportFormat.CSV, "--format", help="Filformatet."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Skriv til denne filen (kreves for xlsx)."
    ),
) -> None:
    """Skriv ut alle leads med bedrift, fag, plasser, kontaktperson, jeger og datoer."""
    check_output(fmt, output)
    _write_leads(_lead_rows(ctx, county, state), fmt, output)


def _write_leads(rows: list[dict[str, Any]], fmt: ExportFormat, output: Path | None = None) -> None:
    from hunters.lead_export import write_csv, write_xlsx

    write_table(rows, fmt, output, write_csv, write_xlsx)
