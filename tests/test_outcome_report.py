"""The outcome report (PRODUCT §11): per trade × county, what a campaign reached and what came of it; XLSX with
a sheet per breakdown and typed cells, CSV of the trade × county table, the old delivery report unchanged."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import openpyxl
from sqlalchemy import select
from sqlalchemy.orm import Session

from reports.outcomes import NO_TRADE
from reports.outcomes import outcome_report
from reports.outcomes import trades_of_nace
from store.models import Channel
from store.models import Company
from store.models import Intent
from store.models import Lead
from store.models import LeadState
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import Registration
from store.models import RegistrationSource
from store.models import Reply
from store.models import Trade
from store.models import utcnow
from tests.outbox_factories import make_campaign
from tests.outbox_factories import make_recipient


def trade_id(session: Session, name: str) -> int:
    found = session.scalar(select(Trade.id).where(Trade.name == name))
    assert found is not None
    return found


def reached(
    session: Session, campaign_id: int, step_id: int, company: Company, *, state: MessageState
) -> None:
    session.add(
        Message(
            kind=MessageKind.OUTREACH,
            campaign_id=campaign_id,
            step_id=step_id,
            company_id=company.id,
            channel=Channel.SMS,
            address="+4790000000",
            body="Hei",
            state=state,
            provider="twilio",
            sent_at=utcnow() if state is not MessageState.QUEUED else None,
        )
    )


def registered(
    session: Session,
    campaign_id: int,
    company: Company,
    trades: list[int],
    *,
    lead: LeadState | None,
    **kw: Any,
) -> None:
    registration = Registration(
        company_id=company.id,
        campaign_id=campaign_id,
        source=RegistrationSource.SMS,
        completed_at=utcnow(),
        consent=True,
        **kw,
    )
    registration.trades = [session.get_one(Trade, t) for t in trades]
    session.add(registration)
    session.flush()
    if lead is not None:
        session.add(
            Lead(
                registration_id=registration.id,
                company_id=company.id,
                county_number=company.county_number,
                state=lead,
            )
        )


def scenario(session: Session) -> int:
    """Four companies in Østfold (31) and one in Troms (55):
    - a (NACE 25.62, production technique): delivered, said JA, registered 2 places (1 adult) for production
      technique, lead became a training company;
    - b (NACE 41.20, carpentry): delivered, replied NEI;
    - c (NACE 25.11): message failed;
    - d (NACE 99.00, no trade): delivered, no answer;
    - e in Troms (NACE 43.21, electrician): delivered, registered 3 places for electrician, lead claimed."""
    campaign, step = make_campaign(session)
    a = make_recipient(session, county_number="31", municipality_number="3107", nace_code="25.62")[0]
    b = make_recipient(session, county_number="31", municipality_number="3107", nace_code="41.20")[0]
    c = make_recipient(session, county_number="31", municipality_number="3105", nace_code="25.11")[0]
    d = make_recipient(session, county_number="31", municipality_number="3107", nace_code="99.00")[0]
    e = make_recipient(session, county_number="55", municipality_number="5501", nace_code="43.21")[0]
    for company in (a, b, d, e):
        reached(session, campaign.id, step.id, company, state=MessageState.DELIVERED)
    reached(session, campaign.id, step.id, c, state=MessageState.FAILED)
    session.add_all(
        [
            Reply(
                channel="sms",
                sender="+4790000000",
                text="JA",
                company_id=a.id,
                campaign_id=campaign.id,
                intent=Intent.INTERESTED,
            ),
            Reply(
                channel="sms",
                sender="+4790000001",
                text="NEI",
                company_id=b.id,
                campaign_id=campaign.id,
                intent=Intent.DECLINED,
            ),
        ]
    )
    prt = trade_id(session, "Produksjonsteknikkfaget")
    registered(
        session, campaign.id, a, [prt], lead=LeadState.BECAME_TRAINING_COMPANY, places=2, adult_places=1
    )
    registered(
        session, campaign.id, e, [trade_id(session, "Elektrikerfaget")], lead=LeadState.CLAIMED, places=3
    )
    session.flush()
    return campaign.id


def test_each_company_counts_under_its_registered_trades_else_its_nace_trades(session: Session) -> None:
    campaign_id = scenario(session)
    report = outcome_report(session, campaign_id=campaign_id)
    prt = report.by_trade_county[("Produksjonsteknikkfaget", "31")]
    # a (registered) and c (NACE 25, failed): audience 2, reached 1.
    assert prt.values() == [2, 1, 1, 1, 1, 2, 1, 1, 1]  # a lead that became one was claimed
    carpentry = report.by_trade_county[("Tømrerfaget", "31")]
    assert carpentry.values() == [1, 1, 1, 0, 0, 0, 0, 0, 0]
    assert report.by_trade_county[(NO_TRADE, "31")].values() == [1, 1, 0, 0, 0, 0, 0, 0, 0]
    assert report.by_trade_county[("Elektrikerfaget", "55")].values() == [1, 1, 0, 1, 1, 3, 0, 1, 0]
    assert report.by_county["31"].values() == [4, 3, 2, 1, 1, 2, 1, 1, 1]
    assert report.total.values() == [5, 4, 2, 2, 2, 5, 1, 2, 1]
    assert not report.local and report.by_trade_municipality == {}


def test_nace_codes_map_to_trades_at_any_depth() -> None:
    assert "Produksjonsteknikkfaget" in trades_of_nace("25.62")
    assert trades_of_nace("43.21", ("Elektrikerfaget",)) == ("Elektrikerfaget",)
    assert trades_of_nace("43.21", ("Produksjonsteknikkfaget",)) == ()
    assert trades_of_nace(None) == ()


def test_cli_writes_the_workbook_with_a_sheet_per_breakdown_and_typed_cells(
    session: Session, cli: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    campaign_id = scenario(session)
    session.commit()
    monkeypatch.chdir(tmp_path)
    result = cli("campaign", "report", str(campaign_id), "--outcomes", "--format", "xlsx")
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(tmp_path / f"kampanje-{campaign_id}-resultater.xlsx")
    assert book.sheetnames == ["Fag og fylke", "Fylke", "Fag", "Totalt"]
    sheet = book["Fag og fylke"]
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["Fag", "Fylke", "Fylkesnr.", "Målgruppe", "Nådd"]
    rows = {(r[0], r[2]): r for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows[("Produksjonsteknikkfaget", "31")][3:] == (2, 1, 1, 1, 1, 2, 1, 1, 1)
    assert isinstance(rows[("Produksjonsteknikkfaget", "31")][3], int)
    assert [c.value for c in book["Totalt"][2]][1:] == [5, 4, 2, 2, 2, 5, 1, 2, 1]


def test_cli_prints_the_trade_county_table_as_csv_and_keeps_the_delivery_report(
    session: Session, cli: Any
) -> None:
    campaign_id = scenario(session)
    # A company name is outside input; the report shows no names, but a trade or county never starts a formula.
    session.commit()
    result = cli("campaign", "report", str(campaign_id), "--outcomes", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:4] == ["Fag", "Fylke", "Fylkesnr.", "Målgruppe"]
    assert [
        "Elektrikerfaget",
        "Troms - Romsa - Tromssa",
        "55",
        "1",
        "1",
        "0",
        "1",
        "1",
        "3",
        "0",
        "1",
        "0",
    ] in rows
    delivery = cli("campaign", "report", str(campaign_id))
    assert delivery.stdout.splitlines()[0].startswith("message_id,step,orgnr")
    assert cli("campaign", "report", "999", "--outcomes").exit_code == 2


def test_a_local_campaign_breaks_counties_down_into_municipalities(session: Session) -> None:
    campaign_id = scenario(session)
    from campaigns.definition_model import definition_of
    from campaigns.definition_model import set_definition
    from store.models import Campaign

    campaign = session.get_one(Campaign, campaign_id)
    definition = definition_of(campaign)
    set_definition(
        campaign,
        definition.model_copy(
            update={"audience": definition.audience.model_copy(update={"municipalities": ("3107",)})}
        ),
    )
    session.flush()
    report = outcome_report(session, campaign_id=campaign_id)
    assert report.local
    assert report.by_trade_municipality[("Produksjonsteknikkfaget", "31", "3107")].audience == 1
    assert report.by_trade_municipality[("Produksjonsteknikkfaget", "31", "3105")].audience == 1
    assert report.municipality_names["3107"] == "Fredrikstad"


def test_weekly_the_county_officers_get_the_report_once_with_the_workbook_attached(
    session: Session, settings: Any, smtp_server: Any
) -> None:
    import asyncio
    import base64
    from datetime import UTC
    from datetime import datetime

    from campaigns.definition_model import definition_of
    from campaigns.definition_model import set_definition
    from channels.base import OutgoingMessage
    from channels.email import SmtpEmail
    from reports.outcome_mail import send_weekly_reports
    from staff.accounts import add_staff
    from store.models import Campaign
    from store.models import Channel
    from store.models import StaffRole

    campaign_id = scenario(session)
    campaign = session.get_one(Campaign, campaign_id)
    add_staff(session, email="ostfold@example.no", role=StaffRole.STAFF, password="x" * 12, counties=["31"])
    add_staff(session, email="agder@example.no", role=StaffRole.STAFF, password="x" * 12, counties=["42"])
    monday = datetime(2027, 2, 8, 6, 0, tzinfo=UTC)
    assert send_weekly_reports(session, now=monday, settings=settings) == 0  # not asked for
    set_definition(campaign, definition_of(campaign).model_copy(update={"report_email": "weekly"}))
    assert send_weekly_reports(session, now=monday, settings=settings) == 1
    assert (
        send_weekly_reports(session, now=monday, settings=settings) == 0
    )  # a second run sends nothing twice
    [queued] = session.scalars(select(Message).where(Message.kind == MessageKind.NOTIFICATION)).all()
    assert (
        queued.address == "ostfold@example.no" and queued.subject == f"Resultater uke 6 2027: {campaign.name}"
    )
    assert "Ble lærebedrift: 1" in (queued.body or "")
    mail = SmtpEmail(
        settings.model_copy(update={"smtp_url": smtp_server.url, "mail_from": "jeger@example.no"})
    )
    sent = asyncio.run(
        mail.send(
            OutgoingMessage(
                message_id=queued.id,
                channel=Channel.EMAIL,
                address=queued.address,
                body=queued.body or "",
                subject=queued.subject,
                extra=queued.extra or {},
            )
        )
    )
    assert sent.__class__.__name__ == "Sent"
    [received] = smtp_server.wait_for(1)
    [attached] = list(received.iter_attachments())
    assert attached.get_filename() == f"kampanje-{campaign_id}-resultater.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(attached.get_content()))
    assert book.sheetnames[0] == "Fag og fylke"
    assert base64.b64decode((queued.extra or {})["file"]["base64"]) == attached.get_content()


def test_weekly_each_officer_reads_the_report_in_their_language_once(session: Session, settings: Any) -> None:
    from datetime import UTC
    from datetime import datetime

    from campaigns.definition_model import definition_of
    from campaigns.definition_model import set_definition
    from reports.outcome_mail import send_weekly_reports
    from staff.accounts import add_staff
    from store.models import Campaign
    from store.models import StaffRole

    campaign = session.get_one(Campaign, scenario(session))
    set_definition(campaign, definition_of(campaign).model_copy(update={"report_email": "weekly"}))
    for email, language in (("en@example.no", "en"), ("nn@example.no", "nn")):
        add_staff(
            session, email=email, role=StaffRole.STAFF, password="x" * 12, counties=["31"], language=language
        )
    monday = datetime(2027, 2, 8, 6, 0, tzinfo=UTC)
    assert send_weekly_reports(session, now=monday, settings=settings) == 2
    assert send_weekly_reports(session, now=monday, settings=settings) == 0  # once, whatever the language
    queued = {
        m.address: m for m in session.scalars(select(Message).where(Message.kind == MessageKind.NOTIFICATION))
    }
    english, nynorsk = queued["en@example.no"], queued["nn@example.no"]
    assert english.subject == f"Results week 6 2027: {campaign.name}" and english.language == "en"
    assert nynorsk.subject == f"Resultat veke 6 2027: {campaign.name}" and nynorsk.language == "nn"
    assert (english.body or "").startswith("Hello,\n\nHere are the results of the campaign")


def test_report_email_accepts_weekly_only() -> None:
    from campaigns.definition import DefinitionError
    from campaigns.definition import parse_definition

    source = 'name = "X"\nreport_email = "daily"\n[[steps]]\nchannel = "sms"\ntemplate = "sms/invitasjon"\nat = "2027-06-07T09:00"\n'
    try:
        parse_definition(source, filename="x.toml", counties={"31"})
    except DefinitionError as exc:
        assert (
            str(exc)
            == 'x.toml:2: report_email: «daily» er ikke et av weekly (f.eks. report_email = "weekly")'
        )
    else:
        raise AssertionError("report_email = daily was accepted")
    weekly = parse_definition(source.replace("daily", "weekly"), filename="x.toml", counties={"31"})
    assert weekly.report_email == "weekly"
