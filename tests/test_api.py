"""The JSON API: staff tokens required, OpenAPI described, the same data as the CLI and dashboard."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from fastapi import FastAPI
from fastapi.testclient import TestClient

from store.db import Database
from store.models import StaffUser
from store.models import utcnow
from tests.api_routes import api_routes
from tests.lead_factories import make_company
from tests.lead_factories import make_registration


def _lead(db: Database, county: str = "55") -> int:
    from hunters.leads import create_lead

    with db.transaction() as session:
        company = make_company(session, county=county, name=f"Fjordbygg {county} AS")
        registration = make_registration(session, company=company)
        return create_lead(session, registration_id=registration.id).id


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_every_route_needs_a_token(app: FastAPI, client: TestClient, api_token: str) -> None:
    routes = api_routes(app)
    assert ("GET", "/api/replies") in routes and ("POST", "/api/campaigns/1/launch") in routes
    for method, path in routes:
        for headers in ({}, _auth("lpj_wrong")):
            response = client.request(method, path, headers=headers)
            assert response.status_code == 401, (method, path, headers)
            assert response.headers["www-authenticate"] == "Bearer"
        # With a token the route is reached: whatever it answers, it is not the 401 of a missing token.
        assert client.request(method, path, headers=_auth(api_token)).status_code != 401, (method, path)
    for path in ("/api/leads", "/api/leads/export", "/api/replies", "/api/campaigns"):
        assert client.get(path, headers=_auth(api_token)).status_code == 200, path


def _replies(db: Database) -> dict[str, int]:
    """Four replies: two to campaign A (a JA and a question), one to campaign B, one without a campaign."""
    from store.models import Campaign
    from store.models import Intent
    from store.models import Reply
    from store.models import utcnow

    now = utcnow()
    with db.transaction() as session:
        a, b = Campaign(name="A", definition={}), Campaign(name="B", definition={})
        session.add_all([a, b])
        session.flush()
        company = make_company(session, county="55", name="Svar Bygg AS")
        rows = [
            Reply(channel="sms", sender="+4791234567", text="JA", company_id=company.id, campaign_id=a.id,
                  intent=Intent.INTERESTED, received_at=now - timedelta(days=3)),
            Reply(channel="sms", sender="+4791234567", text="Hva koster det?", company_id=company.id,
                  campaign_id=a.id, intent=Intent.FREE_TEXT, received_at=now - timedelta(hours=2)),
            Reply(channel="telegram", sender="7000000009", text="nei", campaign_id=b.id,
                  intent=Intent.DECLINED, received_at=now - timedelta(hours=1)),
            Reply(channel="sms", sender="+4799999999", text="STOPP", intent=Intent.OPT_OUT,
                  received_at=now - timedelta(minutes=5)),
        ]  # fmt: skip
        session.add_all(rows)
        return {"a": a.id, "b": b.id}


def test_replies_are_listed_newest_first_and_filtered(
    client: TestClient, api_token: str, db: Database
) -> None:
    ids = _replies(db)
    everything = client.get("/api/replies", headers=_auth(api_token)).json()
    assert everything["next"] is None and [r["text"] for r in everything["items"]] == [
        "STOPP",
        "nei",
        "Hva koster det?",
        "JA",
    ]
    first = everything["items"][2]
    assert (
        first["company"] == "Svar Bygg AS"
        and first["intent"] == "free_text"
        and first["campaign_id"] == ids["a"]
    )
    assert first["sender"] == "+47******67"  # masked, as `jeger replies list` shows it
    by_campaign = client.get(f"/api/replies?campaign={ids['a']}", headers=_auth(api_token)).json()
    assert [r["text"] for r in by_campaign["items"]] == ["Hva koster det?", "JA"]
    by_intent = client.get("/api/replies?intent=interested", headers=_auth(api_token)).json()
    assert [r["text"] for r in by_intent["items"]] == ["JA"]
    since = (utcnow() - timedelta(hours=1, minutes=30)).isoformat()
    recent = client.get("/api/replies", params={"since": since}, headers=_auth(api_token)).json()
    assert [r["text"] for r in recent["items"]] == ["STOPP", "nei"]
    assert client.get("/api/replies?intent=maybe", headers=_auth(api_token)).status_code == 422
    naive = client.get("/api/replies", params={"since": "2027-06-07T09:00:00"}, headers=_auth(api_token))
    assert naive.status_code == 422


def test_replies_come_in_pages_after_a_cursor(client: TestClient, api_token: str, db: Database) -> None:
    _replies(db)
    first = client.get("/api/replies?limit=3", headers=_auth(api_token)).json()
    after = {"limit": 3, "after": first["next"]}
    second = client.get("/api/replies", params=after, headers=_auth(api_token)).json()
    assert (first["limit"], len(first["items"])) == (3, 3) and first["next"]
    assert ([r["text"] for r in second["items"]], second["next"]) == (["JA"], None)
    assert client.get("/api/replies?limit=0", headers=_auth(api_token)).status_code == 422
    assert client.get("/api/replies?limit=5000", headers=_auth(api_token)).status_code == 422


def test_a_cursor_the_list_did_not_give_gets_400_that_says_so(
    client: TestClient, api_token: str, db: Database
) -> None:
    _lead(db, "55")
    _lead(db, "03")
    leads_cursor = client.get("/api/leads?limit=1", headers=_auth(api_token)).json()["next"]
    # not base64, not JSON, a JSON object, a string id, a bool id, and another list's cursor
    forged = ["garbage!", "bm90IGpzb24", "eyJhIjoxfQ", "WyI3Il0", "W3RydWVd", leads_cursor]
    for path, after in [("/api/leads", bad) for bad in forged[:-1]] + [("/api/replies", leads_cursor)]:
        answer = client.get(path, params={"after": after}, headers=_auth(api_token))
        assert answer.status_code == 400 and "cursor" in answer.json()["detail"], (path, after)
    too_long = client.get("/api/leads", params={"after": "W" * 5000}, headers=_auth(api_token))
    assert too_long.status_code == 422


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
    assert [lead["id"] for lead in everyone["items"]] == [tromso, oslo] and everyone["next"] is None
    assert everyone["items"][0]["company"] == "Fjordbygg 55 AS" and everyone["items"][0]["state"] == "new"
    only = client.get("/api/leads?county=03", headers=_auth(api_token)).json()
    assert [lead["id"] for lead in only["items"]] == [oslo]
    first = client.get("/api/leads?limit=1", headers=_auth(api_token)).json()
    rest = client.get("/api/leads", params={"limit": 1, "after": first["next"]}, headers=_auth(api_token))
    assert [lead["id"] for lead in first["items"] + rest.json()["items"]] == [tromso, oslo]
    assert rest.json()["next"] is None
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
    assert "/api/leads" in paths and "/api/leads/export" in paths and "/api/replies" in paths
    assert not any(path.startswith(("/admin", "/webhooks")) for path in paths)
    assert any(scheme["type"] == "http" for scheme in spec["components"]["securitySchemes"].values())
    assert client.get("/api/docs").status_code == 200
