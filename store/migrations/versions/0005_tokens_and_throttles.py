"""named expiring revocable API tokens, shared throttles, import jobs in the database

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 17:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import store.models.base

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("api_token", schema=None) as batch_op:
        batch_op.add_column(sa.Column("expires_at", store.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("revoked_at", store.models.base.UTCDateTime(timezone=True), nullable=True))

    op.create_table(
        "throttle",
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("hits", sa.Integer(), nullable=False),
        sa.Column("window_start", store.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("blocked_until", store.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("updated_at", store.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_throttle")),
    )
    with op.batch_alter_table("throttle", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_throttle_updated_at"), ["updated_at"], unique=False)

    op.create_table(
        "import_job",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("started_by", sa.Integer(), nullable=True),
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("started_at", store.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", store.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("finished_at", store.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("bytes_read", sa.BigInteger(), nullable=False),
        sa.Column("total_bytes", sa.BigInteger(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("rejects", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["started_by"],
            ["staff_user.id"],
            name=op.f("fk_import_job_started_by_staff_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_job")),
    )


def downgrade() -> None:
    op.drop_table("import_job")
    with op.batch_alter_table("throttle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_throttle_updated_at"))
    op.drop_table("throttle")
    with op.batch_alter_table("api_token", schema=None) as batch_op:
        batch_op.drop_column("revoked_at")
        batch_op.drop_column("expires_at")
