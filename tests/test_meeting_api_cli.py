"""Meetings and the outcome report outside the dashboard: `jeger campaign meeting list|change|cancel` and the
API's meeting, attendee and outcome routes give what the dashboard gives, with the same notices to yes-sayers
and the same county cut."""

from __future__ import annotations

import io
import json

import openpyxl
from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlalchemy import select

from settings import Settings
from staff.accounts import add_staff
from staff.tokens import create_api_token
from store.db import Database
from store.models import Message
from store.models import MessageKind
from store.models import Rsvp
from store.models import RsvpStatus
from store.models import StaffRole
from tests.conftest import RunCli
from tests.test_cli_tables import run
from tests.test_cli_tables import table_rows
from tests.test_meetings import answered
from tests.test_meetings import invited
from tests.test_outcome_report import scenario


def _auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _meeting_with_a_full_house(db: Database) -> tuple[int, int]:
    """A meeting for one company, taken, and a second company waiting."""
    with db.transaction() as session:
        event, [first, second] = invited(session, companies=2, capacity=1)
        answered(session, event, first, "attending", people=2)
        answered(session, event, second, "waiting")
        return event.campaign_id, event.id


def _notices(db: Database) -> list[str]:
    with db.session() as session:
        return list(
            session.scalars(
                select(Message.body).where(Message.kind == MessageKind.NOTIFICATION).order_by(Message.id)
            )
        )


def test_the_cli_lists_changes_and_cancels_a_meeting_and_tells_the_yes_sayers(
    cli: RunCli, db: Database, settings: Settings
) -> None:
    campaign_id, event_id = _meeting_with_a_full_house(db)
    listed = json.loads(cli("campaign", "meeting", "list", campaign_id, "--json").stdout)
    assert [(m["id"], m["attending"], m["people"], m["waiting"], m["capacity"]) for m in listed] == [
        (event_id, 1, 2, 1, 1)
    ]
    assert listed[0]["starts_at"] == "2027-02-10T14:00:00+01:00"
    rows = table_rows(run(settings, "campaign", "meeting", "list", str(campaign_id)).stdout)
    assert rows[1] == [
        str(event_id),
        "Voksenlærlinger på Øra",
        "10.02.2027 14:00",
        "Øra næringspark, bygg 3",
        "1/1",
        "1",
    ]

    moved = cli(
        "campaign",
        "meeting",
        "change",
        campaign_id,
        event_id,
        "--at",
        "2027-02-11T15:00",
        "--capacity",
        "2",
        "--json",
    )
    assert moved.exit_code == 0, moved.output
    answer = json.loads(moved.stdout)
    # Both yes-sayers hear of the new time; the larger room moves the waiting company up (and tells it).
    assert answer["told"] == 2 and answer["meeting"]["starts_at"] == "2027-02-11T15:00:00+01:00"
    assert (answer["meeting"]["attending"], answer["meeting"]["waiting"]) == (2, 0)
    assert len(_notices(db)) == 3

    backwards = cli("campaign", "meeting", "change", campaign_id, event_id, "--ends", "2027-02-11T14:00")
    assert backwards.exit_code == 2 and "slutter før det begynner" in backwards.stderr
    nonsense = cli("campaign", "meeting", "change", campaign_id, event_id, "--at", "i morgen")
    assert nonsense.exit_code == 2 and "«i morgen» er ikke et tidspunkt" in nonsense.stderr
    elsewhere = cli("campaign", "meeting", "cancel", campaign_id, event_id + 1)
    assert elsewhere.exit_code == 2 and f"har ikke noe møte {event_id + 1}" in elsewhere.stderr

    cancelled = cli("campaign", "meeting", "cancel", campaign_id, event_id)
    assert cancelled.exit_code == 0 and "Møtet er avlyst; 2 bedrifter" in cancelled.stdout
    again = json.loads(cli("campaign", "meeting", "cancel", campaign_id, event_id, "--json").stdout)
    assert again["told"] == 0 and again["meeting"]["cancelled_at"] is not None
    assert len(_notices(db)) == 5
    assert cli("campaign", "meeting", "list", 999).exit_code == 2


def test_the_api_gives_meetings_and_attendees_and_changes_them(
    client: TestClient, api_token: str, db: Database
) -> None:
    campaign_id, event_id = _meeting_with_a_full_house(db)
    base = f"/api/campaigns/{campaign_id}"
    meetings = client.get(f"{base}/meetings", headers=_auth(api_token)).json()
    assert [(m["id"], m["attending"], m["waiting"]) for m in meetings] == [(event_id, 1, 1)]
    attendees = client.get(f"{base}/attendees", headers=_auth(api_token)).json()
    assert [(a["status"], a["people"]) for a in attendees] == [("attending", 2), ("waiting", 1)]
    book = client.get(f"{base}/attendees/export?format=xlsx", headers=_auth(api_token))
    sheet = openpyxl.load_workbook(io.BytesIO(book.content)).active
    assert sheet is not None and sheet["F2"].value == "attending" and sheet["G2"].value == 2
    assert client.get(f"{base}/attendees/export", headers=_auth(api_token)).text.startswith(
        "meeting,starts_at"
    )
    assert client.get(f"{base}/attendees/export?format=pdf", headers=_auth(api_token)).status_code == 422

    change = f"{base}/meetings/{event_id}/change"
    backwards = client.post(change, json={"ends": "2027-02-10T13:00"}, headers=_auth(api_token))
    assert backwards.status_code == 422 and "slutter før det begynner" in backwards.json()["detail"]
    in_nynorsk = client.post(
        change, json={"ends": "2027-02-10T13:00"}, headers={**_auth(api_token), "Accept-Language": "nn"}
    )
    assert in_nynorsk.status_code == 422 and in_nynorsk.json()["detail"] == "møtet sluttar før det byrjar"
    assert client.post(change, json={"capacity": 0}, headers=_auth(api_token)).status_code == 422
    assert client.post(change, json={"at": "x" * 41}, headers=_auth(api_token)).status_code == 422
    assert client.post(change, content=b"\x00{", headers=_auth(api_token)).status_code == 422
    moved = client.post(change, json={"place": "Glemmen vgs", "capacity": 2}, headers=_auth(api_token))
    assert moved.status_code == 200, moved.text
    assert moved.json()["told"] == 2 and moved.json()["meeting"]["place"] == "Glemmen vgs"
    with db.session() as session:
        statuses = session.scalars(select(Rsvp.status).where(Rsvp.event_id == event_id)).all()
        assert sorted(statuses) == [RsvpStatus.ATTENDING, RsvpStatus.ATTENDING]
    assert client.post(f"{base}/meetings/{event_id + 1}/cancel", headers=_auth(api_token)).status_code == 404
    other = f"/api/campaigns/{campaign_id + 1}/meetings/{event_id}/cancel"
    assert client.post(other, headers=_auth(api_token)).status_code == 404
    cancelled = client.post(f"{base}/meetings/{event_id}/cancel", headers=_auth(api_token))
    assert cancelled.json()["told"] == 2 and cancelled.json()["meeting"]["cancelled_at"]
    assert client.post(change, json={"place": "Et annet sted"}, headers=_auth(api_token)).status_code == 422


def test_the_api_outcome_report_is_the_clis_document_and_workbook(
    client: TestClient, api_token: str, db: Database, cli: RunCli
) -> None:
    with db.transaction() as session:
        campaign_id = scenario(session)
    from_api = client.get(f"/api/campaigns/{campaign_id}/outcomes", headers=_auth(api_token)).json()
    from_cli = json.loads(cli("campaign", "report", campaign_id, "--outcomes", "--format", "json").stdout)
    assert from_api == from_cli and from_api["by_trade_county"]
    book = client.get(f"/api/campaigns/{campaign_id}/outcomes/export", headers=_auth(api_token))
    assert f"kampanje-{campaign_id}-resultater.xlsx" in book.headers["content-disposition"]
    assert openpyxl.load_workbook(io.BytesIO(book.content)).sheetnames[0] == "Fag og fylke"
    csv = client.get(f"/api/campaigns/{campaign_id}/outcomes/export?format=csv", headers=_auth(api_token))
    assert csv.text.startswith("Fag,Fylke")
    assert client.get("/api/campaigns/999/outcomes", headers=_auth(api_token)).status_code == 404


def test_a_county_officer_reaches_only_meetings_of_campaigns_in_their_counties(
    client: TestClient, db: Database
) -> None:
    campaign_id, event_id = _meeting_with_a_full_house(db)  # an audience over every county
    with db.transaction() as session:
        officer = add_staff(
            session, email="fylke@tffk.no", role=StaffRole.STAFF, password="x" * 12, counties=["55"]
        )
        token = create_api_token(session, staff_id=officer.id, name="fylke")
    base = f"/api/campaigns/{campaign_id}"
    for path in ("meetings", "attendees", "attendees/export", "outcomes", "outcomes/export"):
        assert client.get(f"{base}/{path}", headers=_auth(token)).status_code == 404, path
    assert client.post(f"{base}/meetings/{event_id}/cancel", headers=_auth(token)).status_code == 404
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Message)) == 2  # nobody was told anything
