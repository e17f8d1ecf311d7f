"""Information meetings (PRODUCT §11): a step's invitation, the companies' JA/NEI, the waiting list, reminders,
and telling yes-sayers when a meeting changes or is cancelled.

Capacity counts companies. A JA past capacity puts the company on the waiting list in the order it answered;
when a place frees (a NEI from someone who had one, or a larger capacity) the first in the queue moves up and
is told. Every answer changes the company's one row per meeting, so answering twice never takes two places.
The meeting row is locked while places are counted (PostgreSQL; SQLite has one writer anyway), so two JA at
the same moment cannot both take the last place.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.definition_model import Meeting
from campaigns.definition_model import definition_of
from campaigns.ics import calendar_file
from campaigns.meeting_notices import Notice
from campaigns.meeting_notices import queue_notice
from campaigns.meeting_texts import meeting_when
from catalogue.phrases import Refusal
from settings import Settings
from store.models import Campaign
from store.models import CampaignStep
from store.models import Event
from store.models import Message
from store.models import Rsvp
from store.models import RsvpStatus
from store.models import utcnow
from store.times import OSLO
from store.times import iso_oslo

MAX_PEOPLE = 50
# The callback data of the JA/NEI buttons under a Telegram invitation (campaigns.render adds them): yes or no.
RSVP_BUTTONS = {
    "rsvp:ja": True,
    "rsvp:nei": False,
}  # a company that says it brings more is asked again, not believed


class MeetingError(Refusal, ValueError):
    """A change staff asked for that cannot be made (unknown meeting, ends before it starts, ...), with its
    catalogue key (catalogue.campaign_errors)."""


def parse_moment(value: str) -> datetime | None:
    """A time staff typed (the dashboard's `datetime-local` field, a CLI option or an API field): Oslo wall time
    unless it names its offset, so `2027-02-10T14:00` means two o'clock in Norway; empty is None."""
    if not value.strip():
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError as exc:
        raise MeetingError("meeting_error_not_a_moment", value=value[:40]) from exc
    return moment if moment.tzinfo else moment.replace(tzinfo=OSLO)


SAMPLE = Meeting(
    title="Informasjonsmøte om voksenlærlinger",
    at=datetime(2027, 2, 10, 13, 0, tzinfo=UTC),
    ends=datetime(2027, 2, 10, 14, 30, tzinfo=UTC),
    place="Øra næringspark, møterom 1",
    capacity=40,
)


def create_events(session: Session, *, campaign: Campaign) -> list[Event]:
    """One meeting row per step whose definition carries `event`; called when the draft is stored. From then
    on the row is the meeting: staff may change it, and the invitation says what the row says."""
    definition = definition_of(campaign)
    made: list[Event] = []
    for step in campaign.steps:
        meeting = definition.steps[step.position].event if step.position < len(definition.steps) else None
        if meeting is None:
            continue
        event = Event(
            campaign_id=campaign.id,
            step_id=step.id,
            title=meeting.title,
            starts_at=meeting.at,
            ends_at=meeting.ends,
            place=meeting.place,
            capacity=meeting.capacity,
        )
        session.add(event)
        made.append(event)
    session.flush()
    return made


def meeting_of_step(session: Session, *, step_id: int) -> Event | None:
    """The meeting a step invites to, if it does (its templates then have `event`)."""
    return session.scalar(select(Event).where(Event.step_id == step_id))


def invitation_for_message(session: Session, *, message_id: int | None, now: datetime) -> Event | None:
    """The meeting a message invited to, while an answer still matters (not cancelled, not begun)."""
    if message_id is None:
        return None
    event = session.scalar(
        select(Event).join(Message, Message.step_id == Event.step_id).where(Message.id == message_id)
    )
    if event is None or event.cancelled_at is not None or event.starts_at <= now:
        return None
    return event


def open_invitation(session: Session, *, company_id: int, now: datetime) -> Event | None:
    """The upcoming meeting the company was invited to most recently (its web page shows it)."""
    return session.scalar(
        select(Event)
        .join(Message, Message.step_id == Event.step_id)
        .where(
            Message.company_id == company_id,
            Message.sent_at.is_not(None),
            Event.cancelled_at.is_(None),
            Event.starts_at > now,
        )
        .order_by(Message.sent_at.desc())
        .limit(1)
    )


@dataclass(frozen=True)
class RsvpResult:
    """What an answer did: the company's status now, and who moved up from the waiting list because of it."""

    rsvp: Rsvp
    event: Event
    changed: bool  # False when the answer repeats what the company said before
    promoted: tuple[int, ...] = ()  # rsvp ids


def _locked(session: Session, event_id: int) -> Event:
    event = session.scalar(select(Event).where(Event.id == event_id).with_for_update())
    if event is None:
        raise MeetingError("meeting_error_not_found", id=event_id)
    return event


def attending_count(session: Session, event_id: int) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(Rsvp)
            .where(Rsvp.event_id == event_id, Rsvp.status == RsvpStatus.ATTENDING)
        )
        or 0
    )


def answer_meeting(
    session: Session,
    *,
    event_id: int,
    company_id: int,
    yes: bool,
    people: int | None,
    channel: str,
    address: str | None,
    language: str,
    settings: Settings,
    now: datetime | None = None,
) -> RsvpResult:
    """Records a JA (with how many people come) or a NEI. The caller commits."""
    now = now or utcnow()
    event = _locked(session, event_id)
    rsvp = session.scalar(select(Rsvp).where(Rsvp.event_id == event.id, Rsvp.company_id == company_id))
    before = rsvp.status if rsvp is not None else None
    count = max(1, min(people or (rsvp.people if rsvp is not None else 1), MAX_PEOPLE))
    if not yes:
        status = RsvpStatus.DECLINED
    elif before in (RsvpStatus.ATTENDING, RsvpStatus.WAITING):
        status = before  # a second JA keeps the place (or the place in the queue)
    else:
        full = event.capacity is not None and attending_count(session, event.id) >= event.capacity
        status = RsvpStatus.WAITING if full else RsvpStatus.ATTENDING
    if rsvp is None:
        rsvp = Rsvp(
            event_id=event.id,
            company_id=company_id,
            status=status,
            people=count,
            answered_at=now,
            channel=channel,
        )
        session.add(rsvp)
    elif status is not before:
        rsvp.answered_at = now  # a new JA queues from now; a NEI is dated
    rsvp.status = status
    if yes:
        rsvp.people = count
    rsvp.language = language
    if channel in ("sms", "telegram"):
        # Where later notices go; an answer from the web page keeps the phone or chat known before.
        rsvp.channel, rsvp.address = channel, address
    session.flush()
    promoted = (
        _fill_places(session, event=event, settings=settings, now=now)
        if before is RsvpStatus.ATTENDING
        else []
    )
    return RsvpResult(rsvp=rsvp, event=event, changed=before is not status, promoted=tuple(promoted))


def _fill_places(session: Session, *, event: Event, settings: Settings, now: datetime) -> list[int]:
    """Moves the first of the waiting list up while there are free places, and tells each of them."""
    free = None if event.capacity is None else event.capacity - attending_count(session, event.id)
    query = (
        select(Rsvp)
        .where(Rsvp.event_id == event.id, Rsvp.status == RsvpStatus.WAITING)
        .order_by(Rsvp.answered_at, Rsvp.id)
    )
    if free is not None:
        if free <= 0:
            return []
        query = query.limit(free)
    moved: list[int] = []
    for rsvp in session.scalars(query).all():
        rsvp.status = RsvpStatus.ATTENDING
        rsvp.promoted_at = now
        moved.append(rsvp.id)
        queue_notice(session, settings=settings, event=event, rsvp=rsvp, notice=Notice.PROMOTED, now=now)
    session.flush()
    return moved


def change_meeting(
    session: Session,
    *,
    event_id: int,
    settings: Settings,
    title: str | None = None,
    at: datetime | None = None,
    ends: datetime | None = None,
    place: str | None = None,
    capacity: int | None = None,
    now: datetime | None = None,
) -> int:
    """Changes a meeting and tells everyone who said JA (attending and waiting); returns how many were told.
    A larger capacity moves the waiting list up; a new start without a new end keeps the meeting's length."""
    now = now or utcnow()
    event = _locked(session, event_id)
    if event.cancelled_at is not None:
        raise MeetingError("meeting_error_cancelled")
    starts = at or event.starts_at
    if ends is not None:
        finish: datetime | None = ends
    elif event.ends_at is not None:  # a moved start keeps the meeting's length
        finish = starts + (event.ends_at - event.starts_at)
    else:
        finish = None
    if finish is not None and finish <= starts:
        raise MeetingError("meeting_error_ends_first")
    if capacity is not None and capacity < 1:
        raise MeetingError("meeting_error_capacity")
    moved_time = starts != event.starts_at or finish != event.ends_at
    told_change = (
        moved_time or (place is not None and place != event.place) or (title not in (None, event.title))
    )
    event.title = title if title is not None else event.title
    event.place = place if place is not None else event.place
    event.starts_at, event.ends_at = starts, finish
    if capacity is not None:
        event.capacity = capacity
    told = 0
    if told_change:
        event.changed_at = now
        for rsvp in _yes_sayers(session, event.id):
            if moved_time:
                rsvp.reminded_at = None  # the reminder belongs to the new time
            told += queue_notice(
                session, settings=settings, event=event, rsvp=rsvp, notice=Notice.CHANGED, now=now
            )
    session.flush()
    _fill_places(session, event=event, settings=settings, now=now)
    return told


def cancel_meeting(
    session: Session, *, event_id: int, settings: Settings, now: datetime | None = None
) -> int:
    """Cancels a meeting and tells everyone who said JA; returns how many were told. Cancelling twice tells
    nobody twice."""
    now = now or utcnow()
    event = _locked(session, event_id)
    if event.cancelled_at is not None:
        return 0
    event.cancelled_at = now
    told = sum(
        queue_notice(session, settings=settings, event=event, rsvp=rsvp, notice=Notice.CANCELLED, now=now)
        for rsvp in _yes_sayers(session, event.id)
    )
    session.flush()
    return told


def _yes_sayers(session: Session, event_id: int) -> list[Rsvp]:
    return list(
        session.scalars(
            select(Rsvp)
            .where(Rsvp.event_id == event_id, Rsvp.status.in_((RsvpStatus.ATTENDING, RsvpStatus.WAITING)))
            .order_by(Rsvp.answered_at, Rsvp.id)
        )
    )


def events_of_campaign(session: Session, *, campaign_id: int) -> list[Event]:
    return list(
        session.scalars(
            select(Event)
            .join(CampaignStep, CampaignStep.id == Event.step_id)
            .where(Event.campaign_id == campaign_id)
            .order_by(CampaignStep.position)
        )
    )


def event_rows(session: Session, *, campaign_id: int) -> list[dict[str, Any]]:
    """The campaign's meetings with their head counts, for `jeger campaign meeting list` and the API: machine
    values (ISO 8601 with the Oslo offset), so both print the same document."""
    counts = {
        (event_id, status): (companies, people)
        for event_id, status, companies, people in session.execute(
            select(Rsvp.event_id, Rsvp.status, func.count(), func.coalesce(func.sum(Rsvp.people), 0))
            .join(Event, Event.id == Rsvp.event_id)
            .where(Event.campaign_id == campaign_id)
            .group_by(Rsvp.event_id, Rsvp.status)
        ).tuples()
    }
    return [
        {
            "id": event.id,
            "title": event.title,
            "starts_at": iso_oslo(event.starts_at),
            "ends_at": iso_oslo(event.ends_at),
            "place": event.place,
            "capacity": event.capacity,
            "attending": counts.get((event.id, RsvpStatus.ATTENDING), (0, 0))[0],
            "people": counts.get((event.id, RsvpStatus.ATTENDING), (0, 0))[1],
            "waiting": counts.get((event.id, RsvpStatus.WAITING), (0, 0))[0],
            "declined": counts.get((event.id, RsvpStatus.DECLINED), (0, 0))[0],
            "changed_at": iso_oslo(event.changed_at),
            "cancelled_at": iso_oslo(event.cancelled_at),
        }
        for event in events_of_campaign(session, campaign_id=campaign_id)
    ]


def meeting_of_company(session: Session, *, event_id: int, company_id: int) -> Rsvp | None:
    return session.scalar(select(Rsvp).where(Rsvp.event_id == event_id, Rsvp.company_id == company_id))


@dataclass(frozen=True)
class MeetingView:
    """The meeting part of a company's web page: what it is invited to and what it answered."""

    event_id: int
    title: str
    place: str
    when: str
    status: RsvpStatus | None
    people: int


def meeting_view(session: Session, *, company_id: int, language: str, now: datetime) -> MeetingView | None:
    """The upcoming meeting the company was invited to last, with its answer; None when there is none."""
    event = open_invitation(session, company_id=company_id, now=now)
    if event is None:
        return None
    rsvp = meeting_of_company(session, event_id=event.id, company_id=company_id)
    return MeetingView(
        event_id=event.id,
        title=event.title,
        place=event.place,
        when=meeting_when(event.starts_at, event.ends_at, language),
        status=rsvp.status if rsvp is not None else None,
        people=rsvp.people if rsvp is not None else 1,
    )


def answer_from_page(
    session: Session,
    *,
    company_id: int,
    event_id: int,
    yes: bool,
    people: int | None,
    language: str,
    settings: Settings,
    now: datetime | None = None,
) -> RsvpResult | None:
    """A JA/NEI from the company's web page. Only for the meeting its page shows (the upcoming one it was
    invited to last): a form posted for another meeting, a past or a cancelled one changes nothing (None)."""
    now = now or utcnow()
    event = open_invitation(session, company_id=company_id, now=now)
    if event is None or event.id != event_id:
        return None
    return answer_meeting(
        session,
        event_id=event.id,
        company_id=company_id,
        yes=yes,
        people=people,
        channel="web",
        address=None,
        language=language,
        settings=settings,
        now=now,
    )


def calendar_of_company(
    session: Session, *, company_id: int, base_url: str, token: str, now: datetime | None = None
) -> str | None:
    """The .ics of the meeting the company's page shows; the UID stays the meeting's, so a calendar that
    imported it before updates it when the meeting changed."""
    now = now or utcnow()
    event = open_invitation(session, company_id=company_id, now=now)
    if event is None:
        return None
    host = base_url.split("://", 1)[-1].split("/", 1)[0] or "laereplassjeger"
    return calendar_file(
        event,
        uid=f"meeting-{event.id}@{host}",
        now=now,
        url=f"{base_url}/r/{token}",
        sequence=int(event.changed_at.timestamp()) if event.changed_at else 0,
    )
