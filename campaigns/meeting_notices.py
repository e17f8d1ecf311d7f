"""What a company that said JA to a meeting is told later: the reminder, a place freed from the waiting list,
a changed or a cancelled meeting (PRODUCT §11).

They go through the outbox as notifications (priority 0, sent at once), to where the company answered (its
phone or chat), else to where the invitation went; a printed letter has no address to write back to. An
address that has opted out, or a company that said STOPP, gets nothing (checked here, as the dispatcher checks
only campaign steps again at send time).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.meeting_texts import event_variables
from campaigns.render import MessageRenderer
from campaigns.sms_text import normalize_and_analyse
from catalogue import text
from companies.optout_records import is_opted_out
from settings import Settings
from store.models import Campaign
from store.models import Channel
from store.models import Company
from store.models import ContactKind
from store.models import Event
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import Rsvp
from store.secrets import AddressHasher

KIND_OF_CHANNEL = {
    Channel.SMS: ContactKind.PHONE,
    Channel.TELEGRAM: ContactKind.TELEGRAM,
    Channel.EMAIL: ContactKind.EMAIL,
}
REMINDER_TEMPLATE = "infomote_paaminnelse"


class Notice(StrEnum):
    REMINDER = "reminder"
    PROMOTED = "promoted"
    CHANGED = "changed"
    CANCELLED = "cancelled"


def notice_target(session: Session, *, event: Event, rsvp: Rsvp) -> tuple[Channel, str] | None:
    """Where the company answered from (a phone or a chat), else where the invitation went; None for a letter."""
    if rsvp.channel in (Channel.SMS.value, Channel.TELEGRAM.value) and rsvp.address:
        return Channel(rsvp.channel), rsvp.address
    row = session.execute(
        select(Message.channel, Message.address).where(
            Message.step_id == event.step_id,
            Message.company_id == rsvp.company_id,
            Message.address.is_not(None),
            Message.channel.in_((Channel.EMAIL, Channel.SMS, Channel.TELEGRAM)),
        )
    ).first()
    return (Channel(row[0]), str(row[1])) if row is not None else None


def queue_notice(
    session: Session, *, settings: Settings, event: Event, rsvp: Rsvp, notice: Notice, now: datetime
) -> int:
    """Queues one notice; returns 1, or 0 when the company cannot or must not be written to."""
    target = notice_target(session, event=event, rsvp=rsvp)
    # Fresh: identifiers (the short code the texts quote) may have been written by a Core statement.
    company = session.get(Company, rsvp.company_id, populate_existing=True)
    if target is None or company is None or company.never_contact:
        return 0
    channel, address = target
    if is_opted_out(
        session, hasher=AddressHasher.load(session), kind=KIND_OF_CHANNEL[channel], address=address
    ):
        return 0
    language = rsvp.language
    meeting = event_variables(event, language)
    subject: str | None = None
    html: str | None = None
    if notice is Notice.REMINDER:
        renderer = MessageRenderer(settings)
        campaign = session.get_one(Campaign, event.campaign_id)
        values = renderer.company_variables(company=company, campaign=campaign, language=language, on=now)
        values["event"] = meeting
        values["people"] = rsvp.people
        rendered = renderer.render(
            template=f"{channel.value}/{REMINDER_TEMPLATE}",
            channel=channel,
            language=language,
            variables=values,
        )
        subject, body, html = rendered.subject, rendered.body, rendered.html
    else:
        body = text(f"meeting_{notice.value}", language, **meeting)
        if channel is Channel.EMAIL:
            subject = text("meeting_notice_subject", language, **meeting)
    segments = encoding = None
    if channel is Channel.SMS:
        body, info = normalize_and_analyse(body)
        segments, encoding = info.segments, info.encoding
    session.add(
        Message(
            kind=MessageKind.NOTIFICATION,
            priority=0,
            campaign_id=event.campaign_id,
            company_id=company.id,
            channel=channel,
            address=address,
            language=language,
            subject=subject,
            body=body,
            html=html,
            segments=segments,
            encoding=encoding,
            state=MessageState.QUEUED,
            due_at=now,
            state_changed_at=now,
            created_at=now,
        )
    )
    return 1
