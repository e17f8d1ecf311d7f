"""Answers in a chat, and notices to hunters and their members (Telegram, SMS or e-mail).

Notices go through the outbox, so any process (bot, CLI, dashboard) can enqueue them and the dispatcher alone
talks to Telegram for them, at priority 0 and outside campaign windows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue import DEFAULT_LANGUAGE
from catalogue import known_language
from store.models import Channel
from store.models import Conversation
from store.models import Hunter
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import utcnow

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
    # The lead (and its company) the text is about: a hunter's copy of a lead card holds the company's
    # contact person, so a privacy erase of that company must be able to find it.
    lead_id: int | None = None
    company_id: int | None = None
    share_contact: str | None = None  # label of a "share my phone number" keyboard button (no inline buttons)


def button(text: str, callback_data: str) -> dict[str, str]:
    """One inline button as the outbox stores it (Telegram's own field names)."""
    return {"text": text, "callback_data": callback_data}


def chat_language(session: Session, chat_id: str | None) -> str:
    """The language a Telegram chat is spoken to in: its conversation's (the hunter's choice, `/sprak`, or
    what their Telegram app said at sign-up); bokmål for a chat we have not met."""
    if chat_id is None:
        return DEFAULT_LANGUAGE
    language = session.scalar(
        select(Conversation.language).where(
            Conversation.channel == "telegram", Conversation.address == chat_id
        )
    )
    return known_language(language)


def enqueue_notice(
    session: Session,
    *,
    channel: Channel,
    address: str,
    text: str,
    subject: str | None = None,
    buttons: Buttons | None = None,
    hunter_id: int | None = None,
    lead_id: int | None = None,
    company_id: int | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> Message:
    """Queues one notification on any channel; the dispatcher sends it (Telegram's message id, the SMS SID or
    the e-mail's Message-ID lands in `provider_id`), in the sandbox as everywhere else.

    `lead_id`/`company_id` name what the text is about, so an erase of that company finds this copy too."""
    extra: dict[str, Any] | None = {"buttons": buttons} if buttons else None
    message = Message(
        kind=MessageKind.NOTIFICATION,
        priority=0,
        channel=channel,
        address=address,
        language=language,
        subject=subject,
        body=text,
        extra=extra,
        hunter_id=hunter_id,
        lead_id=lead_id,
        company_id=company_id,
        state=MessageState.QUEUED,
        due_at=utcnow(),
    )
    session.add(message)
    session.flush()
    return message


def enqueue_telegram_notice(
    session: Session,
    *,
    chat_id: str,
    text: str,
    language: str = DEFAULT_LANGUAGE,
    buttons: Buttons | None = None,
    hunter_id: int | None = None,
    lead_id: int | None = None,
    company_id: int | None = None,
) -> Message:
    """Queues one Telegram notification (with inline buttons)."""
    return enqueue_notice(
        session,
        channel=Channel.TELEGRAM,
        address=chat_id,
        text=text,
        language=language,
        buttons=buttons,
        hunter_id=hunter_id,
        lead_id=lead_id,
        company_id=company_id,
    )


def queue_chat_answer(
    session: Session,
    *,
    chat_id: str,
    answer: ChatAnswer,
    company_id: int | None = None,
    hunter_id: int | None = None,
    due_at: datetime | None = None,
) -> Message:
    """Puts an answer Telegram would not take right now into the outbox: a conversation message at priority 0,
    which the dispatcher sends before any campaign traffic, so the person still gets the next question."""
    message = Message(
        kind=MessageKind.CONVERSATION,
        priority=0,
        channel=Channel.TELEGRAM,
        address=chat_id,
        language=chat_language(session, chat_id),
        body=answer.text,
        extra={"buttons": answer.buttons} if answer.buttons else None,
        company_id=answer.company_id or company_id,
        hunter_id=hunter_id,
        lead_id=answer.lead_id,
        state=MessageState.QUEUED,
        due_at=due_at or utcnow(),
    )
    session.add(message)
    session.flush()
    return message


def chat_owners(session: Session, chat_id: str) -> tuple[int | None, int | None]:
    """The company and hunter of a Telegram chat, so that their histories show both sides."""
    company_id = session.scalar(
        select(Conversation.company_id).where(
            Conversation.channel == "telegram", Conversation.address == chat_id
        )
    )
    hunter_id = session.scalar(select(Hunter.id).where(Hunter.telegram_chat_id == chat_id))
    return company_id, hunter_id


def record_chat_answers(
    session: Session, *, chat_id: str, sent: list[tuple[ChatAnswer, str | None]], provider: str
) -> None:
    """Keeps a copy of answers already sent in a chat (with the provider's message id), as `sent` messages."""
    now = utcnow()
    company_id, hunter_id = chat_owners(session, chat_id)
    for answer, provider_id in sent:
        if not answer.record:
            continue
        session.add(
            Message(
                kind=MessageKind.CONVERSATION,
                channel=Channel.TELEGRAM,
                address=chat_id,
                company_id=answer.company_id or company_id,
                hunter_id=hunter_id,
                lead_id=answer.lead_id,
                body=answer.text,
                extra={"buttons": answer.buttons} if answer.buttons else None,
                priority=0,
                state=MessageState.SENT,
                provider=provider,
                provider_id=provider_id,
                due_at=now,
                sent_at=now,
                state_changed_at=now,
                attempts=1,
                last_attempt_at=now,
            )
        )
    session.flush()
