"""Prometheus metrics, below every domain package so that the dispatcher and the webhooks count into the same
instruments without importing the web edge (which only serves GET /metrics).

Two kinds. `metrics.outbox` reads the database at scrape time, so the web process reports for the whole
deployment even when `jeger worker` processes do the sending. `metrics.instruments` holds the process counters
the code increments as things happen.
"""
