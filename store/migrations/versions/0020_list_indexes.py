"""Indexes for keyset-paged lists

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05 13:20:00.000000

Chosen from EXPLAIN ANALYZE on the national bench database (1.5 M companies, 20,000 replies): the companies list
sorted 1.5 M names for each page (parallel seq scan + top-N sort, 1.07 s; with (name, id) an index scan, 0.2 ms);
/api/replies sorted every reply (26 ms; with (received_at, id), 0.07 ms at any depth); the inbox's waiting
and handled questions likewise (17 ms; 1.5 ms and 0.07 ms).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_reply_received", "reply", ["received_at", "id"])
    op.create_index("ix_reply_handled", "reply", ["handled_at", "id"])
    op.create_index("ix_company_name", "company", ["name", "id"])


def downgrade() -> None:
    op.drop_index("ix_company_name", table_name="company")
    op.drop_index("ix_reply_handled", table_name="reply")
    op.drop_index("ix_reply_received", table_name="reply")
