"""Migration 0025 links the existing sign-up and change notices to their organisation (from the id among their
stored text's values), leaves every other notice as it was, and keeps every row: the notice table is copied on
SQLite for its new foreign key."""

from __future__ import annotations

import json

from sqlalchemy import text

from store.db import Database
from tests.test_migration_0004 import migrate

NOW = "2026-12-01 10:00:00"


def _stored(key: str, **values: object) -> str:
    return json.dumps({"key": key, "values": values})


def test_sign_up_and_change_notices_get_their_organisation_and_the_rest_stay(db: Database) -> None:
    migrate(db, "0024", down=True)
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO hunter (id, org_name, type, all_trades, state, created_at) VALUES "
                "(7, 'NAV Tromsø', 'nav', false, 'pending', :now)"
            ),
            {"now": NOW},
        )
        rows = [
            (1, "hunter_pending", _stored("org_notice_pending", name="NAV Tromsø", id=7)),
            (2, "hunter_change", _stored("org_notice_change", name="NAV Tromsø", id=7, change_id=3)),
            (3, "hunter_pending", _stored("org_notice_pending", name="Borte", id=99)),  # no such hunter
            (4, "hunter_pending", "Ny jeger venter (skrevet før lagrede tekster)"),
            (5, "messages_unknown", _stored("notice_messages_unknown", count=3, id=7)),
        ]
        for notice_id, kind, stored in rows:
            connection.execute(
                text("INSERT INTO notice (id, kind, text, created_at) VALUES (:id, :kind, :text, :now)"),
                {"id": notice_id, "kind": kind, "text": stored, "now": NOW},
            )
    migrate(db, "head")
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT id, hunter_id, text FROM notice ORDER BY id")).all() == [
            (notice_id, 7 if notice_id in (1, 2) else None, stored) for notice_id, _kind, stored in rows
        ]
    migrate(db, "0024", down=True)
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM notice")).scalar() == len(rows)
    migrate(db, "head")
