"""Staff merge two registrations of one company (PRODUCT §12): `jeger registrations merge` and the button on
the dashboard's company page, both over `bot.registration_merge.merge_registrations`."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlalchemy import select

from store.db import Database
from store.models import Lead
from store.models import LeadState
from store.models import Message
from store.models import MessageKind
from store.models import Registration
from tests.conftest import RunCli
from tests.dashboard_fixtures import csrf_of
from tests.lead_factories import make_company
from tests.lead_factories import make_hunter
from tests.lead_factories import make_registration


def two_registrations(db: Database) -> tuple[str, int, int]:
    """A company registered twice: by its deep link (verified, with a lead a hunter has claimed), and from a
    chat that typed the orgnr (unverified, unfinished, with the places and an e-mail the first lacks)."""
    with db.transaction() as session:
        company = make_company(session, name="Fjord Bygg AS")
        hunter = make_hunter(session, all_trades=True)
        kept = make_registration(session, company=company, places=None, email=None)
        session.add(
            Lead(
                registration_id=kept.id,
                company_id=company.id,
                county_number="55",
                state=LeadState.CLAIMED,
                hunter_id=hunter.id,
            )
        )
        other = make_registration(
            session,
            company=company,
            trades=(2,),
            contact_name="Ola Fremmed",
            places=3,
            email="ola@example.no",
            completed_at=None,
            verified=False,
        )
        return company.orgnr, kept.id, other.id


def test_the_cli_merges_the_second_into_the_first(cli: RunCli, db: Database) -> None:
    _, kept_id, other_id = two_registrations(db)
    result = cli("registrations", "merge", str(kept_id), str(other_id), "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert (out["kept"], out["merged"], out["verified"]) == (kept_id, other_id, True)
    with db.session() as session:
        kept = session.get_one(Registration, kept_id)
        assert session.get(Registration, other_id) is None
        # The kept answers stand; what it lacked comes from the other; the trades are joined.
        assert (kept.contact_name, kept.places, kept.email) == ("Kari Nordmann", 3, "ola@example.no")
        assert sorted(t.id for t in kept.trades) == [1, 2]
        lead = session.scalars(select(Lead)).one()
        assert (lead.registration_id, lead.state, lead.id) == (kept_id, LeadState.CLAIMED, out["lead"])


def test_a_claimed_lead_survives_whichever_registration_is_kept(cli: RunCli, db: Database) -> None:
    _, claimed_id, other_id = two_registrations(db)
    with db.transaction() as session:
        other = session.get_one(Registration, other_id)
        company_id = other.company_id
        session.add(Lead(registration_id=other_id, company_id=company_id, county_number="55"))
    result = cli("registrations", "merge", str(other_id), str(claimed_id))
    assert result.exit_code == 0, result.output
    assert f"Registrering {claimed_id} er slått inn i registrering {other_id}" in result.stdout
    with db.session() as session:
        lead = session.scalars(select(Lead)).one()
        assert (lead.registration_id, lead.state) == (other_id, LeadState.CLAIMED)
        kept = session.get_one(Registration, other_id)
        assert kept.verified  # staff have seen both, and one was proved
        assert kept.contact_name == "Ola Fremmed"


def test_bad_merges_fail_with_a_clear_norwegian_error_and_change_nothing(cli: RunCli, db: Database) -> None:
    _, kept_id, _ = two_registrations(db)
    with db.transaction() as session:
        elsewhere = make_registration(session, company=make_company(session, name="Strand Regnskap AS"))
        elsewhere_id = elsewhere.id
    for args, words in (
        ((kept_id, 99999), "Fant ingen registrering med nummer 99999"),
        ((kept_id, kept_id), "seg selv"),
        ((kept_id, elsewhere_id), "bare registreringer for samme bedrift"),
    ):
        result = cli("registrations", "merge", *map(str, args))
        assert result.exit_code == 2, result.output
        assert words in result.stderr
    assert cli("registrations", "merge", "en", "to").exit_code == 2
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Registration)) == 3


def test_the_company_page_shows_unverified_registrations_and_merges_them(
    admin_client: TestClient, db: Database
) -> None:
    orgnr, kept_id, other_id = two_registrations(db)
    page = admin_client.get(f"/admin/companies/{orgnr}")
    assert page.status_code == 200
    assert "ikke bekreftet" in page.text and "Slå sammen" in page.text
    token = csrf_of(admin_client, f"/admin/companies/{orgnr}")
    done = admin_client.post(
        f"/admin/companies/{orgnr}/registrations/merge",
        data={"csrf_token": token, "keep_id": str(kept_id), "other_id": str(other_id)},
    )
    assert done.status_code == 200 and f"Registrering {other_id} er slått inn" in done.text
    assert "ikke bekreftet" not in done.text
    refused = admin_client.post(
        f"/admin/companies/{orgnr}/registrations/merge",
        data={"csrf_token": token, "keep_id": str(kept_id), "other_id": str(other_id)},
    )
    assert f"Fant ingen registrering med nummer {other_id}" in refused.text
    with db.session() as session:
        assert session.scalars(select(Registration.id)).all() == [kept_id]
        assert (
            session.scalar(
                select(func.count()).select_from(Message).where(Message.kind == MessageKind.NOTIFICATION)
            )
            == 0
        )


def test_the_leads_page_and_export_mark_an_unverified_registration(
    admin_client: TestClient, db: Database
) -> None:
    with db.transaction() as session:
        company = make_company(session, name="Fjord Bygg AS")
        registration = make_registration(session, company=company, verified=False)
        session.add(Lead(registration_id=registration.id, company_id=company.id, county_number="55"))
    page = admin_client.get("/admin/leads")
    assert "ikke bekreftet" in page.text
    csv_text = admin_client.get("/admin/leads.csv").text
    assert "Bekreftet" in csv_text.splitlines()[0] and csv_text.splitlines()[1].endswith(";nei")
