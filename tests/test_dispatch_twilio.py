"""The dispatcher through the real twilio client against the fake Twilio: pace, retries, delivery reports."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from campaigns.dispatcher import Dispatcher
from settings import Settings
from store.db import Database
from store.models import Message, MessageState
from tests.fakes.twilio_api import FakeTwilio
from tests.outbox_factories import make_campaign, queue_messages
from web.app import create_app


@pytest.fixture
def live(settings: Settings, fake_twilio: FakeTwilio) -> Settings:
    return settings.model_copy(update=fake_twilio.settings_update())


def busiest_second(times: list[float]) -> int:
    return max((sum(1 for t in times[i:] if t - start < 1.0) for i, start in enumerate(times)), default=0)


def test_a_campaign_drains_at_its_rate_and_never_faster(
    db: Database, live: Settings, fake_twilio: FakeTwilio
) -> None:
    fake_twilio.latency = 0.05
    with db.transaction() as session:
        campaign, step = make_campaign(session, rate={"sms": 10})
        queue_messages(session, campaign=campaign, step=step, count=35)
    asyncio.run(Dispatcher(settings=live, db=db, poll_interval=0.05).drain(timeout=30))
    times = fake_twilio.arrival_times()
    assert len(times) == 35 and busiest_second(times) <= 10
    assert times[-1] - times[0] >= 3.0  # 35 messages at 10/s take at least three seconds
    with db.session() as session:
        assert {m.state for m in session.scalars(select(Message))} == {MessageState.SENT}


def test_429_and_5xx_are_retried_until_they_go_through(
    db: Database, live: Settings, fake_twilio: FakeTwilio, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("campaigns.dispatch_outcome.BASE_BACKOFF", 0.05)
    fake_twilio.fail_next(status=429, code=20429, count=2)
    fake_twilio.fail_next(status=503, code=None, count=1)
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        (message,) = queue_messages(session, campaign=campaign, step=step, count=1)
    asyncio.run(Dispatcher(settings=live, db=db, poll_interval=0.05).drain(timeout=20))
    assert fake_twilio.attempts == 4 and len(fake_twilio.messages) == 1
    with db.session() as session:
        stored = session.get_one(Message, message.id)
        assert stored.state is MessageState.SENT and stored.attempts == 4


def test_retries_give_up_after_the_limit(
    db: Database, live: Settings, fake_twilio: FakeTwilio, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("campaigns.dispatch_outcome.BASE_BACKOFF", 0.01)
    fake_twilio.fail_next(status=500, code=20500, count=10)
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        (message,) = queue_messages(session, campaign=campaign, step=step, count=1)
    asyncio.run(Dispatcher(settings=live, db=db, poll_interval=0.05).drain(timeout=20))
    with db.session() as session:
        stored = session.get_one(Message, message.id)
        assert stored.state is MessageState.FAILED and "gave up after 6 attempts" in (stored.error or "")


@pytest.fixture
def app_client(live: Settings, db: Database) -> Iterator[TestClient]:
    with TestClient(create_app(live, db=db)) as client:
        yield client


def test_delivery_reports_arrive_and_never_go_backwards(
    db: Database, live: Settings, fake_twilio: FakeTwilio, app_client: TestClient
) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        first, second = queue_messages(session, campaign=campaign, step=step, count=2)
    asyncio.run(Dispatcher(settings=live, db=db, poll_interval=0.05).drain(timeout=20))
    sid = {m.to: m.sid for m in fake_twilio.messages}
    assert (
        fake_twilio.send_status_callback(sid[first.address], "delivered", client=app_client).status_code
        == 204
    )
    fake_twilio.send_status_callback(sid[first.address], "sent", client=app_client)  # late and out of order
    fake_twilio.send_status_callback(sid[first.address], "delivered", client=app_client)  # repeated
    fake_twilio.send_status_callback(sid[second.address], "undelivered", error_code=30005, client=app_client)
    with db.session() as session:
        a, b = session.get_one(Message, first.id), session.get_one(Message, second.id)
        assert a.state is MessageState.DELIVERED and a.delivered_at is not None
        assert b.state is MessageState.UNDELIVERED and b.error_code == "30005"


def test_a_forged_status_callback_changes_nothing(
    db: Database, live: Settings, fake_twilio: FakeTwilio, app_client: TestClient
) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        (message,) = queue_messages(session, campaign=campaign, step=step, count=1)
    asyncio.run(Dispatcher(settings=live, db=db, poll_interval=0.05).drain(timeout=20))
    _url, form, _signature = fake_twilio.status_callback(fake_twilio.messages[0].sid, "delivered")
    assert (
        app_client.post(
            "/webhooks/twilio/status", data=form, headers={"X-Twilio-Signature": "forged"}
        ).status_code
        == 403
    )
    assert app_client.post("/webhooks/twilio/status", data=form).status_code == 403
    with db.session() as session:
        assert session.get_one(Message, message.id).state is MessageState.SENT


def test_a_crash_after_twilio_accepted_is_adopted_not_resent(
    db: Database, live: Settings, fake_twilio: FakeTwilio
) -> None:
    """Rows left `sending` by a dead worker: found at Twilio -> adopted; not found -> queued and sent once."""
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        went, lost = queue_messages(session, campaign=campaign, step=step, count=2)
        for message in (went, lost):
            message.state = MessageState.SENDING
            message.last_attempt_at = message.created_at - timedelta(minutes=5)  # older than the lease
    # the first one reached Twilio before the crash
    from twilio.rest import Client

    from channels.twilio_http import SyncTwilioClient

    client = Client(
        fake_twilio.account_sid,
        fake_twilio.auth_token,
        http_client=SyncTwilioClient(base_url=fake_twilio.base_url),
    )
    created = client.messages.create(to=went.address, from_="+4759440000", body=went.body)
    asyncio.run(Dispatcher(settings=live, db=db, poll_interval=0.05).drain(timeout=20))
    assert sorted(m.to for m in fake_twilio.messages) == sorted([went.address, lost.address])  # one each
    with db.session() as session:
        assert session.get_one(Message, went.id).provider_id == created.sid
        assert session.get_one(Message, lost.id).state is MessageState.SENT


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)  # SQLite runs one worker by design
def test_two_workers_on_postgresql_share_one_outbox_without_duplicates(
    backend: str, db: Database, live: Settings, fake_twilio: FakeTwilio
) -> None:
    fake_twilio.latency = 0.02
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        queue_messages(session, campaign=campaign, step=step, count=300)

    async def both() -> None:
        first = Dispatcher(settings=live, db=db, poll_interval=0.05, batch_size=40, concurrency=20)
        second = Dispatcher(
            settings=live, db=Database(db.url), poll_interval=0.05, batch_size=40, concurrency=20
        )
        await asyncio.gather(first.drain(timeout=60), second.drain(timeout=60))

    asyncio.run(both())
    bodies = [m.body for m in fake_twilio.messages]
    assert len(bodies) == len(set(bodies)) == 300
    with db.session() as session:
        assert {m.state for m in session.scalars(select(Message))} == {MessageState.SENT}
