"""Migration 0017 gives campaigns a definition revision and moves the moment staff resumed a campaign out of its
definition into its own column, so a campaign resumed before the upgrade keeps its accepted overdue steps."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime

from sqlalchemy import text

from store.db import Database
from store.models import Campaign
from tests.test_migration_0004 import migrate

NOW = "2026-12-01 10:00:00"


def test_a_resumed_campaign_keeps_its_resume_time_and_every_campaign_starts_at_revision_one(
    db: Database,
) -> None:
    migrate(db, "0012", down=True)
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO campaign (id, name, language, fixed_language, state, definition, created_at) VALUES "
                "(1, 'Gjenopptatt', 'nb', false, 'running', :resumed, :now), "
                "(2, 'Aldri pauset', 'nb', false, 'running', '{}', :now)"
            ),
            {"now": NOW, "resumed": '{"name": "Gjenopptatt", "resumed_at": "2026-12-01T11:30:00+01:00"}'},
        )
    migrate(db, "head")
    with db.session() as session:
        resumed, untouched = session.get_one(Campaign, 1), session.get_one(Campaign, 2)
        assert resumed.resumed_at == datetime(2026, 12, 1, 10, 30, tzinfo=UTC)
        assert untouched.resumed_at is None
        assert resumed.definition_revision == untouched.definition_revision == 1
