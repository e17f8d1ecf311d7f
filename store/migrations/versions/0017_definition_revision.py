"""campaign.definition_revision and campaign.resumed_at

Revision ID: 0017
Revises: 0012
Create Date: 2026-12-05 07:30:00.000000

The definition is read as a typed model, parsed once per revision (campaigns.definition_model), so the
revision counts its changes. The moment staff last resumed a campaign was kept inside the definition
("resumed_at"), which made the definition change at every resume; it gets its own column, filled from there.
"""

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from alembic import op

import store.models.base

revision: str = "0017"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN, never batch mode (SQLite would recreate `campaign` and cascade deletes to its steps).
    op.add_column(
        "campaign", sa.Column("definition_revision", sa.Integer(), nullable=False, server_default="1")
    )
    op.add_column("campaign", sa.Column("resumed_at", store.models.base.UTCDateTime(timezone=True), nullable=True))
    campaign = sa.table(
        "campaign",
        sa.column("id", sa.Integer()),
        sa.column("definition", sa.JSON()),
        sa.column("resumed_at", store.models.base.UTCDateTime(timezone=True)),
    )
    bind = op.get_bind()
    for campaign_id, definition in bind.execute(sa.select(campaign.c.id, campaign.c.definition)).all():
        resumed = (definition or {}).get("resumed_at")
        if resumed:
            bind.execute(
                campaign.update()
                .where(campaign.c.id == campaign_id)
                .values(resumed_at=datetime.fromisoformat(resumed))
            )


def downgrade() -> None:
    op.drop_column("campaign", "resumed_at")
    op.drop_column("campaign", "definition_revision")
