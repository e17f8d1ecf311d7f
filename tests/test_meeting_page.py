"""The meeting part of a company's page: JA/NEI buttons that answer only for the meeting shown, and the .ics."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from store.db import Database
from store.models import Registration
from store.models import Rsvp
from store.models import RsvpStatus
from tests.test_meetings import invited


@pytest.fixture
def invitation(db: Database) -> tuple[str, int]:
    with db.transaction() as session:
        event, [(company, _contact)] = invited(session, capacity=1)
        session.refresh(company)  # its identifiers were written by a Core statement
        assert company.token
        return company.token, event.id


def csrf(page: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match
    return match.group(1)


def test_the_page_shows_the_meeting_and_a_ja_takes_a_place(
    client: TestClient, db: Database, invitation: tuple[str, int]
) -> None:
    token, event_id = invitation
    page = client.get(f"/r/{token}")
    assert "Informasjonsmøte: Voksenlærlinger på Øra" in page.text
    assert "onsdag 10. februar 2027 kl. 14:00–15:30 (norsk tid)" in page.text
    answered = client.post(
        f"/r/{token}/infomote",
        data={"csrf_token": csrf(page.text), "event": str(event_id), "answer": "ja", "people": "3"},
        follow_redirects=False,
    )
    assert answered.status_code == 303 and answered.headers["location"] == f"/r/{token}#infomote"
    assert "Dere er påmeldt (3 pers.)." in client.get(f"/r/{token}").text
    with db.session() as session:
        rsvp = session.scalar(select(Rsvp))
        assert rsvp is not None and (rsvp.status, rsvp.people, rsvp.channel) == (
            RsvpStatus.ATTENDING,
            3,
            "web",
        )
        assert session.scalar(select(Registration.id)) is None  # an RSVP, not a registration


def test_a_form_for_another_meeting_or_a_bad_answer_changes_nothing(
    client: TestClient, db: Database, invitation: tuple[str, int]
) -> None:
    token, event_id = invitation
    key = csrf(client.get(f"/r/{token}").text)
    other = client.post(
        f"/r/{token}/infomote",
        data={"csrf_token": key, "event": str(event_id + 1), "answer": "ja"},
        follow_redirects=False,
    )
    assert other.status_code == 303
    bad = client.post(f"/r/{token}/infomote", data={"csrf_token": key, "event": "x", "answer": "kanskje"})
    assert bad.status_code == 400
    forged = client.post(f"/r/{token}/infomote", data={"event": str(event_id), "answer": "ja"})
    assert forged.status_code == 403
    with db.session() as session:
        assert session.scalar(select(Rsvp.id)) is None


def test_the_calendar_file_is_served_as_text_calendar(
    client: TestClient, invitation: tuple[str, int]
) -> None:
    token, event_id = invitation
    ics = client.get(f"/r/{token}/infomote.ics")
    assert ics.status_code == 200 and ics.headers["content-type"].startswith("text/calendar")
    assert "\r\nDTSTART:20270210T130000Z\r\n" in ics.text
    assert f"UID:meeting-{event_id}@" in ics.text
    assert client.get("/r/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/infomote.ics").status_code == 404
