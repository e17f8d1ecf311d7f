"""Reminders to the companies that said JA to a meeting (PRODUCT §11: "the day before").

A reminder is aimed at one day before the meeting; when the send window is shut then (a weekend, a holiday,
the evening), it goes at the last moment the window allows before that, never later, since a reminder after
the meeting is worse than none. A JA that comes after that moment still gets its reminder at once while the
window is open and the meeting has not begun. A scheduled job calls `queue_due_reminders` every few minutes;
the reminders go through the outbox as notifications at once, so the slack below is the job's interval plus
the dispatcher's delay.
"""

from __future__ import annotations

from datetime import datetime
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.definition_model import definition_of
from campaigns.meeting_notices import Notice
from campaigns.meeting_notices import queue_notice
from campaigns.windows import SendWindow
from settings import Settings
from store.models import Campaign
from store.models import Event
from store.models import Rsvp
from store.models import RsvpStatus
from store.models import utcnow

REMINDER_BEFORE = timedelta(days=1)
# The reminder job runs every 10 minutes; a reminder planned later than this before the window closes could
# find the window shut, and the next opening may be after the meeting.
REMINDER_SLACK = timedelta(minutes=30)
JOB_INTERVAL = timedelta(minutes=10)


def reminder_due(window: SendWindow, starts_at: datetime) -> datetime | None:
    """When the meeting's reminders go: the last moment the window allows at or before a day ahead of it."""
    return window.latest_open_before(starts_at - REMINDER_BEFORE, slack=REMINDER_SLACK)


def queue_due_reminders(session: Session, *, settings: Settings, now: datetime | None = None) -> int:
    """Queues the reminders that are due now; returns how many. The caller commits.

    Only while the campaign's window is open and the meeting has not begun; each yes-sayer once (a meeting
    moved to another time clears `reminded_at`, so the reminder then follows the new time)."""
    now = now or utcnow()
    events = session.execute(
        select(Event, Campaign)
        .join(Campaign, Campaign.id == Event.campaign_id)
        .where(Event.cancelled_at.is_(None), Event.starts_at > now + REMINDER_SLACK)
    ).tuples()
    queued = 0
    for event, campaign in events:
        window = SendWindow.of(definition_of(campaign).window, tz=settings.timezone)
        due = reminder_due(window, event.starts_at)
        if due is None or due > now or not window.is_open(now):
            continue
        waiting = session.scalars(
            select(Rsvp)
            .where(
                Rsvp.event_id == event.id,
                Rsvp.status == RsvpStatus.ATTENDING,
                Rsvp.reminded_at.is_(None),
            )
            .order_by(Rsvp.id)
            .with_for_update(skip_locked=True)
        ).all()
        for rsvp in waiting:
            rsvp.reminded_at = now
            queued += queue_notice(
                session, settings=settings, event=event, rsvp=rsvp, notice=Notice.REMINDER, now=now
            )
    session.flush()
    return queued
