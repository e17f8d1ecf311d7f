"""`jeger serve --demo` data: realistic sample companies in every county, hunters, a login; idempotent."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import phonenumbers
from sqlalchemy import func
from sqlalchemy import select
from stdnum.no import orgnr as orgnr_check

from demo.simulator import DEMO_EMAIL
from demo.simulator import DEMO_PASSWORD
from demo.simulator import HUNTERS
from demo.simulator import TRY_COMPANIES
from demo.simulator import seed_companies
from demo.simulator import seed_demo
from demo.simulator import seed_hunters
from demo.simulator import seed_try_companies
from settings import Settings
from staff.accounts import LoginStatus
from staff.accounts import authenticate
from store.db import Database
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import County
from store.models import Hunter
from store.models import HunterState
from store.models import StaffUser
from store.secrets import AddressHasher
from tests.outbox_factories import add_outreach


def test_about_five_hundred_valid_companies_land_in_all_fifteen_counties(db: Database) -> None:
    assert seed_companies(db) == 500
    with db.session() as session:
        companies = list(session.scalars(select(Company)))
        counties = Counter(c.county_number for c in companies)
        all_counties = set(session.scalars(select(County.number)))
        contacts = list(session.scalars(select(Contact)))
        hasher = AddressHasher.load(session)
    assert len(companies) == 500
    assert set(counties) == all_counties and len(all_counties) == 15
    assert min(counties.values()) >= 10
    assert all(orgnr_check.is_valid(c.orgnr) for c in companies)
    assert all(c.name.endswith(" AS") for c in companies if c.org_form == "AS")
    assert 10 < sum(c.org_form == "ENK" for c in companies) < 80
    assert 1 <= sum(c.bankrupt for c in companies) < 20
    assert any(c.language == "nn" for c in companies)
    assert all(
        c.nace_code and c.nace_code[:2] in {"41", "42", "43", "25", "28", "33", "45", "16", "10", "47", "46"}
        for c in companies
    )
    mobiles = [c for c in contacts if c.kind == ContactKind.PHONE and c.is_mobile]
    assert len(mobiles) > 350
    for contact in mobiles:
        number = phonenumbers.parse(contact.address)
        assert phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE
        assert contact.address_hash == hasher(ContactKind.PHONE, contact.address)
    assert any(c.kind == ContactKind.EMAIL for c in contacts)


def test_seeding_twice_adds_nothing_the_second_time(db: Database) -> None:
    assert seed_companies(db) == 500
    assert seed_companies(db) == 0
    with db.transaction() as session:
        assert seed_hunters(session) == len(HUNTERS)
    with db.transaction() as session:
        assert seed_hunters(session) == 0
        assert session.scalar(select(func.count()).select_from(Company)) == 500


def test_three_approved_hunters_cover_every_county(db: Database) -> None:
    with db.transaction() as session:
        seed_hunters(session)
    with db.session() as session:
        hunters = list(session.scalars(select(Hunter)))
        approved = [h for h in hunters if h.state == HunterState.APPROVED]
        covered = {c.number for h in approved for c in h.counties}
        assert len(approved) == 3
        assert covered == set(session.scalars(select(County.number)))
        assert all(h.telegram_chat_id for h in approved)
        assert any(h.state == HunterState.PENDING for h in hunters)  # one to approve in the demo


def test_the_whole_seed_is_idempotent_and_the_demo_login_works(db: Database, settings: Settings) -> None:
    first = seed_demo(db, settings)
    second = seed_demo(db, settings)
    assert first.companies_added == 500 + len(TRY_COMPANIES) and second.companies_added == 0
    assert first.staff_created and not second.staff_created
    # The Øra case (demo.ora) is the second sample campaign, made once.
    assert first.ora_campaign_id is not None and second.ora_campaign_id == first.ora_campaign_id
    assert "Øra-kampanjen er nr." in second.text
    with db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(StaffUser)) == 1
        assert authenticate(session, email=DEMO_EMAIL, password=DEMO_PASSWORD).status is LoginStatus.OK


def _demo_sends(db: Database, *, minutes_ago: int = 30) -> int:
    """A demo campaign whose SMS the sandbox "sent" to every company with a mobile."""
    from demo.simulator import DEMO_CAMPAIGN_PREFIX
    from store.models import Campaign
    from store.models import CampaignState
    from store.models import CampaignStep
    from store.models import Channel
    from store.models import MessageState
    from store.models import utcnow

    with db.transaction() as session:
        campaign = Campaign(name=f"{DEMO_CAMPAIGN_PREFIX} test", state=CampaignState.RUNNING, definition={})
        step = CampaignStep(
            campaign=campaign, position=0, name="sms", channel=Channel.SMS, template="sms/invitasjon"
        )
        session.add_all([campaign, step])
        session.flush()
        sent_at = utcnow() - timedelta(minutes=minutes_ago)
        count = 0
        for company in session.scalars(select(Company).where(Company.mobile.is_not(None))):
            add_outreach(
                session,
                campaign=campaign,
                step=step,
                company=company,
                address=company.mobile,
                body="Hei! Svar JA",
                state=MessageState.SENT,
                provider="sandbox",
                sent_at=sent_at,
            )
            count += 1
        return count


def test_simulated_companies_answer_through_the_conversation_engine(db: Database, settings: Settings) -> None:
    from demo.simulator import DemoSimulator
    from store.models import Intent
    from store.models import Lead
    from store.models import LeadState
    from store.models import Registration
    from store.models import Reply
    from store.models import utcnow

    seed_companies(db, count=120, seed=11)
    with db.transaction() as session:
        seed_hunters(session)
    assert _demo_sends(db) > 80
    simulator = DemoSimulator(settings=settings, db=db)
    later = utcnow() + timedelta(minutes=5)
    answered = [simulator.tick(now=later + timedelta(seconds=10 * i)) for i in range(12)]
    assert answered[0] > 10 and answered[-1] == 0  # first answers at once, then the registrations run out
    with db.session() as session:
        intents = Counter(session.scalars(select(Reply.intent)))
        completed = session.scalars(select(Registration).where(Registration.completed_at.is_not(None))).all()
        leads = session.scalars(select(Lead)).all()
    assert intents[Intent.INTERESTED] > 0 and intents[Intent.DECLINED] > 0 and intents[Intent.OPT_OUT] > 0
    assert intents[Intent.FREE_TEXT] > 0 and intents[Intent.ANSWER] > 0
    assert completed and len(leads) == len(completed)
    assert all(r.places == 2 and r.adult_apprentices for r in completed)
    # The demo's hunters took every lead and reported back, as their Telegram buttons would.
    assert all(lead.hunter_id is not None for lead in leads)
    assert {lead.state for lead in leads} <= {
        LeadState.BECAME_TRAINING_COMPANY,
        LeadState.CONTACTED,
        LeadState.DECLINED,
    }
    assert any(lead.state == LeadState.BECAME_TRAINING_COMPANY for lead in leads)


def test_simulated_answers_wait_for_their_delay_and_stop_after_the_demo_window(
    db: Database, settings: Settings
) -> None:
    from demo.simulator import DemoSimulator
    from store.models import utcnow

    seed_companies(db, count=40, seed=11)
    _demo_sends(db, minutes_ago=0)
    simulator = DemoSimulator(settings=settings, db=db, minutes=15)
    assert simulator.tick(now=utcnow()) == 0  # nobody answers within a second of our SMS
    assert simulator.tick(now=utcnow() + timedelta(hours=1)) == 0  # and nobody starts after the demo window
    assert simulator.tick(now=utcnow() + timedelta(minutes=5)) > 0


def test_demo_links_follow_the_port_the_demo_serves_on(db: Database, settings: Settings) -> None:
    from campaigns.preview import preview_campaign
    from demo.simulator import active_demo_campaign
    from demo.simulator import demo_settings

    demo = demo_settings(settings, host="0.0.0.0", port=8765)
    assert demo.public_base_url == "http://127.0.0.1:8765"
    seed_demo(db, demo, companies=60)
    with db.transaction() as session:
        campaign = active_demo_campaign(session)
        assert campaign is not None
        samples = preview_campaign(session, campaign_id=campaign.id, settings=demo, step_name="sms")[
            0
        ].samples
    assert samples and all("http://127.0.0.1:8765/r/" in s.message.body for s in samples)


def test_an_explicit_public_base_url_is_kept_for_the_demo(settings: Settings) -> None:
    from demo.simulator import demo_settings

    explicit = settings.model_copy(update={"public_base_url": "https://demo.example.no"})
    explicit = Settings(**{**explicit.model_dump(), "_env_file": None})  # as if PUBLIC_BASE_URL were set
    assert demo_settings(explicit, host="127.0.0.1", port=9000).public_base_url == "https://demo.example.no"


def test_demo_company_names_fit_their_county() -> None:
    from demo.data import PREFIXES
    from demo.data import REGIONAL_PREFIXES
    from demo.data import sample_companies

    municipalities = {
        county: [(f"{county}01", f"Kommune {county}")]
        for county in (
            "03",
            "11",
            "15",
            "18",
            "31",
            "32",
            "33",
            "34",
            "39",
            "40",
            "42",
            "46",
            "50",
            "55",
            "56",
        )
    }
    seen_regional = 0
    for company in sample_companies(municipalities, count=500, seed=5):
        first = company.name.split(" ")[0]
        if first in REGIONAL_PREFIXES:
            seen_regional += 1
            assert company.county_number in REGIONAL_PREFIXES[first], (company.name, company.county_number)
        assert (
            first in PREFIXES or first in REGIONAL_PREFIXES or company.org_form == "ENK" or first == "Kommune"
        )
    assert seen_regional > 30


def test_the_companies_to_try_have_the_readme_codes_and_get_the_demo_campaign(
    db: Database, settings: Settings
) -> None:
    from pathlib import Path

    from campaigns.preview import preview_campaign
    from demo.simulator import active_demo_campaign

    seed_demo(db, settings, companies=60)
    assert seed_try_companies(db) == 0  # idempotent
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    with db.transaction() as session:
        for spec in TRY_COMPANIES:
            company = session.scalar(select(Company).where(Company.orgnr == spec.orgnr))
            assert company is not None and company.name == spec.name
            assert company.short_code == spec.short_code and company.token and company.mobile == spec.mobile
            # The README names each one the way a newcomer types it.
            assert spec.orgnr in readme and spec.short_code in readme and spec.name in readme
            assert spec.mobile in readme
        campaign = active_demo_campaign(session)
        assert campaign is not None
        (step,) = preview_campaign(
            session,
            campaign_id=campaign.id,
            settings=settings,
            orgnrs=[c.orgnr for c in TRY_COMPANIES],
            step_name="sms",
        )
    assert {s.orgnr for s in step.samples} == {c.orgnr for c in TRY_COMPANIES}, step.missing
    assert all(
        c.short_code in s.message.body for s in step.samples for c in TRY_COMPANIES if c.orgnr == s.orgnr
    )


def test_the_simulator_never_answers_for_the_companies_to_try(db: Database, settings: Settings) -> None:
    from demo.simulator import DEMO_CAMPAIGN_PREFIX
    from demo.simulator import DemoSimulator
    from demo.simulator import simulate_hunters
    from hunters.leads import create_lead
    from store.models import Campaign
    from store.models import Lead
    from store.models import LeadState
    from store.models import Reply
    from store.models import utcnow
    from tests.lead_factories import make_registration

    seed_companies(db, count=120, seed=11)
    seed_try_companies(db)
    with db.transaction() as session:
        seed_hunters(session)
    assert _demo_sends(db) > 80
    mobiles = {c.mobile for c in TRY_COMPANIES}
    with db.session() as session:
        reserved = set(session.scalars(select(Company.id).where(Company.mobile.in_(mobiles))))
    assert len(reserved) == len(TRY_COMPANIES)  # they were "sent" the demo SMS like everyone else
    simulator = DemoSimulator(settings=settings, db=db)
    later = utcnow() + timedelta(minutes=5)
    for i in range(12):
        simulator.tick(now=later + timedelta(seconds=10 * i))
    with db.session() as session:
        replies = session.scalars(select(Reply)).all()
    assert len(replies) > 20  # the others did answer
    assert not [r for r in replies if r.sender in mobiles or r.company_id in reserved]
    # A lead a newcomer made for one of them waits for the newcomer, not for a simulated hunter; the same lead
    # for an ordinary company in that county (Vestland: Fellesforbundet Vest takes every trade) is taken.
    with db.transaction() as session:
        demo = session.scalar(select(Campaign).where(Campaign.name.startswith(DEMO_CAMPAIGN_PREFIX)))
        assert demo is not None
        vestland = session.scalars(select(Company).where(Company.county_number == "46")).all()
        tried = next(c for c in vestland if c.id in reserved)
        ordinary = next(c for c in vestland if c.id not in reserved)
        leads = {}
        for company in (tried, ordinary):
            registration = make_registration(session, company=company, campaign_id=demo.id)
            lead = create_lead(session, registration_id=registration.id)
            lead.created_at = utcnow() - timedelta(hours=1)
            leads[company.id] = lead.id
    with db.transaction() as session:
        simulate_hunters(session, now=utcnow())
    with db.session() as session:
        kept = session.get_one(Lead, leads[tried.id])
        taken = session.get_one(Lead, leads[ordinary.id])
        assert kept.state == LeadState.NEW and kept.hunter_id is None
        assert taken.state == LeadState.CLAIMED and taken.hunter_id is not None
