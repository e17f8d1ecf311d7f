"""The portal's member and area pages: a member adds and removes colleagues of their own organisation (the removed
one's sessions end), and asks for more counties, which waits for staff."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from hunters.approval import pending_changes
from hunters.members import active_members
from settings import Settings
from store.db import Database
from store.models import Hunter
from store.models import HunterMember
from tests.lead_factories import make_hunter
from tests.portal_factories import csrf
from tests.portal_factories import make_member
from tests.portal_factories import sign_in
from web.app import create_app

MEMBERS = "/jeger/organisasjon/medlemmer"


@pytest.fixture
def hunter_id(db: Database) -> int:
    with db.transaction() as session:
        hunter = make_hunter(session, counties=("55",), all_trades=True)
        make_member(session, hunter=hunter)
        return hunter.id


def test_a_member_adds_a_colleague_who_then_removes_them_and_their_session_ends(
    settings: Settings, db: Database, client: TestClient, hunter_id: int
) -> None:
    sign_in(client, db)
    page = client.get(MEMBERS)
    assert page.status_code == 200 and "Kari Jeger" in page.text
    added = client.post(
        MEMBERS, data={"csrf_token": csrf(client, MEMBERS), "name": "Ola Jeger", "email": "ola@jeger.no"}
    )
    assert "Ola Jeger er lagt til." in added.text
    refused = client.post(
        MEMBERS, data={"csrf_token": csrf(client, MEMBERS), "name": "Ola To", "email": "OLA@jeger.no"}
    )
    assert "brukes allerede av et medlem" in refused.text

    with TestClient(create_app(settings, db=db)) as ola:
        sign_in(ola, db, "ola@jeger.no")
        with db.session() as session:
            kari = session.query(HunterMember).filter_by(email="kari@jeger.no").one()
        ola.post(f"{MEMBERS}/{kari.id}/fjern", data={"csrf_token": csrf(ola, MEMBERS)})
    # Kari's session ended with the removal: her next page is the sign-in page.
    assert client.get(MEMBERS, follow_redirects=False).headers["location"] == "/jeger/logg-inn"
    with db.session() as session:
        assert [m.email for m in active_members(session, hunter_id=hunter_id)] == ["ola@jeger.no"]


def test_a_member_cannot_remove_someone_of_another_organisation(
    db: Database, client: TestClient, hunter_id: int
) -> None:
    with db.transaction() as session:
        other = make_hunter(session, counties=("03",), all_trades=True)
        stranger = make_member(session, hunter=other, name="Per Annen", email="per@annen.no", phone=None)
        stranger_id = stranger.id
    sign_in(client, db)
    answer = client.post(f"{MEMBERS}/{stranger_id}/fjern", data={"csrf_token": csrf(client, MEMBERS)})
    assert f"Fant ikke medlem nr. {stranger_id}" in answer.text
    assert (
        client.post(f"{MEMBERS}/99999999999/fjern", data={"csrf_token": csrf(client, MEMBERS)}).status_code
        == 200
    )
    with db.session() as session:
        assert session.get_one(HunterMember, stranger_id).removed_at is None


def test_more_counties_wait_for_staff(db: Database, client: TestClient, hunter_id: int) -> None:
    sign_in(client, db)
    path = "/jeger/organisasjon/endre"
    assert "Endre fylker og fag" in client.get(path).text
    answer = client.post(
        path, data={"csrf_token": csrf(client, path), "counties": ["55", "56"], "all_trades": "ja"}
    )
    assert "venter på godkjenning" in answer.text
    with db.session() as session:
        assert [c.counties for c in pending_changes(session)] == [["55", "56"]]
        assert [c.number for c in session.get_one(Hunter, hunter_id).counties] == ["55"]


def test_an_admin_approves_the_change_on_the_dashboard(
    db: Database, client: TestClient, hunter_id: int, users: dict[str, int]
) -> None:
    from tests.dashboard_fixtures import ADMIN_EMAIL
    from tests.dashboard_fixtures import csrf_of
    from tests.dashboard_fixtures import log_in

    sign_in(client, db)
    path = "/jeger/organisasjon/endre"
    client.post(path, data={"csrf_token": csrf(client, path), "counties": ["55", "56"], "all_trades": "ja"})
    with db.session() as session:
        [change] = pending_changes(session)
    assert log_in(client, ADMIN_EMAIL).status_code == 303  # type: ignore[attr-defined]
    page = client.get("/admin/hunters").text
    assert "Endringer som venter (1)" in page and "55 → <b>55 56</b>" in page
    token = csrf_of(client, "/admin/hunters")
    done = client.post(f"/admin/hunters/changes/{change.id}/approve", data={"csrf_token": token})
    assert f"Endring {change.id} er godkjent" in done.text
    again = client.post(f"/admin/hunters/changes/{change.id}/approve", data={"csrf_token": token})
    assert "Fant ingen endring" in again.text
    with db.session() as session:
        assert [c.number for c in session.get_one(Hunter, hunter_id).counties] == ["55", "56"]
        assert pending_changes(session) == []
