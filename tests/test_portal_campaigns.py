"""The portal's campaign pages (PRODUCT §10, §11): a member uploads the organisation's campaign file with its
member list, sees the preview, asks for launch and pauses; another organisation's member gets a 404."""

from __future__ import annotations

import re
from datetime import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.definition_model import definition_of
from store.db import Database
from store.models import Campaign
from store.models import CampaignLaunchRequest
from store.models import CampaignState
from store.models import Hunter
from tests.dashboard_fixtures import ADMIN_EMAIL
from tests.dashboard_fixtures import log_in
from tests.lead_factories import make_hunter
from tests.outbox_factories import make_recipient
from tests.portal_factories import csrf
from tests.portal_factories import make_member
from tests.portal_factories import sign_in

pytest_plugins = ["tests.fakes.fixtures", "tests.dashboard_fixtures"]

NAV = "974760673"


def nav_with_member(session: Session) -> Hunter:
    """NAV Fredrikstad (orgnr NAV, county 31) with Kari as its member, who signs in."""
    nav = make_hunter(session, counties=("31",), name="NAV Fredrikstad")
    nav.orgnr = NAV
    make_member(session, hunter=nav)
    return nav


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
        nav_with_member(session)
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


def _form(token: str) -> dict[str, object]:
    """The partner's form with what its page does not offer sent all the same: another organisation as owner,
    a window round the clock and a high rate. The portal takes none of them."""
    day = datetime.now(ZoneInfo("Europe/Oslo")) + timedelta(days=3)
    return {
        "csrf_token": token,
        "days": ["sat", "sun"],
        "start": "00:00",
        "end": "23:59",
        "rate_sms": "500",
        "language": "en",
        "fixed_language": "on",
        "name": "Øra voksen fra skjema",
        "kind": "voksen",
        "owner": "914778271",
        "counties": ["31"],
        "exclude": ["opted_out", "registered"],
        "route": "owner_then_county",
        "route_after_days": "4",
        "co_owners": ["914778271"],
        "step0_name": "infomote",
        "step0_channel": "sms",
        "step0_template": "sms/infomote",
        "step0_at": f"{day:%Y-%m-%d}T10:00",
        "step0_event_title": "Informasjonsmøte på Øra",
        "step0_event_at": f"{day + timedelta(days=7):%Y-%m-%d}T14:00",
        "step0_event_place": "Glemmen vgs",
        "step0_event_capacity": "30",
    }


def test_a_member_makes_a_campaign_with_the_form_and_the_organisation_owns_it(
    db: Database, client: TestClient
) -> None:
    """The form writes the same campaign file a partner could upload; the owner is the member's organisation
    whatever the form says, the list goes with it, and a form sent back without its list is refused."""
    with db.transaction() as session:
        nav_with_member(session)
        glemmen = make_hunter(session, counties=("31",), name="Glemmen vgs")
        glemmen.orgnr = "914778271"
        company, _ = make_recipient(session, county_number="31")
        make_recipient(session, county_number="31")  # not on the list: not written to
        members = f"Navn;Organisasjonsnummer\nMedlem;{company.orgnr}\n".encode()
    sign_in(client, db)
    form_page = client.get("/jeger/kampanjer/ny").text
    assert "Glemmen vgs (914778271)" in form_page and 'value="974760673"' not in form_page
    created = client.post(
        "/jeger/kampanjer/ny",
        data=_form(csrf(client, "/jeger/kampanjer/ny")),
        files={"lists": ("medlemmer.csv", members, "text/csv")},
        follow_redirects=False,
    )
    assert created.status_code == 303, created.text
    path = created.headers["location"]
    assert "1 bedrifter nås i dette steget" in client.get(path).text
    with db.session() as session:
        campaign = session.scalars(select(Campaign).where(Campaign.name == "Øra voksen fra skjema")).one()
        definition = definition_of(campaign)
    assert (definition.owner, definition.co_owners, definition.kind) == (NAV, ("914778271",), "voksen")
    window = definition.window
    assert (window.days, window.start, window.end) == (("mon", "tue", "wed", "thu", "fri"), "09:00", "16:00")
    assert definition.rate.sms == 5 and not definition.fixed_language
    assert (definition.route, definition.route_after_days) == ("owner_then_county", 4)
    assert (
        definition.audience.orgnr_list is not None and definition.audience.orgnr_list.file == "medlemmer.csv"
    )
    assert definition.steps[0].event is not None and definition.steps[0].event.capacity == 30

    again = {**_form(csrf(client, "/jeger/kampanjer/ny")), "orgnr_file": "medlemmer.csv", "name": "Runde 2"}
    sent_back = client.post("/jeger/kampanjer/ny", data=again)
    assert sent_back.status_code == 422 and "Last opp medlemmer.csv på nytt." in sent_back.text
    assert 'value="Runde 2"' in sent_back.text


def test_a_new_round_starts_from_a_copy_of_the_organisations_own_campaign_only(
    db: Database, client: TestClient
) -> None:
    """The copy fills the form from the campaign and asks for its member list again by name; another
    organisation's campaign, or a copy number that is no number, gives the empty form."""
    with db.transaction() as session:
        nav_with_member(session)
        company, _ = make_recipient(session, county_number="31")
        members = f"orgnr\n{company.orgnr}\n".encode()
        other = make_hunter(session, counties=("31",), name="Elektroforeningen")
        other.orgnr = "914778271"
        make_member(session, hunter=other, name="Rita", email="rita@el.no", phone="+4791111113")
    sign_in(client, db)
    created = client.post(
        "/jeger/kampanjer/ny",
        data={**_form(csrf(client, "/jeger/kampanjer/ny")), "co_owners": []},
        files={"lists": ("medlemmer.csv", members, "text/csv")},
        follow_redirects=False,
    )
    assert created.status_code == 303, created.text
    path = created.headers["location"]
    assert f'href="/jeger/kampanjer/ny?kopi={path.rsplit("/", 1)[1]}"' in client.get(path).text
    copy = client.get(f"/jeger/kampanjer/ny?kopi={path.rsplit('/', 1)[1]}").text
    assert 'value="Kopi av Øra voksen fra skjema"' in copy and 'value="Glemmen vgs"' in copy
    assert "Last opp medlemmer.csv på nytt." in copy and 'name="orgnr_file" value="medlemmer.csv"' in copy
    for hostile in ("abc", "-1", "9" * 30, "1%00"):
        assert "Kopi av" not in client.get(f"/jeger/kampanjer/ny?kopi={hostile}").text, hostile

    client.post("/jeger/logg-ut", data={"csrf_token": csrf(client, "/jeger/kampanjer")})
    sign_in(client, db, "rita@el.no")
    stranger = client.get(f"/jeger/kampanjer/ny?kopi={path.rsplit('/', 1)[1]}")
    assert (
        stranger.status_code == 200 and "Kopi av" not in stranger.text and "Glemmen vgs" not in stranger.text
    )


def test_a_form_the_campaign_file_refuses_comes_back_with_every_problem_and_the_input_kept(
    db: Database, client: TestClient
) -> None:
    with db.transaction() as session:
        nav_with_member(session)
        make_recipient(session, county_number="31")
    sign_in(client, db)
    hostile = {
        **_form(csrf(client, "/jeger/kampanjer/ny")),
        "postcodes": "=cmd|'/c calc'!A1",
        "step0_event_capacity": "9" * 40,
        "name": "Lag\x00",
    }
    refused = client.post("/jeger/kampanjer/ny", data=hostile)
    assert refused.status_code == 422
    assert "audience.postcodes" in refused.text and "høyst 100000 bedrifter" in refused.text
    with db.session() as session:
        assert session.scalar(select(Campaign.id)) is None


def test_the_campaign_pages_read_in_nynorsk_and_english_state_and_audience_notes_included(
    db: Database, client: TestClient
) -> None:
    with db.transaction() as session:
        nav_with_member(session)
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
