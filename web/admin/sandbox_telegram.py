"""Acting as a Telegram chat in the sandbox: messages and button taps go through the bot's own actions.

The real bot turns a PTB update into a `TelegramInbound` and calls a `bot.telegram_chat` action; this does
the same with what staff typed or tapped in the sandbox, and stores the answers as sandbox messages with
their buttons (which the dashboard then shows as buttons to tap in turn). No Telegram API is involved.
"""

from __future__ import annotations

import secrets

from sqlalchemy.orm import Session

from bot import telegram_chat as chat
from channels.registry import require_sandboxed
from hunters.notify import ChatAnswer
from hunters.notify import record_chat_answers
from settings import Settings
from store.models import Channel
from store.models import Message
from store.models import utcnow


class ButtonGone(LookupError):
    """The tapped button is not on that message of this chat (an old page, or a forged form)."""


def _update_id() -> int:
    # Negative: real Telegram update ids are positive, so a sandbox tap can never collide with one.
    return -secrets.randbits(52)


def _inbound(chat_id: str, *, text: str | None = None, button: str | None = None) -> chat.TelegramInbound:
    return chat.TelegramInbound(
        chat_id=chat_id, update_id=_update_id(), text=text, button=button, args=[], received_at=utcnow()
    )


def write(session: Session, *, chat_id: str, text: str, settings: Settings) -> list[ChatAnswer]:
    """A message from the chat, as a real one would go: a command (`/jeger`) to its action, other text to the
    bot's text action. Raises ChannelLive when Telegram is live."""
    require_sandboxed(settings, Channel.TELEGRAM)
    answers = chat.typed(session, _inbound(chat_id, text=text), settings)
    record_chat_answers(session, chat_id=chat_id, sent=[(a, None) for a in answers], provider="sandbox")
    return answers


def press(
    session: Session, *, chat_id: str, message_id: int, data: str, settings: Settings
) -> list[ChatAnswer]:
    """Taps the button with callback data `data` on message `message_id` of this chat. Raises ChannelLive
    when Telegram is live."""
    require_sandboxed(settings, Channel.TELEGRAM)
    message = session.get(Message, message_id)
    buttons = (message.extra or {}).get("buttons") if message is not None else None
    offered = {b.get("callback_data") for row in buttons or [] for b in row}
    if message is None or message.address != chat_id or data not in offered:
        raise ButtonGone(data)
    answers = chat.tapped(session, _inbound(chat_id, button=data), settings)
    record_chat_answers(session, chat_id=chat_id, sent=[(a, None) for a in answers], provider="sandbox")
    return answers
