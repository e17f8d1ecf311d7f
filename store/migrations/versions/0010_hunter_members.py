"""hunter organisations get members: hunter_member, one per existing hunter

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 21:50:00.000000

A hunter was one Telegram chat; now it is an organisation whose members sign in to the portal, claim leads and
get notices (PRODUCT §10). Every existing hunter becomes an organisation with one member: its contact person,
phone, e-mail and Telegram chat, who hears of leads where they did before (Telegram when a chat is linked).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import store.models.base

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # CREATE TABLE only: existing tables are not rebuilt (batch mode on SQLite cascades deletes).
    op.create_table(
        "hunter_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hunter_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("telegram_chat_id", sa.String(length=32), nullable=True),
        sa.Column(
            "notice_channel",
            sa.Enum("email", "sms", "telegram", name="notice_channel", native_enum=False, create_constraint=True, length=32),
            nullable=False,
        ),
        sa.Column(
            "notice_mode",
            sa.Enum("instant", "digest", name="notice_mode", native_enum=False, create_constraint=True, length=32),
            nullable=False,
        ),
        sa.Column("created_at", store.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("removed_at", store.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["hunter_id"], ["hunter.id"], name=op.f("fk_hunter_member_hunter_id_hunter"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hunter_member")),
        sa.UniqueConstraint("telegram_chat_id", name=op.f("uq_hunter_member_telegram_chat_id")),
    )
    op.create_index(op.f("ix_hunter_member_hunter_id"), "hunter_member", ["hunter_id"])
    op.create_index(op.f("ix_hunter_member_email"), "hunter_member", ["email"])
    op.create_index(op.f("ix_hunter_member_phone"), "hunter_member", ["phone"])
    op.execute(
        """
        INSERT INTO hunter_member (hunter_id, name, email, phone, telegram_chat_id, notice_channel, notice_mode,
                                   created_at)
        SELECT id, COALESCE(contact_name, org_name), email, phone, telegram_chat_id,
               CASE WHEN telegram_chat_id IS NOT NULL THEN 'telegram'
                    WHEN email IS NOT NULL THEN 'email' ELSE 'sms' END,
               'instant', created_at
        FROM hunter
        """
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_hunter_member_phone"), table_name="hunter_member")
    op.drop_index(op.f("ix_hunter_member_email"), table_name="hunter_member")
    op.drop_index(op.f("ix_hunter_member_hunter_id"), table_name="hunter_member")
    op.drop_table("hunter_member")
