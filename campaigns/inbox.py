"""The staff inbox: free-text replies that need a human, answered through the channel they came in on.

An answer is an outbox row of kind `conversation` at priority 0: the dispatcher sends it first, outside
campaign windows, on the same channel (SMS or Telegram) to the same sender. Callers commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.sms_text import analyse
from campaigns.sms_text import normalize_sms
from catalogue.phrases import Refusal
from staff.scopes import EVERYTHING
from staff.scopes import Scope
from store.keyset import Key
from store.keyset import Page
from store.keyset import page_of
from store.keyset import paged
from store.languages import DEFAULT_LANGUAGE
from store.models import Channel
from store.models import Company
from store.models import Intent
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import Reply
from store.models import utcnow

MAX_ANSWER = 1000  # characters; an SMS answer longer than this is a letter, not a reply


class InboxError(Refusal, ValueError):
    """The reply does not exist or cannot be answered (texts in catalogue.inbox)."""


@dataclass(frozen=True)
class InboxItem:
    reply: Reply
    company: Company | None


# Waiting questions oldest first, handled ones latest first; the id breaks ties (store.keyset).
WAITING = (Key(Reply.received_at, datetime), Key(Reply.id, int))
HANDLED = (Key(Reply.handled_at, datetime, descending=True), Key(Reply.id, int, descending=True))


def inbox(
    session: Session,
    *,
    handled: bool = False,
    limit: int = 200,
    scope: Scope = EVERYTHING,
    cursor: str | None = None,
) -> Page[InboxItem]:
    """Free-text replies, oldest unhandled first (or the latest handled ones), a page after `cursor`; a county
    officer gets those of companies in their counties (`Scope.replies`)."""
    query = (
        select(Reply, Company)
        .outerjoin(Company, Company.id == Reply.company_id)
        .where(Reply.intent == Intent.FREE_TEXT, scope.replies())
    )
    state = Reply.handled_at.is_not(None) if handled else Reply.handled_at.is_(None)
    keys = HANDLED if handled else WAITING
    found = session.execute(paged(query.where(state), keys, cursor=cursor, limit=limit)).tuples()
    items = [InboxItem(reply, company) for reply, company in found]
    return page_of(items, limit, lambda item: [getattr(item.reply, k.column.key) for k in keys])


def open_count(session: Session, *, scope: Scope = EVERYTHING) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(Reply)
            .where(Reply.intent == Intent.FREE_TEXT, Reply.handled_at.is_(None), scope.replies())
        )
        or 0
    )


def _channel_and_address(session: Session, reply: Reply) -> tuple[Channel, str]:
    """The same channel and sender when we can write back on it; a web reply gets an SMS to the mobile."""
    if reply.channel in (Channel.SMS.value, Channel.TELEGRAM.value, "sandbox") and reply.sender:
        channel = Channel.TELEGRAM if reply.channel == Channel.TELEGRAM.value else Channel.SMS
        return channel, reply.sender
    company = session.get(Company, reply.company_id) if reply.company_id else None
    if company is not None and company.mobile:
        return Channel.SMS, company.mobile
    raise InboxError("inbox_error_no_channel")


def _reply(session: Session, reply_id: int, scope: Scope) -> Reply:
    """The reply, if the scope shows it; any other id answers as if it did not exist."""
    reply = session.scalar(select(Reply).where(Reply.id == reply_id, scope.replies()))
    if reply is None:
        raise InboxError("inbox_error_unknown", id=reply_id)
    return reply


def answer_reply(
    session: Session, *, reply_id: int, text: str, staff_id: int | None, scope: Scope = EVERYTHING
) -> Message:
    """Queues the staff member's answer and marks the question handled."""
    reply = _reply(session, reply_id, scope)
    body = normalize_sms(text.strip())
    if not body:
        raise InboxError("Svaret er tomt.")
    if len(body) > MAX_ANSWER:
        raise InboxError(f"Svaret er for langt (over {MAX_ANSWER} tegn).")
    channel, address = _channel_and_address(session, reply)
    info = analyse(body) if channel == Channel.SMS else None
    message = Message(
        kind=MessageKind.CONVERSATION,
        priority=0,
        campaign_id=None,
        company_id=reply.company_id,
        channel=channel,
        address=address,
        language=DEFAULT_LANGUAGE,
        body=body,
        encoding=info.encoding if info else None,
        segments=info.segments if info else None,
        state=MessageState.QUEUED,
        due_at=utcnow(),
    )
    session.add(message)
    mark_handled(session, reply_id=reply_id, staff_id=staff_id, scope=scope)
    session.flush()
    return message


def mark_handled(
    session: Session, *, reply_id: int, staff_id: int | None, scope: Scope = EVERYTHING
) -> Reply:
    reply = _reply(session, reply_id, scope)
    if reply.handled_at is None:
        reply.handled_at = utcnow()
        reply.handled_by_id = staff_id
    session.flush()
    return reply
