"""The dispatcher against the sandbox channel: send-time checks, pause and cancel, outcomes, auto-pause."""

from __future__ import annotations

import asyncio
import csv
import io
import itertools
import json
import os
import subprocess
import threading
from collections.abc import AsyncIterator
from collections.abc import Callable
from contextlib import asynccontextmanager
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import ORMExecuteState
from sqlalchemy.orm import Session

from campaigns.dispatch.claim import Claimed
from campaigns.dispatch.claim import claim_batch
from campaigns.dispatch.dispatcher import AnotherWorkerRunning
from campaigns.dispatch.dispatcher import Dispatcher
from campaigns.dispatch.outcome import backoff
from campaigns.dispatch.ratelimit import RateLimits
from campaigns.dispatch.ratelimit import SlidingWindowLimiter
from campaigns.dispatch.reconcile import HOST
from catalogue.stored import read_text
from channels.base import Failed
from channels.base import OptedOut
from channels.base import OutgoingMessage
from channels.base import RetryLater
from channels.base import SendResult
from channels.base import Sent
from companies.optout_records import is_opted_out
from companies.optout_records import record_opt_out
from settings import Settings
from store.db import Database
from store.models import Campaign
from store.models import CampaignState
from store.models import Channel
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import Heartbeat
from store.models import Intent
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import Notice
from store.models import Reply
from store.models import StepAudience
from store.models import utcnow
from store.secrets import AddressHasher
from tests.fakes.clock import FakeClock
from tests.fakes.smtp import SmtpServer
from tests.fakes.telegram_api import FakeTelegram
from tests.outbox_factories import make_campaign
from tests.outbox_factories import make_recipient
from tests.outbox_factories import queue_messages
from tests.outbox_factories import queued_campaign
from tests.polling import eventually


@asynccontextmanager
async def running(dispatcher: Dispatcher) -> AsyncIterator[Dispatcher]:
    """The dispatcher started for the block and stopped after it, also when the block fails."""
    await dispatcher.start()
    try:
        yield dispatcher
    finally:
        await dispatcher.stop()


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
    queued_campaign(db, count=30)
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


def test_an_address_replaced_after_the_step_was_drawn_is_not_used(db: Database, settings: Settings) -> None:
    """A later register import gave the company another number: the queued SMS to the old one is skipped."""
    from store.models import Contact

    with db.transaction() as session:
        campaign, step = make_campaign(session)
        first, _second = queue_messages(session, campaign=campaign, step=step, count=2)
        session.get_one(Contact, first.contact_id).replaced_at = utcnow()
    run(Dispatcher(settings=settings, db=db, poll_interval=0.05))
    assert states(db) == {"sent": 1, "skipped": 1}
    with db.session() as session:
        assert session.get_one(Message, first.id).error == "replaced"


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
    queued_campaign(db, count=2, window=closed)
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


@pytest.mark.slow  # seconds of real time: the dispatcher and scheduler run on the wall clock
def test_a_paused_campaign_stops_within_two_seconds_and_resumes(db: Database, settings: Settings) -> None:
    campaign_id = queued_campaign(db, count=40, rate={"sms": 5})

    async def scenario() -> tuple[int, int]:
        async with running(Dispatcher(settings=settings, db=db, poll_interval=0.05)) as dispatcher:
            await eventually(lambda: states(db).get("sent", 0) >= 3, what="the first sends")
            with db.transaction() as session:
                session.get_one(Campaign, campaign_id).state = CampaignState.PAUSED

            def pause_seen() -> bool:
                return campaign_id in dispatcher.recent.stopped_campaigns and not states(db).get("sending")

            # Within two seconds of the pause the dispatcher has read it and put back what it had claimed: nothing
            # is on its way to the provider, so what was sent by then is final.
            await eventually(pause_seen, what="the pause seen and the claimed rows put back", timeout=2.0)
            sent_at_pause = states(db).get("sent", 0)
            # Then it stays put, however long we watch: sixty more claim rounds (three seconds at the idle poll
            # on a quick machine, more on a slow one; 5/s would be 15 sends).
            rounds = dispatcher._cycles + 60
            await eventually(lambda: dispatcher._cycles >= rounds, what="sixty claim rounds", in_thread=False)
            return sent_at_pause, states(db).get("sent", 0)

    at_pause, later = asyncio.run(scenario())
    assert 0 < at_pause < 40 and later == at_pause
    assert states(db).get("sending", 0) == 0  # claimed rows went back to the queue
    with db.transaction() as session:
        resumed = session.get_one(Campaign, campaign_id)
        resumed.state = CampaignState.RUNNING
        resumed.definition = {**resumed.definition, "rate": {"sms": 0}}
    run(Dispatcher(settings=settings, db=db, poll_interval=0.05), timeout=120)
    assert states(db) == {"sent": 40}


def test_cancelling_a_running_campaign_mid_drain_stops_it_and_cancels_the_rest(
    db: Database, settings: Settings
) -> None:
    campaign_id = queued_campaign(db, count=40, rate={"sms": 5})
    provider = Scripted()

    async def scenario() -> None:
        async with running(
            Dispatcher(settings=settings, db=db, channels={Channel.SMS: provider}, poll_interval=0.05)
        ):
            await eventually(lambda: states(db).get("sent", 0) >= 3, what="the first sends")
            with db.transaction() as session:
                session.get_one(Campaign, campaign_id).state = CampaignState.CANCELLED
            await eventually(
                lambda: not ({"queued", "sending"} & set(states(db))), what="every row sent or cancelled"
            )

    asyncio.run(scenario())
    final = states(db)
    assert set(final) == {"sent", "cancelled"} and final["sent"] + final["cancelled"] == 40
    assert final["cancelled"] > 20  # it stopped well before the end
    assert (
        len(provider.sent) == final["sent"]
    )  # nothing left the provider after the cancel but what was recorded


class HoldsFirst(Scripted):
    """A provider whose first send to `held` answers only once a message to another address has gone out:
    the senders run side by side, and this is the moment a later answer to the same chat could overtake."""

    def __init__(self, held: str) -> None:
        super().__init__()
        self.held = held
        self.other_sent = asyncio.Event()
        self.done: list[OutgoingMessage] = []

    async def send(self, message: OutgoingMessage) -> SendResult:
        self.sent.append(message)
        if message.address == self.held and len([m for m in self.sent if m.address == self.held]) == 1:
            await self.other_sent.wait()
        elif message.address != self.held:
            self.other_sent.set()
        self.done.append(message)
        return Sent(provider="scripted", provider_id=f"X{message.message_id}")


def queue_answers(db: Database, *bodies: str) -> tuple[list[int], str, int, str]:
    """Answers queued for one company's chat, due now, and one to another company: the ids of the chat's
    answers in order, its address, and the other answer's id and address."""
    with db.transaction() as session:
        company, contact = make_recipient(session)
        _other, other_contact = make_recipient(session)
        due = utcnow() - timedelta(seconds=1)
        rows = [
            Message(
                kind=MessageKind.CONVERSATION,
                company_id=company.id,
                channel=Channel.SMS,
                address=address,
                body=body,
                state=MessageState.QUEUED,
                priority=0,
                due_at=due,
            )
            for address, body in [
                *((contact.address, body) for body in bodies),
                (other_contact.address, "Til en annen bedrift"),
            ]
        ]
        session.add_all(rows)
        session.flush()
        return [row.id for row in rows[:-1]], contact.address, rows[-1].id, other_contact.address


def test_answers_to_one_chat_leave_in_order_while_other_addresses_go_on(
    db: Database, settings: Settings
) -> None:
    """A greeting and the first question queued for one chat: the question never reaches the company first,
    though the greeting's send is slow and a send to another company goes out meanwhile."""
    ids, address, _elsewhere, other_address = queue_answers(
        db, "Hei, Fjord Bygg AS!", "1/5 Hvem er kontaktperson?", "Svar med navnet ditt."
    )
    provider = HoldsFirst(held=address)
    dispatcher = Dispatcher(settings=settings, db=db, channels={Channel.SMS: provider}, poll_interval=0.05)
    run(dispatcher)
    assert states(db) == {"sent": 4}
    assert len(dispatcher.in_order) == 0  # no lock is kept for an address once its sends are done
    assert [m.message_id for m in provider.done if m.address == address] == ids
    assert provider.done[0].address == other_address  # the slow chat held no one else up


def test_a_stop_puts_back_what_was_claimed_but_not_sent(db: Database, settings: Settings) -> None:
    queued_campaign(db, count=30, rate={"sms": 4})
    provider = Scripted()

    async def scenario() -> None:
        async with running(
            Dispatcher(settings=settings, db=db, channels={Channel.SMS: provider}, poll_interval=0.05)
        ):
            await eventually(
                lambda: states(db).get("sending", 0) > 0 and len(provider.sent) >= 2, what="sends"
            )

    asyncio.run(scenario())
    final = states(db)
    assert set(final) <= {"sent", "queued"} and final.get("sent", 0) == len(provider.sent)
    with db.session() as session:
        queued = list(session.scalars(select(Message).where(Message.state == MessageState.QUEUED)))
    assert queued and all(m.attempts == 0 and m.provider is None for m in queued)
    with db.session() as session:
        assert session.scalars(select(Heartbeat.name).where(Heartbeat.name.like("dispatcher:%"))).all() == []


def _claimed(db: Database, message: Message) -> bool:
    """Whether a dispatcher holds `message` (claimed, waiting for its turn or being sent)."""
    with db.session() as session:
        return session.get_one(Message, message.id).state is MessageState.SENDING


def _quick_dispatcher(settings: Settings, db: Database, provider: Scripted) -> Dispatcher:
    """A dispatcher on the scripted SMS provider that polls and rereads campaigns often, so tests are short."""
    return Dispatcher(
        settings=settings, db=db, channels={Channel.SMS: provider}, poll_interval=0.05, refresh_interval=0.1
    )


def _change_after_claim(
    db: Database,
    settings: Settings,
    provider: Scripted,
    changes: list[tuple[Message, Callable[[Session], None]]],
) -> dict[int, Message]:
    """Runs a dispatcher; as each message is claimed, applies its change and waits for the re-check to let go of it.

    Returns every message by id afterwards, for the caller to check what the re-check decided.
    """

    async def scenario() -> None:
        async with running(_quick_dispatcher(settings, db, provider)):
            for message, change in changes:
                await eventually(lambda m=message: _claimed(db, m), what=f"the claim of message {message.id}")
                with db.transaction() as session:
                    change(session)
                await eventually(
                    lambda m=message: not _claimed(db, m), what=f"the re-check of message {message.id}"
                )

    asyncio.run(scenario())
    with db.session() as session:
        return {m.id: m for m in session.scalars(select(Message))}


def test_an_opt_out_or_a_reply_after_the_claim_stops_the_send(db: Database, settings: Settings) -> None:
    """Claimed rows wait for their turn in memory: each is checked again right before it goes out."""
    with db.transaction() as session:
        campaign, step = make_campaign(session, rate={"sms": 0.5}, only=StepAudience.NO_REPLY)
        first, second, third = queue_messages(session, campaign=campaign, step=step, count=3)
    provider = Scripted()

    def opt_out_second(session: Session) -> None:
        record_opt_out(
            session,
            hasher=AddressHasher.load(session),
            kind=ContactKind.PHONE,
            address=second.address or "",
            source="sms",
        )

    def third_replies(session: Session) -> None:
        session.add(
            Reply(channel="sms", sender=third.address, text="hvem er dere?", company_id=third.company_id)
        )

    # The first goes at once; the second is claimed and waits two seconds for its slot (0.5/s), then the third.
    rows = _change_after_claim(db, settings, provider, [(second, opt_out_second), (third, third_replies)])
    assert rows[first.id].state is MessageState.SENT
    assert (rows[second.id].state, rows[second.id].error) == (MessageState.SKIPPED, "opted_out")
    assert (rows[third.id].state, rows[third.id].error) == (MessageState.SKIPPED, "replied")
    assert [m.message_id for m in provider.sent] == [first.id]


def test_a_company_that_says_stopp_on_another_address_after_the_claim_is_not_sent_to(
    db: Database, settings: Settings
) -> None:
    """PRODUCT §3: the STOPP came from the company's Telegram chat, not the number the claimed SMS goes to; the
    company is do-not-contact, so the re-check right before the send stops it all the same."""
    from companies.optouts import record_stop

    with db.transaction() as session:
        campaign, step = make_campaign(session, rate={"sms": 0.5})
        first, second = queue_messages(session, campaign=campaign, step=step, count=2)
    provider = Scripted()

    def stopp_on_telegram(session: Session) -> None:
        record_stop(
            session,
            hasher=AddressHasher.load(session),
            kind=ContactKind.TELEGRAM,
            address="7000123",
            source="telegram",
            company_id=second.company_id,
        )

    rows = _change_after_claim(db, settings, provider, [(second, stopp_on_telegram)])
    with db.session() as session:
        assert not is_opted_out(
            session, hasher=AddressHasher.load(session), kind=ContactKind.PHONE, address=second.address or ""
        )
    assert rows[first.id].state is MessageState.SENT
    assert (rows[second.id].state, rows[second.id].error) == (MessageState.SKIPPED, "never_contact")
    assert [m.message_id for m in provider.sent] == [first.id]


def test_a_window_that_closes_after_the_claim_puts_the_message_back_for_the_next_opening(
    db: Database, settings: Settings
) -> None:
    with db.transaction() as session:
        # One message per 5 s: the window closes well before the second slot, even on a loaded machine.
        campaign, step = make_campaign(session, rate={"sms": 0.2})
        queue_messages(session, campaign=campaign, step=step, count=2)
        campaign_id = campaign.id
    provider = Scripted()

    def sent_one_and_claimed_next() -> bool:
        with db.session() as session:
            rows = {m.id: m.state for m in session.scalars(select(Message))}
        return MessageState.SENT in rows.values() and MessageState.SENDING in rows.values()

    async def scenario() -> None:
        async with running(_quick_dispatcher(settings, db, provider)):
            await eventually(sent_one_and_claimed_next, what="one sent, the next waiting for its slot")
            with db.transaction() as session:
                closing = session.get_one(Campaign, campaign_id)
                now = utcnow().astimezone(ZoneInfo("Europe/Oslo"))
                # Open only on another weekday from now on: closed right now.
                other_day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][(now.weekday() + 3) % 7]
                closing.definition = {
                    **closing.definition,
                    "window": {"days": [other_day], "start": "08:00", "end": "16:00", "skip_holidays": False},
                }
            await eventually(lambda: "sending" not in states(db), what="the re-check")

    asyncio.run(scenario())
    assert len(provider.sent) == 1
    with db.session() as session:
        waiting = session.scalars(select(Message).where(Message.state == MessageState.QUEUED)).one()
    assert waiting.due_at > utcnow() + timedelta(hours=1) and waiting.attempts == 0


def test_cancel_marks_unsent_messages_cancelled(db: Database, settings: Settings) -> None:
    queued_campaign(db, count=3, state=CampaignState.CANCELLED)
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
    campaign_id = queued_campaign(db, count=120, rate={"sms": 20})
    failing = Scripted(*[Failed(reason="carrier error", code="30008") for _ in range(120)])
    run(
        Dispatcher(
            settings=settings, db=db, channels={Channel.SMS: failing}, poll_interval=0.05, concurrency=1
        ),
        timeout=10,
    )
    with db.session() as session:
        assert session.get_one(Campaign, campaign_id).state is CampaignState.PAUSED
        notice = session.scalars(select(Notice)).one()
        assert "stoppet seg selv" in read_text(notice.text)
    assert states(db).get("queued", 0) > 0  # the rest waits for staff


def test_backoff_grows_and_honours_retry_after() -> None:
    assert 1 <= backoff(1, None) <= 2
    assert 16 <= backoff(5, None) <= 32
    assert backoff(1, 90) == 90


@pytest.mark.parametrize("rate", [5, 20])
def test_the_limiter_never_lets_more_than_rate_start_in_any_second(rate: int) -> None:
    clock = FakeClock()

    async def burst() -> list[float]:
        limiter = SlidingWindowLimiter(rate, clock=clock, sleep=clock.sleep)
        starts: list[float] = []

        async def one() -> None:
            slot = await limiter.acquire()
            starts.append(clock())
            await clock.sleep(0.01)  # the provider's round trip
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


def one_after_another(rate: float, count: int) -> list[float]:
    """When each of `count` sends starts that go one after another through a limiter at `rate` (a fake clock's
    time: the provider answers at once)."""
    clock = FakeClock()

    async def sends() -> list[float]:
        limiter = SlidingWindowLimiter(rate, clock=clock, sleep=clock.sleep)
        starts: list[float] = []
        for _ in range(count):
            slot = await limiter.acquire()
            starts.append(clock())
            limiter.done(slot)
        return starts

    return asyncio.run(sends())


def test_a_rate_below_one_per_second_is_one_send_per_interval() -> None:
    starts = one_after_another(0.5, 3)
    assert all(b - a >= 2.0 for a, b in itertools.pairwise(starts))


def test_a_new_share_keeps_the_last_seconds_sends() -> None:
    """Two workers become three: the share drops from 10 to 3.3 and the sends just made still count."""

    clock = FakeClock()

    async def scenario() -> tuple[int, list[float]]:
        limits = RateLimits(clock=clock, sleep=clock.sleep)
        starts: list[float] = []
        limiter = limits.get("k", 10)
        for _ in range(10):
            limiter.done(await limiter.acquire())
            starts.append(clock())
        limiter = limits.get("k", 10 / 3)
        limiter.done(await limiter.acquire())
        starts.append(clock())
        return len(limits.limiters), starts

    count, starts = asyncio.run(scenario())
    # Three a second now: the next send waited until only two of the last second's ten were left in it.
    assert count == 1 and starts[-1] - starts[-4] >= 1.0


def test_a_higher_share_waits_a_full_window() -> None:
    """A worker left (it may have sent just now): the others take its share only a window later."""

    clock = FakeClock()

    async def scenario() -> float:
        limits = RateLimits(clock=clock, sleep=clock.sleep)
        limiter = limits.get("k", 2)
        for _ in range(2):
            limiter.done(await limiter.acquire())
        started = clock()
        limiter = limits.get("k", 4)
        for _ in range(2):
            limiter.done(await limiter.acquire())
        return clock() - started

    assert asyncio.run(scenario()) >= 1.0


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_second_worker_on_sqlite_refuses_to_start(
    backend: str, db: Database, settings: Settings, cli
) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as session:
        session.add(
            Heartbeat(
                name="dispatcher:other0000001",
                beat_at=utcnow(),
                info={"worker": "other0000001", "host": HOST, "pid": os.getpid()},
            )
        )
    with pytest.raises(AnotherWorkerRunning):
        asyncio.run(Dispatcher(settings=settings, db=db).start())
    result = cli("worker")
    assert result.exit_code == 2 and "En annen utsender kjører allerede" in result.stderr


@pytest.mark.parametrize("how", ["its process is gone", "its pid was reused"])
def test_a_previous_incarnation_with_a_fresh_heartbeat_is_recognised_as_dead(
    db: Database, settings: Settings, how: str
) -> None:
    """SIGKILLed a second ago: its heartbeat is fresh, but its process is gone (or, as in a restarted
    container, its pid now belongs to someone else). Its rows are resolved at once, and on SQLite the restart
    is allowed."""
    if how == "its process is gone":
        gone = subprocess.Popen(["true"])
        gone.wait()
        pid, started = gone.pid, None
    else:
        pid, started = os.getpid(), "1"  # our pid, but a process that started long before us
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        rows = queue_messages(session, campaign=campaign, step=step, count=3)
        for message in rows:
            message.state = MessageState.SENDING
            message.claimed_by = "dead00000001"
            message.last_attempt_at = utcnow()
        session.add(
            Heartbeat(
                name="dispatcher:dead00000001",
                beat_at=utcnow() - timedelta(seconds=3),
                info={"worker": "dead00000001", "host": HOST, "pid": pid, "started": started},
            )
        )
    run(Dispatcher(settings=settings, db=db, poll_interval=0.05))
    assert states(db) == {"sent": 3}  # the sandbox never sent them: queued again and sent once


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
def test_rows_of_a_live_worker_are_left_alone_and_a_dead_ones_reconciled_at_once(
    backend: str, db: Database, settings: Settings
) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        rows = queue_messages(session, campaign=campaign, step=step, count=4)
        for message, worker in zip(rows, ["alive", "alive", "stale", "stale"], strict=True):
            message.state = MessageState.SENDING
            message.claimed_by = worker
            message.last_attempt_at = utcnow()  # well within any lease
        session.add(
            Heartbeat(name="dispatcher:alive", beat_at=utcnow(), info={"host": "elsewhere", "pid": 1})
        )
        session.add(
            Heartbeat(
                name="dispatcher:stale", beat_at=utcnow() - timedelta(minutes=5), info={"host": "elsewhere"}
            )
        )
    run(Dispatcher(settings=settings, db=db, poll_interval=0.05), timeout=20)
    with db.session() as session:
        final = {m.id: m.state for m in session.scalars(select(Message))}
    assert [final[m.id] for m in rows] == [MessageState.SENDING] * 2 + [MessageState.SENT] * 2


def test_the_delivery_report_has_one_row_per_message_with_masked_addresses(
    db: Database,
    settings: Settings,
    cli,  # type: ignore[no-untyped-def]
) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        messages = queue_messages(session, campaign=campaign, step=step, count=3)
        campaign_id = campaign.id
    run(Dispatcher(settings=settings, db=db, poll_interval=0.05))
    as_csv = cli("campaign", "report", str(campaign_id), "--format", "csv")
    as_json = cli("campaign", "report", str(campaign_id), "--format", "json")
    assert as_csv.exit_code == 0 and as_json.exit_code == 0, as_csv.output + as_json.output
    table = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    rows = json.loads(as_json.stdout)
    assert len(table) == len(rows) == 3
    assert sorted(int(r["message_id"]) for r in table) == sorted(m.id for m in messages)
    # The sandbox delivers at once and sends no receipt: counted as delivered, as the campaign page counts it.
    assert {r["state"] for r in rows} == {"delivered"}
    assert {(r["wait_reason"], r["due_at"]) for r in rows} == {(None, None)}  # nothing waits any more
    for message in messages:
        address = message.address or ""
        assert address not in as_csv.stdout and address not in as_json.stdout
        assert address[-2:] in {r["address"][-2:] for r in rows}  # masked, not dropped
    assert cli("campaign", "report", str(campaign_id), "--format", "xml").exit_code == 2


def test_a_blocked_telegram_chat_is_opted_out_through_the_dispatcher(
    db: Database, settings: Settings, fake_telegram: FakeTelegram
) -> None:
    live = settings.model_copy(update=fake_telegram.settings_update())
    with db.transaction() as session:
        campaign, step = make_campaign(session, channel=Channel.TELEGRAM)
        blocked, fine = queue_messages(
            session, campaign=campaign, step=step, count=2, channel=Channel.TELEGRAM
        )
    fake_telegram.fail_next("sendMessage", status=403)
    run(Dispatcher(settings=live, db=db, poll_interval=0.05, concurrency=1))
    with db.session() as session:
        a, b = session.get_one(Message, blocked.id), session.get_one(Message, fine.id)
        assert (a.state, a.error_code) == (MessageState.FAILED, "403")
        assert b.state is MessageState.SENT and b.provider == "telegram"
        hasher = AddressHasher.load(session)
        assert is_opted_out(session, hasher=hasher, kind=ContactKind.TELEGRAM, address=a.address or "")
        assert not is_opted_out(session, hasher=hasher, kind=ContactKind.TELEGRAM, address=b.address or "")
    assert len(fake_telegram.sent_to(b.address or "")) == 1


def test_an_email_goes_through_the_dispatcher_with_the_letter_rendered_in_the_print_pool(
    db: Database, settings: Settings, smtp_server: SmtpServer
) -> None:
    live = settings.model_copy(update={"smtp_url": smtp_server.url, "mail_from": "post@laereplassjeger.no"})
    with db.transaction() as session:
        campaign, step = make_campaign(session, channel=Channel.EMAIL)
        (message,) = queue_messages(session, campaign=campaign, step=step, count=1, channel=Channel.EMAIL)
        session.get_one(Message, message.id).subject = "Vil dere ta inn lærlinger?"
        session.get_one(Message, message.id).extra = {
            "letter_html": "<html><body><h1>Brev</h1></body></html>"
        }
    dispatcher = Dispatcher(settings=live, db=db, poll_interval=0.05)
    pools: list[object] = []
    original = dispatcher.printer.render_pdf

    async def watched(html: str) -> bytes:
        pdf = await original(html)
        pools.append(dispatcher.printer._pool)
        return pdf

    dispatcher.printer.render_pdf = watched  # type: ignore[method-assign]
    run(dispatcher, timeout=120)
    (mail,) = smtp_server.wait_for(1)
    assert mail["To"] == message.address and mail["Subject"] == "Vil dere ta inn lærlinger?"
    pdf = next(p for p in mail.walk() if p.get_content_type() == "application/pdf")
    assert pdf.get_content().startswith(b"%PDF")
    assert pools and pools[0] is not None  # rendered in the letter printer's process pool
    assert states(db) == {"sent": 1}


def test_a_stop_while_a_claim_is_running_strands_nothing(db: Database, settings: Settings) -> None:
    """The claim returns after the stop began: its rows must go back to the queue, not stay `sending`."""
    queued_campaign(db, count=600)
    provider = Scripted()

    dispatcher = Dispatcher(
        settings=settings, db=db, channels={Channel.SMS: provider}, batch_size=600, poll_interval=0.05
    )
    claim = dispatcher._claim
    claiming, stop_began = threading.Event(), threading.Event()

    def claim_across_the_stop(limit: int) -> tuple[list[Claimed], int]:
        claiming.set()
        stop_began.wait(timeout=60)  # the first claim (600 rows) is still running in its thread at the stop
        return claim(limit)

    dispatcher._claim = claim_across_the_stop  # type: ignore[method-assign]

    async def scenario() -> None:
        await dispatcher.start()
        await eventually(claiming.is_set, what="the first claim", in_thread=False)
        stopping = asyncio.create_task(dispatcher.stop())
        await eventually(dispatcher._stopping.is_set, what="the stop to begin", in_thread=False)
        stop_began.set()
        await stopping

    asyncio.run(scenario())
    final = states(db)
    assert "sending" not in final and final.get("sent", 0) == len(provider.sent)
    assert final.get("sent", 0) + final.get("queued", 0) == 600


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)  # on PostgreSQL the rows are locked instead
def test_a_row_claimed_elsewhere_meanwhile_is_not_claimed_again(backend: str, db: Database) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        first, second = queue_messages(session, campaign=campaign, step=step, count=2)
    other = Database(db.url)

    def another_worker_claims_first(state: ORMExecuteState) -> None:
        if state.is_update:  # between our checks and our claim, another process claims one of the rows
            with other.transaction() as elsewhere:
                elsewhere.get_one(Message, first.id).state = MessageState.SENDING

    with db.transaction() as session:
        event.listen(session, "do_orm_execute", another_worker_claims_first)
        report = claim_batch(
            session, now=utcnow(), limit=10, hasher=AddressHasher.load(session), worker_id="me"
        )
    other.dispose()
    assert [c.id for c in report.claimed] == [second.id] and report.taken_by_others == 1
    with db.session() as session:
        assert session.get_one(Message, second.id).claimed_by == "me"
        assert session.get_one(Message, first.id).provider is None  # the other worker's, untouched by us


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)  # SQLite runs one worker (see above)
def test_an_answer_waits_while_another_worker_holds_an_older_answer_to_its_chat(
    backend: str, db: Database
) -> None:
    """Two workers, a greeting and the first question to one chat: whether the greeting is locked by the
    other worker's claim or already in its hands, the question waits; once the greeting is sent, it goes."""
    (greeting, question), _address, elsewhere, _other = queue_answers(
        db, "Hei, Fjord Bygg AS!", "1/5 Hvem er kontaktperson?"
    )
    other = Database(db.url)

    def worker_b() -> list[int]:
        with other.transaction() as session:
            report = claim_batch(
                session, now=utcnow(), limit=10, hasher=AddressHasher.load(session), worker_id="b"
            )
        return [c.id for c in report.claimed]

    with db.transaction() as session:  # worker a has locked the greeting and not yet committed its claim
        report = claim_batch(
            session, now=utcnow(), limit=1, hasher=AddressHasher.load(session), worker_id="a"
        )
        assert [c.id for c in report.claimed] == [greeting]
        assert worker_b() == [elsewhere]  # the other chat goes on
    assert worker_b() == []  # the greeting is in a's hands now: the question still waits
    with db.transaction() as session:
        session.get_one(Message, greeting).state = MessageState.SENT
    assert worker_b() == [question]
    other.dispose()


def test_a_rate_limited_backlog_does_not_hold_up_other_campaigns(db: Database) -> None:
    """A rate-limited campaign's rows are taken only up to its capacity, and the rest of the claim's room goes
    to what is due behind them."""
    with db.transaction() as session:
        slow, slow_step = make_campaign(session, rate={"sms": 3})
        queue_messages(
            session, campaign=slow, step=slow_step, count=10, due_at=utcnow() - timedelta(minutes=5)
        )
        fast, fast_step = make_campaign(session)
        behind = queue_messages(session, campaign=fast, step=fast_step, count=2)
        slow_id, behind_ids = slow.id, {m.id for m in behind}
    with db.transaction() as session:
        report = claim_batch(
            session,
            now=utcnow(),
            limit=5,
            hasher=AddressHasher.load(session),
            capacity={(slow_id, "sms"): 3},
        )
    claimed = [c for c in report.claimed if c.campaign_id == slow_id]
    assert len(claimed) == 3 and {c.id for c in report.claimed} - {c.id for c in claimed} == behind_ids
    assert report.over_capacity >= 1  # more of the slow campaign is waiting: the claimer knows to come back
    assert states(db) == {"sending": 5, "queued": 7}


def test_the_pacer_spaces_sends_evenly() -> None:
    """At 20/s a window's worth of sends is spread over the second, not released at its start."""
    starts = one_after_another(20, 20)
    assert starts[-1] - starts[0] >= 19 * 0.05 * 0.9  # the pacer made up at most a little lateness
    assert sum(1 for a, b in itertools.pairwise(starts) if b - a < 0.02) <= 2  # no bunching
