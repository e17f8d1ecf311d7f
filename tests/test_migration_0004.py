"""Migration 0004 (conversation identity) carries existing data over, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Connection
from sqlalchemy import text

from store.db import Database
from store.migrate import alembic_config


def migrate(db: Database, revision: str, *, down: bool = False) -> None:
    config = alembic_config()
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)


def insert_company(connection: Connection, *, now: str) -> None:
    """Company 1, Fjord Bygg AS, written in raw SQL: the models describe the head, not the revision under test."""
    connection.execute(
        text(
            "INSERT INTO company (id, orgnr, name, language, is_training_company, bankrupt, winding_up, "
            "created_at, updated_at) VALUES (1, '974760673', 'Fjord Bygg AS', 'nb', false, false, false, "
            ":now, :now)"
        ),
        {"now": now},
    )


def test_a_conversation_in_the_middle_of_the_questions_keeps_its_registration_and_no_lead_is_lost(
    db: Database,
) -> None:
    migrate(db, "0002", down=True)
    now = "2026-12-01 10:00:00"
    with db.engine.begin() as connection:
        insert_company(connection, now=now)
        for registration_id in (1, 2):
            connection.execute(
                text(
                    "INSERT INTO registration (id, company_id, source, consent, created_at, updated_at) "
                    "VALUES (:id, 1, 'sms', true, :now, :now)"
                ),
                {"id": registration_id, "now": now},
            )
        connection.execute(text("INSERT INTO registration_trade (registration_id, trade_id) VALUES (2, 1)"))
        connection.execute(
            text(
                "INSERT INTO lead (id, registration_id, company_id, state, announce_count, created_at, "
                "updated_at) VALUES (5, 2, 1, 'new', 0, :now, :now)"
            ),
            {"now": now},
        )
        connection.execute(
            text(
                "INSERT INTO conversation (id, channel, address, company_id, language, flow, step, data, "
                "created_at, updated_at) VALUES (7, 'sms', '+4791234567', 1, 'nb', 'registration', 'places', "
                "'{\"registration_id\": 2}', :now, :now)"
            ),
            {"now": now},
        )
    migrate(db, "0004")
    with db.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT id, conversation_id, verified FROM registration ORDER BY id")
        ).all()
        # Made under the old rule, which cannot be told apart now: kept as the company's.
        assert [(r[0], r[1], bool(r[2])) for r in rows] == [(1, None, True), (2, 7, True)]
        conversation = connection.execute(
            text("SELECT company_id, verified_by, window_count, repeat_count FROM conversation")
        ).one()
        assert tuple(conversation) == (1, None, 0, 0)  # a typed orgnr and a deep link looked the same
        # No table was rebuilt: on SQLite that deletes the rows of every table whose foreign key cascades.
        assert connection.execute(text("SELECT id, registration_id FROM lead")).all() == [(5, 2)]
        assert connection.execute(text("SELECT registration_id, trade_id FROM registration_trade")).all() == [
            (2, 1)
        ]


def test_a_registration_loses_its_conversation_when_the_conversation_is_erased(db: Database) -> None:
    """The foreign key works on both databases (on SQLite it is the column-level clause 0004 adds)."""
    now = "2026-12-01 10:00:00"
    with db.engine.begin() as connection:
        insert_company(connection, now=now)
        connection.execute(
            text(
                "INSERT INTO conversation (id, channel, address, language, data, created_at, updated_at, "
                "window_count, repeat_count) VALUES (7, 'sms', '+4791234567', 'nb', '{}', :now, :now, 0, 0)"
            ),
            {"now": now},
        )
        connection.execute(
            text(
                "INSERT INTO registration (id, company_id, source, consent, created_at, updated_at, "
                "conversation_id, verified) VALUES (2, 1, 'sms', true, :now, :now, 7, false)"
            ),
            {"now": now},
        )
        connection.execute(text("DELETE FROM conversation WHERE id = 7"))
        assert connection.execute(text("SELECT conversation_id FROM registration")).scalar() is None
