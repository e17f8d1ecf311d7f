"""The dispatcher against the sandbox channel: send-time checks, pause and cancel, outcomes, auto-pause."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from campaigns.dispatch_outcome import backoff
from campaigns.dispatcher import Dispatcher
from campaigns.ratelimit import SlidingWindowLimiter
from channels.base import Failed, OptedOut, OutgoingMessage, RetryLater, SendResult, Sent
from settings import Settings
from store.db import Database
from store.models import (
    CampaignState,
    Channel,
    Company,
    Contact,
    ContactKind,
    Intent,
    Message,
    MessageState,
    Notice,
    Reply,
    StepAudience,
    utcnow,
)
from store.optouts import is_opted_out, record_opt_out
from store.secrets import AddressHasher
from tests.outbox_factories import make_campaign, queue_messages


def states(db: Database) -> dict[str, int]:
    with db.session() as session:
        return {
            s.value: n
            for s, n in session.execute(select(Message.state, func.count()).group_by(Message.state)).tuples()
        }


def run(dispatcher: Dispatcher, timeout: float = 30) -> None:
    asyncio.run(dispatcher.drain(timeout=timeout))


class Scripted:
    """A provider that answers from a script: a stand-in for the network at the adapter seam."""

    provider = "scripted"

    def __init__(self, *results: SendResult) -> None:
        self.results = list(results)
        self.sent: list[OutgoingMessage] = []

    async def send(self, message: OutgoingMessage) -> SendResult:
        self.sent.append(message)
        return (
            self.results.pop(0)
            if self.results
            else Sent(provider="scripted", provider_id=f"X{message.message_id}")
        )

    async def close(self) -> None:
        return None


def test_it_sends_every_due_message_once_on_the_sandbox(db: Database, settings: Settings) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        queue_messages(session, campaign=campaign, step=step, count=30)
    run(Dispatcher(settings=settings, db=db, poll_interval=0.05))
    assert states(db) == {"sent": 30}
    with db.session() as session:
        assert all(
            m.provider == "sandbox" and m.provider_id and m.sent_at for m in session.scalars(select(Message))
        )


def test_opted_out_addresses_are_skipped_at_send_time(db: Database, settings: Settings) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        first, *_ = queue_messages(session, campaign=campaign, step=step, count=3)
        record_opt_out(
            session,
            hasher=AddressHasher.load(session),
            kind=ContactKind.PHONE,
            address=first.address or "",
            source="sms",
        )
    run(Dispatcher(settings=settings, db=db, poll_interval=0.05))
    assert states(db) == {"sent": 2, "skipped": 1}
    with db.session() as session:
        assert (
            session.scalar(select(Message.error).where(Message.state == MessageState.SKIPPED)) == "opted_out"
        )


def test_declines_and_replies_stop_reminders(db: Database, settings: Settings) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session, only=StepAudience.NO_REPLY)
        a, b, _c = queue_messages(session, campaign=campaign, step=step, count=3)
        session.add(
            Reply(
                channel="sms", sender=a.address, text="NEI", company_id=a.company_id, intent=Intent.DECLINED
            )
        )
        session.add(
            Reply(
                channel="sms", sender=b.address, text="hva?", company_id=b.company_id, intent=Intent.FREE_TEXT
            )
        )
    run(Dispatcher(settings=settings, db=db, poll_interval=0.05))
    assert states(db) == {"sent": 1, "skipped": 2}


def test_bankrupt_companies_are_never_sent_to(db: Database, settings: Settings) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        (message,) = queue_messages(session, campaign=campaign, step=step, count=1)
        session.get_one(Company, message.company_id).bankrupt = True
    run(Dispatcher(settings=settings, db=db, poll_interval=0.05))
    assert states(db) == {"skipped": 1}


def test_outside_the_window_messages_wait_for_the_opening(db: Database, settings: Settings) -> None:
    now = utcnow().astimezone()
    closed = {
        "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        "start": "00:00",
        "end": "00:01",
        "skip_holidays": False,
    }
    with db.transaction() as session:
        campaign, step = make_campaign(session, window=closed)
        queue_messages(session, campaign=campaign, step=step, count=2)
    run(Dispatcher(settings=settings, db=db, poll_interval=0.05), timeout=3)
    assert states(db) == {"queued": 2}
    with db.session() as session:
        due = session.scalars(select(Message.due_at)).all()
    assert all(d > now for d in due)


def test_at_most_one_outreach_per_company_per_day(db: Database, settings: Settings) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        other, other_step = make_campaign(session)
        (first,) = queue_messages(session, campaign=campaign, step=step, count=1)
        session.add(
            Message(
                campaign_id=other.id,
                step_id=other_step.id,
                company_id=first.company_id,
                channel=Channel.SMS,
                address=first.address,
                body="annen kampanje",
                due_at=utcnow() - timedelta(seconds=1),
            )
        )
    run(Dispatcher(settings=settings, db=db, poll_interval=0.05), timeout=3)
    assert states(db) == {"sent": 1, "queued": 1}


def test_a_paused_campaign_stops_within_two_seconds_and_resumes(db: Database, settings: Settings) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session, rate={"sms": 5})
        queue_messages(session, campaign=campaign, step=step, count=40)
        campaign_id = campaign.id

    async def scenario() -> tuple[int, int]:
        dispatcher = Dispatcher(settings=settings, db=db, poll_interval=0.05)
        await dispatcher.start()
        await asyncio.sleep(1.5)
        with db.transaction() as session:
            session.get_one(type(campaign), campaign_id).state = CampaignState.PAUSED
        await asyncio.sleep(2.0)
        sent_at_pause = states(db).get("sent", 0)
        await asyncio.sleep(1.5)
        sent_later = states(db).get("sent", 0)
        await dispatcher.stop()
        return sent_at_pause, sent_later

    at_pause, later = asyncio.run(scenario())
    assert 0 < at_pause < 40 and later == at_pause
    assert states(db).get("sending", 0) == 0  # claimed rows went back to the queue
    with db.transaction() as session:
        session.get_one(type(campaign), campaign_id).state = CampaignState.RUNNING
        session.get_one(type(campaign), campaign_id).definition = {
            **session.get_one(type(campaign), campaign_id).definition,
            "rate": {"sms": 0},
        }
    run(Dispatcher(settings=settings, db=db, poll_interval=0.05))
    assert states(db) == {"sent": 40}


def test_cancel_marks_unsent_messages_cancelled(db: Database, settings: Settings) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session, state=CampaignState.CANCELLED)
        queue_messages(session, campaign=campaign, step=step, count=3)
    run(Dispatcher(settings=settings, db=db, poll_interval=0.05))
    assert states(db) == {"cancelled": 3}


def test_provider_outcomes_are_recorded(db: Database, settings: Settings) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        messages = queue_messages(session, campaign=campaign, step=step, count=4)
        ids = [m.id for m in messages]
    provider = Scripted(
        Sent(provider="scripted", provider_id="SM1"),
        Failed(reason="invalid number", code="21211", invalid_address=True),
        OptedOut(reason="recipient replied STOP", code="21610"),
        RetryLater(reason="429 too many requests", retry_after=120, code="20429"),
    )
    run(
        Dispatcher(
            settings=settings, db=db, channels={Channel.SMS: provider}, poll_interval=0.05, concurrency=1
        )
    )
    with db.session() as session:
        rows = {m.id: m for m in session.scalars(select(Message))}
        assert rows[ids[0]].state is MessageState.SENT and rows[ids[0]].provider_id == "SM1"
        assert rows[ids[1]].state is MessageState.FAILED and rows[ids[1]].error_code == "21211"
        flagged = session.get_one(Contact, rows[ids[1]].contact_id)
        assert flagged.invalid_reason == "invalid number"
        assert rows[ids[2]].state is MessageState.FAILED and rows[ids[2]].error_code == "21610"
        hasher = AddressHasher.load(session)
        assert is_opted_out(
            session, hasher=hasher, kind=ContactKind.PHONE, address=rows[ids[2]].address or ""
        )
        retry = rows[ids[3]]
        assert retry.state is MessageState.QUEUED and retry.attempts == 1
        assert retry.due_at >= utcnow() + timedelta(seconds=100)  # honoured Retry-After


def test_too_many_failures_pause_the_campaign_and_tell_staff(db: Database, settings: Settings) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session, rate={"sms": 20})
        queue_messages(session, campaign=campaign, step=step, count=120)
        campaign_id = campaign.id
    failing = Scripted(*[Failed(reason="carrier error", code="30008") for _ in range(120)])
    run(
        Dispatcher(
            settings=settings, db=db, channels={Channel.SMS: failing}, poll_interval=0.05, concurrency=1
        ),
        timeout=10,
    )
    with db.session() as session:
        assert session.get_one(type(campaign), campaign_id).state is CampaignState.PAUSED
        notice = session.scalars(select(Notice)).one()
        assert "stoppet seg selv" in notice.text
    assert states(db).get("queued", 0) > 0  # the rest waits for staff


def test_backoff_grows_and_honours_retry_after() -> None:
    assert 1 <= backoff(1, None) <= 2
    assert 16 <= backoff(5, None) <= 32
    assert backoff(1, 90) == 90


@pytest.mark.parametrize("rate", [5, 20])
def test_the_limiter_never_lets_more_than_rate_start_in_any_second(rate: int) -> None:
    async def burst() -> list[float]:
        limiter = SlidingWindowLimiter(rate)
        loop = asyncio.get_running_loop()
        starts: list[float] = []

        async def one() -> None:
            slot = await limiter.acquire()
            starts.append(loop.time())
            await asyncio.sleep(0.01)  # the provider's round trip
            limiter.done(slot)

        await asyncio.gather(*(one() for _ in range(rate * 3)))
        return starts

    starts = sorted(asyncio.run(burst()))
    for i, start in enumerate(starts):
        assert sum(1 for s in starts[i:] if s - start < 1.0) <= rate
    assert starts[-1] - starts[0] >= 2.0  # 3×rate sends need more than two seconds


def test_letters_are_printed_as_one_batch_with_a_manifest(db: Database, settings: Settings) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session, channel=Channel.LETTER)
        queue_messages(session, campaign=campaign, step=step, count=3, channel=Channel.LETTER)
    run(Dispatcher(settings=settings, db=db, poll_interval=0.05), timeout=90)
    assert states(db) == {"sent": 3}
    pdfs = list(settings.letters_dir.glob("*.pdf"))
    assert len(pdfs) == 1 and "sms" in pdfs[0].name
    manifest = pdfs[0].with_suffix(".csv").read_text()
    assert manifest.count("\n") == 4
    with db.session() as session:
        assert {m.provider_id.split("#")[1] for m in session.scalars(select(Message))} == {"1", "2", "3"}  # type: ignore[union-attr]
