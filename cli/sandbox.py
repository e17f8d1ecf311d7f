"""`jeger sandbox`: answer as a company on the sandbox channel, through the same engine as the webhooks."""

from __future__ import annotations

from enum import StrEnum

import typer

from cli.common import ctx_of, fail, print_json, refusal

sandbox_app = typer.Typer(help="Svar som en bedrift på sandkassekanalen.", no_args_is_help=True)


class ReplyChannel(StrEnum):
    """The channels a sandbox reply can arrive on."""

    SMS = "sms"
    TELEGRAM = "telegram"


@sandbox_app.command("reply")
def sandbox_reply_command(
    ctx: typer.Context,
    text: str = typer.Argument(..., help="Det bedriften skriver, f.eks. 'JA K7MX2P'."),
    sender: str = typer.Option(
        ...,
        "--from",
        help="Et telefonnummer med landskode (+47 912 34 567) skriver på SMS; et tall alene (eller tg:TALL) "
        "er en Telegram-chat.",
    ),
    channel: ReplyChannel | None = typer.Option(
        None,
        "--channel",
        help="Kanalen svaret kommer på, når avsenderen alene ikke avgjør det (f.eks. 91234567).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Svar som en bedrift på sandkassekanalen (samme motor som SMS- og Telegram-webhookene).

    Bare på kanaler uten leverandør: er SMS eller Telegram i drift, avvises svaret (kode 2)."""
    from bot.replies import SandboxError, sandbox_reply
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
