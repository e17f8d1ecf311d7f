"""Migration 0019 makes an organisation number name one live organisation (a unique index over the ones that
are not rejected): duplicates already there are reported, the approved (else the oldest) one kept, and the
database refuses a new duplicate; approving a rejected one whose number is taken is refused with a reason."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from hunters.organisations import OrgnrTaken
from hunters.organisations import approve_hunter
from staff.audit import events_of_organisation
from store.db import Database
from store.models import Hunter
from store.models import HunterState
from store.models import HunterType
from store.models import Notice
from tests.test_migration_0004 import migrate

NOW = "2026-12-01 10:00:00"
TAKEN, OTHER = "974760673", "923609016"


def test_duplicates_are_reported_the_approved_one_kept_and_a_new_duplicate_is_refused(db: Database) -> None:
    migrate(db, "0018", down=True)
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO hunter (org_name, type, orgnr, all_trades, state, created_at) VALUES "
                "('NAV Tromsø', 'nav', :taken, false, 'pending', :now), "
                "('NAV Tromsø kontor', 'nav', :taken, false, 'approved', :now), "
                "('NAV Tromsø igjen', 'nav', :taken, false, 'pending', :now), "
                "('NAV gammel', 'nav', :taken, false, 'rejected', :now), "
                "('Glemmen vgs', 'school', :other, false, 'pending', :now)"
            ),
            {"now": NOW, "taken": TAKEN, "other": OTHER},
        )
    migrate(db, "head")
    with db.session() as session:
        states = {h.id: h.state for h in session.scalars(select(Hunter))}
        assert states == {
            1: HunterState.REJECTED,
            2: HunterState.APPROVED,
            3: HunterState.REJECTED,
            4: HunterState.REJECTED,
            5: HunterState.PENDING,
        }
        [notice] = session.scalars(select(Notice).where(Notice.kind == "hunter_duplicate"))
        assert f"{TAKEN}" in notice.text and "NAV Tromsø kontor (nr. 2) er beholdt" in notice.text
        assert "NAV Tromsø (nr. 1), NAV Tromsø igjen (nr. 3)" in notice.text
        [event] = events_of_organisation(session, hunter_id=3)
        assert (event.action, event.detail) == (
            "organisation.duplicate_orgnr",
            {"orgnr": TAKEN, "kept_id": 2},
        )
        assert events_of_organisation(session, hunter_id=5) == []
        # A rejected organisation cannot be approved while another holds its number: a reason, not a 500.
        with pytest.raises(OrgnrTaken) as taken:
            approve_hunter(session, hunter_id=1)
        assert taken.value.holder.id == 2

    with db.session() as session:
        session.add(Hunter(org_name="Enda en", type=HunterType.NAV, orgnr=TAKEN, state=HunterState.PENDING))
        with pytest.raises(
            IntegrityError, match=r"uq_hunter_orgnr_live|UNIQUE constraint failed: hunter\.orgnr"
        ):
            session.flush()
    with db.transaction() as session:  # a rejected one may share it
        session.add(Hunter(org_name="Avvist", type=HunterType.NAV, orgnr=TAKEN, state=HunterState.REJECTED))
