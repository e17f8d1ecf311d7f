"""The PTB side of every handler: Update in, sync decision in a thread, answers out as Telegram messages.

A handler never decides anything itself: `bind(action)` wraps a function of `bot.telegram_chat`, which gets its
own database transaction in a worker thread and returns `ChatAnswer`s. Answers sent here are recorded in the
outbox as `conversation` messages already `sent`, so the dispatcher never sends them a second time.

Telegram's flood control (RetryAfter) and network trouble must not lose the next question: a short wait is
waited out here (bounded: the chat's later updates queue behind this one), and an answer that still cannot go
is queued in the outbox as a priority-0 conversation message, which the dispatcher sends before bulk traffic.
Every answer goes out through channels.telegram, so a chat that blocked the bot is opted out here as it is
when the dispatcher meets it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from collections.abc import Coroutine
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session
from telegram import InlineKeyboardButton
from telegram import InlineKeyboardMarkup
from telegram import KeyboardButton
from telegram import Message as TelegramMessage
from telegram import ReplyKeyboardMarkup
from telegram import Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from bot.telegram_chat import TelegramInbound
from channels.base import Failed
from channels.base import OptedOut
from channels.base import RetryLater
from channels.base import Sent
from channels.telegram import edit_text
from channels.telegram import send_text
from companies.optout_records import record_opt_out
from hunters.notify import Buttons
from hunters.notify import ChatAnswer
from hunters.notify import chat_owners
from hunters.notify import queue_chat_answer
from hunters.notify import record_chat_answers
from settings import Settings
from store.db import Database
from store.masking import mask_address
from store.models import ContactKind
from store.models import utcnow
from store.secrets import AddressHasher

log = logging.getLogger(__name__)

Action = Callable[[Session, TelegramInbound, Settings], list[ChatAnswer]]
Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]

SORRY = "Beklager, noe gikk galt hos oss. Prøv igjen om litt."
MAX_RETRY_AFTER = 5.0  # seconds of flood control waited out in the handler; longer goes to the outbox
SEND_ATTEMPTS = 3  # per answer, before it goes to the outbox
NETWORK_BACKOFF = 0.5  # seconds, doubled per attempt


class Blocked(Exception):
    """The person blocked the bot: nothing more goes to this chat."""


class Refused(Exception):
    """Telegram refused this one answer (e.g. the chat is gone); the others may still go."""


class Deferred(Exception):
    """Telegram would not take the answer now; send it from the outbox in `after` seconds."""

    def __init__(self, after: float) -> None:
        super().__init__(f"deferred {after:.0f} s")
        self.after = after


def keyboard(buttons: Buttons | None) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b["text"], callback_data=b["callback_data"]) for b in row] for row in buttons]
    )


def markup_for(answer: ChatAnswer) -> InlineKeyboardMarkup | ReplyKeyboardMarkup | None:
    """Inline buttons, or the one "share my phone number" button under the text field."""
    if answer.share_contact and not answer.buttons:
        return ReplyKeyboardMarkup(
            [[KeyboardButton(answer.share_contact, request_contact=True)]],
            resize_keyboard=True,
            one_time_keyboard=True,
        )
    return keyboard(answer.buttons)


def own_phone(message: TelegramMessage | None) -> str | None:
    """The phone number of a shared contact when it is the sender's own (anyone can share someone else's)."""
    contact = message.contact if message is not None else None
    if contact is None or message is None or message.from_user is None:
        return None
    if contact.user_id != message.from_user.id or not contact.phone_number:
        return None
    number = contact.phone_number.strip()
    return number if number.startswith("+") else "+" + number  # Telegram sends it without the plus


class Handlers:
    def __init__(self, *, settings: Settings, db: Database) -> None:
        self.settings = settings
        self.db = db

    def bind(self, action: Action) -> Callback:
        async def handle(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            chat = update.effective_chat
            if chat is None:
                return
            query = update.callback_query
            if query is not None:
                with contextlib.suppress(TelegramError):  # only stops the button's spinner
                    await query.answer()
            message = update.message
            inbound = TelegramInbound(
                chat_id=str(chat.id),
                update_id=update.update_id,
                text=(message.text or own_phone(message)) if message is not None else None,
                button=query.data if query is not None else None,
                args=list(context.args or []),
                received_at=message.date if message is not None else utcnow(),
                app_language=update.effective_user.language_code
                if update.effective_user is not None
                else None,
            )
            answers = await asyncio.to_thread(self._decide, action, inbound)
            sent, deferred = await self._send(update, context, answers)
            if sent:
                await asyncio.to_thread(self._record, inbound.chat_id, sent)
            if deferred is not None:
                await asyncio.to_thread(self._queue, inbound.chat_id, *deferred)

        return handle

    def _decide(self, action: Action, inbound: TelegramInbound) -> list[ChatAnswer]:
        with self.db.transaction() as session:
            return action(session, inbound, self.settings)

    async def _send(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE, answers: list[ChatAnswer]
    ) -> tuple[list[tuple[ChatAnswer, int]], tuple[list[ChatAnswer], float] | None]:
        """(answers sent with their message ids, answers left for the outbox with the delay)."""
        chat = update.effective_chat
        assert chat is not None
        sent: list[tuple[ChatAnswer, int]] = []
        for position, answer in enumerate(answers):
            try:
                sent.append((answer, await self._send_one(update, context, answer)))
            except Blocked:
                log.info("Chat %s has blocked the bot; its address is opted out", mask_address(str(chat.id)))
                await asyncio.to_thread(self._opt_out, str(chat.id))
                break
            except Refused as exc:  # this text cannot be sent (e.g. the chat is gone); the rest may
                log.warning("Telegram refused an answer to chat %s: %s", mask_address(str(chat.id)), exc)
            except Deferred as exc:
                left = [a for a in answers[position:] if a.record]  # after an erase: nothing is kept
                log.warning(
                    "Telegram is not taking answers to chat %s now; %d queued in the outbox",
                    mask_address(str(chat.id)),
                    len(left),
                )
                return sent, (left, exc.after) if left else None
        return sent, None

    async def _send_one(self, update: Update, context: ContextTypes.DEFAULT_TYPE, answer: ChatAnswer) -> int:
        """Sends (or edits) one answer, retrying flood control and network errors a few times; raises
        Deferred when it still cannot go, Blocked and Refused as they come."""
        chat = update.effective_chat
        assert chat is not None
        query = update.callback_query
        backoff = NETWORK_BACKOFF
        for attempt in range(1, SEND_ATTEMPTS + 1):
            result = None
            if answer.edit and query is not None and query.message is not None:
                result = await edit_text(
                    context.bot,
                    chat_id=chat.id,
                    message_id=query.message.message_id,
                    text=answer.text,
                    reply_markup=keyboard(answer.buttons),
                )
                if isinstance(result, Failed):  # too old to edit, or unchanged: say it anew
                    log.info(
                        "Could not edit message in chat %s: %s", mask_address(str(chat.id)), result.reason
                    )
                    result = None
            if result is None:
                result = await send_text(
                    context.bot, chat_id=chat.id, text=answer.text, reply_markup=markup_for(answer)
                )
            if isinstance(result, Sent):
                return int(result.provider_id or 0)
            if isinstance(result, OptedOut):
                raise Blocked(result.reason)
            if isinstance(result, Failed):
                raise Refused(result.reason)
            assert isinstance(result, RetryLater)
            if result.retry_after is not None:  # flood control
                if result.retry_after > MAX_RETRY_AFTER or attempt == SEND_ATTEMPTS:
                    raise Deferred(result.retry_after)
                await asyncio.sleep(result.retry_after)
                continue
            if attempt == SEND_ATTEMPTS:  # timeouts, 5xx, connection errors
                raise Deferred(0.0)
            log.info(
                "Telegram network error for chat %s (%s); retrying", mask_address(str(chat.id)), result.reason
            )
            await asyncio.sleep(backoff)
            backoff *= 2
        raise AssertionError("unreachable")  # the loop returns or raises

    def _opt_out(self, chat_id: str) -> None:
        with self.db.transaction() as session:
            record_opt_out(
                session,
                hasher=AddressHasher.load(session),
                kind=ContactKind.TELEGRAM,
                address=chat_id,
                source="provider",
            )

    def _record(self, chat_id: str, sent: list[tuple[ChatAnswer, int]]) -> None:
        with self.db.transaction() as session:
            record_chat_answers(
                session, chat_id=chat_id, sent=[(a, str(mid)) for a, mid in sent], provider="telegram"
            )

    def _queue(self, chat_id: str, answers: list[ChatAnswer], after: float) -> None:
        due = utcnow() + timedelta(seconds=after)
        with self.db.transaction() as session:
            company_id, hunter_id = chat_owners(session, chat_id)
            for answer in answers:
                queue_chat_answer(
                    session,
                    chat_id=chat_id,
                    answer=answer,
                    company_id=company_id,
                    hunter_id=hunter_id,
                    due_at=due,
                )

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Logs without personal data and tells the person something went wrong rather than nothing."""
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("Telegram update %s failed", update_id, exc_info=context.error)
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is not None:
            with contextlib.suppress(TelegramError):  # send_text maps the usual ones; not a token gone bad
                await send_text(context.bot, chat_id=chat.id, text=SORRY)
