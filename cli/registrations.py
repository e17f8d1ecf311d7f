"""`jeger registrations`: companies' registered interest."""

from __future__ import annotations

import typer

from cli.common import ctx_of
from cli.common import fail
from cli.common import print_json
from cli.common import refusal
from cli.common import say
from store.models import MAX_ID

registrations_app = typer.Typer(no_args_is_help=True)


@registrations_app.command("merge")
def registrations_merge(
    ctx: typer.Context,
    keep_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID),
    other_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """A company that registered twice: the first registration keeps the answers and the lead."""
    from bot.registration_merge import MergeError
    from bot.registration_merge import merge_registrations

    try:
        with ctx_of(ctx).db.transaction() as session:
            result = merge_registrations(session, keep_id=keep_id, other_id=other_id, by="cli")
            lead_id = result.lead.id if result.lead else None
            verified = result.kept.verified
    except MergeError as exc:
        fail(refusal(exc))
    if as_json:
        print_json(
            {
                "kept": keep_id,
                "merged": other_id,
                "lead": lead_id,
                "dropped_lead": result.dropped_lead_id,
                "verified": verified,
            }
        )
        return
    lead = say("cli_registrations_lead_moved", id=lead_id) if lead_id else ""
    dropped = (
        say("cli_registrations_lead_dropped", id=result.dropped_lead_id) if result.dropped_lead_id else ""
    )
    typer.echo(say("cli_registrations_merged", other=other_id, kept=keep_id, lead=lead, dropped=dropped))
