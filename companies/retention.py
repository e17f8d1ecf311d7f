"""Retention (PRODUCT §9): message bodies and replies are deleted `RETENTION_MONTHS` after their campaign ends.

Rows without a campaign (answers inside a conversation, TwiML replies, messages from unknown senders, Telegram
commands, hunter chats and notifications, staff answers) have no end date, so their own age counts. What is
deleted is the personal part: texts, bodies, addresses and senders. The rows stay, so the anonymous counts
(intent, channel, state, dates) still add up in reports; idle conversation state goes entirely.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from typing import Any

from sqlalchemy import and_
from sqlalchemy import delete
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from settings import Settings
from store.models import UNSENT_STATES
from store.models import Campaign
from store.models import Conversation
from store.models import Message
from store.models import Reply

DAYS_PER_MONTH = 30.44


@dataclass(frozen=True)
class Purged:
    messages: int
    replies: int
    conversations: int

    @property
    def total(self) -> int:
        return self.messages + self.replies + self.conversations


def cutoff_for(now: datetime, settings: Settings) -> datetime:
    return now - timedelta(days=DAYS_PER_MONTH * settings.retention_months)


def _count(result: Any) -> int:
    return int(getattr(result, "rowcount", 0) or 0)


def purge(session: Session, *, now: datetime, settings: Settings) -> Purged:
    """Blanks what is older than the retention period; returns how many rows of each kind it touched."""
    cutoff = cutoff_for(now, settings)
    ended = select(Campaign.id).where(Campaign.ended_at.is_not(None), Campaign.ended_at < cutoff)
    message_expired = or_(
        Message.campaign_id.in_(ended),
        # Work still waiting to be sent is never blanked underneath the dispatcher.
        and_(Message.campaign_id.is_(None), Message.created_at < cutoff, Message.state.not_in(UNSENT_STATES)),
    )
    messages = session.execute(
        update(Message)
        .where(
            message_expired,
            or_(Message.body.is_not(None), Message.address.is_not(None), Message.html.is_not(None)),
        )
        .values(body=None, html=None, extra=None, subject=None, address=None, error=None)
        .execution_options(synchronize_session=False)
    )
    reply_expired = or_(
        Reply.campaign_id.in_(ended),
        and_(Reply.campaign_id.is_(None), Reply.received_at < cutoff),
    )
    replies = session.execute(
        update(Reply)
        .where(reply_expired, or_(Reply.text.is_not(None), Reply.sender.is_not(None)))
        .values(text=None, sender=None)
        .execution_options(synchronize_session=False)
    )
    conversations = session.execute(
        delete(Conversation)
        .where(Conversation.updated_at < cutoff)
        .execution_options(synchronize_session=False)
    )
    return Purged(_count(messages), _count(replies), _count(conversations))


def purge_expired(session: Session, *, now: datetime, settings: Settings) -> int:
    """The scheduler's daily job (scheduler.DAILY_JOBS); returns the rows touched."""
    return purge(session, now=now, settings=settings).total
