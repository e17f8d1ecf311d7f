"""Issue 12's "done means", in a real browser (Chromium through Playwright) against the app started as `make demo`
starts it (`jeger init`, then `jeger serve --demo`: demo data, sandbox channels, simulated replies).

One newcomer, one browser, the README's steps in order: sign up an organisation on the web, approve it as the
demo admin, answer JA as two of the demo's try companies in the sandbox (Prøvestein Bil AS in Troms, Prøvestein
Bygg AS in Oslo) so each becomes a lead, ask for a sign-in link, open it from the sandbox, and in the portal
claim the Troms lead, write a note, release it, claim it again and record an outcome (and claim the Oslo lead).
Then a county officer for Troms (`jeger staff add ... --role county --county 55`) signs in: the Troms lead is on
their list with its outcome, the Oslo one is not, in the list and in the CSV. The portal and sign-up pages pass
axe-core's WCAG 2.1 AA rules on the way."""

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import test_browser as shared
from tests.test_browser import CHROMIUM
from tests.test_browser import ROOT
from tests.test_browser import Server
from tests.test_browser import _answer_as_company
from tests.test_browser import _axe_violations
from tests.test_browser import _free_port
from tests.test_browser import serving

browser, page = shared.browser, shared.page  # the browser suite's fixtures, by name, for pytest
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="browser tests: /usr/bin/chromium is not installed"),
]

ORG, ORGNR, MEMBER, EMAIL = "NAV Nord-Troms", "974760673", "Kari Jeger", "kari.jeger@nav.example.no"
TROMS, OSLO = "Prøvestein Bil AS", "Prøvestein Bygg AS"  # demo.simulator.TRY_COMPANIES
OFFICER, OFFICER_PASSWORD = "troms@example.no", "fylke-troms-passord"
NOTE = "Ringte daglig leder, vil ha to lærlinger fra august."


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`make demo` on a free port: `jeger init` on a new SQLite file, then `jeger serve --demo`."""
    directory = tmp_path_factory.mktemp("newcomer")
    database = directory / "demo.db"
    port = _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(
            ("TWILIO_", "TELEGRAM_", "SMTP_", "DATABASE_URL", "SECRET_KEY", "PUBLIC_BASE_URL")
        )
    }
    env.update(
        DATABASE_URL=f"sqlite:///{database}",
        PYTHONUNBUFFERED="1",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    cli = [sys.executable, "-m", "cli"]
    subprocess.run([*cli, "init"], env=env, cwd=directory, check=True, capture_output=True)
    yield from serving(  # the demo seeds 500 companies first
        [*cli, "serve", "--demo", "--host", "127.0.0.1", "--port", str(port)],
        env=env, directory=directory, port=port, db_url=f"sqlite:///{database}", wait=180,
    )  # fmt: skip


def _log_in_as(page, server: Server, email: str, password: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(server.url + "/admin/")
    page.get_by_label("E-postadresse").fill(email)
    page.get_by_label("Passord").fill(password)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url("**/admin/**")


def _open_sandbox_thread(page, server: Server, name: str) -> None:  # type: ignore[no-untyped-def]
    """Sandkasse → Finn samtale: the thread appears once the demo campaign's SMS (or our e-mail) went out."""
    deadline = time.monotonic() + 150
    while True:
        page.goto(server.url + "/admin/sandbox")
        page.get_by_label("Finn samtale").fill(name)
        page.get_by_label("Finn samtale").press("Enter")
        page.wait_for_load_state()
        link = page.locator(".threads a", has_text=name)
        if link.count():
            link.first.click()
            page.wait_for_load_state()
            return
        assert time.monotonic() < deadline, f"no sandbox thread for {name!r}"
        time.sleep(2)


def test_a_newcomer_signs_up_is_approved_follows_up_a_lead_and_a_troms_officer_sees_only_troms(  # type: ignore[no-untyped-def]
    page, server: Server, browser
) -> None:
    from demo.simulator import DEMO_EMAIL
    from demo.simulator import DEMO_PASSWORD

    # 1. Sign up the organisation on the web: it waits for approval.
    page.goto(server.url + "/jeger/registrer")
    assert _axe_violations(page) == []
    page.get_by_label("Organisasjonens navn").fill(ORG)
    page.get_by_label("Type organisasjon").select_option("nav")
    page.get_by_label("Organisasjonsnummer").fill(ORGNR)
    page.get_by_label("Troms - Romsa - Tromssa").check()
    page.get_by_label("Oslo", exact=True).check()
    page.get_by_label("Alle fag").check()
    page.get_by_label("Fullt navn").fill(MEMBER)
    page.get_by_label("E-post", exact=True).fill(EMAIL)
    page.get_by_role("button", name="Send registreringen").click()
    assert page.get_by_role("heading", name="Takk! Registreringen venter på godkjenning").is_visible()
    assert _axe_violations(page) == []

    # 2. Approve it as staff (the demo login), under Jegere.
    _log_in_as(page, server, DEMO_EMAIL, DEMO_PASSWORD)
    page.get_by_role("link", name="Jegere", exact=True).click()
    page.locator("tbody tr", has_text=ORG).get_by_role("button", name="Godkjenn").click()
    assert f"{ORG} er godkjent" in page.locator(".flash").inner_text()

    # 3. Two leads: answer JA as the try companies in the sandbox and finish their registrations.
    for company, code in ((TROMS, "TEST66"), (OSLO, "TEST22")):
        _open_sandbox_thread(page, server, company)
        _answer_as_company(page, company, first=f"JA {code}")

    # 4. Ask for a sign-in link on the portal; the e-mail shows in the sandbox, and its link is clickable.
    page.goto(server.url + "/jeger/logg-inn")
    page.get_by_label("E-post eller mobilnummer").fill(EMAIL)
    page.get_by_role("button", name="Send meg lenke eller kode").click()
    assert page.get_by_role("heading", name="Sjekk e-posten din").is_visible()
    _open_sandbox_thread(page, server, EMAIL)
    page.locator(".bubble.out a", has_text="/jeger/inn/").last.click()
    page.wait_for_url("**/jeger/inn/**")
    assert _axe_violations(page) == []
    page.get_by_role("button", name="Logg inn").click()
    assert page.get_by_role("heading", name="Leads", exact=True).is_visible()
    assert _axe_violations(page) == []

    # 5. The Troms lead: claim, note, release, claim again, outcome.
    page.get_by_role("link", name=re.compile(TROMS)).click()
    page.get_by_role("button", name="Ta leaden").click()
    assert page.get_by_role("status").filter(has_text="Leaden er deres").is_visible()
    page.get_by_role("textbox", name="Nytt notat").fill(NOTE)
    page.get_by_role("button", name="Lagre notat").click()
    assert page.get_by_text(NOTE).is_visible()
    page.get_by_role("button", name="Slipp leaden").click()
    assert page.get_by_text("Leaden er sluppet").is_visible()
    page.get_by_role("link", name=re.compile(TROMS)).click()
    page.get_by_role("button", name="Ta leaden").click()
    page.get_by_label("Ble lærebedrift").check()
    page.get_by_role("button", name="Lagre utfall").click()
    assert page.get_by_text("Utfallet er lagret: ble lærebedrift.").is_visible()
    assert _axe_violations(page) == []
    # ... and the Oslo one is the organisation's too.
    page.goto(server.url + "/jeger/")
    page.get_by_role("link", name=re.compile(OSLO)).click()
    page.get_by_role("button", name="Ta leaden").click()
    assert page.get_by_role("status").filter(has_text="Leaden er deres").is_visible()

    # 6. A county officer for Troms sees the Troms lead, with its outcome, and not the Oslo one.
    subprocess.run(
        [sys.executable, "-m", "cli", "staff", "add", OFFICER, "--role", "county", "--county", "55",
         "--password", OFFICER_PASSWORD],
        env={**os.environ, "DATABASE_URL": server.db_url, "PYTHONPATH": str(ROOT)},
        check=True, capture_output=True,
    )  # fmt: skip
    officer_context = browser.new_context(locale="nb-NO", accept_downloads=True)
    try:
        officer = officer_context.new_page()
        _log_in_as(officer, server, OFFICER, OFFICER_PASSWORD)
        officer.goto(server.url + "/admin/leads")
        row = officer.locator("tbody tr", has_text=TROMS)
        assert row.count() == 1 and "Ble lærebedrift" in row.inner_text()
        assert OSLO not in officer.content()
        with officer.expect_download() as download:
            officer.get_by_role("link", name="Last ned CSV").click()
        content = Path(download.value.path()).read_bytes().decode("utf-8-sig")
        assert [r["Bedrift"] for r in csv.DictReader(io.StringIO(content), delimiter=";")] == [TROMS]
    finally:
        officer_context.close()
