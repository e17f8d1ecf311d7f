"""Every page carries the security headers, no page needs inline scripts or styles, and every body is capped
before it is read (PRODUCT §12)."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlalchemy import select

from settings import Settings
from store.db import Database
from store.models import Registration
from tests.dashboard_fixtures import ADMIN_EMAIL
from tests.dashboard_fixtures import PASSWORD
from tests.dashboard_fixtures import STAFF_PAGES
from tests.dashboard_fixtures import csrf_of
from tests.fakes.server import BackgroundServer
from tests.test_engine import make_company
from web.app import create_app

PAGES = [*STAFF_PAGES, "/admin/campaigns/new", "/admin/staff", "/admin/does-not-exist"]
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style[\s>]|\sstyle=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)


def assert_secure_headers(response, path: str) -> None:  # type: ignore[no-untyped-def]
    csp = response.headers.get("content-security-policy", "")
    assert "frame-ancestors 'none'" in csp, path
    assert "unsafe-inline" not in csp and "script-src 'self'" in csp and "style-src 'self'" in csp, path
    assert response.headers.get("x-frame-options") == "DENY", path
    assert response.headers.get("x-content-type-options") == "nosniff", path
    assert response.headers.get("referrer-policy") == "same-origin", path


def assert_no_inline_code(html: str, path: str) -> None:
    """What the policy would block: a page that needs it would break in the browser."""
    assert not INLINE_SCRIPT.search(html), (path, INLINE_SCRIPT.search(html))
    assert not INLINE_STYLE.search(html), (path, INLINE_STYLE.search(html))
    assert not EVENT_HANDLER.search(html), (path, EVENT_HANDLER.search(html))


def test_every_dashboard_page_has_the_headers_and_no_inline_code(
    admin_client: TestClient, db: Database
) -> None:
    from tests.test_dashboard import _campaign_with_activity

    campaign_id = _campaign_with_activity(db)
    with db.session() as session:
        orgnr = session.scalars(select(Registration.company_id)).first()
    assert orgnr is not None
    pages = [*PAGES, f"/admin/campaigns/{campaign_id}", f"/admin/results?campaign={campaign_id}"]
    for path in pages:
        response = admin_client.get(path)
        assert response.status_code in (200, 404), path
        assert_secure_headers(response, path)
        assert_no_inline_code(response.text, path)
    for path in ("/static/admin.css", "/static/htmx.min.js", "/healthz", "/api/leads"):
        assert_secure_headers(admin_client.get(path), path)


def test_the_login_and_registration_pages_have_the_headers_and_no_inline_code(
    client: TestClient, db: Database
) -> None:
    with db.transaction() as session:
        token = make_company(session).token
    for path in ("/admin/login", f"/r/{token}", "/r/unknown-token-xxxxxxxx"):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        assert_secure_headers(response, path)
        assert_no_inline_code(response.text, path)
    registration_css = client.get("/static/registration.css")
    assert registration_css.status_code == 200 and "--accent" in registration_css.text


def test_only_the_api_docs_may_load_swagger_from_its_cdn(client: TestClient) -> None:
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    csp = docs.headers["content-security-policy"]
    assert "https://cdn.jsdelivr.net" in csp and "frame-ancestors 'none'" in csp
    assert "cdn.jsdelivr.net" not in client.get("/admin/login").headers["content-security-policy"]


def test_an_https_deployment_also_sends_hsts(settings: Settings, db: Database) -> None:
    secure = settings.model_copy(update={"public_base_url": "https://jeger.example"})
    with TestClient(create_app(secure, db=db), base_url="https://jeger.example") as client:
        assert client.get("/healthz").headers["strict-transport-security"].startswith("max-age=")


# --- body caps ---------------------------------------------------------------------------------------------


@pytest.fixture
def server(app: FastAPI, users: dict[str, int]) -> Iterator[BackgroundServer]:
    running = BackgroundServer(app).start()
    yield running
    running.server.should_exit = True
    running.stop()


def _raw(server: BackgroundServer, head: str, chunks: Iterator[bytes] = iter(())) -> bytes:
    """Sends a request head (and body chunks) and returns the status line, read as soon as it comes."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=15) as sock:
        sock.sendall(head.encode())
        try:
            for chunk in chunks:
                sock.sendall(chunk)
        except (BrokenPipeError, ConnectionResetError):  # the server answered and closed: as it should
            pass
        return sock.recv(64).split(b"\r\n")[0]


@pytest.mark.parametrize(
    "path",
    ["/admin/login", "/admin/sandbox/reply", "/admin/campaigns/new", "/r/abcdefghijklmnop1234"],
)
def test_an_over_long_content_length_is_refused_before_the_body_is_read(
    server: BackgroundServer, path: str
) -> None:
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 50000000\r\n\r\n"
    )
    assert b" 413 " in _raw(server, head)  # no body sent at all: a wait for it would time out


@pytest.mark.parametrize("path", ["/admin/login", "/r/abcdefghijklmnop1234"])
def test_a_chunked_form_body_is_refused_once_it_passes_the_cap(server: BackgroundServer, path: str) -> None:
    head = (
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    chunk = b"a=" + b"x" * 8190

    def endless() -> Iterator[bytes]:  # 2 MB of a body that never ends: no Content-Length to go by
        for _ in range(256):
            yield b"%x\r\n%s\r\n" % (len(chunk), chunk)

    assert b" 413 " in _raw(server, head, endless())


def test_the_registration_form_takes_64_kb_and_the_upload_more_than_a_form(
    admin_client: TestClient, db: Database
) -> None:
    with db.transaction() as session:
        token = make_company(session).token
    page = admin_client.get(f"/r/{token}").text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert csrf
    big = admin_client.post(f"/r/{token}", data={"csrf_token": csrf.group(1), "start": "x" * 70_000})
    assert big.status_code == 413
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Registration)) == 0
    # A dashboard form over the 1 MB cap.
    sandbox = admin_client.post(
        "/admin/sandbox/reply",
        data={"csrf_token": csrf_of(admin_client, "/admin/sandbox"), "t": "x", "text": "x" * 1_100_000},
    )
    assert sandbox.status_code == 413
    # The register upload takes files far past a form's cap (here 1.5 MB of something that is no register).
    upload = admin_client.post(
        "/admin/companies/import",
        data={"csrf_token": csrf_of(admin_client, "/admin/companies/import")},
        files={"file": ("stor.csv", b"orgnr;navn\n" + b"x" * 1_500_000, "text/csv")},
        follow_redirects=False,
    )
    assert upload.status_code == 303


def test_logging_in_still_works_under_the_cap(client: TestClient, users: dict[str, int]) -> None:
    response = client.post(
        "/admin/login",
        data={"email": ADMIN_EMAIL, "password": PASSWORD, "csrf_token": csrf_of(client), "next": "/admin/"},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert_secure_headers(response, "/admin/login")
