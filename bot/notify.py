"""Answers in a chat, and Telegram notices to hunters.

Notices go through the outbox, so any process (bot, CLI, dashboard) can enqueue them and the dispatcher alone
talks to Telegram for them, at priority 0 and outside campaign windows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from store.models import Channel, Message, MessageKind, MessageState, utcnow

Buttons = list[list[dict[str, str]]]


@dataclass(frozen=True)
class ChatAnswer:
    """What the bot says back in a chat; the Telegram adapter renders it (inline keyboard from `buttons`)."""

    text: str
    buttons: Buttons | None = None
    edit: bool = (
        False  # replace the message whose button was tapped (toggles, a claimed lead) instead of a new one
    )
    record: bool = True  # False after an erase: keeping a copy would store the address again


def button(text: str, callback_data: str) -> dict[str, str]:
    """One inline button as the outbox stores it (Telegram's own field names)."""
    return {"text": text, "callback_data": callback_data}


def enqueue_telegram_notice(
    session: Session,
    *,
    chat_id: str,
    text: str,
    buttons: Buttons | None = None,
    hunter_id: int | None = None,
    lead_id: int | None = None,
) -> Message:
    """Queues one notification; the dispatcher sends it and keeps Telegram's message id in `provider_id`."""
    extra: dict[str, Any] | None = {"buttons": buttons} if buttons else None
    message = Message(
        kind=MessageKind.NOTIFICATION,
        priority=0,
        channel=Channel.TELEGRAM,
        address=chat_id,
        language="nb",
        body=text,
        extra=extra,
        hunter_id=hunter_id,
        lead_id=lead_id,
        state=MessageState.QUEUED,
        due_at=utcnow(),
    )
    session.add(message)
    session.flush()
    return message
