"""One STOPP stops one company (issue 10, PRODUCT §3): a register where 1,000 companies share one switchboard
number, imported through the real importer, answered through the real, signed SMS webhook.

Before: the answering company's STOPP opted out every address it had, the shared switchboard too, and the
audience then left out every company with any opted-out address: all 1,000 were gone from the next campaign.
A property test then replays random sharing and random STOPPs through the engine against a model of the rule.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.engine import Inbound
from bot.engine import handle_inbound
from campaigns import audience
from campaigns.audience_gaps import OPTED_OUT
from campaigns.audience_gaps import step_gaps
from campaigns.definition_model import definition_of
from campaigns.definition_model import parse_stored
from campaigns.lifecycle import create_campaign
from campaigns.outbox import step_recipients
from campaigns.preview import preview_campaign
from campaigns.windows import ALWAYS_OPEN_TABLE
from companies.identifiers import ensure_identifiers
from companies.importer import import_companies
from companies.optout_records import is_opted_out
from settings import Settings
from store.db import Database
from store.models import Campaign
from store.models import Channel
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import OptOut
from store.secrets import AddressHasher
from tests.conftest import post_inbound_sms
from tests.outbox_factories import make_recipient
from tests.register_files import unit
from tests.register_files import valid_orgnrs
from tests.register_files import write_json
from web.app import create_app

SWITCHBOARD = "+4741234567"  # one number (a mobile-range switchboard) that every company lists as `telefon`
COMPANIES = 1000
WITHOUT_MOBILE = 10  # the last ten list only the switchboard
CONFIRMED = "<Message>"  # the one confirmation (in the company's bokmål or nynorsk)
_sids = itertools.count(1)


def own_mobile(n: int) -> str:
    return f"+479{1_000_000 + n:07d}"


@pytest.fixture
def client(twilio_settings: Settings, db: Database) -> Iterator[TestClient]:
    with TestClient(create_app(twilio_settings, db=db)) as c:
        yield c


@pytest.fixture
def register(db: Database, tmp_path: Path) -> list[str]:
    """Imports the register through the importer; returns the orgnrs in file order."""
    rng = random.Random(10)
    orgnrs = list(valid_orgnrs(COMPANIES, seed=10))
    items = [
        unit(
            orgnr,
            rng,
            telefon="41 23 45 67",
            mobil=own_mobile(n)[3:] if n < COMPANIES - WITHOUT_MOBILE else None,
            antallAnsatte=20,
        )
        for n, orgnr in enumerate(orgnrs)
    ]
    summary = import_companies(db, write_json(tmp_path / "enheter.json", items))
    assert summary.imported == COMPANIES and summary.rejected == 0
    return orgnrs


def campaign_source() -> str:
    at = datetime.now(ZoneInfo("Europe/Oslo")).strftime("%Y-%m-%dT%H:%M")
    return f"""name = "Neste kampanje"
{ALWAYS_OPEN_TABLE}
[audience]
exclude = ["opted_out", "registered", "training_company"]

[[steps]]
name = "sms"
channel = "sms"
template = "sms/invitasjon"
at = "{at}"
"""


def text_in(client: TestClient, settings: Settings, body: str, sender: str) -> str:
    response = post_inbound_sms(client, settings, body, sender=sender)
    assert response.status_code == 200
    return response.text


def counts(db: Database, settings: Settings) -> dict[str, int]:
    """The next campaign's audience: all channels, an SMS step and a letter step (e-mail or print), by
    campaigns/audience.py, and the SMS step once more as the preview counts it. (The campaign holds only the
    SMS step: creating one renders every letter, which is slow and beside the point here.)"""
    with db.transaction() as session:
        campaign = create_campaign(
            session, source=campaign_source(), filename="neste.toml", settings=settings
        ).campaign
        definition = definition_of(campaign)
        preview = preview_campaign(session, campaign_id=campaign.id, settings=settings, step_name="sms")
        return {
            "all": audience.count(session, definition),
            "sms": audience.count(session, definition, Channel.SMS),
            "letter": audience.count(session, definition, Channel.LETTER),
            "preview_sms": preview[0].audience,
        }


def test_one_company_saying_stopp_from_its_mobile_leaves_the_other_999_in_the_next_campaign(
    db: Database, twilio_settings: Settings, client: TestClient, register: list[str]
) -> None:
    assert counts(db, twilio_settings) == {"all": 1000, "sms": 1000, "letter": 1000, "preview_sms": 1000}
    stopping = register[5]

    answer = text_in(client, twilio_settings, "STOPP", own_mobile(5))

    assert CONFIRMED in answer
    assert counts(db, twilio_settings) == {"all": 999, "sms": 999, "letter": 999, "preview_sms": 999}
    with db.transaction() as session:
        hasher = AddressHasher.load(session)
        company = session.scalars(select(Company).where(Company.orgnr == stopping)).one()
        assert company.do_not_contact_at is not None and company.do_not_contact_source == "sms"
        assert session.scalar(select(func.count()).where(Company.do_not_contact_at.is_not(None))) == 1
        assert is_opted_out(session, hasher=hasher, kind=ContactKind.PHONE, address=own_mobile(5))
        # Neither the shared switchboard nor the company's e-mail is opted out: only the sender's address.
        assert not is_opted_out(session, hasher=hasher, kind=ContactKind.PHONE, address=SWITCHBOARD)
        assert session.scalar(select(func.count()).select_from(OptOut)) == 1
        campaign = session.scalars(select(Campaign)).first()
        assert campaign is not None
        why = preview_campaign(
            session, campaign_id=campaign.id, settings=twilio_settings, orgnrs=[stopping], step_name="sms"
        )[0].missing[stopping]
        assert "har sagt STOPP" in why
    # A second STOPP from the same mobile changes nothing and gets no second confirmation.
    assert CONFIRMED not in text_in(client, twilio_settings, "stopp", own_mobile(5))


def test_stopp_from_the_shared_switchboard_opts_out_that_number_for_everyone_and_marks_no_company(
    db: Database, twilio_settings: Settings, client: TestClient, register: list[str]
) -> None:
    answer = text_in(client, twilio_settings, "Stopp", SWITCHBOARD)

    assert CONFIRMED in answer
    # The ten that only had the switchboard lose SMS; everyone keeps e-mail/letters; no company is stopped.
    assert counts(db, twilio_settings) == {
        "all": 1000,
        "sms": COMPANIES - WITHOUT_MOBILE,
        "letter": 1000,
        "preview_sms": COMPANIES - WITHOUT_MOBILE,
    }
    with db.transaction() as session:
        assert session.scalar(select(func.count()).where(Company.do_not_contact_at.is_not(None))) == 0
        hasher = AddressHasher.load(session)
        assert is_opted_out(session, hasher=hasher, kind=ContactKind.PHONE, address=SWITCHBOARD)
        campaign = session.scalars(select(Campaign)).one()
        sms = next(s for s in campaign.steps if s.name == "sms")
        switchboard = set(
            session.scalars(
                select(Contact.id).where(Contact.kind == ContactKind.PHONE, Contact.address == SWITCHBOARD)
            )
        )
        assert len(switchboard) == COMPANIES
        assert not {r.contact_id for r in step_recipients(session, campaign=campaign, step=sms)} & switchboard
        # The preview's gaps name the reason for the ten, with the audience's own conditions.
        gaps = step_gaps(
            session, campaign=campaign, step=sms, recipients=COMPANIES - WITHOUT_MOBILE, audience=COMPANIES
        )
        assert [(g.reason, g.count) for g in gaps] == [(OPTED_OUT, WITHOUT_MOBILE)]


def test_stopp_from_the_switchboard_with_a_short_code_stops_that_company_only(
    db: Database, twilio_settings: Settings, client: TestClient, register: list[str]
) -> None:
    """A short code from a letter proves which company is speaking, even from a shared number."""
    with db.transaction() as session:
        company = session.scalars(select(Company).where(Company.orgnr == register[7])).one()
        ensure_identifiers(session, company_ids=[company.id])
        session.refresh(company)
        code = company.short_code
    assert CONFIRMED in text_in(client, twilio_settings, f"STOPP {code}", SWITCHBOARD)
    assert counts(db, twilio_settings)["all"] == 999
    with db.transaction() as session:
        stopped = session.scalars(select(Company.orgnr).where(Company.do_not_contact_at.is_not(None))).all()
        assert stopped == [register[7]]


@st.composite
def shared_register(draw: st.DrawFn) -> tuple[list[list[int]], list[int]]:
    """Companies as lists of pool numbers they list besides their own mobile (pool numbers are shared), and
    the senders of STOPP: a company's own mobile (index < 0: ~company) or a pool number (index >= 0)."""
    companies = draw(st.integers(min_value=2, max_value=5))
    listed = [draw(st.lists(st.integers(0, 2), max_size=2, unique=True)) for _ in range(companies)]
    senders = draw(st.lists(st.integers(-companies, 2), min_size=1, max_size=4))
    return listed, senders


@hsettings(
    max_examples=15,
    deadline=timedelta(seconds=10),
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(case=shared_register())
def test_property_a_stopp_never_removes_a_company_that_only_shares_the_address(
    session: Session, settings: Settings, case: tuple[list[list[int]], list[int]]
) -> None:
    """Whatever addresses companies share and whoever says STOPP: exactly the companies whose own, unshared
    address said STOPP are do-not-contact, and every other company stays in the SMS audience as long as one
    of its current mobiles is not opted out."""
    listed, senders = case
    hasher = AddressHasher.load(session)
    pool = [f"+474123450{n}" for n in range(3)]
    companies: list[tuple[Company, set[str]]] = []
    own_mobiles: list[str] = []
    for numbers in listed:
        company, own = make_recipient(session)
        own_mobiles.append(own.address)
        mobiles = {own.address}
        for n in numbers:
            session.add(
                Contact(
                    company_id=company.id,
                    kind=ContactKind.PHONE,
                    address=pool[n],
                    address_hash=hasher(ContactKind.PHONE, pool[n]),
                    is_mobile=True,
                )
            )
            mobiles.add(pool[n])
        companies.append((company, mobiles))
    session.flush()
    said: set[str] = set()
    for sender_index in senders:
        sender = own_mobiles[~sender_index] if sender_index < 0 else pool[sender_index]
        handle_inbound(
            session,
            inbound=Inbound(channel="sms", sender=sender, text="STOPP", provider_id=f"P{next(_sids)}"),
            settings=settings,
        )
        said.add(sender)
    session.flush()

    owners = {address: [c.id for c, mobiles in companies if address in mobiles] for address in said}
    expected_stopped = {ids[0] for ids in owners.values() if len(ids) == 1}
    expected_sms = {c.id for c, mobiles in companies if c.id not in expected_stopped and mobiles - said}
    session.expire_all()
    stopped = set(session.scalars(select(Company.id).where(Company.do_not_contact_at.is_not(None))))
    definition = parse_stored({"audience": {"exclude": ["opted_out"]}})
    ((_channel, query),) = audience.recipients(definition, Channel.SMS)
    in_sms = {company_id for company_id, _contact in session.execute(query).tuples()}
    assert stopped == expected_stopped
    assert in_sms == expected_sms
    assert audience.count(session, definition) == len(companies) - len(expected_stopped)
    session.rollback()
