"""conversation identity (how a conversation proved its company), registration ownership, flood counters

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 17:00:00

Existing conversations keep their company but no proof (`verified_by` NULL): before this revision a typed orgnr
bound a chat as firmly as a deep link, and the two cannot be told apart afterwards. A sender whose address is
a current contact of exactly one company is verified again on its next message. Existing registrations are
marked verified: they were made and routed under the old rule and staff have seen them; marking every one
"ikke bekreftet" would only hide the new ones that matter. A conversation in the middle of the questions
becomes the owner of the registration it is answering.
"""

import json
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import store.models.base


revision: str = '0004'
down_revision: str | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # No table here may be rebuilt: on SQLite (foreign keys on) rebuilding `registration` drops it first, and
    # that implicit DELETE cascades to every lead and registration trade. So only ADD COLUMN and CREATE INDEX,
    # with server defaults that fill the existing rows and stay (the application sets every value anyway).
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        batch_op.add_column(sa.Column('verified_by', sa.String(length=10), nullable=True))
        batch_op.add_column(sa.Column('window_started_at', store.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('window_count', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('last_text_key', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('last_text_at', store.models.base.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('repeat_count', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('acked_on', sa.Date(), nullable=True))

    bind = op.get_bind()
    existing = {c['name'] for c in sa.inspect(bind).get_columns('registration')}
    if 'conversation_id' in existing:
        pass  # a SQLite downgrade leaves it (see downgrade)
    elif bind.dialect.name == 'sqlite':
        # Alembic would rebuild the table for the constraint; SQLite adds a column with REFERENCES in place.
        op.execute(sa.text(
            'ALTER TABLE registration ADD COLUMN conversation_id INTEGER '
            'CONSTRAINT fk_registration_conversation_id_conversation '
            'REFERENCES conversation (id) ON DELETE SET NULL'
        ))
    else:
        op.add_column('registration', sa.Column('conversation_id', sa.Integer(), nullable=True))
        op.create_foreign_key(
            op.f('fk_registration_conversation_id_conversation'), 'registration', 'conversation',
            ['conversation_id'], ['id'], ondelete='SET NULL',
        )
    op.add_column('registration', sa.Column('verified', sa.Boolean(), nullable=False, server_default=sa.false()))
    op.create_index(op.f('ix_registration_conversation_id'), 'registration', ['conversation_id'], unique=False)
    op.execute(sa.text('UPDATE registration SET verified = true'))

    _own_unfinished_registrations()


def _own_unfinished_registrations() -> None:
    """A conversation in the middle of the questions keeps its registration: from now on only the conversation
    that started a registration may continue it, and before this revision the link was only in its data."""
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, data FROM conversation WHERE flow = 'registration'")).all()
    for conversation_id, data in rows:
        if isinstance(data, str):
            try:
                data = json.loads(data)
            except ValueError:
                continue
        registration_id = data.get("registration_id") if isinstance(data, dict) else None
        if isinstance(registration_id, int):
            bind.execute(
                sa.text(
                    "UPDATE registration SET conversation_id = :conversation_id "
                    "WHERE id = :registration_id AND conversation_id IS NULL"
                ),
                {"conversation_id": conversation_id, "registration_id": registration_id},
            )


def downgrade() -> None:
    op.drop_index(op.f('ix_registration_conversation_id'), table_name='registration')
    if op.get_bind().dialect.name == 'sqlite':
        # SQLite cannot drop a foreign-key column without rebuilding the table, and a rebuild would delete
        # every lead (see upgrade): the unused, nullable `registration.conversation_id` stays; upgrade knows.
        for table, column in (('registration', 'verified'),) + tuple(('conversation', c) for c in CONVERSATION_COLUMNS):
            op.execute(sa.text(f'ALTER TABLE {table} DROP COLUMN {column}'))
        return
    with op.batch_alter_table('registration', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_registration_conversation_id_conversation'), type_='foreignkey')
        batch_op.drop_column('verified')
        batch_op.drop_column('conversation_id')
    with op.batch_alter_table('conversation', schema=None) as batch_op:
        for column in CONVERSATION_COLUMNS:
            batch_op.drop_column(column)


CONVERSATION_COLUMNS = (
    'acked_on', 'repeat_count', 'last_text_at', 'last_text_key', 'window_count', 'window_started_at', 'verified_by',
)
