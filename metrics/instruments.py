"""Process counters the code increments as things happen: webhook requests, rejections and authentic requests
ignored as malformed (the web process receives every webhook, so its /metrics has them all) and
`jeger_send_latency_seconds`, the provider call time, which only counts the sends of the process that serves
the scrape (with a separate worker: use `jeger_send_duration_seconds` from `metrics.outbox`)."""

from __future__ import annotations

from prometheus_client import Counter
from prometheus_client import Histogram

BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
SEND_LATENCY = Histogram(
    "jeger_send_latency_seconds",
    "Time to hand one message to its provider, by channel (sends of this process only).",
    ["channel"],
    buckets=BUCKETS,
)
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
