"""Pytest fixtures for the loopback fakes of Twilio, Telegram and SMTP (registered from tests/conftest.py).

fake_twilio    -> FakeTwilio (running); `settings.model_copy(update=fake_twilio.settings_update())`
fake_telegram  -> FakeTelegram (running); `settings.model_copy(update=fake_telegram.settings_update())`
smtp_server    -> SmtpServer (running); its `.url` is an SMTP_URL, `.messages` what arrived
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes.smtp import SmtpServer
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.twilio_api import FakeTwilio


@pytest.fixture
def fake_twilio() -> Iterator[FakeTwilio]:
    fake = FakeTwilio().start()
    yield fake
    fake.stop()


@pytest.fixture
def fake_telegram() -> Iterator[FakeTelegram]:
    fake = FakeTelegram().start()
    yield fake
    fake.stop()


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer().start()
    yield server
    server.stop()
