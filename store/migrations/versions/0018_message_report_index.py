"""message (campaign_id, step_id, id): the delivery report's pages by keyset

Revision ID: 0018
Revises: 0013
Create Date: 2026-12-05 12:45:00.000000

The dashboard's delivery report shows a campaign's messages a page at a time, step by step in message order
(campaigns.report.delivery_page). With this index each page reads its own rows, where it read all 200,000 of a
national campaign to show the first thousand (issue 14).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0018"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_message_campaign_step_id", "message", ["campaign_id", "step_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_message_campaign_step_id", table_name="message")
