"""Migration 0003 on a database at 0002 holding what the old STOPP rule left behind (SQLite and PostgreSQL).

The old rule opted out every address of the company that said STOPP. After 0003 the company whose own address
said STOPP is do-not-contact; a STOPP from a shared or replaced address marks no company; no opt-out is lifted.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine
from sqlalchemy import func
from sqlalchemy import insert
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.engine import make_url

from store.db import make_engine
from store.migrate import alembic_config
from store.migrate import current_revision
from store.models import Company
from store.models import Contact
from store.models import OptOut
from store.models import Reply
from tests.conftest import PG_URL
from tests.conftest import _admin_engine
from tests.conftest import drop_database_url

SAID_AT = datetime(2026, 6, 14, 10, 30, tzinfo=UTC)


@pytest.fixture
def engine_at_0002(backend: str, tmp_path: Path) -> Iterator[Engine]:
    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'old.db'}"
    else:
        if not PG_URL:
            pytest.skip("PostgreSQL: TEST_DATABASE_URL is not set")
        name = f"jeger_mig_{os.getpid()}"
        admin = _admin_engine()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    _upgrade(engine, "0002")
    yield engine
    engine.dispose()
    drop_database_url(url)


def _upgrade(engine: Engine, revision: str) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _downgrade(engine: Engine, revision: str) -> None:
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def _seed(engine: Engine) -> dict[str, int]:
    """Companies as the old rule left them. Core inserts name only 0002's columns."""
    now = datetime(2026, 6, 1, tzinfo=UTC)
    ids: dict[str, int] = {}
    with engine.begin() as conn:
        for n, key in enumerate(
            ["own_mobile", "shares", "switchboard_said_it", "replaced", "telegram", "no"]
        ):
            # Text, not the model's table: Core would also fill columns later migrations added (defaults).
            ids[key] = conn.execute(
                text(
                    "INSERT INTO company (orgnr, name, language, is_training_company, bankrupt, winding_up, "
                    "created_at, updated_at) VALUES (:orgnr, :name, 'nb', false, false, false, :now, :now) "
                    "RETURNING id"
                ),
                {"orgnr": f"9{n:08d}", "name": f"Bedrift {key}", "now": now},
            ).scalar_one()

        def contact(company: str, kind: str, address: str, replaced: bool = False) -> None:
            conn.execute(
                insert(Contact.__table__),
                {
                    "company_id": ids[company],
                    "kind": kind,
                    "address": address,
                    "address_hash": f"h:{kind}:{address}",
                    "is_mobile": kind == "phone",
                    "source": "register",
                    "replaced_at": now if replaced else None,
                },
            )

        def opted_out(kind: str, address: str) -> None:
            conn.execute(
                insert(OptOut.__table__),
                {"kind": kind, "address_hash": f"h:{kind}:{address}", "address": address, "source": "sms"},
            )

        def said(
            company: str, channel: str, sender: str, intent: str = "opt_out", at: datetime = SAID_AT
        ) -> None:
            conn.execute(
                insert(Reply.__table__),
                {
                    "channel": channel,
                    "sender": sender,
                    "text": "STOPP",
                    "company_id": ids[company],
                    "intent": intent,
                    "received_at": at,
                },
            )

        switchboard = "+4741234567"
        # 1. Said STOPP from its own mobile; the old rule swept its e-mail and the shared switchboard too.
        contact("own_mobile", "phone", "+4791000001")
        contact("own_mobile", "email", "post@en.example.no")
        contact("own_mobile", "phone", switchboard)
        for kind, address in (
            ("phone", "+4791000001"),
            ("email", "post@en.example.no"),
            ("phone", switchboard),
        ):
            opted_out(kind, address)
        said("own_mobile", "sms", "+4791000001", at=SAID_AT + timedelta(days=2))
        said("own_mobile", "sms", "+4791000001")  # the first STOPP decides the time
        # 2. Shares the switchboard, said nothing.
        contact("shares", "phone", switchboard)
        contact("shares", "phone", "+4791000002")
        # 3. Another company on the switchboard: the switchboard's STOPP was read as this one's, but a shared
        #    number proves no company.
        contact("switchboard_said_it", "phone", switchboard)
        said("switchboard_said_it", "sms", switchboard)
        # 4. Its old number (replaced by a later import) said STOPP: the number may be someone else's now.
        contact("replaced", "phone", "+4791000004", replaced=True)
        opted_out("phone", "+4791000004")
        said("replaced", "sms", "+4791000004")
        # 5. Its Telegram chat said /stopp.
        contact("telegram", "telegram", "7000005")
        opted_out("telegram", "7000005")
        said("telegram", "telegram", "7000005")
        # 6. Its mobile said NEI, not STOPP.
        contact("no", "phone", "+4791000006")
        said("no", "sms", "+4791000006", intent="declined")
    return ids


def test_upgrading_to_0003_marks_the_companies_whose_own_address_said_stopp_and_lifts_no_opt_out(
    engine_at_0002: Engine,
) -> None:
    engine = engine_at_0002
    ids = _seed(engine)
    with engine.connect() as conn:
        opt_outs_before = conn.scalar(select(func.count()).select_from(OptOut.__table__))

    _upgrade(engine, "0003")

    assert current_revision(engine) == "0003"
    table = Company.__table__
    with engine.connect() as conn:
        marked = {
            row.id: (row.do_not_contact_at, row.do_not_contact_source)
            for row in conn.execute(
                select(table.c.id, table.c.do_not_contact_at, table.c.do_not_contact_source)
            )
            if row.do_not_contact_at is not None
        }
        assert conn.scalar(select(func.count()).select_from(OptOut.__table__)) == opt_outs_before == 5
    assert set(marked) == {ids["own_mobile"], ids["telegram"]}
    at, source = marked[ids["own_mobile"]]
    assert at.replace(tzinfo=at.tzinfo or UTC) == SAID_AT and source == "sms"
    assert marked[ids["telegram"]][1] == "telegram"

    # And back: the columns go, the data they held with them; up again marks the same companies.
    _downgrade(engine, "0002")
    assert current_revision(engine) == "0002"
    _upgrade(engine, "0003")
    with engine.connect() as conn:
        again = set(conn.scalars(select(table.c.id).where(table.c.do_not_contact_at.is_not(None))))
        # Neither direction copies the company table (on SQLite that drop would cascade to the contacts).
        assert conn.scalar(select(func.count()).select_from(Contact.__table__)) == 9
    assert again == {ids["own_mobile"], ids["telegram"]}
