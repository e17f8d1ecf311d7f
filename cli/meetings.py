"""`jeger campaign meeting list|change|cancel`: a campaign's information meetings from the command line, as on
the dashboard's attendee page; a change or a cancellation tells everyone who said JA (PRODUCT §11)."""

from __future__ import annotations

from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from cli.common import ctx_of
from cli.common import fail
from cli.common import print_json
from cli.common import refusal
from cli.common import say
from cli.common import shown
from store.models import MAX_ID

meeting_app = typer.Typer(no_args_is_help=True)

CampaignArg = typer.Argument(..., metavar="ID", min=1, max=MAX_ID)
EventArg = typer.Argument(..., min=1, max=MAX_ID)
JsonOption = typer.Option(False, "--json")


def _rows(ctx: typer.Context, campaign_id: int) -> list[dict[str, Any]]:
    from campaigns.lifecycle import get_campaign
    from campaigns.meetings import event_rows
    from campaigns.service import CampaignError

    try:
        with ctx_of(ctx).db.session() as session:
            get_campaign(session, campaign_id)
            return event_rows(session, campaign_id=campaign_id)
    except CampaignError as exc:
        fail(refusal(exc))


def _one(ctx: typer.Context, campaign_id: int, event_id: int) -> dict[str, Any]:
    for row in _rows(ctx, campaign_id):
        if row["id"] == event_id:
            return row
    fail(say("cli_meeting_unknown", event=event_id, campaign=campaign_id))


@meeting_app.command("list")
def meeting_list(ctx: typer.Context, campaign_id: int = CampaignArg, as_json: bool = JsonOption) -> None:
    """The campaign's meetings with places taken, waiting list and who said NEI."""
    rows = _rows(ctx, campaign_id)
    if as_json:
        print_json(rows)
        return
    table = Table(*(say(f"cli_meeting_col_{c}") for c in ("id", "title", "at", "place", "places", "waiting")))
    for row in rows:
        capacity = row["capacity"]
        places = f"{row['attending']}/{capacity}" if capacity is not None else str(row["attending"])
        title = str(row["title"]) + (f" ({say('cli_meeting_cancelled')})" if row["cancelled_at"] else "")
        table.add_row(
            str(row["id"]), title, shown(row["starts_at"]), str(row["place"]), places, str(row["waiting"])
        )
    Console().print(table)


@meeting_app.command("change")
def meeting_change(
    ctx: typer.Context,
    campaign_id: int = CampaignArg,
    event_id: int = EventArg,
    title: str | None = typer.Option(None, "--title"),
    at: str | None = typer.Option(None, "--at"),
    ends: str | None = typer.Option(None, "--ends"),
    place: str | None = typer.Option(None, "--place"),
    capacity: int | None = typer.Option(None, "--capacity", min=1, max=100_000),
    as_json: bool = JsonOption,
) -> None:
    """Change a meeting; everyone who said JA (attending or waiting) is told, a larger capacity moves the waiting
    list up."""
    from campaigns.meetings import MeetingError
    from campaigns.meetings import change_meeting
    from campaigns.meetings import parse_moment

    _one(ctx, campaign_id, event_id)
    context = ctx_of(ctx)
    try:
        with context.db.session() as session:
            told = change_meeting(
                session,
                event_id=event_id,
                settings=context.settings,
                title=title.strip() or None if title is not None else None,
                at=parse_moment(at or ""),
                ends=parse_moment(ends or ""),
                place=place.strip() or None if place is not None else None,
                capacity=capacity,
            )
            session.commit()
    except MeetingError as exc:
        fail(refusal(exc))
    _told(ctx, campaign_id, event_id, told, as_json, "cli_meeting_changed")


@meeting_app.command("cancel")
def meeting_cancel(
    ctx: typer.Context,
    campaign_id: int = CampaignArg,
    event_id: int = EventArg,
    as_json: bool = JsonOption,
) -> None:
    """Cancel a meeting; everyone who said JA is told once (cancelling again tells nobody)."""
    from campaigns.meetings import cancel_meeting

    _one(ctx, campaign_id, event_id)
    context = ctx_of(ctx)
    with context.db.session() as session:
        told = cancel_meeting(session, event_id=event_id, settings=context.settings)
        session.commit()
    _told(ctx, campaign_id, event_id, told, as_json, "cli_meeting_cancelled_told")


def _told(ctx: typer.Context, campaign_id: int, event_id: int, told: int, as_json: bool, key: str) -> None:
    if as_json:
        print_json({"told": told, "meeting": _one(ctx, campaign_id, event_id)})
    else:
        typer.echo(say(key, told=told))
