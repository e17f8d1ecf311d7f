"""The dispatcher (`jeger worker`, and inside `jeger serve`): empties the outbox at the pace providers allow.

    claimer --(claimed rows, already `sending`)--> queue --> N senders --(outcomes)--> recorder
       ^ reads due rows, checks them, claims                 ^ rate limit, provider call     ^ one commit per batch

The database is the queue: rows are claimed with a conditional update (FOR UPDATE SKIP LOCKED on PostgreSQL,
so any number of workers share one outbox; on SQLite run one worker). Each claim commits before the provider is
called; a worker killed at any moment leaves `sending` rows, which the next start marks `unknown` and
reconciles against the provider, never resending blindly. Pause and cancel are re-read twice a second.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections import Counter, defaultdict
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from channels.base import ChannelAdapter, Failed, OutgoingMessage, RetryLater, SendResult, Sent
from channels.letters import LetterPrinter
from channels.registry import build_channels, close_channels
from settings import Settings
from store.db import Database
from store.masking import mask_address
from store.models import Campaign, Channel, Heartbeat, Message, MessageState, utcnow
from store.secrets import AddressHasher

from .dispatch_claim import LIVE_STATES, Claimed, claim_batch, release
from .dispatch_outcome import pause_failing_campaigns, record_outcomes
from .ratelimit import RateLimits
from .reconcile import reconcile_unknown

log = logging.getLogger(__name__)
SEND_TIMEOUT = 30.0


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
        lease_seconds: float = 60.0,
    ) -> None:
        self.settings = settings
        self.db = db
        self.channels = channels
        self.batch_size = batch_size
        self.concurrency = concurrency
        self.poll_interval = poll_interval
        self.lease = timedelta(seconds=lease_seconds)
        self.worker_id = uuid.uuid4().hex[:12]
        self.limits = RateLimits()
        self.queue: asyncio.Queue[Claimed] = asyncio.Queue()
        self.outcomes: list[tuple[Claimed, SendResult]] = []
        self.stopped_campaigns: set[int] = set()
        self.pending: Counter[tuple[int, str]] = Counter()  # claimed, not yet sent, per campaign and channel
        self.in_flight = 0
        self.workers_sharing = 1
        self.hasher: AddressHasher | None = None
        self.printer: LetterPrinter | None = None
        self._stopping = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._last_claimed = 0
        self._cycles = 0
        self._recording = False  # a batch of outcomes is being written: its rows are neither here nor there

    # --- lifecycle -----------------------------------------------------------------------------------------

    async def start(self) -> None:
        if self.channels is None:
            self.channels = build_channels(self.settings)
        self.hasher = await asyncio.to_thread(self._load_hasher)
        await reconcile_unknown(self, startup=True)
        self._stopping.clear()
        self._tasks = [
            asyncio.create_task(self._claimer(), name="dispatch-claimer"),
            asyncio.create_task(self._recorder(), name="dispatch-recorder"),
            *(
                asyncio.create_task(self._sender(), name=f"dispatch-sender-{i}")
                for i in range(self.concurrency)
            ),
        ]
        log.info("dispatcher %s started (%d senders)", self.worker_id, self.concurrency)

    async def stop(self) -> None:
        """Finishes what was claimed (those rows are already `sending`), records it, and stops."""
        self._stopping.set()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        await self._flush_outcomes()
        if self.printer is not None:
            await self.printer.close()
            self.printer = None
        if self.channels:
            await close_channels(self.channels)

    async def drain(self, timeout: float = 60.0, retries_within: float = 10.0) -> None:
        """Starts, sends everything that is due (waiting for retries due within `retries_within` seconds), and
        stops: for tests and one-off runs."""
        await self.start()
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
                if not await asyncio.to_thread(self._retry_due_soon, retries_within):
                    break
                idle_since = None
        await self.stop()

    def _retry_due_soon(self, within: float) -> bool:
        with self.db.session() as session:
            soon = session.scalar(
                select(Message.id)
                .outerjoin(Campaign, Campaign.id == Message.campaign_id)
                .where(
                    Message.state == MessageState.QUEUED,
                    Message.attempts > 0,
                    Message.due_at <= utcnow() + timedelta(seconds=within),
                    (Campaign.id.is_(None)) | (Campaign.state.in_(LIVE_STATES)),
                )
                .limit(1)
            )
        return soon is not None

    def _load_hasher(self) -> AddressHasher:
        with self.db.session() as session:
            return AddressHasher.load(session)

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
        last_refresh = 0.0
        last_reconcile = time.monotonic()
        while not self._stopping.is_set():
            now_mono = time.monotonic()
            if now_mono - last_refresh >= 0.5:
                await asyncio.to_thread(self._refresh)
                last_refresh = now_mono
            if now_mono - last_reconcile >= 30:
                await reconcile_unknown(self, startup=False)
                last_reconcile = now_mono
            room = self.batch_size * 2 - self.queue.qsize() - self.in_flight
            claimed: list[Claimed] = []
            if room > 0:
                claimed = await asyncio.to_thread(self._claim, min(room, self.batch_size))
            self._last_claimed = len(claimed)
            self._cycles += 1
            letters = [c for c in claimed if c.channel is Channel.LETTER]
            for item in claimed:
                if item.channel is not Channel.LETTER:
                    self.pending[self._key(item)] += 1
                    self.queue.put_nowait(item)
            if letters:
                await self._print(letters)
            if not claimed:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._stopping.wait(), self.poll_interval)
            else:
                await asyncio.sleep(0)

    def _claim(self, limit: int) -> list[Claimed]:
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
            )
        if report.skipped:
            log.info("skipped at send time: %s", dict(report.skipped))
        return report.claimed

    def _capacity(self, session: Session) -> dict[tuple[int, str], int]:
        """Per campaign and channel, about two seconds of work: a pause then takes effect within two seconds."""
        capacity: dict[tuple[int, str], int] = {}
        live = session.execute(
            select(Campaign.id, Campaign.definition).where(Campaign.state.in_(LIVE_STATES))
        )
        for cid, definition in live:
            for channel, rate in ((definition or {}).get("rate") or {}).items():
                if rate:
                    allowed = max(int(float(rate) / self.workers_sharing * 2), 1)
                    capacity[(cid, channel)] = max(allowed - self.pending[(cid, channel)], 0)
        return capacity

    def _refresh(self) -> None:
        """Re-reads which campaigns may send, and how many workers share the rates; beats the heartbeat."""
        now = utcnow()
        with self.db.transaction() as session:
            self.stopped_campaigns = set(
                session.scalars(select(Campaign.id).where(Campaign.state.not_in(LIVE_STATES)))
            )
            for name in (self.name, f"{self.name}:{self.worker_id}"):
                beat = session.get(Heartbeat, name)
                if beat is None:
                    session.add(Heartbeat(name=name, beat_at=now, info={"worker": self.worker_id}))
                else:
                    beat.beat_at = now
                    beat.info = {
                        "worker": self.worker_id,
                        "queue": self.queue.qsize(),
                        "in_flight": self.in_flight,
                    }
            fresh = session.scalars(
                select(Heartbeat.name).where(
                    Heartbeat.name.like(f"{self.name}:%"), Heartbeat.beat_at >= now - timedelta(seconds=10)
                )
            ).all()
            self.workers_sharing = max(len(fresh), 1)

    # --- senders -------------------------------------------------------------------------------------------

    async def _sender(self) -> None:
        while True:
            if self._stopping.is_set() and self.queue.empty():
                return
            try:
                item = await asyncio.wait_for(self.queue.get(), 0.2)
            except TimeoutError:
                continue
            self.in_flight += 1
            try:
                result = await self._send(item)
                if result is None:
                    await asyncio.to_thread(self._release, [item.id])
                else:
                    self.outcomes.append((item, result))
            finally:
                self.in_flight -= 1
                self.pending[self._key(item)] -= 1

    async def _send(self, item: Claimed) -> SendResult | None:
        if item.campaign_id in self.stopped_campaigns:
            return None
        limiter = (
            self.limits.get((item.campaign_id, item.channel), item.rate / self.workers_sharing)
            if item.rate > 0
            else None
        )
        slot = await limiter.acquire() if limiter else None
        if item.campaign_id in self.stopped_campaigns:  # paused while it waited for its turn
            if limiter:
                limiter.done(slot)
            return None
        assert self.channels is not None
        adapter = self.channels.get(item.channel)
        if adapter is None:
            return Failed(reason=f"no adapter for channel {item.channel.value}")
        message = OutgoingMessage(
            message_id=item.id,
            channel=item.channel,
            address=item.address,
            body=item.body,
            subject=item.subject,
            html=item.html,
            extra=item.extra,
        )
        started = time.perf_counter()
        try:
            result = await asyncio.wait_for(adapter.send(message), SEND_TIMEOUT)
        except TimeoutError:
            result = RetryLater(reason=f"no answer from {adapter.provider} within {SEND_TIMEOUT:.0f} s")
        except (
            Exception
        ) as exc:  # an adapter bug must not kill the sender: the row is retried with the reason
            log.exception("adapter %s raised for message %s", adapter.provider, item.id)
            result = RetryLater(reason=f"{exc.__class__.__name__}: {exc}")
        finally:
            if limiter:
                limiter.done(slot)
        _observe_latency(item.channel, time.perf_counter() - started)
        if not isinstance(result, Sent):
            log.info("message %s to %s: %s", item.id, mask_address(item.address), result)
        return result

    @staticmethod
    def _key(item: Claimed) -> tuple[int, str]:
        return (item.campaign_id or 0, item.channel.value)

    def _release(self, ids: list[int]) -> None:
        with self.db.transaction() as session:
            release(session, ids=ids)

    # --- recorder ------------------------------------------------------------------------------------------

    async def _recorder(self) -> None:
        while not (self._stopping.is_set() and self.queue.empty() and self.in_flight == 0):
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

    def _record(self, batch: list[tuple[Claimed, SendResult]]) -> None:
        assert self.hasher is not None
        now = utcnow()
        with self.db.transaction() as session:
            failing = record_outcomes(session, outcomes=batch, now=now, hasher=self.hasher)
            paused = pause_failing_campaigns(
                session,
                campaign_ids=failing,
                ratio=self.settings.failure_pause_ratio,
                window=self.settings.failure_pause_window,
                now=now,
            )
        if paused:
            self.stopped_campaigns |= set(paused)
            log.warning("campaigns %s paused themselves: too many failed sends", paused)

    # --- printed letters -----------------------------------------------------------------------------------

    async def _print(self, letters: list[Claimed]) -> None:
        """Prints a step's due letters as one merged PDF with its manifest; each row records its page."""
        from channels.letters import PrintLetter

        if self.printer is None:
            self.printer = LetterPrinter()
        by_step: dict[tuple[str, str], list[Claimed]] = defaultdict(list)
        for item in letters:
            by_step[(item.campaign_name or "kampanje", item.step_name or "brev")].append(item)
        for (campaign_name, step_name), items in by_step.items():
            try:
                batch = await self.printer.print_batch(
                    [
                        PrintLetter(orgnr=i.orgnr or "", name=i.company_name or "", html=i.html or i.body)
                        for i in items
                    ],
                    out_dir=self.settings.letters_dir,
                    campaign_name=campaign_name,
                    step_name=step_name,
                    day=utcnow().date(),
                )
            except Exception as exc:
                log.exception("printing %d letters failed", len(items))
                self.outcomes.extend((i, RetryLater(reason=f"printing failed: {exc}")) for i in items)
                continue
            for item, entry in zip(items, batch.entries, strict=True):
                self.outcomes.append(
                    (item, Sent(provider="print", provider_id=f"{batch.pdf_path.name}#{entry.page}"))
                )
            log.info("printed %d letters (%d pages) to %s", len(items), batch.pages, batch.pdf_path)


def _observe_latency(channel: Channel, seconds: float) -> None:
    try:
        from web.metrics import SEND_LATENCY
    except ImportError:  # the worker may run without the web package's extras
        return
    SEND_LATENCY.labels(channel=channel.value).observe(seconds)
