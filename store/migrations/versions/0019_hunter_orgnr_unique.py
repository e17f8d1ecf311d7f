"""hunter.orgnr: one live organisation per organisation number, held by a unique index

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-05 12:40:00.000000

The rule that an organisation number names one organisation that is not rejected (hunters.signup.orgnr_taken)
lived only in code, so two sign-ups at the same moment, or rows from before the check, could hold the same
number. The index makes the database hold it: partial, over organisations that are not rejected, because a
rejected organisation may sign up again. Duplicates already there are reported, not merged: the one to keep
is the approved one (else the oldest); the others are marked rejected with an audit entry and a notice on the
dashboard naming them, so staff can approve the right one (rejected rows keep their members, leads and notes;
merging those by machine could hand one organisation's leads to another).
"""

from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LIVE = sa.text("state != 'rejected'")
NOTICE = (
    "Organisasjonsnummer {orgnr} var brukt av flere organisasjoner. {kept} (nr. {kept_id}) er beholdt; "
    "{others} er satt til avvist. Godkjenn den riktige under Jegere."
)


def upgrade() -> None:
    _report_duplicates(op.get_bind())
    op.create_index(
        "uq_hunter_orgnr_live", "hunter", ["orgnr"], unique=True, postgresql_where=LIVE, sqlite_where=LIVE
    )


def downgrade() -> None:
    op.drop_index("uq_hunter_orgnr_live", table_name="hunter")


def _report_duplicates(connection: sa.Connection) -> None:
    rows = connection.execute(
        sa.text(
            "SELECT id, orgnr, org_name, state FROM hunter WHERE orgnr IS NOT NULL AND state != 'rejected' "
            "ORDER BY orgnr, CASE WHEN state = 'approved' THEN 0 ELSE 1 END, id"
        )
    ).all()
    by_orgnr: dict[str, list[tuple[int, str]]] = {}
    for hunter_id, orgnr, name, _state in rows:
        by_orgnr.setdefault(orgnr, []).append((hunter_id, name))
    now = datetime.now(UTC)
    if connection.dialect.name == "sqlite":  # as store.models.base.UTCDateTime stores it
        now = now.replace(tzinfo=None)
    for orgnr, hunters in by_orgnr.items():
        if len(hunters) < 2:
            continue
        (kept_id, kept), others = hunters[0], hunters[1:]
        for hunter_id, _name in others:
            connection.execute(
                sa.text("UPDATE hunter SET state = 'rejected', decided_at = :now WHERE id = :id"),
                {"now": now, "id": hunter_id},
            )
            connection.execute(
                sa.text(
                    "INSERT INTO audit_event (created_at, action, hunter_id, detail) "
                    "VALUES (:now, 'organisation.duplicate_orgnr', :id, :detail)"
                ).bindparams(sa.bindparam("detail", type_=sa.JSON)),
                {"now": now, "id": hunter_id, "detail": {"orgnr": orgnr, "kept_id": kept_id}},
            )
        text = NOTICE.format(
            orgnr=orgnr,
            kept=kept,
            kept_id=kept_id,
            others=", ".join(f"{name} (nr. {hunter_id})" for hunter_id, name in others),
        )
        connection.execute(
            sa.text("INSERT INTO notice (kind, text, created_at) VALUES ('hunter_duplicate', :text, :now)"),
            {"text": text, "now": now},
        )
