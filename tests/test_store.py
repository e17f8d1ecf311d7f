"""The schema, its migrations and the reference data."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from store.db import Database
from store.db import savepoint
from store.migrate import head_revision
from store.migrate import init_database
from store.models import Base
from store.models import Campaign
from store.models import CampaignStep
from store.models import Channel
from store.models import Company
from store.models import ContactKind
from store.models import County
from store.models import Message
from store.models import Municipality
from store.models import OptOut
from store.models import Trade
from tests.project import PACKAGES
from tests.project import ROOT


def _column_level_sqlite_fk(op: object) -> bool:
    """SQLite adds a foreign key without rebuilding the table (a rebuild drops the table, and that cascades)
    only as a column-level REFERENCES clause, whose name and ON DELETE SQLAlchemy does not reflect; migration
    0004 adds `registration.conversation_id` so, and tests/test_migration_0004.py checks the clause itself."""
    if not (isinstance(op, tuple) and op and op[0] in ("add_fk", "remove_fk")):
        return False
    fk = op[1]
    return fk.table.name == "registration" and [c.name for c in fk.columns] == ["conversation_id"]


def test_migrations_match_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        if conn.dialect.name == "sqlite":
            diff = [op for op in diff if not _column_level_sqlite_fk(op)]
    assert diff == []


def test_reference_data_is_complete(session: Session) -> None:
    assert session.scalar(select(func.count()).select_from(County)) == 15
    assert session.scalar(select(func.count()).select_from(Municipality)) == 357
    assert session.scalar(select(func.count()).select_from(Trade)) == 171
    assert session.get(County, "55") is not None
    assert session.get(Municipality, "5501").county_number == "55"  # type: ignore[union-attr]
    prt = session.scalar(select(Trade).where(Trade.exam_code == "PRT3004"))
    assert prt is not None and prt.name == "Produksjonsteknikkfaget"


def test_init_twice_changes_nothing(db: Database) -> None:
    result = init_database(db.engine)
    assert result.revision_before == result.revision_after == head_revision()
    assert (result.reference.inserted, result.reference.updated) == (0, 0)


def test_init_through_the_cli_is_idempotent(cli) -> None:  # type: ignore[no-untyped-def]
    first = cli("init", "--json")
    assert first.exit_code == 0, first.output
    data = json.loads(first.stdout)
    assert data["revision"] == head_revision()
    assert (data["reference_inserted"], data["reference_updated"]) == (0, 0)


def test_orgnr_is_unique(session: Session) -> None:
    session.add_all([Company(orgnr="974760673", name="A"), Company(orgnr="974760673", name="B")])
    with pytest.raises(IntegrityError):
        session.flush()


@pytest.mark.parametrize("first_write", ["in the savepoint", "before it"])
def test_a_savepoint_is_part_of_the_callers_transaction(db: Database, first_write: str) -> None:
    """What a savepoint keeps is committed with the caller's transaction, and is neither seen by another
    connection nor kept when the caller rolls back; on SQLite too, where a savepoint that opened the
    transaction would commit on release."""
    with db.session() as session:
        if first_write == "before it":
            session.add(Company(orgnr="974760673", name="Før AS"))
            session.flush()
        with savepoint(session):
            session.add(Company(orgnr="923609016", name="Lagret AS"))
        with db.session() as other:
            assert other.scalar(select(func.count()).select_from(Company)) == 0
        session.rollback()
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Company)) == 0


def test_no_module_opens_a_savepoint_but_through_store_db() -> None:
    """`session.begin_nested()` commits early on SQLite when it opens the transaction; `savepoint` does not."""
    callers = [
        str(path.relative_to(ROOT))
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if "begin_nested(" in path.read_text(encoding="utf-8")
    ]
    assert callers == ["store/db.py"]


def test_one_message_per_step_and_company(session: Session) -> None:
    company = Company(orgnr="974760673", name="A")
    campaign = Campaign(name="C")
    step = CampaignStep(campaign=campaign, position=0, name="sms", channel=Channel.SMS, template="sms/x")
    session.add_all([company, campaign, step])
    session.flush()
    for _ in range(2):
        session.add(
            Message(
                campaign_id=campaign.id, step_id=step.id, company_id=company.id, channel=Channel.SMS, body="x"
            )
        )
    with pytest.raises(IntegrityError):
        session.flush()


def test_one_opt_out_per_address(session: Session) -> None:
    for _ in range(2):
        session.add(OptOut(kind=ContactKind.PHONE, address_hash="h" * 64, source="sms"))
    with pytest.raises(IntegrityError):
        session.flush()


def test_datetimes_come_back_aware_in_utc(session: Session) -> None:
    campaign = Campaign(name="C")
    session.add(campaign)
    session.commit()
    session.expire_all()
    stored = session.get(Campaign, campaign.id)
    assert stored is not None and stored.created_at.utcoffset() is not None
    assert stored.created_at.utcoffset().total_seconds() == 0  # type: ignore[union-attr]


PACKAGED_ROOTS = (*PACKAGES, "templates")


def test_a_built_install_holds_every_module_template_and_data_file(tmp_path: Path) -> None:
    """A non-editable install runs from site-packages: whatever pyproject leaves out is missing there."""
    root = Path(__file__).resolve().parent.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    tree, lib = tmp_path / "src", tmp_path / "lib"
    for name in PACKAGED_ROOTS:
        shutil.copytree(root / name, tree / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    modules = config["tool"]["setuptools"]["py-modules"]
    for name in ("pyproject.toml", "README.md", *(f"{m}.py" for m in modules)):
        shutil.copy(root / name, tree / name)
    subprocess.run(
        [sys.executable, "-c", "from setuptools import setup; setup()", "-q", "build_py", "--build-lib", lib],
        cwd=tree,
        check=True,
        capture_output=True,
        timeout=300,
    )
    built = {p.relative_to(lib).as_posix() for p in lib.rglob("*") if p.is_file()}
    shipped = {
        p.relative_to(tree).as_posix() for n in PACKAGED_ROOTS for p in (tree / n).rglob("*") if p.is_file()
    }
    assert sorted(shipped - built) == []
    assert {"cli/__main__.py", "settings.py", "store/alembic.ini", "store/migrations/script.py.mako"} <= built
