"""Inbound messages for staff: the list (`jeger replies list`, the dashboard's inbox) and its downloads
(`jeger replies export`, the inbox's CSV and XLSX). A read model joining replies, companies and the Telegram
buttons we sent, so it lives with the other reports rather than in the bot that records the replies.

Reply texts are whatever a sender typed, so they go through `exports.tables` like every other export."""

from __future__ import annotations

from datetime import datetime
from typing import IO
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from exports import tables
from reports.overview import button_labels
from staff.scopes import EVERYTHING
from staff.scopes import Scope
from store.masking import mask_address
from store.models import Channel
from store.models import Company
from store.models import Intent
from store.models import Message
from store.models import Reply
from store.times import OSLO
from store.times import iso_oslo

COLUMNS = ["id", "received_at", "channel", "sender", "orgnr", "company", "campaign_id", "intent", "text", "handled"]  # fmt: skip


def list_replies(
    session: Session,
    *,
    campaign_id: int | None = None,
    intent: Intent | None = None,
    limit: int | None = None,
    scope: Scope = EVERYTHING,
) -> list[dict[str, Any]]:
    query = (
        select(Reply, Company.orgnr, Company.name)
        .outerjoin(Company, Company.id == Reply.company_id)
        .where(scope.replies())
        .order_by(Reply.received_at.desc(), Reply.id.desc())
    )
    if campaign_id is not None:
        query = query.where(Reply.campaign_id == campaign_id)
    if intent is not None:
        query = query.where(Reply.intent == intent)
    if limit:
        query = query.limit(limit)
    found = session.execute(query).tuples().all()
    taps = _tap_labels(session, [reply for reply, _, _ in found])
    return [
        {
            "id": reply.id,
            "received_at": iso_oslo(reply.received_at),
            "channel": reply.channel,
            "sender": mask_address(reply.sender),
            "orgnr": orgnr,
            "company": name,
            "campaign_id": reply.campaign_id,
            "intent": reply.intent.value,
            "text": reply.text,
            "button": taps.get(reply.text or "") if reply.channel == "telegram" else None,
            "handled": reply.handled_at is not None,
        }
        for reply, orgnr, name in found
    ]


def _tap_labels(session: Session, replies: list[Reply]) -> dict[str, str]:
    """Callback data -> button label for the Telegram taps among `replies` (stored as codes such as
    `lead:claim:39`), from the buttons we sent to those chats."""
    chats = {r.sender for r in replies if r.channel == "telegram" and r.sender and ":" in (r.text or "")}
    if not chats:
        return {}
    sent = session.scalars(
        select(Message).where(
            Message.channel == Channel.TELEGRAM, Message.address.in_(chats), Message.extra.is_not(None)
        )
    )
    return button_labels(list(sent))


def reply_rows(
    session: Session,
    *,
    campaign_id: int | None = None,
    intent: Intent | None = None,
    scope: Scope = EVERYTHING,
) -> list[dict[str, Any]]:
    """One dict per reply (keys = COLUMNS), newest first, senders masked, times in Europe/Oslo; a county
    officer's scope keeps the replies of companies in their counties."""
    rows = list_replies(session, campaign_id=campaign_id, intent=intent, scope=scope)
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
