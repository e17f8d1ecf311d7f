"""Indexes for the audience count, the queue and the message counts

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06 03:10:00.000000

Chosen from EXPLAIN (ANALYZE, BUFFERS) on the national bench database (1.5 M companies, 200,000 messages, 26,659
of them queued):
- `ix_company_audience`: counting the national campaign's audience read the whole 250 MB company table
  (parallel seq scan, 0.6–1.8 s) where a bare `count(*)` reads a 10 MB index. This one holds what audiences
  select on (NACE code, employees, training company) for the companies that may be contacted; without an id
  its entries deduplicate, so it is about as small as the one `count(*)` reads, and
  `campaigns.audience.count` answers from it alone (0.15 s).
- `ix_message_queued`: the queue depth of /metrics (due now, by channel) and why a campaign's queued messages
  wait (`jeger campaign status`, the campaign page) read every queued row from the table (bitmap heap scans
  over 6,800 pages: 215 ms and 240 ms); from this partial index alone, 33 ms and 59 ms.
- `ix_message_sent`: /metrics' sends of the last hour scanned the whole (company_id, sent_at) index (42 ms);
  now a range of the last hour (0.05 ms).
- `ix_message_count_key` replaces `ix_message_count_campaign`: folding leaves `message_count` mostly empty
  pages after a national launch (16 MB for 9 rows), which every count read scanned (5–48 ms); an index-only
  scan of every column a read sums by reads a few pages.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0023"
down_revision: str | None = "0022"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As store.models.companies.MAY_BE_CONTACTED (a migration keeps its own copy: the model may change later).
MAY_BE_CONTACTED = (
    "NOT (bankrupt IS true OR winding_up IS true OR deleted_on IS NOT NULL OR do_not_contact_at IS NOT NULL)"
)
QUEUED = "state = 'queued'"
COUNT_KEY = ["campaign_id", "step_id", "kind", "channel", "provider", "state", "delta"]


def upgrade() -> None:
    op.create_index(
        "ix_company_audience",
        "company",
        ["nace_code", "employees", "is_training_company"],
        postgresql_where=sa.text(MAY_BE_CONTACTED),
        sqlite_where=sa.text(MAY_BE_CONTACTED),
    )
    op.create_index(
        "ix_message_queued",
        "message",
        ["campaign_id", "kind", "wait_reason", "channel", "due_at"],
        postgresql_where=sa.text(QUEUED),
        sqlite_where=sa.text(QUEUED),
    )
    op.create_index("ix_message_sent", "message", ["sent_at"])
    op.create_index("ix_message_count_key", "message_count", COUNT_KEY)
    op.drop_index("ix_message_count_campaign", table_name="message_count")


def downgrade() -> None:
    op.create_index("ix_message_count_campaign", "message_count", ["campaign_id"])
    op.drop_index("ix_message_count_key", table_name="message_count")
    op.drop_index("ix_message_sent", table_name="message")
    op.drop_index("ix_message_queued", table_name="message")
    op.drop_index("ix_company_audience", table_name="company")
