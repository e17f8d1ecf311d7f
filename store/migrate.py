"""Creates or upgrades the schema with Alembic and loads reference data (`jeger init`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from store.db import make_sessionmaker
from store.db import session_scope
from store.reference import ReferenceCounts
from store.reference import load_reference_data
from store.secrets import ADDRESS_KEY
from store.secrets import get_or_create_secret

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


@dataclass(frozen=True)
class InitResult:
    revision_before: str | None
    revision_after: str | None
    reference: ReferenceCounts


def init_database(engine: Engine) -> InitResult:
    """Upgrades to head and loads reference data; running it twice changes nothing the second time."""
    before = current_revision(engine)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    with session_scope(make_sessionmaker(engine)) as session:
        reference = load_reference_data(session)
        get_or_create_secret(session, ADDRESS_KEY)
    return InitResult(before, current_revision(engine), reference)
