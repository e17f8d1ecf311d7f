"""The PTB side of every handler: Update in, sync decision in a thread, answers out as Telegram messages.

A handler never decides anything itself: `bind(action)` wraps a function of `bot.telegram_chat`, which gets its
own database transaction in a worker thread and returns `ChatAnswer`s. Answers sent here are recorded in the
outbox as `conversation` messages already `sent`, so the dispatcher never sends them a second time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import ContextTypes

from settings import Settings
from store.db import Database
from store.masking import mask_address
from store.models import Channel, Conversation, Hunter, Message, MessageKind, MessageState, utcnow

from .notify import Buttons, ChatAnswer
from .telegram_chat import TelegramInbound

log = logging.getLogger(__name__)

Action = Callable[[Session, TelegramInbound, Settings], list[ChatAnswer]]
Callback = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]

SORRY = "Beklager, noe gikk galt hos oss. Prøv igjen om litt."


def keyboard(buttons: Buttons | None) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(b["text"], callback_data=b["callback_data"]) for b in row] for row in buttons]
    )


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
                text=message.text if message is not None else None,
                button=query.data if query is not None else None,
                args=list(context.args or []),
                received_at=message.date if message is not None else utcnow(),
            )
            answers = await asyncio.to_thread(self._decide, action, inbound)
            sent = await self._send(update, context, answers)
            if sent:
                await asyncio.to_thread(self._record, inbound.chat_id, sent)

        return handle

    def _decide(self, action: Action, inbound: TelegramInbound) -> list[ChatAnswer]:
        with self.db.transaction() as session:
            return action(session, inbound, self.settings)

    async def _send(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE, answers: list[ChatAnswer]
    ) -> list[tuple[ChatAnswer, int]]:
        chat = update.effective_chat
        assert chat is not None
        query = update.callback_query
        sent: list[tuple[ChatAnswer, int]] = []
        for answer in answers:
            markup = keyboard(answer.buttons)
            try:
                if answer.edit and query is not None and query.message is not None:
                    try:
                        await query.edit_message_text(answer.text, reply_markup=markup)
                        sent.append((answer, query.message.message_id))
                        continue
                    except BadRequest as exc:  # too old to edit, or unchanged: say it anew
                        log.info("Could not edit message in chat %s: %s", mask_address(str(chat.id)), exc)
                message = await context.bot.send_message(chat.id, answer.text, reply_markup=markup)
                sent.append((answer, message.message_id))
            except Forbidden:
                log.info("Chat %s has blocked the bot; answer dropped", mask_address(str(chat.id)))
                break
        return sent

    def _record(self, chat_id: str, sent: list[tuple[ChatAnswer, int]]) -> None:
        now = utcnow()
        with self.db.transaction() as session:
            # Filed under the company or hunter of the chat, so their history shows both sides.
            company_id = session.scalar(
                select(Conversation.company_id).where(
                    Conversation.channel == "telegram", Conversation.address == chat_id
                )
            )
            hunter_id = session.scalar(select(Hunter.id).where(Hunter.telegram_chat_id == chat_id))
            for answer, message_id in sent:
                if not answer.record:
                    continue
                session.add(
                    Message(
                        kind=MessageKind.CONVERSATION,
                        channel=Channel.TELEGRAM,
                        address=chat_id,
                        company_id=company_id,
                        hunter_id=hunter_id,
                        body=answer.text,
                        extra={"buttons": answer.buttons} if answer.buttons else None,
                        priority=0,
                        state=MessageState.SENT,
                        provider="telegram",
                        provider_id=str(message_id),
                        due_at=now,
                        sent_at=now,
                        state_changed_at=now,
                        attempts=1,
                        last_attempt_at=now,
                    )
                )

    async def on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Logs without personal data and tells the person something went wrong rather than nothing."""
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("Telegram update %s failed", update_id, exc_info=context.error)
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is not None:
            with contextlib.suppress(TelegramError):
                await context.bot.send_message(chat.id, SORRY)
