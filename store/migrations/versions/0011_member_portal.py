"""member portal: one-time sign-in secrets, member sessions, lead notes, digest notices

Revision ID: 0011
Revises: 0015
Create Date: 2026-12-05 07:10:00.000000

Members sign in to the hunter portal without passwords (a link by e-mail or a code by SMS), keep a session like
staff do, write notes on leads and may read lead notices as a daily digest (PRODUCT §10). New tables only.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import store.models.base

revision: str = "0011"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC = store.models.base.UTCDateTime(timezone=True)


def _member_fk(table: str, ondelete: str = "CASCADE") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["member_id"],
        ["hunter_member.id"],
        name=op.f(f"fk_{table}_member_id_hunter_member"),
        ondelete=ondelete,
    )


def upgrade() -> None:
    # CREATE TABLE only: existing tables are not rebuilt (batch mode on SQLite cascades deletes).
    op.create_table(
        "member_login",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("secret_hash", sa.String(length=64), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("expires_at", UTC, nullable=False),
        sa.Column("used_at", UTC, nullable=True),
        _member_fk("member_login"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_login")),
    )
    op.create_index(op.f("ix_member_login_member_id"), "member_login", ["member_id"])
    op.create_index(op.f("ix_member_login_secret_hash"), "member_login", ["secret_hash"])
    op.create_table(
        "member_session",
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("last_seen_at", UTC, nullable=False),
        sa.Column("expires_at", UTC, nullable=False),
        _member_fk("member_session"),
        sa.PrimaryKeyConstraint("id_hash", name=op.f("pk_member_session")),
    )
    op.create_index(op.f("ix_member_session_member_id"), "member_session", ["member_id"])
    op.create_table(
        "lead_note",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("hunter_id", sa.Integer(), nullable=True),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.ForeignKeyConstraint(
            ["hunter_id"], ["hunter.id"], name=op.f("fk_lead_note_hunter_id_hunter"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["lead.id"], name=op.f("fk_lead_note_lead_id_lead"), ondelete="CASCADE"
        ),
        _member_fk("lead_note", "SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_lead_note")),
    )
    op.create_index(op.f("ix_lead_note_hunter_id"), "lead_note", ["hunter_id"])
    op.create_index(op.f("ix_lead_note_lead_id"), "lead_note", ["lead_id"])
    op.create_index(op.f("ix_lead_note_member_id"), "lead_note", ["member_id"])
    op.create_table(
        "member_notice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("sent_at", UTC, nullable=True),
        sa.ForeignKeyConstraint(
            ["lead_id"], ["lead.id"], name=op.f("fk_member_notice_lead_id_lead"), ondelete="CASCADE"
        ),
        _member_fk("member_notice"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_notice")),
    )
    op.create_index(op.f("ix_member_notice_lead_id"), "member_notice", ["lead_id"])
    op.create_index("ix_member_notice_pending", "member_notice", ["sent_at", "member_id"])


def downgrade() -> None:
    op.drop_table("member_notice")
    op.drop_table("lead_note")
    op.drop_table("member_session")
    op.drop_table("member_login")
