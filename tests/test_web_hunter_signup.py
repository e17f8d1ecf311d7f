"""GET|POST /jeger/registrer: an organisation signs up on the web and waits for staff; hostile input is refused
with a page, never a 500, and nothing half-written remains."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from store.db import Database
from store.models import Hunter
from store.models import HunterMember
from store.models import HunterState
from tests.test_web_registration import csrf

PATH = "/jeger/registrer"


def fields(page: str, **override: object) -> dict[str, object]:
    data: dict[str, object] = {
        "csrf_token": csrf(page),
        "org_name": "Elektroforeningen Troms",
        "type": "trade_body",
        "orgnr": "974 760 673",
        "counties": ["55", "56"],
        "trades": ["1", "12"],
        "member_name": "Kari Nordmann",
        "email": "kari@elektro.no",
        "phone": "912 34 567",
    }
    data.update(override)
    return data


def nothing_written(db: Database) -> bool:
    with db.session() as session:
        return session.scalar(select(Hunter.id)) is None and session.scalar(select(HunterMember.id)) is None


def test_an_organisation_signs_up_and_waits_for_approval(client: TestClient, db: Database) -> None:
    page = client.get(PATH)
    assert page.status_code == 200 and "Bli læreplassjeger" in page.text and 'lang="nb"' in page.text
    done = client.post(PATH, data=fields(page.text))
    assert done.status_code == 200 and "venter på godkjenning" in done.text, done.text
    with db.session() as session:
        hunter = session.scalars(select(Hunter)).one()
        assert hunter.state == HunterState.PENDING and hunter.orgnr == "974760673"
        assert [c.number for c in hunter.counties] == ["55", "56"] and {t.id for t in hunter.trades} == {
            1,
            12,
        }
        assert [(m.name, m.email, m.phone) for m in hunter.members] == [
            ("Kari Nordmann", "kari@elektro.no", "+4791234567")
        ]


def test_all_trades_may_be_chosen_instead_of_some(client: TestClient, db: Database) -> None:
    page = client.get(PATH).text
    assert client.post(PATH, data=fields(page, trades=[], all_trades="ja")).status_code == 200
    with db.session() as session:
        assert session.scalars(select(Hunter)).one().all_trades


def test_wrong_fields_are_named_on_the_page_and_kept(client: TestClient, db: Database) -> None:
    page = client.get(PATH).text
    refused = client.post(PATH, data=fields(page, orgnr="974760674", counties=[], email="kari"))
    assert refused.status_code == 422
    assert "kontrollsifferet må stemme" in refused.text and "Velg minst ett fylke" in refused.text
    assert 'aria-invalid="true" aria-describedby="email-error"' in refused.text
    assert 'value="Elektroforeningen Troms"' in refused.text  # what was typed comes back
    assert nothing_written(db)


@pytest.mark.parametrize(
    "override",
    [
        {"org_name": "x" * 5000},
        {"org_name": "Lag\x00"},
        {"type": "<script>alert(1)</script>"},
        {"counties": ["5" * 3000, "../"]},
        {"trades": ["99999999999999999999", "-1", "abc"]},
        {"email": "a@b.no\r\nBcc: x@y.no"},
        {"phone": "+47" + "9" * 100},
    ],
)
def test_hostile_input_gets_a_page_never_a_500(
    client: TestClient, db: Database, override: dict[str, object]
) -> None:
    page = client.get(PATH).text
    answer = client.post(PATH, data=fields(page, **override))
    assert answer.status_code == 422
    assert "<script>alert" not in answer.text
    assert nothing_written(db)


def test_a_file_in_a_text_field_is_refused(client: TestClient, db: Database) -> None:
    page = client.get(PATH).text
    data = fields(page)
    data.pop("org_name")
    answer = client.post(PATH, data=data, files={"org_name": ("x.txt", b"Lag", "text/plain")})  # type: ignore[arg-type]
    assert answer.status_code == 422 and nothing_written(db)


def test_without_the_csrf_token_nothing_is_written(client: TestClient, db: Database) -> None:
    page = client.get(PATH).text
    answer = client.post(PATH, data=fields(page, csrf_token="forged"))
    assert answer.status_code == 403
    assert nothing_written(db)


def test_the_page_reads_in_the_language_chosen_on_the_portals_links(client: TestClient) -> None:
    assert 'lang="nb"' in client.get(PATH).text
    english = client.get(f"/jeger/sprak/en?next={PATH}")
    assert english.status_code == 200 and 'lang="en"' in english.text
    assert "Become an apprenticeship hunter" in english.text and "Trade association" in english.text
    refused = client.post(PATH, data=fields(english.text, orgnr="1"))
    assert "The organisation number has 9 digits" in refused.text


def test_a_second_sign_up_with_an_orgnr_in_use_is_refused_on_the_page_and_on_the_command_line(
    client: TestClient, db: Database, cli
) -> None:  # type: ignore[no-untyped-def]
    page = client.get(PATH)
    assert client.post(PATH, data=fields(page.text)).status_code == 200
    again = client.post(PATH, data=fields(page.text, email="ola@elektro.no"))
    assert again.status_code == 422 and "Denne organisasjonen er allerede registrert" in again.text
    added = cli("hunters", "add", "Elektro igjen", "--orgnr", "974760673", "--type", "nav", "--county", "55",
                "--email", "per@elektro.no")  # fmt: skip
    assert added.exit_code != 0 and "allerede registrert" in added.stderr
    with db.session() as session:
        assert len(session.scalars(select(Hunter)).all()) == 1
