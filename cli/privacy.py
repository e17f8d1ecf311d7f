"""`jeger privacy`: what is stored about an address or a company, its erasure, and shared opt-outs."""

from __future__ import annotations

import typer
from rich.console import Console

from cli.common import contact_kind
from cli.common import ctx_of
from cli.common import fail
from cli.common import print_json
from cli.common import refusal
from cli.common import say
from cli.common import shown_moment

privacy_app = typer.Typer(no_args_is_help=True)


# The subject of `export` and `erase`: exactly one of these.
PHONE = typer.Option(None, "--phone")
ORGNR = typer.Option(None, "--orgnr")
EMAIL = typer.Option(None, "--email")


def _privacy_target(phone: str | None, orgnr: str | None, email: str | None) -> tuple[str, str]:
    given = [(k, v) for k, v in (("phone", phone), ("orgnr", orgnr), ("email", email)) if v]
    if len(given) != 1:
        fail(say("cli_privacy_one_subject"))
    return given[0]


@privacy_app.command("export")
def privacy_export(
    ctx: typer.Context,
    phone: str | None = PHONE,
    orgnr: str | None = ORGNR,
    email: str | None = EMAIL,
) -> None:
    """A data subject's access request (GDPR art. 15), answered as JSON."""
    from companies.privacy import PrivacyError
    from companies.privacy import export_subject

    kind, value = _privacy_target(phone, orgnr, email)
    try:
        with ctx_of(ctx).db.session() as session:
            data = export_subject(session, kind=kind, value=value)
    except PrivacyError as exc:
        fail(refusal(exc))
    print_json(data)


@privacy_app.command("erase")
def privacy_erase(
    ctx: typer.Context,
    phone: str | None = PHONE,
    orgnr: str | None = ORGNR,
    email: str | None = EMAIL,
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Erasure (GDPR art. 17) that keeps the address opted out as a keyed hash: never contacted again."""
    from companies.privacy import PrivacyError
    from companies.privacy import erase_subject

    kind, value = _privacy_target(phone, orgnr, email)
    try:
        with ctx_of(ctx).db.transaction() as session:
            report = erase_subject(session, kind=kind, value=value)
    except PrivacyError as exc:
        fail(refusal(exc))
    if as_json:
        print_json(report.as_dict())
    else:
        counts = ", ".join(f"{v} {_caption('cli_erased_', k)}" for k, v in report.as_dict().items())
        typer.echo(say("cli_privacy_erased", counts=counts))


def _caption(prefix: str, key: str) -> str:
    """The catalogue's `prefix + key`, or the key itself for one the catalogue does not name yet."""
    from catalogue import TEXTS

    return say(prefix + key) if prefix + key in TEXTS else key


SHARED_COMPANIES_SHOWN = 5


@privacy_app.command("shared-optouts")
def privacy_shared_optouts(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Opt-outs shared by several companies, for review: before STOPP was tied to the sender's own
    address, one company's STOPP opted out all of its addresses; such opt-outs are never lifted
    automatically."""

    from rich.table import Table

    from companies.optouts import shared_optouts

    with ctx_of(ctx).db.session() as session:
        found = shared_optouts(session)
    if as_json:
        print_json([item.as_dict() for item in found])
        return
    if not found:
        typer.echo(say("cli_privacy_no_shared"))
        return
    columns = ("address", "type", "companies", "opted_out", "from", "said_stop", "which_companies")
    table = Table(*(say(f"cli_col_{column}") for column in columns))
    for item in found:
        names = [
            f"{c['orgnr']} {c['name']}" + (say("cli_privacy_said_stop") if c["do_not_contact"] else "")
            for c in item.companies[:SHARED_COMPANIES_SHOWN]
        ]
        if len(item.companies) > SHARED_COMPANIES_SHOWN:
            names.append(say("cli_privacy_more", count=len(item.companies) - SHARED_COMPANIES_SHOWN))
        table.add_row(
            item.address or say("cli_privacy_erased_address"),
            contact_kind(item.kind),
            str(len(item.companies)),
            shown_moment(item.opted_out_at),
            _caption("cli_optout_source_", item.source),
            say("cli_yes" if item.said_stop_itself else "cli_no"),
            "\n".join(names),
        )
    Console(width=200).print(table)
