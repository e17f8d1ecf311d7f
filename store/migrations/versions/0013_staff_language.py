"""staff_user.language

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-05 08:00:00.000000

Staff pages and the CLI speak the staff user's language (bokmål, nynorsk or English); every account that exists
gets bokmål, what it read before.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN, never batch mode (SQLite would recreate `staff_user` and cascade deletes to its sessions).
    op.add_column("staff_user", sa.Column("language", sa.String(2), nullable=False, server_default="nb"))


def downgrade() -> None:
    op.drop_column("staff_user", "language")
