"""Migration 0011 adds the portal's tables (sign-in secrets, member sessions, lead notes, digest notices) and
touches nothing that was there: hunters, members and leads stay as they were, and a downgrade removes only
the new tables."""

from __future__ import annotations

import importlib

from sqlalchemy import inspect
from sqlalchemy import text

from store.db import Database
from tests.test_migration_0004 import migrate

# 0011 follows whatever was main's head when it landed: the test downgrades to that.
PARENT: str = importlib.import_module("store.migrations.versions.0011_member_portal").down_revision

NEW = {"member_login", "member_session", "lead_note", "member_notice"}


def test_the_portal_tables_come_and_go_and_members_stay(db: Database) -> None:
    migrate(db, PARENT, down=True)
    assert not NEW & set(inspect(db.engine).get_table_names())
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO hunter (id, org_name, type, all_trades, state, created_at) "
                "VALUES (1, 'NAV Tromsø', 'nav', true, 'approved', '2026-12-01 10:00:00')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO hunter_member (hunter_id, name, email, notice_channel, notice_mode, created_at) "
                "VALUES (1, 'Kari', 'kari@nav.no', 'email', 'instant', '2026-12-01 10:00:00')"
            )
        )
    migrate(db, "head")
    assert set(inspect(db.engine).get_table_names()) >= NEW
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO member_session (id_hash, member_id, created_at, last_seen_at, expires_at) "
                "VALUES ('x', 1, '2026-12-01 10:00:00', '2026-12-01 10:00:00', '2026-12-01 22:00:00')"
            )
        )
    migrate(db, PARENT, down=True)
    assert not NEW & set(inspect(db.engine).get_table_names())
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT name FROM hunter_member")).scalars().all() == ["Kari"]
