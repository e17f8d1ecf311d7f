"""Staff choose the language of the dashboard (and the CLI): on the dashboard's header or with
`jeger staff add/set --language`; bokmål until they do, and `--json` keeps the machine value."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from sqlalchemy import select

from store.db import Database
from store.models import StaffUser
from tests.conftest import RunCli
from tests.dashboard_fixtures import ADMIN_EMAIL
from tests.dashboard_fixtures import csrf_of


def _language(db: Database, email: str) -> str:
    with db.session() as session:
        return session.scalars(select(StaffUser.language).where(StaffUser.email == email)).one()


def test_the_dashboard_speaks_bokmal_until_the_user_picks_nynorsk_or_english(
    admin_client: TestClient, db: Database
) -> None:
    home = admin_client.get("/admin/").text
    assert '<html lang="nb">' in home and ">Kampanjer</a>" in home and ">Logg ut</button>" in home

    token = csrf_of(admin_client, "/admin/")
    chosen = admin_client.post("/admin/me/language", data={"language": "nn", "csrf_token": token})
    assert chosen.status_code == 200 and "Dashbordet blir no vist på nynorsk." in chosen.text
    assert _language(db, ADMIN_EMAIL) == "nn"
    home = admin_client.get("/admin/").text
    assert '<html lang="nn">' in home and ">Kampanjar</a>" in home and ">Brukarar</a>" in home

    admin_client.post("/admin/me/language", data={"language": "en", "csrf_token": token})
    home = admin_client.get("/admin/").text
    assert '<html lang="en">' in home and ">Campaigns</a>" in home and ">Sign out</button>" in home


def test_a_language_we_do_not_write_is_refused_and_nothing_changes(
    admin_client: TestClient, db: Database
) -> None:
    token = csrf_of(admin_client, "/admin/")
    refused = admin_client.post("/admin/me/language", data={"language": "de", "csrf_token": token})
    assert refused.status_code == 200 and "er ikke et av språkene nb, nn, en" in refused.text
    assert _language(db, ADMIN_EMAIL) == "nb"


def test_the_cli_sets_the_language_at_add_and_later(cli: RunCli, db: Database) -> None:
    added = cli(
        "staff",
        "add",
        "kari@fylke.no",
        "--role",
        "staff",
        "--password",
        "et-langt-passord",
        "--language",
        "nn",
    )
    assert added.exit_code == 0, added.output
    assert _language(db, "kari@fylke.no") == "nn"
    changed = cli("staff", "set", "kari@fylke.no", "--language", "en")
    assert changed.exit_code == 0 and "kari@fylke.no får nå dashbordet på engelsk." in changed.stdout
    listed = json.loads(cli("staff", "list", "--json").stdout)
    assert [row["language"] for row in listed] == ["en"]
    assert cli("staff", "set", "kari@fylke.no", "--language", "de").exit_code == 2
    assert (
        cli("staff", "add", "ola@fylke.no", "--role", "staff", "--password", "et-langt-passord").exit_code
        == 0
    )
    assert _language(db, "ola@fylke.no") == "nb"
