"""POST /webhooks/twilio/sms end to end through the ASGI app, with requests signed as Twilio signs them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlalchemy import select

from channels.twilio_webhooks import sign
from settings import Settings
from store.db import Database
from store.models import Message
from store.models import MessageKind
from store.models import OptOut
from store.models import Reply
from tests.conftest import post_inbound_sms
from tests.test_engine import make_company
from web.app import create_app

PATH = "/webhooks/twilio/sms"


@pytest.fixture
def client(twilio_settings: Settings, db: Database) -> Iterator[TestClient]:
    with TestClient(create_app(twilio_settings, db=db)) as c:
        yield c


def test_a_company_answers_ja_with_its_code_and_gets_twiml(
    client: TestClient, twilio_settings: Settings, db: Database
) -> None:
    with db.transaction() as session:
        company = make_company(session)
        code = company.short_code
    response = post_inbound_sms(client, twilio_settings, f"ja {code.lower()}", sender="+4798765432")  # type: ignore[union-attr]
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/xml")
    assert "<Message>" in response.text and "1/5" in response.text
    with db.session() as session:
        reply = session.scalars(select(Reply)).one()
        assert reply.company_id == company.id and reply.intent == "interested"
        sent = session.scalars(select(Message).where(Message.kind == MessageKind.CONVERSATION)).all()
        assert len(sent) == 2 and all(m.address == "+4798765432" for m in sent)


def test_a_forged_request_gets_403_and_stores_nothing(
    client: TestClient, twilio_settings: Settings, db: Database
) -> None:
    assert post_inbound_sms(client, twilio_settings, "STOPP", signature="forged").status_code == 403
    assert post_inbound_sms(client, twilio_settings, "STOPP", signature="").status_code == 403
    other = twilio_settings.model_copy(update={"twilio_auth_token": "another-token"})
    form = {"MessageSid": "SM1", "From": "+4791234567", "Body": "STOPP"}
    bad = sign("another-token", other.public_base_url + PATH, form)
    assert client.post(PATH, data=form, headers={"X-Twilio-Signature": bad}).status_code == 403
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Reply)) == 0
        assert session.scalar(select(func.count()).select_from(OptOut)) == 0


def test_a_repeated_message_sid_is_acknowledged_once(
    client: TestClient, twilio_settings: Settings, db: Database
) -> None:
    first = post_inbound_sms(client, twilio_settings, "Stopp.", sid="SM" + "a" * 32)
    again = post_inbound_sms(client, twilio_settings, "Stopp.", sid="SM" + "a" * 32)
    assert first.status_code == again.status_code == 200
    assert "meldt av" in first.text and "<Message>" not in again.text
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Reply)) == 1


def test_a_body_over_64_kb_is_refused(client: TestClient, twilio_settings: Settings) -> None:
    assert post_inbound_sms(client, twilio_settings, "x" * 70_000).status_code == 413


def test_stopp_from_an_unknown_number_works(
    client: TestClient, twilio_settings: Settings, db: Database
) -> None:
    response = post_inbound_sms(client, twilio_settings, "STOPP", sender="+4741234567")
    assert "meldt av" in response.text
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(OptOut)) == 1


def test_a_body_over_64_kb_is_refused_while_it_is_still_arriving(
    twilio_settings: Settings, db: Database
) -> None:
    """The 413 comes before the client has finished sending: the route reads no more than the cap."""
    import socket

    from prometheus_client import REGISTRY

    from tests.fakes.server import BackgroundServer

    def rejected() -> float:
        labels = {"webhook": "twilio_sms", "reason": "too_large"}
        return REGISTRY.get_sample_value("jeger_webhook_rejections_total", labels) or 0.0

    before = rejected()
    server = BackgroundServer(create_app(twilio_settings, db=db)).start()
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=15) as sock:
            sock.sendall(
                f"POST {PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
            )
            chunk = b"x" * 4096
            for _ in range(20):  # 80 KB of an unending body, no Content-Length to go by
                sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            status_line = sock.recv(64).split(b"\r\n")[0]  # times out if the route waits for the end
        assert b" 413 " in status_line
    finally:
        server.stop()
    assert rejected() == before + 1
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Reply)) == 0


def test_unicode_digits_in_every_question_get_an_answer_not_a_500(
    client: TestClient, twilio_settings: Settings, db: Database
) -> None:
    with db.transaction() as session:
        make_company(session)
    answers = []
    for text in ("JA", "²", "Kari", "²", "tømrer", "٣", "2", "²", "ja", "Ⅻ", "august 2027", "٣"):
        response = post_inbound_sms(client, twilio_settings, text)
        assert response.status_code == 200, text
        assert "<Message>" in response.text, text
        answers.append(response.text)
    assert "Stemmer dette?" in answers[-1]
