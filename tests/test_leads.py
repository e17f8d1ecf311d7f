"""Leads: routing to hunters, the atomic claim, outcomes, the daily re-announce job and the staff flag."""

from __future__ import annotations

import threading
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.orm import Session

from catalogue.stored import read_text
from hunters.lead_admin import ReassignError
from hunters.lead_admin import reassign_lead
from hunters.lead_jobs import add_working_days
from hunters.lead_jobs import announce_unclaimed
from hunters.leads import ClaimStatus
from hunters.leads import claim_lead
from hunters.leads import create_lead
from hunters.leads import hunter_leads
from hunters.leads import record_outcome
from store.db import Database
from store.models import Company
from store.models import HunterState
from store.models import Lead
from store.models import LeadState
from store.models import Notice
from tests.lead_factories import make_company
from tests.lead_factories import make_hunter
from tests.lead_factories import make_registration
from tests.lead_factories import notifications

OSLO = ZoneInfo("Europe/Oslo")
ELECTRICIAN, CARPENTER = 30, 24  # Elektrikerfaget, Tømrerfaget (row numbers in trades.csv)


def oslo(*args: int) -> datetime:
    return datetime(*args, tzinfo=OSLO)  # type: ignore[misc]


def test_a_lead_is_announced_to_approved_hunters_of_its_county_and_trades(session: Session) -> None:
    company = make_company(session, county="55")
    registration = make_registration(session, company=company, trades=[ELECTRICIAN])
    same_trade = make_hunter(session, counties=["55", "56"], trades=[ELECTRICIAN])
    all_trades = make_hunter(session, counties=["55"], all_trades=True)
    make_hunter(session, counties=["55"], trades=[CARPENTER])  # other trade
    make_hunter(session, counties=["03"], all_trades=True)  # other county
    make_hunter(session, counties=["55"], all_trades=True, state=HunterState.PENDING)
    make_hunter(session, counties=["55"], all_trades=True, state=HunterState.REJECTED)

    lead = create_lead(session, registration_id=registration.id)

    assert (lead.state, lead.county_number, lead.announce_count) == (LeadState.NEW, "55", 1)
    sent = notifications(session, lead_id=lead.id)
    assert sorted(m.hunter_id for m in sent) == sorted([same_trade.id, all_trades.id])
    first = sent[0]
    assert first.priority == 0 and first.channel == "telegram" and first.state == "queued"
    assert first.address == same_trade.telegram_chat_id
    assert {m.company_id for m in sent} == {company.id}  # an erase of the company finds these copies
    assert first.extra == {"buttons": [[{"text": "Ta leaden", "callback_data": f"lead:claim:{lead.id}"}]]}
    assert company.name in (first.body or "") and "Kari Nordmann" in (first.body or "")


def test_creating_a_lead_twice_gives_the_same_lead_and_announces_once(session: Session) -> None:
    registration = make_registration(session, company=make_company(session))
    make_hunter(session, all_trades=True)
    first = create_lead(session, registration_id=registration.id)
    second = create_lead(session, registration_id=registration.id)
    assert first.id == second.id
    assert len(notifications(session)) == 1


def test_a_registration_without_trades_goes_to_every_hunter_of_the_county(session: Session) -> None:
    registration = make_registration(session, company=make_company(session), trades=[])
    hunter = make_hunter(session, trades=[CARPENTER])
    lead = create_lead(session, registration_id=registration.id)
    assert [m.hunter_id for m in notifications(session, lead_id=lead.id)] == [hunter.id]


def test_the_first_claim_wins_and_the_second_hunter_is_told_who_has_it(session: Session) -> None:
    lead = create_lead(session, registration_id=make_registration(session, company=make_company(session)).id)
    first = make_hunter(session, all_trades=True, name="Elektroforbundet Troms")
    second = make_hunter(session, all_trades=True)

    won = claim_lead(session, lead_id=lead.id, hunter_id=first.id)
    lost = claim_lead(session, lead_id=lead.id, hunter_id=second.id)
    again = claim_lead(session, lead_id=lead.id, hunter_id=first.id)

    assert won.status is ClaimStatus.CLAIMED and won.ok
    assert "Leaden er din" in won.text
    assert lost.status is ClaimStatus.TAKEN and "Elektroforbundet Troms" in lost.text
    assert again.status is ClaimStatus.ALREADY_YOURS
    session.refresh(lead)
    assert (lead.state, lead.hunter_id) == (LeadState.CLAIMED, first.id)
    assert lead.claimed_at is not None


def test_a_hunter_outside_the_leads_counties_cannot_claim_it(session: Session) -> None:
    lead = create_lead(session, registration_id=make_registration(session, company=make_company(session)).id)
    oslo_hunter = make_hunter(session, counties=["03"], all_trades=True)
    result = claim_lead(session, lead_id=lead.id, hunter_id=oslo_hunter.id)
    assert result.status is ClaimStatus.OUTSIDE_COUNTY and "utenfor fylkene" in result.text
    session.refresh(lead)
    assert (lead.state, lead.hunter_id) == (LeadState.NEW, None)


def test_pending_rejected_and_unknown_hunters_cannot_claim(session: Session) -> None:
    lead = create_lead(session, registration_id=make_registration(session, company=make_company(session)).id)
    pending = make_hunter(session, all_trades=True, state=HunterState.PENDING)
    rejected = make_hunter(session, all_trades=True, state=HunterState.REJECTED)
    assert "venter på godkjenning" in claim_lead(session, lead_id=lead.id, hunter_id=pending.id).text
    assert "ikke godkjent" in claim_lead(session, lead_id=lead.id, hunter_id=rejected.id).text
    assert "/jeger" in claim_lead(session, lead_id=lead.id, hunter_id=99999).text
    assert (
        claim_lead(session, lead_id=99999, hunter_id=make_hunter(session).id).status
        is ClaimStatus.UNKNOWN_LEAD
    )
    session.refresh(lead)
    assert lead.state == LeadState.NEW


def test_only_the_owner_reports_outcomes_and_a_new_training_company_is_marked(session: Session) -> None:
    company = make_company(session)
    lead = create_lead(session, registration_id=make_registration(session, company=company).id)
    owner, other = make_hunter(session, all_trades=True), make_hunter(session, all_trades=True)
    claim_lead(session, lead_id=lead.id, hunter_id=owner.id)

    refused = record_outcome(session, lead_id=lead.id, hunter_id=other.id, outcome=LeadState.DECLINED)
    assert not refused.ok and "Bare jegeren" in refused.text
    assert record_outcome(session, lead_id=lead.id, hunter_id=owner.id, outcome=LeadState.CONTACTED).ok
    done = record_outcome(
        session, lead_id=lead.id, hunter_id=owner.id, outcome=LeadState.BECAME_TRAINING_COMPANY
    )
    assert done.ok and "ble lærebedrift" in done.text
    session.refresh(lead)
    session.refresh(company)
    assert lead.state == LeadState.BECAME_TRAINING_COMPANY and lead.outcome_at is not None
    assert company.is_training_company


def test_nobody_reports_an_outcome_on_an_unclaimed_lead(session: Session) -> None:
    lead = create_lead(session, registration_id=make_registration(session, company=make_company(session)).id)
    hunter = make_hunter(session, all_trades=True)
    assert not record_outcome(session, lead_id=lead.id, hunter_id=hunter.id, outcome=LeadState.NO_ANSWER).ok
    assert session.get_one(Lead, lead.id).state == LeadState.NEW


def test_leads_shows_a_hunter_what_they_own_and_what_they_could_take(session: Session) -> None:
    hunter = make_hunter(session, trades=[ELECTRICIAN])
    mine = create_lead(
        session,
        registration_id=make_registration(session, company=make_company(session), trades=[ELECTRICIAN]).id,
    )
    company = make_company(session)
    open_lead = create_lead(
        session, registration_id=make_registration(session, company=company, trades=[ELECTRICIAN]).id
    )
    create_lead(
        session, registration_id=make_registration(session, company=make_company(session, county="03")).id
    )
    claim_lead(session, lead_id=mine.id, hunter_id=hunter.id)
    owned, open_leads = hunter_leads(session, hunter=hunter)
    assert [lead.id for lead in owned] == [mine.id]
    assert [lead.id for lead in open_leads] == [open_lead.id]


def _waiting_on_a_lock(db: Database, pid: int) -> bool:
    with db.engine.connect() as conn:
        return bool(
            conn.execute(
                text("SELECT count(*) FROM pg_stat_activity WHERE pid = :pid AND wait_event_type = 'Lock'"),
                {"pid": pid},
            ).scalar()
        )


def test_two_hunters_claiming_at_the_same_moment_get_exactly_one_owner(db: Database) -> None:
    """Both transactions are open before either claims; on PostgreSQL the first claimer commits only once the
    second one's UPDATE is seen waiting on its row lock, so the two claims really contend."""
    with db.transaction() as session:
        lead_id = create_lead(
            session, registration_id=make_registration(session, company=make_company(session)).id
        ).id
        hunters = [make_hunter(session, all_trades=True).id for _ in range(2)]
    postgres = db.engine.dialect.name == "postgresql"
    started = threading.Barrier(2)
    first_claimed = threading.Event()
    pids: dict[int, int] = {}
    results: dict[int, ClaimStatus] = {}
    contended: list[bool] = []

    def claim(hunter_id: int, first: bool) -> None:
        with db.session() as session:
            if postgres:  # open the transaction and learn this backend's pid
                pids[hunter_id] = int(session.execute(text("SELECT pg_backend_pid()")).scalar_one())
            session.get(Lead, lead_id)  # both have read the lead as `new` before either writes
            started.wait(timeout=10)
            if not first:
                assert first_claimed.wait(timeout=10)
            results[hunter_id] = claim_lead(session, lead_id=lead_id, hunter_id=hunter_id).status
            if first:
                first_claimed.set()
                if postgres:  # hold the row lock until the other UPDATE is blocked on it
                    other = next(h for h in hunters if h != hunter_id)
                    deadline = time.monotonic() + 20
                    while time.monotonic() < deadline and not _waiting_on_a_lock(db, pids[other]):
                        time.sleep(0.02)
                    contended.append(_waiting_on_a_lock(db, pids[other]))
            session.commit()

    threads = [threading.Thread(target=claim, args=(h, i == 0)) for i, h in enumerate(hunters)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results.values()) == sorted([ClaimStatus.CLAIMED, ClaimStatus.TAKEN])
    assert results[hunters[0]] is ClaimStatus.CLAIMED
    if postgres:
        assert contended == [True], "the second claim never waited on the first one's row lock"
    with db.session() as session:
        lead = session.get_one(Lead, lead_id)
        assert (lead.state, lead.hunter_id) == (LeadState.CLAIMED, hunters[0])


def test_a_hunter_without_the_leads_trades_cannot_claim_it(session: Session) -> None:
    lead = create_lead(
        session,
        registration_id=make_registration(session, company=make_company(session), trades=[ELECTRICIAN]).id,
    )
    carpenter = make_hunter(session, trades=[CARPENTER])
    refused = claim_lead(session, lead_id=lead.id, hunter_id=carpenter.id)
    assert refused.status is ClaimStatus.OUTSIDE_TRADES and "fag dere ikke dekker" in refused.text
    assert session.get_one(Lead, lead.id).state == LeadState.NEW
    electrician = make_hunter(session, trades=[CARPENTER, ELECTRICIAN])
    assert claim_lead(session, lead_id=lead.id, hunter_id=electrician.id).ok


def test_a_final_outcome_is_changed_only_by_staff(session: Session) -> None:
    company = make_company(session)
    lead = create_lead(session, registration_id=make_registration(session, company=company).id)
    owner = make_hunter(session, all_trades=True)
    claim_lead(session, lead_id=lead.id, hunter_id=owner.id)
    assert record_outcome(session, lead_id=lead.id, hunter_id=owner.id, outcome=LeadState.DECLINED).ok
    for later in (LeadState.CONTACTED, LeadState.BECAME_TRAINING_COMPANY, LeadState.NO_ANSWER):
        refused = record_outcome(session, lead_id=lead.id, hunter_id=owner.id, outcome=later)
        assert not refused.ok and "allerede registrert" in refused.text, later
    assert session.get_one(Lead, lead.id).state == LeadState.DECLINED
    assert session.get_one(Company, company.id).is_training_company is False
    by_staff = record_outcome(
        session, lead_id=lead.id, hunter_id=owner.id, outcome=LeadState.BECAME_TRAINING_COMPANY, by_staff=True
    )
    assert by_staff.ok and session.get_one(Lead, lead.id).state == LeadState.BECAME_TRAINING_COMPANY


def test_a_lead_is_reassigned_only_to_an_approved_hunter_of_its_county(session: Session) -> None:
    lead = create_lead(session, registration_id=make_registration(session, company=make_company(session)).id)
    oslo_hunter = make_hunter(session, counties=["03"], all_trades=True, name="Oslo-laget")
    pending = make_hunter(session, all_trades=True, state=HunterState.PENDING)
    for hunter_id in (oslo_hunter.id, pending.id, 99999):
        with pytest.raises(ReassignError):
            reassign_lead(session, lead_id=lead.id, hunter_id=hunter_id)
    assert session.get_one(Lead, lead.id).state == LeadState.NEW
    troms = make_hunter(session, all_trades=True)
    moved = reassign_lead(session, lead_id=lead.id, hunter_id=troms.id)
    assert moved.hunter is not None and moved.lead.hunter_id == troms.id
    told = notifications(session, lead_id=lead.id)[-1]
    assert told.hunter_id == troms.id and told.company_id == lead.company_id


def test_working_days_skip_weekends_and_public_holidays() -> None:
    friday = oslo(2027, 5, 14, 10, 0)  # Whit Monday 17 May (also Constitution Day) is a holiday
    assert add_working_days(friday, 1) == oslo(2027, 5, 18, 10, 0)
    assert add_working_days(friday, 3) == oslo(2027, 5, 20, 10, 0)
    before_ascension = oslo(2027, 5, 4, 10, 0)  # Tuesday; Ascension Day is Thursday 6 May
    assert add_working_days(before_ascension, 3) == oslo(2027, 5, 10, 10, 0)


def test_unclaimed_leads_are_reannounced_daily_and_flagged_after_three_working_days(session: Session) -> None:
    hunter = make_hunter(session, all_trades=True)
    company = make_company(session, name="Rørlegger Hansen AS")
    lead = create_lead(session, registration_id=make_registration(session, company=company).id)
    lead.created_at = lead.announced_at = oslo(2027, 5, 4, 10, 0)  # Tuesday before Ascension Day
    taken = create_lead(session, registration_id=make_registration(session, company=make_company(session)).id)
    claim_lead(session, lead_id=taken.id, hunter_id=hunter.id)
    session.flush()

    friday = announce_unclaimed(session, now=oslo(2027, 5, 7, 12, 0))
    assert (friday.reannounced, friday.notifications, friday.flagged) == (1, 1, 0)
    reminder = notifications(session, lead_id=lead.id)[-1]
    assert reminder.hunter_id == hunter.id and (reminder.body or "").startswith("Påminnelse")
    again = announce_unclaimed(session, now=oslo(2027, 5, 7, 16, 0))  # a second run the same day
    assert (again.reannounced, again.flagged) == (0, 0)

    monday_early = announce_unclaimed(session, now=oslo(2027, 5, 10, 9, 0))
    assert monday_early.flagged == 0 and lead.flagged_at is None
    monday_late = announce_unclaimed(session, now=oslo(2027, 5, 10, 10, 30))
    assert monday_late.flagged == 1 and lead.flagged_at is not None
    notice = session.scalars(select(Notice).where(Notice.lead_id == lead.id)).one()
    assert notice.kind == "lead_unclaimed" and "Rørlegger Hansen AS" in read_text(notice.text)
    announce_unclaimed(session, now=oslo(2027, 5, 11, 10, 30))
    assert session.scalar(select(func.count()).select_from(Notice)) == 1
    assert len(notifications(session, lead_id=taken.id)) == 1  # the claimed lead was never re-announced
    assert session.get_one(Company, company.id).is_training_company is False
