"""Campaigns in the dashboard and the API: create (form, TOML), preview, test, launch/pause/resume/cancel,
live progress and the delivery report, all through the campaign domain."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.audience_notes import campaign_audience_notes
from campaigns.definition_model import definition_of
from demo.simulator import demo_campaign_toml
from demo.simulator import seed_companies
from settings import Settings
from store.db import Database
from store.models import Campaign
from store.models import CampaignState
from store.models import Company
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import utcnow
from tests.dashboard_fixtures import csrf_of
from tests.lead_factories import make_hunter


@pytest.fixture
def companies(db: Database) -> int:
    return seed_companies(db, count=40, seed=3)


def _toml(name: str = "Sommer i nord") -> str:
    return demo_campaign_toml(utcnow() - timedelta(minutes=1), name=name, counties=("18", "55", "56", "50"))


def _create(http: TestClient, toml_text: str) -> object:
    token = csrf_of(http, "/admin/campaigns/new?mode=toml")
    return http.post(
        "/admin/campaigns/upload", data={"csrf_token": token, "toml": toml_text}, follow_redirects=False
    )


def _campaign(db: Database) -> Campaign:
    with db.session() as session:
        return session.scalars(select(Campaign).order_by(Campaign.id.desc())).first()  # type: ignore[return-value]


@pytest.fixture
def campaign_id(admin_client: TestClient, db: Database, companies: int) -> int:
    """A draft campaign uploaded as TOML on the dashboard, among the seeded companies; its id."""
    _create(admin_client, _toml())
    return _campaign(db).id


def _materialise(db: Database, settings: Settings, campaign_id: int) -> None:
    """What the scheduler does when the first step is due."""
    from campaigns.outbox import materialise_step

    with db.transaction() as session:
        campaign = session.get_one(Campaign, campaign_id)
        materialise_step(session, step_id=campaign.steps[0].id, settings=settings)
        campaign.state = CampaignState.RUNNING


def _launched(http: TestClient, db: Database, settings: Settings) -> int:
    """A campaign created, launched on the dashboard and its first step materialised; its id."""
    _create(http, _toml())
    campaign_id = _campaign(db).id
    token = csrf_of(http, f"/admin/campaigns/{campaign_id}")
    http.post(f"/admin/campaigns/{campaign_id}/launch", data={"csrf_token": token})
    _materialise(db, settings, campaign_id)
    return campaign_id


def test_a_pasted_toml_becomes_a_draft_and_the_preview_shows_cost(
    admin_client: TestClient,
    db: Database,
    companies: int,
) -> None:
    response = _create(admin_client, _toml())
    assert response.status_code == 303  # type: ignore[attr-defined]
    campaign = _campaign(db)
    assert campaign.state == CampaignState.DRAFT and campaign.name == "Sommer i nord"
    assert response.headers["location"] == f"/admin/campaigns/{campaign.id}/preview"  # type: ignore[attr-defined]
    preview = admin_client.get(f"/admin/campaigns/{campaign.id}/preview").text
    assert "bedrifter i målgruppen" in preview and "GSM-7" in preview and " kr" in preview
    assert "Svar STOPP" in preview  # the rendered SMS itself
    assert "Steg «paaminnelse»" in preview


def test_the_preview_explains_why_audience_companies_are_not_recipients(
    admin_client: TestClient, db: Database, settings: Settings, companies: int
) -> None:
    from campaigns import service
    from store.models import Company

    _create(admin_client, _toml())
    campaign = _campaign(db)
    with db.session() as session:
        view = service.preview_campaign(session, settings, campaign_id=campaign.id)
    first = view.steps[0]
    reasons = {gap.reason: gap.count for gap in first.gaps}
    # Every audience company is either a recipient or under exactly one reason.
    assert (first.recipients or 0) + sum(reasons.values()) == view.audience
    assert reasons.get("gap_no_mobile", 0) > 0
    assert "gap_rest" not in reasons
    page = admin_client.get(f"/admin/campaigns/{campaign.id}/preview").text
    assert f"{first.recipients} av {view.audience}</b> bedrifter i målgruppen får dette steget" in page
    assert "har ikke noe mobilnummer" in page
    with db.session() as session:
        audience = campaign.definition["audience"]["counties"]
        outside = session.scalars(select(Company).where(Company.county_number.not_in(audience))).first()
        no_mobile = session.scalars(
            select(Company).where(
                Company.county_number.in_(audience),
                Company.mobile.is_(None),
                Company.bankrupt.is_(False),
                Company.winding_up.is_(False),
                Company.nace_code.startswith("43"),
                Company.org_form != "ENK",
                Company.is_training_company.is_(False),
            )
        ).first()
    assert outside is not None and no_mobile is not None
    away = admin_client.get(f"/admin/campaigns/{campaign.id}/preview?orgnr={outside.orgnr}&step=sms").text
    assert "som ikke er med i målgruppen" in away and outside.name in away
    unreachable = admin_client.get(
        f"/admin/campaigns/{campaign.id}/preview?orgnr={no_mobile.orgnr}&step=sms"
    ).text
    assert "får ikke dette steget fordi den har ikke noe mobilnummer" in unreachable
    token = csrf_of(admin_client, "/admin/")
    admin_client.post("/admin/me/language", data={"language": "en", "csrf_token": token})
    english = admin_client.get(
        f"/admin/campaigns/{campaign.id}/preview?orgnr={no_mobile.orgnr}&step=sms"
    ).text
    assert "does not get this step because it has no mobile number" in english
    assert f"{reasons['gap_no_mobile']:,} have no mobile number" in english


def test_a_letter_step_says_who_gets_e_mail_and_who_gets_paper(
    admin_client: TestClient, db: Database, settings: Settings, companies: int
) -> None:
    from campaigns import service

    toml_text = _toml("Brevkampanje").replace(
        'channel = "sms"\ntemplate = "sms/invitasjon"',
        'channel = "letter"\ntemplate = "letters/invitasjon"',
        1,
    )
    assert 'channel = "letter"' in toml_text
    response = _create(admin_client, toml_text)
    assert response.status_code == 303, response.text  # type: ignore[attr-defined]
    campaign = _campaign(db)
    with db.session() as session:
        view = service.preview_campaign(session, settings, campaign_id=campaign.id, step="sms")
    letter = view.steps[0]
    assert letter.channel == "letter"
    assert sum(letter.by_channel.values()) == letter.recipients
    assert (letter.recipients or 0) + sum(g.count for g in letter.gaps) == view.audience
    page = admin_client.get(f"/admin/campaigns/{campaign.id}/preview?step=sms").text
    assert "brevet som e-post og" in page and "på papir i posten" in page


def test_a_bad_toml_is_refused_with_every_problem_and_nothing_is_stored(
    admin_client: TestClient,
    db: Database,
    companies: int,
) -> None:
    bad = (
        _toml()
        .replace('template = "sms/invitasjon"', 'template = "sms/finnesikke"')
        .replace('start = "00:00"', 'start = "25:00"')
    )
    response = _create(admin_client, bad)
    assert response.status_code == 422  # type: ignore[attr-defined]
    text = response.text  # type: ignore[attr-defined]
    assert "Kampanjen ble ikke lagret" in text and "finnesikke" in text and "window.start" in text
    assert "sms/finnesikke" in text  # the pasted text is kept for fixing
    assert _campaign(db) is None


def test_a_toml_file_can_be_uploaded(admin_client: TestClient, db: Database, companies: int) -> None:
    token = csrf_of(admin_client, "/admin/campaigns/new?mode=toml")
    response = admin_client.post(
        "/admin/campaigns/upload",
        data={"csrf_token": token},
        files={"file": ("nord.toml", _toml("Fra fil").encode(), "application/toml")},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert _campaign(db).name == "Fra fil"


def test_the_form_writes_the_same_campaign_as_a_file(
    admin_client: TestClient, db: Database, companies: int
) -> None:
    at = (utcnow() + timedelta(days=1)).strftime("%Y-%m-%dT09:00")
    token = csrf_of(admin_client, "/admin/campaigns/new")
    form = {
        "csrf_token": token,
        "name": "Skjemakampanje",
        "language": "nb",
        "days": ["mon", "tue", "wed", "thu", "fri"],
        "start": "09:00",
        "end": "16:00",
        "skip_holidays": "on",
        "rate_sms": "5",
        "counties": ["18", "50", "55", "56"],
        "nace": "41, 42, 43, 25",
        "exclude": ["opted_out", "registered", "training_company"],
        "step0_name": "sms",
        "step0_channel": "sms",
        "step0_template": "sms/invitasjon",
        "step0_at": at,
        "step1_name": "paaminnelse",
        "step1_channel": "sms",
        "step1_template": "sms/paaminnelse",
        "step1_after_days": "7",
        "step1_only": "no_reply",
    }
    response = admin_client.post("/admin/campaigns/new", data=form, follow_redirects=False)
    assert response.status_code == 303, response.text
    campaign = _campaign(db)
    definition = campaign.definition
    assert campaign.name == "Skjemakampanje"
    assert definition["audience"]["counties"] == ["18", "50", "55", "56"]
    assert definition["audience"]["nace"] == ["41", "42", "43", "25"]
    assert [s["name"] for s in definition["steps"]] == ["sms", "paaminnelse"]
    assert definition["steps"][1]["after_days"] == 7 and definition["steps"][1]["only"] == "no_reply"
    assert campaign.source_toml and 'template = "sms/invitasjon"' in campaign.source_toml
    assert not campaign.fixed_language  # unticked: each company gets its own målform from the register

    fixed = {**form, "csrf_token": csrf_of(admin_client, "/admin/campaigns/new"), "name": "Nynorsk for alle"}
    fixed.update(language="nn", fixed_language="on")
    response = admin_client.post("/admin/campaigns/new", data=fixed, follow_redirects=False)
    assert response.status_code == 303, response.text
    with db.session() as session:
        stored = session.scalars(select(Campaign).where(Campaign.name == "Nynorsk for alle")).one()
        assert stored.fixed_language and stored.language == "nn"


def _park(session: Session) -> list[str]:
    """Three companies made a park's members that every local field of `_local_form` selects; their orgnrs."""
    companies = list(session.scalars(select(Company).order_by(Company.id).limit(3)))
    for company in companies:
        company.county_number, company.municipality_number = "55", "5501"
        company.business_postcode = company.postal_postcode = "9008"
        company.nace_code = "25.110"
    return [company.orgnr for company in companies]


def _local_form(token: str, owner: str) -> dict[str, object]:
    """A local adult campaign's form: sent the day after tomorrow at 09:00, the meeting a day later at 14:00
    (Oslo time)."""
    day = (utcnow() + timedelta(days=2)).astimezone(ZoneInfo("Europe/Oslo"))
    at, meeting = day.strftime("%Y-%m-%dT09:00"), (day + timedelta(days=1)).strftime("%Y-%m-%dT14:00")
    return {
        "csrf_token": token,
        "name": "Voksne på Øra",
        "language": "nb",
        "days": ["tue", "wed"],
        "start": "09:00",
        "end": "15:00",
        "counties": ["18", "50", "55", "56"],
        "municipalities": "5501; 1804",
        "postcodes": "9000-9299, 8000",
        "trades": ["Produksjonsteknikkfaget", "Industrimekanikerfaget"],
        "exclude": ["opted_out", "registered", "training_company"],
        "exclude_contacted_days": "90",
        "kind": "voksen",
        "owner": owner,
        "route": "owner_then_county",
        "route_after_days": "3",
        "report_weekly": "on",
        "step0_name": "infomote",
        "step0_channel": "sms",
        "step0_template": "sms/infomote",
        "step0_at": at,
        "step0_event_title": "Voksne lærlinger på Øra",
        "step0_event_at": meeting,
        "step0_event_place": "Glemmen vgs",
        "step0_event_capacity": "40",
    }


def test_the_form_writes_a_local_adult_campaign_with_owner_list_trades_and_meeting(
    admin_client: TestClient, db: Database, companies: int
) -> None:
    """Every key of a local or adult campaign has a field (PRODUCT §11): the form writes them to the campaign
    file, the list goes with it, and a form sent back without its list again is refused, not widened."""
    with db.transaction() as session:
        nav = make_hunter(session, counties=["55"], name="NAV Tromsø")
        nav.orgnr = "974760673"
        orgnrs = _park(session)
    page = admin_client.get("/admin/campaigns/new").text
    assert 'value="974760673"' in page and "Produksjonsteknikkfaget" in page
    form = _local_form(csrf_of(admin_client, "/admin/campaigns/new"), "974760673")
    listed = ("orgnr\n" + "\n".join(orgnrs) + "\n").encode()
    response = admin_client.post(
        "/admin/campaigns/new",
        data=form,
        files={"lists": ("oera.csv", listed, "text/csv")},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    campaign = _campaign(db)
    definition = definition_of(campaign)
    assert (definition.kind, definition.owner, definition.route, definition.route_after_days) == (
        "voksen",
        "974760673",
        "owner_then_county",
        3,
    )
    assert definition.report_email == "weekly"
    audience = definition.audience
    assert audience.municipalities == ("5501", "1804")
    assert audience.postcodes == (("9000", "9299"), ("8000", "8000"))
    assert audience.trades == ("Produksjonsteknikkfaget", "Industrimekanikerfaget")
    assert audience.exclude_contacted_days == 90
    assert audience.orgnr_list is not None and audience.orgnr_list.orgnrs == tuple(orgnrs)
    event = definition.steps[0].event
    assert event is not None and (event.title, event.place, event.capacity) == (
        "Voksne lærlinger på Øra",
        "Glemmen vgs",
        40,
    )
    assert event.at.astimezone(ZoneInfo("Europe/Oslo")).strftime("%H:%M") == "14:00"

    copy = admin_client.get(f"/admin/campaigns/new?copy={campaign.id}").text
    assert (
        'action="/admin/campaigns/upload"' in copy
    )  # a list cannot be copied: the file opens, asking for it
    assert re.search(r"felt for [^<]*audience\.orgnr_file", copy)

    again = {**form, "csrf_token": csrf_of(admin_client, "/admin/campaigns/new"), "orgnr_file": "oera.csv"}
    sent_back = admin_client.post("/admin/campaigns/new", data=again)
    assert sent_back.status_code == 422 and "Last opp oera.csv på nytt." in sent_back.text
    assert 'name="orgnr_file" value="oera.csv"' in sent_back.text


def test_a_copy_of_a_local_campaign_without_a_list_opens_in_the_form_with_every_field_filled(
    admin_client: TestClient, db: Database, companies: int
) -> None:
    with db.transaction() as session:
        make_hunter(session, counties=["55"], name="NAV Tromsø").orgnr = "974760673"
        _park(session)
    form = _local_form(csrf_of(admin_client, "/admin/campaigns/new"), "974760673")
    assert admin_client.post("/admin/campaigns/new", data=form, follow_redirects=False).status_code == 303
    copy = admin_client.get(f"/admin/campaigns/new?copy={_campaign(db).id}").text
    assert 'action="/admin/campaigns/new"' in copy and "felt for" not in copy
    for shown in (
        '<option value="voksen" selected',
        '<option value="974760673" selected',
        '<option value="owner_then_county" selected',
        'name="report_weekly" checked',
        'value="5501, 1804"',
        'value="9000-9299, 8000"',
        'value="Produksjonsteknikkfaget" checked',
        'name="exclude_contacted_days" type="number" min="1" value="90"',
        f'name="step0_at" type="datetime-local" value="{form["step0_at"]}"',
        'value="Glemmen vgs"',
        'name="step0_event_capacity" type="number" min="1" value="40"',
    ):
        assert shown in copy, shown


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("postcodes", "12ab"),
        ("municipalities", "55\x0001"),
        ("step0_event_capacity", "9" * 40),
        ("route_after_days", "-3"),
        ("kind", "=HYPERLINK()"),
        ("owner", "999999999"),
        ("co_owners", ["12345", "=1+1"]),
        ("trades", ["Ukjentfaget\x00"]),
        ("route", "owner\r\nX-Injected: 1"),
        ("step0_event_at", "i morgen"),
        ("step0_event_title", "Informasjonsmøte\x00"),
    ],
)
def test_a_local_field_with_hostile_input_is_refused_and_the_form_kept(
    admin_client: TestClient, db: Database, companies: int, field: str, value: object
) -> None:
    with db.transaction() as session:
        make_hunter(session, counties=["55"], name="NAV Tromsø").orgnr = "974760673"
        _park(session)
    form = {**_local_form(csrf_of(admin_client, "/admin/campaigns/new"), "974760673"), field: value}
    response = admin_client.post("/admin/campaigns/new", data=form)
    assert response.status_code == 422 and "Kampanjen ble ikke lagret" in response.text
    assert 'value="Voksne på Øra"' in response.text
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Campaign)) == 0


def test_a_form_without_a_first_step_time_keeps_the_input_and_says_why(
    admin_client: TestClient,
    companies: int,
) -> None:
    token = csrf_of(admin_client, "/admin/campaigns/new")
    response = admin_client.post(
        "/admin/campaigns/new",
        data={"csrf_token": token, "name": "Uten tid", "counties": ["55"], "step0_name": "sms",
              "step0_channel": "sms", "step0_template": "sms/invitasjon", "days": ["mon"],
              "start": "09:00", "end": "16:00"},
    )  # fmt: skip
    assert response.status_code == 422
    assert "Kampanjen ble ikke lagret" in response.text and 'value="Uten tid"' in response.text


def test_launch_pause_resume_and_cancel_with_confirmation(
    admin_client: TestClient,
    db: Database,
    settings: Settings,
    campaign_id: int,
) -> None:
    confirm = admin_client.get(f"/admin/campaigns/{campaign_id}/confirm/launch").text
    assert "Start kampanjen?" in confirm and "Ja, start kampanjen" in confirm
    token = csrf_of(admin_client, f"/admin/campaigns/{campaign_id}/confirm/launch")
    admin_client.post(f"/admin/campaigns/{campaign_id}/launch", data={"csrf_token": token})
    assert _campaign(db).state == CampaignState.SCHEDULED
    _materialise(db, settings, campaign_id)

    progress = admin_client.get(f"/admin/campaigns/{campaign_id}/progress").text
    assert 'hx-trigger="every 2s"' in progress and 'data-step="sms"' in progress
    with db.session() as session:
        queued = len(session.scalars(select(Message).where(Message.campaign_id == campaign_id)).all())
    assert queued > 0 and f">{queued}<" in progress

    admin_client.post(f"/admin/campaigns/{campaign_id}/pause", data={"csrf_token": token})
    page = admin_client.get(f"/admin/campaigns/{campaign_id}").text
    assert _campaign(db).state == CampaignState.PAUSED and "Kampanjen står på pause" in page
    admin_client.post(f"/admin/campaigns/{campaign_id}/resume", data={"csrf_token": token})
    assert _campaign(db).state == CampaignState.RUNNING
    admin_client.post(f"/admin/campaigns/{campaign_id}/cancel", data={"csrf_token": token})
    assert _campaign(db).state == CampaignState.CANCELLED
    with db.session() as session:
        states = set(session.scalars(select(Message.state).where(Message.campaign_id == campaign_id)))
    assert states == {MessageState.CANCELLED}
    refused = admin_client.post(f"/admin/campaigns/{campaign_id}/launch", data={"csrf_token": token})
    assert "er avbrutt" in refused.text and _campaign(db).state == CampaignState.CANCELLED


def test_a_test_message_goes_to_the_staff_member(
    admin_client: TestClient, db: Database, campaign_id: int
) -> None:
    token = csrf_of(admin_client, f"/admin/campaigns/{campaign_id}/preview")
    page = admin_client.post(
        f"/admin/campaigns/{campaign_id}/test",
        data={"csrf_token": token, "to": "+47 912 34 567", "step": "sms"},
    ).text
    assert "lagt i køen" in page
    with db.session() as session:
        test = session.scalars(select(Message).where(Message.kind == MessageKind.TEST)).one()
    assert test.address == "+4791234567" and test.priority == 0 and "STOPP" in (test.body or "")
    wrong = admin_client.post(
        f"/admin/campaigns/{campaign_id}/test", data={"csrf_token": token, "to": "ikke et nummer"}
    ).text
    assert "Testen ble ikke sendt" in wrong


def test_the_delivery_report_is_a_table_and_a_csv(
    admin_client: TestClient,
    db: Database,
    settings: Settings,
    companies: int,
) -> None:
    campaign_id = _launched(admin_client, db, settings)
    table = admin_client.get(f"/admin/campaigns/{campaign_id}/report").text
    assert "Leveranserapport" in table and "I kø" in table and "+47******" in table
    content = admin_client.get(f"/admin/campaigns/{campaign_id}/report.csv").content
    assert content.startswith("\ufeff".encode())  # Norwegian Excel reads UTF-8 only with a BOM
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    # A cell starting with "+" is neutralised like any other formula start (PRODUCT §12): the quote shows.
    assert rows and rows[0]["Tilstand"] == "I kø" and rows[0]["Adresse"].startswith("'+47***")
    assert rows[0]["Kanal"] == "SMS" and rows[0]["Steg"] == "sms"
    assert re.fullmatch(r"\d\d\.\d\d\.\d{4} \d\d:\d\d", rows[0]["Laget"])


def test_the_delivery_report_pages_by_keyset_and_refuses_a_bad_cursor(
    admin_client: TestClient, db: Database, settings: Settings, companies: int
) -> None:
    from campaigns.report import delivery_page
    from campaigns.report import delivery_rows
    from campaigns.report import parse_report_cursor

    campaign_id = _launched(admin_client, db, settings)
    with db.session() as session:
        every = delivery_rows(session, campaign_id=campaign_id)
        walked, after, pages = [], None, 0
        while True:
            page = delivery_page(session, campaign_id=campaign_id, after=after, size=3)
            walked += page.rows
            pages += 1
            if page.next is None:
                break
            after = parse_report_cursor(page.next.text())  # the link's text, read back
    assert len(every) > 3 and pages == -(-len(every) // 3)  # the last page knows it is the last
    assert [r["message_id"] for r in walked] == [r["message_id"] for r in every]

    second = admin_client.get(f"/admin/campaigns/{campaign_id}/report?after=0.{every[0]['message_id']}")
    assert second.status_code == 200 and "Første side" in second.text
    for bad in ("abc", "0.", "0.-1", "x.5", "0.99999999999", "1.2.3"):
        refused = admin_client.get(f"/admin/campaigns/{campaign_id}/report", params={"after": bad})
        assert refused.status_code == 400 and "ikke en side i rapporten" in refused.text, bad


def test_the_campaign_list_shows_state_and_progress(
    admin_client: TestClient, db: Database, companies: int
) -> None:
    _create(admin_client, _toml("Listekampanje"))
    page = admin_client.get("/admin/campaigns").text
    assert "Listekampanje" in page and "Utkast" in page and "ikke startet" in page


# --- the API ------------------------------------------------------------------------------------------------


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_the_api_creates_launches_and_stops_a_campaign(
    client: TestClient,
    api_token: str,
    db: Database,
    companies: int,
) -> None:
    headers = {**_auth(api_token), "Content-Type": "application/toml"}
    created = client.post("/api/campaigns", content=_toml("API-kampanje").encode(), headers=headers)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["state"] == "draft" and [s["name"] for s in body["steps"]] == ["sms", "paaminnelse"]
    campaign_id = body["id"]
    assert [c["name"] for c in client.get("/api/campaigns", headers=_auth(api_token)).json()] == [
        "API-kampanje"
    ]
    assert (
        client.post(f"/api/campaigns/{campaign_id}/launch", headers=_auth(api_token)).json()["state"]
        == "scheduled"
    )
    assert (
        client.post(f"/api/campaigns/{campaign_id}/pause", headers=_auth(api_token)).json()["state"]
        == "paused"
    )
    assert client.post(f"/api/campaigns/{campaign_id}/resume", headers=_auth(api_token)).json()["state"] in (
        "scheduled",
        "running",
    )
    assert (
        client.post(f"/api/campaigns/{campaign_id}/cancel", headers=_auth(api_token)).json()["state"]
        == "cancelled"
    )
    again = client.post(f"/api/campaigns/{campaign_id}/launch", headers=_auth(api_token))
    assert again.status_code == 409
    in_english = client.post(
        f"/api/campaigns/{campaign_id}/launch", headers={**_auth(api_token), "Accept-Language": "en"}
    )
    # what a person reads follows Accept-Language, bokmål when the client names no language
    assert again.json()["detail"] == f"Kampanje {campaign_id} er avbrutt og kan ikke startes."
    assert in_english.json()["detail"] == f"Campaign {campaign_id} is cancelled and cannot be launched."
    status = client.get(f"/api/campaigns/{campaign_id}", headers=_auth(api_token)).json()
    assert status["state"] == "cancelled" and "counts" in status["steps"][0]


def test_the_api_refuses_bad_toml_unknown_campaigns_and_missing_tokens(
    client: TestClient,
    api_token: str,
    companies: int,
) -> None:
    bad = client.post("/api/campaigns", content=b'name = "x"\n', headers=_auth(api_token))
    assert bad.status_code == 422 and isinstance(bad.json()["detail"], list) and bad.json()["detail"]
    assert client.get("/api/campaigns/999", headers=_auth(api_token)).status_code == 404
    assert client.post("/api/campaigns/999/pause", headers=_auth(api_token)).status_code == 404
    for method, path in [("get", "/api/campaigns"), ("post", "/api/campaigns"), ("get", "/api/campaigns/1"),
                         ("post", "/api/campaigns/1/launch")]:  # fmt: skip
        assert getattr(client, method)(path).status_code == 401, path


def test_an_orgnr_list_is_uploaded_with_the_campaign_file_and_the_preview_lists_its_bad_rows(
    admin_client: TestClient, db: Database, companies: int
) -> None:
    with db.session() as session:
        orgnrs = list(session.scalars(select(Company.orgnr).order_by(Company.id).limit(3)))
    toml_text = _toml("Parkens medlemmer").replace("[audience]", '[audience]\norgnr_file = "park.csv"', 1)
    listed = ("orgnr\n" + "\n".join([*orgnrs, "12345"]) + "\n").encode()
    token = csrf_of(admin_client, "/admin/campaigns/new?mode=toml")
    missing = admin_client.post("/admin/campaigns/upload", data={"csrf_token": token, "toml": toml_text})
    assert (
        missing.status_code == 422
        and "lista «park.csv» er ikke lastet opp sammen med kampanjen" in missing.text
    )
    token = csrf_of(admin_client, "/admin/campaigns/new?mode=toml")
    response = admin_client.post(
        "/admin/campaigns/upload",
        data={"csrf_token": token, "toml": toml_text},
        files={"lists": ("park.csv", listed, "text/csv")},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    campaign = _campaign(db)
    preview = admin_client.get(f"/admin/campaigns/{campaign.id}/preview").text
    assert "1 rader i park.csv er ikke gyldige organisasjonsnumre: rad 5: «12345»" in preview


def test_the_api_takes_the_orgnr_lists_with_the_campaign_file_as_multipart(
    client: TestClient, api_token: str, db: Database, companies: int
) -> None:
    with db.session() as session:
        orgnrs = list(session.scalars(select(Company.orgnr).order_by(Company.id).limit(3)))
    toml_text = _toml("Parken via API").replace("[audience]", '[audience]\norgnr_file = "park.csv"', 1)
    listed = (
        "organisasjonsnummer;navn\n" + "\n".join(f"{o};x" for o in orgnrs) + "\n=HYPERLINK(1);x\n"
    ).encode()
    missing = client.post("/api/campaigns", content=toml_text.encode(), headers=_auth(api_token))
    assert missing.status_code == 422 and any("ikke lastet opp" in p for p in missing.json()["detail"])
    created = client.post(
        "/api/campaigns",
        files={"file": ("park.toml", toml_text.encode(), "application/toml"), "lists": ("park.csv", listed)},
        headers=_auth(api_token),
    )
    assert created.status_code == 201, created.text
    with db.session() as session:
        campaign = session.get(Campaign, created.json()["id"])
        assert campaign is not None
        notes = [n.text for n in campaign_audience_notes(session, campaign_id=campaign.id)]
        listed_list = definition_of(campaign).audience.orgnr_list
    assert listed_list is not None and listed_list.orgnrs == tuple(orgnrs)
    assert any("1 rader i park.csv" in note for note in notes), notes

    def post(files: dict[str, tuple[str, bytes]]) -> list[str]:
        answer = client.post("/api/campaigns", files=files, headers=_auth(api_token))
        assert answer.status_code == 422, answer.text
        return [str(p) for p in answer.json()["detail"]]

    toml_file = ("park.toml", toml_text.encode())
    outside = toml_text.replace('"park.csv"', '"../../etc/passwd"')
    assert any("filnavn ved siden av" in p for p in post({"file": ("x.toml", outside.encode())}))
    assert any("ikke lastet opp" in p for p in post({"file": toml_file, "lists": ("andre.csv", listed)}))
    nul = post({"file": toml_file, "lists": ("park.csv", b"orgnr\n\x00\x00\n")})
    assert any("filen er binær" in p for p in nul), nul
    huge = {"file": toml_file, "lists": ("park.csv", b"orgnr\n" + b"9" * (5 * 1024 * 1024))}
    assert client.post("/api/campaigns", files=huge, headers=_auth(api_token)).status_code == 413  # body cap
    empty = client.post("/api/campaigns", files={"toml": (None, "")}, headers=_auth(api_token))
    assert empty.status_code == 422
    too_big = client.post("/api/campaigns", files={"toml": (None, "#" * 200_001)}, headers=_auth(api_token))
    assert too_big.status_code == 413
    broken = client.post(
        "/api/campaigns",
        content=b"--x\r\nnot a part",
        headers={**_auth(api_token), "content-type": "multipart/form-data; boundary=x"},
    )
    assert 400 <= broken.status_code < 500


def test_copying_a_campaign_opens_its_file_when_the_form_would_drop_a_key(
    admin_client: TestClient, db: Database, companies: int
) -> None:
    """A second selection (`[audience.also]`) has no field: a copy opens as the campaign file, naming the key,
    instead of losing it; a campaign the form shows whole opens in the form."""
    plain = _create(admin_client, _toml("Vanlig"))
    assert plain.status_code == 303  # type: ignore[attr-defined]
    first = _campaign(db).id
    form = admin_client.get(f"/admin/campaigns/new?copy={first}").text
    assert 'action="/admin/campaigns/new"' in form and "felt for" not in form, re.findall(
        "felt for[^<]*", form
    )
    again = _toml("Med flere").replace("[[steps]]", '[audience.also]\ncounties = ["18"]\n\n[[steps]]', 1)
    created = _create(admin_client, again)
    assert created.status_code == 303, created.text  # type: ignore[attr-defined]
    copy = admin_client.get(f"/admin/campaigns/new?copy={_campaign(db).id}").text
    assert 'action="/admin/campaigns/upload"' in copy and 'action="/admin/campaigns/new"' not in copy
    assert re.search(r"felt for [^<]*\baudience\.also\b", copy)
