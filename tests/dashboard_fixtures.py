"""Fixtures for the dashboard and API tests: the app, staff users, a logged-in client, a CSRF helper."""

from __future__ import annotations

import re
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
