"""One Telegram chat never stalls the others: a real python-telegram-bot Application against the loopback fake
Bot API, with one chat that has a backlog and a slow or flood-waiting answer, and one chat that writes meanwhile.

The bot processes at most 16 updates at a time. A backlog of more than that in one chat used to take every
slot (each queued update held a slot while waiting for its chat), so the other chat's update waited for the slow
one. The tests measure the order of events at the fake, not wall-clock thresholds. The flood-wait attack
replays in tests/security/test_telegram_flood.py with the fixture and helpers of this module.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from collections.abc import Callable
from datetime import UTC
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import select
from telegram import Chat
from telegram import Message
from telegram import Update
from telegram import User as TgUser

from bot.telegram_app import PerChatUpdateProcessor
from bot.telegram_app import TelegramBot
from settings import Settings
from store.db import Database
from store.models import HunterState
from store.models import Reply
from tests.fakes.telegram_api import FakeTelegram
from tests.lead_factories import make_hunter
from tests.polling import eventually

BUSY_CHAT, OTHER_CHAT = 7001, 7002
# More queued updates in one chat than there are processing slots.
BACKLOG = PerChatUpdateProcessor().processing_slots + 2


@pytest.fixture
async def bot(settings: Settings, fake_telegram: FakeTelegram, db: Database) -> AsyncIterator[TelegramBot]:
    with db.transaction() as session:  # two pending hunters: every /leads gets exactly one answer
        make_hunter(session, chat_id=str(BUSY_CHAT), state=HunterState.PENDING)
        make_hunter(session, chat_id=str(OTHER_CHAT), state=HunterState.PENDING)
    tg_settings = settings.model_copy(update=fake_telegram.settings_update())
    running = TelegramBot(settings=tg_settings, db=db, poll_timeout=0.5)
    await running.start()
    yield running
    fake_telegram.release(BUSY_CHAT)  # a failed test must not leave a request hanging while the bot stops
    await running.stop()


def push_backlog(fake: FakeTelegram) -> list[int]:
    """Queues BACKLOG updates in the busy chat in one getUpdates batch; returns their update ids in order."""
    return [fake.push_message(BUSY_CHAT, "/leads")["update_id"] for _ in range(BACKLOG)]


def busy_chat_in_order(db: Database, update_ids: list[int]) -> None:
    """The busy chat's updates were handled strictly in arrival order (replies are recorded as handled)."""
    with db.session() as session:
        handled = session.scalars(
            select(Reply.provider_id).where(Reply.sender == str(BUSY_CHAT)).order_by(Reply.id)
        ).all()
    assert [int(p or 0) for p in handled] == update_ids


def position(fake: FakeTelegram, chat: int) -> int:
    """Index in the fake's log of the first message the bot got through to `chat`."""
    with fake.lock:
        return next(i for i, s in enumerate(fake.sent) if s["chat_id"] == chat)


async def other_chat_answered_while(fake: FakeTelegram, stuck: Callable[[], bool], *, what: str) -> None:
    """Waits until the busy chat is `stuck` (`what` says how), then has the other chat write and waits for the
    bot's answer to it."""
    await eventually(stuck, what=what, timeout=20.0, in_thread=False)
    fake.push_message(OTHER_CHAT, "/leads")
    await eventually(
        lambda: bool(fake.sent_to(OTHER_CHAT)),
        what="the other chat is answered",
        timeout=20.0,
        in_thread=False,
    )


async def backlog_answered(fake: FakeTelegram) -> None:
    await eventually(
        lambda: len(fake.sent_to(BUSY_CHAT)) == BACKLOG,
        what="the backlog is answered",
        timeout=20.0,
        in_thread=False,
    )


async def test_a_slow_chat_with_a_backlog_does_not_delay_another_chat(
    bot: TelegramBot, fake_telegram: FakeTelegram, db: Database
) -> None:
    fake_telegram.hold(BUSY_CHAT)  # the busy chat's first answer hangs at Telegram
    update_ids = push_backlog(fake_telegram)
    # The other chat is answered while the busy chat's first answer is still hanging.
    await other_chat_answered_while(
        fake_telegram,
        lambda: fake_telegram.is_waiting(BUSY_CHAT),
        what="the busy chat's first answer is on its way",
    )
    assert fake_telegram.sent_to(BUSY_CHAT) == []
    assert "venter på godkjenning" in fake_telegram.sent_to(OTHER_CHAT)[0]["text"]

    fake_telegram.release(BUSY_CHAT)
    await backlog_answered(fake_telegram)
    fake_telegram.wait_idle(quiet=0.3)
    busy_chat_in_order(db, update_ids)


async def test_updates_without_a_chat_and_of_many_chats_share_the_slots() -> None:
    """The processor itself: never more than `max_concurrent_updates` run at once, a chat runs one at a time."""
    processor = PerChatUpdateProcessor(2, max_waiting_updates=64)
    running: list[int] = []
    peak = {"all": 0, "per_chat": 0}
    gate = asyncio.Event()

    async def work(chat: int) -> None:
        running.append(chat)
        peak["all"] = max(peak["all"], len(running))
        peak["per_chat"] = max(peak["per_chat"], running.count(chat))
        await gate.wait()
        running.remove(chat)

    def update(chat: int, n: int) -> Update:
        user = TgUser(chat, "Kari", False)
        message = Message(n, date=datetime.now(UTC), chat=Chat(chat, "private"), from_user=user)
        return Update(n, message=message)

    tasks: list[asyncio.Task[Any]] = [
        asyncio.create_task(processor.process_update(update(chat, n), work(chat)))
        for n, chat in enumerate([1, 1, 1, 2, 3, 4])
    ]
    await eventually(lambda: len(running) == 2, what="two updates running", in_thread=False)
    assert sorted(running) == [1, 2]  # chat 1's later updates wait for chat 1 without taking a slot
    gate.set()
    await asyncio.gather(*tasks)
    assert peak == {"all": 2, "per_chat": 1}
    with pytest.raises(ValueError):
        PerChatUpdateProcessor(0)
