"""approved training companies: training_approval, and company.training_marked for every other source

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 18:10:00.000000

Before this revision `company.is_training_company` was set only by a hunter's "became training company"
outcome (and the demo): those companies keep it as `training_marked`, so a county's list can later withdraw
its own approvals without clearing what a hunter reported.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import store.models.base

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Only CREATE TABLE and ADD COLUMN: rebuilding `company` on SQLite (batch mode) drops it first, and with
    # foreign keys on that drop cascades to every contact, message and lead.
    op.create_table(
        "training_approval",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("orgnr", sa.String(length=9), nullable=False),
        sa.Column("county_number", sa.String(length=2), nullable=False),
        sa.Column("trade_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("imported_at", store.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["county_number"], ["county.number"], name=op.f("fk_training_approval_county_number_county")
        ),
        sa.ForeignKeyConstraint(["trade_id"], ["trade.id"], name=op.f("fk_training_approval_trade_id_trade")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_approval")),
        sa.UniqueConstraint(
            "orgnr",
            "county_number",
            "trade_id",
            name=op.f("uq_training_approval_orgnr_county_number_trade_id"),
        ),
    )
    op.create_index(op.f("ix_training_approval_orgnr"), "training_approval", ["orgnr"], unique=False)
    op.create_index(
        op.f("ix_training_approval_county_number"), "training_approval", ["county_number"], unique=False
    )
    op.add_column(
        "company", sa.Column("training_marked", sa.Boolean(), nullable=False, server_default=sa.false())
    )
    op.execute(sa.text("UPDATE company SET training_marked = is_training_company"))


def downgrade() -> None:
    op.drop_index(op.f("ix_training_approval_county_number"), table_name="training_approval")
    op.drop_index(op.f("ix_training_approval_orgnr"), table_name="training_approval")
    op.drop_table("training_approval")
    # A flag from a county's list is withdrawn with the list; what the register or a hunter said stays.
    op.execute(sa.text("UPDATE company SET is_training_company = training_marked"))
    op.drop_column("company", "training_marked")
