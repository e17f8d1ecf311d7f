"""Outgoing e-mail headers and the one-click unsubscribe link (RFC 8058), end to end: dispatcher, aiosmtpd,
the /avmeld endpoint, and the next send."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta
from email.message import Message as Mail
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from campaigns.dispatch.dispatcher import Dispatcher
from companies.optout_records import is_opted_out
from companies.unsubscribe import UnsubscribeLinks
from settings import Settings
from store.db import Database
from store.models import CampaignStep
from store.models import Channel
from store.models import ContactKind
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import OptOut
from store.models import utcnow
from store.secrets import AddressHasher
from tests.fakes.smtp import SmtpServer
from tests.outbox_factories import make_campaign
from tests.outbox_factories import queue_messages
from web.app import create_app

BASE = "https://jeger.example.no"


@pytest.fixture
def live(settings: Settings, smtp_server: SmtpServer) -> Settings:
    return settings.model_copy(
        update={"smtp_url": smtp_server.url, "mail_from": "Læreplassjeger <post@laereplassjeger.no>",
                "public_base_url": BASE, "max_outreach_per_day": 5}
    )  # fmt: skip


@pytest.fixture
def client(live: Settings, db: Database) -> Iterator[TestClient]:
    with TestClient(create_app(live, db=db)) as c:
        yield c


def dispatch(live: Settings, db: Database) -> None:
    asyncio.run(Dispatcher(settings=live, db=db, poll_interval=0.05).drain(timeout=60))


def link_of(mail: Mail) -> str:
    header = str(mail["List-Unsubscribe"])
    assert header.startswith("<") and header.endswith(">"), header
    return header[1:-1]


def test_a_sent_email_carries_its_headers_and_its_link_opts_out_that_address_only(
    live: Settings, db: Database, client: TestClient, smtp_server: SmtpServer
) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session, channel=Channel.EMAIL)
        first, second = queue_messages(session, campaign=campaign, step=step, count=2, channel=Channel.EMAIL)
        recipients = [(m.company_id, m.contact_id, m.address) for m in (first, second)]
    dispatch(live, db)
    mails = {str(m["To"]): m for m in smtp_server.wait_for(2)}
    assert set(mails) == {first.address, second.address}

    for mail in mails.values():
        assert abs(parsedate_to_datetime(str(mail["Date"])) - utcnow()) < timedelta(minutes=5)
        assert str(mail["Message-ID"]).endswith("@laereplassjeger.no>")
        assert str(mail["List-Unsubscribe-Post"]) == "List-Unsubscribe=One-Click"
        url = urlsplit(link_of(mail))
        assert (url.scheme, url.netloc) == ("https", "jeger.example.no") and url.path.startswith("/avmeld/")
        assert "mailto" not in str(mail["List-Unsubscribe"])
    links = {address: link_of(mail) for address, mail in mails.items()}
    assert len(set(links.values())) == 2  # one link per recipient

    # What a mailbox provider's one-click button sends (RFC 8058 §3.2).
    one_click = client.post(
        urlsplit(links[first.address]).path,
        data={"List-Unsubscribe": "One-Click"},
    )
    assert one_click.status_code == 200 and "meldt av" in one_click.text
    with db.session() as session:
        hasher = AddressHasher.load(session)
        assert is_opted_out(session, hasher=hasher, kind=ContactKind.EMAIL, address=first.address or "")
        assert not is_opted_out(session, hasher=hasher, kind=ContactKind.EMAIL, address=second.address or "")
        assert session.scalars(select(OptOut.source)).all() == ["list-unsubscribe"]

    # The next step of the campaign goes to the other address only.
    with db.transaction() as session:
        reminder = CampaignStep(
            campaign_id=campaign.id,
            position=1,
            name="påminnelse",
            channel=Channel.EMAIL,
            template="sms/invitasjon",
        )
        session.add(reminder)
        session.flush()
        for company_id, contact_id, address in recipients:
            session.add(
                Message(
                    kind=MessageKind.OUTREACH, campaign_id=campaign.id, step_id=reminder.id,
                    company_id=company_id, contact_id=contact_id, channel=Channel.EMAIL, address=address,
                    body="Påminnelse", state=MessageState.QUEUED, due_at=utcnow() - timedelta(seconds=1),
                )
            )  # fmt: skip
        reminder_id = reminder.id
    dispatch(live, db)
    later = smtp_server.wait_for(3, timeout=3)
    assert [str(m["To"]) for m in later[2:]] == [second.address]
    with db.session() as session:
        rows = session.execute(select(Message.address, Message.state).where(Message.step_id == reminder_id))
        outcome = {address: state for address, state in rows.tuples()}
    assert outcome == {first.address: MessageState.SKIPPED, second.address: MessageState.SENT}


def test_opening_the_link_only_asks_and_a_second_click_changes_nothing(
    live: Settings, db: Database, client: TestClient
) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session, channel=Channel.EMAIL)
        (message,) = queue_messages(session, campaign=campaign, step=step, count=1, channel=Channel.EMAIL)
        links = UnsubscribeLinks(secret=live.secret_key or "", base_url=BASE)
        path = urlsplit(links.url(message.id)).path
    page = client.get(path)  # what a mail scanner's prefetch does
    assert page.status_code == 200
    assert f'method="post" action="{path}"' in page.text and "Meld meg av" in page.text
    assert (message.address or "") not in page.text  # shown masked: a forwarded link tells little
    with db.session() as session:
        assert session.scalars(select(OptOut)).all() == []
    assert client.post(path).status_code == 200
    assert client.post(path).status_code == 200
    with db.session() as session:
        assert len(session.scalars(select(OptOut)).all()) == 1


def test_forged_malformed_and_expired_links_get_a_400_page_and_opt_out_nobody(
    live: Settings, db: Database, client: TestClient
) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session, channel=Channel.EMAIL)
        mail, erased = queue_messages(session, campaign=campaign, step=step, count=2, channel=Channel.EMAIL)
        sms_campaign, sms_step = make_campaign(session)
        (sms,) = queue_messages(session, campaign=sms_campaign, step=sms_step, count=1)
        session.get_one(Message, erased.id).address = None  # a privacy erase
    ours = UnsubscribeLinks(secret=live.secret_key or "", base_url=BASE)
    forged = UnsubscribeLinks(secret="not-our-secret", base_url=BASE)
    genuine = ours.token(mail.id)
    bad_tokens = [
        forged.token(mail.id),  # signed with another key
        genuine[:-2] + ("AA" if not genuine.endswith("AA") else "BB"),  # tampered signature
        ours.token(mail.id + 1000),  # a message that does not exist
        ours.token(sms.id),  # an SMS: no e-mail address to opt out
        ours.token(erased.id),  # the address is gone
        "abc",
        "x" * 5000,
        "%00%0d%0a",
        "MTIz",  # a payload without signature
    ]
    for token in bad_tokens:
        for method in ("GET", "POST"):
            response = client.request(method, f"/avmeld/{token}")
            assert response.status_code == 400, (method, token)
            assert "Lenken virker ikke" in response.text
    with db.session() as session:
        assert session.scalars(select(OptOut)).all() == []


@pytest.mark.parametrize(
    ("language", "asked", "done"),
    [
        ("nn", "Vil du ikkje få fleire e-postar frå oss?", "Du er meld av"),
        ("en", "Unsubscribe me", "You are unsubscribed"),
    ],
)
def test_the_pages_answer_in_the_language_the_email_was_written_in(
    live: Settings, db: Database, client: TestClient, language: str, asked: str, done: str
) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session, channel=Channel.EMAIL)
        (message,) = queue_messages(session, campaign=campaign, step=step, count=1, channel=Channel.EMAIL)
        message.language = language
        path = urlsplit(UnsubscribeLinks(secret=live.secret_key or "", base_url=BASE).url(message.id)).path
    page = client.get(path)
    assert asked in page.text and f'<html lang="{language}">' in page.text
    assert done in client.post(path).text
