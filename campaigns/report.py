"""The delivery report of a campaign: one row per message, addresses masked (PRODUCT §9)."""

from __future__ import annotations

from datetime import datetime
from typing import IO, Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from exports import tables
from store.masking import mask_address
from store.models import CampaignStep, Company, Message

COLUMNS = ["message_id", "step", "orgnr", "company", "channel", "address", "state", "error_code", "error", "created_at", "sent_at", "delivered_at", "state_changed_at"]  # fmt: skip
OSLO = ZoneInfo("Europe/Oslo")


def _local(moment: datetime | None) -> str | None:
    return moment.astimezone(OSLO).isoformat(timespec="seconds") if moment else None


def delivery_rows(session: Session, *, campaign_id: int) -> list[dict[str, Any]]:
    query = (
        select(Message, CampaignStep.name, Company.orgnr, Company.name)
        .outerjoin(CampaignStep, CampaignStep.id == Message.step_id)
        .outerjoin(Company, Company.id == Message.company_id)
        .where(Message.campaign_id == campaign_id)
        .order_by(CampaignStep.position, Message.id)
    )
    return [
        {
            "message_id": m.id,
            "step": step,
            "orgnr": orgnr,
            "company": name,
            "channel": m.channel.value,
            "address": mask_address(m.address)
            if m.address
            else ("(print)" if m.channel.value == "letter" else ""),
            "state": m.state.value,
            "error_code": m.error_code,
            "error": m.error,
            "created_at": _local(m.created_at),
            "sent_at": _local(m.sent_at),
            "delivered_at": _local(m.delivered_at),
            "state_changed_at": _local(m.state_changed_at),
        }
        for m, step, orgnr, name in session.execute(query).tuples()
    ]


def write_csv(rows: list[dict[str, Any]], out: IO[str]) -> None:
    """CSV with the English columns; company names and errors come from outside, so cells are neutralised."""
    tables.write_csv(out, header=COLUMNS, rows=([row.get(c) for c in COLUMNS] for row in rows))


def write_xlsx(rows: list[dict[str, Any]], out: IO[bytes]) -> None:
    tables.write_xlsx(
        out, [tables.Sheet("Delivery report", COLUMNS, ([row.get(c) for c in COLUMNS] for row in rows))]
    )
