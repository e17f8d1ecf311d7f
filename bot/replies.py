"""Inbound messages for staff (`jeger replies list`), and answering as a company on the sandbox channel."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from settings import Settings
from store.masking import mask_address
from store.models import Channel, Company, Intent, Reply
from store.phones import normalize_phone

from .engine import Inbound, Outcome, handle_inbound
from .sms import record_answers


def list_replies(
    session: Session,
    *,
    campaign_id: int | None = None,
    intent: Intent | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    query = (
        select(Reply, Company.orgnr, Company.name)
        .outerjoin(Company, Company.id == Reply.company_id)
        .order_by(Reply.received_at.desc(), Reply.id.desc())
    )
    if campaign_id is not None:
        query = query.where(Reply.campaign_id == campaign_id)
    if intent is not None:
        query = query.where(Reply.intent == intent)
    if limit:
        query = query.limit(limit)
    return [
        {
            "id": reply.id,
            "received_at": reply.received_at.isoformat(),
            "channel": reply.channel,
            "sender": mask_address(reply.sender),
            "orgnr": orgnr,
            "company": name,
            "campaign_id": reply.campaign_id,
            "intent": reply.intent.value,
            "text": reply.text,
            "handled": reply.handled_at is not None,
        }
        for reply, orgnr, name in session.execute(query).tuples()
    ]


class SandboxError(ValueError):
    pass


def sandbox_reply(
    session: Session, *, sender: str, text: str, settings: Settings
) -> tuple[Outcome, list[str]]:
    """Runs the same engine as the webhooks for a company answering on the sandbox channel: a phone number
    (+47 or eight digits) writes by SMS, any other run of digits is a Telegram chat id. The answers are stored as sandbox messages."""
    compact = sender.replace(" ", "")
    if compact.isdigit() and len(compact) != 8:  # a Norwegian number without +47 has eight digits
        channel, address = Channel.TELEGRAM, sender
    else:
        phone = normalize_phone(sender)
        if phone is None:
            raise SandboxError(f"'{sender}' is neither a phone number nor a Telegram chat id")
        channel, address = Channel.SMS, phone
    outcome = handle_inbound(
        session,
        inbound=Inbound(
            channel=channel.value, sender=address, text=text, provider_id=f"sandbox-{uuid.uuid4().hex}"
        ),
        settings=settings,
    )
    texts = [a.text for a in outcome.answers]
    record_answers(
        session, channel=channel, address=address, outcome=outcome, provider="sandbox", texts=texts
    )
    return outcome, texts
