"""The PostgreSQL databases the benchmarks measure on: each run makes its own, named after the bench and the
process, so that two runs (or a run and the test suite, which shares the server) never see each other's rows."""

from __future__ import annotations

import os

# The suite's server; a benchmark's databases sit beside the suite's database there.
PG_URL = os.environ.get("TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def database_url(name: str) -> str:
    """The URL of database `name` on the suite's server, with the password (a child process connects with it)."""
    from sqlalchemy.engine import make_url

    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def _run_on_server(*statements: str) -> None:
    """Runs `statements` outside a transaction (CREATE and DROP DATABASE refuse to run inside one)."""
    from sqlalchemy import create_engine
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    admin = create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            for statement in statements:
                conn.execute(text(statement))
    finally:
        admin.dispose()


def create_database(name: str) -> str:
    """A new empty database `name` (one left by a crashed run is dropped first); its URL."""
    _run_on_server(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    return database_url(name)


def drop_database(name: str) -> None:
    _run_on_server(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
