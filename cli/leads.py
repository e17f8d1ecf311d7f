"""`jeger leads`: interested companies and their hunters, listed and exported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from catalogue.labels import label
from cli.common import ExportFormat, ListFormat, check_output, ctx_of, fail, print_json, shown, write_table
from store.models import MAX_ID
from store.models.enums import LeadState

leads_app = typer.Typer(help="Interesserte bedrifter og jegerne deres.", no_args_is_help=True)


def _lead_rows(ctx: typer.Context, county: str | None, state: LeadState | None) -> list[dict[str, Any]]:
    from companies.lookup import UnknownCounty
    from hunters.lead_export import lead_rows

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


@leads_app.command("show")
def leads_show(
    ctx: typer.Context,
    lead_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID),
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Vis én lead: bedriften, kontaktpersonen, hvilke jegere som har fått den, og hvem som har tatt den."""
    from hunters.lead_export import lead_detail

    with ctx_of(ctx).db.session() as session:
        lead = lead_detail(session, lead_id=lead_id)
    if lead is None:
        fail(f"leads show: ingen lead har nummer {lead_id}")
    if as_json:
        print_json(lead)
        return
    announced = ", ".join(f"{h['name']} (nr. {h['id']})" for h in lead["announced_to"]) or "ingen ennå"
    owner = lead["claimed_by"]
    lines = [
        ("Lead", f"nr. {lead['id']} — {label(lead['state'], 'lead')}"),
        ("Bedrift", f"{lead['company']} (orgnr {lead['orgnr']})"),
        ("Fylke", f"{lead['county_name'] or lead['county'] or 'ukjent'}"),
        ("Fag", ", ".join(lead["trades"]) or "ikke oppgitt"),
        ("Plasser", str(lead["places"]) if lead["places"] is not None else "ikke oppgitt"),
        (
            "Kontakt",
            " · ".join(v for v in (lead["contact_name"], lead["contact_phone"], lead["contact_email"]) if v),
        ),
        ("Sendt til", announced),
        ("Tatt av", f"{owner['name']} (nr. {owner['id']})" if owner else "ingen ennå"),
        ("Opprettet", shown(lead["created_at"]) + " norsk tid"),
    ]
    if lead["claimed_at"]:
        lines.append(("Tatt", shown(lead["claimed_at"]) + " norsk tid"))
    for heading, value in lines:
        typer.echo(f"{heading + ':':<11} {value}")
