"""Migration 0013 gives every staff account a language, bokmål for those that exist, without touching a row."""

from __future__ import annotations

from sqlalchemy import inspect
from sqlalchemy import text

from store.db import Database
from tests.test_migration_0004 import migrate

NOW = "2026-12-01 10:00:00"


def test_existing_staff_keep_their_rows_and_read_bokmal(db: Database) -> None:
    migrate(db, "0011", down=True)
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO staff_user (id, email, name, role, active, failed_logins, created_at, county_officer) "
                "VALUES (3, 'kari@example.no', 'Kari', 'admin', true, 0, :now, false)"
            ),
            {"now": NOW},
        )
    migrate(db, "head")
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT id, email, language FROM staff_user")).all() == [
            (3, "kari@example.no", "nb")
        ]


def test_it_downgrades_and_upgrades_again(db: Database) -> None:
    migrate(db, "0011", down=True)
    columns = {column["name"] for column in inspect(db.engine).get_columns("staff_user")}
    assert "language" not in columns and "email" in columns
    migrate(db, "head")
