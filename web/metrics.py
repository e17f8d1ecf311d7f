"""GET /metrics: the process counters of `metrics.instruments` and the scrape-time database readings of
`metrics.outbox`, in Prometheus' text format."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi import Request
from fastapi import Response
from prometheus_client import REGISTRY
from prometheus_client import CollectorRegistry
from prometheus_client import generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from campaigns.counts import message_counts
from metrics.outbox import build_registry

router = APIRouter()


@router.get("/metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    registry: CollectorRegistry | None = getattr(request.app.state, "metrics_registry", None)
    if registry is None:
        registry = request.app.state.metrics_registry = build_registry(request.app.state.db, message_counts)
    body = generate_latest(REGISTRY) + generate_latest(registry)
    return Response(body, media_type=CONTENT_TYPE_LATEST)
