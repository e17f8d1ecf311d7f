"""The site's front door over HTTP: `/` leads to the dashboard, the icon answers at both addresses, and every
page (dashboard, login, a company's registration page, an error page) links it."""

from __future__ import annotations

from fastapi.testclient import TestClient

from companies.identifiers import ensure_identifiers
from store.db import Database
from tests.lead_factories import make_company

ICON_LINK = '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">'


def test_the_front_page_redirects_to_the_dashboard(client: TestClient) -> None:
    answer = client.get("/", follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (307, "/admin/")
    assert client.head("/", follow_redirects=False).status_code == 307
    landed = client.get("/")  # not signed in: the dashboard sends a visitor on to the login page
    assert landed.status_code == 200 and landed.url.path == "/admin/login"


def test_the_icon_answers_at_favicon_ico_and_in_static(client: TestClient) -> None:
    ico = client.get("/favicon.ico")
    assert ico.status_code == 200 and ico.headers["content-type"] == "image/x-icon"
    assert ico.content[:4] == b"\x00\x00\x01\x00" and "max-age" in ico.headers["cache-control"]
    assert client.head("/favicon.ico").status_code == 200
    svg = client.get("/static/favicon.svg")
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    assert svg.text.lstrip().startswith("<svg")


def test_every_page_links_the_icon(client: TestClient, admin_client: TestClient, db: Database) -> None:
    with db.transaction() as session:
        company = make_company(session, county="55", name="Ikon Bygg AS")
        ensure_identifiers(session, company_ids=[company.id])
        session.refresh(company)
        token = company.token
    pages = {
        "/admin/": admin_client.get("/admin/"),
        "/admin/results": admin_client.get("/admin/results"),
        "/admin/finnes-ikke": admin_client.get("/admin/finnes-ikke"),
        f"/r/{token}": client.get(f"/r/{token}"),
        "/r/finnes-ikke": client.get("/r/finnes-ikke"),
    }
    for path, answer in pages.items():
        assert answer.headers["content-type"].startswith("text/html"), path
        assert ICON_LINK in answer.text, f"{path} does not link the icon"
