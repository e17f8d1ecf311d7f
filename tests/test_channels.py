"""The provider adapters, driven by the real twilio / python-telegram-bot clients against loopback fakes."""

from __future__ import annotations

import asyncio
import socket
import time
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from twilio.rest import Client

from channels.base import ChannelAdapter
from channels.base import Failed
from channels.base import OptedOut
from channels.base import OutgoingMessage
from channels.base import RetryLater
from channels.base import SendResult
from channels.base import Sent
from channels.base import Unknown
from channels.email import SmtpEmail
from channels.registry import build_channels
from channels.sms import TwilioSms
from channels.telegram import TelegramChannel
from channels.twilio_http import SyncTwilioClient
from channels.twilio_http import parse_retry_after
from channels.twilio_webhooks import public_url
from channels.twilio_webhooks import sign
from channels.twilio_webhooks import valid_twilio_signature
from settings import Settings
from store.models import Channel
from tests.fakes.smtp import SmtpServer
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.twilio_api import FakeTwilio


def base_settings(**update: object) -> Settings:
    return Settings(_env_file=None, database_url="sqlite://", **update)  # type: ignore[call-arg]


def sms(to: str = "+4791234567", body: str = "Hei! Svar STOPP for å melde deg av") -> OutgoingMessage:
    return OutgoingMessage(message_id=1, channel=Channel.SMS, address=to, body=body)


def send_once(adapter: ChannelAdapter, message: OutgoingMessage) -> SendResult:
    """Sends one message through `adapter` and closes it, as the dispatcher does at the end of a run."""

    async def go() -> SendResult:
        try:
            return await adapter.send(message)
        finally:
            await adapter.close()

    return asyncio.run(go())


def test_twilio_adapter_sends_with_status_callback(fake_twilio: FakeTwilio) -> None:
    adapter = TwilioSms(base_settings(**fake_twilio.settings_update()))

    result = send_once(adapter, sms())
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

    result = send_once(adapter, sms())
    assert isinstance(result, expected)
    if isinstance(result, Failed):
        assert result.invalid_address == (code in (21211, 21614))
    assert fake_twilio.messages == []


def test_a_twilio_timeout_is_unknown_not_retried(fake_twilio: FakeTwilio) -> None:
    """Twilio may accept a request it answers late: the fake creates the message after the delay."""
    fake_twilio.timeout_next(1.5)
    adapter = TwilioSms(base_settings(**fake_twilio.settings_update()), timeout=0.3)

    assert isinstance(send_once(adapter, sms()), Unknown)
    deadline = time.monotonic() + 10
    while not fake_twilio.messages and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(fake_twilio.messages) == 1


def test_an_unreachable_twilio_is_retried_later() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))  # bound, never listening: connections are refused
    port = server.getsockname()[1]
    settings = base_settings(
        twilio_account_sid="AC" + "1" * 32,
        twilio_auth_token="x",
        twilio_from="+4759440000",
        twilio_api_base=f"http://127.0.0.1:{port}",
    )
    adapter = TwilioSms(settings, timeout=2)

    try:
        assert isinstance(send_once(adapter, sms()), RetryLater)
    finally:
        server.close()


def test_a_429_carries_twilios_retry_after(fake_twilio: FakeTwilio) -> None:
    fake_twilio.fail_next(status=429, code=20429, retry_after=7)
    adapter = TwilioSms(base_settings(**fake_twilio.settings_update()))

    result = send_once(adapter, sms())
    assert isinstance(result, RetryLater) and result.retry_after == 7


def test_retry_after_is_read_as_seconds_or_as_an_http_date() -> None:
    now = datetime(2027, 3, 1, 12, 0, tzinfo=UTC)
    assert parse_retry_after("12") == 12
    assert parse_retry_after("Mon, 01 Mar 2027 12:00:30 GMT", now=now) == 30
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_find_sent_lists_a_numbers_recent_messages_even_before_they_are_sent(fake_twilio: FakeTwilio) -> None:
    """Twilio leaves DateSent empty while a message is queued: the lookup must not filter on it."""
    adapter = TwilioSms(base_settings(**fake_twilio.settings_update()))

    async def go() -> tuple[list, list, list]:
        try:
            await adapter.send(sms(body="første"))
            await adapter.send(sms(to="+4798765432", body="annen"))
            await adapter.send(sms(body="tredje"))
            since = datetime.now(UTC) - timedelta(seconds=5)
            return (
                await adapter.find_sent("+4791234567", since),
                await adapter.find_sent("+4791234567", since, body="tredje"),
                await adapter.find_sent("+4791234567", since + timedelta(minutes=5)),
            )
        finally:
            await adapter.close()

    assert all(m.status == "queued" for m in fake_twilio.messages)  # DateSent is still empty
    found, by_body, later = asyncio.run(go())
    assert [m.body for m in found] == ["tredje", "første"]  # newest first
    assert [m.body for m in by_body] == ["tredje"]
    assert later == []


def sync_client(fake_twilio: FakeTwilio) -> Client:
    """Twilio's own (synchronous) client, pointed at the fake."""
    return Client(
        fake_twilio.account_sid,
        fake_twilio.auth_token,
        http_client=SyncTwilioClient(base_url=fake_twilio.base_url),
    )


def test_the_fake_filters_date_sent_like_twilio(fake_twilio: FakeTwilio) -> None:
    client = sync_client(fake_twilio)
    queued = client.messages.create(to="+4791234567", from_="+4759440000", body="i kø")
    sent = client.messages.create(to="+4791234567", from_="+4759440000", body="sendt")
    fake_twilio.status_callback(sent.sid, "sent")
    since = datetime.now(UTC) - timedelta(minutes=1)
    listed = client.messages.list(to="+4791234567", date_sent_after=since)
    assert [m.sid for m in listed] == [sent.sid]
    assert {m.sid for m in client.messages.list(to="+4791234567", page_size=1, limit=5)} == {
        queued.sid,
        sent.sid,
    }


def test_the_sync_client_reaches_the_fake_too(fake_twilio: FakeTwilio) -> None:
    client = sync_client(fake_twilio)
    created = client.messages.create(to="+4791234567", from_="+4759440000", body="hei")
    assert client.messages(created.sid).fetch().body == "hei"


def test_wrong_credentials_are_refused_by_the_fake(fake_twilio: FakeTwilio) -> None:
    adapter = TwilioSms(base_settings(**{**fake_twilio.settings_update(), "twilio_auth_token": "wrong"}))

    assert isinstance(send_once(adapter, sms()), Failed)


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
    return send_once(TelegramChannel(base_settings(**fake.settings_update())), message)


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


def test_every_email_carries_date_message_id_and_the_recipients_one_click_link(smtp_server) -> None:  # type: ignore[no-untyped-def]
    adapter = SmtpEmail(
        base_settings(smtp_url=smtp_server.url, mail_from="Læreplassjeger <post@laereplassjeger.no>")
    )
    link = "https://jeger.example.no/avmeld/MQ.signature"
    sent = OutgoingMessage(
        message_id=1, channel=Channel.EMAIL, address="post@fjord.no", body="Hei", unsubscribe_url=link
    )
    assert isinstance(asyncio.run(adapter.send(sent)), Sent)
    (mail,) = smtp_server.wait_for(1)
    date = parsedate_to_datetime(str(mail["Date"]))
    assert abs(date - datetime.now(UTC)) < timedelta(minutes=5) and date.utcoffset() in (
        timedelta(hours=1),
        timedelta(hours=2),
    )  # Europe/Oslo
    assert str(mail["Message-ID"]).startswith("<") and str(mail["Message-ID"]).endswith(
        "@laereplassjeger.no>"
    )
    assert str(mail["List-Unsubscribe"]) == f"<{link}>"
    assert str(mail["List-Unsubscribe-Post"]) == "List-Unsubscribe=One-Click"


def test_an_internationalised_domain_goes_out_in_its_ascii_form(smtp_server) -> None:  # type: ignore[no-untyped-def]
    adapter = SmtpEmail(base_settings(smtp_url=smtp_server.url))
    message = OutgoingMessage(message_id=1, channel=Channel.EMAIL, address="post@bjørk.no", body="Hei")
    assert isinstance(asyncio.run(adapter.send(message)), Sent)  # no SMTPUTF8 needed on the way
    (mail,) = smtp_server.wait_for(1)
    assert mail["To"] == "post@xn--bjrk-hra.no"


def test_an_address_with_a_line_break_is_never_put_in_a_header(smtp_server) -> None:  # type: ignore[no-untyped-def]
    adapter = SmtpEmail(base_settings(smtp_url=smtp_server.url))
    hostile = OutgoingMessage(
        message_id=1, channel=Channel.EMAIL, address="post@fjord.no\r\nBcc: alle@angriper.example", body="Hei"
    )
    assert isinstance(asyncio.run(adapter.send(hostile)), Failed)
    assert smtp_server.wait_for(1, timeout=0.3) == []


def test_a_refused_recipient_fails_and_flags_the_address(smtp_server) -> None:  # type: ignore[no-untyped-def]
    smtp_server.inbox.refuse.add("ukjent@fjord.no")
    adapter = SmtpEmail(base_settings(smtp_url=smtp_server.url))
    result = asyncio.run(
        adapter.send(
            OutgoingMessage(message_id=1, channel=Channel.EMAIL, address="ukjent@fjord.no", body="x")
        )
    )
    assert isinstance(result, Failed) and result.invalid_address


class SlowAfterData:
    """An SMTP server that accepts the mail only after the client has given up waiting."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.accepted: list[bytes] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.accepted.append(envelope.content)  # the whole mail is here; only the answer is late
        await asyncio.sleep(self.delay)
        return "250 Message accepted for delivery"


def test_an_smtp_timeout_after_data_is_unknown_never_a_retry() -> None:
    slow = SlowAfterData(2.0)
    server = SmtpServer()
    server.controller = Controller(slow, hostname="127.0.0.1", port=server.port)
    server.start()
    try:
        adapter = SmtpEmail(base_settings(smtp_url=server.url), timeout=0.5)
        message = OutgoingMessage(message_id=1, channel=Channel.EMAIL, address="post@fjord.no", body="Hei")
        result = asyncio.run(adapter.send(message))
    finally:
        server.stop()
    assert isinstance(result, Unknown), result
    assert len(slow.accepted) == 1  # the server had it: a retry would have sent it twice


def test_an_smtp_failure_before_data_is_retried_later() -> None:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))  # never listening: refused at connect, nothing handed over
    port = server.getsockname()[1]
    adapter = SmtpEmail(base_settings(smtp_url=f"smtp://127.0.0.1:{port}"), timeout=2)
    try:
        result = asyncio.run(
            adapter.send(OutgoingMessage(message_id=1, channel=Channel.EMAIL, address="a@b.no", body="x"))
        )
    finally:
        server.close()
    assert isinstance(result, RetryLater)


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
