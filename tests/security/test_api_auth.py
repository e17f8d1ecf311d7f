"""The /api token check sits on the router (web/api.py), so no route, present or added later, answers
without a valid staff token: every route is requested through the real app, without and with a bad token."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.testclient import TestClient

from settings import Settings
from store.db import Database
from tests.api_routes import api_routes
from web import api
from web.app import create_app


def _refused(client: TestClient, method: str, path: str) -> None:
    for headers in ({}, {"Authorization": "Bearer lpj_forged"}, {"Authorization": "Basic YTpi"}):
        response = client.request(method, path, headers=headers, content=b'name = "x"\n')
        assert response.status_code == 401, (method, path, headers, response.status_code)
        assert response.headers["www-authenticate"] == "Bearer"


def test_no_api_route_answers_without_a_valid_token(settings: Settings, db: Database) -> None:
    app = create_app(settings, db=db)
    requests = api_routes(app)
    assert len(requests) >= 9 and ("POST", "/api/campaigns/1/launch") in requests
    with TestClient(app) as client:
        for method, path in requests:
            _refused(client, method, path)


def test_a_route_added_to_the_api_router_later_needs_a_token_without_asking(
    settings: Settings, db: Database
) -> None:
    assert [d.dependency for d in api.router.dependencies] == [api.require_token]
    probe = APIRouter(prefix="/api", dependencies=api.router.dependencies)

    @probe.post("/probe")
    def probe_route() -> dict[str, bool]:  # declares no token of its own
        return {"reached": True}

    app = create_app(settings, db=db)
    app.include_router(probe)
    with TestClient(app) as client:
        _refused(client, "POST", "/api/probe")
