"""Delivery reports from Twilio's status callbacks: idempotent, and never moving a message backwards."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Message, MessageState

from .reconcile import TWILIO_STATES

# How far along a message is; a callback may only move it to a higher rank (a late `sent` after
# `delivered` changes nothing). Final states share the top rank so they never overwrite each other.
RANK = {
    MessageState.QUEUED: 0,
    MessageState.UNKNOWN: 1,
    MessageState.SENDING: 1,
    MessageState.SENT: 2,
    MessageState.DELIVERED: 3,
    MessageState.UNDELIVERED: 3,
    MessageState.FAILED: 3,
}


def apply_status(
    session: Session, *, provider_id: str, status: str, error_code: str | None, at: datetime
) -> bool:
    """Applies one callback; returns whether anything changed. Unknown SIDs and stale states change nothing."""
    target = TWILIO_STATES.get(status.lower())
    if target is None:
        return False
    message = session.scalar(select(Message).where(Message.provider_id == provider_id).with_for_update())
    if message is None or message.state not in RANK or RANK[target] <= RANK[message.state]:
        return False
    message.state = target
    message.state_changed_at = at
    if target is MessageState.DELIVERED:
        message.delivered_at = at
    if target in (MessageState.FAILED, MessageState.UNDELIVERED):
        message.error_code = error_code
        message.error = f"Twilio reported {status}" + (f" ({error_code})" if error_code else "")
    if message.sent_at is None:
        message.sent_at = at
    return True
