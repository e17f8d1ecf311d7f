"""The delivery report of a campaign: one row per message, addresses masked (PRODUCT §9)."""

from __future__ import annotations

from typing import IO, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.results import shown_state
from exports import tables
from store.masking import mask_address
from store.models import Campaign, CampaignState, CampaignStep, Company, Message, MessageState, WaitReason
from store.times import iso_oslo

COLUMNS = ["message_id", "step", "orgnr", "company", "channel", "address", "state", "wait_reason", "due_at", "error_code", "error", "created_at", "sent_at", "delivered_at", "state_changed_at"]  # fmt: skip


def delivery_rows(session: Session, *, campaign_id: int) -> list[dict[str, Any]]:
    """The state is counted as the progress table and the funnel count it (`shown_state`); a queued row says
    why it waits (`wait_reason`; every one of a paused campaign waits for the pause) and when it goes at the
    earliest (`due_at`); times in ISO 8601 with the Oslo offset."""
    campaign = session.get(Campaign, campaign_id)
    paused = campaign is not None and campaign.state is CampaignState.PAUSED
    query = (
        select(Message, shown_state(), CampaignStep.name, Company.orgnr, Company.name)
        .outerjoin(CampaignStep, CampaignStep.id == Message.step_id)
        .outerjoin(Company, Company.id == Message.company_id)
        .where(Message.campaign_id == campaign_id)
        .order_by(CampaignStep.position, Message.id)
    )
    rows: list[dict[str, Any]] = []
    for m, state, step, orgnr, name in session.execute(query).tuples():
        queued = m.state is MessageState.QUEUED
        reason = WaitReason.PAUSED if paused else m.wait_reason
        rows.append(
            {
                "message_id": m.id,
                "step": step,
                "orgnr": orgnr,
                "company": name,
                "channel": m.channel.value,
                "address": mask_address(m.address)
                if m.address
                else ("(print)" if m.channel.value == "letter" else ""),
                "state": str(state),
                "wait_reason": reason.value if queued and reason else None,
                "due_at": iso_oslo(m.due_at) if queued else None,
                "error_code": m.error_code,
                "error": m.error,
                "created_at": iso_oslo(m.created_at),
                "sent_at": iso_oslo(m.sent_at),
                "delivered_at": iso_oslo(m.delivered_at),
                "state_changed_at": iso_oslo(m.state_changed_at),
            }
        )
    return rows


def write_csv(rows: list[dict[str, Any]], out: IO[str]) -> None:
    """CSV with the English columns; company names and errors come from outside, so cells are neutralised."""
    tables.write_csv(out, header=COLUMNS, rows=([row.get(c) for c in COLUMNS] for row in rows))


def write_xlsx(rows: list[dict[str, Any]], out: IO[bytes]) -> None:
    tables.write_xlsx(
        out, [tables.Sheet("Delivery report", COLUMNS, ([row.get(c) for c in COLUMNS] for row in rows))]
    )
