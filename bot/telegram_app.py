"""The Telegram bot (PRODUCT §4, §7): a python-telegram-bot Application run inside our own asyncio process.

Polling by default; in webhook mode `web.telegram_webhook` feeds updates into the Application's queue. Handlers
are thin (`bot.telegram_handlers`): every decision is made by sync domain code in a worker thread with its own
database session, and conversation state lives in our `conversation` table, not in PTB persistence, so a restart
continues where each chat was. Updates of one chat are processed strictly in order; different chats run side by
side. Answers to people who write to us are sent directly from the handler, ahead of campaign traffic, which the
dispatcher sends through its rate-limited outbox.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from collections.abc import Awaitable
from datetime import timedelta
from typing import Any

from telegram import Bot
from telegram import BotCommand
from telegram import Update
from telegram.ext import Application
from telegram.ext import ApplicationBuilder
from telegram.ext import BaseUpdateProcessor
from telegram.ext import CallbackQueryHandler
from telegram.ext import CommandHandler
from telegram.ext import MessageHandler
from telegram.ext import filters

from bot import telegram_chat as chat
from bot.telegram_handlers import Handlers
from catalogue import DEFAULT_LANGUAGE
from catalogue import LANGUAGES
from catalogue import text
from settings import Settings
from store.db import Database
from store.heartbeats import record_heartbeat
from store.models import utcnow

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
# The menu Telegram shows beside the text field, each command described by catalogue key `tg_menu_<command>`.
MENU = ("start", "jeger", "leads", "notat", "hjelp", "stopp", "personvern", "slettmeg")


def menu(language: str) -> list[BotCommand]:
    """The menu in `language`. Telegram shows the list set for the language of the person's app, else the one
    set without a language: that one is bokmål, as the chat is before it knows the company."""
    return [BotCommand(command, text(f"tg_menu_{command}", language)) for command in MENU]


async def set_menus(bot: Bot) -> None:
    """The menu without a language (bokmål) and one for each other language we write."""
    await bot.set_my_commands(menu(DEFAULT_LANGUAGE))
    for language in LANGUAGES:
        if language != DEFAULT_LANGUAGE:
            await bot.set_my_commands(menu(language), language_code=language)


HEARTBEAT_SECONDS = 30.0


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Processes updates of different chats concurrently, and those of one chat one at a time, in order.

    PTB starts one task per update in arrival order; each task queues on its chat's lock before its first real
    suspension, and asyncio locks wake waiters first-in first-out, so a chat's updates keep their order.

    The chat lock is taken BEFORE one of the `max_concurrent_updates` processing slots: an update waiting for
    its chat holds no slot, so one chat with a backlog, a slow answer or a flood wait (RetryAfter is waited
    out in the handler) occupies at most one slot and never delays the other chats. PTB's own semaphore,
    which `process_update` takes before calling us, is therefore sized as a backstop only
    (`max_waiting_updates`); were it the limit, a chat's queued updates would fill it while waiting for their
    chat, and every other chat would wait behind them.
    """

    def __init__(self, max_concurrent_updates: int = 16, *, max_waiting_updates: int = 4096) -> None:
        if max_concurrent_updates < 1 or max_waiting_updates < max_concurrent_updates:
            raise ValueError("need 1 <= max_concurrent_updates <= max_waiting_updates")
        super().__init__(max_waiting_updates)
        self.processing_slots = max_concurrent_updates
        self._slots = asyncio.Semaphore(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: Counter[int] = Counter()

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None:
            async with self._slots:
                await coroutine
            return
        lock = self._locks.setdefault(chat.id, asyncio.Lock())
        self._users[chat.id] += 1
        try:
            async with lock, self._slots:
                await coroutine
        finally:
            self._users[chat.id] -= 1
            if not self._users[chat.id]:
                del self._users[chat.id]
                del self._locks[chat.id]

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass


def build_application(settings: Settings, db: Database) -> Application:
    """All wiring in one place: the commands and buttons the bot understands, and where each goes."""
    assert settings.telegram_bot_token, "build_application needs TELEGRAM_BOT_TOKEN"
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token)
        .base_url(f"{settings.telegram_api_base}/bot")
        .base_file_url(f"{settings.telegram_api_base}/file/bot")
        .concurrent_updates(PerChatUpdateProcessor())
    )
    if settings.telegram_mode == "webhook":
        builder = builder.updater(None)
    application = builder.build()
    h = Handlers(settings=settings, db=db)
    for command, action in chat.COMMANDS.items():
        application.add_handler(CommandHandler(command, h.bind(action), filters=filters.ChatType.PRIVATE))
    application.add_handler(CallbackQueryHandler(h.bind(chat.tapped)))
    application.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, h.bind(chat.text))
    )
    application.add_handler(MessageHandler(filters.ChatType.PRIVATE & filters.COMMAND, h.bind(chat.unknown)))
    application.add_handler(
        MessageHandler(filters.ChatType.PRIVATE & filters.CONTACT, h.bind(chat.shared_contact))
    )
    application.add_handler(MessageHandler(filters.ChatType.PRIVATE & ~filters.TEXT, h.bind(chat.not_text)))
    application.add_error_handler(h.on_error)
    return application


class TelegramBot:
    """`runtime.Service` running the bot beside the web app; without a token it stays in sandbox mode."""

    name = "telegram"

    def __init__(self, *, settings: Settings, db: Database, poll_timeout: float = 10.0) -> None:
        self.settings = settings
        self.db = db
        self.poll_timeout = poll_timeout  # getUpdates long-poll seconds: how long an idle request stays open
        self.application: Application | None = None
        self._heartbeat: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        return self.application is not None and self.application.running

    async def start(self) -> None:
        settings = self.settings
        if not settings.telegram_enabled:
            log.info("Telegram runs in sandbox mode: no TELEGRAM_BOT_TOKEN, the bot is not started")
            return
        if settings.telegram_mode == "webhook" and not settings.telegram_webhook_secret:
            raise RuntimeError(
                "TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_SECRET (1-256 characters A-Z a-z 0-9 _ -): "
                "without it anyone could post updates to /webhooks/telegram"
            )
        application = build_application(settings, self.db)
        await application.initialize()
        await application.start()
        self.application = application
        await set_menus(application.bot)
        if settings.telegram_mode == "webhook":
            url = f"{settings.public_base_url}/webhooks/telegram"
            await application.bot.set_webhook(
                url=url, secret_token=settings.telegram_webhook_secret, allowed_updates=ALLOWED_UPDATES
            )
            log.info("Telegram bot @%s receives updates by webhook at %s", application.bot.username, url)
        else:
            assert application.updater is not None
            await application.updater.start_polling(
                timeout=timedelta(seconds=self.poll_timeout), allowed_updates=ALLOWED_UPDATES
            )
            log.info("Telegram bot @%s receives updates by polling", application.bot.username)
        self._heartbeat = asyncio.create_task(self._beat(), name="telegram-heartbeat")

    async def feed_update(self, data: dict[str, Any]) -> None:
        """Queues one webhook update for processing (the route has already authenticated it)."""
        assert self.application is not None
        await self.application.update_queue.put(Update.de_json(data, self.application.bot))

    async def stop(self) -> None:
        application, self.application = self.application, None
        if self._heartbeat is not None:
            self._heartbeat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._heartbeat
            self._heartbeat = None
        if application is None:
            return
        if application.updater is not None and application.updater.running:
            await application.updater.stop()
        if application.running:
            await application.stop()  # lets handlers already running finish
        await application.shutdown()

    async def _beat(self) -> None:
        while True:
            await asyncio.to_thread(self._record_heartbeat)
            await asyncio.sleep(HEARTBEAT_SECONDS)

    def _record_heartbeat(self) -> None:
        try:
            with self.db.transaction() as session:
                record_heartbeat(
                    session, name=self.name, now=utcnow(), info={"mode": self.settings.telegram_mode}
                )
        except Exception:  # a missed beat shows on /healthz; it must not stop the bot
            log.exception("Could not record the Telegram heartbeat")
