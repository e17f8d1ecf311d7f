"""`jeger replies`: incoming messages, listed and exported."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from cli.common import ExportFormat
from cli.common import check_output
from cli.common import ctx_of
from cli.common import label
from cli.common import print_json
from cli.common import say
from cli.common import shown
from cli.common import write_table
from store.models import MAX_ID
from store.models.enums import Intent

replies_app = typer.Typer(no_args_is_help=True)


@replies_app.command("list")
def replies_list(
    ctx: typer.Context,
    campaign: int | None = typer.Option(None, "--campaign", min=1, max=MAX_ID),
    intent: Intent | None = typer.Option(None, "--intent"),
    limit: int | None = typer.Option(None, "--limit"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Incoming messages newest first, with what the bot understood them as."""
    from rich.table import Table

    from reports.replies import list_replies

    with ctx_of(ctx).db.session() as session:
        rows = list_replies(session, campaign_id=campaign, intent=intent, limit=limit)
    if as_json:
        print_json(rows)
        return
    columns = ("received_oslo", "channel", "from", "company", "intent", "text")
    table = Table(*(say(f"cli_col_{column}") for column in columns))
    for row in rows:
        table.add_row(
            shown(row["received_at"]),
            label(row["channel"], "channel"),
            row["sender"],
            row["company"] or "",
            label(row["intent"], "intent"),
            say("cli_replies_tapped", button=row["button"]) if row.get("button") else row["text"] or "",
        )
    Console().print(table)


@replies_app.command("export")
def replies_export(
    ctx: typer.Context,
    campaign: int | None = typer.Option(None, "--campaign", min=1, max=MAX_ID),
    intent: Intent | None = typer.Option(None, "--intent"),
    fmt: ExportFormat = typer.Option(ExportFormat.CSV, "--format"),
    output: Path | None = typer.Option(None, "-o", "--output"),
) -> None:
    """Incoming messages with senders masked, as the export's formats."""
    from reports.replies import reply_rows
    from reports.replies import write_csv
    from reports.replies import write_xlsx

    check_output(fmt, output)
    with ctx_of(ctx).db.session() as session:
        rows = reply_rows(session, campaign_id=campaign, intent=intent)
    write_table(rows, fmt, output, write_csv, write_xlsx)
