"""Attack: one Telegram chat floods the bot so that Telegram puts the answers to it in flood wait (429
retry_after), and every other chat waited behind it: its queued updates held all of the bot's processing slots
while waiting for their chat. Replayed through the real python-telegram-bot Application against the fake Bot
API, on SQLite and PostgreSQL; the other chat must be answered while the flooding chat is still waiting."""

from __future__ import annotations

from bot.telegram_app import TelegramBot
from store.db import Database
from tests.fakes.telegram_api import FakeTelegram
from tests.test_telegram_concurrency import BUSY_CHAT
from tests.test_telegram_concurrency import OTHER_CHAT
from tests.test_telegram_concurrency import backlog_answered
from tests.test_telegram_concurrency import bot
from tests.test_telegram_concurrency import busy_chat_in_order
from tests.test_telegram_concurrency import other_chat_answered_while
from tests.test_telegram_concurrency import position
from tests.test_telegram_concurrency import push_backlog

__all__ = ["bot"]  # the fixture, shared with tests/test_telegram_concurrency.py


async def test_a_chat_in_flood_wait_does_not_delay_another_chat(
    bot: TelegramBot, fake_telegram: FakeTelegram, db: Database
) -> None:
    # Telegram tells the busy chat's first answer to wait 3 s; the handler waits it out holding its chat.
    fake_telegram.fail_next("sendMessage", 429, retry_after=3)
    update_ids = push_backlog(fake_telegram)

    def flood_waiting() -> bool:
        with fake_telegram.lock:
            return any(m == "sendMessage" for m, _ in fake_telegram.calls) and not fake_telegram.failures

    await other_chat_answered_while(
        fake_telegram, flood_waiting, what="the busy chat's first answer is refused with retry_after"
    )
    await backlog_answered(fake_telegram)
    # The other chat's answer went out before the busy chat's flood wait was over.
    assert position(fake_telegram, OTHER_CHAT) < position(fake_telegram, BUSY_CHAT)
    fake_telegram.wait_idle(quiet=0.3)
    busy_chat_in_order(db, update_ids)
