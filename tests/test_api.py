"""The JSON API: staff tokens required, OpenAPI described, the same data as the CLI and dashboard."""

from __future__ import annotations

import csv
import io

from fastapi.testclient import TestClient

from store.db import Database
from store.models import StaffUser
from tests.lead_factories import make_company, make_registration


def _lead(db: Database, county: str = "55") -> int:
    from bot.leads import create_lead

    with db.transaction() as session:
        company = make_company(session, county=county, name=f"Fjordbygg {county} AS")
        registration = make_registration(session, company=company)
        return create_lead(session, registration_id=registration.id).id


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_every_route_needs_a_token(client: TestClient, api_token: str) -> None:
    for path in ("/api/leads", "/api/leads/export"):
        response = client.get(path)
        assert response.status_code == 401, path
        assert response.headers["www-authenticate"] == "Bearer"
        assert client.get(path, headers=_auth("lpj_wrong")).status_code == 401
        assert client.get(path, headers=_auth(api_token)).status_code == 200


def test_a_deactivated_users_token_stops_working(
    client: TestClient,
    api_token: str,
    db: Database,
    users,
) -> None:
    with db.transaction() as session:
        session.get_one(StaffUser, users["staff"]).active = False
    assert client.get("/api/leads", headers=_auth(api_token)).status_code == 401


def test_a_token_records_when_it_was_last_used(client: TestClient, api_token: str, db: Database) -> None:
    from sqlalchemy import select

    from store.models import ApiToken

    client.get("/api/leads", headers=_auth(api_token))
    with db.session() as session:
        assert session.scalars(select(ApiToken)).one().last_used_at is not None


def test_leads_are_listed_and_filtered_by_county(client: TestClient, api_token: str, db: Database) -> None:
    tromso, oslo = _lead(db, "55"), _lead(db, "03")
    everyone = client.get("/api/leads", headers=_auth(api_token)).json()
    assert [lead["id"] for lead in everyone] == [tromso, oslo]
    assert everyone[0]["company"] == "Fjordbygg 55 AS" and everyone[0]["state"] == "new"
    only = client.get("/api/leads?county=03", headers=_auth(api_token)).json()
    assert [lead["id"] for lead in only] == [oslo]
    assert client.get("/api/leads?county=99", headers=_auth(api_token)).status_code == 422
    assert client.get("/api/leads?state=nonsense", headers=_auth(api_token)).status_code == 422


def test_leads_export_as_csv(client: TestClient, api_token: str, db: Database) -> None:
    _lead(db, "55")
    response = client.get("/api/leads/export", headers=_auth(api_token))
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 1 and rows[0]["company"] == "Fjordbygg 55 AS" and rows[0]["county"] == "55"


def test_the_api_is_described_by_openapi_with_bearer_auth(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    paths = spec["paths"]
    assert "/api/leads" in paths and "/api/leads/export" in paths
    assert not any(path.startswith(("/admin", "/webhooks")) for path in paths)
    assert any(scheme["type"] == "http" for scheme in spec["components"]["securitySchemes"].values())
    assert client.get("/api/docs").status_code == 200
