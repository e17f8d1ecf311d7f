"""conversation identity (how a conversation proved its company), registration ownership, flood counters

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-04 17:00:00

Existing conversations keep their company but no proof (`verified_by` NULL): before this revision a typed orgnr
bound a chat as firmly as a deep link, and the two cannot be told apart afterwards. A sender whose address is
a current contact of exactly one company is verified again on its next message. Existing registrations are
marked verified: they were made and routed under the old rule and staff have seen them; marking every one
"ikke bekreftet" would only hide the new ones that matter.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import store.models.base


revision: str = '0004'
down_revision: str | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('verified_by', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('window_started_at', store.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('window_count', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('last_text_key', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('last_text_at', store.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('repeat_count', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('acked_on', sa.Date(), nullable=True))

    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.add_column(sa.Column('conversation_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('verified', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.create_index(batch_op.f('ix_registration_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_foreign_key(
            batch_op.f('fk_registration_conversation_id_conversation'),
            'conversation', ['conversation_id'], ['id'], ondelete='SET NULL',
        )

    # The server defaults only filled the existing rows; new rows get their values from the application.
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.alter_column('window_count', server_default=None)
        batch_op.alter_column('repeat_count', server_default=None)
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.alter_column('verified', server_default=None)


def downgrade() -> None:
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_registration_conversation_id_conversation'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_registration_conversation_id'))
        batch_op.drop_column('verified')
        batch_op.drop_column('conversation_id')

    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.drop_column('acked_on')
        batch_op.drop_column('repeat_count')
        batch_op.drop_column('last_text_at')
        batch_op.drop_column('last_text_key')
        batch_op.drop_column('window_count')
        batch_op.drop_column('window_started_at')
        batch_op.drop_column('verified_by')
