"""notice.hunter_id: the organisation a notice is about, so county officers see sign-ups in their counties

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06 21:30:00.000000

A county officer approves an organisation that lies in their counties (PRODUCT §10), but the notice of its
sign-up or its change of counties named the organisation only in its text, so the notice bar could not tell
whose it was and showed it to national staff alone. Existing notices of those two kinds carry the
organisation's id among their stored text's values (catalogue.stored); they are linked here. The table has no
children, so SQLite's copy-and-rename of it (for the foreign key) loses nothing.
"""

import json

import sqlalchemy as sa
from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels = None
depends_on = None

KINDS = ("hunter_pending", "hunter_change")


def upgrade() -> None:
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.add_column(sa.Column("hunter_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_notice_hunter_id_hunter"), "hunter", ["hunter_id"], ["id"], ondelete="CASCADE"
        )
    connection = op.get_bind()
    hunters = set(connection.execute(sa.text("SELECT id FROM hunter")).scalars())
    rows = connection.execute(
        sa.text("SELECT id, text FROM notice WHERE kind IN ('hunter_pending', 'hunter_change')")
    ).all()
    for notice_id, stored in rows:
        try:
            hunter_id = json.loads(stored)["values"]["id"]
        except (ValueError, KeyError, TypeError):
            continue  # a notice written before stored texts: it stays with national staff
        if isinstance(hunter_id, int) and hunter_id in hunters:
            connection.execute(
                sa.text("UPDATE notice SET hunter_id = :hunter WHERE id = :id"), {"hunter": hunter_id, "id": notice_id}
            )


def downgrade() -> None:
    with op.batch_alter_table("notice", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_notice_hunter_id_hunter"), type_="foreignkey")
        batch_op.drop_column("hunter_id")
