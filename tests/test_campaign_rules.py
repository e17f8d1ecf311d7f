"""Campaign rules not covered by test_campaigns.py: audience edges per channel, idempotent materialisation,
step times across DST, status/list shapes, the test command, preview failures and the scheduler's job store."""

from __future__ import annotations

import asyncio
import importlib
import json
import re
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import text

from campaigns.definition import DefinitionError
from campaigns.definition import parse_definition
from campaigns.lifecycle import campaign_status
from campaigns.lifecycle import create_campaign
from campaigns.lifecycle import launch_campaign
from campaigns.lifecycle import list_campaigns
from campaigns.outbox import materialise_step
from campaigns.step_jobs import sync_step_jobs
from campaigns.windows import ALWAYS_OPEN_TABLE
from scheduler import DAILY_JOBS
from scheduler import WEEKLY_JOBS
from settings import Settings
from store.db import Database
from store.models import Campaign
from store.models import CampaignStep
from store.models import Channel
from store.models import Company
from store.models import ContactKind
from store.models import Heartbeat
from store.models import Intent
from store.models import Message
from store.models import MessageKind
from store.models import Reply
from store.models import utcnow
from store.secrets import AddressHasher
from tests.lead_factories import add_contact
from tests.outbox_factories import STATUS_COUNT_KEYS
from tests.outbox_factories import make_recipient
from tests.scheduler_runs import run_scheduler
from tests.scheduler_runs import ticked


def toml(audience: str = 'counties = ["55"]', steps: str = "", extra: str = "") -> str:
    steps = (
        steps
        or '[[steps]]\nname = "sms"\nchannel = "sms"\ntemplate = "sms/invitasjon"\nat = "2026-01-05T09:00"\n'
    )
    source = f'name = "Regler"\n{extra}\n{ALWAYS_OPEN_TABLE}\n[audience]\n{audience}\n\n{steps}'
    return source.replace("2026-01-05T09:00", today_at())  # create refuses a first step on a past day


def today_at() -> str:
    """Now in Oslo, written as staff write a first step that should start at once (earlier today is fine)."""
    return datetime.now(ZoneInfo("Europe/Oslo")).strftime("%Y-%m-%dT%H:%M")


def launched(session: Any, settings: Settings, source: str, **launch: Any) -> Campaign:
    """A campaign created from `source` (as `r.toml`) and launched, in the caller's transaction."""
    campaign = create_campaign(session, source=source, filename="r.toml", settings=settings).campaign
    launch_campaign(session, campaign_id=campaign.id, settings=settings, **launch)
    return campaign


def draft_with_a_recipient(db: Database, settings: Settings) -> int:
    """The id of a draft of the usual campaign (`toml()`), committed, with one company it would reach."""
    with db.transaction() as session:
        make_recipient(session)
        return create_campaign(session, source=toml(), filename="r.toml", settings=settings).campaign.id


def materialised(
    db: Database, settings: Settings, source: str
) -> tuple[int, dict[str, set[tuple[int, str]]]]:
    """Creates, launches and materialises every step; returns the campaign id and (company, channel) per step."""
    with db.transaction() as session:
        campaign = launched(session, settings, source)
        got: dict[str, set[tuple[int, str]]] = {}
        for step in campaign.steps:
            materialise_step(session, step_id=step.id, settings=settings)
            got[step.name] = {
                (m.company_id, m.channel.value)
                for m in session.scalars(select(Message).where(Message.step_id == step.id))
            }
        return campaign.id, got


def test_nace_prefixes_match_at_any_depth(db: Database, settings: Settings) -> None:
    with db.transaction() as session:
        near = make_recipient(session, nace_code="43.210", employees=10)[0].id
        sibling = make_recipient(session, nace_code="43.110", employees=10)[0].id
        other = make_recipient(session, nace_code="41.200", employees=10)[0].id
    _, got = materialised(db, settings, toml('counties = ["55"]\nnace = ["43.2"]'))
    assert {c for c, _ in got["sms"]} == {near}
    assert sibling not in {c for c, _ in got["sms"]} and other not in {c for c, _ in got["sms"]}


def test_a_unit_without_employee_count_is_in_a_range_only_when_it_starts_below_five(
    db: Database, settings: Settings
) -> None:
    with db.transaction() as session:
        unknown = make_recipient(session, employees=None)[0].id
        make_recipient(session, employees=20)
    _, small = materialised(db, settings, toml('counties = ["55"]\nemployees = [4, 500]'))
    assert unknown in {c for c, _ in small["sms"]}
    with db.transaction() as session:
        session.execute(text("DELETE FROM message"))
    _, large = materialised(db, settings, toml('counties = ["55"]\nemployees = [5, 500]'))
    assert unknown not in {c for c, _ in large["sms"]} and len(large["sms"]) == 1


def test_sms_goes_only_to_valid_mobiles_and_sole_proprietors_only_when_allowed(
    db: Database, settings: Settings
) -> None:
    with db.transaction() as session:
        ok = make_recipient(session)[0].id
        landline, contact = make_recipient(session)
        contact.is_mobile = False
        broken, contact = make_recipient(session)
        contact.invalid_reason = "Twilio 21211"
        sole = make_recipient(session, org_form="ENK")[0].id
    _, got = materialised(db, settings, toml())
    assert {c for c, _ in got["sms"]} == {ok}
    with db.transaction() as session:
        session.execute(text("DELETE FROM message"))
    _, allowed = materialised(db, settings, toml(extra="include_sole_proprietors = true"))
    assert {c for c, _ in allowed["sms"]} == {ok, sole}
    assert landline.id not in {c for c, _ in allowed["sms"]} and broken.id not in {
        c for c, _ in allowed["sms"]
    }


def letter_recipients(session: Any) -> tuple[Company, Company]:
    """A company that gets a letter by e-mail (it has an address) and one that gets it printed (it has none)."""
    mailed = make_recipient(
        session, postal_postcode="9008", postal_street="Storgata 1", postal_city="Tromsø"
    )[0]
    add_contact(session, mailed, ContactKind.EMAIL, "post@fjordbygg.no")
    printed = make_recipient(
        session, postal_postcode="9008", postal_street="Storgata 2", postal_city="Tromsø"
    )[0]
    return mailed, printed


def letter_companies(session: Any) -> tuple[str, str]:
    """(orgnr of a company that gets the letter by e-mail, orgnr of one that gets it printed)."""
    mailed, printed = letter_recipients(session)
    return mailed.orgnr, printed.orgnr


def test_a_letter_step_emails_where_it_can_prints_otherwise_and_prints_to_sole_proprietors(
    db: Database, settings: Settings
) -> None:
    with db.transaction() as session:
        mailed, printed = letter_recipients(session)
        sole = make_recipient(
            session, org_form="ENK", postal_postcode="9008", postal_street="Storgata 3", postal_city="Tromsø"
        )[0]
        add_contact(session, sole, ContactKind.EMAIL, "ola@example.no")
        nowhere = make_recipient(session)[0]  # no address to print on, no e-mail
        mailed_id, printed_id, sole_id, nowhere_id = mailed.id, printed.id, sole.id, nowhere.id
    steps = '[[steps]]\nname = "brev"\nchannel = "letter"\ntemplate = "letters/invitasjon"\nat = "2026-01-05T09:00"\n'
    _, got = materialised(db, settings, toml(steps=steps))
    assert got["brev"] == {(mailed_id, "email"), (printed_id, "letter"), (sole_id, "letter")}
    assert nowhere_id not in {c for c, _ in got["brev"]}


def test_a_second_materialisation_inserts_nothing(db: Database, settings: Settings) -> None:
    with db.transaction() as session:
        make_recipient(session)
        make_recipient(session)
    _, got = materialised(db, settings, toml())
    assert len(got["sms"]) == 2
    with db.transaction() as session:
        step = session.scalars(select(CampaignStep)).one()
        assert materialise_step(session, step_id=step.id, settings=settings) == 0
        assert session.scalar(select(func.count()).select_from(Message)) == 2


def test_no_reply_leaves_out_companies_that_answered_after_launch(db: Database, settings: Settings) -> None:
    with db.transaction() as session:
        quiet = make_recipient(session)[0].id
        answered = make_recipient(session)[0].id
    steps = (
        '[[steps]]\nname = "sms"\nchannel = "sms"\ntemplate = "sms/invitasjon"\nat = "2026-01-05T09:00"\n\n'
        '[[steps]]\nname = "paaminnelse"\nchannel = "sms"\ntemplate = "sms/paaminnelse"\nafter_days = 0\n'
        'only = "no_reply"\n'
    )
    with db.transaction() as session:
        campaign = launched(session, settings, toml(steps=steps))
        first, second = campaign.steps
        materialise_step(session, step_id=first.id, settings=settings)
        session.add(
            Reply(
                channel="sms",
                sender="+4790000000",
                text="nei takk",
                company_id=answered,
                intent=Intent.DECLINED,
            )
        )
        session.flush()
        materialise_step(session, step_id=second.id, settings=settings)
        assert set(session.scalars(select(Message.company_id).where(Message.step_id == second.id))) == {quiet}


def test_after_days_counts_oslo_days_across_the_spring_dst_change(db: Database, settings: Settings) -> None:
    with db.transaction() as session:
        make_recipient(session)
    steps = (
        '[[steps]]\nname = "sms"\nchannel = "sms"\ntemplate = "sms/invitasjon"\nat = "2027-03-22T09:00"\n\n'
        '[[steps]]\nname = "paaminnelse"\nchannel = "sms"\ntemplate = "sms/paaminnelse"\nafter_days = 7\n'
    )
    with db.transaction() as session:
        campaign = launched(session, settings, toml(steps=steps), now=datetime(2027, 3, 1, tzinfo=UTC))
        cid = campaign.id
    with db.session() as session:
        first, second = session.get_one(Campaign, cid).steps
        assert first.scheduled_for == datetime(2027, 3, 22, 8, 0, tzinfo=UTC)  # 09:00 CET
        assert second.scheduled_for == datetime(2027, 3, 29, 7, 0, tzinfo=UTC)  # 09:00 CEST


def test_status_of_a_fresh_campaign_has_every_state_at_zero_and_list_shows_it(
    db: Database, settings: Settings, cli: Any
) -> None:
    cid = draft_with_a_recipient(db, settings)
    status = json.loads(cli("campaign", "status", str(cid), "--json").stdout)
    assert set(status) == {"id", "name", "state", "steps", "waiting"}
    assert status["state"] == "draft" and status["steps"][0]["scheduled_for"] is None
    assert status["waiting"] == []  # nothing is queued before launch
    assert status["steps"][0]["counts"] == dict.fromkeys(STATUS_COUNT_KEYS, 0)
    listed = json.loads(cli("campaign", "list", "--json").stdout)
    assert [(c["id"], c["state"]) for c in listed] == [(cid, "draft")]
    with db.session() as session:
        assert campaign_status(session, campaign_id=cid)["name"] == "Regler"
        assert list_campaigns(session)[0]["name"] == "Regler"


def test_the_test_command_queues_a_test_message_to_the_given_phone(
    db: Database, settings: Settings, cli: Any
) -> None:
    cid = draft_with_a_recipient(db, settings)
    result = cli("campaign", "test", str(cid), "--to", "+4791234567")
    assert result.exit_code == 0, result.output
    with db.session() as session:
        (message,) = session.scalars(select(Message)).all()
        assert (message.kind, message.priority, message.channel, message.address) == (
            MessageKind.TEST,
            0,
            Channel.SMS,
            "+4791234567",
        )
        assert "STOPP" in (message.body or "")
    assert cli("campaign", "test", str(cid), "--to", "ikke-en-adresse").exit_code == 2


def custom_templates(settings: Settings, tmp_path: Path) -> None:
    """The real templates plus `sms/lang`, which goes over ten segments only for a company with Ω in its name."""
    import shutil

    target = tmp_path / "templates"
    shutil.copytree(settings.templates_dir, target)
    for language in ("nb", "nn", "en"):
        (target / "sms" / f"lang.{language}.txt").write_text(
            "Hei {{ company_name }}{% if 'Ω' in company_name %}{{ ' bla' * 500 }}{% endif %}. Svar STOPP\n"
        )
    settings.templates_dir = target


LONG = '[[steps]]\nname = "sms"\nchannel = "sms"\ntemplate = "sms/lang"\nat = "2026-01-05T09:00"\n'


def long_sms_campaign(db: Database, settings: Settings, tmp_path: Path) -> int:
    """A draft campaign of one `sms/lang` step (see `custom_templates`) with one ordinary recipient; its id."""
    custom_templates(settings, tmp_path)
    with db.transaction() as session:
        make_recipient(session)
        return create_campaign(
            session, source=toml(steps=LONG), filename="r.toml", settings=settings
        ).campaign.id


def test_preview_fails_for_the_company_whose_sms_would_be_over_ten_segments(
    db: Database, settings: Settings, cli: Any, tmp_path: Path
) -> None:
    cid = long_sms_campaign(db, settings, tmp_path)
    with db.transaction() as session:
        long_name = make_recipient(session, name="Ωmega Bygg AS")[0].orgnr
    result = cli("campaign", "preview", str(cid))
    assert result.exit_code == 2
    assert long_name in result.stderr and "sms/lang" in result.stderr


def test_create_reports_a_template_that_fails_for_an_audience_company_and_stores_nothing(
    db: Database, settings: Settings, tmp_path: Path
) -> None:
    custom_templates(settings, tmp_path)
    with db.transaction() as session:
        make_recipient(session)
        orgnr = make_recipient(session, name="Ωmega Bygg AS")[0].orgnr
    with pytest.raises(DefinitionError) as raised, db.transaction() as session:
        create_campaign(session, source=toml(steps=LONG), filename="r.toml", settings=settings)
    problem = raised.value.problems[0]
    assert problem.field == "steps[0].template" and orgnr in problem.message
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Campaign)) == 0


def test_a_malformed_employee_range_is_a_definition_error_not_a_crash() -> None:
    with pytest.raises(DefinitionError) as raised:
        parse_definition(toml('counties = ["55"]\nemployees = ["fem", 500]'), counties={"55"})
    assert raised.value.problems[0].field == "audience.employees"


def test_a_municipality_filter_is_not_silently_ignored(db: Database, settings: Settings) -> None:
    """`audience.municipalities` is accepted by the definition, so it must narrow the audience (or be refused)."""
    with db.transaction() as session:
        inside = make_recipient(session, municipality_number="5501")[0].id
        make_recipient(session, municipality_number="5503")
    try:
        _, got = materialised(db, settings, toml('counties = ["55"]\nmunicipalities = ["5501"]'))
    except DefinitionError:
        return
    assert {c for c, _ in got["sms"]} == {inside}


def test_every_daily_job_resolves_to_a_function() -> None:
    for _job_id, target, hour, minute in DAILY_JOBS:
        module, _, function = target.partition(":")
        assert callable(getattr(importlib.import_module(module), function))
        assert 0 <= hour < 24 and 0 <= minute < 60
    for _job_id, target, _day, _hour, _minute in WEEKLY_JOBS:
        module, _, function = target.partition(":")
        assert callable(getattr(importlib.import_module(module), function))


def test_the_scheduler_keeps_one_job_per_step_in_the_database_and_beats(
    db: Database, settings: Settings
) -> None:
    pool = db.engine.pool  # the job store shares the application's engine and must not dispose of it
    with db.transaction() as session:
        make_recipient(session)
        future = (utcnow() + timedelta(days=30)).strftime("%Y-%m-%dT%H:%M")
        source = toml(
            steps=f'[[steps]]\nname = "sms"\nchannel = "sms"\ntemplate = "sms/invitasjon"\nat = "{future}"\n'
        )
        campaign = launched(session, settings, source)
        cid, sid = campaign.id, campaign.steps[0].id

    async def run_twice() -> None:
        for _ in range(2):  # a restart: a second instance on the same database
            await run_scheduler(settings=settings, db=db, until=ticked(db), what="a tick of this instance")

    asyncio.run(run_twice())
    with db.session() as session:
        ids = list(session.execute(text("SELECT id FROM apscheduler_jobs")).scalars())
        assert ids == [f"campaign-{cid}-step-{sid}"]
        assert session.get(Heartbeat, "scheduler") is not None
        assert session.scalar(select(func.count()).select_from(Message)) == 0  # not due yet
    assert db.engine.pool is pool


def test_bench_launch_quick_runs(tmp_path: Path) -> None:
    from tests.project import run_bench

    result = run_bench("launch.py", "--quick", timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    launch = re.search(
        r"^sqlite\s+([\d,]+) messages: ours\s+([\d.]+) s, baseline\s+([\d.]+) s, ratio\s+([\d.]+)x "
        r"\(goal <= 3x\) (OK|MISSED); peak RSS (\d+) MB",
        result.stdout,
        re.MULTILINE,
    )
    assert launch is not None, result.stdout
    assert int(launch[1].replace(",", "")) == 2000  # the quick mode's audience, every company once
    assert float(launch[2]) > 0 and float(launch[3]) > 0 and float(launch[4]) > 0 and int(launch[6]) > 0
    letters = re.search(
        r"ratio per core used \(CPU s / CPU s\): ([\d.]+)x .* (OK|MISSED)$", result.stdout, re.MULTILINE
    )
    assert letters is not None and float(letters[1]) > 0, result.stdout


def test_a_step_job_overdue_after_downtime_does_not_send_by_itself(db: Database, settings: Settings) -> None:
    """The job store still holds the overdue job when the scheduler comes back; the stale rule must win."""
    from zoneinfo import ZoneInfo

    settings.stale_after_hours = 1.0 / 3600
    with db.transaction() as session:
        make_recipient(session)
        soon = (utcnow() + timedelta(minutes=5)).astimezone(ZoneInfo("Europe/Oslo"))
        at = soon.replace(tzinfo=None).isoformat(timespec="seconds")
        source = toml(
            steps=f'[[steps]]\nname = "sms"\nchannel = "sms"\ntemplate = "sms/invitasjon"\nat = "{at}"\n'
        )
        campaign = launched(session, settings, source)
        cid = campaign.id

    def paused() -> bool:
        with db.session() as session:
            return session.get_one(Campaign, cid).state.value == "paused"

    # The job is stored, not yet due, when the first instance has ticked.
    asyncio.run(run_scheduler(settings=settings, db=db, until=ticked(db), what="the first tick"))
    # The system is down when the step is due, and for an hour after: the step's time moves an hour back, as if
    # that hour had passed, and the job store holds its job as it then would (written by the function a launch
    # and a resume write it with). No real time has to pass, whatever the clock APScheduler fires on.
    with db.transaction() as session:
        step = session.get_one(Campaign, cid).steps[0]
        assert step.scheduled_for is not None
        step.scheduled_for -= timedelta(hours=1)
    sync_step_jobs(db.engine, campaign_id=cid, timezone=settings.timezone)
    asyncio.run(run_scheduler(settings=settings, db=db, until=paused, what="the campaign paused as stale"))
    with db.session() as session:
        assert session.get_one(Campaign, cid).state.value == "paused"
        assert session.scalar(select(func.count()).select_from(Message)) == 0


def test_materialised_messages_are_due_inside_the_default_office_hours_window(
    db: Database, settings: Settings
) -> None:
    from campaigns.windows import SendWindow

    with db.transaction() as session:
        make_recipient(session)
        make_recipient(session)
    source = toml().replace(ALWAYS_OPEN_TABLE, "")  # mon–fri 09:00–16:00 Europe/Oslo, holidays skipped
    before = utcnow()
    materialised(db, settings, source)
    window = SendWindow.from_definition(None)
    with db.session() as session:
        dues = list(session.scalars(select(Message.due_at)))
    assert len(dues) == 2 and all(window.is_open(d) and d >= before for d in dues)


def test_a_materialised_row_is_found_by_its_exact_due_time(db: Database, settings: Settings) -> None:
    """Rows written with the driver's executemany must compare like ORM-written times (SQLite stores text)."""
    with db.transaction() as session:
        make_recipient(session)
    source = toml(
        steps='[[steps]]\nname = "sms"\nchannel = "sms"\ntemplate = "sms/invitasjon"\nat = "2030-01-07T09:00"\n'
    )
    materialised(db, settings, source.replace(ALWAYS_OPEN_TABLE, ""))
    opening = datetime(2030, 1, 7, 8, 0, tzinfo=UTC)  # Monday 09:00 in Oslo
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Message).where(Message.due_at == opening)) == 1


LETTER = (
    '[[steps]]\nname = "brev"\nchannel = "letter"\ntemplate = "letters/invitasjon"\nat = "2026-01-05T09:00"\n'
)


def live_sms(settings: Settings) -> Settings:
    """Twilio credentials and a messaging service, but no number to print: the case of the audit."""
    return settings.model_copy(
        update={
            "twilio_account_sid": "AC" + "1" * 32,
            "twilio_auth_token": "t" * 32,
            "twilio_messaging_service_sid": "MG" + "2" * 32,
            "twilio_from": None,
            "sms_reply_number": None,
        }
    )


def test_live_sms_without_a_reply_number_refuses_letter_steps_at_create_and_preview(
    db: Database, settings: Settings
) -> None:
    from campaigns.preview import preview_campaign
    from campaigns.preview import send_test

    with db.transaction() as session:
        letter_companies(session)
    with pytest.raises(DefinitionError) as raised, db.transaction() as session:
        create_campaign(session, source=toml(steps=LETTER), filename="r.toml", settings=live_sms(settings))
    assert raised.value.problems[0].field == "steps[0].template" and "SMS_REPLY_NUMBER" in str(raised.value)
    with db.transaction() as session:  # created in the sandbox, previewed once SMS went live
        cid = create_campaign(
            session, source=toml(steps=LETTER), filename="r.toml", settings=settings
        ).campaign.id
    with db.session() as session:
        (step,) = preview_campaign(session, campaign_id=cid, settings=live_sms(settings))
    assert step.problems and "SMS_REPLY_NUMBER" in step.problems[0] and not step.samples
    with pytest.raises(ValueError, match="SMS_REPLY_NUMBER"), db.session() as session:
        send_test(session, campaign_id=cid, to="meg@example.no", settings=live_sms(settings))
    with db.transaction() as session:
        numbered = live_sms(settings).model_copy(update={"sms_reply_number": "+4759440000"})
        create_campaign(session, source=toml(steps=LETTER), filename="r.toml", settings=numbered)


def test_preview_of_a_letter_step_shows_the_letter_and_how_it_goes_out(
    db: Database, settings: Settings, cli: Any
) -> None:
    with db.transaction() as session:
        mailed, printed = letter_companies(session)
        cid = create_campaign(
            session, source=toml(steps=LETTER), filename="r.toml", settings=settings
        ).campaign.id
    result = cli("campaign", "preview", str(cid), "--orgnr", mailed, "--orgnr", printed, "--json")
    assert result.exit_code == 0, result.output
    samples = {s["orgnr"]: s for s in json.loads(result.stdout)["steps"][0]["samples"]}
    assert samples[mailed]["delivery"].startswith("e-post") and samples[printed]["delivery"].startswith(
        "papirbrev"
    )
    for sample in samples.values():
        assert "Har dere plass til en lærling?" in sample["letter_text"] and "<" not in sample["letter_text"]
        assert "Fjord Bygg AS" in sample["letter_text"]
    text = cli("campaign", "preview", str(cid), "--orgnr", printed).stdout
    assert "Sendes som: papirbrev" in text and "Brevet:" in text and "Har dere plass til en lærling?" in text


def test_preview_of_a_company_outside_the_audience_says_which_and_why(
    db: Database, settings: Settings, cli: Any
) -> None:
    from companies.optouts import record_stop

    with db.transaction() as session:
        make_recipient(session)
        opted, contact = make_recipient(session)
        stopped, stopped_contact = make_recipient(session)
        for company_id, address in ((None, contact.address), (stopped.id, stopped_contact.address)):
            record_stop(
                session,
                hasher=AddressHasher.load(session),
                kind=ContactKind.PHONE,
                address=address,
                source="sms",
                company_id=company_id,
            )
        landline, phone = make_recipient(session)
        phone.is_mobile = False
        cid = create_campaign(session, source=toml(), filename="r.toml", settings=settings).campaign.id
        opted_orgnr, landline_orgnr, stopped_orgnr = opted.orgnr, landline.orgnr, stopped.orgnr
    # Only its number is opted out (someone else sharing it said STOPP): the address is named, not the company.
    result = cli("campaign", "preview", str(cid), "--orgnr", opted_orgnr)
    assert result.exit_code == 2
    assert f"orgnr {opted_orgnr} er ikke i målgruppen: har ingen brukbar mobilnummer" in result.stderr
    assert "adressen er reservert" in result.stderr
    result = cli("campaign", "preview", str(cid), "--orgnr", stopped_orgnr)
    assert result.exit_code == 2
    assert f"orgnr {stopped_orgnr} er ikke i målgruppen: har sagt STOPP" in result.stderr
    result = cli("campaign", "preview", str(cid), "--orgnr", landline_orgnr, "--json")
    assert result.exit_code == 2
    assert "mobilnummer" in json.loads(result.stdout)["steps"][0]["missing"][landline_orgnr]
    assert (
        "finnes ikke i bedriftsregisteret"
        in cli("campaign", "preview", str(cid), "--orgnr", "999999999").stderr
    )


def test_launch_refuses_a_campaign_whose_template_broke_after_create(
    db: Database, settings: Settings, cli: Any, tmp_path: Path
) -> None:
    cid = long_sms_campaign(db, settings, tmp_path)
    (settings.templates_dir / "sms" / "lang.nb.txt").write_text("Hei {{ kontaktperson }}. Svar STOPP\n")
    result = cli("campaign", "launch", str(cid))
    assert result.exit_code == 2
    assert "kan ikke startes før malene er rettet" in result.stderr and "kontaktperson" in result.stderr
    with db.session() as session:
        assert session.get_one(Campaign, cid).state.value == "draft"
        assert session.scalar(text("SELECT count(*) FROM apscheduler_jobs")) == 0


def test_a_template_broken_after_launch_pauses_the_campaign_with_a_reason_in_each_readers_language(
    db: Database, settings: Settings, tmp_path: Path
) -> None:
    from catalogue.stored import read_text
    from scheduler import CampaignScheduler

    cid = long_sms_campaign(db, settings, tmp_path)
    with db.transaction() as session:
        launch_campaign(session, campaign_id=cid, settings=settings)
        step_id = session.scalars(select(CampaignStep.id).where(CampaignStep.campaign_id == cid)).one()
    (settings.templates_dir / "sms" / "lang.nb.txt").write_text("Hei {{ kontaktperson }}. Svar STOPP\n")
    assert CampaignScheduler(settings=settings, db=db).materialise(cid, step_id) == 0
    with db.session() as session:
        campaign = session.get_one(Campaign, cid)
        assert campaign.state.value == "paused"
        nb, nn, en = (read_text(campaign.state_reason, language) for language in ("nb", "nn", "en"))
    where = "templates/sms/lang.nb.txt"
    assert nb.startswith(
        f"Malen kunne ikke lages: {where} linje 1: udefinert variabel 'kontaktperson' (orgnr "
    )
    assert nn.startswith(
        f"Malen kunne ikkje lagast: {where} linje 1: udefinert variabel 'kontaktperson' (orgnr "
    )
    assert en.startswith(
        f"The template could not be made: {where} line 1: undefined variable 'kontaktperson' ("
    )
