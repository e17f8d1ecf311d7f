"""Prometheus metrics: GET /metrics.

Two kinds. From the database at scrape time, so the web process reports for the whole deployment even when
`jeger worker` processes do the sending: messages by channel, state and kind, the due outbox, heartbeat
ages, and `jeger_send_duration_seconds`, a histogram of claim-to-sent time (`sent_at - last_attempt_at`) of
the messages the dispatchers sent in the last hour. And process counters the code increments as things
happen: webhook requests, rejections and authentic requests ignored as malformed (the web process receives
every webhook, so its /metrics has them all) and `jeger_send_latency_seconds`, the provider call time, which only counts the sends of the process
that serves the scrape (with a separate worker: use `jeger_send_duration_seconds`).
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from fastapi import APIRouter, Request, Response
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.registry import Collector
from sqlalchemy import func, select

from store.db import Database
from store.models import Heartbeat, Message, MessageKind, MessageState, utcnow

log = logging.getLogger(__name__)
router = APIRouter()

BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
SEND_LATENCY = Histogram(
    "jeger_send_latency_seconds",
    "Time to hand one message to its provider, by channel (sends of this process only).",
    ["channel"],
    buckets=BUCKETS,
)
DURATION_WINDOW = timedelta(hours=1)
DURATION_ROWS = 50_000  # a scrape reads at most this many sends (about 14 per second for the hour)
DURATION_BUCKETS = (*BUCKETS, 60, 300)  # a claimed batch may wait behind the provider's rate limit
WEBHOOK_REQUESTS = Counter(
    "jeger_webhook_requests_total", "Webhook requests received, by webhook.", ["webhook"]
)
WEBHOOK_REJECTIONS = Counter(
    "jeger_webhook_rejections_total",
    "Webhook requests refused (bad signature, bad secret, too large), by webhook and reason.",
    ["webhook", "reason"],
)
WEBHOOK_IGNORED = Counter(
    "jeger_webhook_ignored_total",
    "Authentic webhook requests acknowledged but not acted on (malformed fields), by webhook and reason.",
    ["webhook", "reason"],
)


class OutboxCollector(Collector):
    """Reads the outbox and heartbeats when Prometheus scrapes; a database error yields no samples, not a 500."""

    def __init__(self, db: Database) -> None:
        self.db = db

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
                rows = session.execute(
                    select(Message.channel, Message.state, Message.kind, func.count()).group_by(
                        Message.channel, Message.state, Message.kind
                    )
                ).tuples()
                for channel, state, kind, count in rows:
                    messages.add_metric([channel.value, state.value, kind.value], count)
                due = session.execute(
                    select(Message.channel, func.count())
                    .where(Message.state == MessageState.QUEUED, Message.due_at <= now)
                    .group_by(Message.channel)
                ).tuples()
                for channel, count in due:
                    depth.add_metric([channel.value], count)
                for beat in session.scalars(select(Heartbeat)):
                    ages.add_metric([beat.name], (now - beat.beat_at).total_seconds())
                durations = _send_durations(session, now)
        except Exception:  # a scrape must not fail because the database is down; /healthz says that
            log.warning("metrics: database not readable", exc_info=True)
            return
        yield messages
        yield depth
        yield ages
        yield durations


def _send_durations(session: Any, now: Any) -> HistogramMetricFamily:
    """Claim (last_attempt_at) to sent (sent_at) of dispatcher sends in the last hour, whichever process sent
    them. Conversation answers are left out: the bot and the SMS webhook answer inline and record both times
    at once."""
    rows = session.execute(
        select(Message.channel, Message.last_attempt_at, Message.sent_at)
        .where(
            Message.sent_at >= now - DURATION_WINDOW,
            Message.last_attempt_at.is_not(None),
            Message.kind != MessageKind.CONVERSATION,
        )
        .limit(DURATION_ROWS)
    ).tuples()
    per_channel: dict[str, tuple[list[int], float]] = {}
    for channel, claimed, sent in rows:
        seconds = max((sent - claimed).total_seconds(), 0.0)
        counts, total = per_channel.get(channel.value, ([0] * (len(DURATION_BUCKETS) + 1), 0.0))
        counts[bisect.bisect_left(DURATION_BUCKETS, seconds)] += 1
        per_channel[channel.value] = (counts, total + seconds)
    family = HistogramMetricFamily(
        "jeger_send_duration_seconds",
        "Claim-to-sent time of messages sent in the last hour, from the database (all workers), by channel.",
        labels=["channel"],
    )
    for channel, (counts, total) in sorted(per_channel.items()):
        cumulative, buckets = 0, []
        for bound, count in zip((*DURATION_BUCKETS, float("inf")), counts, strict=True):
            cumulative += count
            buckets.append(("+Inf" if bound == float("inf") else str(bound), cumulative))
        family.add_metric([channel], buckets, sum_value=total)
    return family


def build_registry(db: Database) -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(OutboxCollector(db))
    return registry


@router.get("/metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    registry: CollectorRegistry | None = getattr(request.app.state, "metrics_registry", None)
    if registry is None:
        registry = request.app.state.metrics_registry = build_registry(request.app.state.db)
    body = generate_latest(REGISTRY) + generate_latest(registry)
    return Response(body, media_type=CONTENT_TYPE_LATEST)
