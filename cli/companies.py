"""`jeger companies`: the companies we know, as a list and one at a time."""

from __future__ import annotations

import typer
from rich.console import Console

from cli.common import contact_kind, ctx_of, fail, print_json

companies_app = typer.Typer(help="Bedrifter fra Enhetsregisteret.", no_args_is_help=True)


@companies_app.command("list")
def companies_list(
    ctx: typer.Context,
    county: str | None = typer.Option(None, "--county", help="Fylkesnummer, f.eks. 55."),
    limit: int = typer.Option(200, "--limit", min=0, help="Høyst så mange bedrifter; 0 = alle."),
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Vis bedrifter sortert etter navn, eventuelt i ett fylke."""
    from rich.table import Table

    from companies.lookup import UnknownCounty, list_companies

    with ctx_of(ctx).db.session() as session:
        try:
            rows = list_companies(session, county=county, limit=limit or None)
        except UnknownCounty as exc:
            valid = ", ".join(f"{number} {name}" for number, name in exc.valid.items())
            fail(f"--county {county}: ukjent fylkesnummer; gyldige er {valid}")
    if as_json:
        print_json(rows)
        return
    table = Table("Orgnr", "Navn", "Næring", "Ansatte", "Fylke")
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
        typer.echo(f"Viser de {limit} første; --limit 0 viser alle.")


# `companies show` in words staff read; the --json keys stay as they are.
SHOW_LABELS = {
    "orgnr": "orgnr",
    "name": "navn",
    "county_name": "fylke",
    "nace_code": "næringskode",
    "employees": "ansatte",
    "short_code": "kortkode",
    "token": "lenkenøkkel",
}
FLAG_LABELS = {
    "training_company": "lærebedrift",
    "bankrupt": "konkurs",
    "winding_up": "under avvikling",
    "deleted": "slettet",
    "do_not_contact": "har sagt STOPP",
    "never_contact": "kontaktes aldri",
}


@companies_app.command("show")
def companies_show(
    ctx: typer.Context,
    orgnr: str = typer.Argument(..., metavar="ORGNR"),
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Vis én bedrift med kontakter, fylke, flagg, kortkode og lenkenøkkel."""
    from companies.lookup import company_details

    with ctx_of(ctx).db.transaction() as session:
        details = company_details(session, orgnr=orgnr.replace(" ", ""))
    if details is None:
        fail(f"orgnr {orgnr}: ingen bedrift har dette organisasjonsnummeret")
    if as_json:
        print_json(details)
        return
    for key, caption in SHOW_LABELS.items():
        typer.echo(f"{caption:>12}: {'' if details[key] is None else details[key]}")
    flags = ", ".join(FLAG_LABELS[k] for k, v in details["flags"].items() if v)
    typer.echo(f"{'flagg':>12}: {flags or 'ingen'}")
    if details["approved_trades"]:
        approved = ", ".join(f"{a['trade']} ({a['county']})" for a in details["approved_trades"])
        typer.echo(f"{'godkjent i':>12}: {approved}")
    for contact in details["contacts"]:
        marks = [
            m for m, on in (("reservert", contact["opted_out"]), ("erstattet", contact["replaced"])) if on
        ]
        kind = contact_kind(contact["kind"])
        typer.echo(f"{kind:>12}: {contact['address']}" + (f" ({', '.join(marks)})" if marks else ""))
