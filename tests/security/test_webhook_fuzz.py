"""Hostile bodies on the provider webhooks: never a 5xx, and nothing half-written.

Twilio requests carry a valid signature computed over exactly the parameters the hostile body parses into (so
the request gets past authentication, as one from a compromised or buggy provider would); Telegram requests
carry the right secret. A provider retries whatever is not 2xx, so authentic but unusable input gets 200 and is
counted as ignored; forged input gets 403.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl
from urllib.parse import urlencode

import httpx
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy import func
from sqlalchemy import select

from bot.telegram_app import TelegramBot
from channels.twilio_webhooks import sign
from settings import Settings
from store.db import Database
from store.models import EarlyDeliveryReport
from store.models import Message
from store.models import Reply
from tests.conftest import with_twilio
from tests.fakes.telegram_api import FakeTelegram
from web.app import create_app

TOKEN = "fuzz-auth-token"
SMS = "/webhooks/twilio/sms"
STATUS = "/webhooks/twilio/status"
TELEGRAM = "/webhooks/telegram"
SECRET = "fuzz_Secret-9"
FUZZ = hsettings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text a hostile sender can put in a field: NUL and other controls, lone surrogates' neighbours, RTL marks,
# emoji, and lengths from empty to well past every column.
hostile_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=400),
    st.sampled_from(["", "\x00", "JA\x00", "STOPP", "ja K7MX2P", "+4791234567", "\u202e", "😀" * 50]),
    st.builds(lambda c, n: c * n, st.sampled_from(["a", "9", "\x00", "æ"]), st.integers(90, 700)),
)
FIELDS = [
    "MessageSid",
    "SmsSid",
    "AccountSid",
    "From",
    "To",
    "Body",
    "MessageStatus",
    "ErrorCode",
    "NumMedia",
]
field_name = st.one_of(st.sampled_from(FIELDS), st.text(max_size=12))
params = st.lists(st.tuples(field_name, hostile_text), max_size=10)
content_types = st.sampled_from(
    [
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=latin-1",
        "application/json",
        "multipart/form-data; boundary=x",
        "text/plain",
        "",
    ]
)


@st.composite
def twilio_bodies(draw: st.DrawFn) -> bytes:
    """A form body as Twilio would send one, or bytes that only look like one (latin-1, raw non-UTF-8)."""
    pairs = draw(params)
    encoding = draw(st.sampled_from(["utf-8", "latin-1", "raw"]))
    if encoding == "raw":
        return draw(st.binary(max_size=300))
    return urlencode(pairs, encoding=encoding, errors="replace").encode("ascii")


def _post_signed(
    twilio_client: tuple[TestClient, Settings], path: str, body: bytes, content_type: str
) -> httpx.Response:
    """Posts `body` signed over what it parses into, as Twilio computes the signature over what it sent."""
    client, live = twilio_client
    form = dict(parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True))
    signature = sign(TOKEN, live.public_base_url + path, form)
    return client.post(
        path, content=body, headers={"Content-Type": content_type, "X-Twilio-Signature": signature}
    )


def _counts(db: Database) -> tuple[int, int, int]:
    with db.session() as session:
        return (
            session.scalar(select(func.count()).select_from(Reply)) or 0,
            session.scalar(select(func.count()).select_from(Message)) or 0,
            session.scalar(select(func.count()).select_from(EarlyDeliveryReport)) or 0,
        )


@pytest.fixture
def twilio_client(settings: Settings, db: Database) -> Iterator[tuple[TestClient, Settings]]:
    live = with_twilio(settings, auth_token=TOKEN)
    with TestClient(create_app(live, db=db), raise_server_exceptions=False) as client:
        yield client, live


@FUZZ
@given(body=twilio_bodies(), content_type=content_types)
def test_hostile_sms_webhooks_get_200_or_400_and_leave_whole_rows(
    twilio_client: tuple[TestClient, Settings], db: Database, body: bytes, content_type: str
) -> None:
    before = _counts(db)
    response = _post_signed(twilio_client, SMS, body, content_type)
    assert response.status_code in (200, 400), (response.status_code, response.text)
    replies, messages, _ = _counts(db)
    if response.status_code == 400 or "<Message" not in response.text:
        # Refused or ignored (or a duplicate): nothing new, or one reply that needed no answer.
        assert replies - before[0] in (0, 1) and messages == before[1]
    else:
        # Processed: one reply, and every answer in the TwiML recorded beside it.
        answered = len(re.findall(r"<Message[ >/]", response.text))
        assert (replies - before[0], messages - before[1]) == (1, answered)


@FUZZ
@given(body=twilio_bodies(), content_type=content_types)
def test_hostile_status_callbacks_get_2xx_or_400_and_change_nothing_half_way(
    twilio_client: tuple[TestClient, Settings], db: Database, body: bytes, content_type: str
) -> None:
    before = _counts(db)
    response = _post_signed(twilio_client, STATUS, body, content_type)
    assert response.status_code in (200, 204, 400), (response.status_code, response.text)
    replies, messages, early = _counts(db)
    assert (replies, messages) == before[:2]
    assert early - before[2] in (0, 1)  # a report for a SID we have not written yet is kept, whole


@FUZZ
@given(body=twilio_bodies())
def test_forged_hostile_twilio_requests_get_403(
    twilio_client: tuple[TestClient, Settings], db: Database, body: bytes
) -> None:
    client, _live = twilio_client
    before = _counts(db)
    for path in (SMS, STATUS):
        response = client.post(
            path,
            content=body,
            headers={"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": "forged"},
        )
        assert response.status_code == 403, (path, response.status_code)
    assert _counts(db) == before


# --- Telegram -----------------------------------------------------------------------------------------------

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    hostile_text,
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
CHAT = st.one_of(st.integers(-(2**70), 2**70), hostile_text, st.none())


@st.composite
def telegram_updates(draw: st.DrawFn) -> bytes:
    """Updates that are not objects, miss fields, have fields of the wrong type, huge numbers, deep nesting."""
    kind = draw(st.sampled_from(["value", "message", "callback", "deep", "bignum", "raw"]))
    if kind == "value":
        return json.dumps(draw(json_values)).encode()
    if kind == "deep":
        depth = draw(st.integers(500, 100_000))
        return b"[" * depth + b"]" * depth
    if kind == "bignum":
        return b'{"update_id": 1' + b"9" * draw(st.integers(20, 6000)) + b"}"
    if kind == "raw":
        return draw(st.binary(max_size=200))
    update: dict[str, Any] = {"update_id": draw(st.one_of(st.integers(-(2**70), 2**70), json_scalars))}
    chat = {"id": draw(CHAT), "type": draw(st.sampled_from(["private", "group", "", "x"]))}
    sender = {"id": draw(CHAT), "is_bot": draw(st.booleans()), "first_name": draw(hostile_text)}
    message: dict[str, Any] = {
        "message_id": draw(st.one_of(st.integers(-(2**40), 2**40), json_scalars)),
        "date": draw(st.one_of(st.integers(-(2**40), 2**40), json_scalars)),
        "chat": draw(st.one_of(st.just(chat), json_values)),
        "from": sender,
        "text": draw(st.one_of(hostile_text, json_values)),
    }
    for key in draw(st.lists(st.sampled_from(list(message)), max_size=3)):
        message.pop(key, None)
    if kind == "message":
        update["message"] = message
    else:
        update["callback_query"] = {
            "id": draw(hostile_text),
            "from": sender,
            "chat_instance": "x",
            "data": draw(st.one_of(hostile_text, json_values)),
            "message": message,
        }
    return json.dumps(update).encode()


@pytest.fixture
def telegram_client(
    settings: Settings, db: Database, fake_telegram: FakeTelegram
) -> Iterator[tuple[TestClient, TelegramBot]]:
    live = settings.model_copy(update=fake_telegram.webhook_settings_update(SECRET))
    bot = TelegramBot(settings=live, db=db)
    with TestClient(create_app(live, db=db, services=[bot]), raise_server_exceptions=False) as client:
        yield client, bot


@FUZZ
@given(body=telegram_updates())
def test_hostile_telegram_updates_get_200_and_leave_whole_rows(
    telegram_client: tuple[TestClient, TelegramBot], db: Database, body: bytes
) -> None:
    client, _bot = telegram_client
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
    response = client.post(TELEGRAM, content=body, headers=headers)
    assert response.status_code in (200, 413), (response.status_code, response.text)
    if len(body) <= 64 * 1024:
        assert response.status_code == 200
    forged = client.post(TELEGRAM, content=body, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"})
    assert forged.status_code == 403


def test_after_hostile_updates_the_bot_still_answers_and_every_reply_is_whole(
    telegram_client: tuple[TestClient, TelegramBot], db: Database, fake_telegram: FakeTelegram
) -> None:
    """The bot processes updates in the background: a hostile one must not stop it or leave a reply half-done."""
    client, _bot = telegram_client
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    hostile: list[Any] = [
        {"update_id": 5, "message": {"message_id": 1, "date": 0, "chat": {"id": 2**80, "type": "private"}}},
        {"update_id": 6, "message": {"message_id": 1, "date": 0, "chat": {"id": 77, "type": "private"},
                                     "text": "\x00" * 5000}},
        {"update_id": 7, "callback_query": {"id": "1", "from": {"id": 77, "is_bot": False, "first_name": "x"},
                                            "chat_instance": "x", "data": "\x00" * 300}},
        {"update_id": 2**63, "message": "hei"},
        [1, 2, 3],
    ]  # fmt: skip
    for update in hostile:
        assert client.post(TELEGRAM, json=update, headers=headers).status_code == 200
    good = fake_telegram.message_update(4242, "/hjelp")
    assert client.post(TELEGRAM, json=good, headers=headers).status_code == 200
    fake_telegram.wait_for_sent(4242, 1)
    fake_telegram.wait_idle()
    with db.session() as session:
        for reply in session.scalars(select(Reply)):
            assert reply.provider_id and len(reply.provider_id) <= 100
            assert "\x00" not in (reply.text or "")


def _ignored(webhook: str, reason: str) -> float:
    from prometheus_client import REGISTRY

    labels = {"webhook": webhook, "reason": reason}
    return REGISTRY.get_sample_value("jeger_webhook_ignored_total", labels) or 0.0


@pytest.mark.parametrize(
    ("path", "form", "webhook", "reason"),
    [
        (SMS, {"MessageSid": "SM1", "From": "+47912\x0034567", "Body": "STOPP"}, "twilio_sms", "sender"),
        (SMS, {"MessageSid": "SM" + "f" * 200, "From": "+4791234567", "Body": "STOPP"}, "twilio_sms", "sid"),
        (SMS, {"From": "+4791234567", "Body": "STOPP"}, "twilio_sms", "sid"),
        (STATUS, {"MessageSid": "SM\x00", "MessageStatus": "delivered"}, "twilio_status", "sid"),
        (STATUS, {"MessageSid": "SM1", "MessageStatus": "x" * 50}, "twilio_status", "status"),
        (STATUS, {"MessageSid": "SM1", "MessageStatus": "failed", "ErrorCode": "3\x0000"}, "twilio_status",
         "error_code"),
    ],
)  # fmt: skip
def test_an_authentic_but_unusable_twilio_request_is_acknowledged_and_counted_as_ignored(
    twilio_client: tuple[TestClient, Settings],
    db: Database,
    path: str,
    form: dict[str, str],
    webhook: str,
    reason: str,
) -> None:
    client, live = twilio_client
    before = _ignored(webhook, reason)
    signature = sign(TOKEN, live.public_base_url + path, form)
    response = client.post(path, data=form, headers={"X-Twilio-Signature": signature})
    assert response.status_code == 200  # Twilio retries anything else
    if path == SMS:
        assert "<Message" not in response.text
    assert _ignored(webhook, reason) == before + 1
    assert _counts(db) == (0, 0, 0)


def test_an_authentic_telegram_update_that_is_not_one_is_counted_as_ignored(
    telegram_client: tuple[TestClient, TelegramBot],
) -> None:
    client, _bot = telegram_client
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
    cases = [(b"[" * 30_000 + b"]" * 30_000, "not_json"), (b"[1]", "not_an_update"),
             (b'{"update_id": "1"}', "malformed_update")]  # fmt: skip
    for body, reason in cases:
        before = _ignored("telegram", reason)
        assert client.post(TELEGRAM, content=body, headers=headers).status_code == 200
        assert _ignored("telegram", reason) == before + 1, reason
