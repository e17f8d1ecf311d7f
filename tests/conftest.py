"""Shared fixtures: settings, a fresh migrated database per test (SQLite, and PostgreSQL when
TEST_DATABASE_URL is set), and a CLI runner bound to those settings."""

from __future__ import annotations

import itertools
import os
import shutil
from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from typer.testing import CliRunner
from typer.testing import Result

from channels.twilio_webhooks import sign
from settings import Settings
from store.db import Database
from store.db import make_engine
from store.migrate import init_database

pytest_plugins = ["tests.fakes.fixtures", "tests.dashboard_fixtures"]

PG_URL = os.environ.get("TEST_DATABASE_URL")
_counter = itertools.count()


def _admin_engine():  # type: ignore[no-untyped-def]
    assert PG_URL
    return create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    init_database(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str | None]:
    if not PG_URL:
        yield None
        return
    name = f"jeger_tpl_{os.getpid()}"
    admin = _admin_engine()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(make_url(PG_URL).set(database=name).render_as_string(hide_password=False))
    init_database(engine)
    engine.dispose()
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def fresh_database_url(backend: str, directory: Path, sqlite_tpl: Path, pg_tpl: str | None) -> str:
    """A new database holding the migrated schema and reference data."""
    if backend == "sqlite":
        target = directory / f"jeger-{next(_counter)}.db"
        shutil.copy(sqlite_tpl, target)
        return f"sqlite:///{target}"
    if not PG_URL or pg_tpl is None:
        pytest.skip("PostgreSQL: TEST_DATABASE_URL is not set")
    name = f"jeger_t_{os.getpid()}_{next(_counter)}"
    admin = _admin_engine()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{pg_tpl}"'))
    admin.dispose()
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def drop_database_url(url: str) -> None:
    if url.startswith("postgresql"):
        admin = _admin_engine()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def db_url(backend: str, tmp_path: Path, sqlite_template: Path, pg_template: str | None) -> Iterator[str]:
    url = fresh_database_url(backend, tmp_path, sqlite_template, pg_template)
    yield url
    drop_database_url(url)


@pytest.fixture
def settings(db_url: str, tmp_path: Path) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=db_url,
        letters_dir=tmp_path / "letters",
        secret_key="test-secret-key",
        twilio_account_sid=None,
        twilio_auth_token=None,
        telegram_bot_token=None,
        smtp_url=None,
    )


# The auth token of the Twilio account the webhook tests sign their requests with (tests/fakes sign alike).
TWILIO_AUTH_TOKEN = "test-auth-token"


SMS_WEBHOOK = "/webhooks/twilio/sms"
_inbound_sids = itertools.count(1)


def with_twilio(settings: Settings, *, auth_token: str = TWILIO_AUTH_TOKEN) -> Settings:
    """`settings` with a Twilio account, so that the SMS webhook checks signatures and answers."""
    return settings.model_copy(
        update={
            "twilio_account_sid": "AC" + "0" * 32,
            "twilio_auth_token": auth_token,
            "twilio_from": "+4759440000",
        }
    )


@pytest.fixture
def twilio_settings(settings: Settings) -> Settings:
    return with_twilio(settings)


def post_inbound_sms(
    client: TestClient,
    settings: Settings,
    body: str,
    *,
    sender: str = "+4791234567",
    sid: str | None = None,
    signature: str | None = None,
) -> httpx.Response:
    """Posts an SMS to our webhook as Twilio does, signed with the account token of `settings` unless a
    `signature` is given (a forged one, say)."""
    form = {
        "MessageSid": sid or f"SM{next(_inbound_sids):032x}",
        "AccountSid": settings.twilio_account_sid or "",
        "From": sender,
        "To": "+4759440000",
        "Body": body,
        "NumMedia": "0",
        "NumSegments": "1",
    }
    if signature is None:
        signature = sign(settings.twilio_auth_token or "", settings.public_base_url + SMS_WEBHOOK, form)
    return client.post(SMS_WEBHOOK, data=form, headers={"X-Twilio-Signature": signature})


@pytest.fixture
def db(settings: Settings) -> Iterator[Database]:
    database = Database(settings.database_url)
    yield database
    database.dispose()


@pytest.fixture
def session(db: Database) -> Iterator[Session]:
    with db.session() as s:
        yield s


RunCli = Callable[..., Result]


@pytest.fixture
def cli(settings: Settings) -> RunCli:
    """Runs `jeger ARGS...` in-process with the test's settings; stdout and stderr kept apart."""
    from cli import Context
    from cli import app

    def run(*args: str, input: str | None = None) -> Result:
        runner = CliRunner()
        return runner.invoke(app, [str(a) for a in args], obj=Context(settings=settings), input=input)

    return run
