"""Retention (PRODUCT §9): bodies, replies and addresses go RETENTION_MONTHS after the campaign ends, or after
their own age when they belong to no campaign; the anonymous counts stay."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.engine import Inbound
from bot.engine import handle_inbound
from companies.retention import purge
from companies.retention import purge_expired
from settings import Settings
from store.models import Campaign
from store.models import CampaignState
from store.models import Channel
from store.models import Conversation
from store.models import Intent
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import Reply
from store.models import utcnow
from tests.outbox_factories import make_campaign
from tests.outbox_factories import queue_messages

DAY = timedelta(days=1)


def test_a_campaign_ended_long_ago_loses_bodies_replies_and_addresses(
    session: Session, settings: Settings
) -> None:
    now = utcnow()
    old, old_step = make_campaign(session)
    (sent,) = queue_messages(session, campaign=old, step=old_step, count=1)
    sent.state, sent.sent_at = MessageState.DELIVERED, now - 600 * DAY
    reply = Reply(
        channel="sms", sender="+4791234567", text="JA", campaign_id=old.id, intent=Intent.INTERESTED,
        received_at=now - 599 * DAY,
    )  # fmt: skip
    recent, recent_step = make_campaign(session)
    (kept,) = queue_messages(session, campaign=recent, step=recent_step, count=1)
    kept_reply = Reply(channel="sms", sender="+4791234568", text="NEI", campaign_id=recent.id)
    session.add_all([reply, kept_reply])
    old.state, old.ended_at = CampaignState.COMPLETED, now - 19 * 31 * DAY
    recent.state, recent.ended_at = CampaignState.COMPLETED, now - 30 * DAY
    session.flush()

    result = purge(session, now=now, settings=settings)
    session.expire_all()

    assert result.messages == 1 and result.replies == 1
    assert (sent.body, sent.address, sent.extra) == (None, None, None)
    assert (sent.state, sent.channel, sent.sent_at is not None) == ("delivered", "sms", True)  # counts stay
    assert (reply.text, reply.sender) == (None, None)
    assert (reply.intent, reply.channel, reply.received_at is not None) == ("interested", "sms", True)
    assert kept.body and kept.address and kept_reply.text == "NEI" and kept_reply.sender
    assert purge(session, now=now, settings=settings).total == 0  # nothing left to do


def test_rows_without_a_campaign_go_after_their_own_age(session: Session, settings: Settings) -> None:
    """Conversation answers, TwiML replies, unknown senders, Telegram commands, hunter notifications."""
    now = utcnow()
    long_ago = now - timedelta(days=30.44 * settings.retention_months + 1)
    for text, sender in (("Kari Nordmann", "+4791234567"), ("JA", "+4740000001"), ("/leads", "5001")):
        handle_inbound(
            session,
            inbound=Inbound(
                channel="telegram" if sender.isdigit() else "sms",
                sender=sender,
                text=text,
                provider_id=f"old-{sender}",
                received_at=long_ago,
            ),
            settings=settings,
        )
    answer = Message(
        kind=MessageKind.CONVERSATION, channel=Channel.SMS, address="+4791234567", body="2/5 Hvilke lærefag?",
        state=MessageState.SENT, priority=0, created_at=long_ago,
    )  # fmt: skip
    notice = Message(
        kind=MessageKind.NOTIFICATION, channel=Channel.TELEGRAM, address="5001", body="Kontakt: Kari Nordmann",
        state=MessageState.SENT, priority=0, created_at=long_ago,
    )  # fmt: skip
    waiting = Message(
        kind=MessageKind.NOTIFICATION, channel=Channel.TELEGRAM, address="5002", body="still to send",
        state=MessageState.QUEUED, priority=0, created_at=long_ago,
    )  # fmt: skip
    fresh = Message(
        kind=MessageKind.CONVERSATION, channel=Channel.SMS, address="+4791234567", body="3/5",
        state=MessageState.SENT, priority=0, created_at=now - DAY,
    )  # fmt: skip
    session.add_all([answer, notice, waiting, fresh])
    handle_inbound(
        session,
        inbound=Inbound(channel="sms", sender="+4791234567", text="ny melding", provider_id="fresh"),
        settings=settings,
    )
    for conversation in session.scalars(select(Conversation)):
        if conversation.address != "+4791234567":
            conversation.updated_at = long_ago
    session.flush()

    assert purge_expired(session, now=now, settings=settings) > 0
    session.expire_all()

    old_replies = session.scalars(select(Reply).where(Reply.received_at < now - DAY)).all()
    assert len(old_replies) == 3 and all(r.text is None and r.sender is None for r in old_replies)
    assert {r.channel for r in old_replies} == {"sms", "telegram"}
    assert session.scalars(select(Reply.text).where(Reply.provider_id == "fresh")).one() == "ny melding"
    assert (answer.body, answer.address, notice.body, notice.address) == (None, None, None, None)
    assert (answer.kind, notice.kind, notice.state) == ("conversation", "notification", "sent")
    assert waiting.body == "still to send" and waiting.address == "5002"  # the dispatcher still needs it
    assert fresh.body == "3/5" and fresh.address == "+4791234567"
    assert session.scalars(select(Conversation.address)).all() == ["+4791234567"]
    assert session.scalar(select(func.count()).select_from(Reply)) == 4  # the counts stay


def test_a_running_campaign_keeps_its_texts_however_old(session: Session, settings: Settings) -> None:
    now = utcnow()
    campaign, step = make_campaign(session)
    (message,) = queue_messages(session, campaign=campaign, step=step, count=1)
    message.created_at = now - 800 * DAY
    session.add(Reply(channel="sms", sender="+4791234567", text="JA", campaign_id=campaign.id,
                      received_at=now - 700 * DAY))  # fmt: skip
    session.flush()
    assert purge(session, now=now, settings=settings).total == 0
    assert session.get_one(Campaign, campaign.id).ended_at is None and message.body
