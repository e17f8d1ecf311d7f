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
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="browser tests: Playwright is not installed (pip install playwright)"
)


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
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    cli = [sys.executable, "-m", "cli"]
    subprocess.run(
        [*cli, "staff", "add", EMAIL, "--role", "admin", "--password", PASSWORD, "--name", "Kari Kampanje"],
        env=env, cwd=directory, check=True, capture_output=True,
    )  # fmt: skip
    _seed(f"sqlite:///{database}")
    yield from serving(
        [*cli, "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env, directory=directory, port=port, db_url=f"sqlite:///{database}",
    )  # fmt: skip


def serving(
    command: list[str], *, env: dict[str, str], directory: Path, port: int, db_url: str, wait: float = 60
) -> Iterator[Server]:
    """Runs `jeger serve ...` until its /healthz answers (at most `wait` seconds), yields it, and stops it."""
    log = directory / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(command, env=env, cwd=directory, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code in (200, 503):
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail("jeger serve did not start:\n" + log.read_text(errors="replace")[-3000:])
            time.sleep(0.2)
        yield Server(url, db_url, process, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def _seed(db_url: str) -> None:
    """A few companies in Troms with mobiles, a pending hunter to approve, an approved one for the lead."""
    from demo.simulator import seed_companies
    from demo.simulator import seed_hunters
    from store.db import Database

    db = Database(db_url)
    try:
        seed_companies(db, count=40, seed=7)
        with db.transaction() as session:
            seed_hunters(session)
    finally:
        db.dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
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
    from demo.simulator import demo_campaign_toml
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


# What the company answers to each question of the SMS registration (by how the question starts).
ANSWERS = (
    ("Flott at", None),  # the welcome line: the first question follows in the next bubble
    ("1/5", "Kari Nordmann"),
    ("2/5", "tømrer"),
    ("Mente du", "1"),
    ("3/5", "2"),
    ("Hvor mange", "2"),
    ("Svar med et tall", "2"),
    ("4/5", "ja"),
    ("Svar JA eller NEI", "ja"),
    ("5/5", "august"),
    ("Hvilket telefonnummer", "912 34 567"),
    ("Hvilken e-postadresse", "INGEN"),
    ("Stemmer dette?", "JA"),
)


def _db_value(server: Server, query):  # type: ignore[no-untyped-def]
    """Reads the server's database (the test's view of what really happened behind the page)."""
    from store.db import Database

    db = Database(server.db_url)
    try:
        with db.session() as session:
            return query(session)
    finally:
        db.dispose()


def _last_bubble(page) -> str:  # type: ignore[no-untyped-def]
    return str(page.locator(".bubble.out").last.inner_text()).strip()


def _answer_as_company(page, company: str, *, first: str = "JA") -> None:  # type: ignore[no-untyped-def]
    """Answers JA (or `first`, e.g. JA with the company's short code) and then each registration question in the
    sandbox, until the bot says it is registered."""
    box = page.get_by_label("Svar som bedriften")
    box.fill(first)
    page.get_by_role("button", name="Send").click()
    for _ in range(15):
        page.wait_for_load_state()
        last = _last_bubble(page)
        if last.startswith("Takk!") and f"{company} er registrert" in last:
            return
        answer = next((a for prefix, a in ANSWERS if last.startswith(prefix) and a), None)
        assert answer is not None, f"the bot asked something this test does not know: {last!r}"
        page.get_by_label("Svar som bedriften").fill(answer)
        page.get_by_role("button", name="Send").click()
    pytest.fail(f"the registration did not finish; the bot last said: {_last_bubble(page)!r}")


def test_a_campaign_officer_runs_a_campaign_from_the_browser(page, server: Server) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func
    from sqlalchemy import select

    from store.models import Campaign
    from store.models import CampaignState
    from store.models import CampaignStep
    from store.models import Company
    from store.models import Lead
    from store.models import Message
    from store.models import MessageState
    from store.models import Registration

    log_in(page, server)
    page.wait_for_url("**/admin/")

    # Create from TOML.
    page.get_by_role("link", name="Kampanjer").click()
    page.get_by_role("link", name="Ny kampanje").click()
    page.get_by_role("link", name="Last opp kampanjefil (TOML)").click()
    page.get_by_label("… eller lim inn innholdet").fill(campaign_toml())
    page.get_by_role("button", name="Lagre utkast").click()

    # Preview: audience, SMS encoding and cost, and why the rest of the audience gets nothing.
    page.wait_for_url("**/preview")
    assert page.get_by_role("heading", name="Forhåndsvisning").is_visible()
    assert "bedrifter i målgruppen" in page.content()
    assert "GSM-7" in page.content()
    assert (
        page.locator(".gaps").first.is_visible()
        and "får dette steget" in page.locator(".gaps").first.inner_text()
    )

    # Launch, with confirmation: the page says so, and shows the state the campaign really has.
    page.get_by_role("link", name="Start kampanjen …").click()
    page.get_by_role("button", name="Ja, start kampanjen").click()
    page.wait_for_url("**/admin/campaigns/*")
    assert "er startet" in page.locator(".flash").inner_text()
    state = _db_value(
        server, lambda s: s.scalar(select(Campaign.state).where(Campaign.name == "Nettlesertest Nord"))
    )
    # The page was drawn before this read, and the scheduler may start the campaign in between: the badge shows
    # the state as it was then, never a later one than the database holds now.
    assert state in (CampaignState.SCHEDULED, CampaignState.RUNNING)
    shown_then = ("Planlagt",) if state is CampaignState.SCHEDULED else ("Planlagt", "I gang")
    assert page.locator(".head .badge").first.inner_text() in shown_then

    # Live progress: the counts move without a reload until the page shows every message as sent.
    def sms_total(session):  # type: ignore[no-untyped-def]
        return session.scalar(
            select(func.count())
            .select_from(Message)
            .join(CampaignStep, CampaignStep.id == Message.step_id)
            .join(Campaign, Campaign.id == Message.campaign_id)
            .where(Campaign.name == "Nettlesertest Nord", CampaignStep.name == "sms")
        )

    deadline = time.monotonic() + 30
    while not (total := _db_value(server, sms_total)) and time.monotonic() < deadline:
        page.wait_for_timeout(250)  # the scheduler materialises the due step within seconds
    assert total and total > 0
    page.wait_for_function(
        """total => {
             const cell = s => document.querySelector(`tr[data-step="sms"] td[data-state="${s}"]`);
             const n = s => cell(s) ? parseInt(cell(s).textContent.replace(/\\s/g, '')) : 0;
             return n('sent') + n('delivered') === total && n('queued') === 0;
           }""",
        arg=total,
        timeout=60_000,
    )
    shown_sent = int(
        page.locator('tr[data-step="sms"] td[data-state="sent"]').inner_text().replace("\xa0", "")
    )
    in_db = _db_value(
        server,
        lambda s: s.scalar(
            select(func.count())
            .select_from(Message)
            .join(CampaignStep, CampaignStep.id == Message.step_id)
            .where(CampaignStep.name == "sms", Message.state.in_([MessageState.SENT, MessageState.DELIVERED]))
        ),
    )
    assert in_db == total and 0 <= shown_sent <= total
    page.reload()  # the state badge is outside the live part
    state = _db_value(
        server, lambda s: s.scalar(select(Campaign.state).where(Campaign.name == "Nettlesertest Nord"))
    )
    assert state is CampaignState.RUNNING and page.locator(".head .badge").first.inner_text() == "I gang"

    # Answer JA as a company in the sandbox, then every registration question, until it is registered.
    page.get_by_role("link", name="Sandkasse").click()
    page.locator(".threads a", has_text="· SMS").first.click()
    company = page.locator(".phone-head").inner_text().split("\n")[0].strip()
    assert company
    _answer_as_company(page, company)
    completed = _db_value(
        server,
        lambda s: s.scalar(
            select(Registration.completed_at)
            .join(Company, Company.id == Registration.company_id)
            .where(Company.name == company)
        ),
    )
    assert completed is not None

    # The lead appears, for that company.
    page.get_by_role("link", name="Leads").click()
    row = page.locator("tbody tr", has_text=company)
    assert row.count() == 1 and row.get_by_role("link", name=company).is_visible()
    assert _db_value(server, lambda s: s.scalar(select(func.count()).select_from(Lead))) == 1

    # Approve the pending hunter.
    page.get_by_role("link", name="Jegere").click()
    page.get_by_role("button", name="Godkjenn").first.click()
    assert "er godkjent" in page.locator(".flash").inner_text()

    # Download the leads CSV: as Norwegian Excel reads it (BOM, `;`, Norwegian headers).
    page.get_by_role("link", name="Leads").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Last ned CSV").click()
    content = Path(download.value.path()).read_bytes()
    assert content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert [r["Bedrift"] for r in rows] == [company]


MENU = ("Kampanjer", "Resultater", "Innboks", "Leads", "Jegere", "Bedrifter", "Sandkasse", "Brukere")


def _seed_question_thread(server: Server) -> str:
    """A company the sandbox wrote to, so the phone test has a thread of its own to answer in."""
    from sqlalchemy import select

    from store.db import Database
    from store.models import Channel
    from store.models import Company
    from store.models import Contact
    from store.models import ContactKind
    from store.models import Message
    from store.models import MessageState
    from store.models import utcnow

    db = Database(server.db_url)
    try:
        with db.transaction() as session:
            company, mobile = session.execute(
                select(Company, Contact.address)
                .join(Contact, Contact.company_id == Company.id)
                .where(
                    Contact.kind == ContactKind.PHONE, Contact.is_mobile.is_(True), Company.name.like("%AS")
                )
                .order_by(Company.id.desc())
            ).first()
            session.add(
                Message(
                    company_id=company.id,
                    channel=Channel.SMS,
                    address=mobile,
                    body="Hei! Har dere plass til en lærling? Svar JA",
                    provider="sandbox",
                    state=MessageState.SENT,
                    sent_at=utcnow(),
                )
            )
            return str(company.name)
    finally:
        db.dispose()


def _fits(phone, locator) -> bool:  # type: ignore[no-untyped-def]
    box = locator.bounding_box()
    return box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390 + 1


def test_the_dashboard_works_on_a_phone(phone, server: Server) -> None:  # type: ignore[no-untyped-def]
    company = _seed_question_thread(server)
    log_in(phone, server)
    phone.wait_for_url("**/admin/")
    menu = phone.get_by_role("navigation", name="Hovedmeny")
    # Walk the main pages through the menu itself: every link is on screen and can be tapped.
    for name in MENU:
        link = menu.get_by_role("link", name=name, exact=False).first
        assert link.is_visible() and _fits(phone, link), f"menu link {name} is off screen on a phone"
        link.click()
        phone.wait_for_load_state()
        assert menu.get_by_role("link", name=name, exact=False).first.get_attribute("aria-current") == "page"
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 390 + 1, f"{phone.url} scrolls sideways on a phone ({width}px)"
        for other in MENU:
            item = menu.get_by_role("link", name=other, exact=False).first
            assert item.is_visible() and _fits(phone, item), f"{other} is hidden on {phone.url}"
    # The map's legend is readable text on a phone, not the map's shrunken drawing.
    menu.get_by_role("link", name="Resultater").click()
    legend = phone.locator(".map-legend")
    if legend.count():
        assert legend.first.is_visible()
        size = phone.evaluate("getComputedStyle(document.querySelector('.map-legend')).fontSize")
        assert float(size.removesuffix("px")) >= 13

    # One flow on the phone: a company asks a question in the sandbox, staff find it in the inbox.
    menu.get_by_role("link", name="Sandkasse").click()
    phone.get_by_label("Finn samtale").fill(company)
    phone.get_by_label("Finn samtale").press("Enter")
    phone.locator(".threads a", has_text=company).first.click()
    phone.get_by_label("Svar som bedriften").fill("Hva koster det å ha lærling?")
    phone.get_by_role("button", name="Send").click()
    assert phone.locator(".bubble.in", has_text="Hva koster det å ha lærling?").is_visible()
    menu.get_by_role("link", name="Innboks").click()
    question = phone.locator("body", has_text="Hva koster det å ha lærling?")
    assert question.count() == 1 and company in phone.content()
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, f"the inbox scrolls sideways on a phone ({width}px)"
    ARTIFACTS.mkdir(exist_ok=True)
    phone.goto(server.url + "/admin/")
    phone.screenshot(path=str(ARTIFACTS / "phone-home.png"), full_page=True)


def _registration_token(server: Server) -> str:
    """The personal link token of a company that has not registered yet (the newest such)."""
    from sqlalchemy import exists
    from sqlalchemy import select

    from companies.identifiers import ensure_identifiers
    from store.db import Database
    from store.models import Company
    from store.models import Registration

    db = Database(server.db_url)
    try:
        with db.transaction() as session:
            unregistered = ~exists().where(Registration.company_id == Company.id)
            # One that has its link already needs no write: the running server may hold SQLite's write lock
            # for a while (materialising a step), longer than the busy timeout on a loaded machine.
            ready = session.scalars(
                select(Company.token)
                .where(unregistered, Company.token.is_not(None))
                .order_by(Company.id.desc())
            ).first()
            if ready is not None:
                return str(ready)
            company_id = session.scalars(
                select(Company.id).where(unregistered).order_by(Company.id.desc())
            ).first()
            assert company_id is not None
            ensure_identifiers(session, company_ids=[company_id])
            token = session.scalar(select(Company.token).where(Company.id == company_id))
            assert token is not None
            return str(token)
    finally:
        db.dispose()


WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def _axe_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now, one readable line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=WCAG_21_AA)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("device", ["page", "phone"])
def test_the_registration_page_passes_axe_core_wcag_2_1_aa(  # type: ignore[no-untyped-def]
    device: str, server: Server, request: pytest.FixtureRequest
) -> None:
    """PRODUCT §10: pages the public uses meet WCAG 2.1 AA. Every state a company sees: the empty form, the
    form with a programme opened, the form sent back with errors, the thanks, and a wrong link."""
    page = request.getfixturevalue(device)
    url = f"{server.url}/r/{_registration_token(server)}"
    page.goto(url)
    assert _axe_violations(page) == []
    page.locator("summary").first.click()
    assert _axe_violations(page) == []

    page.get_by_role("button", name="Send inn").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").is_visible()
    # Each error is tied to its field, so a screen reader reads it with the field; the summary links to it.
    name = page.get_by_label("Kontaktperson")
    assert name.get_attribute("aria-invalid") == "true"
    assert page.locator("#" + str(name.get_attribute("aria-describedby"))).inner_text() == (
        "Skriv navnet på kontaktpersonen."
    )
    page.get_by_role("link", name="Skriv navnet på kontaktpersonen.").click()
    assert page.url.endswith("#contact_name")
    assert _axe_violations(page) == []

    name.fill("Kari Nordmann")
    page.locator("summary").first.click()
    page.locator("input[name=trades]").first.check()
    page.get_by_label("Antall læreplasser").fill("2")
    page.get_by_label("Nei").check()
    page.get_by_label("Jeg samtykker", exact=False).check()
    page.get_by_role("button", name="Send inn").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Takk!").is_visible()
    assert _axe_violations(page) == []

    page.goto(f"{server.url}/r/finnes-ikke")
    assert _axe_violations(page) == []


def _seed_targeted(server: Server) -> None:
    """A cancelled campaign whose messages went to every seeded company: the map has figures in counties."""
    from sqlalchemy import select

    from campaigns.definition import parse_definition
    from store.db import Database
    from store.models import Campaign
    from store.models import CampaignState
    from store.models import Channel
    from store.models import Company
    from store.models import Message
    from store.models import MessageKind
    from store.models import MessageState

    source = campaign_toml()
    db = Database(server.db_url)
    try:
        with db.transaction() as session:
            definition = parse_definition(source, counties={"18", "55", "56"})
            campaign = Campaign(
                name="Kartprøve",
                language="nb",
                fixed_language=True,
                definition=definition.stored(),
                source_toml=source,
                state=CampaignState.CANCELLED,
            )
            session.add(campaign)
            session.flush()
            for company_id in session.scalars(select(Company.id)):
                session.add(
                    Message(
                        kind=MessageKind.OUTREACH,
                        campaign_id=campaign.id,
                        company_id=company_id,
                        channel=Channel.LETTER,
                        state=MessageState.CANCELLED,
                    )
                )
    finally:
        db.dispose()


def test_the_results_page_fits_at_1280_px_with_a_legend_of_real_ranges(page, server: Server) -> None:  # type: ignore[no-untyped-def]
    import re

    _seed_targeted(server)
    log_in(page, server)
    page.wait_for_url("**/admin/")
    page.goto(server.url + "/admin/results?metric=targeted")
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    county_table = page.locator(".county-split .table-wrap")
    scroll, visible = county_table.evaluate("e => [e.scrollWidth, e.clientWidth]")
    assert scroll <= visible, f"the county table is cut off at 1280 px ({scroll} > {visible})"
    assert county_table.locator("th", has_text="Ble lærebedrift").is_visible()
    legend = [t.strip() for t in page.locator(".map-legend li").all_inner_texts()][1:]  # after the title
    assert legend[0] == "0" and len(legend) >= 2, legend
    for label in legend[1:]:
        bounds = re.fullmatch(r"(\d+)(?:–(\d+))?", label.replace("\u00a0", ""))
        assert bounds is not None, label
        assert bounds.group(2) is None or int(bounds.group(1)) < int(bounds.group(2)), f"a class {label}"


def test_the_front_page_leads_to_the_dashboard_and_every_page_has_the_icon(page, server: Server) -> None:  # type: ignore[no-untyped-def]
    page.goto(server.url + "/")
    assert page.url.startswith(server.url + "/admin/login")  # / -> /admin/ -> the login page
    icon = page.locator("link[rel=icon]")
    assert icon.get_attribute("href") == "/static/favicon.svg"
    svg = httpx.get(server.url + "/static/favicon.svg")
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    ico = httpx.get(server.url + "/favicon.ico")
    assert ico.status_code == 200 and ico.content[:4] == b"\x00\x00\x01\x00"  # an ICO file
    page.goto(f"{server.url}/r/{_registration_token(server)}")
    assert page.locator("link[rel=icon]").get_attribute("href") == "/static/favicon.svg"
