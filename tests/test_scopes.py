"""Scopes (staff.scopes) on every list, export and detail route: a county officer for Troms sees the Troms lead
and company and never the Oslo ones, on the dashboard and in the API; every page that cannot be cut to counties
refuses them; an organisation member sees its own leads and the new ones in its counties."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from openpyxl import load_workbook
from sqlalchemy import select

from hunters.lead_export import lead_detail
from hunters.lead_export import lead_rows
from hunters.leads import claim_lead
from hunters.leads import create_lead
from hunters.members import active_members
from hunters.signup import SignupInput
from hunters.signup import sign_up
from hunters.visibility import scope_of_member
from staff.accounts import add_staff
from staff.audit import events_of_organisation
from staff.scopes import EVERYTHING
from staff.scopes import scope_of_staff
from staff.tokens import create_api_token
from store.db import Database
from store.models import Hunter
from store.models import HunterState
from store.models import Notice
from store.models import Reply
from store.models import StaffRole
from tests.api_routes import endpoints
from tests.dashboard_fixtures import PASSWORD
from tests.dashboard_fixtures import csrf_of
from tests.dashboard_fixtures import log_in
from tests.lead_factories import make_company
from tests.lead_factories import make_hunter
from tests.lead_factories import make_registration
from tests.outbox_factories import make_campaign

OFFICER = "fylke@tffk.no"
TROMS, OSLO = "Tromsø Bygg AS", "Oslo Rør AS"
TROMS_ORGNR, OSLO_ORGNR = "974760673", "923609016"
# The routes a county officer may open, each cut to their counties, with what shows the cut on it (the Troms
# name must be there, the Oslo one must not); every other /admin and /api GET route must refuse them. A new
# route fails this test until it is put on one side or the other.
COMPANIES = (TROMS, OSLO)
HUNTERS = ("Troms jegerlag", "Oslo jegerlag")
COUNTIES = ("Troms - Romsa", "Oslo")
SCOPED_PAGES = {
    "/admin/leads": COMPANIES,
    "/admin/leads.csv": COMPANIES,
    "/admin/leads.xlsx": COMPANIES,
    "/admin/companies": COMPANIES,
    "/admin/companies/{orgnr}": COMPANIES,
    "/admin/inbox": COMPANIES,
    "/admin/replies.csv": COMPANIES,
    "/admin/replies.xlsx": COMPANIES,
    "/admin/hunters?state=all": HUNTERS,
    "/admin/results.csv": COUNTIES,  # the page itself draws every county on its map: its table is checked below
    "/admin/results.xlsx": COUNTIES,
}
OPEN_PAGES = {"/admin/", "/admin/login", "/admin/results"}  # the front page sends an officer to the leads
# Campaign pages: the list shows only campaigns inside the officer's counties, the form is theirs, and every page
# of one campaign (its meetings and outcomes too) answers 404 unless the campaign lies inside them (tested below).
CAMPAIGN_PAGES = {"/admin/campaigns", "/admin/campaigns/new"}
SCOPED_API = {"/api/leads", "/api/leads/export", "/api/leads/{lead_id}", "/api/replies"}


@pytest.fixture
def leads(db: Database) -> dict[str, int]:
    """A lead, a registration from a campaign, a question in the inbox and a pending organisation in Troms (55)
    and in Oslo (03), and a county officer for Troms."""
    with db.transaction() as session:
        campaign, _step = make_campaign(session)
        ids = {}
        for county, name, orgnr, hunter in (
            ("55", TROMS, TROMS_ORGNR, HUNTERS[0]),
            ("03", OSLO, OSLO_ORGNR, HUNTERS[1]),
        ):
            company = make_company(session, county=county, name=name, orgnr=orgnr)
            registration = make_registration(session, company=company, campaign_id=campaign.id)
            ids[county] = create_lead(session, registration_id=registration.id).id
            session.add(
                Reply(channel="sms", sender="+4791234567", text=f"Spørsmål fra {name}", company_id=company.id)
            )
            ids[f"hunter{county}"] = make_hunter(
                session, counties=(county,), state=HunterState.PENDING, name=hunter
            ).id
        session.flush()
        ids["reply03"] = session.scalars(select(Reply.id).where(Reply.text.contains(OSLO))).one()
        officer = add_staff(session, email=OFFICER, role=StaffRole.STAFF, password=PASSWORD, counties=["55"])
        ids["officer"] = officer.id
    return ids


def text_of(response: Any) -> str:
    if response.headers.get("content-type", "").startswith("application/vnd.openxmlformats"):
        sheet = load_workbook(io.BytesIO(response.content)).active
        return " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)  # type: ignore[union-attr]
    return str(response.text)


def filled(path: str, orgnr: str, lead_id: int) -> str:
    return path.replace("{orgnr}", orgnr).replace("{lead_id}", str(lead_id))


def get_routes(app: FastAPI, prefix: str) -> list[str]:
    return sorted(
        {path for path, methods in endpoints(app.routes) if path.startswith(prefix) and "GET" in methods}
    )


def test_a_county_officer_sees_only_their_counties_on_every_dashboard_route(
    app: FastAPI, client: TestClient, db: Database, leads: dict[str, int]
) -> None:
    assert log_in(client, OFFICER).status_code == 303  # type: ignore[attr-defined]
    routes = get_routes(app, "/admin/")
    assert {p.split("?")[0] for p in SCOPED_PAGES} <= set(routes)
    for path, (ours, theirs) in SCOPED_PAGES.items():
        answer = client.get(filled(path, TROMS_ORGNR, leads["55"]))
        seen = text_of(answer)
        assert answer.status_code == 200 and ours in seen and theirs not in seen, path
    assert client.get(filled("/admin/companies/{orgnr}", OSLO_ORGNR, 0)).status_code == 404
    assert client.get("/admin/companies?q=Oslo").text.count(OSLO) == 0
    assert client.get("/admin/", follow_redirects=False).headers["location"] == "/admin/leads"
    for path in set(routes) - {p.split("?")[0] for p in SCOPED_PAGES} - OPEN_PAGES - CAMPAIGN_PAGES:
        answer = client.get(re.sub(r"\{[^}]+\}", "1", path), follow_redirects=False)
        assert answer.status_code in (403, 404, 405), (path, answer.status_code)
        assert OSLO not in answer.text and TROMS not in answer.text, path
    refused = client.get("/admin/sandbox")
    assert refused.status_code == 403 and "Ikke for fylkesansvarlige" in refused.text
    # Reassigning a lead outside the counties is refused as if it did not exist.
    page = client.get("/admin/leads").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token
    answer = client.post(
        f"/admin/leads/{leads['03']}/reassign", data={"csrf_token": token.group(1), "hunter_id": ""}
    )
    assert f"Fant ingen lead med nummer {leads['03']}" in answer.text
    # Nor can they answer, close or decide what lies outside: the Oslo question, the Oslo organisation.
    answer = client.post(f"/admin/inbox/{leads['reply03']}/handled", data={"csrf_token": token.group(1)})
    assert f"Fant ikke svar nr. {leads['reply03']}" in answer.text
    answer = client.post(f"/admin/hunters/{leads['hunter03']}/approve", data={"csrf_token": token.group(1)})
    assert f"Fant ingen jeger med nummer {leads['hunter03']}" in answer.text
    with db.session() as session:
        assert session.scalar(select(Reply.handled_at).where(Reply.id == leads["reply03"])) is None
        assert session.get_one(Hunter, leads["hunter03"]).state == HunterState.PENDING
    # The Troms organisation is theirs to approve, and the audit log says who did.
    client.post(f"/admin/hunters/{leads['hunter55']}/approve", data={"csrf_token": token.group(1)})
    with db.session() as session:
        assert session.get_one(Hunter, leads["hunter55"]).state == HunterState.APPROVED
        [event] = events_of_organisation(session, hunter_id=leads["hunter55"])
        assert (event.action, event.actor_staff_id) == ("organisation.approved", leads["officer"])
    # Results count only their counties: one interested company in Troms, no row for Oslo.
    counties = client.get("/admin/results.csv?by=county").text.splitlines()
    assert [line.split(";")[:2] for line in counties[1:]] == [["55", "Troms - Romsa - Tromssa"]]
    assert counties[1].split(";")[6] == "1"
    trades = client.get("/admin/results.csv?by=trade").text.splitlines()
    assert trades[1].split(";")[2] == "1"
    page = client.get("/admin/results").text
    assert "<td>Troms</td>" in page and "<td>Oslo</td>" not in page and "<td>Dine fylker</td>" in page


def test_a_county_officer_sees_and_dismisses_only_the_notices_of_their_counties(
    client: TestClient, db: Database, leads: dict[str, int]
) -> None:
    """Notices about a lead or an organisation in Troms show on the Troms officer's pages; those about Oslo or
    about the whole system do not, and the officer cannot mark them read for national staff either."""
    with db.transaction() as session:
        notices = {
            key: Notice(kind="lead_waiting", text=text, lead_id=lead_id)
            for key, text, lead_id in (
                ("55", "Leaden i Troms venter", leads["55"]),
                ("03", "Leaden i Oslo venter", leads["03"]),
                ("all", "Meldinger med ukjent utfall", None),
            )
        }
        for county in ("55", "03"):  # the sign-up notice of each county's pending organisation
            notices[f"hunter{county}"] = Notice(
                kind="hunter_pending", text=f"Ny jeger i {county} venter", hunter_id=leads[f"hunter{county}"]
            )
        session.add_all(notices.values())
        session.flush()
        ids = {key: notice.id for key, notice in notices.items()}
    assert log_in(client, OFFICER).status_code == 303  # type: ignore[attr-defined]
    page = client.get("/admin/leads").text
    assert "Leaden i Troms venter" in page and "Ny jeger i 55 venter" in page
    assert "Leaden i Oslo venter" not in page and "Ny jeger i 03 venter" not in page
    assert "Meldinger med ukjent utfall" not in page
    token = csrf_of(client, "/admin/leads")
    for key in ("03", "hunter03", "all", "55", "hunter55"):
        client.post(f"/admin/notices/{ids[key]}/read", data={"csrf_token": token})
    with db.session() as session:
        unread = set(session.scalars(select(Notice.id).where(Notice.read_at.is_(None))))
    assert {ids["03"], ids["hunter03"], ids["all"]} <= unread
    assert not {ids["55"], ids["hunter55"]} & unread


def test_full_staff_see_both_counties_on_the_same_routes(
    client: TestClient, leads: dict[str, int], users: dict[str, int]
) -> None:
    from tests.dashboard_fixtures import STAFF_EMAIL

    assert log_in(client, STAFF_EMAIL).status_code == 303  # type: ignore[attr-defined]
    for path, (ours, theirs) in SCOPED_PAGES.items():
        if "{" not in path:
            seen = text_of(client.get(path))
            assert ours in seen and theirs in seen, path
    assert client.get(f"/admin/companies/{OSLO_ORGNR}").status_code == 200
    counties = client.get("/admin/results.csv?by=county").text.splitlines()
    assert {line.split(";")[0] for line in counties[1:]} >= {"03", "55"}
    assert client.get("/admin/results.csv?by=trade").text.splitlines()[1].split(";")[2] == "2"


def test_a_county_officers_api_token_is_cut_to_their_counties_on_every_route(
    app: FastAPI, client: TestClient, db: Database, leads: dict[str, int]
) -> None:
    with db.transaction() as session:
        token = create_api_token(session, staff_id=leads["officer"], name="fylke")
    auth = {"Authorization": f"Bearer {token}"}
    routes = get_routes(app, "/api/")
    for path in SCOPED_API:
        answer = client.get(filled(path, TROMS_ORGNR, leads["55"]), headers=auth)
        assert answer.status_code == 200 and TROMS in answer.text and OSLO not in answer.text, path
    assert client.get(f"/api/leads/{leads['03']}", headers=auth).status_code == 404
    # Cut to the counties: tested below, and the meeting and outcome routes in tests/test_meeting_api_cli.py.
    campaign_api = {p for p in routes if p.startswith("/api/campaigns")}
    for path in (
        set(routes)
        - SCOPED_API
        - campaign_api
        - {"/api/docs", "/api/openapi.json", "/api/docs/oauth2-redirect"}
    ):
        answer = client.get(re.sub(r"\{[^}]+\}", "1", path), headers=auth)
        assert answer.status_code == 403, (path, answer.status_code)
    assert client.get("/api/campaigns", headers=auth).json() == []
    assert client.get("/api/campaigns/1", headers=auth).status_code == 404


def test_the_scope_of_a_staff_account(db: Database, leads: dict[str, int]) -> None:
    with db.session() as session:
        from store.models import StaffUser

        officer = session.get_one(StaffUser, leads["officer"])
        scope = scope_of_staff(officer)
        assert [r["company"] for r in lead_rows(session, scope=scope)] == [TROMS]
        assert [r["company"] for r in lead_rows(session, scope=EVERYTHING)] == [TROMS, OSLO]
        officer.counties = []  # an officer whose counties are gone sees nothing, not everything
        assert lead_rows(session, scope=scope_of_staff(officer)) == []


def test_a_member_sees_its_organisations_leads_and_the_new_ones_in_its_counties(
    db: Database, leads: dict[str, int]
) -> None:
    with db.transaction() as session:
        ours = sign_up(
            session,
            form=SignupInput(
                org_name="Elektroforeningen",
                type="trade_body",
                orgnr="914778271",
                counties=["03"],
                all_trades=True,
                member_name="Kari Nordmann",
                email="kari@elektro.no",
            ),
            source="staff",
            approve=True,
        )
        rival = make_hunter(session, counties=("55",), all_trades=True)
        [kari] = active_members(session, hunter_id=ours.id)
        scope = scope_of_member(session, member_id=kari.id)
        assert [r["company"] for r in lead_rows(session, scope=scope)] == [OSLO]  # new, in its county
        assert lead_detail(session, lead_id=leads["55"], scope=scope) is None
        assert claim_lead(session, lead_id=leads["03"], hunter_id=ours.id).ok
        assert claim_lead(session, lead_id=leads["55"], hunter_id=rival.id).ok
        assert [r["company"] for r in lead_rows(session, scope=scope)] == [
            OSLO
        ]  # claimed by it: still its own
        ours.state = HunterState.REJECTED
        assert lead_rows(session, scope=scope_of_member(session, member_id=kari.id)) == []


def national_campaign(client: TestClient, db: Database) -> int:
    """Sixty demo companies across the country and a draft campaign to all of them, made by no one; its id."""
    from campaigns import service
    from demo.simulator import demo_campaign_toml
    from demo.simulator import seed_companies
    from settings import Settings
    from store.models import utcnow

    seed_companies(db, count=60, seed=3)
    settings: Settings = client.app.state.settings  # type: ignore[attr-defined]
    with db.transaction() as session:
        return service.create_campaign(
            session, settings, toml_text=demo_campaign_toml(utcnow(), name="Hele landet"), staff_id=None
        ).campaign.id


def test_a_county_officer_runs_campaigns_only_inside_their_counties(
    client: TestClient, db: Database, leads: dict[str, int]
) -> None:
    from campaigns.definition_model import definition_of
    from demo.simulator import demo_campaign_toml
    from store.models import Campaign
    from store.models import utcnow

    national = national_campaign(client, db)
    assert log_in(client, OFFICER).status_code == 303  # type: ignore[attr-defined]
    assert "Hele landet" not in client.get("/admin/campaigns").text
    for path in (
        f"/admin/campaigns/{national}",
        f"/admin/campaigns/{national}/preview",
        f"/admin/campaigns/{national}/report.csv",
        f"/admin/campaigns/{national}/attendees",
        f"/admin/campaigns/{national}/attendees.csv",
        f"/admin/campaigns/{national}/outcomes",
        f"/admin/campaigns/{national}/outcomes.xlsx",
    ):
        assert client.get(path).status_code == 404, path
    assert "Hele landet" not in client.get(f"/admin/campaigns/new?copy={national}").text

    page = client.get("/admin/campaigns/new").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token
    toml_text = demo_campaign_toml(utcnow(), name="Troms og Oslo", counties=("55", "03", "50"))
    made = client.post(
        "/admin/campaigns/upload",
        data={"csrf_token": token.group(1), "toml": toml_text},
        follow_redirects=False,
    )
    assert made.status_code == 303, made.text
    campaign_id = int(made.headers["location"].split("/")[3])
    with db.session() as session:
        assert definition_of(session.get_one(Campaign, campaign_id)).audience.counties == ("55",)
    for path in ("", "/attendees", "/attendees.csv", "/outcomes", "/outcomes.xlsx"):
        assert client.get(f"/admin/campaigns/{campaign_id}{path}").status_code == 200, path
    assert "Troms og Oslo" in client.get("/admin/campaigns").text

    oslo_only = demo_campaign_toml(utcnow(), name="Bare Oslo", counties=("03", "50", "46", "18"))
    refused = client.post("/admin/campaigns/upload", data={"csrf_token": token.group(1), "toml": oslo_only})
    assert refused.status_code == 422 and "ingen av fylkene er dine" in refused.text


def test_a_county_officers_api_token_creates_and_sees_only_campaigns_in_their_counties(
    client: TestClient, db: Database, leads: dict[str, int]
) -> None:
    from demo.simulator import demo_campaign_toml
    from store.models import utcnow

    national = national_campaign(client, db)
    with db.transaction() as session:
        token = create_api_token(session, staff_id=leads["officer"], name="fylke")
    auth = {"Authorization": f"Bearer {token}"}
    assert client.get("/api/campaigns", headers=auth).json() == []
    assert client.get(f"/api/campaigns/{national}", headers=auth).status_code == 404
    assert client.post(f"/api/campaigns/{national}/launch", headers=auth).status_code == 404
    toml_text = demo_campaign_toml(utcnow(), name="Troms via API", counties=("55", "03", "50"))
    made = client.post(
        "/api/campaigns", headers={**auth, "Content-Type": "application/toml"}, content=toml_text
    )
    assert made.status_code == 201, made.text
    assert [c["name"] for c in client.get("/api/campaigns", headers=auth).json()] == ["Troms via API"]
    assert client.get(f"/api/campaigns/{made.json()['id']}", headers=auth).status_code == 200
