"""GET /healthz: is the database reachable, and are the scheduler and dispatcher alive.

The background parts write a `Heartbeat` row on every tick, wherever they run (one process or several), so
this answers for the whole deployment. Only an unreachable database is a 503: a stale heartbeat is reported
as "degraded" with its age, for monitoring to alert on without the load balancer dropping the web part.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from store.heartbeats import heartbeats
from store.models import utcnow
from web.deps import DbDep

router = APIRouter()

WATCHED = ("scheduler", "dispatcher")
STALE_AFTER_SECONDS = 120.0


@router.get("/healthz", include_in_schema=False)
def healthz(db: DbDep) -> JSONResponse:
    body: dict[str, Any] = {"status": "ok"}
    try:
        db.ping()
        with db.session() as session:
            beats = heartbeats(session)
        body["database"] = "ok"
    except Exception as exc:  # the point of a health check is to report, not raise
        body.update(status="error", database=str(exc.__class__.__name__))
        return JSONResponse(body, status_code=503)
    now = utcnow()
    parts: dict[str, Any] = {}
    # Per-worker rows ("dispatcher:<id>") are counted, not listed: dead workers' rows stay behind.
    workers = {name: 0 for name in WATCHED}
    for name, beat in beats.items():
        part, _, worker = name.partition(":")
        if worker and part in workers and (now - beat.beat_at).total_seconds() <= STALE_AFTER_SECONDS:
            workers[part] += 1
    for name in sorted(set(WATCHED) | {n for n in beats if ":" not in n}):
        last = beats.get(name)
        if last is None:
            parts[name] = {"alive": False, "last_tick_age_seconds": None}
            continue
        age = round((now - last.beat_at).total_seconds(), 1)
        parts[name] = {"alive": age <= STALE_AFTER_SECONDS, "last_tick_age_seconds": age}
        if workers.get(name):
            parts[name]["workers"] = workers[name]
    body["parts"] = parts
    if any(not parts[name]["alive"] for name in WATCHED):
        body["status"] = "degraded"
    return JSONResponse(body)
