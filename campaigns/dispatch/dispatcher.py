"""The dispatcher (`jeger worker`, and inside `jeger serve`): empties the outbox at the pace providers allow.

    refresher (twice a second: campaign states, windows, recent opt-outs and replies, heartbeat, worker count)
    claimer --(claimed rows, already `sending`)--> queue --> N senders --(outcomes)--> recorder
       ^ reads due rows, checks them, claims          ^ rate limit, re-check, provider call   ^ one commit per batch
    housekeeping (reconciliation of unknown rows, old early delivery reports)

The database is the queue: rows are claimed with a conditional update (FOR UPDATE SKIP LOCKED on PostgreSQL,
so any number of workers share one outbox; on SQLite exactly one worker runs, and a second refuses to start).
Each claim commits before the provider is called, with the worker's tag on the rows; a worker killed at any
moment leaves `sending` rows, which the next start (or any live worker) marks `unknown` and reconciles
against the provider, never resending blindly. The claimer takes about a second of each campaign's rate
ahead, and each message is checked again just before its send: a pause or cancel, a closed window, an
opt-out or a reply that came meanwhile stop it there. A stop finishes the sends in flight and puts back
everything claimed but not sent.

This module holds the tasks and their wiring; each part they call lives beside it in `campaigns/dispatch/`:
`claim` (due rows and the claim), `recent` (what the refresher reads, and the re-check), `ratelimit`,
`ordering` (one send at a time per address), `send` (one provider call), `letters` (printing), `outcome`
(recording), `delivery` (delivery reports), `reconcile` (unknown rows) and `workers` (heartbeats, the SQLite
one-worker rule).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
import time
import uuid
from collections import Counter
from datetime import datetime
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.definition_model import DefinitionCache
from campaigns.dispatch.claim import LIVE_STATES
from campaigns.dispatch.claim import Claimed
from campaigns.dispatch.claim import claim_batch
from campaigns.dispatch.delivery import forget_old_early_reports
from campaigns.dispatch.delivery import record_delivery
from campaigns.dispatch.letters import print_letters
from campaigns.dispatch.ordering import InOrder
from campaigns.dispatch.outcome import Deferred
from campaigns.dispatch.outcome import Outcome
from campaigns.dispatch.outcome import record_outcomes
from campaigns.dispatch.ratelimit import RAISE_DELAY
from campaigns.dispatch.ratelimit import RateLimits
from campaigns.dispatch.ratelimit import SlidingWindowLimiter
from campaigns.dispatch.ratelimit import Slot
from campaigns.dispatch.recent import Recent
from campaigns.dispatch.recent import read_recent
from campaigns.dispatch.reconcile import UNKNOWN_SETTLE
from campaigns.dispatch.reconcile import reconcile_unknown
from campaigns.dispatch.send import send_one
from campaigns.dispatch.workers import AnotherWorkerRunning
from campaigns.dispatch.workers import beat
from campaigns.dispatch.workers import check_can_start
from campaigns.dispatch.workers import forget_old_beats
from campaigns.dispatch.workers import forget_worker
from campaigns.dispatch.workers import refuse_second_sqlite_worker
from campaigns.dispatch.workers import workers_sharing
from channels.base import ChannelAdapter
from channels.base import Sent
from channels.letters import LetterPrinter
from channels.registry import build_channels
from channels.registry import close_channels
from companies.unsubscribe import UnsubscribeLinks
from settings import Settings
from store.db import Database
from store.masking import mask_address
from store.models import Campaign
from store.models import Channel
from store.models import Message
from store.models import MessageState
from store.models import utcnow
from store.secrets import AddressHasher
from store.secrets import secret_key

log = logging.getLogger(__name__)
AHEAD_SECONDS = 1.0  # how much of a campaign's rate is claimed ahead of its sends
CLAIM_PAUSE = AHEAD_SECONDS / 4  # the claimer's pause when all that is due waits for its campaign's rate


class _Aborted(Exception):
    """The wait for a rate slot was given up (stop, pause)."""


class Dispatcher:
    name = "dispatcher"

    def __init__(
        self,
        *,
        settings: Settings,
        db: Database,
        channels: dict[Channel, ChannelAdapter] | None = None,
        batch_size: int = 500,
        concurrency: int = 100,
        poll_interval: float = 0.5,
        refresh_interval: float = 0.5,
        reconcile_interval: float = 10.0,
        unknown_settle: float = UNKNOWN_SETTLE.total_seconds(),
    ) -> None:
        self.settings = settings
        self.db = db
        self.channels = channels
        self.batch_size = batch_size
        self.concurrency = concurrency
        self.poll_interval = poll_interval
        self.refresh_interval = refresh_interval
        self.reconcile_interval = reconcile_interval
        self.unknown_settle = timedelta(seconds=unknown_settle)
        self.worker_id = uuid.uuid4().hex[:12]
        self.limits = RateLimits()
        self.definitions = DefinitionCache()  # parsed once per campaign revision, not at every refresh
        self.queue: asyncio.Queue[Claimed] = asyncio.Queue()
        self.outcomes: list[tuple[Claimed, Outcome]] = []
        self.recent = Recent()  # what the refresher last read, for the re-check before each send
        self.pending: Counter[tuple[int, str]] = Counter()  # claimed, not yet sent, per campaign and channel
        self.in_flight = 0
        self.in_order = InOrder()  # one send at a time per address, in the order claimed
        self.workers_sharing = 1
        self.stats: Counter[str] = Counter()  # sent, skipped, deferred, unknown ... by this worker
        self.hasher: AddressHasher | None = None
        self.unsubscribe_links: UnsubscribeLinks | None = None  # for every e-mail's List-Unsubscribe
        self.printer = LetterPrinter()  # its process pool starts on first use (letters, e-mail attachments)
        self._stopping = asyncio.Event()
        self._tasks: dict[str, list[asyncio.Task[None]]] = {}
        self._not_before = 0.0  # a worker joining others sends only once they have lowered their shares
        self._last_claimed = 0
        self._cycles = 0
        self._recording = False  # a batch of outcomes is being written: its rows are neither here nor there

    # --- lifecycle -----------------------------------------------------------------------------------------

    async def start(self) -> None:
        """Registers this worker (refusing a second one on SQLite), reconciles what dead workers left, and
        starts the tasks. Raises AnotherWorkerRunning on SQLite when another dispatcher is alive."""
        self._stopping.clear()
        self.hasher = await asyncio.to_thread(self._load_hasher)
        self.unsubscribe_links = await asyncio.to_thread(self._load_unsubscribe_links)
        await asyncio.to_thread(self._register)
        try:
            if self.channels is None:
                self.channels = build_channels(self.settings)
            for adapter in self.channels.values():
                use_printer = getattr(adapter, "use_printer", None)
                if use_printer is not None:
                    use_printer(self.printer)
            await asyncio.to_thread(self._refresh)
            if self.workers_sharing > 1:
                self._not_before = time.monotonic() + RAISE_DELAY
            await reconcile_unknown(self, startup=True)
        except BaseException:
            with contextlib.suppress(Exception):
                await asyncio.to_thread(self._unregister)  # a failed start must not block the next one
            raise
        self._tasks = {
            "claimer": [asyncio.create_task(self._claimer(), name="dispatch-claimer")],
            "senders": [
                asyncio.create_task(self._sender(), name=f"dispatch-sender-{i}")
                for i in range(self.concurrency)
            ],
            "recorder": [asyncio.create_task(self._recorder(), name="dispatch-recorder")],
            "background": [
                asyncio.create_task(self._refresher(), name="dispatch-refresher"),
                asyncio.create_task(self._housekeeping(), name="dispatch-housekeeping"),
            ],
        }
        log.info("dispatcher %s started (%d senders)", self.worker_id, self.concurrency)

    async def stop(self) -> None:
        """Finishes the sends in flight, puts back what was claimed but not sent, records, and stops."""
        self._stopping.set()
        # The claimer first: a claim still running in its thread adds rows to the queue when it returns.
        for group in ("claimer", "senders", "recorder"):
            await asyncio.gather(*self._tasks.get(group, []), return_exceptions=True)
        for task in self._tasks.get("background", []):
            task.cancel()
        await asyncio.gather(*self._tasks.get("background", []), return_exceptions=True)
        self._tasks = {}
        while not self.queue.empty():
            item = self.queue.get_nowait()
            self.pending[self._key(item)] -= 1
            self.outcomes.append((item, Deferred(due_at=None)))
        for attempt in range(3):
            try:
                await self._flush_outcomes()
                break
            except Exception:
                log.exception("recording outcomes at stop failed (attempt %d)", attempt + 1)
                await asyncio.sleep(1.0)
        with contextlib.suppress(Exception):
            await asyncio.to_thread(self._unregister)
        await self.printer.close()
        if self.channels:
            await close_channels(self.channels)

    async def drain(self, timeout: float = 60.0, retries_within: float = 10.0) -> None:
        """Starts, sends everything that is due (waiting for retries and reconciliations due within
        `retries_within` seconds), and stops: for tests and one-off runs."""
        await self.start()
        try:
            deadline = time.monotonic() + timeout
            idle_since: int | None = None
            while time.monotonic() < deadline:
                await asyncio.sleep(0.05)
                busy = (
                    self._last_claimed
                    or not self.queue.empty()
                    or self.in_flight
                    or self.outcomes
                    or self._recording
                    or any(n > 0 for n in self.pending.values())
                )
                if busy:
                    idle_since = None
                elif idle_since is None:
                    idle_since = self._cycles
                elif self._cycles >= idle_since + 2:  # two whole claim rounds found nothing
                    if not await asyncio.to_thread(self._work_due_soon, retries_within):
                        break
                    idle_since = None
        finally:
            await self.stop()

    def _work_due_soon(self, within: float) -> bool:
        soon = utcnow() + timedelta(seconds=within)
        with self.db.session() as session:
            retry = session.scalar(
                select(Message.id)
                .outerjoin(Campaign, Campaign.id == Message.campaign_id)
                .where(
                    Message.state == MessageState.QUEUED,
                    Message.attempts > 0,
                    Message.due_at <= soon,
                    (Campaign.id.is_(None)) | (Campaign.state.in_(LIVE_STATES)),
                )
                .limit(1)
            )
            if retry is not None:
                return True
            reconcilable = [c for c, a in (self.channels or {}).items() if hasattr(a, "find_sent")]
            if not reconcilable or self.unknown_settle.total_seconds() > within:
                return False
            unknown = session.scalar(
                select(Message.id)
                .where(Message.state == MessageState.UNKNOWN, Message.channel.in_(reconcilable))
                .limit(1)
            )
        return unknown is not None

    def _load_hasher(self) -> AddressHasher:
        with self.db.session() as session:
            return AddressHasher.load(session)

    def _load_unsubscribe_links(self) -> UnsubscribeLinks:
        with self.db.session() as session:
            secret = secret_key(session, self.settings.secret_key)
        return UnsubscribeLinks(secret=secret, base_url=self.settings.public_base_url)

    def _register(self) -> None:
        now = utcnow()
        with self.db.transaction() as session:
            if not self.db.is_postgres:
                refuse_second_sqlite_worker(session, name=self.name, now=now, me=self.worker_id)
            self._beat(session, now)

    def _unregister(self) -> None:
        with self.db.transaction() as session:
            forget_worker(session, name=self.name, worker_id=self.worker_id)

    def _beat(self, session: Session, now: datetime) -> None:
        beat(
            session,
            name=self.name,
            worker_id=self.worker_id,
            now=now,
            queue=self.queue.qsize(),
            in_flight=self.in_flight,
        )

    # --- refresher -----------------------------------------------------------------------------------------

    async def _refresher(self) -> None:
        """Its own task, so a pause is seen within half a second whatever the claimer is waiting for."""
        while not self._stopping.is_set():
            try:
                await asyncio.to_thread(self._refresh)
            except Exception:
                log.exception("dispatcher refresh failed; retrying")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self.refresh_interval)

    def _refresh(self) -> None:
        """Beats the heartbeat; re-reads which campaigns may send and their windows, how many workers share the
        rates, and the opt-outs and replies of the last minutes (for the re-check before each send)."""
        now = utcnow()
        with self.db.transaction() as session:
            self._beat(session, now)
        # A second transaction, after the beat is committed: two workers starting together then cannot both
        # miss each other.
        with self.db.session() as session:
            self.recent = read_recent(
                session, now=now, definitions=self.definitions, tz=self.settings.timezone
            )
            self.workers_sharing = workers_sharing(session, name=self.name, now=now)

    # --- housekeeping --------------------------------------------------------------------------------------

    async def _housekeeping(self) -> None:
        """Reconciles rows of dead workers and unanswered sends; forgets what is too old to matter."""
        while not self._stopping.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self.reconcile_interval)
            if self._stopping.is_set():
                return
            try:
                await reconcile_unknown(self, startup=False)
                await asyncio.to_thread(self._forget_old)
            except Exception:
                log.exception("dispatcher housekeeping failed; retrying")

    def _forget_old(self) -> None:
        now = utcnow()
        with self.db.transaction() as session:
            forgotten = forget_old_early_reports(session, now=now)
            forget_old_beats(session, name=self.name, now=now)
        if forgotten:
            log.info("forgot %d early delivery reports no message claimed", forgotten)

    # --- claimer -------------------------------------------------------------------------------------------

    async def _claimer(self) -> None:
        """Claims work until stopped; a database error is logged and retried, never fatal to the worker."""
        while not self._stopping.is_set():
            try:
                await self._claim_loop()
            except Exception:
                log.exception("dispatcher claim loop failed; retrying in 2 s")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), 2.0)

    async def _claim_loop(self) -> None:
        while not self._stopping.is_set():
            room = self.batch_size * 2 - self.queue.qsize() - self.in_flight
            limit = min(room, self.batch_size)
            claimed: list[Claimed] = []
            held_back = 0
            if room > 0:
                claimed, held_back = await asyncio.to_thread(self._claim, limit)
            self._last_claimed = len(claimed)
            self._cycles += 1
            letters = [c for c in claimed if c.channel is Channel.LETTER]
            for item in claimed:
                if item.channel is not Channel.LETTER:
                    self.pending[self._key(item)] += 1
                    self.queue.put_nowait(item)
            if letters:
                self.outcomes.extend(
                    await print_letters(self.printer, letters, out_dir=self.settings.letters_dir)
                )
            if held_back and len(claimed) < limit:
                # All else that is due waits for its campaign's rate: claiming again at once would take a row
                # or two per round, each round a full read of the due rows (CPU that delays the paced sends).
                # After a quarter of the time claimed ahead, most of it is still waiting to be sent.
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), CLAIM_PAUSE)
            elif not claimed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), self.poll_interval)
            else:
                await asyncio.sleep(0)

    def _claim(self, limit: int) -> tuple[list[Claimed], int]:
        """The rows claimed, and how many more were due but left for their campaign's rate."""
        assert self.hasher is not None
        with self.db.transaction() as session:
            capacity = self._capacity(session)
            report = claim_batch(
                session,
                now=utcnow(),
                limit=limit,
                hasher=self.hasher,
                tz=self.settings.timezone,
                max_per_day=self.settings.max_outreach_per_day,
                capacity=capacity,
                worker_id=self.worker_id,
            )
        if report.skipped:
            log.info("skipped at claim time: %s", dict(report.skipped))
        return report.claimed, report.over_capacity

    def _capacity(self, session: Session) -> dict[tuple[int, str], int]:
        """Per campaign and channel, about a second of this worker's share: rows do not sit claimed long, and
        the re-check before the send sees what changed meanwhile."""
        capacity: dict[tuple[int, str], int] = {}
        live = session.execute(
            select(Campaign.id, Campaign.definition_revision, Campaign.definition).where(
                Campaign.state.in_(LIVE_STATES)
            )
        ).tuples()
        for cid, revision, stored in live:
            for channel, rate in self.definitions.get(cid, revision, stored).rate.items():
                if rate:
                    allowed = max(math.ceil(float(rate) / self.workers_sharing * AHEAD_SECONDS), 1)
                    capacity[(cid, channel)] = max(allowed - self.pending[(cid, channel)], 0)
        return capacity

    # --- senders -------------------------------------------------------------------------------------------

    async def _sender(self) -> None:
        while not self._stopping.is_set():
            try:
                item = await asyncio.wait_for(self.queue.get(), 0.2)
            except TimeoutError:
                continue
            self.in_flight += 1
            try:
                async with self.in_order.hold((item.channel, item.address)):
                    result = await self._send(item)
                self.outcomes.append((item, result))
                self.stats[type(result).__name__.lower()] += 1
            finally:
                self.in_flight -= 1
                self.pending[self._key(item)] -= 1

    def _limiter(self, item: Claimed) -> SlidingWindowLimiter | None:
        if item.rate <= 0:
            return None
        share = item.rate / self.workers_sharing
        return self.limits.get((item.campaign_id, item.channel), share, not_before=self._not_before)

    def _halted(self, item: Claimed) -> bool:
        return self._stopping.is_set() or self.recent.halted(item)

    async def _acquire(self, limiter: SlidingWindowLimiter, item: Claimed) -> Slot | None:
        """A rate slot, or _Aborted when the worker stops or the campaign is paused while it waits."""
        waiter = asyncio.ensure_future(limiter.acquire())
        while True:
            done, _ = await asyncio.wait({waiter}, timeout=0.1)
            if done:
                slot = waiter.result()
                if self._halted(item):
                    limiter.done(slot)
                    raise _Aborted
                return slot
            if self._halted(item):
                waiter.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    slot = await waiter
                    limiter.done(slot)
                raise _Aborted

    async def _send(self, item: Claimed) -> Outcome:
        if self._halted(item):
            return self.recent.put_back(item)
        limiter = self._limiter(item)
        slot = None
        if limiter is not None:
            try:
                slot = await self._acquire(limiter, item)
            except _Aborted:
                return self.recent.put_back(item)
        try:
            check = self.recent.recheck(item, utcnow())
            if check is not None:
                return check
            assert self.channels is not None
            result = await send_one(self.channels.get(item.channel), item, self.unsubscribe_links)
        finally:
            if limiter is not None:
                limiter.done(slot)
        if not isinstance(result, Sent):
            log.info("message %s to %s: %s", item.id, mask_address(item.address), result)
        return result

    @staticmethod
    def _key(item: Claimed) -> tuple[int, str]:
        return (item.campaign_id or 0, item.channel.value)

    # --- recorder ------------------------------------------------------------------------------------------

    async def _recorder(self) -> None:
        while not self._stopping.is_set():
            await asyncio.sleep(0.1)
            try:
                await self._flush_outcomes()
            except Exception:  # the outcomes stay in memory and are written on the next round
                log.exception("recording outcomes failed; retrying")

    async def _flush_outcomes(self) -> None:
        if not self.outcomes:
            return
        batch, self.outcomes = self.outcomes, []
        self._recording = True
        try:
            await asyncio.to_thread(self._record, batch)
        except BaseException:
            self.outcomes = batch + self.outcomes
            raise
        finally:
            self._recording = False

    def _record(self, batch: list[tuple[Claimed, Outcome]]) -> None:
        assert self.hasher is not None
        now = utcnow()
        with self.db.transaction() as session:
            failing = record_outcomes(session, outcomes=batch, now=now, hasher=self.hasher)
        # After the commit: a delivery report that came before the SID was written waits in the early table.
        sids = [result.provider_id for _, result in batch if isinstance(result, Sent) and result.provider_id]
        paused = record_delivery(self.db, settings=self.settings, now=now, recorded=sids, failing=failing)
        if paused:
            self.recent.stopped_campaigns |= set(paused)
            log.warning("campaigns %s paused themselves: too many failed sends", paused)


__all__ = ["AnotherWorkerRunning", "Dispatcher", "check_can_start"]
