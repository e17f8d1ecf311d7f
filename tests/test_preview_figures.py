"""The preview's whole-audience figures are counted once per definition revision (issue 14): stored at create
and launch, read by the preview, and counted again when the definition changed, never shown for another
revision; the stored figures are those a fresh count gives."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy import update

from campaigns.definition_model import definition_of
from campaigns.definition_model import set_definition
from campaigns.lifecycle import create_campaign
from campaigns.preview_figures import compute_figures
from campaigns.preview_figures import figures_of
from campaigns.service import preview_campaign
from settings import Settings
from store.db import Database
from store.models import Campaign
from store.models import CampaignFigures
from store.models import Company
from tests.outbox_factories import make_recipient
from tests.test_campaigns import TOML
from tests.test_campaigns import current


def seed(db: Database) -> None:
    with db.transaction() as session:
        for extra in ({}, {"employees": None}, {"org_form": "ENK"}, {"is_training_company": True}):
            make_recipient(session, **{"nace_code": "43.210", "employees": 10, **extra})
        make_recipient(session, nace_code="43.210", employees=10, county_number="03")  # outside the county


def create(db: Database, settings: Settings) -> int:
    with db.transaction() as session:
        return create_campaign(
            session, source=current(TOML), filename="c.toml", settings=settings
        ).campaign.id


def test_create_stores_the_figures_a_fresh_count_gives(db: Database, settings: Settings) -> None:
    seed(db)
    campaign_id = create(db, settings)
    with db.session() as session:
        campaign = session.get(Campaign, campaign_id)
        assert campaign is not None
        row = session.get(CampaignFigures, campaign_id)
        assert row is not None and row.revision == campaign.definition_revision
        fresh = compute_figures(session, campaign=campaign)
        assert row.figures == fresh.stored()
        assert fresh.audience == 3  # unknown size counts as small; the training company is left out
        assert fresh.steps["sms"].recipients == 2  # the sole proprietor gets no SMS


def test_the_preview_reads_the_stored_figures(db: Database, settings: Settings) -> None:
    seed(db)
    campaign_id = create(db, settings)
    with db.transaction() as session:
        # A company added after create is not counted until the figures are counted again (launch, a change).
        make_recipient(session, nace_code="43.210", employees=10)
    with db.session() as session:
        view = preview_campaign(session, settings, campaign_id=campaign_id)
        assert view.audience == 3
        assert {s.name: s.recipients for s in view.steps} == {"sms": 2, "paaminnelse": 2}
        assert [(g.reason, g.count) for g in view.steps[0].gaps] == [("gap_sole", 1)]


def test_a_changed_definition_is_counted_again_before_it_is_shown(db: Database, settings: Settings) -> None:
    seed(db)
    campaign_id = create(db, settings)
    with db.transaction() as session:
        campaign = session.get(Campaign, campaign_id)
        assert campaign is not None
        before = campaign.definition_revision
        definition = definition_of(campaign)
        wider = definition.audience.model_copy(update={"employees": (20, 500)})
        set_definition(campaign, definition.model_copy(update={"audience": wider}))
        assert campaign.definition_revision == before + 1
    with db.transaction() as session:
        campaign = session.get(Campaign, campaign_id)
        assert campaign is not None
        stored = session.get(CampaignFigures, campaign_id)
        assert stored is not None and stored.revision == before  # still the old revision's
        view = preview_campaign(session, settings, campaign_id=campaign_id)
        assert view.audience == 0  # nobody has 20 or more employees: the new revision's count
        assert view.steps[0].recipients == 0
    with db.session() as session:
        campaign = session.get(Campaign, campaign_id)
        assert campaign is not None
        row = session.get(CampaignFigures, campaign_id)
        assert row is not None and row.revision == campaign.definition_revision
        assert row.figures == compute_figures(session, campaign=campaign).stored()


def test_missing_figures_are_counted_and_stored(db: Database, settings: Settings) -> None:
    """A campaign created before the figures were kept (no row) gets them at its first preview."""
    seed(db)
    campaign_id = create(db, settings)
    with db.transaction() as session:
        session.execute(update(Company).values(employees=30))
        session.query(CampaignFigures).delete()
    with db.transaction() as session:
        campaign = session.get(Campaign, campaign_id)
        assert campaign is not None
        assert figures_of(session, campaign=campaign).audience == 3
    with db.session() as session:
        assert session.scalar(select(CampaignFigures.revision)) is not None
