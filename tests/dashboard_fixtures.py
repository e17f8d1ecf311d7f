"""Fixtures for the dashboard and API tests: the app, staff users, a logged-in client, a CSRF helper."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from settings import Settings
from staff.accounts import add_staff
from staff.tokens import create_api_token
from store.db import Database
from store.models import StaffRole
from web.app import create_app

ADMIN_EMAIL = "ada@worldskills.no"
STAFF_EMAIL = "sam@worldskills.no"
PASSWORD = "riktig-hest-batteri"
# Every page plain staff may open (the admin-only ones, forms and a campaign's own pages come on top where needed).
STAFF_PAGES = (
    "/admin/",
    "/admin/campaigns",
    "/admin/results",
    "/admin/inbox",
    "/admin/leads",
    "/admin/hunters",
    "/admin/companies",
    "/admin/companies/import",
    "/admin/sandbox",
)
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def app(settings: Settings, db: Database) -> FastAPI:
    return create_app(settings, db=db)


@pytest.fixture
def users(db: Database) -> dict[str, int]:
    with db.transaction() as session:
        admin = add_staff(
            session, email=ADMIN_EMAIL, role=StaffRole.ADMIN, password=PASSWORD, name="Ada Admin"
        )
        staff = add_staff(session, email=STAFF_EMAIL, role=StaffRole.STAFF, password=PASSWORD)
        return {"admin": admin.id, "staff": staff.id}


@pytest.fixture
def api_token(db: Database, users: dict[str, int]) -> str:
    with db.transaction() as session:
        return create_api_token(session, staff_id=users["staff"], name="test")


def csrf_of(client: TestClient, path: str = "/admin/login") -> str:
    """The CSRF token the page at `path` carries for this client's session."""
    response = client.get(path)
    found = _CSRF.search(response.text)
    assert found, f"no CSRF token on {path}: {response.status_code}"
    return found.group(1)


def register_unit(orgnr: str, name: str) -> dict[str, object]:
    """One unit of a register file (enheter.json), in Tromsø."""
    return {"organisasjonsnummer": orgnr, "navn": name, "forretningsadresse": {"kommunenummer": "5501"}}


def start_import(
    client: TestClient, filename: str, body: bytes, content_type: str = "application/json"
) -> str:
    """Uploads a register file on the dashboard; the URL of the import job it started in the background."""
    response = client.post(
        "/admin/companies/import",
        data={"csrf_token": csrf_of(client, "/admin/companies/import")},
        files={"file": (filename, body, content_type)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text[:300]
    return str(response.headers["location"])


def finished_import(client: TestClient, job_url: str, *, timeout: float = 60.0) -> str:
    """The progress fragment of an import job once it has finished or failed (it no longer asks the browser to
    poll it); the job runs in a thread of the app, so this polls, with a deadline rather than a count of naps."""
    deadline = time.monotonic() + timeout
    while True:
        fragment = client.get(job_url + "/progress").text
        if "hx-get=" not in fragment:
            return fragment
        if time.monotonic() > deadline:
            raise AssertionError(f"the import at {job_url} did not finish: {fragment[:300]}")
        time.sleep(0.05)


def log_in(client: TestClient, email: str, password: str = PASSWORD) -> object:
    token = csrf_of(client)
    return client.post(
        "/admin/login",
        data={"email": email, "password": password, "csrf_token": token, "next": "/admin/"},
        follow_redirects=False,
    )


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def admin_client(client: TestClient, users: dict[str, int]) -> TestClient:
    response = log_in(client, ADMIN_EMAIL)
    assert response.status_code == 303, response.text  # type: ignore[attr-defined]
    return client


@pytest.fixture
def staff_client(client: TestClient, users: dict[str, int]) -> TestClient:
    response = log_in(client, STAFF_EMAIL)
    assert response.status_code == 303, response.text  # type: ignore[attr-defined]
    return client
