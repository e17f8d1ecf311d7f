"""Heartbeats: each long-running part records its last tick for /healthz and for sharing send rates.

One upsert, not a read then an insert: several workers (and, in Telegram webhook mode, several web processes)
beat under the same name, and two first beats at once must not collide on the primary key.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON
from sqlalchemy import bindparam
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.orm import Session

from store.models import Heartbeat
from store.models import UTCDateTime

# Written as text: both SQLite and PostgreSQL speak this SQL, and SQLAlchemy cannot cache ON CONFLICT constructs.
BEAT = text(
    "INSERT INTO heartbeat (name, beat_at, info) VALUES (:name, :beat_at, :info) "
    "ON CONFLICT (name) DO UPDATE SET beat_at = excluded.beat_at, info = excluded.info"
).bindparams(bindparam("beat_at", type_=UTCDateTime()), bindparam("info", type_=JSON(none_as_null=True)))


def record_heartbeat(
    session: Session, *, name: str, now: datetime, info: dict[str, Any] | None = None
) -> None:
    session.execute(BEAT, {"name": name, "beat_at": now, "info": info})


def heartbeats(session: Session) -> dict[str, Heartbeat]:
    """Every part's last beat, by name (per-worker rows too: "dispatcher:<id>")."""
    return {beat.name: beat for beat in session.scalars(select(Heartbeat))}
