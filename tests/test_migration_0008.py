"""Migration 0008 (why a message waits) adds its column in place: copying `message` on SQLite would, with
foreign keys on, set every reply's link to its message to NULL."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from store.db import Database
from tests.test_migration_0004 import migrate

NOW = "2026-12-01 10:00:00"


def test_replies_keep_their_message_and_paused_rows_learn_why_they_wait(db: Database) -> None:
    migrate(db, "0004", down=True)
    with db.engine.begin() as connection:
        columns = {column["name"] for column in inspect(connection).get_columns("message")}
        if "wait_reason" in columns:  # SQLite keeps the column on downgrade; start from a clean 0004 shape
            connection.execute(text("UPDATE message SET wait_reason = NULL"))
        connection.execute(
            text(
                "INSERT INTO campaign (id, name, language, fixed_language, state, definition, created_at) "
                "VALUES (1, 'Sommer', 'nb', false, 'paused', '{}', :now)"
            ),
            {"now": NOW},
        )
        for message_id, state in ((1, "queued"), (2, "sent")):
            connection.execute(
                text(
                    "INSERT INTO message (id, campaign_id, kind, channel, language, state, priority, due_at, "
                    "attempts, state_changed_at, created_at) VALUES (:id, 1, 'outreach', 'sms', 'nb', :state, "
                    "0, :now, 0, :now, :now)"
                ),
                {"id": message_id, "state": state, "now": NOW},
            )
        connection.execute(
            text(
                "INSERT INTO reply (id, channel, received_at, intent, message_id) "
                "VALUES (9, 'sms', :now, 'interested', 2)"
            ),
            {"now": NOW},
        )
    migrate(db, "head")
    with db.engine.connect() as connection:
        assert connection.scalar(text("SELECT message_id FROM reply WHERE id = 9")) == 2
        reasons = dict(connection.execute(text("SELECT id, wait_reason FROM message ORDER BY id")).all())
    assert reasons == {1: "paused", 2: None}


def test_the_database_refuses_a_reason_it_does_not_know(db: Database) -> None:
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO campaign (id, name, language, fixed_language, state, definition, created_at) "
                "VALUES (1, 'Sommer', 'nb', false, 'running', '{}', :now)"
            ),
            {"now": NOW},
        )
    with pytest.raises(IntegrityError, match="wait_reason"), db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO message (campaign_id, kind, channel, language, state, priority, due_at, "
                "attempts, state_changed_at, created_at, wait_reason) VALUES (1, 'outreach', 'sms', 'nb', "
                "'queued', 0, :now, 0, :now, :now, 'whenever')"
            ),
            {"now": NOW},
        )
