"""A schemathesis run over /api's OpenAPI, inside the suite: no request gets a 5xx, and every response matches
the schema the API declares for it (PRODUCT §12). Generated from the schema FastAPI serves, against the real
app and database, with a staff API token."""

from __future__ import annotations

import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck
from hypothesis import Phase
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st
from schemathesis import Case
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance
from sqlalchemy import select

from store.db import Database
from tests.lead_factories import make_company
from tests.lead_factories import make_registration


def _data(app: FastAPI, db: Database, token: str) -> None:
    """A lead, a reply and a campaign (created through the API, as staff would), so routes have rows to show."""
    from datetime import timedelta

    from demo.simulator import demo_campaign_toml
    from demo.simulator import seed_companies
    from hunters.leads import create_lead
    from store.models import Company
    from store.models import Intent
    from store.models import Reply
    from store.models import utcnow

    seed_companies(db, count=20, seed=3)
    with db.transaction() as session:
        company_id = make_company(session, county="55", name="Skjema Bygg AS").id
    with TestClient(app) as client:
        toml_text = demo_campaign_toml(
            utcnow() - timedelta(minutes=1), name="Skjema", counties=("18", "55", "56", "50")
        )
        created = client.post(
            "/api/campaigns", content=toml_text.encode(), headers={"Authorization": f"Bearer {token}"}
        )
        assert created.status_code == 201, created.text
    with db.transaction() as session:
        company = session.get_one(Company, company_id)
        registration = make_registration(session, company=company)
        create_lead(session, registration_id=registration.id)
        session.add(
            Reply(channel="sms", sender="+4791234567", text="JA", company_id=company.id,
                  campaign_id=created.json()["id"], intent=Intent.INTERESTED)
        )  # fmt: skip


def test_the_api_never_answers_5xx_and_matches_its_schema(app: FastAPI, db: Database, api_token: str) -> None:
    """Positive cases (valid per the schema) and negative ones (wrong types, missing or extra fields) over
    every operation. Driven by hypothesis directly: schemathesis's pytest plugin cannot bind the per-backend
    app fixture under pytest 9 (it writes the private `Function._nodeid`)."""
    _data(app, db, api_token)
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    cases = st.one_of(
        schema.as_strategy(GenerationMode.POSITIVE), schema.as_strategy(GenerationMode.NEGATIVE)
    )
    seen: set[str] = set()

    @given(case=cases)
    @settings(
        max_examples=150,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],  # no shrinking: the first failure is reported as found
    )
    def run(case: Case) -> None:
        seen.add(f"{case.method} {case.operation.path}")
        case.call_and_validate(
            headers={"Authorization": f"Bearer {api_token}"},
            checks=[not_a_server_error, response_schema_conformance],
        )

    run()
    operations = {f"{r.ok().method.upper()} {r.ok().path}" for r in schema.get_all_operations()}
    assert len(operations) >= 10 and len(seen) >= len(operations) // 2, (seen, operations)


def test_ids_past_the_id_columns_get_422_not_a_database_overflow(client: TestClient, api_token: str) -> None:
    """Found by the run above: a 20-digit campaign id reached SQLite as an integer it cannot hold (500)."""
    headers = {"Authorization": f"Bearer {api_token}"}
    huge = "50713404811445403648"
    for method, path in [
        ("GET", f"/api/campaigns/{huge}"),
        ("POST", f"/api/campaigns/{huge}/launch"),
        ("GET", f"/api/replies?campaign={huge}"),
        ("GET", f"/api/replies?limit={huge}"),
    ]:
        response = client.request(method, path, headers=headers)
        assert response.status_code == 422, (method, path, response.status_code)
        assert isinstance(response.json()["detail"], list)
    unknown = client.get("/api/leads?county=lax", headers=headers)
    assert unknown.status_code == 422 and "lax" in unknown.json()["detail"]


def test_a_deeply_nested_campaign_file_gets_422_not_a_recursion_error(
    client: TestClient, api_token: str, db: Database
) -> None:
    from store.models import Campaign

    headers = {"Authorization": f"Bearer {api_token}", "Content-Type": "application/toml"}
    for body in ("a = " + "[" * 60_000 + "]" * 60_000, "a = " + "{b=" * 30_000 + "1" + "}" * 30_000):
        response = client.post("/api/campaigns", content=body.encode(), headers=headers)
        assert response.status_code == 422 and "nøstet for dypt" in str(response.json()["detail"])
    with db.session() as session:
        assert session.scalars(select(Campaign)).first() is None
