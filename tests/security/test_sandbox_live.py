"""The sandbox only ever acts on sandboxed channels (PRODUCT §12): on a live channel the CLI exits 2 and the
dashboard answers 409, and nothing is stored."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlalchemy import select

from settings import Settings
from store.db import Database
from store.models import Channel
from store.models import Message
from store.models import MessageState
from store.models import OptOut
from store.models import Reply
from store.models import utcnow
from tests.dashboard_fixtures import ADMIN_EMAIL
from tests.dashboard_fixtures import csrf_of
from tests.dashboard_fixtures import log_in
from tests.test_engine import make_company
from web.app import create_app

TWILIO = {
    "twilio_account_sid": "AC" + "0" * 32,
    "twilio_auth_token": "live-token",
    "twilio_from": "+4759440000",
}
TELEGRAM = {"telegram_bot_token": "123456:live-token"}


def stored(db: Database) -> tuple[int, int, int]:
    with db.session() as session:
        return (
            session.scalar(select(func.count()).select_from(Reply)) or 0,
            session.scalar(select(func.count()).select_from(OptOut)) or 0,
            session.scalar(select(func.count()).select_from(Message)) or 0,
        )


def live_cli(settings: Settings, **overrides: object):  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from cli import Context
    from cli import app

    live = settings.model_copy(update=overrides)

    def run(*args: str):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(app, list(args), obj=Context(settings=live))

    return run


def test_the_cli_refuses_an_sms_reply_when_twilio_is_live(settings: Settings, db: Database) -> None:
    with db.transaction() as session:
        make_company(session)
    before = stored(db)
    result = live_cli(settings, **TWILIO)("sandbox", "reply", "--from", "+47 912 34 567", "STOPP")
    assert result.exit_code == 2
    assert "SMS-kanalen er i drift" in result.stderr and "Ingenting ble lagret" in result.stderr
    assert stored(db) == before


def test_the_cli_refuses_a_telegram_reply_when_the_bot_token_is_set(settings: Settings, db: Database) -> None:
    before = stored(db)
    result = live_cli(settings, **TELEGRAM)("sandbox", "reply", "--from", "tg:4001", "/stopp")
    assert result.exit_code == 2 and "Telegram-kanalen er i drift" in result.stderr
    assert stored(db) == before


def test_a_channel_still_in_the_sandbox_answers_while_another_is_live(
    settings: Settings, db: Database
) -> None:
    run = live_cli(settings, **TWILIO)
    assert run("sandbox", "reply", "--from", "tg:4001", "hei").exit_code == 0  # Telegram has no token
    assert stored(db)[0] == 1
    run = live_cli(settings, **TELEGRAM)
    assert run("sandbox", "reply", "--from", "+4791234567", "STOPP").exit_code == 0  # SMS has no Twilio
    assert stored(db)[1] == 1


# --- the dashboard ------------------------------------------------------------------------------------------


def _thread(db: Database, channel: Channel, address: str) -> tuple[str, int]:
    """A company we wrote to in the sandbox (before the channel went live), as the sandbox page lists it."""
    with db.transaction() as session:
        company = make_company(session, name="Sandkasse Bygg AS")
        if channel is Channel.TELEGRAM:
            from bot.telegram_chat import link_chat

            link_chat(session, company=company, chat_id=address)
        message = Message(
            company_id=company.id,
            channel=channel,
            address=address,
            body="Hei! Svar JA",
            provider="sandbox",
            state=MessageState.SENT,
            sent_at=utcnow() - timedelta(minutes=5),
            extra={"buttons": [[{"text": "Ja", "callback_data": "ja"}]]},
        )
        session.add(message)
        session.flush()
        return f"c{company.id}", message.id


@pytest.fixture
def live_admin(settings: Settings, db: Database, users: dict[str, int]) -> Iterator[TestClient]:
    live = settings.model_copy(update={**TWILIO, **TELEGRAM})
    with TestClient(create_app(live, db=db)) as client:
        assert log_in(client, ADMIN_EMAIL).status_code == 303  # type: ignore[attr-defined]
        yield client


@pytest.mark.parametrize(
    ("channel", "address", "text"),
    [(Channel.SMS, "+4791234567", "STOPP"), (Channel.TELEGRAM, "7000012345", "JA"),
     (Channel.TELEGRAM, "7000012345", "/stopp")],
)  # fmt: skip
def test_the_dashboard_refuses_to_answer_on_a_live_channel(
    live_admin: TestClient, db: Database, channel: Channel, address: str, text: str
) -> None:
    key, _message_id = _thread(db, channel, address)
    before = stored(db)
    token = csrf_of(live_admin, f"/admin/sandbox?t={key}")
    response = live_admin.post("/admin/sandbox/reply", data={"csrf_token": token, "t": key, "text": text})
    assert response.status_code == 409
    assert "Kanalen er i drift" in response.text and "Ingenting ble lagret" in response.text
    assert stored(db) == before


def test_the_dashboard_refuses_to_tap_a_button_when_telegram_is_live(
    live_admin: TestClient, db: Database
) -> None:
    key, message_id = _thread(db, Channel.TELEGRAM, "7000054321")
    before = stored(db)
    token = csrf_of(live_admin, f"/admin/sandbox?t={key}")
    response = live_admin.post(
        "/admin/sandbox/press",
        data={"csrf_token": token, "t": key, "message_id": str(message_id), "data": "ja"},
    )
    assert response.status_code == 409 and "Telegram-kanalen er i drift" in response.text
    assert stored(db) == before
