"""The portal's campaign pages (PRODUCT §10, §11): a member uploads the organisation's campaign file with its
member list, sees the preview, asks for launch and pauses; another organisation's member gets a 404."""

from __future__ import annotations

import re
from datetime import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

from fastapi.testclient import TestClient
from sqlalchemy import select

from store.db import Database
from store.models import Campaign
from store.models import CampaignLaunchRequest
from store.models import CampaignState
from tests.dashboard_fixtures import ADMIN_EMAIL
from tests.dashboard_fixtures import log_in
from tests.lead_factories import make_hunter
from tests.outbox_factories import make_recipient
from tests.portal_factories import csrf
from tests.portal_factories import make_member
from tests.portal_factories import sign_in

pytest_plugins = ["tests.fakes.fixtures", "tests.dashboard_fixtures"]

NAV = "974760673"


def campaign_file() -> bytes:
    at = datetime.now(ZoneInfo("Europe/Oslo")) + timedelta(days=3)
    return f"""name = "Øra voksen"
kind = "voksen"
owner = "{NAV}"

[audience]
orgnr_file = "medlemmer.csv"

[[steps]]
channel = "sms"
template = "sms/voksen"
at = "{at:%Y-%m-%dT%H:%M}"
""".encode()


def test_a_member_creates_the_campaign_asks_for_launch_and_a_stranger_sees_nothing(
    db: Database, client: TestClient, users: dict[str, int]
) -> None:
    with db.transaction() as session:
        nav = make_hunter(session, counties=("31",), name="NAV Fredrikstad")
        nav.orgnr = NAV
        make_member(session, hunter=nav)
        other = make_hunter(session, counties=("31",), name="Elektroforeningen")
        other.orgnr = "914778271"
        make_member(session, hunter=other, name="Rita", email="rita@el.no", phone="+4791111113")
        company, _ = make_recipient(session, county_number="31")
        members = f"Navn;Organisasjonsnummer\nMedlem;{company.orgnr}\nFeil;123\n".encode()
    sign_in(client, db)
    assert "Kampanjene våre" in client.get("/jeger/kampanjer").text
    refused = client.post(
        "/jeger/kampanjer",
        data={"csrf_token": csrf(client, "/jeger/kampanjer")},
        files={"file": ("ora.toml", campaign_file(), "text/plain")},
    )
    assert refused.status_code == 422 and "ora.toml:6: audience.orgnr_file" in refused.text
    created = client.post(
        "/jeger/kampanjer",
        data={"csrf_token": csrf(client, "/jeger/kampanjer")},
        files={
            "file": ("ora.toml", campaign_file(), "text/plain"),
            "members": ("medlemmer.csv", members, "text/csv"),
        },
        follow_redirects=False,
    )
    assert created.status_code == 303, created.text
    path = created.headers["location"]
    campaign_id = int(re.sub(r"\D", "", path))
    page = client.get(path).text
    assert "Øra voksen" in page and "1 bedrifter nås i dette steget" in page
    assert "1 rader i medlemmer.csv er ikke gyldige organisasjonsnumre: rad 3: «123»" in page
    client.post(f"{path}/start", data={"csrf_token": csrf(client, path)})
    assert "venter på at kampanjeansvarlig starter den" in client.get(path).text
    with db.session() as session:
        assert session.get(CampaignLaunchRequest, campaign_id) is not None
        assert session.get_one(Campaign, campaign_id).state is CampaignState.DRAFT
    log_in(client, ADMIN_EMAIL)  # staff see the request on the campaign's page
    staff_page = client.get(f"/admin/campaigns/{campaign_id}").text
    assert "Eies av <b>NAV Fredrikstad</b>" in staff_page and "Eierne ber om start (Kari Jeger)" in staff_page

    client.post("/jeger/logg-ut", data={"csrf_token": csrf(client, "/jeger/kampanjer")})
    sign_in(client, db, "rita@el.no")
    assert client.get(path).status_code == 404
    assert (
        client.post(f"{path}/avbryt", data={"csrf_token": csrf(client, "/jeger/kampanjer")}).status_code
        == 404
    )
    with db.session() as session:
        assert session.scalar(select(Campaign.state).where(Campaign.id == campaign_id)) is CampaignState.DRAFT


def test_the_campaign_pages_read_in_nynorsk_and_english_state_and_audience_notes_included(
    db: Database, client: TestClient
) -> None:
    with db.transaction() as session:
        nav = make_hunter(session, counties=("31",), name="NAV Fredrikstad")
        nav.orgnr = NAV
        make_member(session, hunter=nav)
        company, _ = make_recipient(session, county_number="31")
        members = f"organisasjonsnummer\n{company.orgnr}\n123\n".encode()
    sign_in(client, db)
    created = client.post(
        "/jeger/kampanjer",
        data={"csrf_token": csrf(client, "/jeger/kampanjer")},
        files={"file": ("ora.toml", campaign_file(), "text/plain"), "members": ("medlemmer.csv", members)},
        follow_redirects=False,
    )
    assert created.status_code == 303, created.text
    path = created.headers["location"]
    expected = {
        "nb": ("Utkast", "1 rader i medlemmer.csv er ikke gyldige organisasjonsnumre: rad 3: «123»"),
        "nn": ("Utkast", "1 rader i medlemmer.csv er ikkje gyldige organisasjonsnummer: rad 3: «123»"),
        "en": ("Draft", "1 rows in medlemmer.csv are not valid organisation numbers: row 3: «123»"),
    }
    for lang, (state, note) in expected.items():
        client.get(f"/jeger/sprak/{lang}")
        page = client.get(path).text
        assert f'lang="{lang}"' in page and f"<dd>{state}" in page and note in page, lang
        listing = client.get("/jeger/kampanjer").text
        assert f"<span>{state}" in listing, lang
    client.get("/jeger/sprak/en")
    english = client.get(path).text
    assert "ikke gyldige" not in english and "Utkast" not in english
    # a refused action (a draft cannot be resumed) is flashed in the member's language too
    refused = client.post(f"{path}/fortsett", data={"csrf_token": csrf(client, path)}).text
    campaign_id = int(re.sub(r"\D", "", path))
    assert f"Campaign {campaign_id} is draft; only a paused campaign can be resumed." in refused
