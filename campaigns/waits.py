"""Why a campaign's queued messages wait, and until when, grouped for staff (issue 15, item 4).

The reason is decided where the message is held (materialise: the send window; the dispatcher's claim: window,
daily cap, rate, pause; a provider's "try later": retry) and stored on the row with its `due_at`. This module
only reads and groups it, so `jeger campaign status`, the campaign page and the delivery report say the same:
"18 venter på grensen én melding per dag — sendes mandag 09:00". Two things are judged here rather than
stored, because they change without any row being touched: a paused campaign holds all its queued messages,
and a message that is due waits only for the campaign's send rate (or goes now).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from typing import Any

from sqlalchemy import case
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.definition_model import definition_of
from catalogue import DEFAULT_LANGUAGE
from catalogue import text
from catalogue import when_text
from catalogue.formats import format_number
from catalogue.labels import label
from store.models import Campaign
from store.models import CampaignState
from store.models import Channel
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import WaitReason
from store.times import iso_oslo

READY = "ready"  # due, nothing holds it: goes within seconds
LATER = "later"  # due later without a stored reason (rows queued before reasons were kept)
RATE_NOTICEABLE = timedelta(minutes=1)  # due rows that go within this are "sendes nå", not "venter på farten"
# The reasons in a word or two, for the delivery report's column.


@dataclass(frozen=True)
class WaitGroup:
    """Queued messages that wait for the same reason until the same time."""

    reason: str  # a WaitReason value, READY or LATER
    count: int
    until: datetime | None  # when they go (for the rate: when the last goes); None: when the campaign resumes
    text: str  # the line staff read, in the language asked for
    channel: str | None = None  # the rate groups only

    def as_dict(self) -> dict[str, Any]:
        return {
            "reason": self.reason,
            "count": self.count,
            "until": iso_oslo(self.until),
            "channel": self.channel,
            "text": self.text,
        }


# The key of the line for each reason that waits until a time (RATE, PAUSED and RETRY read differently).
_UNTIL_KEYS = {
    WaitReason.WINDOW.value: "wait_window",
    WaitReason.SEND_DAY.value: "wait_send_day",
    WaitReason.HOLIDAY.value: "wait_holiday",
    LATER: "wait_later",
}


def describe(
    reason: str,
    count: int,
    until: datetime | None,
    *,
    now: datetime,
    max_per_day: int = 1,
    channel: str | None = None,
    rate: float = 0.0,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """The line for one group in `language`: how many, why, and when they go (weekday and time in Oslo; a date
    beyond a week)."""
    n = format_number(count, language)
    when = when_text(until, now=now, language=language) if until is not None else ""
    if reason == READY:
        return text("wait_ready", language, count=n)
    if reason == WaitReason.RATE:
        what = f"{n} {label(channel, 'channel', language, lower=True) if channel else ''}".rstrip()
        return text("wait_rate", language, what=what, rate=format_number(rate, language), when=when)
    if reason == WaitReason.PAUSED:
        return text("wait_paused", language, count=n)
    if reason == WaitReason.RETRY:
        return text("wait_retry", language, count=n, when=when)
    if reason == WaitReason.DAILY_CAP:
        if max_per_day == 1:
            return text("wait_daily_cap_single", language, count=n, when=when)
        return text("wait_daily_cap", language, count=n, when=when, cap=format_number(max_per_day, language))
    return text(_UNTIL_KEYS[str(reason)], language, count=n, when=when)


def _minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0)


def _minute_of(session: Session, column: Any) -> Any:
    """`column` cut to the minute in SQL (the same minute `_minute` gives); only grouped by, never read."""
    if session.get_bind().dialect.name == "sqlite":
        return func.strftime("%Y-%m-%d %H:%M", column)
    return func.date_trunc("minute", column)


def waiting(
    session: Session,
    *,
    campaign_id: int,
    now: datetime,
    max_per_day: int = 1,
    language: str = DEFAULT_LANGUAGE,
) -> list[WaitGroup]:
    """The campaign's queued outreach, grouped by why it waits and until when, its lines in `language`; first
    what goes soonest."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        return []
    # Grouped in the database down to what the lines below tell apart: rows due by now only by reason and
    # channel, later ones also by minute. A national campaign's queue holds a distinct due_at per message
    # (the send rate spaces them), and one row each cost seconds in Python (issue 14).
    later = case((Message.due_at > now, _minute_of(session, Message.due_at)))
    rows = session.execute(
        select(Message.wait_reason, Message.channel, func.min(Message.due_at), func.count())
        .where(
            Message.campaign_id == campaign_id,
            Message.kind == MessageKind.OUTREACH,
            Message.state == MessageState.QUEUED,
        )
        .group_by(Message.wait_reason, Message.channel, later)
    ).tuples()
    rates = definition_of(campaign).rate
    paused = campaign.state is CampaignState.PAUSED
    counts: dict[tuple[str, str | None, datetime | None], int] = defaultdict(int)
    first: dict[tuple[str, str | None, datetime | None], datetime] = {}
    for stored, channel, due, count in rows:
        on = Channel(channel).value
        if stored in (WaitReason.PAUSED, WaitReason.RATE):
            stored = None  # judged here: the campaign's state now, the rate for what is due
        if paused:
            key: tuple[str, str | None, datetime | None] = (WaitReason.PAUSED.value, None, None)
        elif due > now:
            if stored is WaitReason.RETRY:
                key = (stored.value, None, None)  # one group; it goes from the earliest time on
            else:
                key = (stored.value if stored is not None else LATER, None, _minute(due))
        else:  # due: only the rate holds it
            key = (WaitReason.RATE.value, on, None) if rates.of(on) else (READY, None, None)
        counts[key] += count
        first[key] = min(first.get(key, due), due)
    groups: list[WaitGroup] = []
    for (key_reason, key_channel, key_until), count in counts.items():
        reason: str = key_reason
        channel_value: str | None = key_channel
        until: datetime | None = key_until
        rate = rates.of(channel_value) if channel_value else 0.0
        if reason == WaitReason.RATE.value:
            until = now + timedelta(seconds=count / rate)
            if until - now < RATE_NOTICEABLE:
                reason, channel_value, until = READY, None, None
        elif reason == WaitReason.RETRY.value:
            until = max(first[(reason, None, None)], now)
        groups.append(
            WaitGroup(
                reason=reason,
                count=count,
                until=until,
                channel=channel_value,
                text=describe(
                    reason,
                    count,
                    until,
                    now=now,
                    max_per_day=max_per_day,
                    channel=channel_value,
                    rate=rate,
                    language=language,
                ),
            )
        )
    return _merged_ready(groups, now=now, max_per_day=max_per_day, language=language)


def _merged_ready(
    groups: list[WaitGroup], *, now: datetime, max_per_day: int, language: str
) -> list[WaitGroup]:
    """Rate groups too small to notice became READY: one line for everything that goes now."""
    ready = sum(g.count for g in groups if g.reason == READY)
    rest = [g for g in groups if g.reason != READY]
    if ready:
        rest.append(
            WaitGroup(
                READY,
                ready,
                None,
                describe(READY, ready, None, now=now, max_per_day=max_per_day, language=language),
            )
        )
    far = datetime.max.replace(tzinfo=now.tzinfo)
    return sorted(
        rest, key=lambda g: (g.reason == WaitReason.PAUSED, g.until or (now if g.reason == READY else far))
    )
