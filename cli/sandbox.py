"""`jeger sandbox`: answer as a company on the sandbox channel, through the same engine as the webhooks."""

from __future__ import annotations

from enum import StrEnum

import typer

from cli.common import ctx_of
from cli.common import fail
from cli.common import print_json
from cli.common import refusal

sandbox_app = typer.Typer(no_args_is_help=True)


class ReplyChannel(StrEnum):
    """The channels a sandbox reply can arrive on."""

    SMS = "sms"
    TELEGRAM = "telegram"


@sandbox_app.command("reply")
def sandbox_reply_command(
    ctx: typer.Context,
    text: str = typer.Argument(...),
    sender: str = typer.Option(..., "--from"),
    channel: ReplyChannel | None = typer.Option(None, "--channel"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Answers as a company through the same engine as the SMS and Telegram webhooks; refused while a real
    provider is live, so a made-up reply never mixes with real traffic."""
    from bot.replies import SandboxError
    from bot.replies import sandbox_reply
    from channels.registry import ChannelLive

    context = ctx_of(ctx)
    try:
        with context.db.transaction() as session:
            outcome, texts = sandbox_reply(
                session,
                sender=sender,
                text=text,
                settings=context.settings,
                channel=channel.value if channel else None,
            )
    except (SandboxError, ChannelLive) as exc:
        fail(refusal(exc))
    if as_json:
        print_json(
            {
                "intent": outcome.intent,
                "company_id": outcome.company_id,
                "verified": outcome.verified,
                "answers": texts,
            }
        )
        return
    for answer in texts:
        typer.echo(answer)
