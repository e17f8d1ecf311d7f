"""campaign_figures: the preview's whole-audience counts, once per definition revision

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05 17:05:00.000000

The preview page counted the whole audience on every view (audience size, each step's recipients by channel,
why the others get nothing, what the audience's own rules leave out): 20 s a view at national size (issue 14).
They are counted at create and launch, or by the first view after the definition changed, and kept here with
the revision they were counted for; the page renders only a sample of messages.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import store.models.base

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "campaign_figures",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("computed_at", store.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaign.id"],
            name=op.f("fk_campaign_figures_campaign_id_campaign"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("campaign_id", name=op.f("pk_campaign_figures")),
    )


def downgrade() -> None:
    op.drop_table("campaign_figures")
