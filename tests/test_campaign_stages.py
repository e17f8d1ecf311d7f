"""The companies per campaign stage are kept by triggers (migration 0023): after every kind of change (outbox
states one by one and in bulk, replies, registrations, leads, a company that moves, an erasure, the retention
purge, a company's and a campaign's deletion) and after a fold they equal a count made here from the rows
themselves; the migration's backfill counts what was there, and its downgrade leaves no trigger behind."""

from __future__ import annotations

from collections import Counter
from collections import defaultdict
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from campaigns.counts import NO_RECEIPT_CHANNELS
from campaigns.counts import NO_RECEIPT_PROVIDERS
from campaigns.counts import fold_counts
from campaigns.results import CLAIMED_STATES
from campaigns.results import REPLY_INTENTS
from campaigns.results import SENT_STATES
from campaigns.results import STAGE_MEASURES
from campaigns.results import funnels
from campaigns.stages import SUMMED
from companies.privacy import erase_company
from companies.retention import purge
from settings import Settings
from store.db import Database
from store.models import Campaign
from store.models import CampaignStageCount
from store.models import Company
from store.models import Lead
from store.models import Message
from store.models import Registration
from store.models import Reply
from store.models import Trade
from store.models.base import utcnow
from store.models.enums import Channel
from store.models.enums import Intent
from store.models.enums import LeadState
from store.models.enums import MessageKind
from store.models.enums import MessageState
from tests.lead_factories import make_company
from tests.lead_factories import make_registration
from tests.outbox_factories import make_campaign
from tests.outbox_factories import queue_messages
from tests.test_migration_0004 import migrate

Key = tuple[int, str, str | None, str | None, str | None]
FUNNEL = set(STAGE_MEASURES.values())


def counted_here(session: Session) -> dict[Key, int]:
    """The counts from the rows themselves: (campaign, or 0 for any campaign, measure, county, NACE code of a
    company that registered no trade, the ids of the trades it registered in the campaign) -> companies (or the
    sum, for a summed measure)."""
    reached: dict[tuple[int, int, str], int] = defaultdict(int)

    def add(campaign: int | None, company: int | None, measure: str, amount: int = 1) -> None:
        if campaign is None or company is None or not amount:
            return
        for key in (campaign, 0) if measure in FUNNEL else (campaign,):
            reached[(key, company, measure)] += amount

    for m in session.scalars(select(Message).where(Message.kind == MessageKind.OUTREACH)):
        add(m.campaign_id, m.company_id, "targeted")
        if m.state in SENT_STATES:
            add(m.campaign_id, m.company_id, "sent")
        no_receipt = m.channel in NO_RECEIPT_CHANNELS or m.provider in NO_RECEIPT_PROVIDERS
        if m.state == MessageState.DELIVERED or (m.state == MessageState.SENT and no_receipt):
            add(m.campaign_id, m.company_id, "delivered")
    for r in session.scalars(select(Reply).where(Reply.intent.in_(REPLY_INTENTS))):
        add(r.campaign_id, r.company_id, "replied")
        if r.intent == Intent.INTERESTED:
            add(r.campaign_id, r.company_id, "interested")
    for g in session.scalars(select(Registration)):
        add(g.campaign_id, g.company_id, "started")
        add(g.campaign_id, g.company_id, "interested")
        if g.completed_at is not None:
            add(g.campaign_id, g.company_id, "registrations")
            add(
                g.campaign_id,
                g.company_id,
                "places",
                g.places if g.places is not None else g.adult_places or 0,
            )
            add(g.campaign_id, g.company_id, "adult_places", g.adult_places or 0)
    for lead, campaign in session.execute(
        select(Lead, Registration.campaign_id).join(Registration, Registration.id == Lead.registration_id)
    ).tuples():
        for measure in ("claimed", "claimed_leads") if lead.state in CLAIMED_STATES else ():
            add(campaign, lead.company_id, measure)
        for measure in ("became", "became_leads") if lead.state == LeadState.BECAME_TRAINING_COMPANY else ():
            add(campaign, lead.company_id, measure)
    places = {c.id: (c.county_number, c.nace_code) for c in session.scalars(select(Company))}
    trades: dict[tuple[int | None, int], set[int]] = defaultdict(set)
    for g in session.scalars(select(Registration).where(Registration.completed_at.is_not(None))):
        trades[(g.campaign_id, g.company_id)] |= {t.id for t in g.trades}
    counts: Counter[Key] = Counter()
    for (key, company, measure), value in reached.items():
        registered = ",".join(str(t) for t in sorted(trades[(key, company)])) or None
        if value:
            county, nace = places[company]
            counts[(key, measure, county, None if registered else nace, registered)] += (
                value if measure in SUMMED else 1
            )
    return {key: n for key, n in counts.items() if n}


def maintained(session: Session) -> dict[Key, int]:
    c = CampaignStageCount
    total = func.sum(c.delta)
    rows = session.execute(
        select(c.campaign_key, c.measure, c.county_number, c.nace_code, c.trade_key, total)
        .group_by(c.campaign_key, c.measure, c.county_number, c.nace_code, c.trade_key)
        .having(total != 0)
    ).tuples()
    return {(k, m, county, nace, trades): int(n) for k, m, county, nace, trades, n in rows}


def _activity(session: Session) -> tuple[int, int, list[int]]:
    """Two campaigns: six SMS (two to one company, the second without a step) and three letters; (first id,
    second id, SMS ids)."""
    first, sms = make_campaign(session)
    second, letters = make_campaign(session, channel=Channel.LETTER)
    texts = queue_messages(session, campaign=first, step=sms, count=5)
    twice = Message(
        kind=MessageKind.OUTREACH, campaign_id=first.id, step_id=None, company_id=texts[0].company_id,
        channel=Channel.SMS, address=texts[0].address, body="Hei igjen", state=MessageState.QUEUED,
    )  # fmt: skip
    session.add(twice)
    session.flush()
    queue_messages(session, campaign=second, step=letters, count=3, channel=Channel.LETTER)
    # The same company in both campaigns: the funnel of all campaigns counts it once.
    session.execute(update(Message).where(Message.campaign_id == second.id, Message.id == max(
        m.id for m in session.scalars(select(Message).where(Message.campaign_id == second.id))
    )).values(company_id=texts[1].company_id))  # fmt: skip
    return first.id, second.id, [m.id for m in [*texts, twice]]


def test_the_counts_follow_every_change_and_equal_a_count_of_the_rows(
    db: Database, settings: Settings
) -> None:
    with db.transaction() as session:
        first, second, ids = _activity(session)
        company_ids = [session.get_one(Message, i).company_id for i in ids]
    with db.transaction() as session:
        assert maintained(session) == counted_here(session) != {}
        # The outbox one by one, as the dispatcher and the status callbacks do it, and in bulk.
        for message_id, state, provider in [
            (ids[0], MessageState.SENT, "twilio"),
            (ids[5], MessageState.DELIVERED, "twilio"),  # the same company's second message
            (ids[1], MessageState.SENT, "sandbox"),
            (ids[2], MessageState.FAILED, "twilio"),
            (ids[3], MessageState.UNDELIVERED, "twilio"),
        ]:
            message = session.get_one(Message, message_id)
            message.state, message.provider = state, provider
            session.flush()
        session.get_one(Message, ids[0]).state = MessageState.DELIVERED
        session.execute(update(Message).where(Message.campaign_id == second).values(state=MessageState.SENT))
        session.execute(update(Message).where(Message.id == ids[4]).values(attempts=3))
        assert maintained(session) == counted_here(session)
    with db.transaction() as session:
        # Replies, counted and not, with and without a campaign; an intent that changes; one deleted.
        for company_id, intent, campaign in [
            (company_ids[0], Intent.INTERESTED, first),
            (company_ids[0], Intent.DECLINED, first),
            (company_ids[1], Intent.COMMAND, first),
            (company_ids[2], Intent.OPT_OUT, None),
            (company_ids[2], Intent.FREE_TEXT, first),
        ]:
            session.add(Reply(channel="sms", company_id=company_id, campaign_id=campaign, intent=intent))
        session.flush()
        session.execute(update(Reply).where(Reply.intent == Intent.COMMAND).values(intent=Intent.INTERESTED))
        session.execute(delete(Reply).where(Reply.intent == Intent.FREE_TEXT))
        # Registrations: one begun, one completed with places, one for adults only; leads along.
        companies = [session.get_one(Company, i) for i in company_ids]
        begun = make_registration(session, company=companies[3], campaign_id=first, completed_at=None)
        done = make_registration(session, company=companies[0], campaign_id=first, places=3)
        adults = make_registration(
            session, company=companies[1], campaign_id=second, places=None, adult_places=2
        )
        for registration in (done, adults):
            session.add(
                Lead(registration_id=registration.id, company_id=registration.company_id, county_number="55")
            )
        session.flush()
        assert maintained(session) == counted_here(session)
        # Completed, places changed, claimed, became a training company, released, deleted.
        begun.completed_at, done.places = utcnow(), 5
        session.flush()
        # The trades a registration names, which the outcome report counts a registered company under.
        done.trades = [session.get_one(Trade, 1), session.get_one(Trade, 2)]
        session.flush()
        assert maintained(session) == counted_here(session)
        done.trades = [session.get_one(Trade, 2)]
        session.flush()
        leads = list(session.scalars(select(Lead).order_by(Lead.id)))
        leads[0].state = LeadState.CLAIMED
        leads[1].state = LeadState.BECAME_TRAINING_COMPANY
        session.flush()
        session.add(Lead(registration_id=begun.id, company_id=begun.company_id, state=LeadState.CONTACTED))
        session.flush()
        leads[0].state = LeadState.NEW
        session.flush()
        session.delete(leads[0])
        session.flush()
        assert maintained(session) == counted_here(session)
    with db.transaction() as session:
        # A company that moves county, municipality and trade takes its counts along.
        moved = session.get_one(Company, company_ids[0])
        moved.county_number, moved.municipality_number, moved.nace_code = "03", "0301", "43.210"
        session.flush()
        assert maintained(session) == counted_here(session)
        # An erasure and the retention purge change nothing counted; the database cascades a company's
        # deletion (its registrations and leads go, its messages and replies lose it).
        erase_company(session, orgnr=moved.orgnr)
        purge(session, now=utcnow() + timedelta(days=3650), settings=settings)
        session.execute(delete(Company).where(Company.id.in_([company_ids[1], company_ids[3]])))
        assert maintained(session) == counted_here(session)
    with db.transaction() as session:
        # A campaign's deletion cascades to its outbox and sets its replies' and registrations' campaign NULL.
        session.execute(delete(Campaign).where(Campaign.id == second))
        session.execute(delete(Message).where(Message.id == ids[2]))
        assert maintained(session) == counted_here(session)
        fold_counts(session)
    with db.session() as session:
        assert maintained(session) == counted_here(session)
        assert session.scalar(select(func.count()).select_from(CampaignStageCount)) == len(
            counted_here(session)
        )
        total, by_county = funnels(session, campaign_id=first)
        assert total.values["targeted"] == 2 and total.values["interested"] == 1  # companies 0 and 4 are left
        assert by_county["03"].values["targeted"] == 1 and by_county["03"].values["delivered"] == 1


def test_the_migration_counts_what_is_there_and_its_downgrade_removes_the_triggers(db: Database) -> None:
    migrate(db, "0023", down=True)
    with db.transaction() as session:  # the tables of 0023 are those of head for what the factories write
        first, _second, ids = _activity(session)
        message = session.get_one(Message, ids[0])
        message.state, message.provider = MessageState.SENT, "sandbox"
        company = session.get_one(Company, message.company_id)
        registration = make_registration(session, company=company, campaign_id=first)
        session.add(Lead(registration_id=registration.id, company_id=company.id, state=LeadState.CLAIMED))
        make_company(session)  # one without any stage
    migrate(db, "head")
    with db.session() as session:
        assert maintained(session) == counted_here(session)
        assert maintained(session)[(0, "claimed", "55", None, None)] == 1
    migrate(db, "0023", down=True)
    with db.transaction() as session:  # no trigger left to write into a table that is gone
        session.execute(update(Message).values(state=MessageState.CANCELLED))
        session.execute(update(Lead).values(state=LeadState.BECAME_TRAINING_COMPANY))
        session.execute(update(Company).values(county_number="03"))
    migrate(db, "head")
    with db.session() as session:
        assert maintained(session) == counted_here(session)
