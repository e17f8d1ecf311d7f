"""The Øra case end to end (issue 13, item 7): NAV Fredrikstad with Glemmen vgs owns an adult campaign to the
park's member list ∩ production trades, minus approved training companies; an information meeting invitation,
RSVPs and a reminder; two companies register places for adult apprentices; the leads reach only the owners'
members; the outcome report shows it all."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from bot.engine import Inbound
from bot.engine import handle_inbound
from bot.registrations import WebForm
from bot.registrations import register_from_web
from bot.registrations import validate
from bot.registrations import web_campaign
from campaigns.meeting_reminders import queue_due_reminders
from campaigns.outbox import materialise_step
from demo.ora import APPROVED
from demo.ora import GLEMMEN
from demo.ora import NAV
from demo.ora import TRAINING_OFFICE
from demo.ora import seed_ora
from reports.outcomes import outcome_report
from settings import Settings
from store.db import Database
from store.models import Campaign
from store.models import Company
from store.models import Event
from store.models import Hunter
from store.models import HunterMember
from store.models import Lead
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import Rsvp
from store.models import RsvpStatus
from store.models import Trade
from store.models.members import MemberNotice

NOW = datetime(2027, 1, 18, 8, 0, tzinfo=UTC)  # Monday 09:00 in Oslo
MEMBERS_IN_PRODUCTION = {
    "Øra Metall AS",
    "Øra Plast AS",
    "Glommen Mekaniske Verksted AS",
    "Østfold Industriservice AS",
    "Øra Kompositt AS",
    "Vesterelven Maskin AS",
    "Fredrikstad CNC AS",
    "Isegran Produksjon AS",
}


def sent_invitations(session: Session, campaign: Campaign) -> dict[str, Message]:
    """Materialises the invitation step and marks its messages sent, as the sandbox dispatcher would."""
    step = campaign.steps[0]
    materialise_step(session, step_id=step.id, settings=Settings(_env_file=None), now=NOW)  # type: ignore[call-arg]
    session.execute(
        update(Message)
        .where(Message.step_id == step.id)
        .values(state=MessageState.SENT, sent_at=NOW, provider="sandbox")
    )
    session.flush()
    rows = session.execute(
        select(Company.name, Message)
        .join(Message, Message.company_id == Company.id)
        .where(Message.step_id == step.id)
    ).tuples()
    return {name: message for name, message in rows}


def answer(session: Session, settings: Settings, message: Message, text: str, minutes: int) -> str:
    assert message.address is not None
    outcome = handle_inbound(
        session,
        inbound=Inbound(
            channel="sms",
            sender=message.address,
            text=text,
            provider_id=f"SM-ora-{message.id}-{minutes}",
            received_at=NOW + timedelta(minutes=minutes),
        ),
        settings=settings,
    )
    session.flush()
    return outcome.answers[0].text if outcome.answers else ""


def register_adult_places(session: Session, company_name: str, places: int) -> None:
    company = session.scalar(select(Company).where(Company.name == company_name))
    assert company is not None
    campaign = web_campaign(session, company)
    assert campaign.adult  # the adult form: places for adults and a trial period
    trade = session.scalar(select(Trade.id).where(Trade.name == "Produksjonsteknikkfaget"))
    assert trade is not None
    form = WebForm(
        contact_name="Kari Olsen",
        phone="+4791000001",
        trades=[trade],
        places=str(places),
        trial="ja",
        consent=True,
    )
    errors, clean = validate(session, form, "nb", adult=True)
    assert errors == {}
    register_from_web(session, company=company, clean=clean, campaign=campaign)


def test_the_ora_case(db: Database, settings: Settings) -> None:
    case = seed_ora(db, settings, now=NOW)
    assert case.created and seed_ora(db, settings, now=NOW) == type(case)(case.campaign_id, False)
    with db.transaction() as session:
        campaign = session.get_one(Campaign, case.campaign_id)
        owners = {h.orgnr: h.id for h in session.scalars(select(Hunter))}

        # The audience: the member list ∩ production trades, minus the approved training company; the
        # recycler and the company outside the park get nothing.
        invitations = sent_invitations(session, campaign)
        assert set(invitations) == MEMBERS_IN_PRODUCTION
        assert session.scalar(select(Company.name).where(Company.orgnr == APPROVED)) not in invitations
        assert all("Voksne lærlinger på Øra" in (m.body or "") for m in invitations.values())

        # RSVPs: two JA (one with three people), one NEI; each answer says it was about the meeting.
        yes = answer(session, settings, invitations["Øra Metall AS"], "JA 3", 5)
        assert "påmeldt" in yes and "ikke en registrering som lærebedrift" in yes
        answer(session, settings, invitations["Fredrikstad CNC AS"], "ja", 6)
        no = answer(session, settings, invitations["Øra Plast AS"], "NEI", 7)
        assert "gjaldt bare møtet" in no
        event = session.scalar(select(Event).where(Event.campaign_id == campaign.id))
        assert event is not None
        answers = dict(
            session.execute(select(Company.name, Rsvp.status).join(Rsvp, Rsvp.company_id == Company.id))
            .tuples()
            .all()
        )
        assert answers == {
            "Øra Metall AS": RsvpStatus.ATTENDING,
            "Fredrikstad CNC AS": RsvpStatus.ATTENDING,
            "Øra Plast AS": RsvpStatus.DECLINED,
        }

        # The reminder: the demo's window is open all day, so it goes exactly a day before the meeting.
        assert queue_due_reminders(session, settings=settings, now=event.starts_at - timedelta(days=2)) == 0
        assert queue_due_reminders(session, settings=settings, now=event.starts_at - timedelta(days=1)) == 2
        reminders = session.scalars(
            select(Message.body).where(
                Message.kind == MessageKind.NOTIFICATION, Message.campaign_id == campaign.id
            )
        ).all()
        assert len(reminders) == 2 and all(
            (r or "").startswith("Påminnelse: Voksne lærlinger på Øra") for r in reminders
        )

        # Two companies register places for adult apprentices on their web page.
        register_adult_places(session, "Øra Metall AS", 2)
        register_adult_places(session, "Glommen Mekaniske Verksted AS", 1)

        # The leads reach only the owners' members, not the county's training office.
        leads = session.scalars(select(Lead.id)).all()
        assert len(leads) == 2
        told = set(
            session.scalars(
                select(HunterMember.hunter_id)
                .join(MemberNotice, MemberNotice.member_id == HunterMember.id)
                .where(MemberNotice.lead_id.in_(leads))
            )
        )
        assert told == {owners[NAV], owners[GLEMMEN]} and owners[TRAINING_OFFICE] not in told

        # The outcome report: Østfold, broken down by Fredrikstad; production technique carries it.
        report = outcome_report(session, campaign_id=campaign.id)
        assert report.local
        assert report.total.audience == 8 and report.total.reached == 8
        assert report.total.replied == 3 and report.total.registrations == 2
        assert (report.total.places, report.total.adult_places) == (3, 3)
        prt = report.by_trade_municipality[("Produksjonsteknikkfaget", "31", "3107")]
        assert (prt.registrations, prt.places, prt.adult_places) == (2, 3, 3)
        assert report.municipality_names["3107"] == "Fredrikstad"
