"""Owners of a campaign (PRODUCT §11): named by orgnr in the file, they must be approved organisations; create
stores them and writes the owner's contact person for the letters; a wrong owner is refused at its line."""

from __future__ import annotations

from datetime import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from campaigns.definition import DefinitionError
from campaigns.definition_model import definition_of
from campaigns.lifecycle import create_campaign
from settings import Settings
from store.db import Database
from store.models import CampaignOwner
from store.models import HunterMember
from store.models import HunterState
from tests.lead_factories import make_hunter
from tests.outbox_factories import make_recipient

NAV, GLEMMEN = "974760673", "923609016"


def source(at: datetime) -> str:
    return f"""
name = "Øra voksen"
kind = "voksen"
owner = "{NAV}"
co_owners = ["{GLEMMEN}"]

[audience]
counties = ["55"]

[[steps]]
channel = "sms"
template = "sms/voksen"
at = "{at:%Y-%m-%dT%H:%M}"
"""


def start() -> datetime:
    return datetime.now(ZoneInfo("Europe/Oslo")) + timedelta(days=3)


def test_create_stores_the_owners_and_the_contact_person(db: Database, settings: Settings) -> None:
    with db.transaction() as session:
        nav = make_hunter(session, counties=["31"], name="NAV Fredrikstad")
        nav.orgnr = NAV
        session.add(
            HunterMember(hunter_id=nav.id, name="Ola Nordmann", phone="+4791234567", email="ola@nav.no")
        )
        school = make_hunter(session, counties=["31"], name="Glemmen vgs")
        school.orgnr = GLEMMEN
        make_recipient(session, county_number="55")
    with db.transaction() as session:
        campaign = create_campaign(
            session, source=source(start()), filename="ora.toml", settings=settings
        ).campaign
        owners = session.execute(
            select(CampaignOwner.hunter_id, CampaignOwner.is_primary).where(
                CampaignOwner.campaign_id == campaign.id
            )
        ).all()
        assert sorted(owners) == sorted([(nav.id, True), (school.id, False)])
        contact = definition_of(campaign).owner_contact
        assert contact is not None
        assert (contact.owner_name, contact.co_owner_names, contact.owner_contact_name) == (
            "NAV Fredrikstad",
            "Glemmen vgs",
            "Ola Nordmann",
        )


def test_an_owner_that_is_not_approved_is_refused_at_its_line(db: Database, settings: Settings) -> None:
    with db.transaction() as session:
        pending = make_hunter(session, counties=["31"], name="NAV Fredrikstad", state=HunterState.PENDING)
        pending.orgnr = NAV
        make_recipient(session, county_number="55")
    with pytest.raises(DefinitionError) as raised, db.transaction() as session:
        create_campaign(session, source=source(start()), filename="ora.toml", settings=settings)
    messages = [str(p) for p in raised.value.problems]
    assert "ora.toml:4: owner: NAV Fredrikstad (974760673) er ikke godkjent ennå" in messages[0]
    assert any(
        m.startswith("ora.toml:5: co_owners: ingen organisasjon har organisasjonsnummer 923609016")
        for m in messages
    )
