"""Why queued messages wait and until when (issue 15, item 4), times in Oslo (item 5), one source for the
campaign page's numbers and the printed letter before launch (item 6): through the domain, the CLI and the
dashboard, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import io
import json
import re
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fastapi.testclient import TestClient
from pypdf import PdfReader
from sqlalchemy import select

from campaigns.dispatch.claim import claim_batch
from campaigns.dispatch.dispatcher import Dispatcher
from campaigns.lifecycle import create_campaign
from campaigns.lifecycle import launch_campaign
from campaigns.lifecycle import resume_campaign
from campaigns.outbox import materialise_step
from campaigns.waits import waiting
from campaigns.windows import ALWAYS_OPEN_TABLE
from campaigns.windows import DEFAULT_WINDOW
from catalogue import when_text
from demo.simulator import demo_campaign_toml
from demo.simulator import seed_companies
from settings import Settings
from store.db import Database
from store.models import CampaignState
from store.models import Company
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import WaitReason
from store.models import utcnow
from store.secrets import AddressHasher
from store.times import iso_oslo
from store.times import shown_time
from tests.conftest import RunCli
from tests.outbox_factories import make_campaign
from tests.outbox_factories import make_recipient
from tests.outbox_factories import queue_messages

OSLO = ZoneInfo("Europe/Oslo")
SATURDAY = datetime(2027, 6, 12, 10, 30, tzinfo=OSLO)  # 14 June 2027 is a Monday
FRIDAY = datetime(2027, 6, 11, 10, 0, tzinfo=OSLO)
MONDAY_NINE = datetime(2027, 6, 14, 9, 0, tzinfo=OSLO)
OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$")


def _rows(db: Database) -> list[Message]:
    with db.session() as session:
        return list(session.scalars(select(Message).order_by(Message.id)))


def _step_with_recipients(db: Database, count: int = 4) -> tuple[int, int]:
    """A running campaign with the default window (weekdays 09:00–16:00, no holidays) and an SMS audience."""
    with db.transaction() as session:
        campaign, step = make_campaign(session, window=dict(DEFAULT_WINDOW))
        campaign.definition = {**campaign.definition, "audience": {"counties": ["55"]}}
        for _ in range(count):
            make_recipient(session)
        return campaign.id, step.id


def test_a_step_materialised_on_a_saturday_waits_for_monday_nine(db: Database, settings: Settings) -> None:
    campaign_id, step_id = _step_with_recipients(db)
    with db.transaction() as session:
        materialise_step(session, step_id=step_id, settings=settings, now=SATURDAY)
    rows = _rows(db)
    assert len(rows) == 4
    assert {(m.wait_reason, m.due_at) for m in rows} == {(WaitReason.SEND_DAY, MONDAY_NINE)}
    with db.session() as session:
        groups = waiting(session, campaign_id=campaign_id, now=SATURDAY)
    assert [(g.reason, g.count, g.until) for g in groups] == [("send_day", 4, MONDAY_NINE)]
    assert groups[0].text == "4 venter fordi det ikke er sendedag — sendes mandag 09:00"
    with db.session() as session:
        [nynorsk] = waiting(session, campaign_id=campaign_id, now=SATURDAY, language="nn")
        [english] = waiting(session, campaign_id=campaign_id, now=SATURDAY, language="en")
    assert nynorsk.text == "4 ventar fordi det ikkje er sendedag — blir sende måndag 09:00"
    assert english.text == "4 wait because it is not a sending day — sent Monday 09:00"
    assert groups[0].as_dict()["until"] == "2027-06-14T09:00:00+02:00"


@pytest.mark.parametrize(
    ("at", "reason", "due"),
    [
        (
            datetime(2027, 6, 10, 18, 0, tzinfo=OSLO),
            WaitReason.WINDOW,
            datetime(2027, 6, 11, 9, 0, tzinfo=OSLO),
        ),
        # Kristi himmelfartsdag (a Thursday): the next opening is Friday morning.
        (
            datetime(2027, 5, 6, 10, 0, tzinfo=OSLO),
            WaitReason.HOLIDAY,
            datetime(2027, 5, 7, 9, 0, tzinfo=OSLO),
        ),
        (datetime(2027, 6, 10, 10, 0, tzinfo=OSLO), None, datetime(2027, 6, 10, 10, 0, tzinfo=OSLO)),
    ],
)
def test_a_step_materialised_in_the_evening_or_on_a_holiday_says_so(
    db: Database, settings: Settings, at: datetime, reason: WaitReason | None, due: datetime
) -> None:
    _campaign_id, step_id = _step_with_recipients(db, count=2)
    with db.transaction() as session:
        materialise_step(session, step_id=step_id, settings=settings, now=at)
    assert {(m.wait_reason, m.due_at) for m in _rows(db)} == {(reason, due)}


def test_a_company_messaged_today_waits_for_the_daily_cap_until_the_next_send_day(
    db: Database, settings: Settings
) -> None:
    now = FRIDAY.astimezone(ZoneInfo("UTC"))
    with db.transaction() as session:
        campaign, step = make_campaign(session, window=dict(DEFAULT_WINDOW))
        _other, other_step = make_campaign(session, window=dict(DEFAULT_WINDOW))
        [earlier] = queue_messages(session, campaign=campaign, step=other_step, count=1)
        earlier.campaign_id = _other.id
        earlier.state, earlier.last_attempt_at = MessageState.SENT, now - timedelta(minutes=30)
        [held] = queue_messages(
            session, campaign=campaign, step=step, count=1, due_at=now - timedelta(minutes=1)
        )
        held.company_id, held.contact_id, held.address = (
            earlier.company_id,
            earlier.contact_id,
            earlier.address,
        )
    with db.transaction() as session:
        report = claim_batch(session, now=now, limit=10, hasher=AddressHasher.load(session), max_per_day=1)
    assert report.deferred == 1 and not report.claimed
    with db.session() as session:
        row = session.get_one(Message, held.id)
        assert (row.state, row.wait_reason, row.due_at) == (
            MessageState.QUEUED,
            WaitReason.DAILY_CAP,
            MONDAY_NINE,
        )
        groups = waiting(session, campaign_id=campaign.id, now=now, max_per_day=1)
    assert [g.text for g in groups] == ["1 venter på grensen én melding per dag — sendes mandag 09:00"]


def test_a_paused_campaign_holds_its_queue_and_resuming_lets_it_go(db: Database, settings: Settings) -> None:
    now = utcnow()
    with db.transaction() as session:
        campaign, step = make_campaign(session, state=CampaignState.PAUSED)
        queue_messages(session, campaign=campaign, step=step, count=3)
    with db.transaction() as session:
        report = claim_batch(session, now=now, limit=10, hasher=AddressHasher.load(session))
    assert report.paused == 3
    assert {m.wait_reason for m in _rows(db)} == {WaitReason.PAUSED}
    with db.session() as session:
        [group] = waiting(session, campaign_id=campaign.id, now=now)
    assert (group.reason, group.count, group.until) == ("paused", 3, None)
    assert group.text == "3 venter fordi kampanjen er satt på pause — sendes når den fortsetter"
    with db.transaction() as session:
        resume_campaign(session, campaign_id=campaign.id, settings=settings, now=now)
    assert {m.wait_reason for m in _rows(db)} == {None}
    with db.session() as session:
        assert [g.text for g in waiting(session, campaign_id=campaign.id, now=now)] == ["3 sendes nå"]


def test_a_big_due_backlog_waits_for_the_rate_and_says_when_it_is_done(db: Database) -> None:
    with db.transaction() as session:
        campaign, step = make_campaign(session, rate={"sms": 1})
        queue_messages(session, campaign=campaign, step=step, count=120)
    now = utcnow()
    with db.session() as session:
        [group] = waiting(session, campaign_id=campaign.id, now=now)
    assert (group.reason, group.count, group.until) == ("rate", 120, now + timedelta(seconds=120))
    assert group.text.startswith("120 SMS venter på sendefarten (1 per sekund) — alle sendt ca. i dag ")
    with db.session() as session:
        [english] = waiting(session, campaign_id=campaign.id, now=now, language="en")
    assert english.text.startswith("120 SMS wait for the send rate (1 a second) — all sent about today ")


def test_a_closed_window_at_claim_time_and_a_provider_retry_record_their_reason(db: Database) -> None:
    now = SATURDAY.astimezone(ZoneInfo("UTC"))
    with db.transaction() as session:
        campaign, step = make_campaign(session, window=dict(DEFAULT_WINDOW))
        queue_messages(session, campaign=campaign, step=step, count=2, due_at=now - timedelta(hours=1))
    with db.transaction() as session:
        report = claim_batch(session, now=now, limit=10, hasher=AddressHasher.load(session))
    assert report.deferred == 2
    assert {(m.wait_reason, m.due_at) for m in _rows(db)} == {(WaitReason.SEND_DAY, MONDAY_NINE)}


def _launched(db: Database, settings: Settings, *, window_open: bool = True) -> int:
    seed_companies(db, count=40, seed=3)
    toml = demo_campaign_toml(
        utcnow() - timedelta(minutes=1), name="Vent og se", counties=("18", "55", "56", "50")
    )
    with db.transaction() as session:
        campaign = create_campaign(session, source=toml, filename="vent.toml", settings=settings).campaign
        launch_campaign(session, campaign_id=campaign.id, settings=settings)
        materialise_step(session, step_id=campaign.steps[0].id, settings=settings)
        campaign.state = CampaignState.RUNNING
        return campaign.id


def _cap_one(db: Database, campaign_id: int) -> int:
    """Marks every company of the campaign as messaged today by another campaign, so the claim holds all."""
    now = utcnow()
    with db.transaction() as session:
        other, other_step = make_campaign(session)
        rows = session.scalars(select(Message).where(Message.campaign_id == campaign_id)).all()
        for m in rows:
            session.add(
                Message(
                    kind=MessageKind.OUTREACH, campaign_id=other.id, step_id=other_step.id, company_id=m.company_id,
                    channel=m.channel, address=m.address, body="x", state=MessageState.SENT,
                    last_attempt_at=now - timedelta(seconds=5), due_at=now, sent_at=now,
                )
            )  # fmt: skip
        session.flush()
        claim_batch(session, now=now, limit=1000, hasher=AddressHasher.load(session), max_per_day=1)
        return len(rows)


def test_campaign_status_shows_the_grouped_wait_and_json_times_carry_the_oslo_offset(
    db: Database, settings: Settings, cli: RunCli
) -> None:
    campaign_id = _launched(db, settings)
    held = _cap_one(db, campaign_id)
    with db.session() as session:
        [row] = session.execute(
            select(Message.due_at).where(Message.campaign_id == campaign_id).distinct()
        ).all()
    line = f"{held} venter på grensen én melding per dag — sendes {when_text(row[0], now=utcnow())}"
    shown = cli("campaign", "status", str(campaign_id))
    assert shown.exit_code == 0, shown.output
    assert "I kø (tider i norsk tid):" in shown.stdout and line in shown.stdout
    as_json = cli("campaign", "status", str(campaign_id), "--json")
    data = json.loads(as_json.stdout)
    [group] = data["waiting"]
    assert (group["reason"], group["count"], group["text"]) == ("daily_cap", held, line)
    assert OFFSET.match(group["until"]) and OFFSET.match(data["steps"][0]["scheduled_for"])
    assert datetime.fromisoformat(group["until"]) == row[0]
    listed = json.loads(cli("campaign", "list", "--json").stdout)
    assert all(OFFSET.match(c["created_at"]) for c in listed)
    report = json.loads(cli("campaign", "report", str(campaign_id), "--format", "json").stdout)
    queued = [r for r in report if r["state"] == "queued"]
    assert {(r["wait_reason"], r["due_at"]) for r in queued} == {("daily_cap", iso_oslo(row[0]))}


def test_the_campaign_page_and_the_report_show_the_same_grouped_line(
    admin_client: TestClient, db: Database, settings: Settings
) -> None:
    campaign_id = _launched(db, settings)
    held = _cap_one(db, campaign_id)
    expected = f"{held} venter på grensen én melding per dag — sendes "
    page = admin_client.get(f"/admin/campaigns/{campaign_id}").text
    report = admin_client.get(f"/admin/campaigns/{campaign_id}/report").text
    for html in (page, report):
        assert "Hvorfor meldinger i kø venter" in html
        assert re.search(rf'<li data-wait="daily_cap">{expected}(i dag|i morgen|\w+dag) \d\d:\d\d</li>', html)
    assert "Grensen per dag" in report  # the row's own column
    assert "norsk tid" in page


def _delivered_cells(html: str) -> tuple[int, int]:
    """(the progress table's "Levert" for the first step, the funnel's "Levert")."""
    table = int(re.search(r'data-state="delivered">([\d\xa0 ]+)<', html).group(1).replace("\xa0", ""))  # type: ignore[union-attr]
    funnel = int(re.search(r"<dt>Levert</dt><dd[^>]*>([\d\xa0 ]+)</dd>", html).group(1).replace("\xa0", ""))  # type: ignore[union-attr]
    return table, funnel


def test_the_progress_table_and_the_funnel_count_delivered_alike(
    admin_client: TestClient, db: Database, settings: Settings
) -> None:
    campaign_id = _launched(db, settings)
    asyncio.run(Dispatcher(settings=settings, db=db, poll_interval=0.05).drain(timeout=60))
    with db.session() as session:
        sent = session.scalars(
            select(Message).where(Message.campaign_id == campaign_id, Message.state == MessageState.SENT)
        ).all()
    assert sent and all(m.provider == "sandbox" for m in sent)  # no receipt will ever come
    table, funnel = _delivered_cells(admin_client.get(f"/admin/campaigns/{campaign_id}").text)
    assert table == funnel == len(sent)
    progress = admin_client.get(f"/admin/campaigns/{campaign_id}/progress").text
    assert f'data-state="delivered">{len(sent)}<' in progress.replace("\xa0", "")


LETTER_TOML = f"""name = "Brev før start"
language = "nb"

{ALWAYS_OPEN_TABLE}
[audience]
counties = ["18", "55", "56", "50"]

[[steps]]
name = "brev"
channel = "letter"
template = "letters/invitasjon"
at = "2099-06-07T09:00"
"""


def _letter_campaign(db: Database, settings: Settings) -> tuple[int, list[Company]]:
    seed_companies(db, count=20, seed=3)
    with db.transaction() as session:
        campaign = create_campaign(
            session, source=LETTER_TOML, filename="brev.toml", settings=settings
        ).campaign
        companies = list(
            session.scalars(select(Company).where(Company.county_number.in_(["18", "55", "56", "50"])))
        )
        return campaign.id, companies


def _pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_printed_letter_is_a_pdf_on_the_campaign_and_preview_pages(
    admin_client: TestClient, db: Database, settings: Settings
) -> None:
    campaign_id, companies = _letter_campaign(db, settings)
    page = admin_client.get(f"/admin/campaigns/{campaign_id}").text
    assert f'href="/admin/campaigns/{campaign_id}/letter.pdf"' in page
    preview = admin_client.get(f"/admin/campaigns/{campaign_id}/preview").text
    assert f"/admin/campaigns/{campaign_id}/letter.pdf?step=brev" in preview
    chosen = companies[-1]
    response = admin_client.get(f"/admin/campaigns/{campaign_id}/letter.pdf", params={"orgnr": chosen.orgnr})
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    assert chosen.name in _pdf_text(response.content)
    first_three = admin_client.get(f"/admin/campaigns/{campaign_id}/letter.pdf")
    text = _pdf_text(first_three.content)
    assert sum(company.name in text for company in companies) == 3
    unknown = admin_client.get(f"/admin/campaigns/{campaign_id}/letter.pdf", params={"orgnr": "999999999"})
    assert unknown.status_code == 404 and "finnes ikke i bedriftsregisteret" in unknown.text


def test_campaign_preview_writes_the_letter_pdf(
    db: Database, settings: Settings, cli: RunCli, tmp_path: Path
) -> None:
    campaign_id, companies = _letter_campaign(db, settings)
    target = tmp_path / "brev.pdf"
    chosen = companies[0]
    result = cli(
        "campaign", "preview", str(campaign_id), "--orgnr", chosen.orgnr, "--letter-pdf", str(target)
    )
    assert result.exit_code == 0, result.output
    assert chosen.name in _pdf_text(target.read_bytes())
    assert f"skrevet til {target}" in result.stderr
    plain = cli("campaign", "preview", str(campaign_id))
    assert f"jeger campaign preview {campaign_id} --step brev --letter-pdf brev.pdf" in plain.stdout
    no_letter = cli("campaign", "preview", str(campaign_id), "--step", "sms", "--letter-pdf", str(target))
    assert no_letter.exit_code == 2 and "--letter-pdf" in no_letter.stderr


def test_times_are_shown_in_oslo_with_the_zone_named() -> None:
    winter = datetime(2027, 1, 4, 8, 0, tzinfo=ZoneInfo("UTC"))
    summer = datetime(2027, 6, 14, 7, 0, tzinfo=ZoneInfo("UTC"))
    assert shown_time(winter) == "04.01.2027 09:00 (norsk tid)"
    assert shown_time(summer, zone=False) == "14.06.2027 09:00"
    assert (iso_oslo(winter), iso_oslo(summer)) == ("2027-01-04T09:00:00+01:00", "2027-06-14T09:00:00+02:00")
    assert when_text(summer, now=SATURDAY) == "mandag 09:00"
    assert when_text(summer + timedelta(days=7), now=SATURDAY) == "21.06.2027 09:00"


def test_the_api_status_carries_the_same_grouped_waits(
    client: TestClient, api_token: str, db: Database, settings: Settings
) -> None:
    campaign_id = _launched(db, settings)
    held = _cap_one(db, campaign_id)
    response = client.get(f"/api/campaigns/{campaign_id}", headers={"Authorization": f"Bearer {api_token}"})
    assert response.status_code == 200, response.text
    [group] = response.json()["waiting"]
    assert (group["reason"], group["count"]) == ("daily_cap", held)
    assert group["text"].startswith(f"{held} venter på grensen én melding per dag — sendes ")
    assert datetime.fromisoformat(group["until"]) > utcnow()


def test_replies_list_prints_oslo_time_and_its_json_carries_the_offset(db: Database, cli: RunCli) -> None:
    from store.models import Intent
    from store.models import Reply

    winter = datetime(2027, 1, 4, 8, 5, tzinfo=ZoneInfo("UTC"))  # 09:05 in Oslo
    summer = datetime(2027, 6, 14, 22, 30, tzinfo=ZoneInfo("UTC"))  # 00:30 the next day in Oslo
    with db.transaction() as session:
        for at, text in ((winter, "Vinter"), (summer, "Sommer")):
            session.add(
                Reply(channel="sms", sender="+4791234567", text=text, received_at=at, intent=Intent.HELP)
            )
    table = cli("replies", "list")
    assert table.exit_code == 0, table.output
    assert "04.01.2027 09:05" in table.stdout and "15.06.2027 00:30" in table.stdout
    assert "08:05" not in table.stdout and "14.06.2027" not in table.stdout  # never UTC
    rows = json.loads(cli("replies", "list", "--json").stdout)
    assert {r["received_at"] for r in rows} == {"2027-01-04T09:05:00+01:00", "2027-06-15T00:30:00+02:00"}
