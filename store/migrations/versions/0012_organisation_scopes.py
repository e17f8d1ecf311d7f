"""organisations and scopes: audit_event, hunter_change, staff_county, staff_user.county_officer

Revision ID: 0012
Revises: 0014
Create Date: 2026-12-05 07:30:00.000000

Members of an organisation add and remove each other (logged in audit_event); a change of counties or trades
waits for staff (hunter_change); a county officer is a staff account scoped to counties (staff_county), the
flag `county_officer` saying so, so an officer whose counties are gone sees nothing rather than everything.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import store.models.base

revision: str = "0012"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC = store.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    # CREATE TABLE and a plain ADD COLUMN only: existing tables are not rebuilt (batch mode on SQLite
    # cascades deletes).
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("actor_staff_id", sa.Integer(), nullable=True),
        sa.Column("actor_member_id", sa.Integer(), nullable=True),
        sa.Column("hunter_id", sa.Integer(), nullable=True),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["actor_staff_id"],
            ["staff_user.id"],
            name=op.f("fk_audit_event_actor_staff_id_staff_user"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["actor_member_id"],
            ["hunter_member.id"],
            name=op.f("fk_audit_event_actor_member_id_hunter_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["hunter_id"], ["hunter.id"], name=op.f("fk_audit_event_hunter_id_hunter"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["member_id"],
            ["hunter_member.id"],
            name=op.f("fk_audit_event_member_id_hunter_member"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_event")),
    )
    op.create_index(op.f("ix_audit_event_created_at"), "audit_event", ["created_at"])
    op.create_index(op.f("ix_audit_event_hunter_id"), "audit_event", ["hunter_id"])
    op.create_table(
        "hunter_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hunter_id", sa.Integer(), nullable=False),
        sa.Column("counties", sa.JSON(), nullable=False),
        sa.Column("trades", sa.JSON(), nullable=False),
        sa.Column("all_trades", sa.Boolean(), nullable=False),
        sa.Column("requested_by_member_id", sa.Integer(), nullable=True),
        sa.Column(
            "state",
            sa.Enum(
                "pending",
                "approved",
                "rejected",
                name="hunter_change_state",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("decided_at", UTC, nullable=True),
        sa.Column("decided_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["hunter_id"], ["hunter.id"], name=op.f("fk_hunter_change_hunter_id_hunter"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["requested_by_member_id"],
            ["hunter_member.id"],
            name=op.f("fk_hunter_change_requested_by_member_id_hunter_member"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["decided_by_id"],
            ["staff_user.id"],
            name=op.f("fk_hunter_change_decided_by_id_staff_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hunter_change")),
    )
    op.create_index(op.f("ix_hunter_change_hunter_id"), "hunter_change", ["hunter_id"])
    op.create_index(op.f("ix_hunter_change_state"), "hunter_change", ["state"])
    op.create_table(
        "staff_county",
        sa.Column("staff_id", sa.Integer(), nullable=False),
        sa.Column("county_number", sa.String(length=2), nullable=False),
        sa.ForeignKeyConstraint(
            ["staff_id"], ["staff_user.id"], name=op.f("fk_staff_county_staff_id_staff_user"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["county_number"], ["county.number"], name=op.f("fk_staff_county_county_number_county")
        ),
        sa.PrimaryKeyConstraint("staff_id", "county_number", name=op.f("pk_staff_county")),
    )
    # A downgrade on SQLite leaves the column (see downgrade); upgrading again finds it.
    if "county_officer" not in {c["name"] for c in sa.inspect(op.get_bind()).get_columns("staff_user")}:
        op.add_column(
            "staff_user",
            sa.Column("county_officer", sa.Boolean(), nullable=False, server_default=sa.false()),
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":  # SQLite drops a column only by copying the table: it stays
        op.drop_column("staff_user", "county_officer")
    op.drop_table("staff_county")
    op.drop_index(op.f("ix_hunter_change_state"), table_name="hunter_change")
    op.drop_index(op.f("ix_hunter_change_hunter_id"), table_name="hunter_change")
    op.drop_table("hunter_change")
    op.drop_index(op.f("ix_audit_event_hunter_id"), table_name="audit_event")
    op.drop_index(op.f("ix_audit_event_created_at"), table_name="audit_event")
    op.drop_table("audit_event")
