"""Dashboard pages beyond campaigns: leads, hunters, results, companies and import, inbox, sandbox, notices."""

from __future__ import annotations

import csv
import gzip
import io
import json
import time
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from store.db import Database
from store.models import (
    Campaign,
    CampaignState,
    CampaignStep,
    Channel,
    Company,
    Intent,
    Lead,
    LeadState,
    Message,
    MessageKind,
    MessageState,
    Notice,
    Reply,
    utcnow,
)
from tests.dashboard_fixtures import csrf_of
from tests.lead_factories import make_company, make_hunter, make_registration


def _lead(
    db: Database, *, county: str = "55", trades: tuple[int, ...] = (1,), name: str | None = None
) -> int:
    from bot.leads import create_lead

    with db.transaction() as session:
        company = make_company(session, county=county, name=name)
        registration = make_registration(session, company=company, trades=trades)
        return create_lead(session, registration_id=registration.id).id


def test_leads_filter_by_county_trade_state_and_age(admin_client: TestClient, db: Database) -> None:
    from store.models import Trade

    old = _lead(db, county="55", trades=(1,), name="Gammel Bygg AS")
    _lead(db, county="03", trades=(2,), name="Ny Elektro AS")
    with db.transaction() as session:
        session.get_one(Lead, old).created_at = utcnow() - timedelta(days=10)
        trade_one = session.get_one(Trade, 1).name
    assert "Gammel Bygg AS" in (page := admin_client.get("/admin/leads").text) and "Ny Elektro AS" in page
    assert "Ny Elektro AS" not in admin_client.get("/admin/leads?county=55").text
    by_trade = admin_client.get("/admin/leads", params={"trade": trade_one}).text
    assert "Gammel Bygg AS" in by_trade and "Ny Elektro AS" not in by_trade
    aged = admin_client.get("/admin/leads?age=7").text
    assert "Gammel Bygg AS" in aged and "Ny Elektro AS" not in aged
    assert "Gammel Bygg AS" not in admin_client.get("/admin/leads?state=claimed").text


def test_leads_export_as_csv_with_the_same_filters(admin_client: TestClient, db: Database) -> None:
    _lead(db, county="55", name="Tromsø Rør AS")
    _lead(db, county="03", name="Oslo Maler AS")
    response = admin_client.get("/admin/leads.csv?county=03")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert [r["company"] for r in rows] == ["Oslo Maler AS"]


def test_staff_reassign_a_lead_and_both_hunters_hear_it(admin_client: TestClient, db: Database) -> None:
    lead_id = _lead(db, county="55")
    with db.transaction() as session:
        first = make_hunter(session, counties=("55",), all_trades=True, name="Første jeger")
        second = make_hunter(session, counties=("55",), all_trades=True, name="Andre jeger")
        first_id, second_id = first.id, second.id
    token = csrf_of(admin_client, "/admin/leads")
    admin_client.post(
        f"/admin/leads/{lead_id}/reassign", data={"csrf_token": token, "hunter_id": str(first_id)}
    )
    page = admin_client.post(
        f"/admin/leads/{lead_id}/reassign", data={"csrf_token": token, "hunter_id": str(second_id)}
    )
    assert "gitt til Andre jeger" in page.text
    with db.session() as session:
        lead = session.get_one(Lead, lead_id)
        assert (lead.state, lead.hunter_id) == (LeadState.CLAIMED, second_id)
        told = {
            m.hunter_id: m.body
            for m in session.scalars(select(Message).where(Message.kind == MessageKind.NOTIFICATION))
            if "flyttet" in (m.body or "") or "gitt dere" in (m.body or "")
        }
    assert "flyttet" in told[first_id] and "gitt dere" in told[second_id]


def test_a_lead_cannot_go_to_a_hunter_who_is_not_approved(admin_client: TestClient, db: Database) -> None:
    from store.models import HunterState

    lead_id = _lead(db, county="55")
    with db.transaction() as session:
        pending = make_hunter(session, counties=("55",), state=HunterState.PENDING).id
    token = csrf_of(admin_client, "/admin/leads")
    page = admin_client.post(
        f"/admin/leads/{lead_id}/reassign", data={"csrf_token": token, "hunter_id": str(pending)}
    )
    assert "godkjent jeger" in page.text
    with db.session() as session:
        assert session.get_one(Lead, lead_id).hunter_id is None


def test_hunters_page_shows_what_each_hunter_covers(admin_client: TestClient, db: Database) -> None:
    with db.transaction() as session:
        make_hunter(session, counties=("55", "56"), trades=(1,), name="Nordlys Opplæringskontor")
        make_hunter(session, counties=("03",), all_trades=True, name="Oslo Fagforbund")
    page = admin_client.get("/admin/hunters?state=approved").text
    assert "Nordlys Opplæringskontor" in page and "Troms" in page and "Finnmark" in page
    assert "Alle fag" in page


def _campaign_with_activity(db: Database) -> int:
    with db.transaction() as session:
        campaign = Campaign(name="Vårkampanjen", state=CampaignState.RUNNING, definition={})
        step = CampaignStep(
            campaign=campaign, position=0, name="sms", channel=Channel.SMS, template="sms/invitasjon"
        )
        session.add_all([campaign, step])
        session.flush()
        for index, county in enumerate(["55", "55", "55", "03"]):
            company = make_company(session, county=county, name=f"Bedrift {index} AS")
            session.add(
                Message(
                    campaign_id=campaign.id,
                    step_id=step.id,
                    company_id=company.id,
                    channel=Channel.SMS,
                    address=f"+479100000{index}",
                    state=MessageState.DELIVERED if index < 3 else MessageState.QUEUED,
                    body="Hei",
                )
            )
            if index == 0:
                session.add(
                    Reply(
                        channel="sms",
                        sender="+4791000000",
                        text="JA",
                        company_id=company.id,
                        campaign_id=campaign.id,
                        intent=Intent.INTERESTED,
                    )
                )
                make_registration(session, company=company, trades=(1,), campaign_id=campaign.id)
        return campaign.id


def test_results_show_the_funnel_the_county_map_and_trades(admin_client: TestClient, db: Database) -> None:
    campaign_id = _campaign_with_activity(db)
    page = admin_client.get(f"/admin/results?campaign={campaign_id}&metric=targeted").text
    assert "<svg" in page and "Kartverket, CC BY 4.0" in page
    assert 'id="funnel-title"' in page and "Målgruppe" in page and "Ble lærebedrift" in page
    # Troms had three companies targeted: its shape is labelled 3 and the table says so too.
    assert "Troms: 3" in page
    assert "Interesserte bedrifter" in page


def test_companies_are_found_by_name_or_orgnr_and_show_their_history(
    admin_client: TestClient,
    db: Database,
) -> None:
    _campaign_with_activity(db)
    with db.session() as session:
        company = session.scalars(select(Company).where(Company.name == "Bedrift 0 AS")).one()
    assert "Bedrift 0 AS" in admin_client.get("/admin/companies?q=bedrift 0").text
    assert "Bedrift 0 AS" in admin_client.get(f"/admin/companies?q={company.orgnr[:5]}").text
    page = admin_client.get(f"/admin/companies/{company.orgnr}").text
    assert "Registrert interesse" in page and "Fra bedriften" in page and "JA" in page
    assert admin_client.get("/admin/companies/000000000").status_code == 404


def _unit(orgnr: str, name: str) -> dict[str, object]:
    return {"organisasjonsnummer": orgnr, "navn": name, "forretningsadresse": {"kommunenummer": "5501"}}


def test_a_register_file_is_imported_in_the_background_with_a_rejects_file(
    admin_client: TestClient,
    db: Database,
) -> None:
    units = [_unit("974760673", "Tromsø Bygg AS"), _unit("123456789", "Feil Nummer AS")]
    body = gzip.compress(json.dumps(units).encode())
    token = csrf_of(admin_client, "/admin/companies/import")
    response = admin_client.post(
        "/admin/companies/import",
        data={"csrf_token": token},
        files={"file": ("enheter.json.gz", body, "application/gzip")},
        follow_redirects=False,
    )
    assert response.status_code == 303
    job_url = response.headers["location"]
    for _ in range(100):
        fragment = admin_client.get(job_url + "/progress").text
        if "Importen er ferdig" in fragment:
            break
        time.sleep(0.05)
    assert "Importen er ferdig" in fragment and "Last ned avvisningsfilen" in fragment
    rejects = admin_client.get(job_url + "/rejects.csv").text
    assert "123456789" in rejects and "974760673" not in rejects
    with db.session() as session:
        assert session.scalar(select(Company.name).where(Company.orgnr == "974760673")) == "Tromsø Bygg AS"


def test_a_file_that_is_not_a_register_file_says_so_and_changes_nothing(
    admin_client: TestClient,
) -> None:
    token = csrf_of(admin_client, "/admin/companies/import")
    response = admin_client.post(
        "/admin/companies/import",
        data={"csrf_token": token},
        files={"file": ("x.json", b"<html></html>", "text/html")},
    )
    for _ in range(100):
        if "kunne ikke importeres" in response.text:
            break
        time.sleep(0.05)
        response = admin_client.get(str(response.url))
    assert "kunne ikke importeres" in response.text and "HTML" in response.text


def _question(db: Database, *, channel: str = "sms") -> int:
    with db.transaction() as session:
        company = make_company(session, county="55", name="Spørre Bygg AS")
        reply = Reply(
            channel=channel,
            sender="+4791111111",
            text="Hva koster det?",
            company_id=company.id,
            intent=Intent.FREE_TEXT,
        )
        session.add(reply)
        session.flush()
        return reply.id


def test_staff_answer_a_question_through_the_same_channel(admin_client: TestClient, db: Database) -> None:
    reply_id = _question(db)
    inbox = admin_client.get("/admin/inbox").text
    assert "Spørre Bygg AS" in inbox and "Hva koster det?" in inbox
    token = csrf_of(admin_client, "/admin/inbox")
    admin_client.post(
        f"/admin/inbox/{reply_id}/answer", data={"csrf_token": token, "text": "Det er gratis – ring oss!"}
    )
    with db.session() as session:
        answer = session.scalars(select(Message).where(Message.kind == MessageKind.CONVERSATION)).one()
        reply = session.get_one(Reply, reply_id)
    assert (answer.channel, answer.address, answer.priority, answer.state) == (
        Channel.SMS,
        "+4791111111",
        0,
        MessageState.QUEUED,
    )
    assert answer.body == "Det er gratis - ring oss!"  # typographic dash made GSM-7
    assert reply.handled_at is not None and reply.handled_by_id is not None
    assert "Spørre Bygg AS" not in admin_client.get("/admin/inbox").text


def test_a_question_can_be_marked_handled_without_an_answer(admin_client: TestClient, db: Database) -> None:
    reply_id = _question(db, channel="telegram")
    token = csrf_of(admin_client, "/admin/inbox")
    admin_client.post(f"/admin/inbox/{reply_id}/handled", data={"csrf_token": token})
    with db.session() as session:
        assert session.get_one(Reply, reply_id).handled_at is not None
        assert session.scalars(select(Message)).first() is None
    assert "Spørre Bygg AS" in admin_client.get("/admin/inbox?handled=1").text


def test_the_sandbox_shows_every_sandbox_message_as_a_thread(admin_client: TestClient, db: Database) -> None:
    with db.transaction() as session:
        company = make_company(session, county="55", name="Sandkasse Bygg AS")
        session.add(
            Message(
                company_id=company.id,
                channel=Channel.SMS,
                address="+4792222222",
                body="Hei fra kampanjen",
                provider="sandbox",
                state=MessageState.SENT,
                sent_at=utcnow(),
            )
        )
        session.add(
            Reply(
                channel="sms",
                sender="+4792222222",
                text="JA",
                company_id=company.id,
                intent=Intent.INTERESTED,
            )
        )
        session.add(
            Message(
                company_id=company.id,
                channel=Channel.SMS,
                address="+4792222222",
                body="Ikke sendt",
                state=MessageState.QUEUED,
            )
        )
        company_id = company.id
    page = admin_client.get("/admin/sandbox").text
    assert "Sandkasse Bygg AS" in page and "Hei fra kampanjen" in page and "Ikke sendt" not in page
    chat = admin_client.get(f"/admin/sandbox/thread?t=c{company_id}").text
    assert 'class="bubble out"' in chat and 'class="bubble in"' in chat


def test_notices_show_on_every_page_until_read(admin_client: TestClient, db: Database) -> None:
    with db.transaction() as session:
        notice = Notice(
            kind="campaign_paused", text="Kampanjen stoppet seg selv fordi 25 % av sendingene feilet."
        )
        session.add(notice)
        session.flush()
        notice_id = notice.id
    assert "stoppet seg selv" in admin_client.get("/admin/leads").text
    token = csrf_of(admin_client, "/admin/")
    admin_client.post(f"/admin/notices/{notice_id}/read", data={"csrf_token": token})
    assert "stoppet seg selv" not in admin_client.get("/admin/").text


def test_api_tokens_made_in_the_dashboard_are_shown_once(admin_client: TestClient, users) -> None:
    token = csrf_of(admin_client, "/admin/staff")
    shown = admin_client.post(f"/admin/staff/{users['staff']}/token", data={"csrf_token": token}).text
    assert "lpj_" in shown
    assert "lpj_" not in admin_client.get("/admin/staff").text


def test_every_page_renders_for_plain_staff(staff_client: TestClient, db: Database) -> None:
    _campaign_with_activity(db)
    for path in [
        "/admin/",
        "/admin/campaigns",
        "/admin/results",
        "/admin/inbox",
        "/admin/leads",
        "/admin/hunters",
        "/admin/companies",
        "/admin/companies/import",
        "/admin/sandbox",
    ]:
        response = staff_client.get(path)
        assert response.status_code == 200, path
        assert '<html lang="nb">' in response.text
