"""The provider adapters, driven by the real twilio / python-telegram-bot clients against loopback fakes."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from twilio.rest import Client

from channels.base import Failed, OptedOut, OutgoingMessage, RetryLater, Sent
from channels.email import SmtpEmail
from channels.registry import build_channels
from channels.sms import TwilioSms
from channels.telegram import TelegramChannel
from channels.twilio_http import SyncTwilioClient
from channels.twilio_webhooks import public_url, sign, valid_twilio_signature
from settings import Settings
from store.models import Channel
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.twilio_api import FakeTwilio


def base_settings(**update: object) -> Settings:
    return Settings(_env_file=None, database_url="sqlite://", **update)  # type: ignore[call-arg]


def sms(to: str = "+4791234567", body: str = "Hei! Svar STOPP for å melde deg av") -> OutgoingMessage:
    return OutgoingMessage(message_id=1, channel=Channel.SMS, address=to, body=body)


def test_twilio_adapter_sends_with_status_callback(fake_twilio: FakeTwilio) -> None:
    adapter = TwilioSms(base_settings(**fake_twilio.settings_update()))

    async def go() -> object:
        try:
            return await adapter.send(sms())
        finally:
            await adapter.close()

    result = asyncio.run(go())
    assert isinstance(result, Sent) and result.provider_id.startswith("SM")
    (message,) = fake_twilio.messages
    assert (
        message.to == "+4791234567"
        and message.status_callback == "http://127.0.0.1:8000/webhooks/twilio/status"
    )


@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [
        (429, 20429, RetryLater),
        (503, None, RetryLater),
        (500, 20500, RetryLater),
        (400, 21610, OptedOut),
        (400, 21211, Failed),
        (400, 21614, Failed),
        (400, 21602, Failed),
    ],
)
def test_twilio_errors_are_interpreted_once(
    fake_twilio: FakeTwilio, status: int, code: int | None, expected: type
) -> None:
    fake_twilio.fail_next(status=status, code=code, message="injected")
    adapter = TwilioSms(base_settings(**fake_twilio.settings_update()))

    async def go() -> object:
        try:
            return await adapter.send(sms())
        finally:
            await adapter.close()

    result = asyncio.run(go())
    assert isinstance(result, expected)
    if isinstance(result, Failed):
        assert result.invalid_address == (code in (21211, 21614))
    assert fake_twilio.messages == []


def test_a_twilio_timeout_is_retried_later(fake_twilio: FakeTwilio) -> None:
    fake_twilio.timeout_next(3)
    adapter = TwilioSms(base_settings(**fake_twilio.settings_update()), timeout=0.5)

    async def go() -> object:
        try:
            return await adapter.send(sms())
        finally:
            await adapter.close()

    assert isinstance(asyncio.run(go()), RetryLater)


def test_find_sent_lists_messages_to_a_number_since_a_moment(fake_twilio: FakeTwilio) -> None:
    adapter = TwilioSms(base_settings(**fake_twilio.settings_update()))

    async def go() -> list:
        try:
            await adapter.send(sms(body="første"))
            await adapter.send(sms(to="+4798765432", body="annen"))
            return await adapter.find_sent("+4791234567", datetime.now(UTC) - timedelta(minutes=1))
        finally:
            await adapter.close()

    found = asyncio.run(go())
    assert [m.body for m in found] == ["første"]


def test_the_sync_client_reaches_the_fake_too(fake_twilio: FakeTwilio) -> None:
    client = Client(
        fake_twilio.account_sid,
        fake_twilio.auth_token,
        http_client=SyncTwilioClient(base_url=fake_twilio.base_url),
    )
    created = client.messages.create(to="+4791234567", from_="+4759440000", body="hei")
    assert client.messages(created.sid).fetch().body == "hei"


def test_wrong_credentials_are_refused_by_the_fake(fake_twilio: FakeTwilio) -> None:
    adapter = TwilioSms(base_settings(**{**fake_twilio.settings_update(), "twilio_auth_token": "wrong"}))

    async def go() -> object:
        try:
            return await adapter.send(sms())
        finally:
            await adapter.close()

    assert isinstance(asyncio.run(go()), Failed)


def test_signatures_are_checked_over_the_public_url() -> None:
    settings = base_settings(twilio_auth_token="tok", public_base_url="https://jeger.example.no")
    params = {"MessageSid": "SM1", "Body": "JA"}
    good = sign("tok", public_url(settings, "/webhooks/twilio/sms"), params)
    assert valid_twilio_signature(settings, "/webhooks/twilio/sms", params, good)
    assert not valid_twilio_signature(settings, "/webhooks/twilio/status", params, good)
    assert not valid_twilio_signature(settings, "/webhooks/twilio/sms", {**params, "Body": "NEI"}, good)
    assert not valid_twilio_signature(
        settings,
        "/webhooks/twilio/sms",
        params,
        sign("other", public_url(settings, "/webhooks/twilio/sms"), params),
    )
    assert not valid_twilio_signature(settings, "/webhooks/twilio/sms", params, None)


def telegram(fake: FakeTelegram, **extra: object) -> OutgoingMessage:
    return OutgoingMessage(
        message_id=1, channel=Channel.TELEGRAM, address="555", body="Ny lead!", extra=dict(extra)
    )


def run_telegram(fake: FakeTelegram, message: OutgoingMessage) -> object:
    adapter = TelegramChannel(base_settings(**fake.settings_update()))

    async def go() -> object:
        try:
            return await adapter.send(message)
        finally:
            await adapter.close()

    return asyncio.run(go())


def test_telegram_sends_with_buttons(fake_telegram: FakeTelegram) -> None:
    buttons = [[{"text": "Ta leaden", "callback_data": "lead:claim:1"}]]
    result = run_telegram(fake_telegram, telegram(fake_telegram, buttons=buttons))
    assert isinstance(result, Sent) and result.provider_id == "1"
    (sent,) = fake_telegram.sent_to(555)
    assert sent["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "lead:claim:1"


@pytest.mark.parametrize(("status", "expected"), [(403, OptedOut), (429, RetryLater), (400, Failed)])
def test_telegram_errors_are_interpreted(fake_telegram: FakeTelegram, status: int, expected: type) -> None:
    fake_telegram.fail_next("sendMessage", status=status, retry_after=7 if status == 429 else None)
    result = run_telegram(fake_telegram, telegram(fake_telegram))
    assert isinstance(result, expected)
    if isinstance(result, RetryLater):
        assert result.retry_after == 7
    if isinstance(result, Failed):
        assert result.invalid_address


def test_email_arrives_with_the_letter_as_pdf(smtp_server) -> None:  # type: ignore[no-untyped-def]
    adapter = SmtpEmail(base_settings(smtp_url=smtp_server.url, mail_from="post@laereplassjeger.no"))
    message = OutgoingMessage(
        message_id=1,
        channel=Channel.EMAIL,
        address="post@fjord.no",
        body="Hei Fjord Bygg AS",
        subject="Vil dere ta inn lærlinger?",
        html="<p>Hei <b>Fjord Bygg AS</b></p>",
        extra={"letter_html": "<html><body><h1>Brev</h1></body></html>", "letter_filename": "brev.pdf"},
    )
    result = asyncio.run(adapter.send(message))
    assert isinstance(result, Sent)
    (mail,) = smtp_server.wait_for(1)
    assert mail["Subject"] == "Vil dere ta inn lærlinger?" and mail["To"] == "post@fjord.no"
    parts = {p.get_content_type(): p for p in mail.walk()}
    assert "text/html" in parts and "text/plain" in parts
    pdf = parts["application/pdf"]
    assert pdf.get_filename() == "brev.pdf" and pdf.get_content().startswith(b"%PDF")


def test_a_refused_recipient_fails_and_flags_the_address(smtp_server) -> None:  # type: ignore[no-untyped-def]
    smtp_server.inbox.refuse.add("ukjent@fjord.no")
    adapter = SmtpEmail(base_settings(smtp_url=smtp_server.url))
    result = asyncio.run(
        adapter.send(
            OutgoingMessage(message_id=1, channel=Channel.EMAIL, address="ukjent@fjord.no", body="x")
        )
    )
    assert isinstance(result, Failed) and result.invalid_address


def test_without_credentials_every_channel_is_the_sandbox(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO")
    adapters = build_channels(base_settings())
    assert {a.provider for a in adapters.values()} == {"sandbox"}
    assert "channel sms: sandbox" in caplog.text


def test_with_credentials_the_real_adapters_are_used(
    fake_twilio: FakeTwilio, fake_telegram: FakeTelegram, smtp_server
) -> None:  # type: ignore[no-untyped-def]
    adapters = build_channels(
        base_settings(
            **fake_twilio.settings_update(), **fake_telegram.settings_update(), smtp_url=smtp_server.url
        )
    )
    assert {c.value: a.provider for c, a in adapters.items()} == {
        "sms": "twilio",
        "telegram": "telegram",
        "email": "smtp",
    }
    asyncio.run(adapters[Channel.SMS].close())
