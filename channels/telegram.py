"""Outbound Telegram through python-telegram-bot's `Bot` (PRODUCT §4: only to chats that started the bot).

Every message we send to a Telegram chat goes through `send_text`, whoever sends it (the dispatcher's channel
below, or the bot answering a chat), so Telegram's answers mean one thing everywhere: a blocked bot
(Forbidden) is OptedOut, the chat's address never written to again; flood control is RetryLater with
Telegram's wait; a refused text is Failed (an unknown chat: an invalid address); network trouble RetryLater.
"""

from __future__ import annotations

import warnings
from collections.abc import Awaitable
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from telegram import Bot
from telegram import InlineKeyboardButton
from telegram import InlineKeyboardMarkup
from telegram import ReplyKeyboardMarkup
from telegram.error import BadRequest
from telegram.error import Forbidden
from telegram.error import NetworkError
from telegram.error import RetryAfter
from telegram.error import TimedOut
from telegram.request import HTTPXRequest
from telegram.warnings import PTBDeprecationWarning

from channels.base import Failed
from channels.base import OptedOut
from channels.base import OutgoingMessage
from channels.base import RetryLater
from channels.base import SendResult
from channels.base import Sent
from settings import Settings


def retry_after_seconds(error: RetryAfter) -> float:
    """Telegram's wait in seconds; PTB 22 gives an int (or a timedelta with PTB_TIMEDELTA) and warns about the
    coming change on every read, which says nothing to our logs."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        retry_after = error.retry_after
    return retry_after.total_seconds() if isinstance(retry_after, timedelta) else float(retry_after)


def keyboard(buttons: list[list[dict[str, str]]] | None) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b["text"], callback_data=b.get("callback_data")) for b in row]
            for row in buttons
        ]
    )


def telegram_bot(settings: Settings, **request_options: Any) -> Bot:
    """A Bot against TELEGRAM_API_BASE (the real API, a local Bot API server, or the test fake)."""
    return Bot(
        settings.telegram_bot_token or "",
        base_url=f"{settings.telegram_api_base}/bot",
        request=HTTPXRequest(connection_pool_size=64, **request_options),
    )


Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | None


async def _result(call: Awaitable[Any], message_id: Callable[[Any], int]) -> SendResult:
    try:
        answer = await call
    except Forbidden as exc:  # the user blocked the bot: never write again
        return OptedOut(reason=f"Telegram: {exc.message}", code="403")
    except RetryAfter as exc:
        return RetryLater(reason=f"Telegram: {exc.message}", retry_after=retry_after_seconds(exc), code="429")
    except BadRequest as exc:
        invalid = "chat not found" in exc.message.lower()
        return Failed(reason=f"Telegram: {exc.message}", code="400", invalid_address=invalid)
    except (TimedOut, NetworkError) as exc:
        return RetryLater(reason=f"Telegram: {exc.message}")
    return Sent(provider="telegram", provider_id=str(message_id(answer)))


async def send_text(bot: Bot, *, chat_id: str | int, text: str, reply_markup: Markup = None) -> SendResult:
    """Sends one text to a chat; Telegram's answer as a SendResult (see the module docstring)."""
    call = bot.send_message(chat_id=chat_id, text=text, reply_markup=reply_markup)
    return await _result(call, lambda sent: int(sent.message_id))


async def edit_text(
    bot: Bot, *, chat_id: str | int, message_id: int, text: str, reply_markup: InlineKeyboardMarkup | None
) -> SendResult:
    """Replaces the text of a message we sent (a question answered by a button); Failed when Telegram will
    not edit it (too old, or unchanged): then say it anew."""
    call = bot.edit_message_text(text=text, chat_id=chat_id, message_id=message_id, reply_markup=reply_markup)
    return await _result(call, lambda _edited: message_id)


class TelegramChannel:
    provider = "telegram"

    def __init__(self, settings: Settings) -> None:
        self.bot = telegram_bot(settings)
        self._ready = False

    async def send(self, message: OutgoingMessage) -> SendResult:
        if not message.address:
            return Failed(reason="no chat id", invalid_address=True)
        if not self._ready:
            try:
                await self.bot.initialize()
            except (TimedOut, NetworkError) as exc:
                return RetryLater(reason=f"Telegram: {exc.message}")
            self._ready = True
        return await send_text(
            self.bot,
            chat_id=message.address,
            text=message.body,
            reply_markup=keyboard(message.extra.get("buttons")),
        )

    async def close(self) -> None:
        if self._ready:
            await self.bot.shutdown()
