"""The dashboard in a real browser: Playwright driving Debian's Chromium against `jeger serve` on a free port.

One server (fresh SQLite database, sandbox channels, dispatcher and scheduler running) serves the whole module.
The main flow is what a campaign officer does: log in, create a campaign from TOML, preview, launch, watch the
progress move, answer JA as a company in the sandbox and finish the registration, see the lead, approve a
hunter, download the leads CSV. Failing tests leave a screenshot in tests/artifacts/.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
EMAIL, PASSWORD = "kampanje@worldskills.no", "nettleser-test-passord"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="browser tests: /usr/bin/chromium is not installed"),
]


@dataclass
class Server:
    url: str
    db_url: str
    process: subprocess.Popen[bytes]
    log: Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Iterator[Server]:
    directory = tmp_path_factory.mktemp("browser")
    database = directory / "browser.db"
    shutil.copy(sqlite_template, database)
    port = _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TWILIO_", "TELEGRAM_", "SMTP_", "DATABASE_URL", "SECRET_KEY"))
    }
    env.update(
        DATABASE_URL=f"sqlite:///{database}",
        PUBLIC_BASE_URL=f"http://127.0.0.1:{port}",
        SECRET_KEY="browser-test-secret",
        LETTERS_DIR=str(directory / "letters"),
        PYTHONUNBUFFERED="1",
    )
    cli = [sys.executable, str(ROOT / "cli.py")]
    subprocess.run(
        [*cli, "staff", "add", EMAIL, "--role", "admin", "--password", PASSWORD, "--name", "Kari Kampanje"],
        env=env, cwd=directory, check=True, capture_output=True,
    )  # fmt: skip
    _seed(f"sqlite:///{database}")
    log = directory / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [*cli, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env, cwd=directory, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code in (200, 503):
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("jeger serve did not start:\n" + log.read_text(errors="replace")[-3000:])
            time.sleep(0.2)
        yield Server(url, f"sqlite:///{database}", process, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def _seed(db_url: str) -> None:
    """A few companies in Troms with mobiles, a pending hunter to approve, an approved one for the lead."""
    from store.db import Database
    from store.demo import seed_companies, seed_hunters

    db = Database(db_url)
    try:
        seed_companies(db, count=40, seed=7)
        with db.transaction() as session:
            seed_hunters(session)
    finally:
        db.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


def _page(browser: object, request: pytest.FixtureRequest, **context: object) -> Iterator[object]:
    """A fresh browser context; a screenshot of the page when the test failed."""
    ctx = browser.new_context(accept_downloads=True, locale="nb-NO", **context)  # type: ignore[attr-defined]
    page = ctx.new_page()
    page.set_default_timeout(15_000)
    failed_before = request.session.testsfailed
    yield page
    if request.session.testsfailed > failed_before:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    ctx.close()


@pytest.fixture
def page(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    yield from _page(browser, request, viewport={"width": 1280, "height": 900})


@pytest.fixture
def phone(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    yield from _page(
        browser,
        request,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    )


def log_in(page, server: Server, password: str = PASSWORD) -> None:  # type: ignore[no-untyped-def]
    page.goto(server.url + "/admin/")
    page.get_by_label("E-postadresse").fill(EMAIL)
    page.get_by_label("Passord").fill(password)
    page.get_by_role("button", name="Logg inn").click()


def campaign_toml() -> str:
    """The demo's campaign (window open all day, first step due a minute ago), narrowed to the north."""
    from store.demo import demo_campaign_toml
    from store.models import utcnow

    return demo_campaign_toml(
        utcnow() - timedelta(minutes=1), name="Nettlesertest Nord", counties=("18", "55", "56"), rate=20
    )


def test_wrong_password_is_refused(page, server: Server) -> None:  # type: ignore[no-untyped-def]
    log_in(page, server, password="helt-feil-passord")
    assert page.get_by_role("alert").inner_text() == "Feil e-postadresse eller passord."
    assert "/admin/login" in page.url


def test_a_post_without_csrf_token_is_refused(page, server: Server) -> None:  # type: ignore[no-untyped-def]
    log_in(page, server)
    page.wait_for_url("**/admin/")
    status = page.evaluate(
        """async () => (await fetch('/admin/hunters/1/approve', {method: 'POST'})).status"""
    )
    assert status == 403
    page.goto(server.url + "/admin/hunters?state=pending")
    assert page.locator("tbody tr").count() >= 1  # still pending: nothing changed


def test_a_campaign_officer_runs_a_campaign_from_the_browser(page, server: Server) -> None:  # type: ignore[no-untyped-def]
    log_in(page, server)
    page.wait_for_url("**/admin/")

    # Create from TOML.
    page.get_by_role("link", name="Kampanjer").click()
    page.get_by_role("link", name="Ny kampanje").click()
    page.get_by_role("link", name="Last opp kampanjefil (TOML)").click()
    page.get_by_label("… eller lim inn innholdet").fill(campaign_toml())
    page.get_by_role("button", name="Lagre utkast").click()

    # Preview: audience, SMS encoding and cost.
    page.wait_for_url("**/preview")
    assert page.get_by_role("heading", name="Forhåndsvisning").is_visible()
    assert "bedrifter i målgruppen" in page.content()
    assert "GSM-7" in page.content()

    # Launch, with confirmation.
    page.get_by_role("link", name="Start kampanjen …").click()
    page.get_by_role("button", name="Ja, start kampanjen").click()
    page.wait_for_url("**/admin/campaigns/*")
    assert page.locator(".badge", has_text="Sender").first.is_visible() or "Planlagt" in page.content()

    # Live progress: the sent count grows without a reload.
    sent = page.locator(
        'tr[data-step="sms"] td[data-state="sent"], tr[data-step="sms"] td[data-state="delivered"]'
    )
    page.wait_for_function(
        """() => [...document.querySelectorAll('tr[data-step="sms"] td[data-state="sent"],'
              + 'tr[data-step="sms"] td[data-state="delivered"]')]
              .some(td => parseInt(td.textContent.replace(/\\s/g, '')) > 0)""",
        timeout=30_000,
    )
    assert sent.count() == 2

    # Answer JA as a company in the sandbox, then the registration questions.
    page.get_by_role("link", name="Sandkasse").click()
    page.locator(".threads a").first.click()
    box = page.get_by_label("Svar som bedriften")
    box.fill("JA")
    page.get_by_role("button", name="Send").click()
    for answer in ("Kari Nordmann", "tømrer", "2", "ja", "august", "ja"):
        if (
            page.locator(".bubble.out")
            .last.inner_text()
            .lower()
            .startswith(("takk! vi har registrert", "tusen takk"))
        ):
            break
        page.wait_for_timeout(300)
        box = page.get_by_label("Svar som bedriften")
        box.fill(answer)
        page.get_by_role("button", name="Send").click()

    # The lead appears.
    page.get_by_role("link", name="Leads").click()
    assert page.locator("tbody tr").count() >= 1

    # Approve the pending hunter.
    page.get_by_role("link", name="Jegere").click()
    page.get_by_role("button", name="Godkjenn").first.click()
    assert "er godkjent" in page.locator(".flash").inner_text()

    # Download the leads CSV.
    page.get_by_role("link", name="Leads").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Last ned CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text("utf-8-sig"))))
    assert len(rows) >= 1 and rows[0]["company"]


def test_the_dashboard_works_on_a_phone(phone, server: Server) -> None:  # type: ignore[no-untyped-def]
    log_in(phone, server)
    phone.wait_for_url("**/admin/")
    for path in ("/admin/", "/admin/campaigns", "/admin/leads", "/admin/sandbox", "/admin/results"):
        phone.goto(server.url + path)
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390 + 1, f"{path} scrolls sideways on a phone ({width}px)"
    ARTIFACTS.mkdir(exist_ok=True)
    phone.goto(server.url + "/admin/")
    phone.screenshot(path=str(ARTIFACTS / "phone-home.png"), full_page=True)
