"""Resolves outbox rows whose fate is unknown: the worker died between the provider call and the record.

Such rows (`sending` past their lease; at start-up on SQLite, where only one worker runs, all of them) become
`unknown`. SMS is then looked up at Twilio: a message to that number since the attempt with the same body means
it went out (its SID and status are adopted); none means it never left, and the row is queued again. Sandbox rows
never left the machine and are queued again. Telegram and e-mail have no way to ask, so those rows stay
`unknown` and staff are told: resending might send twice, which PRODUCT §3 forbids.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from store.models import Channel, Message, MessageState, Notice, utcnow

if TYPE_CHECKING:
    from .dispatcher import Dispatcher

log = logging.getLogger(__name__)

TWILIO_STATES = {
    "accepted": MessageState.SENT,
    "queued": MessageState.SENT,
    "sending": MessageState.SENT,
    "sent": MessageState.SENT,
    "scheduled": MessageState.SENT,
    "delivered": MessageState.DELIVERED,
    "read": MessageState.DELIVERED,
    "undelivered": MessageState.UNDELIVERED,
    "failed": MessageState.FAILED,
    "canceled": MessageState.FAILED,
}


def mark_unknown(dispatcher: Dispatcher, *, startup: bool) -> list[dict[str, Any]]:
    now = utcnow()
    single_worker = not dispatcher.db.is_postgres
    cutoff = now if (startup and single_worker) else now - dispatcher.lease
    with dispatcher.db.transaction() as session:
        query = select(Message).where(
            Message.state == MessageState.SENDING, Message.last_attempt_at <= cutoff
        )
        if dispatcher.db.is_postgres:
            query = query.with_for_update(skip_locked=True)
        rows = list(session.scalars(query))
        for message in rows:
            message.state = MessageState.UNKNOWN
            message.state_changed_at = now
        pending = list(
            session.scalars(select(Message).where(Message.state == MessageState.UNKNOWN).limit(1000))
        )
        return [
            {
                "id": m.id,
                "channel": m.channel,
                "address": m.address,
                "body": m.body or "",
                "since": (m.last_attempt_at or now) - timedelta(minutes=2),
                "provider": m.provider,
            }
            for m in pending
        ]


async def reconcile_unknown(dispatcher: Dispatcher, *, startup: bool) -> None:
    import asyncio

    unknown = await asyncio.to_thread(mark_unknown, dispatcher, startup=startup)
    if not unknown:
        return
    assert dispatcher.channels is not None
    decisions: list[tuple[int, dict[str, Any]]] = []
    for row in unknown:
        adapter = dispatcher.channels.get(row["channel"])
        if (adapter is not None and adapter.provider == "sandbox") or row["channel"] is Channel.LETTER:
            decisions.append((row["id"], {"state": MessageState.QUEUED}))
            continue
        finder = getattr(adapter, "find_sent", None)
        if finder is None or not row["address"]:
            continue  # stays unknown: staff decide
        try:
            found = await finder(to=row["address"], since=row["since"])
        except Exception:
            log.exception("reconciliation lookup failed for message %s; will retry", row["id"])
            continue
        match = next((p for p in found if p.body == row["body"]), None)
        if match is None:
            decisions.append((row["id"], {"state": MessageState.QUEUED}))
        else:
            decisions.append(
                (
                    row["id"],
                    {
                        "state": TWILIO_STATES.get(match.status, MessageState.SENT),
                        "provider": adapter.provider,  # type: ignore[union-attr]
                        "provider_id": match.provider_id,
                        "sent_at": match.created_at or utcnow(),
                        "error_code": match.error_code,
                    },
                )
            )
    await asyncio.to_thread(_apply, dispatcher, decisions, len(unknown))


def _apply(dispatcher: Dispatcher, decisions: list[tuple[int, dict[str, Any]]], total: int) -> None:
    now = utcnow()
    with dispatcher.db.transaction() as session:
        for message_id, values in decisions:
            session.execute(
                update(Message)
                .where(Message.id == message_id, Message.state == MessageState.UNKNOWN)
                .values(state_changed_at=now, **values)
                .execution_options(synchronize_session=False)
            )
        left = total - len(decisions)
        if left:
            exists = session.scalar(
                select(Notice.id).where(Notice.kind == "messages_unknown", Notice.read_at.is_(None))
            )
            if exists is None:
                session.add(
                    Notice(
                        kind="messages_unknown",
                        text=f"{left} meldinger har ukjent status etter et avbrudd (Telegram/e-post kan ikke "
                        "etterprøves). Sjekk leveringsrapporten før noe sendes på nytt.",
                    )
                )
    if decisions:
        log.info("reconciled %d unknown messages (%d left for staff)", len(decisions), total - len(decisions))
