"""Migration 0010 turns every hunter into an organisation with one member, who keeps the Telegram chat and the
contact details the hunter had, so nobody stops hearing of leads on the day it runs."""

from __future__ import annotations

from sqlalchemy import text

from store.db import Database
from tests.test_migration_0004 import migrate

NOW = "2026-12-01 10:00:00"


def test_each_hunter_becomes_an_organisation_with_one_member(db: Database) -> None:
    migrate(db, "0009", down=True)
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO hunter (id, org_name, type, contact_name, phone, email, telegram_chat_id, all_trades, "
                "state, created_at) VALUES "
                "(1, 'Elektroforeningen', 'trade_body', 'Kari Nordmann', '+4791234567', NULL, '555', false, "
                "'approved', :now), "
                "(2, 'NAV Fredrikstad', 'nav', NULL, NULL, 'nav@example.no', NULL, true, 'pending', :now)"
            ),
            {"now": NOW},
        )
    migrate(db, "head")
    with db.engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT hunter_id, name, email, phone, telegram_chat_id, notice_channel, notice_mode, removed_at "
                "FROM hunter_member ORDER BY hunter_id"
            )
        ).all()
    assert [tuple(row) for row in rows] == [
        (1, "Kari Nordmann", None, "+4791234567", "555", "telegram", "instant", None),
        (2, "NAV Fredrikstad", "nav@example.no", None, None, "email", "instant", None),
    ]
