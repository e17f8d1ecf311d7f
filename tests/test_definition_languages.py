"""Issue 11 item 3 for the campaign file: its problems (`file:line: field: problem`), the templates' and the
orgnr lists' among them, read in the reader's language: `jeger --language`, the staff user's on the dashboard,
the member's on the organisations' portal.
`str()` keeps bokmål, so what logs and older tests match stays as it was; the API follows Accept-Language, bokmål
when a client names none of ours."""

from __future__ import annotations

import html
import json
from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner
from typer.testing import Result

from campaigns.definition import check_definition
from demo.simulator import demo_campaign_toml
from demo.simulator import seed_companies
from settings import Settings
from store.db import Database
from store.models import utcnow
from store.reference import county_numbers
from tests.dashboard_fixtures import csrf_of
from tests.lead_factories import make_hunter
from tests.portal_factories import csrf
from tests.portal_factories import make_member
from tests.portal_factories import sign_in
from tests.test_portal_campaigns import NAV
from tests.test_portal_campaigns import campaign_file

# A file with a clock that is not one, a rate written as text and a list that is not uploaded: three kinds
# of problem (the catalogue's own, one naming the kind of value given, one from the orgnr list reader).
WRONG = {
    "window.start": ('start = "00:00"', 'start = "25:00"'),
    "rate.sms": ("sms = 5", 'sms = "fort"'),
    "audience.orgnr_file": ("employees = [1, 500]", 'employees = [1, 500]\norgnr_file = "medlemmer.csv"'),
}
SAID = {
    "nb": [
        "window.start: «25:00» er ikke et klokkeslett; skriv TT:MM, f.eks. 09:00",
        'rate.sms: en hastighet er et antall meldinger per sekund, 0 eller mer, ikke teksten "fort"',
        "audience.orgnr_file: finner ikke lista «medlemmer.csv» i ",
    ],
    "nn": [
        "window.start: «25:00» er ikkje eit klokkeslett; skriv TT:MM, t.d. 09:00",
        'rate.sms: ein fart er eit tal meldingar per sekund, 0 eller meir, ikkje teksten "fort"',
        "audience.orgnr_file: finn ikkje lista «medlemmer.csv» i ",
    ],
    "en": [
        "window.start: “25:00” is not a time of day; write HH:MM, e.g. 09:00",
        'rate.sms: a rate is a number of messages per second, 0 or more, not the text "fort"',
        "audience.orgnr_file: cannot find the list “medlemmer.csv” in ",
    ],
}


def wrong_toml() -> str:
    source = demo_campaign_toml(utcnow() - timedelta(minutes=1), name="Feil overalt")
    for old, new in WRONG.values():
        assert old in source
        source = source.replace(old, new, 1)
    return source


def run(settings: Settings, *args: str) -> Result:
    from cli import Context
    from cli import app

    return CliRunner().invoke(app, list(args), obj=Context(settings=settings))


@pytest.fixture
def wrong_file(tmp_path: Path) -> Path:
    path = tmp_path / "feil.toml"
    path.write_text(wrong_toml(), encoding="utf-8")
    return path


def test_each_problem_is_written_in_the_language_asked_and_str_stays_bokmal(tmp_path: Path) -> None:
    from campaigns.orgnr_lists import ListFiles

    _, problems = check_definition(
        wrong_toml(), filename="feil.toml", counties=county_numbers(), files=ListFiles(base_dir=tmp_path)
    )
    assert [p.field for p in problems] == list(WRONG)
    for language, expected in SAID.items():
        written = [p.text_in(language) for p in problems]
        assert all(line.startswith("feil.toml:") for line in written)
        assert [line.split(": ", 1)[1] for line in written][:2] == expected[:2], language
        assert expected[2] in written[2], language
    assert [str(p) for p in problems] == [p.text_in("nb") for p in problems]
    assert problems[0].message == "«25:00» er ikke et klokkeslett; skriv TT:MM, f.eks. 09:00"


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_jeger_campaign_check_and_create_write_the_problems_in_the_readers_language(
    settings: Settings, db: Database, wrong_file: Path, language: str
) -> None:
    for command in ("check", "create"):
        result = run(settings, "--language", language, "campaign", command, str(wrong_file))
        assert result.exit_code == 2, result.output
        for expected in SAID[language]:
            assert expected in result.stderr, (command, expected, result.stderr)


def test_jeger_campaign_check_json_writes_its_problems_in_the_readers_language_as_preview_does(
    settings: Settings, db: Database, wrong_file: Path
) -> None:
    for given, language in (([], "nb"), (["--language", "en"], "en")):
        result = run(settings, *given, "campaign", "check", "--json", str(wrong_file))
        assert result.exit_code == 2
        document = json.loads(result.stdout)
        assert document["valid"] is False  # machine values stay as they are
        assert document["problems"][0].endswith(SAID[language][0])


@pytest.mark.parametrize("language", ["nn", "en"])
def test_a_template_problem_reads_in_the_staff_users_language_on_the_dashboard(
    admin_client: TestClient, db: Database, language: str
) -> None:
    seed_companies(db, count=5, seed=3)
    token = csrf_of(admin_client, "/admin/")
    admin_client.post("/admin/me/language", data={"language": language, "csrf_token": token})
    source = wrong_toml().replace('template = "sms/invitasjon"', 'template = "sms/finnesikke"', 1)
    token = csrf_of(admin_client, "/admin/campaigns/new?mode=toml")
    response = admin_client.post("/admin/campaigns/upload", data={"csrf_token": token, "toml": source})
    assert response.status_code == 422
    page = html.unescape(response.text)
    unknown = {
        "nn": "sms/finnesikke: ukjend mal (kjende: ",
        "en": "sms/finnesikke: unknown template (known: ",
    }
    assert unknown[language] in page
    # the orgnr list is refused as uploads are: the dashboard never reads a path on the server
    not_uploaded = {
        "nn": "lista «medlemmer.csv» er ikkje lasta opp saman med kampanjen",
        "en": "the list “medlemmer.csv” was not uploaded with the campaign",
    }
    assert not_uploaded[language] in page
    assert SAID[language][0] in page


@pytest.mark.parametrize(
    ("accept_language", "language"),
    [
        (None, "nb"),
        ("en", "en"),
        ("nn-NO, en;q=0.5", "nn"),
        ("de, en;q=0.2, nn;q=0.9", "nn"),
        ("sv, de", "nb"),
    ],
)
def test_the_api_writes_the_problems_in_its_accept_language_bokmal_by_default(
    client: TestClient, api_token: str, db: Database, accept_language: str | None, language: str
) -> None:
    headers = {"Authorization": f"Bearer {api_token}", "Content-Type": "application/toml"}
    if accept_language is not None:
        headers["Accept-Language"] = accept_language
    response = client.post("/api/campaigns", content=wrong_toml().encode(), headers=headers)
    assert response.status_code == 422
    assert any(SAID[language][0] in problem for problem in response.json()["detail"])


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nn",
            "ora.toml:6: audience.orgnr_file: lista «medlemmer.csv» er ikkje lasta opp saman med kampanjen",
        ),
        (
            "en",
            "ora.toml:6: audience.orgnr_file: the list “medlemmer.csv” was not uploaded with the campaign",
        ),
    ],
)
def test_an_organisation_member_reads_the_problems_in_the_portals_language(
    db: Database, client: TestClient, language: str, expected: str
) -> None:
    with db.transaction() as session:
        nav = make_hunter(session, counties=("31",), name="NAV Fredrikstad")
        nav.orgnr = NAV
        make_member(session, hunter=nav)
    sign_in(client, db)
    client.get(f"/jeger/sprak/{language}")
    refused = client.post(
        "/jeger/kampanjer",
        data={"csrf_token": csrf(client, "/jeger/kampanjer")},
        files={"file": ("ora.toml", campaign_file(), "text/plain")},
    )
    assert refused.status_code == 422 and expected in html.unescape(refused.text)
