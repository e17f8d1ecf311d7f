"""The hunter portal in a real browser (Chromium through Playwright, against `jeger serve` as in
tests/test_browser.py): a member signs in by the e-mail link the sandbox shows, claims a lead, writes a note,
releases it, claims it again and records the outcome; every page on the way passes axe-core's WCAG 2.1 AA rules,
on a desktop and on a phone."""

from __future__ import annotations

import re
import time
from datetime import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

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

ORGNRS = {
    "page": ("889640782", "923609016"),
    "phone": ("974760673", "914778271"),
    "page-pages": ("984851006", "971524960"),
    "phone-pages": ("982463718", "937052766"),
    "phone-form": ("989812165", "980267172"),
}


def _seed_member_and_lead(server: Server, device: str) -> tuple[int, str, str, str]:
    """An approved organisation in Troms with one member, and a lead in Troms it may take (one of each per
    device, so each run starts from an open lead): (lead id, member's e-mail, organisation, company)."""
    from hunters.leads import create_lead
    from store.db import Database
    from store.models import County
    from store.models import Hunter
    from store.models import HunterMember
    from store.models import HunterState
    from store.models import HunterType
    from tests.lead_factories import make_company
    from tests.lead_factories import make_registration

    email, org, company_name = (
        f"kari.{device}@nav-tromso.no",
        f"NAV Tromsø {device}",
        f"Portaltest {device} AS",
    )
    org_orgnr, company_orgnr = ORGNRS[device]
    db = Database(server.db_url)
    try:
        with db.transaction() as session:
            hunter = Hunter(
                org_name=org,
                type=HunterType.NAV,
                orgnr=org_orgnr,
                all_trades=True,
                state=HunterState.APPROVED,
            )
            hunter.counties = [session.get_one(County, "55")]
            session.add(hunter)
            session.flush()
            session.add(HunterMember(hunter_id=hunter.id, name="Kari Jeger", email=email))
            company = make_company(session, county="55", name=company_name, orgnr=company_orgnr)
            registration = make_registration(session, company=company)
            return create_lead(session, registration_id=registration.id).id, email, org, company_name
    finally:
        db.dispose()


def _link_from_sandbox(staff_page, server: Server, email: str) -> str:  # type: ignore[no-untyped-def]
    """The sign-in link as staff see it in the sandbox, once the dispatcher has "sent" the e-mail."""
    log_in(staff_page, server)
    deadline = time.monotonic() + 30
    while True:
        staff_page.goto(f"{server.url}/admin/sandbox?t=aemail:{email}")
        found = re.search(r"https?://[^\s<\"]+/jeger/inn/[A-Za-z0-9_-]+", staff_page.content())
        if found:
            return found.group(0)
        assert time.monotonic() < deadline, "the sign-in e-mail never showed in the sandbox"
        time.sleep(0.5)


def _open_link(member, browser, server: Server, email: str) -> None:  # type: ignore[no-untyped-def]
    """Opens the sign-in link from the sandbox (as staff see it) in the member's browser and signs in."""
    staff_context = browser.new_context(locale="nb-NO")
    try:
        link = _link_from_sandbox(staff_context.new_page(), server, email)
    finally:
        staff_context.close()
    member.goto(link)
    assert _axe_violations(member) == []
    member.get_by_role("button", name="Logg inn").click()
    assert member.get_by_role("heading", name="Leads", exact=True).is_visible()


@pytest.mark.parametrize("device", ["page", "phone"])
def test_a_member_signs_in_by_the_sandbox_link_and_follows_up_a_lead(  # type: ignore[no-untyped-def]
    device: str, server: Server, browser, request: pytest.FixtureRequest
) -> None:
    member = request.getfixturevalue(device)
    lead_id, email, org, company = _seed_member_and_lead(server, device)

    member.goto(server.url + "/jeger/")
    assert member.url.endswith("/jeger/logg-inn")
    assert _axe_violations(member) == []
    member.get_by_label("E-post eller mobilnummer").fill("hei")
    member.get_by_role("button", name="Send meg lenke eller kode").click()
    assert member.get_by_role("alert").is_visible()
    assert _axe_violations(member) == []
    member.get_by_label("E-post eller mobilnummer").fill(email)
    member.get_by_role("button", name="Send meg lenke eller kode").click()
    assert member.get_by_role("heading", name="Sjekk e-posten din").is_visible()
    assert _axe_violations(member) == []

    _open_link(member, browser, server, email)
    assert _axe_violations(member) == []

    member.get_by_role("link", name=re.compile(company)).click()
    assert _axe_violations(member) == []
    member.get_by_role("button", name="Ta leaden").click()
    assert member.get_by_role("status").filter(has_text="Leaden er deres").is_visible()
    assert _axe_violations(member) == []

    member.get_by_role("textbox", name="Nytt notat").fill(
        "Ringte daglig leder, vil ha to lærlinger fra august."
    )
    member.get_by_role("button", name="Lagre notat").click()
    assert member.get_by_text("Ringte daglig leder, vil ha to lærlinger fra august.").is_visible()

    member.get_by_role("button", name="Slipp leaden").click()
    assert member.get_by_text("Leaden er sluppet").is_visible()
    assert _axe_violations(member) == []
    member.get_by_role("link", name=re.compile(company)).click()
    member.get_by_role("button", name="Ta leaden").click()
    member.get_by_label("Ble lærebedrift").check()
    member.get_by_role("button", name="Lagre utfall").click()
    assert member.get_by_text("Utfallet er lagret: ble lærebedrift.").is_visible()
    assert _axe_violations(member) == []

    member.get_by_role("link", name="Organisasjonen").click()
    assert member.get_by_role("heading", name=org).is_visible()
    assert _axe_violations(member) == []

    from store.db import Database
    from store.models import Lead
    from store.models import LeadState

    db = Database(server.db_url)
    try:
        with db.session() as session:
            assert session.get_one(Lead, lead_id).state is LeadState.BECAME_TRAINING_COMPANY
    finally:
        db.dispose()


@pytest.mark.parametrize("device", ["page", "phone"])
def test_the_other_portal_pages_pass_axe_core_wcag_2_1_aa(  # type: ignore[no-untyped-def]
    device: str, server: Server, browser, request: pytest.FixtureRequest
) -> None:
    """The code form, the sign-up form, a wrong link, the members and change pages, the campaigns page, and
    the portal in nynorsk and English."""
    member = request.getfixturevalue(device)
    _lead_id, email, _org, _company = _seed_member_and_lead(server, f"{device}-pages")
    member.goto(server.url + "/jeger/logg-inn")
    member.get_by_label("E-post eller mobilnummer").fill("912 34 567")
    member.get_by_role("button", name="Send meg lenke eller kode").click()
    assert member.get_by_role("heading", name="Skriv inn koden").is_visible()
    assert _axe_violations(member) == []
    member.get_by_label("Kode fra SMS (6 siffer)").fill("000000")
    member.get_by_role("button", name="Logg inn").click()
    assert member.get_by_role("alert").is_visible()
    assert _axe_violations(member) == []
    member.goto(server.url + "/jeger/inn/finnes-ikke")
    assert _axe_violations(member) == []
    member.goto(server.url + "/jeger/registrer")
    assert _axe_violations(member) == []

    member.goto(server.url + "/jeger/logg-inn")
    member.get_by_label("E-post eller mobilnummer").fill(email)
    member.get_by_role("button", name="Send meg lenke eller kode").click()
    _open_link(member, browser, server, email)
    for path in (
        "/jeger/organisasjon/medlemmer",
        "/jeger/organisasjon/endre",
        "/jeger/kampanjer",
        "/jeger/kampanjer/ny",
    ):
        member.goto(server.url + path)
        assert member.url.endswith(path)
        assert _axe_violations(member) == [], path
    for language in ("nn", "en"):
        member.goto(f"{server.url}/jeger/sprak/{language}?next=/jeger/")
        assert member.locator("html").get_attribute("lang") == language
        assert _axe_violations(member) == []


def test_a_member_makes_a_campaign_with_the_form_on_a_phone(  # type: ignore[no-untyped-def]
    server: Server, browser, phone
) -> None:
    """PRODUCT §11 on a 390 px phone: the form fits the screen, a meeting set before its invitation comes back
    with the reason (axe-core clean) and asks for the member list again, and the corrected form makes the
    organisation's draft, with the list's one company as its audience."""
    from store.db import Database
    from tests.lead_factories import make_company

    _lead_id, email, _org, registered = _seed_member_and_lead(server, "phone-form")
    company_orgnr = "982391628"  # a park member that has not registered (the lead's company has: left out)
    db = Database(server.db_url)
    with db.transaction() as session:
        make_company(session, county="55", name="Parkmedlem AS", orgnr=company_orgnr, mobile="+4791234599")
    db.dispose()
    members = {
        "name": "medlemmer.csv",
        "mimeType": "text/csv",
        "buffer": f"orgnr\n{company_orgnr}\n".encode(),
    }
    phone.goto(server.url + "/jeger/logg-inn")
    phone.get_by_label("E-post eller mobilnummer").fill(email)
    phone.get_by_role("button", name="Send meg lenke eller kode").click()
    _open_link(phone, browser, server, email)
    phone.goto(server.url + "/jeger/kampanjer")
    phone.get_by_role("link", name="Fyll ut skjemaet for en ny kampanje").click()
    widest = "Math.max(...[...document.querySelectorAll('main *')].map(e => e.getBoundingClientRect().right))"
    assert phone.evaluate(widest) <= phone.viewport_size["width"]  # nothing to scroll sideways on the phone

    day = datetime.now(ZoneInfo("Europe/Oslo")) + timedelta(days=3)
    phone.get_by_label("Navn", exact=True).first.fill("Voksne lærlinger i Tromsø")
    phone.get_by_label("Liste over organisasjonsnumre (CSV eller XLSX)").set_input_files(members)
    phone.locator("#step0_name").fill("infomote")
    phone.locator("#step0_template").select_option("sms/infomote")
    phone.locator("#step0_at").fill(f"{day:%Y-%m-%d}T10:00")
    phone.locator("summary", has_text="Inviter til informasjonsmøte").first.click()
    phone.locator("#step0_event_title").fill("Informasjonsmøte")
    phone.locator("#step0_event_place").fill("NAV Tromsø")
    phone.locator("#step0_event_at").fill(
        f"{day - timedelta(days=1):%Y-%m-%d}T14:00"
    )  # before the invitation
    phone.locator("#step0_event_capacity").fill("20")
    phone.get_by_role("button", name="Lag utkast").click()
    phone.wait_for_load_state()
    alert = phone.get_by_role("alert")
    assert "steps[0].event.at" in alert.inner_text() and "Last opp medlemmer.csv på nytt." in phone.content()
    assert phone.locator("#name").input_value() == "Voksne lærlinger i Tromsø"
    assert _axe_violations(phone) == []

    phone.locator("#step0_event_at").fill(f"{day + timedelta(days=7):%Y-%m-%d}T14:00")
    phone.get_by_label("Liste over organisasjonsnumre (CSV eller XLSX)").set_input_files(members)
    phone.get_by_role("button", name="Lag utkast").click()
    phone.wait_for_load_state()
    assert re.search(r"/jeger/kampanjer/\d+$", phone.url), phone.url
    assert "1 bedrifter nås i dette steget" in phone.content() and registered not in phone.content()
    assert _axe_violations(phone) == []
