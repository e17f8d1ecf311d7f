"""do-not-contact companies: a STOPP marks the company, not every address it has

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 17:10:00.000000

Before 0003 a company's STOPP opted out every address of that company, and the audience left out every
company with any opted-out address, so one STOPP removed all companies sharing a switchboard number. From 0003
a STOPP opts out only the address it came from and marks the company do-not-contact (PRODUCT §3).

Carried over: a company becomes do-not-contact when one of its own current addresses said STOPP, that is a
reply with intent opt_out, read as the company's, from an address that is a current contact of that company
and of no other, and that address is opted out. A STOPP from an address several companies share proved no
company (PRODUCT §7) and marks none. No opt-out is lifted: the addresses the old rule opted out stay opted out,
and `jeger privacy shared-optouts` lists the shared ones for staff to review.
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

import store.models.base

revision: str = '0003'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The engine reads a reply on any channel but Telegram as coming from a phone number.
OWN_STOPS = sa.text(
    "SELECT c.company_id, r.received_at, r.channel FROM reply r "
    "JOIN contact c ON c.company_id = r.company_id AND c.address = r.sender "
    "AND c.kind = CASE WHEN r.channel = 'telegram' THEN 'telegram' ELSE 'phone' END "
    "WHERE r.intent = 'opt_out' AND c.replaced_at IS NULL "
    "AND EXISTS (SELECT 1 FROM opt_out o WHERE o.address_hash = c.address_hash) "
    "AND NOT EXISTS (SELECT 1 FROM contact other WHERE other.kind = c.kind AND other.address = c.address "
    "AND other.company_id <> c.company_id AND other.replaced_at IS NULL) "
    "ORDER BY r.received_at, r.id"
).columns(
    sa.column('company_id', sa.Integer()),
    sa.column('received_at', store.models.base.UTCDateTime(timezone=True)),
    sa.column('channel', sa.String()),
)
MARK = sa.text(
    "UPDATE company SET do_not_contact_at = :at, do_not_contact_source = :source "
    "WHERE id = :company_id AND do_not_contact_at IS NULL"
).bindparams(sa.bindparam('at', type_=store.models.base.UTCDateTime(timezone=True)))


def upgrade() -> None:
    # Plain ALTER TABLE, not batch mode: on SQLite batch mode copies the table and drops the old one, and with
    # foreign keys on that drop cascades to every contact and registration of every company.
    op.add_column(
        'company', sa.Column('do_not_contact_at', store.models.base.UTCDateTime(timezone=True), nullable=True)
    )
    op.add_column('company', sa.Column('do_not_contact_source', sa.String(length=20), nullable=True))

    connection = op.get_bind()
    first: dict[int, dict[str, Any]] = {}
    for company_id, received_at, channel in connection.execute(OWN_STOPS):
        # The earliest STOPP of each company decides when it became do-not-contact.
        first.setdefault(
            company_id, {'company_id': company_id, 'at': received_at, 'source': str(channel)[:20]}
        )
    if first:
        connection.execute(MARK, list(first.values()))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+), for the same reason: no copy of the company table.
    op.drop_column('company', 'do_not_contact_source')
    op.drop_column('company', 'do_not_contact_at')
