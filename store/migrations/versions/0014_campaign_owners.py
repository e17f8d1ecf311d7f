"""campaigns owned by organisations: campaign_owner, campaign_launch_request; lead hand-over; adult answers

Revision ID: 0014
Revises: 0010
Create Date: 2026-12-05 07:30:00.000000

Local and adult campaigns (PRODUCT §11): a campaign may belong to organisations whose members run it and get its
leads; their launch waits for staff. A lead routed to the owners first records when it was handed to the
county's hunters. An adult registration answers how many places for adult apprentices and whether a trial
period comes first. New tables and nullable columns only: nothing existing changes meaning.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import store.models.base

revision: str = "0014"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # CREATE TABLE and ADD COLUMN only: existing tables are not rebuilt (batch mode on SQLite cascades deletes).
    op.create_table(
        "campaign_owner",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("hunter_id", sa.Integer(), nullable=False),
        sa.Column("is_primary", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.id"], name=op.f("fk_campaign_owner_campaign_id_campaign"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["hunter_id"], ["hunter.id"], name=op.f("fk_campaign_owner_hunter_id_hunter"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("campaign_id", "hunter_id", name=op.f("pk_campaign_owner")),
    )
    op.create_index(op.f("ix_campaign_owner_hunter_id"), "campaign_owner", ["hunter_id"])
    op.create_table(
        "campaign_launch_request",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("requested_at", store.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"],
            ["campaign.id"],
            name=op.f("fk_campaign_launch_request_campaign_id_campaign"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["hunter_member.id"],
            name=op.f("fk_campaign_launch_request_member_id_hunter_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("campaign_id", name=op.f("pk_campaign_launch_request")),
    )
    op.add_column("lead", sa.Column("handed_to_county_at", store.models.base.UTCDateTime(timezone=True)))
    op.add_column("registration", sa.Column("adult_places", sa.Integer(), nullable=True))
    op.add_column("registration", sa.Column("trial_first", sa.Boolean(), nullable=True))


def downgrade() -> None:
    op.drop_column("registration", "trial_first")
    op.drop_column("registration", "adult_places")
    op.drop_column("lead", "handed_to_county_at")
    op.drop_table("campaign_launch_request")
    op.drop_index(op.f("ix_campaign_owner_hunter_id"), table_name="campaign_owner")
    op.drop_table("campaign_owner")
