"""Prometheus metrics: GET /metrics.

Two kinds: process counters the code increments as things happen (send latency, webhook requests and
rejections; the dispatcher and webhook routes import them from here), and gauges computed from the database
at scrape time (messages by channel and state, outbox depth, heartbeat ages), so every process reports the
same truth whichever of them is scraped.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from fastapi import APIRouter, Request, Response
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.registry import Collector
from sqlalchemy import func, select

from store.db import Database
from store.models import Heartbeat, Message, MessageState, utcnow

log = logging.getLogger(__name__)
router = APIRouter()

SEND_LATENCY = Histogram(
    "jeger_send_latency_seconds",
    "Time to hand one message to its provider, by channel.",
    ["channel"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
WEBHOOK_REQUESTS = Counter(
    "jeger_webhook_requests_total", "Webhook requests received, by webhook.", ["webhook"]
)
WEBHOOK_REJECTIONS = Counter(
    "jeger_webhook_rejections_total",
    "Webhook requests refused (bad signature, bad secret, too large), by webhook and reason.",
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
        except Exception:  # a scrape must not fail because the database is down; /healthz says that
            log.warning("metrics: database not readable", exc_info=True)
            return
        yield messages
        yield depth
        yield ages


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
