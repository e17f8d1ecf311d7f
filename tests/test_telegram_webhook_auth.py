"""POST /webhooks/telegram refuses what is not from Telegram, and the bot refuses an unsafe configuration."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlalchemy import select

from bot.telegram_app import TelegramBot
from settings import Settings
from store.db import Database
from store.models import Message
from store.models import Reply
from web.app import create_app

SECRET = "s3cret_Token-1"
UPDATE = {
    "update_id": 1,
    "message": {"message_id": 1, "date": 0, "chat": {"id": 7, "type": "private"}, "text": "hei"},
}


def nothing_stored(db: Database) -> bool:
    with db.session() as session:
        return not session.scalar(select(func.count()).select_from(Reply)) and not session.scalar(
            select(func.count()).select_from(Message)
        )


def client_for(settings: Settings, db: Database, **overrides: object) -> TestClient:
    return TestClient(create_app(settings.model_copy(update=overrides), db=db))


def test_a_webhook_without_the_secret_or_with_a_wrong_one_gets_403(settings: Settings, db: Database) -> None:
    client = client_for(settings, db, telegram_mode="webhook", telegram_webhook_secret=SECRET)
    assert client.post("/webhooks/telegram", json=UPDATE).status_code == 403
    wrong = {"X-Telegram-Bot-Api-Secret-Token": SECRET + "x"}
    assert client.post("/webhooks/telegram", json=UPDATE, headers=wrong).status_code == 403
    assert nothing_stored(db)


def test_the_webhook_is_closed_when_webhook_mode_is_not_configured(settings: Settings, db: Database) -> None:
    polling = client_for(settings, db, telegram_mode="polling", telegram_webhook_secret=SECRET)
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    assert polling.post("/webhooks/telegram", json=UPDATE, headers=headers).status_code == 403
    no_secret = client_for(settings, db, telegram_mode="webhook", telegram_webhook_secret=None)
    assert (
        no_secret.post(
            "/webhooks/telegram", json=UPDATE, headers={"X-Telegram-Bot-Api-Secret-Token": ""}
        ).status_code
        == 403
    )
    assert nothing_stored(db)


def test_a_body_over_64_kb_gets_413(settings: Settings, db: Database) -> None:
    client = client_for(settings, db, telegram_mode="webhook", telegram_webhook_secret=SECRET)
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
    big = b'{"update_id": 2, "pad": "' + b"x" * (64 * 1024) + b'"}'
    assert client.post("/webhooks/telegram", content=big, headers=headers).status_code == 413

    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(70):
            yield b"x" * 1024

    assert client.post("/webhooks/telegram", content=chunks(), headers=headers).status_code == 413
    assert nothing_stored(db)


def test_an_authentic_update_without_a_running_bot_asks_telegram_to_retry(
    settings: Settings, db: Database
) -> None:
    client = client_for(settings, db, telegram_mode="webhook", telegram_webhook_secret=SECRET)
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    assert client.post("/webhooks/telegram", json=UPDATE, headers=headers).status_code == 503
    assert client.post("/webhooks/telegram", content=b"not json", headers=headers).status_code == 200
    assert nothing_stored(db)


async def test_webhook_mode_without_a_secret_refuses_to_start(settings: Settings, db: Database) -> None:
    bot = TelegramBot(
        settings=settings.model_copy(
            update={
                "telegram_bot_token": "123:abc",
                "telegram_mode": "webhook",
                "telegram_webhook_secret": None,
            }
        ),
        db=db,
    )
    with pytest.raises(RuntimeError, match="TELEGRAM_WEBHOOK_SECRET"):
        await bot.start()
    assert not bot.running


async def test_without_a_token_the_bot_stays_in_sandbox_mode(
    settings: Settings, db: Database, caplog: pytest.LogCaptureFixture
) -> None:
    bot = TelegramBot(settings=settings, db=db)
    with caplog.at_level("INFO"):
        await bot.start()
    assert not bot.running and "sandbox mode" in caplog.text
    await bot.stop()


def test_telegram_webhook_requests_and_rejections_are_counted(settings: Settings, db: Database) -> None:
    from prometheus_client import REGISTRY

    def value(name: str, **labels: str) -> float:
        return REGISTRY.get_sample_value(name, {"webhook": "telegram", **labels}) or 0.0

    before = {
        "requests": value("jeger_webhook_requests_total"),
        "secret": value("jeger_webhook_rejections_total", reason="secret"),
        "too_large": value("jeger_webhook_rejections_total", reason="too_large"),
    }
    client = client_for(settings, db, telegram_mode="webhook", telegram_webhook_secret=SECRET)
    client.post("/webhooks/telegram", json=UPDATE, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"})
    big = b'{"update_id": 2, "pad": "' + b"x" * (64 * 1024) + b'"}'
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
    assert client.post("/webhooks/telegram", content=big, headers=headers).status_code == 413
    client.post("/webhooks/telegram", json=UPDATE, headers=headers)
    assert value("jeger_webhook_requests_total") == before["requests"] + 3
    assert value("jeger_webhook_rejections_total", reason="secret") == before["secret"] + 1
    assert value("jeger_webhook_rejections_total", reason="too_large") == before["too_large"] + 1
    scraped = client.get("/metrics").text
    assert 'jeger_webhook_requests_total{webhook="telegram"}' in scraped
