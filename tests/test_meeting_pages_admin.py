"""Staff pages for meetings and outcomes: the attendee list with its change and cancel forms, the outcome report
with its downloads."""

from __future__ import annotations

import io

import openpyxl
from fastapi.testclient import TestClient
from sqlalchemy import select

from settings import Settings
from store.db import Database
from store.models import Event
from store.models import Message
from store.models import MessageKind
from tests.dashboard_fixtures import csrf_of
from tests.test_meetings import answered
from tests.test_meetings import invited
from tests.test_outcome_report import scenario


def test_the_attendee_page_lists_answers_and_a_cancel_tells_the_yes_sayers(
    staff_client: TestClient, db: Database
) -> None:
    with db.transaction() as session:
        event, [invitee] = invited(session, capacity=5)
        answered(session, event, invitee, "attending", people=2)
        campaign_id, event_id = event.campaign_id, event.id
    page = staff_client.get(f"/admin/campaigns/{campaign_id}/attendees")
    assert page.status_code == 200
    assert "Voksenlærlinger på Øra" in page.text and "1 påmeldt, 0 på venteliste" in page.text
    sheet = openpyxl.load_workbook(
        io.BytesIO(staff_client.get(f"/admin/campaigns/{campaign_id}/attendees.xlsx").content)
    ).active
    assert sheet is not None and sheet["G2"].value == 2
    moved = staff_client.post(
        f"/admin/campaigns/{campaign_id}/events/{event_id}/change",
        data={
            "csrf_token": csrf_of(staff_client, f"/admin/campaigns/{campaign_id}/attendees"),
            "place": "Glemmen vgs",
        },
        follow_redirects=False,
    )
    assert moved.status_code == 303
    cancelled = staff_client.post(
        f"/admin/campaigns/{campaign_id}/events/{event_id}/cancel",
        data={"csrf_token": csrf_of(staff_client, f"/admin/campaigns/{campaign_id}/attendees")},
        follow_redirects=False,
    )
    assert cancelled.status_code == 303
    with db.session() as session:
        notices = session.scalars(select(Message.body).where(Message.kind == MessageKind.NOTIFICATION)).all()
        assert len(notices) == 2 and "Glemmen vgs" in notices[0] and notices[1].startswith("Avlyst")
        assert session.scalar(select(Event.cancelled_at)) is not None
    other = staff_client.post(
        f"/admin/campaigns/{campaign_id + 1}/events/{event_id}/cancel",
        data={"csrf_token": csrf_of(staff_client, f"/admin/campaigns/{campaign_id}/attendees")},
    )
    assert other.status_code == 404


def test_the_outcome_page_shows_trade_by_county_and_offers_the_workbook(
    staff_client: TestClient, db: Database
) -> None:
    with db.transaction() as session:
        campaign_id = scenario(session)
    page = staff_client.get(f"/admin/campaigns/{campaign_id}/outcomes")
    assert (
        page.status_code == 200 and "Produksjonsteknikkfaget" in page.text and "Ble lærebedrift" in page.text
    )
    book = staff_client.get(f"/admin/campaigns/{campaign_id}/outcomes.xlsx")
    assert f"kampanje-{campaign_id}-resultater.xlsx" in book.headers["content-disposition"]
    assert openpyxl.load_workbook(io.BytesIO(book.content)).sheetnames[0] == "Fag og fylke"
    assert staff_client.get(f"/admin/campaigns/{campaign_id}/outcomes.csv").text.startswith("Fag,Fylke")
    assert staff_client.get(f"/admin/campaigns/{campaign_id}/outcomes.pdf").status_code == 404
    staff_client.post(
        "/admin/me/language", data={"language": "en", "csrf_token": csrf_of(staff_client, "/admin/")}
    )
    english = openpyxl.load_workbook(
        io.BytesIO(staff_client.get(f"/admin/campaigns/{campaign_id}/outcomes.xlsx").content)
    )
    assert english.sheetnames == ["Trade and county", "County", "Trade", "Total"]
    assert [c.value for c in english["Total"][1]][:3] == ["Campaign", "Audience", "Reached"]
    assert staff_client.get(f"/admin/campaigns/{campaign_id}/outcomes.csv").text.startswith("Trade,County")


def test_the_owners_download_their_campaigns_reports_in_the_portal_and_others_get_404(
    db: Database, settings: Settings, client: TestClient
) -> None:
    from demo.ora import seed_ora
    from tests.portal_factories import sign_in

    campaign_id = seed_ora(db, settings).campaign_id
    sign_in(client, db, email="nina.berg@nav.example.no")  # NAV Fredrikstad owns the Øra campaign
    page = client.get(f"/jeger/kampanjer/{campaign_id}")
    assert "Resultatrapporten per fag og sted (Excel)" in page.text
    book = client.get(f"/jeger/kampanjer/{campaign_id}/resultater.xlsx")
    assert book.status_code == 200
    assert openpyxl.load_workbook(io.BytesIO(book.content)).sheetnames[:2] == [
        "Fag og fylke",
        "Fag og kommune",
    ]
    assert client.get(f"/jeger/kampanjer/{campaign_id}/deltakere.xlsx").status_code == 200
    assert client.get(f"/jeger/kampanjer/{campaign_id}/hemmelig.xlsx").status_code == 404
    client.cookies.clear()
    sign_in(client, db, email="olav@ok-industri.example.no")  # the county's training office owns nothing here
    assert client.get(f"/jeger/kampanjer/{campaign_id}/resultater.xlsx").status_code == 404
