"""`jeger companies`: the companies we know, as a list and one at a time."""

from __future__ import annotations

import typer
from rich.console import Console

from cli.common import contact_kind
from cli.common import ctx_of
from cli.common import fail
from cli.common import print_json
from cli.common import say

companies_app = typer.Typer(no_args_is_help=True)


@companies_app.command("list")
def companies_list(
    ctx: typer.Context,
    county: str | None = typer.Option(None, "--county"),
    limit: int = typer.Option(200, "--limit", min=0),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """The register as staff browse it; `--limit` keeps a national register off the terminal."""
    from rich.table import Table

    from companies.lookup import UnknownCounty
    from companies.lookup import list_companies

    with ctx_of(ctx).db.session() as session:
        try:
            rows = list_companies(session, county=county, limit=limit or None)
        except UnknownCounty as exc:
            valid = ", ".join(f"{number} {name}" for number, name in exc.valid.items())
            fail(say("cli_companies_unknown_county", county=county, valid=valid))
    if as_json:
        print_json(rows)
        return
    table = Table(
        *(say(f"cli_col_{column}") for column in ("orgnr", "name", "industry", "employees", "county"))
    )
    for row in rows:
        table.add_row(
            row["orgnr"],
            row["name"],
            row["nace_code"] or "",
            str(row["employees"] or ""),
            row["county_name"] or "",
        )
    Console().print(table)
    if limit and len(rows) == limit:
        typer.echo(say("cli_companies_first", limit=limit))


# The fields `companies show` prints, each captioned by the catalogue's `cli_show_<field>`; --json keeps the keys.
SHOWN_FIELDS = ("orgnr", "name", "county_name", "nace_code", "employees", "short_code", "token")


@companies_app.command("show")
def companies_show(
    ctx: typer.Context,
    orgnr: str = typer.Argument(..., metavar="ORGNR"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Everything support needs about one company, the short code and link key among it."""
    from companies.lookup import company_details

    with ctx_of(ctx).db.transaction() as session:
        details = company_details(session, orgnr=orgnr.replace(" ", ""))
    if details is None:
        fail(say("cli_companies_unknown", orgnr=orgnr))
    if as_json:
        print_json(details)
        return
    for key in SHOWN_FIELDS:
        typer.echo(f"{say(f'cli_show_{key}'):>12}: {'' if details[key] is None else details[key]}")
    flags = ", ".join(say(f"cli_flag_{k}") for k, v in details["flags"].items() if v)
    typer.echo(f"{say('cli_show_flags'):>12}: {flags or say('cli_none')}")
    if details["approved_trades"]:
        approved = ", ".join(f"{a['trade']} ({a['county']})" for a in details["approved_trades"])
        typer.echo(f"{say('cli_show_approved_in'):>12}: {approved}")
    for contact in details["contacts"]:
        marks = [say(f"cli_contact_{mark}") for mark in ("opted_out", "replaced") if contact[mark]]
        kind = contact_kind(contact["kind"])
        typer.echo(f"{kind:>12}: {contact['address']}" + (f" ({', '.join(marks)})" if marks else ""))
