"""`jeger hunters`: hunter organisations, listed, approved and rejected."""

from __future__ import annotations

from typing import Any

import typer
from rich.console import Console

from cli.common import ctx_of
from cli.common import fail
from cli.common import label
from cli.common import print_json
from cli.common import say
from store.models import MAX_ID
from store.models.enums import HunterState
from store.models.enums import HunterType

hunters_app = typer.Typer(no_args_is_help=True)


@hunters_app.command("list")
def hunters_list(
    ctx: typer.Context,
    state: HunterState | None = typer.Option(None, "--state"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Hunter organisations oldest first, so the longest-waiting application is seen first."""
    from rich.table import Table

    from hunters.organisations import hunter_summary
    from hunters.organisations import list_hunters

    with ctx_of(ctx).db.session() as session:
        rows = [hunter_summary(h) for h in list_hunters(session, state=state)]
    if as_json:
        print_json(rows)
        return
    columns = ("no", "organisation", "type", "counties", "trades", "contact", "state")
    table = Table(*(say(f"cli_col_{column}") for column in columns))
    for r in rows:
        trades = say("cli_all") if r["trades"] == "all" else str(len(r["trades"]))
        counties = " ".join(r["counties"])
        table.add_row(
            str(r["id"]),
            r["org_name"],
            label(r["type"], "hunter_type"),
            counties,
            trades,
            r["contact_name"] or "",
            label(r["state"], "hunter"),
        )
    Console().print(table)


def _decide_hunter(ctx: typer.Context, hunter_id: int, approve: bool) -> None:
    from hunters.organisations import OrgnrTaken
    from hunters.organisations import UnknownHunter
    from hunters.organisations import approve_hunter
    from hunters.organisations import reject_hunter

    with ctx_of(ctx).db.transaction() as session:
        try:
            decide = approve_hunter if approve else reject_hunter
            decision = decide(session, hunter_id=hunter_id)
        except UnknownHunter:
            fail(say("cli_hunters_unknown", command="approve" if approve else "reject", id=hunter_id))
        except OrgnrTaken as taken:
            fail(
                say(
                    "cli_hunters_orgnr_taken",
                    orgnr=taken.hunter.orgnr,
                    holder=taken.holder.org_name,
                    holder_id=taken.holder.id,
                )
            )
        name = decision.hunter.org_name
        state = label(decision.hunter.state, "hunter", lower=True)
    if decision.changed:
        has_chat = decision.hunter.telegram_chat_id is not None
        told = say("cli_hunters_told_on_telegram" if has_chat else "cli_hunters_tell_yourself")
        typer.echo(say("cli_hunters_now", id=hunter_id, name=name, state=state, told=told))
    else:
        typer.echo(say("cli_hunters_already", id=hunter_id, name=name, state=state))


@hunters_app.command("approve")
def hunters_approve(
    ctx: typer.Context, hunter_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID)
) -> None:
    """Approval starts lead routing to the organisation; it is told on Telegram when it has a chat."""
    _decide_hunter(ctx, hunter_id, approve=True)


@hunters_app.command("reject")
def hunters_reject(
    ctx: typer.Context, hunter_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID)
) -> None:
    """Also withdraws an approval; the organisation is told on Telegram when it has a chat."""
    _decide_hunter(ctx, hunter_id, approve=False)


@hunters_app.command("add")
def hunters_add(
    ctx: typer.Context,
    name: str = typer.Argument(...),
    orgnr: str = typer.Option(..., "--orgnr"),
    org_type: HunterType = typer.Option(..., "--type"),
    county: list[str] = typer.Option(..., "--county"),
    trade: list[str] | None = typer.Option(None, "--trade"),
    email: str = typer.Option(..., "--email"),
    phone: str = typer.Option("", "--phone"),
    contact: str | None = typer.Option(None, "--contact"),
    approve: bool = typer.Option(False, "--approve"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Staff sign an organisation up themselves; prints the number alone on stdout for scripts."""
    from hunters.signup import SignupInput
    from hunters.signup import SignupRefused
    from hunters.signup import sign_up
    from hunters.signup import trade_ids

    with ctx_of(ctx).db.transaction() as session:
        ids, unknown = trade_ids(session, trade or [])
        if unknown:
            fail(say("cli_hunters_unknown_trades", trades=", ".join(unknown)))
        form = SignupInput(
            org_name=name,
            type=org_type.value,
            orgnr=orgnr,
            counties=list(county),
            trades=ids,
            all_trades=not trade,
            member_name=contact or name,
            email=email,
            phone=phone,
        )
        try:
            hunter = sign_up(session, form=form, source="staff", approve=approve)
        except SignupRefused as refused:
            fail(
                "hunters add: " + " ".join(f"{field}: {say(key)}" for field, key in refused.problems.items())
            )
        hunter_id, state = hunter.id, label(hunter.state, "hunter", lower=True)
    if as_json:
        print_json({"id": hunter_id})
    else:
        typer.echo(hunter_id)
        typer.echo(say("cli_hunters_added", id=hunter_id, name=name, state=state), err=True)


@hunters_app.command("changes")
def hunters_changes(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Wider counties or trades bring more leads, so such changes wait for staff."""
    from hunters.approval import changes_for_review

    with ctx_of(ctx).db.session() as session:
        rows: list[dict[str, Any]] = [
            {
                "id": c.id,
                "hunter_id": c.hunter.id,
                "org_name": c.hunter.org_name,
                "counties_now": [county.number for county in c.hunter.counties],
                "counties": c.counties,
                "trades": "all" if c.all_trades else c.trade_names,
            }
            for c in changes_for_review(session)
        ]
    if as_json:
        print_json(rows)
        return
    if not rows:
        typer.echo(say("cli_hunters_no_changes"))
    for r in rows:
        trades = say("cli_hunters_all_trades") if r["trades"] == "all" else ", ".join(r["trades"])
        typer.echo(
            say(
                "cli_hunters_change",
                id=r["id"],
                name=r["org_name"],
                hunter=r["hunter_id"],
                before=" ".join(r["counties_now"]),
                after=" ".join(r["counties"]),
                trades=trades,
            )
        )


def _decide_change(ctx: typer.Context, change_id: int, approve: bool) -> None:
    from hunters.approval import UnknownChange
    from hunters.approval import decide_change

    with ctx_of(ctx).db.transaction() as session:
        try:
            decide_change(session, change_id=change_id, approve=approve, staff_id=None)
        except UnknownChange:
            command = "approve-change" if approve else "reject-change"
            fail(say("cli_hunters_unknown_change", command=command, id=change_id))
    typer.echo(say("cli_hunters_change_approved" if approve else "cli_hunters_change_rejected", id=change_id))


@hunters_app.command("approve-change")
def hunters_approve_change(
    ctx: typer.Context, change_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID)
) -> None:
    """Applies a reviewed change of counties and trades."""
    _decide_change(ctx, change_id, approve=True)


@hunters_app.command("reject-change")
def hunters_reject_change(
    ctx: typer.Context, change_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID)
) -> None:
    """Drops a requested change; the organisation keeps what it had."""
    _decide_change(ctx, change_id, approve=False)
