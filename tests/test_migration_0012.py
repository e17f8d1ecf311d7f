"""Migration 0012 leaves every existing staff account unscoped: only `jeger staff add --role county` makes a
county officer, so nobody loses (or gains) what they saw on the day it runs."""

from __future__ import annotations

from sqlalchemy import text

from store.db import Database
from tests.test_migration_0004 import migrate


def test_existing_staff_stay_unscoped_and_the_new_tables_are_empty(db: Database) -> None:
    migrate(db, "0014", down=True)
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO staff_user (id, email, role, active, failed_logins, created_at) "
                "VALUES (1, 'kari@example.no', 'staff', true, 0, '2026-12-01 10:00:00')"
            )
        )
    migrate(db, "head")
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT county_officer FROM staff_user")).scalar_one() in (False, 0)
        for table in ("audit_event", "hunter_change", "staff_county"):
            assert connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() == 0
