"""Hostile e-mail addresses (header injection with CR/LF, `a@b@c`, display names, NUL, over-long) replayed
through every door that accepts one: the registration form, the SMS webhook and the sandbox chat, the register
import and `jeger staff add`. Each is refused in Norwegian or rejected to the rejects file; nothing is stored."""

from __future__ import annotations

import csv
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from companies.importer import import_companies
from settings import Settings
from store.db import Database
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import Message
from store.models import Registration
from store.models import StaffUser
from tests.conftest import post_inbound_sms
from tests.register_files import unit
from tests.register_files import valid_orgnrs
from tests.register_files import write_csv
from tests.register_files import write_json
from tests.test_engine import MOBILE
from tests.test_engine import make_company
from web.app import create_app

HOSTILE = [
    "kari@fjord.no\r\nBcc: alle@angriper.example",
    "kari@fjord.no\nBcc: alle@angriper.example",
    "a@b@c",
    "kari@fjord.no@angriper.example",
    "Kari <kari@fjord.no>",
    "kari@fjord.no\x00",
    "kari@fjord.no, alle@angriper.example",
    "k" * 300 + "@fjord.no",
    "kari@fjord..no",
    "kari@-fjord.no",
]


def nothing_hostile_stored(db: Database) -> None:
    with db.session() as session:
        stored = [
            *session.scalars(select(Registration.email)),
            *session.scalars(select(Company.email)),
            *session.scalars(select(Contact.address).where(Contact.kind == ContactKind.EMAIL)),
        ]
    for value in stored:
        assert value is None or value in {"kari@fjord.no", "post@fjord.no"}, value


# --- the web form ------------------------------------------------------------------------------------------


@pytest.fixture
def web(settings: Settings, db: Database) -> Iterator[TestClient]:
    with TestClient(create_app(settings, db=db)) as client:
        yield client


def form_of(page: str, email: str) -> dict[str, object]:
    match = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert match
    return {
        "csrf_token": match.group(1),
        "contact_name": "Kari Nordmann",
        "phone": "",
        "email": email,
        "trades": ["1"],
        "places": "1",
        "adult": "nei",
        "start": "august 2027",
        "consent": "ja",
    }


@pytest.mark.parametrize("email", HOSTILE)
def test_the_form_refuses_a_hostile_address_and_asks_again(web: TestClient, db: Database, email: str) -> None:
    with db.transaction() as session:
        token = make_company(session).token or ""
    page = web.get(f"/r/{token}").text
    refused = web.post(f"/r/{token}", data=form_of(page, email))
    assert refused.status_code == 422
    # A NUL is refused before the address is read at all: no column can store it (web/registration.read_form).
    expected = "inneholder tegn som ikke kan lagres" if "\x00" in email else "E-postadressen er ikke gyldig"
    assert expected in refused.text and 'name="email"' in refused.text
    with db.session() as session:
        assert session.scalars(select(Registration)).all() == []
    nothing_hostile_stored(db)


def test_the_form_stores_the_normalised_address(web: TestClient, db: Database) -> None:
    with db.transaction() as session:
        token = make_company(session).token or ""
    page = web.get(f"/r/{token}").text
    assert web.post(f"/r/{token}", data=form_of(page, "  Kari@FJORD.no ")).status_code == 200
    with db.session() as session:
        assert session.scalars(select(Registration.email)).one() == "kari@fjord.no"


# --- the chat: SMS webhook and sandbox ---------------------------------------------------------------------


def sms(client: TestClient, settings: Settings, body: str) -> str:
    response = post_inbound_sms(client, settings, body, sender=MOBILE)
    assert response.status_code == 200
    return response.text


@pytest.mark.parametrize(
    "email",
    [HOSTILE[0], "a@b@c", "Kari <kari@fjord.no>", "<kari@fjord.no>", "kari@fjord..no", "kari@-fjord.no"],
)
def test_an_sms_answer_with_a_hostile_address_is_refused_and_asked_again(
    twilio_settings: Settings, db: Database, email: str
) -> None:
    with db.transaction() as session:
        code = make_company(session).short_code
    with TestClient(create_app(twilio_settings, db=db)) as client:
        for line in (f"JA {code}", "Kari Nordmann", "tømrer", "2", "ja", "august 2027"):
            sms(client, twilio_settings, line)
        assert "Hvilken e-postadresse" in sms(client, twilio_settings, "7")  # correct field 7, the e-mail
        answer = sms(client, twilio_settings, email)
        assert "er ikke en gyldig e-postadresse" in answer and "Prøv igjen" in answer
        with db.session() as session:
            assert session.scalars(select(Registration.email)).one() is None
        assert "Stemmer dette" in sms(client, twilio_settings, "kari@fjord.no")
    with db.session() as session:
        assert session.scalars(select(Registration.email)).one() == "kari@fjord.no"
    nothing_hostile_stored(db)


@pytest.mark.parametrize("email", ["a@b@c", "<kari@fjord.no>"])
def test_the_sandbox_chat_refuses_a_hostile_address(cli, db: Database, email: str) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as session:
        code = make_company(session).short_code
    for line in (f"JA {code}", "Kari Nordmann", "tømrer", "2", "ja", "august 2027", "7"):
        assert cli("sandbox", "reply", "--from", MOBILE, line).exit_code == 0
    refused = cli("sandbox", "reply", "--from", MOBILE, email, "--json")
    assert refused.exit_code == 0 and "er ikke en gyldig e-postadresse" in refused.stdout
    with db.session() as session:
        assert session.scalars(select(Registration.email)).one() is None
    nothing_hostile_stored(db)


# --- the register import -----------------------------------------------------------------------------------


@pytest.mark.parametrize("writer", ["json", "csv"])
def test_the_import_drops_hostile_addresses_to_the_rejects_file(
    db: Database, tmp_path: Path, writer: str
) -> None:
    rng = random.Random(5)
    # A NUL makes a CSV file binary, refused whole before any row is read: JSON carries that one.
    hostile = HOSTILE if writer == "json" else [e for e in HOSTILE if "\x00" not in e]
    orgnrs = list(valid_orgnrs(len(hostile) + 1, seed=41))
    items = [unit(orgnr, rng, epostadresse=email) for orgnr, email in zip(orgnrs, hostile, strict=False)]
    items.append(unit(orgnrs[-1], rng, epostadresse="Post@Fjord.NO"))
    path = (
        write_json(tmp_path / "enheter.json", items)
        if writer == "json"
        else write_csv(tmp_path / "enheter.csv", items)
    )
    summary = import_companies(db, path)
    assert (summary.imported, summary.rejected) == (len(items), 0)  # the companies come in, without the field
    with Path(summary.rejects_file or "").open(encoding="utf-8", newline="") as handle:
        rejects = list(csv.DictReader(handle))
    email_rejects = [r for r in rejects if r["reason"].startswith("epostadresse")]
    assert len(email_rejects) == len(hostile) and all(r["level"] == "warning" for r in email_rejects)
    with db.session() as session:
        emails = dict(session.execute(select(Company.orgnr, Company.email)).tuples().all())
        contacts = session.scalars(select(Contact.address).where(Contact.kind == ContactKind.EMAIL)).all()
    assert {orgnr: emails[orgnr] for orgnr in orgnrs[:-1]} == dict.fromkeys(orgnrs[:-1])
    assert emails[orgnrs[-1]] == "post@fjord.no" and contacts == ["post@fjord.no"]
    nothing_hostile_stored(db)


# --- staff -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("email", ["a@b@c", "ola@firma.no\r\nBcc: x@y.no", "Ola <ola@firma.no>"])
def test_staff_add_refuses_a_hostile_address(cli, db: Database, email: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("staff", "add", email, "--role", "staff", "--password", "langt-nok-passord")
    assert result.exit_code != 0 and "ikke en gyldig e-postadresse" in (result.stdout + result.stderr)
    with db.session() as session:
        assert session.scalars(select(StaffUser)).all() == []


# --- a staff member's test send ----------------------------------------------------------------------------


def test_a_test_send_to_a_hostile_address_is_refused_and_queues_nothing(
    cli, db: Database, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from tests.test_campaign_rules import toml

    with db.transaction() as session:
        make_company(session)  # the audience must not be empty
    path = tmp_path / "kampanje.toml"
    path.write_text(toml(), encoding="utf-8")
    created = cli("campaign", "create", str(path), "--json")
    assert created.exit_code == 0, created.output
    campaign_id = json.loads(created.stdout)["id"]
    for hostile in ("a@b@c", "meg@firma.no\r\nBcc: alle@angriper.example"):
        refused = cli("campaign", "test", str(campaign_id), "--to", hostile)
        assert refused.exit_code != 0 and "ikke en gyldig e-postadresse" in (refused.stdout + refused.stderr)
    with db.session() as session:
        assert session.scalars(select(Message)).all() == []
