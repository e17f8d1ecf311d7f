"""The campaign file as a typed model: what is stored reads back the same, old rows keep their meaning, and a
changed definition is seen by every cache of it."""

from __future__ import annotations

from campaigns.definition import parse_definition
from campaigns.definition_model import DefinitionCache
from campaigns.definition_model import definition_of
from campaigns.definition_model import parse_stored
from store.db import Database
from store.models import Campaign
from store.models import Channel

TOML = """
name = "Sommer 2027"
[audience]
counties = ["55"]
[[steps]]
channel = "sms"
template = "sms/invitasjon"
at = "2027-06-07T09:00"
"""


def test_a_stored_definition_reads_back_as_the_checked_one() -> None:
    definition = parse_definition(TOML, counties={"55"})
    assert parse_stored(definition.stored()) == definition
    assert definition.steps[0].channel is Channel.SMS and definition.rate.of(Channel.SMS) == 5.0


def test_a_row_without_rates_or_excludes_reads_as_it_always_did() -> None:
    old = parse_stored({"window": {"start": "08:00"}})
    assert old.rate.of("sms") == 0.0  # no limit, as `.get("rate") or {}` read it
    assert old.audience.exclude == () and old.window.end == "16:00"


def test_assigning_a_definition_bumps_its_revision_so_caches_see_the_change(db: Database) -> None:
    cache = DefinitionCache()
    with db.transaction() as session:
        campaign = Campaign(name="C", definition={"rate": {"sms": 1}})
        session.add(campaign)
        session.flush()
        first = campaign.definition_revision
        assert cache.get(campaign.id, first, campaign.definition).rate.sms == 1
        assert definition_of(campaign).rate.sms == 1
        campaign.definition = {"rate": {"sms": 2}}
        assert campaign.definition_revision == first + 1
        assert cache.get(campaign.id, campaign.definition_revision, campaign.definition).rate.sms == 2
        assert definition_of(campaign).rate.sms == 2
