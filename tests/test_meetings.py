"""Information meetings (PRODUCT §11): JA/NEI to an invitation, capacity and the waiting list, reminders at
the last moment the window allows, changed and cancelled meetings, and the calendar file."""

from __future__ import annotations

import json
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import openpyxl
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.engine import Inbound
from bot.engine import Outcome
from bot.engine import handle_inbound
from bot.keywords import meeting_reply
from campaigns.definition_model import Meeting
from campaigns.ics import calendar_file
from campaigns.ics import fold
from campaigns.meeting_reminders import queue_due_reminders
from campaigns.meeting_reminders import reminder_due
from campaigns.meetings import SAMPLE
from campaigns.meetings import answer_meeting
from campaigns.meetings import cancel_meeting
from campaigns.meetings import change_meeting
from campaigns.windows import SendWindow
from settings import Settings
from store.models import Campaign
from store.models import CampaignStep
from store.models import Channel
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import Event
from store.models import Intent
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import Registration
from store.models import Reply
from store.models import Rsvp
from store.models import RsvpStatus
from tests.lead_factories import add_contact
from tests.outbox_factories import add_outreach
from tests.outbox_factories import make_campaign
from tests.outbox_factories import make_recipient

OSLO = ZoneInfo("Europe/Oslo")
NOW = datetime(2027, 2, 1, 10, 0, tzinfo=OSLO).astimezone(UTC)  # a Monday
WORKING_HOURS = {
    "days": ["mon", "tue", "wed", "thu", "fri"],
    "start": "09:00",
    "end": "16:00",
    "skip_holidays": True,
}


def invited(
    session: Session, *, companies: int = 1, capacity: int | None = None, starts: datetime | None = None
) -> tuple[Event, list[tuple[Company, Contact]]]:
    """A meeting whose SMS invitation went to `companies` companies an hour before NOW."""
    campaign, step = make_campaign(session, window=WORKING_HOURS)
    step.template = "sms/infomote"
    starts = starts or datetime(2027, 2, 10, 14, 0, tzinfo=OSLO)
    event = Event(
        campaign_id=campaign.id,
        step_id=step.id,
        title="Voksenlærlinger på Øra",
        starts_at=starts,
        ends_at=starts + timedelta(minutes=90),
        place="Øra næringspark, bygg 3",
        capacity=capacity,
    )
    session.add(event)
    recipients = [make_recipient(session) for _ in range(companies)]
    for company, contact in recipients:
        add_outreach(
            session,
            campaign=campaign,
            step=step,
            company=company,
            contact=contact,
            body="Invitasjon",
            state=MessageState.SENT,
            sent_at=NOW - timedelta(hours=1),
            due_at=NOW - timedelta(hours=1),
        )
    session.flush()
    return event, recipients


def answered(
    session: Session, event: Event, invitee: tuple[Company, Contact], status: str, *, people: int = 1
) -> Rsvp:
    """`invitee`'s answer to the meeting by SMS from the address its invitation went to."""
    company, contact = invitee
    rsvp = Rsvp(
        event_id=event.id,
        company_id=company.id,
        status=status,
        people=people,
        channel="sms",
        address=contact.address,
    )
    session.add(rsvp)
    return rsvp


def say(session: Session, settings: Settings, text: str, sender: str, *, at: datetime = NOW) -> Outcome:
    outcome = handle_inbound(
        session,
        inbound=Inbound(
            channel="sms", sender=sender, text=text, provider_id=f"SM-{sender}-{text}-{at}", received_at=at
        ),
        settings=settings,
    )
    session.commit()
    return outcome


def status(session: Session, event: Event, company: Company) -> RsvpStatus | None:
    return session.scalar(select(Rsvp.status).where(Rsvp.event_id == event.id, Rsvp.company_id == company.id))


def notices(session: Session, address: str) -> list[str]:
    return list(
        session.scalars(
            select(Message.body)
            .where(Message.kind == MessageKind.NOTIFICATION, Message.address == address)
            .order_by(Message.id)
        )
    )


def test_meeting_replies_are_yes_with_people_or_no() -> None:
    assert meeting_reply("Ja") == (True, None)
    assert meeting_reply("ja takk 3") == (True, 3)
    assert meeting_reply("JA 2 K7MX2P", known_code="K7MX2P") == (True, 2)
    assert meeting_reply("Nei takk!") == (False, None)
    assert meeting_reply("nei 2") is None
    assert meeting_reply("hvor er det?") is None


def test_a_ja_to_an_invitation_is_an_rsvp_not_a_registration(session: Session, settings: Settings) -> None:
    event, [(company, contact)] = invited(session)
    outcome = say(session, settings, "JA 2", contact.address)
    assert outcome.intent is Intent.ANSWER
    assert status(session, event, company) is RsvpStatus.ATTENDING
    assert session.scalar(select(Rsvp.people)) == 2
    assert session.scalar(select(Registration.id)) is None
    answer = outcome.answers[0].text
    assert "Voksenlærlinger på Øra" in answer and "ikke en registrering som lærebedrift" in answer
    assert "onsdag 10. februar 2027 kl. 14:00–15:30 (norsk tid)" in answer
    reply = session.scalar(select(Reply))
    assert reply is not None and reply.intent is Intent.ANSWER and reply.company_id == company.id


def test_a_nei_to_an_invitation_declines_the_meeting_not_the_campaign(
    session: Session, settings: Settings
) -> None:
    event, [(company, contact)] = invited(session)
    outcome = say(session, settings, "nei takk", contact.address)
    assert status(session, event, company) is RsvpStatus.DECLINED
    assert outcome.intent is Intent.ANSWER  # not DECLINED: the campaign's reminders still come
    assert "gjaldt bare møtet" in outcome.answers[0].text


def test_a_ja_after_the_meeting_began_is_interest_again(session: Session, settings: Settings) -> None:
    event, [(company, contact)] = invited(session)
    outcome = say(session, settings, "JA", contact.address, at=event.starts_at + timedelta(minutes=1))
    assert outcome.intent is Intent.INTERESTED
    assert status(session, event, company) is None


def test_past_capacity_a_waiting_list_and_the_first_in_it_moves_up_and_is_told(
    session: Session, settings: Settings
) -> None:
    event, recipients = invited(session, companies=3, capacity=2)
    for _company, contact in recipients:
        say(session, settings, "JA", contact.address)
    (first, a), (_second, _b), (third, c) = recipients
    assert [status(session, event, x) for x, _ in recipients] == [
        RsvpStatus.ATTENDING,
        RsvpStatus.ATTENDING,
        RsvpStatus.WAITING,
    ]
    assert (
        "venteliste"
        in say(session, settings, "ja takk", c.address, at=NOW + timedelta(minutes=2)).answers[0].text
    )  # a second JA keeps its turn
    say(session, settings, "NEI", a.address, at=NOW + timedelta(minutes=5))
    assert status(session, event, first) is RsvpStatus.DECLINED
    assert status(session, event, third) is RsvpStatus.ATTENDING
    [told] = notices(session, c.address)
    assert "ledig plass" in told and "Voksenlærlinger på Øra" in told


def test_two_answers_from_one_company_take_one_place(session: Session, settings: Settings) -> None:
    _event, [(_company, contact)] = invited(session, capacity=1)
    say(session, settings, "JA", contact.address)
    say(session, settings, "JA 3", contact.address, at=NOW + timedelta(minutes=1))
    rows = session.scalars(select(Rsvp)).all()
    assert [(r.status, r.people) for r in rows] == [(RsvpStatus.ATTENDING, 3)]


def test_the_reminder_goes_the_day_before_or_the_last_open_moment_before_that() -> None:
    window = SendWindow.from_definition(WORKING_HOURS)
    wednesday = datetime(2027, 2, 10, 14, 0, tzinfo=OSLO)
    assert reminder_due(window, wednesday) == datetime(2027, 2, 9, 14, 0, tzinfo=OSLO)
    # A Monday meeting: Sunday is shut, so the reminder goes on Friday before the window closes.
    monday = datetime(2027, 2, 15, 10, 0, tzinfo=OSLO)
    assert reminder_due(window, monday) == datetime(2027, 2, 12, 15, 30, tzinfo=OSLO)
    # An early meeting: the day before at 08:00 is before opening, so the evening before that.
    early = datetime(2027, 2, 11, 8, 0, tzinfo=OSLO)
    assert reminder_due(window, early) == datetime(2027, 2, 9, 15, 30, tzinfo=OSLO)
    # Easter: Thursday 25 March 2027 to Monday 29 March are holidays; a meeting on Tuesday 30th is
    # reminded on Wednesday 24th.
    after_easter = datetime(2027, 3, 30, 12, 0, tzinfo=OSLO)
    assert reminder_due(window, after_easter) == datetime(2027, 3, 24, 15, 30, tzinfo=OSLO)


def test_yes_sayers_get_one_reminder_at_the_due_moment_never_before_or_outside_the_window(
    session: Session, settings: Settings
) -> None:
    _event, recipients = invited(session, companies=2)
    (_yes, a), (_no, b) = recipients
    say(session, settings, "JA", a.address)
    say(session, settings, "NEI", b.address)
    due = datetime(2027, 2, 9, 14, 0, tzinfo=OSLO)
    assert queue_due_reminders(session, settings=settings, now=due - timedelta(minutes=1)) == 0
    assert queue_due_reminders(session, settings=settings, now=due) == 1
    assert queue_due_reminders(session, settings=settings, now=due + timedelta(minutes=10)) == 0
    [reminder] = notices(session, a.address)
    assert reminder.startswith("Påminnelse: Voksenlærlinger på Øra")
    assert notices(session, b.address) == []


def test_a_late_yes_is_reminded_while_the_window_is_open_and_never_after_the_meeting(
    session: Session, settings: Settings
) -> None:
    _event, [(_company, contact), (_other, c2)] = invited(session, companies=2)
    late = datetime(2027, 2, 9, 19, 0, tzinfo=OSLO)  # after the due moment, window shut
    say(session, settings, "JA", contact.address, at=late)
    assert queue_due_reminders(session, settings=settings, now=late) == 0
    morning = datetime(2027, 2, 10, 9, 0, tzinfo=OSLO)
    assert queue_due_reminders(session, settings=settings, now=morning) == 1
    say(session, settings, "JA", c2.address, at=morning)
    after = datetime(2027, 2, 10, 14, 5, tzinfo=OSLO)
    assert queue_due_reminders(session, settings=settings, now=after) == 0
    assert notices(session, c2.address) == []


def test_a_changed_meeting_is_told_to_every_yes_sayer_and_a_cancelled_one_too(
    session: Session, settings: Settings
) -> None:
    event, recipients = invited(session, companies=3, capacity=1)
    (_first, a), (_second, b), (_third, c) = recipients
    say(session, settings, "JA", a.address)
    say(session, settings, "JA", b.address)  # waiting
    say(session, settings, "NEI", c.address)
    moved = datetime(2027, 2, 11, 12, 0, tzinfo=OSLO)
    told = change_meeting(
        session, event_id=event.id, settings=settings, at=moved, ends=moved + timedelta(hours=1), now=NOW
    )
    assert told == 2
    assert "torsdag 11. februar 2027 kl. 12:00-13:00" in notices(session, a.address)[0]
    assert notices(session, c.address) == []
    assert cancel_meeting(session, event_id=event.id, settings=settings, now=NOW) == 2
    assert cancel_meeting(session, event_id=event.id, settings=settings, now=NOW) == 0
    assert "Avlyst" in notices(session, b.address)[-1]
    # A JA to a cancelled meeting is no RSVP.
    assert say(session, settings, "JA", c.address).intent is Intent.INTERESTED


def test_a_larger_capacity_moves_the_waiting_list_up(session: Session, settings: Settings) -> None:
    event, recipients = invited(session, companies=2, capacity=1)
    for _company, contact in recipients:
        say(session, settings, "JA", contact.address)
    change_meeting(session, event_id=event.id, settings=settings, capacity=2, now=NOW)
    assert [status(session, event, x) for x, _ in recipients] == [RsvpStatus.ATTENDING, RsvpStatus.ATTENDING]
    assert "ledig plass" in notices(session, recipients[1][1].address)[0]


def test_an_opted_out_address_gets_no_notice(session: Session, settings: Settings) -> None:
    event, [(_company, contact)] = invited(session)
    say(session, settings, "JA", contact.address)
    say(session, settings, "STOPP", contact.address)
    assert cancel_meeting(session, event_id=event.id, settings=settings, now=NOW) == 0


def test_answer_meeting_from_the_web_notifies_where_the_invitation_went(
    session: Session, settings: Settings
) -> None:
    event, [(company, contact)] = invited(session)
    answer_meeting(
        session,
        event_id=event.id,
        company_id=company.id,
        yes=True,
        people=4,
        channel="web",
        address=None,
        language="en",
        settings=settings,
        now=NOW,
    )
    cancel_meeting(session, event_id=event.id, settings=settings, now=NOW)
    [told] = notices(session, contact.address)
    # As SMS writes it (GSM-7 has neither «» nor the en dash).
    assert told.startswith(
        'Cancelled: "Voksenlærlinger på Øra" Wednesday 10 February 2027, 14:00-15:30 (Norway time)'
    )


def test_the_calendar_file_is_rfc_5545() -> None:
    spec = Meeting(
        title="Møte, info; og mer",
        at=datetime(2027, 2, 10, 14, 0, tzinfo=OSLO),
        ends=None,
        place="Øra næringspark\nbygg 3",
        capacity=None,
    )
    ics = calendar_file(spec, uid="event-7@laereplassjeger", now=NOW, description="x" * 200)
    lines = ics.split("\r\n")
    assert ics.endswith("\r\n") and "\n" not in ics.replace("\r\n", "")
    assert "DTSTART:20270210T130000Z" in lines and "DTEND:20270210T140000Z" in lines
    assert "SUMMARY:Møte\\, info\\; og mer" in lines
    assert "LOCATION:Øra næringspark\\nbygg 3" in lines
    assert all(len(line.encode()) <= 75 for line in lines)
    assert fold("Æ" * 40).split("\r\n ")[0].encode().__len__() <= 75


def test_campaign_and_step_rows_cascade_to_meetings(session: Session) -> None:
    event, _ = invited(session)
    session.delete(session.get_one(Campaign, event.campaign_id))
    session.flush()
    assert session.scalar(select(Event.id)) is None
    assert session.scalar(select(CampaignStep.id)) is None


MEETING_TOML = """\
name = "Øra 2027"

[audience]
counties = ["31"]

[[steps]]
name = "invitasjon"
channel = "sms"
template = "sms/infomote"
at = "2027-01-20T10:00"
event = { title = "Voksenlærlinger på Øra", at = "2027-02-10T14:00", ends = "2027-02-10T15:30", place = "Øra", capacity = 40 }
"""


def test_a_step_with_an_event_makes_its_meeting_when_the_campaign_is_created(
    session: Session, settings: Settings
) -> None:
    from campaigns.lifecycle import create_campaign

    make_recipient(session, county_number="31")
    created = create_campaign(
        session, source=MEETING_TOML, filename="ora.toml", settings=settings, now=NOW - timedelta(days=30)
    )
    event = session.scalar(select(Event))
    assert event is not None and event.step_id == created.campaign.steps[0].id
    assert (event.title, event.place, event.capacity) == ("Voksenlærlinger på Øra", "Øra", 40)
    assert event.starts_at == datetime(2027, 2, 10, 14, 0, tzinfo=OSLO)
    assert event.ends_at == datetime(2027, 2, 10, 15, 30, tzinfo=OSLO)


def test_a_wrong_event_is_named_by_file_line_and_field() -> None:
    from campaigns.definition import DefinitionError
    from campaigns.definition import parse_definition

    broken = MEETING_TOML.replace('ends = "2027-02-10T15:30"', 'ends = "2027-02-10T13:00", room = 4').replace(
        "capacity = 40", "capacity = 0"
    )
    try:
        parse_definition(broken, filename="ora.toml", counties={"31"})
    except DefinitionError as exc:
        messages = [str(p) for p in exc.problems]
    else:
        raise AssertionError("a broken event was accepted")
    assert messages == [
        "ora.toml:11: steps[0].event.room: ukjent felt (tillatt: at, capacity, ends, place, title)",
        "ora.toml:11: steps[0].event.ends: møtet slutter før det begynner",
        "ora.toml:11: steps[0].event.capacity: et antall bedrifter, 1 eller flere, ikke tallet 0",
    ]


def test_a_nul_byte_in_any_text_of_the_file_is_named_not_stored() -> None:
    """`\u0000` is valid TOML, but PostgreSQL cannot store it: every text and list item is checked in one place."""
    from campaigns.definition import DefinitionError
    from campaigns.definition import parse_definition

    broken = MEETING_TOML.replace('place = "Øra"', 'place = "Øra\\u0000"', 1)
    assert broken != MEETING_TOML
    try:
        parse_definition(broken, filename="ora.toml", counties={"31"})
    except DefinitionError as exc:
        messages = [str(p).split(": ", 1)[1] for p in exc.problems]
    else:
        raise AssertionError("a NUL byte was accepted")
    assert (
        "steps[0].event.place: inneholder et tegn som ikke kan lagres (NUL eller en ugyldig surrogat)"
        in messages
    )


def test_numbers_too_large_for_a_hall_or_a_campaign_are_named_not_stored() -> None:
    from campaigns.definition import DefinitionError
    from campaigns.definition import parse_definition

    huge = MEETING_TOML.replace("capacity = 40", f"capacity = {10**40}") + (
        '\n[[steps]]\nname = "senere"\nchannel = "sms"\ntemplate = "sms/paaminnelse"\n'
        f"after_days = {10**40}\n"
    )
    try:
        parse_definition(huge, filename="ora.toml", counties={"31"})
    except DefinitionError as exc:
        messages = [str(p).split(": ", 1)[1] for p in exc.problems]
    else:
        raise AssertionError("numbers no database holds were accepted")
    assert messages == [
        "steps[0].event.capacity: høyst 100000 bedrifter",
        "steps[1].after_days: høyst 365 dager etter forrige steg",
    ]


def test_a_meeting_template_in_a_step_without_an_event_is_refused_at_create_time(
    session: Session, settings: Settings
) -> None:
    from campaigns.definition import DefinitionError
    from campaigns.lifecycle import create_campaign

    make_recipient(session, county_number="31")
    without = "\n".join(line for line in MEETING_TOML.splitlines() if not line.startswith("event"))
    try:
        create_campaign(
            session, source=without, filename="ora.toml", settings=settings, now=NOW - timedelta(days=30)
        )
    except DefinitionError as exc:
        assert "udefinert variabel 'event'" in str(exc)
    else:
        raise AssertionError("an invitation without a meeting was accepted")


def test_attendees_lists_the_yes_sayers_then_the_waiting_list_then_the_no(
    session: Session, settings: Settings, cli: Any, tmp_path: Path
) -> None:
    event, recipients = invited(session, companies=3, capacity=1)
    (first, a), (second, b), (third, c) = recipients
    say(session, settings, "NEI", c.address)
    say(session, settings, "JA 2", a.address, at=NOW + timedelta(minutes=1))
    say(session, settings, "JA", b.address, at=NOW + timedelta(minutes=2))
    listed = cli("campaign", "attendees", str(event.campaign_id), "--json")
    assert listed.exit_code == 0, listed.output
    rows = json.loads(listed.stdout)
    assert [(r["orgnr"], r["status"], r["people"]) for r in rows] == [
        (first.orgnr, "attending", 2),
        (second.orgnr, "waiting", 1),
        (third.orgnr, "declined", 1),
    ]
    table = cli("campaign", "attendees", str(event.campaign_id))
    assert "Venteliste" in table.stdout and "1 bedrifter påmeldt, 2 personer." in table.stdout
    out = tmp_path / "deltakere.xlsx"
    assert (
        cli("campaign", "attendees", str(event.campaign_id), "--format", "xlsx", "-o", str(out)).exit_code
        == 0
    )
    sheet = openpyxl.load_workbook(out).active
    assert sheet is not None and sheet["D2"].value == first.orgnr and sheet["G2"].value == 2
    assert cli("campaign", "attendees", "999").exit_code == 2


def test_the_reminder_job_is_scheduled_and_runs_through_the_scheduler(settings: Settings, db: Any) -> None:
    from scheduler import INTERVAL_JOBS
    from scheduler import CampaignScheduler

    targets = {target for _id, target, _seconds in INTERVAL_JOBS}
    assert "campaigns.meeting_reminders:queue_due_reminders" in targets
    assert (
        CampaignScheduler(settings=settings, db=db)._run_daily(
            "campaigns.meeting_reminders:queue_due_reminders"
        )
        == 0
    )


def test_privacy_export_shows_the_rsvps_and_erase_takes_the_address_but_keeps_the_count(
    session: Session, settings: Settings, cli: Any
) -> None:
    event, [(company, contact)] = invited(session)
    say(session, settings, "JA 2", contact.address)
    by_company = json.loads(cli("privacy", "export", "--orgnr", company.orgnr).stdout)
    [rsvp] = by_company["rsvps"]
    assert (rsvp["meeting"], rsvp["status"], rsvp["people"]) == ("Voksenlærlinger på Øra", "attending", 2)
    by_phone = json.loads(cli("privacy", "export", "--phone", contact.address).stdout)
    assert [r["status"] for r in by_phone["rsvps"]] == ["attending"]
    erased = json.loads(cli("privacy", "erase", "--phone", contact.address, "--json").stdout)
    assert erased["rsvps"] == 1
    session.expire_all()
    kept = session.scalar(select(Rsvp))
    assert kept is not None and kept.address is None and kept.people == 2
    assert cancel_meeting(session, event_id=event.id, settings=settings, now=NOW) == 0  # nowhere to write


def test_a_telegram_invitation_has_ja_nei_buttons_that_answer_the_meeting(
    session: Session, settings: Settings
) -> None:
    from campaigns.render import MessageRenderer
    from store.models import Conversation

    renderer = MessageRenderer(settings)
    rendered = renderer.render(
        template="telegram/infomote",
        channel=Channel.TELEGRAM,
        language="nb",
        variables=renderer.sample_variables(language="nb", meeting=SAMPLE),
    )
    [[yes, no]] = rendered.extra["buttons"]
    assert (yes["callback_data"], no["callback_data"]) == ("rsvp:ja", "rsvp:nei")
    assert yes["text"] == "Ja, vi kommer"
    plain = renderer.render(
        template="telegram/invitasjon",
        channel=Channel.TELEGRAM,
        language="nb",
        variables=renderer.sample_variables(language="nb"),
    )
    assert "buttons" not in plain.extra
    # The company's chat is known (it proved itself by its link): the NEI button answers the meeting.
    event, [(company, _contact)] = invited(session)
    session.add(Conversation(channel="telegram", address="777", company_id=company.id, verified_by="link"))
    add_contact(session, company, ContactKind.TELEGRAM, "777")
    outcome = handle_inbound(
        session,
        inbound=Inbound(
            channel="telegram",
            sender="777",
            text=None,
            button="rsvp:nei",
            provider_id="tg-1",
            received_at=NOW,
        ),
        settings=settings,
    )
    assert outcome.intent is Intent.ANSWER and "gjaldt bare møtet" in outcome.answers[0].text
    assert status(session, event, company) is RsvpStatus.DECLINED
    late = handle_inbound(
        session,
        inbound=Inbound(
            channel="telegram",
            sender="777",
            text=None,
            button="rsvp:ja",
            provider_id="tg-2",
            received_at=event.starts_at + timedelta(hours=1),
        ),
        settings=settings,
    )
    assert late.intent is Intent.COMMAND  # the meeting is over: a stale button, nothing changes
    assert status(session, event, company) is RsvpStatus.DECLINED
