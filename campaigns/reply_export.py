"""Inbound messages as rows for staff downloads: `jeger replies export` and the dashboard's inbox downloads.

Reply texts are whatever a sender typed, so they go through `exports.tables` like every other export."""

from __future__ import annotations

from datetime import datetime
from typing import IO, Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.replies import list_replies
from exports import tables
from store.models import Intent

OSLO = ZoneInfo("Europe/Oslo")
COLUMNS = ["id", "received_at", "channel", "sender", "orgnr", "company", "campaign_id", "intent", "text", "handled"]  # fmt: skip


def reply_rows(
    session: Session, *, campaign_id: int | None = None, intent: Intent | None = None
) -> list[dict[str, Any]]:
    """One dict per reply (keys = COLUMNS), newest first, senders masked, times in Europe/Oslo."""
    rows = list_replies(session, campaign_id=campaign_id, intent=intent)
    for row in rows:
        row["received_at"] = (
            datetime.fromisoformat(row["received_at"]).astimezone(OSLO).isoformat(timespec="seconds")
        )
        row["channel"] = str(getattr(row["channel"], "value", row["channel"]))
    return rows


def write_csv(rows: list[dict[str, Any]], out: IO[str]) -> None:
    tables.write_csv(out, header=COLUMNS, rows=([row.get(c) for c in COLUMNS] for row in rows))


def write_xlsx(rows: list[dict[str, Any]], out: IO[bytes]) -> None:
    tables.write_xlsx(
        out, [tables.Sheet("Replies", COLUMNS, ([row.get(c) for c in COLUMNS] for row in rows))]
    )
