"""The Content-Security-Policy in a real browser: Chromium reports no violation on the dashboard or the
registration page, and htmx and the stylesheets still load (a policy that blocked them would break the pages
without any test of the HTML noticing)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.dashboard_fixtures import STAFF_PAGES
from tests.test_browser import CHROMIUM
from tests.test_browser import EMAIL
from tests.test_browser import PASSWORD
from tests.test_browser import Server
from tests.test_browser import browser  # noqa: F401
from tests.test_browser import page  # noqa: F401
from tests.test_browser import server  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="browser tests: /usr/bin/chromium is not installed"),
]
PAGES = [
    *STAFF_PAGES,
    "/admin/campaigns/new",
    "/admin/campaigns/new?mode=toml",
    "/admin/staff",
    "/admin/finnes-ikke",
]


def _token(db_url: str) -> str:
    from store.db import Database
    from tests.test_engine import make_company

    db = Database(db_url)
    try:
        with db.transaction() as session:
            token = make_company(session, name="CSP Bygg AS").token
    finally:
        db.dispose()
    assert token
    return token


def test_no_page_violates_the_content_security_policy(page: Any, server: Server) -> None:  # noqa: F811
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy: ' + e.violatedDirective + ' ' + e.blockedURI))"
    )
    page.goto(server.url + "/admin/login")
    page.get_by_label("E-postadresse").fill(EMAIL)
    page.get_by_label("Passord").fill(PASSWORD)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url("**/admin/")
    for path in PAGES:
        page.goto(server.url + path)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.htmx") == "object", path  # the script loaded and ran
        color = page.evaluate("getComputedStyle(document.querySelector('header.top')).display")
        assert color != "inline", path  # admin.css applied (a blocked stylesheet leaves the default)
    page.goto(server.url + f"/r/{_token(server.db_url)}")
    width = page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth")
    assert width != "none"  # registration.css applied
    assert violations == []
