"""The dispatcher through the real twilio client against the fake Twilio: pace, retries, delivery reports."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from campaigns.dispatch.delivery import apply_status
from campaigns.dispatch.delivery import forget_old_early_reports
from campaigns.dispatch.dispatcher import Dispatcher
from catalogue.stored import read_text
from channels.sms import TwilioSms
from settings import Settings
from store.db import Database
from store.models import Campaign
from store.models import CampaignState
from store.models import Channel
from store.models import EarlyDeliveryReport
from store.models import Message
from store.models import MessageState
from store.models import utcnow
from tests.fakes.server import BackgroundServer
from tests.fakes.twilio_api import FakeTwilio
from tests.outbox_factories import make_campaign
from tests.outbox_factories import queue_messages
from tests.polling import eventually
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
    asyncio.run(Dispatcher(settings=live, db=db, poll_interval=0.05).drain(timeout=120))
    times = fake_twilio.arrival_times()
    assert len(times) == 35 and busiest_second(times) <= 10
    assert times[-1] - times[0] >= 3.0  # 35 messages at 10/s take at least three seconds
    with db.session() as session:
        assert {m.state for m in session.scalars(select(Message))} == {MessageState.SENT}


def test_429_and_5xx_are_retried_until_they_go_through(
    db: Database, live: Settings, fake_twilio: FakeTwilio, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("campaigns.dispatch.outcome.BASE_BACKOFF", 0.05)
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
    monkeypatch.setattr("campaigns.dispatch.outcome.BASE_BACKOFF", 0.01)
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
    first = Dispatcher(settings=live, db=db, poll_interval=0.05, batch_size=40, concurrency=20)
    second = Dispatcher(settings=live, db=Database(db.url), poll_interval=0.05, batch_size=40, concurrency=20)

    async def both() -> None:
        await asyncio.gather(first.drain(timeout=120), second.drain(timeout=120))

    asyncio.run(both())
    bodies = [m.body for m in fake_twilio.messages]
    assert len(bodies) == len(set(bodies)) == 300
    assert first.stats["sent"] > 0 and second.stats["sent"] > 0  # they shared the work
    assert first.stats["sent"] + second.stats["sent"] == 300
    with db.session() as session:
        assert {m.state for m in session.scalars(select(Message))} == {MessageState.SENT}
    second.db.dispose()


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_two_workers_sharing_a_campaign_never_exceed_its_rate_together(
    backend: str, db: Database, live: Settings, fake_twilio: FakeTwilio
) -> None:
    fake_twilio.latency = 0.03
    with db.transaction() as session:
        campaign, step = make_campaign(session, rate={"sms": 10})
        queue_messages(session, campaign=campaign, step=step, count=60)
    first = Dispatcher(settings=live, db=db, poll_interval=0.05)
    second = Dispatcher(settings=live, db=Database(db.url), poll_interval=0.05)

    async def both() -> None:
        await first.start()  # the first runs alone for a while at the full rate, then the second joins
        await eventually(
            lambda: len(fake_twilio.messages) >= 15, what="15 messages at Twilio", in_thread=False
        )
        await asyncio.gather(first.drain(timeout=120), second.drain(timeout=120))

    asyncio.run(both())
    times = fake_twilio.arrival_times()
    assert len(times) == 60 and len({m.body for m in fake_twilio.messages}) == 60
    assert busiest_second(times) <= 10
    assert second.stats["sent"] > 0
    second.db.dispose()


def test_a_timeout_at_twilio_sends_exactly_one_message(
    db: Database, live: Settings, fake_twilio: FakeTwilio
) -> None:
    """Twilio took the message but answered too late: it is looked up, not sent again."""
    fake_twilio.timeout_next(1.5)
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        (message,) = queue_messages(session, campaign=campaign, step=step, count=1)
    channels = {Channel.SMS: TwilioSms(live, timeout=0.3)}
    dispatcher = Dispatcher(
        settings=live, db=db, channels=channels, poll_interval=0.05, reconcile_interval=0.5, unknown_settle=3
    )
    asyncio.run(dispatcher.drain(timeout=60))
    assert len(fake_twilio.messages) == 1 and fake_twilio.attempts == 1
    with db.session() as session:
        stored = session.get_one(Message, message.id)
        assert stored.state is MessageState.SENT and stored.provider_id == fake_twilio.messages[0].sid


def test_twilios_retry_after_sets_the_backoff(db: Database, live: Settings, fake_twilio: FakeTwilio) -> None:
    fake_twilio.fail_next(status=429, code=20429, retry_after=45)
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        (message,) = queue_messages(session, campaign=campaign, step=step, count=1)
    asyncio.run(Dispatcher(settings=live, db=db, poll_interval=0.05).drain(timeout=30, retries_within=5))
    with db.session() as session:
        stored = session.get_one(Message, message.id)
        assert stored.state is MessageState.QUEUED and stored.error_code == "20429"
        assert stored.last_attempt_at is not None
        assert stored.due_at - stored.last_attempt_at >= timedelta(seconds=44)  # not 1-2 s of own backoff
    assert fake_twilio.messages == []


@pytest.fixture
def app_server(live: Settings, db: Database, fake_twilio: FakeTwilio) -> Iterator[BackgroundServer]:
    server = BackgroundServer(create_app(live, db=db)).start()
    fake_twilio.callback_target = server.base_url
    yield server
    server.stop()


def test_a_delivery_report_that_beats_the_dispatcher_is_kept_and_applied(
    db: Database, live: Settings, fake_twilio: FakeTwilio, app_server: BackgroundServer
) -> None:
    fake_twilio.callback_on_create = "delivered"  # sent before Twilio even answers the create request
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        messages = queue_messages(session, campaign=campaign, step=step, count=3)
    asyncio.run(Dispatcher(settings=live, db=db, poll_interval=0.05).drain(timeout=60))
    assert [status for _, _, status in fake_twilio.callbacks_sent] == [204] * 3
    with db.session() as session:
        for message in messages:
            stored = session.get_one(Message, message.id)
            assert stored.state is MessageState.DELIVERED and stored.delivered_at is not None
        assert session.scalars(select(EarlyDeliveryReport)).all() == []


def test_early_reports_keep_the_most_advanced_status(db: Database) -> None:
    at = utcnow()
    with db.transaction() as session:
        apply_status(session, provider_id="SMx", status="delivered", error_code=None, at=at)
        apply_status(session, provider_id="SMx", status="sent", error_code=None, at=at)  # late, out of order
    with db.transaction() as session:
        assert session.get_one(EarlyDeliveryReport, "SMx").status == "delivered"
        session.add(
            EarlyDeliveryReport(provider_id="SMold", status="sent", received_at=at - timedelta(days=8))
        )
    with db.transaction() as session:
        assert forget_old_early_reports(session, now=utcnow()) == 1
        assert session.get(EarlyDeliveryReport, "SMx") is not None


def test_undelivered_reports_pause_a_failing_campaign(
    db: Database, live: Settings, fake_twilio: FakeTwilio, app_server: BackgroundServer
) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        queue_messages(session, campaign=campaign, step=step, count=25)
        campaign_id = campaign.id
    asyncio.run(Dispatcher(settings=live, db=db, poll_interval=0.05).drain(timeout=60))
    for message in list(fake_twilio.messages)[:10]:  # 40 % of the attempts: over the 20 % limit
        assert (
            fake_twilio.send_status_callback(message.sid, "undelivered", error_code=30005).status_code == 204
        )
    with db.session() as session:
        stored = session.get_one(Campaign, campaign_id)
        assert stored.state is CampaignState.PAUSED and "stoppet seg selv" in read_text(stored.state_reason)


def test_messages_that_reconciliation_finds_failed_at_twilio_pause_a_failing_campaign(
    db: Database, live: Settings, fake_twilio: FakeTwilio
) -> None:
    """A dead worker's rows that Twilio reports failed count towards the pause like failed sends do."""
    from twilio.rest import Client

    from channels.twilio_http import SyncTwilioClient

    with db.transaction() as session:
        campaign, step = make_campaign(session)
        messages = queue_messages(session, campaign=campaign, step=step, count=25)
        for message in messages:
            message.state = MessageState.SENDING
            message.last_attempt_at = message.created_at - timedelta(minutes=5)  # older than the lease
        campaign_id = campaign.id
    client = Client(
        fake_twilio.account_sid,
        fake_twilio.auth_token,
        http_client=SyncTwilioClient(base_url=fake_twilio.base_url),
    )
    for message in messages:  # every one reached Twilio before the crash; 10 of them (40 %) failed there
        client.messages.create(to=message.address, from_="+4759440000", body=message.body)
    for created in list(fake_twilio.messages)[:10]:
        created.status = "failed"
    asyncio.run(Dispatcher(settings=live, db=db, poll_interval=0.05).drain(timeout=20))
    with db.session() as session:
        stored = session.get_one(Campaign, campaign_id)
        assert stored.state is CampaignState.PAUSED and "stoppet seg selv" in read_text(stored.state_reason)
        failed = session.scalars(select(Message).where(Message.state == MessageState.FAILED)).all()
        assert len(failed) == 10
    assert len(fake_twilio.messages) == 25  # adopted, none sent again
