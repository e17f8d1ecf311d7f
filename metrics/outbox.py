"""What /metrics reads from the database at scrape time: messages by channel, state and kind, the due outbox,
heartbeat ages, and `jeger_send_duration_seconds`, a histogram of claim-to-sent time
(`sent_at - last_attempt_at`) of the messages the dispatchers sent in the last hour, whichever process sent
them. The histogram's buckets are counted by the database: a busy hour is one grouped row per channel, not
tens of thousands of rows read into Python."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable
from collections.abc import Iterable
from collections.abc import Iterator
from datetime import datetime
from datetime import timedelta
from typing import Protocol

from prometheus_client import CollectorRegistry
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.core import HistogramMetricFamily
from prometheus_client.core import Metric
from prometheus_client.registry import Collector
from sqlalchemy import ColumnElement
from sqlalchemy import Float
from sqlalchemy import SQLColumnExpression
from sqlalchemy import case
from sqlalchemy import cast
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from metrics.instruments import BUCKETS
from store.db import Database
from store.models import Channel
from store.models import Heartbeat
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import utcnow

log = logging.getLogger(__name__)

DURATION_WINDOW = timedelta(hours=1)
DURATION_BUCKETS = (*BUCKETS, 60, 300)  # a claimed batch may wait behind the provider's rate limit


class Counted(Protocol):
    """A count of messages sharing a channel, state and kind (campaigns.counts.Tally)."""

    @property
    def channel(self) -> Channel: ...
    @property
    def state(self) -> MessageState: ...
    @property
    def kind(self) -> MessageKind: ...
    @property
    def count(self) -> int: ...


CountsReader = Callable[[Session], Iterable[Counted]]


class OutboxCollector(Collector):
    """Reads the outbox and heartbeats when Prometheus scrapes; a database error yields no samples, not a 500.
    `counts` reads the maintained message counts (campaigns.counts.message_counts, passed in by the web app:
    metrics sits below campaigns)."""

    def __init__(self, db: Database, counts: CountsReader) -> None:
        self.db = db
        self.counts = counts

    def collect(self) -> Iterator[Metric]:
        messages = GaugeMetricFamily(
            "jeger_messages", "Outbox rows by channel, state and kind.", labels=["channel", "state", "kind"]
        )
        depth = GaugeMetricFamily(
            "jeger_outbox_depth", "Queued messages that are due now, by channel.", labels=["channel"]
        )
        ages = GaugeMetricFamily(
            "jeger_heartbeat_age_seconds", "Seconds since each background part last ticked.", labels=["part"]
        )
        now = utcnow()
        try:
            with self.db.session() as session:
                by_key: dict[tuple[str, str, str], int] = defaultdict(int)
                for tally in self.counts(session):
                    by_key[tally.channel.value, tally.state.value, tally.kind.value] += tally.count
                for labels, count in sorted(by_key.items()):
                    messages.add_metric(list(labels), count)
                due = session.execute(
                    select(Message.channel, func.count())
                    .where(Message.state == MessageState.QUEUED, Message.due_at <= now)
                    .group_by(Message.channel)
                ).tuples()
                for channel, count in due:
                    depth.add_metric([channel.value], count)
                for beat in session.scalars(select(Heartbeat)):
                    ages.add_metric([beat.name], (now - beat.beat_at).total_seconds())
                durations = send_durations(session, now)
        except Exception:  # a scrape must not fail because the database is down; /healthz says that
            log.warning("metrics: database not readable", exc_info=True)
            return
        yield messages
        yield depth
        yield ages
        yield durations


def _seconds_between(
    session: Session, start: SQLColumnExpression[datetime | None], end: SQLColumnExpression[datetime | None]
) -> ColumnElement[float]:
    """`end - start` in seconds, as the database computes it (SQLite keeps times as text)."""
    if session.get_bind().dialect.name == "postgresql":
        return cast(func.extract("epoch", end - start), Float)
    return (func.julianday(end) - func.julianday(start)) * 86400.0


def send_durations(session: Session, now: datetime) -> HistogramMetricFamily:
    """Claim (last_attempt_at) to sent (sent_at) of dispatcher sends in the last hour, whichever process sent
    them. Conversation answers are left out: the bot and the SMS webhook answer inline and record both times
    at once. A clock step that puts `sent_at` before the claim counts as zero seconds."""
    raw = _seconds_between(session, Message.last_attempt_at, Message.sent_at)
    seconds = case((raw < 0, 0.0), else_=raw)
    # Prometheus buckets are cumulative ("le"): each one counts every send at or under its bound.
    cumulative = [func.sum(case((seconds <= bound, 1), else_=0)) for bound in DURATION_BUCKETS]
    rows = session.execute(
        select(Message.channel, func.count(), func.sum(seconds), *cumulative)
        .where(
            Message.sent_at >= now - DURATION_WINDOW,
            Message.last_attempt_at.is_not(None),
            Message.kind != MessageKind.CONVERSATION,
        )
        .group_by(Message.channel)
    ).all()
    family = HistogramMetricFamily(
        "jeger_send_duration_seconds",
        "Claim-to-sent time of messages sent in the last hour, from the database (all workers), by channel.",
        labels=["channel"],
    )
    for channel, count, total, *under in sorted(rows, key=lambda row: row[0].value):
        buckets = [(str(bound), int(n)) for bound, n in zip(DURATION_BUCKETS, under, strict=True)]
        family.add_metric([channel.value], [*buckets, ("+Inf", count)], sum_value=float(total or 0))
    return family


def build_registry(db: Database, counts: CountsReader) -> CollectorRegistry:
    """The scrape-time registry of one web app; the process counters live in prometheus' default registry."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(OutboxCollector(db, counts))
    return registry
