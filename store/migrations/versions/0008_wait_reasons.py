"""why a queued message waits: message.wait_reason (its due_at says until when)

Revision ID: 0008
Revises: 0005
Create Date: 2026-12-04 17:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REASONS = ("window", "send_day", "holiday", "daily_cap", "rate", "paused", "retry")


CHECK = "wait_reason IN (" + ", ".join(f"'{reason}'" for reason in REASONS) + ")"


def upgrade() -> None:
    # Plain ALTER TABLE, never batch mode: on SQLite batch mode copies `message` and drops the old table, and
    # with foreign keys on that drop sets every reply's message_id to NULL. SQLite takes the CHECK as a column
    # constraint in ADD COLUMN; PostgreSQL adds it as a named table constraint, as the model names it.
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        if "wait_reason" not in {column["name"] for column in sa.inspect(bind).get_columns("message")}:
            op.execute(
                f"ALTER TABLE message ADD COLUMN wait_reason VARCHAR(32) CONSTRAINT ck_message_wait_reason CHECK ({CHECK})"
            )
    else:
        op.add_column("message", sa.Column("wait_reason", sa.String(length=32), nullable=True))
        op.create_check_constraint("ck_message_wait_reason", "message", CHECK)
    # Rows already queued for a paused campaign wait for it; the rest get their reason at the next claim.
    op.execute(
        "UPDATE message SET wait_reason = 'paused' WHERE state = 'queued' AND kind = 'outreach' "
        "AND campaign_id IN (SELECT id FROM campaign WHERE state = 'paused')"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("ck_message_wait_reason", "message", type_="check")
        op.drop_column("message", "wait_reason")
        return
    # SQLite cannot drop a column that a CHECK constraint names without copying the table (see upgrade);
    # the column stays, unused, and a later upgrade finds it.
