"""Inbound messages for staff (`jeger replies list`), and answering as a company on the sandbox channel."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.engine import Inbound, Outcome, handle_inbound
from bot.sms import record_answers
from channels.registry import require_sandboxed
from companies.phones import normalize_phone
from reports.overview import button_labels
from settings import Settings
from store.masking import mask_address
from store.models import Channel, Company, Intent, Message, Reply
from store.times import iso_oslo


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


class SandboxError(ValueError):
    pass


TELEGRAM_PREFIXES = ("telegram:", "tg:")


def sandbox_address(sender: str, channel: str | None = None) -> tuple[Channel, str]:
    """Which channel a sandbox sender writes on. A Telegram chat id is a bare number and may have eight digits
    like a Norwegian phone number, so a bare number is always a chat id; a phone number is written with its
    country code (+47 …), or in groups ("912 34 567"), or chosen with `channel="sms"`. "tg:123" is a chat id."""
    raw = sender.strip()
    lowered = raw.lower()
    if channel not in (None, Channel.SMS.value, Channel.TELEGRAM.value):
        raise SandboxError(f"kanal «{channel}»: velg sms eller telegram")
    prefix = next((p for p in TELEGRAM_PREFIXES if lowered.startswith(p)), None)
    if prefix is not None:
        if channel == Channel.SMS.value:
            raise SandboxError(f"«{sender}» er en Telegram-chat, ikke et telefonnummer")
        raw, channel = raw[len(prefix) :].strip(), Channel.TELEGRAM.value
    chat_id = raw.removeprefix("-")
    is_chat_id = chat_id != "" and all(ch in "0123456789" for ch in chat_id) and len(chat_id) <= 20
    if channel == Channel.TELEGRAM.value or (channel is None and is_chat_id):
        if not is_chat_id:
            raise SandboxError(f"«{sender}» er ikke en Telegram-chat (et tall)")
        return Channel.TELEGRAM, raw
    phone = normalize_phone(raw)
    if phone is None:
        raise SandboxError(f"«{sender}» er verken et telefonnummer (+47 …) eller en Telegram-chat (et tall)")
    return Channel.SMS, phone


def sandbox_reply(
    session: Session, *, sender: str, text: str, settings: Settings, channel: str | None = None
) -> tuple[Outcome, list[str]]:
    """Runs the same engine as the webhooks for a company answering on the sandbox channel (see
    `sandbox_address` for how the sender picks SMS or Telegram). The answers are stored as sandbox messages.
    Refused with `channels.registry.ChannelLive` when that channel is live."""
    kind, address = sandbox_address(sender, channel)
    require_sandboxed(settings, kind)  # raises ChannelLive before anything is stored
    outcome = handle_inbound(
        session,
        inbound=Inbound(
            channel=kind.value, sender=address, text=text, provider_id=f"sandbox-{uuid.uuid4().hex}"
        ),
        settings=settings,
    )
    texts = [a.text for a in outcome.answers]
    record_answers(session, channel=kind, address=address, outcome=outcome, provider="sandbox", texts=texts)
    return outcome, texts
