"""Migration 0014 adds campaign ownership and the adult answers without touching a row that exists: leads,
registrations and their trades stay (no table is rebuilt, which on SQLite would cascade deletes)."""

from __future__ import annotations

from sqlalchemy import inspect
from sqlalchemy import text

from store.db import Database
from tests.test_migration_0004 import insert_company
from tests.test_migration_0004 import migrate

NOW = "2026-12-01 10:00:00"


def test_existing_leads_and_registrations_keep_their_rows_and_get_empty_new_fields(db: Database) -> None:
    migrate(db, "0010", down=True)
    with db.engine.begin() as connection:
        insert_company(connection, now=NOW)
        connection.execute(
            text(
                "INSERT INTO registration (id, company_id, source, consent, places, verified, created_at, "
                "updated_at) VALUES (2, 1, 'sms', true, 3, true, :now, :now)"
            ),
            {"now": NOW},
        )
        connection.execute(text("INSERT INTO registration_trade (registration_id, trade_id) VALUES (2, 1)"))
        connection.execute(
            text(
                "INSERT INTO lead (id, registration_id, company_id, state, announce_count, created_at, "
                "updated_at) VALUES (5, 2, 1, 'new', 0, :now, :now)"
            ),
            {"now": NOW},
        )
    migrate(db, "head")
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT id, handed_to_county_at FROM lead")).all() == [(5, None)]
        assert connection.execute(
            text("SELECT id, places, adult_places, trial_first FROM registration")
        ).all() == [(2, 3, None, None)]
        assert connection.execute(text("SELECT registration_id, trade_id FROM registration_trade")).all() == [
            (2, 1)
        ]
        assert connection.execute(text("SELECT count(*) FROM campaign_owner")).scalar() == 0
        assert connection.execute(text("SELECT count(*) FROM campaign_launch_request")).scalar() == 0


def test_it_downgrades_and_upgrades_again(db: Database) -> None:
    migrate(db, "0010", down=True)
    tables = set(inspect(db.engine).get_table_names())
    assert "campaign_owner" not in tables and "lead" in tables
    migrate(db, "head")
