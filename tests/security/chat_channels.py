"""Real inbound paths for the security suite: Twilio's signed SMS webhook and Telegram's webhook, both through
the ASGI app (the bot a real python-telegram-bot Application against the loopback fake Bot API).

Import the fixtures into a test module (they are named `sms` and `telegram`):
`from tests.security.chat_channels import sms_fixture, telegram_fixture  # noqa: F401`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from bot.telegram_app import TelegramBot
from channels.twilio_webhooks import sign
from settings import Settings
from store.db import Database
from tests.fakes.telegram_api import FakeTelegram
from web.app import create_app

TWILIO_TOKEN = "test-auth-token"
SMS_PATH = "/webhooks/twilio/sms"
TG_SECRET = "security_Suite-7"
_sids = itertools.count(1)


@dataclass
class Sms:
    client: TestClient
    settings: Settings

    def send(self, sender: str, body: str) -> list[str]:
        """Posts one inbound SMS as Twilio signs it; returns the texts of the TwiML answer."""
        form = {
            "MessageSid": f"SM{next(_sids):032x}",
            "AccountSid": self.settings.twilio_account_sid or "",
            "From": sender,
            "To": "+4759440000",
            "Body": body,
            "NumMedia": "0",
        }
        signature = sign(TWILIO_TOKEN, self.settings.public_base_url + SMS_PATH, form)
        response = self.client.post(SMS_PATH, data=form, headers={"X-Twilio-Signature": signature})
        assert response.status_code == 200, response.text
        return re.findall(r"<Message>(.*?)</Message>", response.text, flags=re.S)


@contextmanager
def sms_webhook(settings: Settings, db: Database, **overrides: Any) -> Iterator[Sms]:
    """The app with Twilio configured (and any other settings overridden), for posting signed SMS."""
    configured = settings.model_copy(
        update={
            "twilio_account_sid": "AC" + "0" * 32,
            "twilio_auth_token": TWILIO_TOKEN,
            "twilio_from": "+4759440000",
            **overrides,
        }
    )
    with TestClient(create_app(configured, db=db)) as client:
        yield Sms(client, configured)


@pytest.fixture(name="sms")
def sms_fixture(settings: Settings, db: Database) -> Iterator[Sms]:
    with sms_webhook(settings, db) as webhook:
        yield webhook


@dataclass
class Telegram:
    client: TestClient
    fake: FakeTelegram

    def post(self, update: dict[str, Any]) -> None:
        response = self.client.post(
            "/webhooks/telegram", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": TG_SECRET}
        )
        assert response.status_code == 200, response.text

    def send(self, chat: int, text: str, *, expect: int) -> list[str]:
        """Posts a message update and returns the `expect` answers the bot sent to it (with none expected:
        waits until the bot is idle and checks that it said nothing)."""
        return self._answers(chat, self.fake.message_update(chat, text), expect)

    def _answers(self, chat: int, update: dict[str, Any], expect: int) -> list[str]:
        before = len(self.fake.sent_to(chat))
        self.post(update)
        if expect:
            sent = self.fake.wait_for_sent(chat, before + expect)
        else:
            self.fake.wait_idle(quiet=0.3)
            sent = self.fake.sent_to(chat)
        answers = [m.get("text", "") for m in sent[before:]]
        assert len(answers) == expect, answers
        return answers


@pytest.fixture(name="telegram")
def telegram_fixture(settings: Settings, db: Database, fake_telegram: FakeTelegram) -> Iterator[Telegram]:
    configured = settings.model_copy(
        update=fake_telegram.webhook_settings_update(TG_SECRET, public_base_url="https://jeger.example")
    )
    bot = TelegramBot(settings=configured, db=db)
    with TestClient(create_app(configured, db=db, services=[bot])) as client:
        yield Telegram(client, fake_telegram)
