"""Dashboard pages beyond campaigns: leads, hunters, results, companies and import, inbox, sandbox, notices."""

from __future__ import annotations

import csv
import gzip
import io
import json
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import select

from store.db import Database
from store.models import Campaign
from store.models import CampaignState
from store.models import CampaignStep
from store.models import Channel
from store.models import Company
from store.models import Intent
from store.models import Lead
from store.models import LeadState
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import Notice
from store.models import Reply
from store.models import utcnow
from tests.dashboard_fixtures import STAFF_PAGES
from tests.dashboard_fixtures import csrf_of
from tests.dashboard_fixtures import finished_import
from tests.dashboard_fixtures import register_unit
from tests.dashboard_fixtures import start_import
from tests.lead_factories import add_contact
from tests.lead_factories import make_company
from tests.lead_factories import make_hunter
from tests.lead_factories import make_registration
from tests.outbox_factories import add_outreach


def _lead(
    db: Database, *, county: str = "55", trades: tuple[int, ...] = (1,), name: str | None = None
) -> int:
    from hunters.leads import create_lead

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


def _excel_rows(content: bytes) -> list[dict[str, str]]:
    """Reads a download as Norwegian Excel does: UTF-8 only with a BOM, cells split on `;`."""
    assert content.startswith("\ufeff".encode()), "no BOM: Excel would read æøå as Windows-1252"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


def test_leads_export_as_csv_with_the_same_filters(admin_client: TestClient, db: Database) -> None:
    _lead(db, county="55", name="Tromsø Rør AS")
    _lead(db, county="03", name="Oslo Maler AS")
    response = admin_client.get("/admin/leads.csv?county=03")
    assert response.headers["content-type"].startswith("text/csv")
    rows = _excel_rows(response.content)
    assert [r["Bedrift"] for r in rows] == ["Oslo Maler AS"]
    assert rows[0]["Status"] == "Ledig" and rows[0]["Fylke"].startswith("Oslo")
    assert "company" not in rows[0] and "state" not in rows[0]
    token = csrf_of(admin_client, "/admin/")
    admin_client.post("/admin/me/language", data={"language": "en", "csrf_token": token})
    english = _excel_rows(admin_client.get("/admin/leads.csv?county=03").content)
    assert [(r["Company"], r["County"][:4]) for r in english] == [("Oslo Maler AS", "Oslo")]
    assert english[0]["Status"] == "Open" and "Bedrift" not in english[0]
    admin_client.post(
        "/admin/me/language", data={"language": "nn", "csrf_token": csrf_of(admin_client, "/admin/")}
    )
    assert "Verksemd" in _excel_rows(admin_client.get("/admin/leads.csv?county=03").content)[0]


def test_the_leads_csv_of_the_cli_and_api_stays_for_machines(cli, db: Database) -> None:  # type: ignore[no-untyped-def]
    _lead(db, county="55", name="Tromsø Rør AS")
    result = cli("leads", "export", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["company"] == "Tromsø Rør AS"


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


def test_each_lead_can_move_to_the_approved_organisations_of_its_county(
    admin_client: TestClient, db: Database
) -> None:
    from store.models import HunterState

    lead_id = _lead(db, county="55")
    with db.transaction() as session:
        troms = make_hunter(session, counties=("55", "03"), all_trades=True, name="Troms og Oslo jeger")
        make_hunter(session, counties=("03",), all_trades=True, name="Bare Oslo jeger")
        make_hunter(session, counties=("55",), state=HunterState.PENDING, name="Ventende jeger")
        troms_id = troms.id
    page = admin_client.get("/admin/leads").text
    row = page[page.index(f"/admin/leads/{lead_id}/reassign") :]
    row = row[: row.index("</form>")]
    assert f'<option value="{troms_id}"' in row and "Troms og Oslo jeger" in row
    assert "Bare Oslo jeger" not in row and "Ventende jeger" not in row


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
            add_outreach(
                session,
                campaign=campaign,
                step=step,
                company=company,
                address=f"+479100000{index}",
                state=MessageState.DELIVERED if index < 3 else MessageState.QUEUED,
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


def test_the_results_funnel_is_the_sum_of_its_counties_and_the_campaign_funnel(db: Database) -> None:
    """The results page's one grouped pass (campaigns.results.funnels) counts as `funnel` and
    `funnel_by_county` did, a company without a county included in the total."""
    from campaigns.results import funnel
    from campaigns.results import funnels

    campaign_id = _campaign_with_activity(db)
    with db.transaction() as session:
        step_id = session.scalars(
            select(CampaignStep.id).where(CampaignStep.campaign_id == campaign_id)
        ).one()
        nowhere = make_company(session, county=None, name="Uten Fylke AS")
        session.add(
            Message(
                campaign_id=campaign_id, step_id=step_id, company_id=nowhere.id, channel=Channel.SMS,
                address="+4791000009", state=MessageState.DELIVERED, body="Hei",
            )
        )  # fmt: skip
    with db.session() as session:
        for chosen in (campaign_id, None):
            total, by_county = funnels(session, campaign_id=chosen)
            assert total == funnel(session, campaign_id=chosen)
            assert total.values["targeted"] == 5 and total.values["delivered"] == 4
            assert by_county["55"].values["targeted"] == 3 and by_county["03"].values["targeted"] == 1
            assert by_county["55"].values["interested"] == 1 and by_county["03"].values["interested"] == 0
            assert sum(f.values["targeted"] for f in by_county.values()) == 4  # the fifth has no county


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
    assert "Fra bedriften · SMS ·" in page and "Fra bedriften · sms" not in page
    assert "<dt>Kilde</dt><dd>Telegram ·" in page and "<dd>telegram" not in page
    assert admin_client.get("/admin/companies/000000000").status_code == 404


def test_the_company_page_names_opt_out_sources_in_norwegian(admin_client: TestClient, db: Database) -> None:
    from store.models import ContactKind
    from store.models import OptOut
    from tests.outbox_factories import make_recipient

    with db.transaction() as session:
        company, contact = make_recipient(session, name="Reservert Bygg AS")
        session.add(
            OptOut(
                kind=ContactKind.PHONE,
                address=contact.address,
                address_hash=contact.address_hash,
                source="provider",
            )
        )
        orgnr = company.orgnr
    page = admin_client.get(f"/admin/companies/{orgnr}").text
    assert "via leverandøren" in page and "via provider" not in page


def test_a_register_file_is_imported_in_the_background_with_a_rejects_file(
    admin_client: TestClient,
    db: Database,
) -> None:
    units = [register_unit("974760673", "Tromsø Bygg AS"), register_unit("123456789", "Feil Nummer AS")]
    body = gzip.compress(json.dumps(units).encode())
    job_url = start_import(admin_client, "enheter.json.gz", body, "application/gzip")
    fragment = finished_import(admin_client, job_url)
    assert "Importen er ferdig" in fragment and "Last ned avvisningsfilen" in fragment
    rejects = _excel_rows(admin_client.get(job_url + "/rejects.csv").content)
    assert [r["Orgnr"] for r in rejects] == ["123456789"]
    assert set(rejects[0]) == {"Rad", "Orgnr", "Nivå", "Årsak"}
    assert rejects[0]["Nivå"] == "feil (ikke importert)" and rejects[0]["Årsak"]
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
    fragment = finished_import(admin_client, str(response.url))  # the redirect led to the job's page
    assert "kunne ikke importeres" in fragment and "HTML" in fragment


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
    for path in STAFF_PAGES:
        response = staff_client.get(path)
        assert response.status_code == 200, path
        assert '<html lang="nb">' in response.text


def _sandbox_message(session, company_id: int, channel: Channel, address: str | None, **kw) -> None:  # type: ignore[no-untyped-def]
    session.add(
        Message(
            company_id=company_id,
            channel=channel,
            address=address,
            body=kw.pop("body", "Hei fra kampanjen. Svar JA"),
            provider="sandbox",
            state=MessageState.SENT,
            sent_at=utcnow() - timedelta(minutes=5),
            **kw,
        )
    )


def _post_reply(client: TestClient, key: str, text: str) -> object:
    token = csrf_of(client, f"/admin/sandbox?t={key}")
    return client.post("/admin/sandbox/reply", data={"csrf_token": token, "t": key, "text": text})


def test_staff_answer_as_the_company_in_an_sms_thread(admin_client: TestClient, db: Database) -> None:
    from tests.outbox_factories import make_recipient

    with db.transaction() as session:
        company, contact = make_recipient(session, name="Svarer Bygg AS")
        _sandbox_message(session, company.id, Channel.SMS, contact.address)
        key, mobile = f"c{company.id}", contact.address
    page = admin_client.get(f"/admin/sandbox?t={key}").text
    assert f"svarer fra {mobile} (SMS)" in page and 'aria-label="Svar som bedriften"' in page
    response = _post_reply(admin_client, key, "JA")
    assert response.status_code == 200  # type: ignore[attr-defined]
    with db.session() as session:
        reply = session.scalars(select(Reply)).one()
        answers = session.scalars(
            select(Message).where(Message.kind == MessageKind.CONVERSATION, Message.provider == "sandbox")
        ).all()
    assert (reply.sender, reply.channel, reply.intent, reply.company_id) == (
        mobile,
        "sms",
        Intent.INTERESTED,
        company.id,
    )
    assert answers and all(a.address == mobile and a.channel == Channel.SMS for a in answers)
    chat = admin_client.get(f"/admin/sandbox/thread?t={key}").text
    assert 'class="bubble in">JA' in chat and answers[0].body.split("\n")[0] in chat


def test_an_email_thread_is_answered_by_sms_from_the_company_mobile(
    admin_client: TestClient, db: Database
) -> None:
    from store.models import ContactKind
    from tests.outbox_factories import make_recipient

    with db.transaction() as session:
        company, email = make_recipient(session, kind=ContactKind.EMAIL, name="Epost Bygg AS")
        mobile = "+4791555111"
        add_contact(session, company, ContactKind.PHONE, mobile)
        _sandbox_message(session, company.id, Channel.EMAIL, email.address, subject="Lærlinger?")
        key = f"c{company.id}"
    page = admin_client.get(f"/admin/sandbox?t={key}").text
    assert "Bedriften fikk e-post, som ikke kan besvares i sandkassen" in page
    assert f"SMS fra mobilnummeret {mobile}" in page
    admin_client.post(
        "/admin/me/language", data={"language": "en", "csrf_token": csrf_of(admin_client, "/admin/")}
    )
    english = admin_client.get(f"/admin/sandbox?t={key}").text
    assert (
        f"The company got an e-mail, which cannot be answered in the sandbox. Your answer comes as an SMS from the mobile number {mobile}"
        in english
    )
    assert "Svaret kunne ikke sendes" not in _post_reply(admin_client, key, "JA").text  # type: ignore[attr-defined]
    with db.session() as session:
        reply = session.scalars(select(Reply)).one()
    assert (reply.sender, reply.channel, reply.company_id) == (mobile, "sms", company.id)


def test_a_company_with_neither_mobile_nor_telegram_says_it_cannot_be_answered(
    admin_client: TestClient, db: Database
) -> None:
    from store.models import ContactKind
    from tests.outbox_factories import make_recipient

    with db.transaction() as session:
        company, email = make_recipient(session, kind=ContactKind.EMAIL, name="Bare Epost AS")
        _sandbox_message(session, company.id, Channel.EMAIL, email.address)
        key = f"c{company.id}"
    page = admin_client.get(f"/admin/sandbox?t={key}").text
    assert "har verken mobilnummer eller Telegram" in page and 'aria-label="Svar som bedriften"' not in page
    refused = _post_reply(admin_client, key, "JA").text  # type: ignore[attr-defined]
    assert "har verken mobilnummer eller Telegram" in refused
    with db.session() as session:
        assert session.scalars(select(Reply)).first() is None


def test_telegram_buttons_in_the_sandbox_are_tapped_through_the_bot(
    admin_client: TestClient, db: Database
) -> None:
    """A registration on Telegram as far as the yes/no question, answered with the button, not by typing."""
    from bot.telegram_chat import link_chat

    chat_id = "7000012345"
    with db.transaction() as session:
        company = make_company(session, county="55", name="Knapp Bygg AS")
        link_chat(session, company=company, chat_id=chat_id)
        _sandbox_message(session, company.id, Channel.TELEGRAM, chat_id)
        key = f"c{company.id}"
    assert f"svarer fra {chat_id} (Telegram)" in admin_client.get(f"/admin/sandbox?t={key}").text
    for text in ("JA", "Kari Nordmann", "tømrer", "2"):
        _post_reply(admin_client, key, text)
    with db.session() as session:
        asked = session.scalars(
            select(Message)
            .where(Message.address == chat_id, Message.provider == "sandbox")
            .order_by(Message.id.desc())
        ).first()
    assert asked is not None and asked.extra and asked.extra["buttons"], "the adult question has buttons"
    yes = next(b for row in asked.extra["buttons"] for b in row if b["callback_data"] == "ja")
    chat = admin_client.get(f"/admin/sandbox/thread?t={key}").text
    assert f'name="message_id" value="{asked.id}"' in chat and f">{yes['text']}</button>" in chat
    token = csrf_of(admin_client, f"/admin/sandbox?t={key}")
    forged = admin_client.post(
        "/admin/sandbox/press",
        data={"csrf_token": token, "t": key, "message_id": str(asked.id), "data": "privacy:erase"},
    )
    assert "finnes ikke lenger" in forged.text
    admin_client.post(
        "/admin/sandbox/press",
        data={"csrf_token": token, "t": key, "message_id": str(asked.id), "data": "ja"},
    )
    from store.models import Registration

    with db.session() as session:
        registration = session.scalars(
            select(Registration).where(Registration.company_id == company.id)
        ).one()
        tapped = session.scalars(
            select(Reply).where(Reply.sender == chat_id).order_by(Reply.id.desc())
        ).first()
        after = session.scalars(
            select(Message).where(Message.address == chat_id, Message.id > asked.id).order_by(Message.id)
        ).all()
    assert registration.adult_apprentices is True  # the tap answered the question
    assert tapped is not None and tapped.text == "ja" and tapped.channel == "telegram"
    assert after and after[0].provider == "sandbox" and after[0].channel == Channel.TELEGRAM


def test_unknown_things_get_norwegian_error_pages(admin_client: TestClient, db: Database) -> None:
    missing = admin_client.get("/admin/campaigns/999")
    assert missing.status_code == 404 and "Fant ingen kampanje med det nummeret." in missing.text
    assert admin_client.get("/admin/campaigns/999/progress").status_code == 404
    with db.transaction() as session:
        campaign = Campaign(name="Feilside", definition={"audience": {"counties": ["55"]}})
        session.add(campaign)
        session.flush()
        session.add(
            CampaignStep(
                campaign=campaign, position=0, name="sms", channel=Channel.SMS, template="sms/invitasjon"
            )
        )
        campaign_id = campaign.id
    bad_step = admin_client.get(f"/admin/campaigns/{campaign_id}/preview?step=nope")
    assert bad_step.status_code == 400 and "ikke noe steg som heter «nope»" in bad_step.text
    bad_orgnr = admin_client.get(f"/admin/campaigns/{campaign_id}/preview?orgnr=abc")
    assert bad_orgnr.status_code == 400 and "er ikke et organisasjonsnummer" in bad_orgnr.text
    token = csrf_of(admin_client, "/admin/staff")
    no_user = admin_client.post("/admin/staff/999/token", data={"csrf_token": token})
    assert no_user.status_code == 404 and "Fant ingen bruker med det nummeret." in no_user.text
    assert admin_client.post("/admin/staff/999/unlock", data={"csrf_token": token}).status_code == 404
    nowhere = admin_client.get("/admin/finnes-ikke")
    assert nowhere.status_code == 404 and "Denne siden finnes ikke" in nowhere.text
    for response in (missing, bad_step, no_user, nowhere):
        assert "Internal Server Error" not in response.text and '<html lang="nb">' in response.text


def test_an_unexpected_error_is_logged_and_shown_as_a_norwegian_page(
    app, db: Database, users, caplog
) -> None:  # type: ignore[no-untyped-def]
    from tests.dashboard_fixtures import ADMIN_EMAIL
    from tests.dashboard_fixtures import log_in

    @app.get("/admin/eksplosjon")
    def explode() -> None:  # a page whose code has a bug
        raise RuntimeError("bug in a dashboard page")

    with TestClient(app, raise_server_exceptions=False) as browser:
        log_in(browser, ADMIN_EMAIL)
        with caplog.at_level("ERROR"):
            response = browser.get("/admin/eksplosjon")
        api = browser.get("/api/leads", headers={"Authorization": "Bearer lpj_x"})
    assert response.status_code == 500
    assert "Noe gikk galt" in response.text and "feilen er logget" in response.text
    assert "Internal Server Error" not in response.text
    assert any("bug in a dashboard page" in str(r.exc_info) for r in caplog.records if r.exc_info)
    assert api.status_code == 401  # the API keeps its JSON
