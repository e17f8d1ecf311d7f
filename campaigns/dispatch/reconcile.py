"""Resolves outbox rows whose fate is unknown: a worker died between the provider call and the record, or the
provider did not answer.

A `sending` row carries the tag of the worker that claimed it. Rows of a live worker are in flight and left
alone; rows of a dead one become `unknown` at once: a worker is dead when its heartbeat is missing or stale,
or when it ran on this host and its process is gone (that is how a restarted worker recognises its previous
incarnation, whose heartbeat is still fresh). A dead worker's rows wait DEATH_GRACE after its last beat, so
that a request it wrote just before dying has reached the provider before we ask.

SMS is then looked up at Twilio: a message to that number since the attempt with the same body means it went
out (its SID and status are adopted); none means it never left, and the row is queued again. Rows that became
`unknown` because Twilio did not answer are looked up only after UNKNOWN_SETTLE, when a slow acceptance would
show. Sandbox rows and printed letters never left the machine and are queued again. Telegram and e-mail have
no way to ask, so those rows stay `unknown` and staff are told: resending might send twice, which PRODUCT §3
forbids.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from typing import Any
from typing import Protocol

from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from campaigns.dispatch.delivery import FAILING
from campaigns.dispatch.delivery import TWILIO_STATES
from campaigns.dispatch.delivery import record_delivery
from catalogue.stored import stored_text
from channels.base import ChannelAdapter
from settings import Settings
from store.db import Database
from store.models import Channel
from store.models import Heartbeat
from store.models import Message
from store.models import MessageState
from store.models import Notice
from store.models import utcnow

log = logging.getLogger(__name__)

HOST = socket.gethostname()
WORKER_STALE = timedelta(seconds=30)  # a heartbeat this old (beaten twice a second) is a dead worker's
DEATH_GRACE = timedelta(seconds=2)
UNKNOWN_SETTLE = timedelta(seconds=30)
LOOKUPS_AT_ONCE = 10


class Worker(Protocol):
    """What reconciliation needs of the dispatcher that runs it: its database, heartbeat name and tag (to
    leave its own rows alone), how long a row Twilio did not answer for settles, the adapters to ask, and
    the settings (a failed message found here counts towards its campaign's pause).
    The dispatcher satisfies it; reconciliation never imports the dispatcher."""

    @property
    def db(self) -> Database: ...
    @property
    def name(self) -> str: ...
    @property
    def worker_id(self) -> str: ...
    @property
    def unknown_settle(self) -> timedelta: ...
    @property
    def channels(self) -> Mapping[Channel, ChannelAdapter] | None: ...
    @property
    def settings(self) -> Settings: ...


def process_started(pid: int) -> str | None:
    """When the process started (clock ticks since boot, from /proc), or None where there is no /proc: a
    reused pid then has another start time. In a container a restarted worker often gets the same pid."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            return stat.read().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


PROCESS_STARTED = process_started(os.getpid())


def process_alive(pid: int, started: str | None = None) -> bool:
    """Whether `pid` still runs (on this host) and, when its start time is known, is the same process."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, but another user's
        pass
    if started is not None:
        now = process_started(pid)
        return now is None or now == started
    return True


@dataclass(frozen=True)
class WorkerBeat:
    worker_id: str
    age: timedelta
    host: str | None
    pid: int | None
    started: str | None = None

    @property
    def dead(self) -> bool:
        if self.age > WORKER_STALE:
            return True
        return self.host == HOST and self.pid is not None and not process_alive(self.pid, self.started)


def worker_beats(session: Session, *, name: str, now: datetime) -> dict[str, WorkerBeat]:
    """Every dispatcher's last heartbeat, by worker id."""
    beats: dict[str, WorkerBeat] = {}
    for beat in session.scalars(select(Heartbeat).where(Heartbeat.name.like(f"{name}:%"))):
        worker_id = beat.name.split(":", 1)[1]
        info = beat.info or {}
        pid = info.get("pid")
        beats[worker_id] = WorkerBeat(
            worker_id=worker_id,
            age=now - beat.beat_at,
            host=info.get("host"),
            pid=int(pid) if isinstance(pid, int | str) and str(pid).isdigit() else None,
            started=str(info["started"]) if info.get("started") else None,
        )
    return beats


def mark_unknown(worker: Worker) -> tuple[list[dict[str, Any]], float]:
    """Marks dead workers' `sending` rows `unknown`; returns the rows to look up now, and how many seconds
    until rows of a worker that died just now may be marked too (0: none waiting)."""
    now = utcnow()
    wait = 0.0
    with worker.db.transaction() as session:
        beats = worker_beats(session, name=worker.name, now=now)
        query = select(Message.id, Message.claimed_by).where(Message.state == MessageState.SENDING)
        if worker.db.is_postgres:
            query = query.with_for_update(skip_locked=True, of=Message)
        orphans: list[int] = []
        for message_id, claimed_by in session.execute(query).tuples():
            if claimed_by == worker.worker_id:
                continue  # ours: in flight right now
            beat = beats.get(claimed_by) if claimed_by else None
            if beat is not None and not beat.dead:
                continue  # a live worker's: in flight
            if beat is not None and beat.age < DEATH_GRACE:
                wait = max(wait, (DEATH_GRACE - beat.age).total_seconds())
                continue
            orphans.append(message_id)
        if orphans:
            session.execute(
                update(Message)
                .where(Message.id.in_(orphans), Message.state == MessageState.SENDING)
                .values(state=MessageState.UNKNOWN, state_changed_at=now)
                .execution_options(synchronize_session=False)
            )
            log.warning("%d messages were in flight in a worker that died: reconciling", len(orphans))
        settled = now - worker.unknown_settle
        pending = list(
            session.scalars(
                select(Message)
                .where(
                    Message.state == MessageState.UNKNOWN,
                    Message.id.in_(orphans) | (Message.state_changed_at <= settled),
                )
                .order_by(Message.id)
                .limit(1000)
            )
        )
        rows = [
            {
                "id": m.id,
                "channel": m.channel,
                "address": m.address,
                "body": m.body or "",
                "since": m.last_attempt_at or m.state_changed_at,
            }
            for m in pending
        ]
    return rows, wait


async def reconcile_unknown(worker: Worker, *, startup: bool) -> None:
    """One reconciliation pass. At start-up it waits (at most DEATH_GRACE) for the rows of a previous
    incarnation that died just now, so that they are resolved before anything is claimed."""
    unknown, wait = await asyncio.to_thread(mark_unknown, worker)
    while startup and wait > 0:
        await asyncio.sleep(wait)
        more, wait = await asyncio.to_thread(mark_unknown, worker)
        known = {row["id"] for row in unknown}
        unknown += [row for row in more if row["id"] not in known]
    if not unknown:
        return
    assert worker.channels is not None
    semaphore = asyncio.Semaphore(LOOKUPS_AT_ONCE)

    async def decide(row: dict[str, Any]) -> tuple[int, dict[str, Any]] | None:
        adapter = worker.channels.get(row["channel"]) if worker.channels else None
        if (adapter is not None and adapter.provider == "sandbox") or row["channel"] is Channel.LETTER:
            return row["id"], {"state": MessageState.QUEUED}
        finder = getattr(adapter, "find_sent", None)
        if finder is None or not row["address"]:
            return None  # stays unknown: staff decide
        try:
            async with semaphore:
                found = await finder(to=row["address"], since=row["since"], body=row["body"])
        except Exception:
            log.exception("reconciliation lookup failed for message %s; will retry", row["id"])
            return None
        match = next((p for p in found if p.body == row["body"]), None)
        if match is None:
            return row["id"], {"state": MessageState.QUEUED}
        return (
            row["id"],
            {
                "state": TWILIO_STATES.get(match.status, MessageState.SENT),
                "provider": adapter.provider,  # type: ignore[union-attr]
                "provider_id": match.provider_id,
                "sent_at": match.created_at or utcnow(),
                "error_code": match.error_code,
                "error": None,
            },
        )

    results = await asyncio.gather(*(decide(row) for row in unknown))
    decisions = [d for d in results if d is not None]
    await asyncio.to_thread(_apply, worker, decisions, len(unknown))


def _apply(worker: Worker, decisions: list[tuple[int, dict[str, Any]]], total: int) -> None:
    now = utcnow()
    adopted: list[str] = []
    with worker.db.transaction() as session:
        for message_id, values in decisions:
            session.execute(
                update(Message)
                .where(Message.id == message_id, Message.state == MessageState.UNKNOWN)
                .values(state_changed_at=now, **values)
                .execution_options(synchronize_session=False)
            )
            if values.get("provider_id"):
                adopted.append(str(values["provider_id"]))
        found_failed = [message_id for message_id, values in decisions if values["state"] in FAILING]
        failing: set[int] = set()
        if found_failed:  # found failed at Twilio: counts towards the campaign's pause like a failed send
            failing = {
                cid
                for cid in session.scalars(
                    select(Message.campaign_id).where(
                        Message.id.in_(found_failed), Message.state.in_(FAILING)
                    )
                )
                if cid is not None
            }
        left = total - len(decisions)
        if left:
            exists = session.scalar(
                select(Notice.id).where(Notice.kind == "messages_unknown", Notice.read_at.is_(None))
            )
            if exists is None:
                session.add(
                    Notice(
                        kind="messages_unknown",
                        text=stored_text("notice_messages_unknown", count=left),
                    )
                )
    # Delivery reports for an adopted SID may have arrived while the row was unknown.
    record_delivery(worker.db, settings=worker.settings, now=now, recorded=adopted, failing=failing)
    if decisions:
        log.info("reconciled %d unknown messages (%d left for staff)", len(decisions), total - len(decisions))
