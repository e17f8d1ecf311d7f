"""information meetings: event and rsvp

Revision ID: 0015
Revises: 0017
Create Date: 2026-12-05 07:05:00.000000

A campaign step may invite to an information meeting (PRODUCT §11); each company answers JA or NEI once per
meeting, and the answer is changed in place when it answers again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import store.models.base

revision: str = "0015"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC = store.models.base.UTCDateTime


def upgrade() -> None:
    # CREATE TABLE only: existing tables are not rebuilt (batch mode on SQLite cascades deletes).
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("step_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("starts_at", UTC(timezone=True), nullable=False),
        sa.Column("ends_at", UTC(timezone=True), nullable=True),
        sa.Column("place", sa.String(length=300), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.Column("changed_at", UTC(timezone=True), nullable=True),
        sa.Column("cancelled_at", UTC(timezone=True), nullable=True),
        sa.Column("created_at", UTC(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.id"], name=op.f("fk_event_campaign_id_campaign"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["step_id"], ["campaign_step.id"], name=op.f("fk_event_step_id_campaign_step"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event")),
        sa.UniqueConstraint("step_id", name=op.f("uq_event_step_id")),
    )
    op.create_index(op.f("ix_event_campaign_id"), "event", ["campaign_id"], unique=False)
    op.create_table(
        "rsvp",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "attending",
                "waiting",
                "declined",
                name="rsvp_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("people", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("address", sa.String(length=320), nullable=True),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.Column("answered_at", UTC(timezone=True), nullable=False),
        sa.Column("promoted_at", UTC(timezone=True), nullable=True),
        sa.Column("reminded_at", UTC(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["company_id"], ["company.id"], name=op.f("fk_rsvp_company_id_company"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["event.id"], name=op.f("fk_rsvp_event_id_event"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rsvp")),
        sa.UniqueConstraint("event_id", "company_id", name=op.f("uq_rsvp_event_id_company_id")),
    )
    op.create_index("ix_rsvp_company", "rsvp", ["company_id"], unique=False)
    op.create_index(
        "ix_rsvp_event_status_answered", "rsvp", ["event_id", "status", "answered_at"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_rsvp_event_status_answered", table_name="rsvp")
    op.drop_index("ix_rsvp_company", table_name="rsvp")
    op.drop_table("rsvp")
    op.drop_index(op.f("ix_event_campaign_id"), table_name="event")
    op.drop_table("event")
