"""Answering as a company on the sandbox channel, through the same engine as the webhooks (`jeger sandbox
reply`, the dashboard's sandbox page and the demo). The staff's list of replies is in `reports.replies`."""

from __future__ import annotations

import secrets
import uuid

from sqlalchemy.orm import Session

from bot import hunter_signup
from bot import telegram_chat
from bot.engine import Inbound
from bot.engine import Outcome
from bot.engine import handle_inbound
from bot.sms import record_answers
from catalogue import text
from catalogue.labels import label
from catalogue.phrases import Refusal
from channels.registry import ChannelLive
from channels.registry import require_sandboxed
from companies.phones import normalize_phone
from hunters.notify import record_chat_answers
from settings import Settings
from store.models import Channel
from store.models import Intent
from store.models import utcnow


class SandboxError(Refusal, ValueError):
    """A sandbox sender or channel that names no chat we can act as; said in the reader's language."""


TELEGRAM_PREFIXES = ("telegram:", "tg:")


def channel_live_text(exc: ChannelLive, language: str) -> str:
    """Why the sandbox refused a live channel, in `language` (channels cannot reach the catalogue themselves)."""
    return text(
        "sandbox_channel_live", language, channel=label(exc.channel, "channel"), provider=exc.provider
    )


def sandbox_address(sender: str, channel: str | None = None) -> tuple[Channel, str]:
    """Which channel a sandbox sender writes on. A Telegram chat id is a bare number and may have eight digits
    like a Norwegian phone number, so a bare number is always a chat id; a phone number is written with its
    country code (+47 …), or in groups ("912 34 567"), or chosen with `channel="sms"`. "tg:123" is a chat id."""
    raw = sender.strip()
    lowered = raw.lower()
    if channel not in (None, Channel.SMS.value, Channel.TELEGRAM.value):
        raise SandboxError("sandbox_unknown_channel", channel=channel)
    prefix = next((p for p in TELEGRAM_PREFIXES if lowered.startswith(p)), None)
    if prefix is not None:
        if channel == Channel.SMS.value:
            raise SandboxError("sandbox_chat_not_phone", sender=sender)
        raw, channel = raw[len(prefix) :].strip(), Channel.TELEGRAM.value
    chat_id = raw.removeprefix("-")
    is_chat_id = chat_id != "" and all(ch in "0123456789" for ch in chat_id) and len(chat_id) <= 20
    if channel == Channel.TELEGRAM.value or (channel is None and is_chat_id):
        if not is_chat_id:
            raise SandboxError("sandbox_not_a_chat", sender=sender)
        return Channel.TELEGRAM, raw
    phone = normalize_phone(raw)
    if phone is None:
        raise SandboxError("sandbox_neither_phone_nor_chat", sender=sender)
    return Channel.SMS, phone


def sandbox_reply(
    session: Session, *, sender: str, text: str, settings: Settings, channel: str | None = None
) -> tuple[Outcome, list[str]]:
    """Runs the same engine as the webhooks for a company answering on the sandbox channel (see
    `sandbox_address` for how the sender picks SMS or Telegram). The answers are stored as sandbox messages.
    Refused with `channels.registry.ChannelLive` when that channel is live."""
    kind, address = sandbox_address(sender, channel)
    require_sandboxed(settings, kind)  # raises ChannelLive before anything is stored
    if kind is Channel.TELEGRAM and (
        text.lstrip().startswith("/") or hunter_signup.in_signup(session, chat_id=address)
    ):
        return _sandbox_chat(session, chat_id=address, text=text, settings=settings)
    outcome = handle_inbound(
        session,
        inbound=Inbound(
            channel=kind.value, sender=address, text=text, provider_id=f"sandbox-{uuid.uuid4().hex}"
        ),
        settings=settings,
    )
    texts = [a.text for a in outcome.answers]
    record_answers(session, channel=kind, address=address, outcome=outcome, provider="sandbox", texts=texts)
    return outcome, texts


def _sandbox_chat(
    session: Session, *, chat_id: str, text: str, settings: Settings
) -> tuple[Outcome, list[str]]:
    """A Telegram command typed in the sandbox (`/jeger`, `/leads`), or an answer inside the `/jeger` sign-up: the
    bot's chat action, as on Telegram, not the company engine (which would take it for a question to staff)."""
    inbound = telegram_chat.TelegramInbound(
        chat_id=chat_id,
        update_id=-secrets.randbits(52),  # negative: never a real Telegram update id
        text=text.strip(),
        button=None,
        args=[],
        received_at=utcnow(),
    )
    answers = telegram_chat.typed(session, inbound, settings)
    record_chat_answers(session, chat_id=chat_id, sent=[(a, None) for a in answers], provider="sandbox")
    return Outcome(reply_id=None, answers=[], intent=Intent.COMMAND), [a.text for a in answers]
