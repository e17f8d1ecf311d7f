"""why a queued message waits: message.wait_reason (its due_at says until when)

Revision ID: 0008
Revises: 0002
Create Date: 2026-12-04 17:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REASONS = ('window', 'send_day', 'holiday', 'daily_cap', 'rate', 'paused', 'retry')


def upgrade() -> None:
    # Batch mode: SQLite adds the CHECK constraint by copying the table; PostgreSQL alters it in place.
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                'wait_reason',
                sa.Enum(*REASONS, name='wait_reason', native_enum=False, create_constraint=True, length=32),
                nullable=True,
            )
        )
    # Rows already queued for a paused campaign wait for it; the rest get their reason at the next claim.
    op.execute(
        "UPDATE message SET wait_reason = 'paused' WHERE state = 'queued' AND kind = 'outreach' "
        "AND campaign_id IN (SELECT id FROM campaign WHERE state = 'paused')"
    )


def downgrade() -> None:
    with op.batch_alter_table('message', schema=None) as batch_op:
        batch_op.drop_column('wait_reason')
