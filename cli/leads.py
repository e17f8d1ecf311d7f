"""`jeger leads`: interested companies and their hunters, listed and exported."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from cli.common import ExportFormat
from cli.common import ListFormat
from cli.common import check_output
from cli.common import ctx_of
from cli.common import fail
from cli.common import label
from cli.common import print_json
from cli.common import say
from cli.common import shown
from cli.common import write_table
from store.models import MAX_ID
from store.models.enums import LeadState

leads_app = typer.Typer(no_args_is_help=True)


def _lead_rows(ctx: typer.Context, county: str | None, state: LeadState | None) -> list[dict[str, Any]]:
    from companies.lookup import UnknownCounty
    from hunters.lead_export import lead_rows

    with ctx_of(ctx).db.session() as session:
        try:
            return lead_rows(session, county=county, state=state)
        except UnknownCounty:
            fail(say("cli_leads_unknown_county", county=repr(county)))


@leads_app.command("list")
def leads_list(
    ctx: typer.Context,
    county: str | None = typer.Option(None, "--county"),
    state: LeadState | None = typer.Option(None, "--state"),
    fmt: ListFormat = typer.Option(ListFormat.TABLE, "--format"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Leads oldest first, as a table or in the export's formats."""
    from rich.table import Table

    if as_json:
        fmt = ListFormat.JSON
    rows = _lead_rows(ctx, county, state)
    if fmt is not ListFormat.TABLE:
        _write_leads(rows, ExportFormat(fmt.value))
        return
    columns = ("no", "company", "orgnr", "county", "state", "hunter", "created_oslo")
    table = Table(*(say(f"cli_col_{column}") for column in columns))
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
    county: str | None = typer.Option(None, "--county"),
    state: LeadState | None = typer.Option(None, "--state"),
    fmt: ExportFormat = typer.Option(ExportFormat.CSV, "--format"),
    output: Path | None = typer.Option(None, "-o", "--output"),
) -> None:
    """Every lead with its company, trades and hunter, for the counties' own follow-up."""
    check_output(fmt, output)
    _write_leads(_lead_rows(ctx, county, state), fmt, output)


def _write_leads(rows: list[dict[str, Any]], fmt: ExportFormat, output: Path | None = None) -> None:
    from hunters.lead_export import write_csv
    from hunters.lead_export import write_xlsx

    write_table(rows, fmt, output, write_csv, write_xlsx)


@leads_app.command("show")
def leads_show(
    ctx: typer.Context,
    lead_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """One lead as support asks about it: who got it and who took it."""
    from hunters.lead_export import lead_detail

    with ctx_of(ctx).db.session() as session:
        lead = lead_detail(session, lead_id=lead_id)
    if lead is None:
        fail(say("cli_leads_unknown", id=lead_id))
    if as_json:
        print_json(lead)
        return
    none_yet, not_given = say("cli_none_yet"), say("cli_not_given")
    announced = ", ".join(_numbered(h) for h in lead["announced_to"]) or none_yet
    owner = lead["claimed_by"]
    contact = (lead["contact_name"], lead["contact_phone"], lead["contact_email"])
    lines = [
        ("cli_leads_lead", say("cli_leads_lead_value", id=lead["id"], state=label(lead["state"], "lead"))),
        ("cli_col_company", say("cli_leads_company_value", company=lead["company"], orgnr=lead["orgnr"])),
        ("cli_col_county", lead["county_name"] or lead["county"] or say("cli_unknown")),
        ("cli_col_trades", ", ".join(lead["trades"]) or not_given),
        ("cli_leads_places", str(lead["places"]) if lead["places"] is not None else not_given),
        ("cli_col_contact", " · ".join(v for v in contact if v)),
        ("cli_leads_sent_to", announced),
        ("cli_leads_claimed_by", _numbered(owner) if owner else none_yet),
        ("cli_leads_created", _with_zone(lead["created_at"])),
    ]
    if lead["claimed_at"]:
        lines.append(("cli_leads_claimed", _with_zone(lead["claimed_at"])))
    for heading, value in lines:
        typer.echo(f"{say(heading) + ':':<11} {value}")


def _numbered(who: dict[str, Any]) -> str:
    """`NAV Tromsø (nr. 4)`: a hunter named with its number, as `jeger hunters approve` takes it."""
    return say("cli_leads_numbered", name=who["name"], id=who["id"])


def _with_zone(iso: str) -> str:
    """A time from the lead's row with the zone named (the lines have no header to name it)."""
    return f"{shown(iso)} {say('zone_note')}"
