"""Migration 0015 adds the meeting tables beside existing campaigns, and takes them away again on downgrade."""

from __future__ import annotations

from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy import text

from store.db import Database
from store.migrate import alembic_config
from tests.test_migration_0004 import migrate

# The revision before 0015, whichever landed last before it.
BEFORE = ScriptDirectory.from_config(alembic_config()).get_revision("0015").down_revision

NOW = "2026-12-01 10:00:00"


def test_meetings_come_and_go_without_touching_campaigns(db: Database) -> None:
    migrate(db, str(BEFORE), down=True)
    assert "event" not in inspect(db.engine).get_table_names()
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO campaign (id, name, language, fixed_language, state, definition, created_at) "
                "VALUES (1, 'Øra 2027', 'nb', false, 'draft', '{}', :now)"
            ),
            {"now": NOW},
        )
        connection.execute(
            text(
                'INSERT INTO campaign_step (id, campaign_id, position, name, channel, template, "only") '
                "VALUES (1, 1, 0, 'invitasjon', 'sms', 'sms/infomote', 'everyone')"
            )
        )
    migrate(db, "0015")
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO event (campaign_id, step_id, title, starts_at, place, created_at) "
                "VALUES (1, 1, 'Informasjonsmøte', '2027-02-10 13:00:00', 'Øra', :now)"
            ),
            {"now": NOW},
        )
    assert {"event", "rsvp"} <= set(inspect(db.engine).get_table_names())
    migrate(db, str(BEFORE), down=True)
    names = set(inspect(db.engine).get_table_names())
    assert "event" not in names and "rsvp" not in names
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM campaign_step")).scalar() == 1
    migrate(db, "head")
