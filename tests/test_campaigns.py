"""Campaign definitions, audiences, the outbox and the lifecycle, through the domain and the CLI."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update

from campaigns.definition import DefinitionError
from campaigns.definition import parse_definition
from campaigns.definition_model import definition_of
from campaigns.lifecycle import launch_campaign
from campaigns.lifecycle import pause_stale
from campaigns.outbox import materialise_step
from campaigns.windows import ALWAYS_OPEN_TABLE
from campaigns.windows import SendWindow
from catalogue.stored import read_text
from companies.optout_records import record_opt_out
from companies.optouts import record_stop
from demo.simulator import sms_invitation_steps
from settings import Settings
from store.db import Database
from store.models import Campaign
from store.models import CampaignState
from store.models import CampaignStep
from store.models import Company
from store.models import ContactKind
from store.models import Message
from store.models import Registration
from store.models import RegistrationSource
from store.models import StepAudience
from store.models import utcnow
from store.secrets import AddressHasher
from tests.lead_factories import add_contact
from tests.outbox_factories import STATUS_COUNT_KEYS
from tests.outbox_factories import make_recipient
from tests.scheduler_runs import run_scheduler
from tests.scheduler_runs import ticked

COUNTIES = {"55", "56", "03"}
TOML = f"""name = "Sommer 2027"
language = "nb"

{ALWAYS_OPEN_TABLE}
[audience]
counties = ["55"]
nace = ["43"]
employees = [2, 500]

{sms_invitation_steps("2026-01-05T09:00")}"""


def today_at() -> str:
    """Now in Oslo, written as staff write a first step that should start at once (earlier today is fine)."""
    return datetime.now(ZoneInfo("Europe/Oslo")).strftime("%Y-%m-%dT%H:%M")


def current(source: str) -> str:
    """The campaign with its first step due now instead of on 5 January 2026 (create refuses a past day)."""
    return source.replace("2026-01-05T09:00", today_at())


def test_defaults_are_filled_in() -> None:
    definition = parse_definition(TOML, counties=COUNTIES)
    assert dict(definition.rate.items()) == {"sms": 5.0, "email": 10.0, "telegram": 20.0}
    assert definition.fixed_language and definition.audience.exclude == (
        "opted_out",
        "registered",
        "training_company",
    )
    assert definition.steps[1].only is StepAudience.NO_REPLY


@pytest.mark.parametrize(
    ("change", "field", "line"),
    [
        (('counties = ["55"]', 'counties = ["99"]'), "audience.counties", 11),
        (('start = "00:00"', 'start = "23:59"'), "window.end", 7),
        (
            (
                'template = "sms/invitasjon"\nat = "2026-01-05T09:00"',
                'template = "sms/invitasjon"\nafter_days = 3',
            ),
            "steps[0].after_days",
            19,
        ),
        (
            ('channel = "sms"\ntemplate = "sms/invitasjon"', 'channel = "fax"\ntemplate = "sms/invitasjon"'),
            "steps[0].channel",
            17,
        ),
        (('days = ["mon",', 'days = ["mandag", "mon",'), "window.days", 5),
    ],
)
def test_errors_name_file_line_and_field(change: tuple[str, str], field: str, line: int) -> None:
    with pytest.raises(DefinitionError) as raised:
        parse_definition(TOML.replace(*change), filename="sommer.toml", counties=COUNTIES)
    problem = raised.value.problems[0]
    assert (problem.file, problem.field, problem.line) == ("sommer.toml", field, line)
    assert str(problem).startswith(f"sommer.toml:{line}: {field}:")


TYPED = """name = "Typer"

[audience]
counties = ["55"]

[[steps]]
name = "sms"
channel = "sms"
template = "sms/invitasjon"
at = "2027-06-07T09:00"
"""
LATER_STEP = '\n[[steps]]\nname = "p"\nchannel = "sms"\ntemplate = "sms/paaminnelse"\n'


@pytest.mark.parametrize(
    ("source", "field", "bad_line"),
    [
        ("rate = 5\n" + TYPED, "rate", "rate = 5"),
        ('window = "x"\n' + TYPED, "window", 'window = "x"'),
        ("audience = 3\n" + TYPED.replace('[audience]\ncounties = ["55"]\n', ""), "audience", "audience = 3"),
        (
            'include_sole_proprietors = "false"\n' + TYPED,
            "include_sole_proprietors",
            'include_sole_proprietors = "false"',
        ),
        (TYPED + '\n[window]\nskip_holidays = "false"\n', "window.skip_holidays", 'skip_holidays = "false"'),
        (TYPED.replace('name = "Typer"', "name = 5"), "name", "name = 5"),
        (TYPED + LATER_STEP + 'at = "2027-06-01T09:00"\n', "steps[1].at", 'at = "2027-06-01T09:00"'),
        (
            TYPED + LATER_STEP + 'at = "2027-06-10T09:00"\nafter_days = 3\n',
            "steps[1].after_days",
            "after_days = 3",
        ),
        (TYPED.replace('at = "2027-06-07T09:00"', "at = 2027-06-07"), "steps[0].at", "at = 2027-06-07"),
        (TYPED + LATER_STEP + 'after_days = "7"\n', "steps[1].after_days", 'after_days = "7"'),
        (TYPED.replace('counties = ["55"]', "counties = [true]"), "audience.counties", "counties = [true]"),
    ],
)
def test_a_value_of_the_wrong_type_is_a_definition_error_naming_file_line_and_field(
    source: str, field: str, bad_line: str
) -> None:
    with pytest.raises(DefinitionError) as raised:  # never a TypeError, never silently accepted
        parse_definition(source, filename="t.toml", counties=COUNTIES)
    line = source.splitlines().index(bad_line) + 1
    assert any((p.field, p.line) == (field, line) for p in raised.value.problems), raised.value.problems
    assert f"t.toml:{line}: {field}: " in str(raised.value)


def test_definition_errors_are_norwegian() -> None:
    with pytest.raises(DefinitionError) as raised:
        parse_definition(
            TOML.replace('start = "00:00"\nend = "23:59"', 'start = "10:00"\nend = "09:00"'),
            counties=COUNTIES,
        )
    assert "vinduet slutter (09:00) før det begynner (10:00)" in str(raised.value)
    with pytest.raises(DefinitionError) as raised:
        parse_definition(TOML.replace('language = "nb"', 'language = "no"'), counties=COUNTIES)
    assert '"auto" gir hver bedrift dens egen målform' in str(raised.value)


def test_a_first_step_on_a_past_day_is_refused_but_earlier_today_starts_now() -> None:
    oslo = ZoneInfo("Europe/Oslo")
    now = datetime(2027, 6, 7, 14, 0, tzinfo=oslo)
    with pytest.raises(DefinitionError) as raised:
        parse_definition(TYPED.replace("2027-06-07T09:00", "2027-06-06T09:00"), counties=COUNTIES, now=now)
    (problem,) = raised.value.problems
    assert problem.field == "steps[0].at" and "tidspunktet har passert" in problem.message
    assert (
        parse_definition(TYPED, counties=COUNTIES, now=now).stored()["steps"][0]["at"]
        == "2027-06-07T09:00:00+02:00"
    )
    just_after_midnight = datetime(2027, 6, 8, 0, 10, tzinfo=oslo)  # written as "now" at 23:50
    assert parse_definition(TYPED.replace("09:00", "23:50"), counties=COUNTIES, now=just_after_midnight)


def test_create_reports_every_problem_at_once(db: Database, settings: Settings) -> None:
    """A bad window, an unknown template and an empty audience: one attempt lists all three."""
    from campaigns.lifecycle import create_campaign

    source = (
        current(TOML)
        .replace('start = "00:00"', 'start = "23:59"')
        .replace("sms/paaminnelse", "sms/finnesikke")
    )
    with pytest.raises(DefinitionError) as raised, db.transaction() as session:
        create_campaign(session, source=source, filename="c.toml", settings=settings)
    fields = {p.field for p in raised.value.problems}
    assert {"window.end", "steps[1].template", "audience"} <= fields, raised.value.problems
    assert "ukjent mal" in str(raised.value)


def seed_companies(db: Database) -> dict[str, int]:
    """One company of each kind the audience must include or leave out."""
    with db.transaction() as session:
        ids = {}
        for key, extra in {
            "ok": {},
            "unknown_size": {"employees": None},
            "too_big": {"employees": 9000},
            "bankrupt": {"bankrupt": True},
            "other_trade": {"nace_code": "62.010"},
            "other_county": {"county_number": "03"},
            "sole": {"org_form": "ENK"},
            "opted_out": {},
            "registered": {},
            "training": {"is_training_company": True},
        }.items():
            company, contact = make_recipient(
                session, **{"nace_code": "43.210", "employees": 10, "postal_postcode": "9008", **extra}
            )
            ids[key] = company.id
            if key == "opted_out":
                record_opt_out(
                    session,
                    hasher=AddressHasher.load(session),
                    kind=ContactKind.PHONE,
                    address=contact.address,
                    source="sms",
                )
            if key == "registered":
                session.add(
                    Registration(
                        company_id=company.id,
                        source=RegistrationSource.WEB,
                        completed_at=utcnow(),
                        verified=True,  # through the personal link
                    )
                )
        return ids


def test_the_audience_keeps_exactly_who_may_be_contacted(cli, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = seed_companies(db)
    path = tmp_path / "c.toml"
    path.write_text(current(TOML))
    created = cli("campaign", "create", str(path), "--json")
    assert created.exit_code == 0, created.output
    data = json.loads(created.stdout)
    with db.transaction() as session:
        launch_campaign(
            session, campaign_id=data["id"], settings=Settings(_env_file=None, database_url=db.url)
        )  # type: ignore[call-arg]
        first = session.scalars(select(CampaignStep).where(CampaignStep.position == 0)).one()
        materialise_step(session, step_id=first.id, settings=Settings(_env_file=None, database_url=db.url))  # type: ignore[call-arg]
        got = set(session.scalars(select(Message.company_id)))
    assert got == {ids["ok"], ids["unknown_size"]}


def test_a_stopp_leaves_out_its_company_but_not_the_companies_sharing_its_number(
    cli, db: Database, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """PRODUCT §3: the company that said STOPP is out on every address; a company that only shares the
    opted-out number is reached on its own mobile."""
    with db.transaction() as session:
        extra = {"nace_code": "43.210", "employees": 10, "postal_postcode": "9008"}
        stopped, said_stop = make_recipient(session, **extra)
        record_stop(
            session,
            hasher=AddressHasher.load(session),
            kind=ContactKind.PHONE,
            address=said_stop.address,
            source="sms",
            company_id=stopped.id,
        )
        # Its other mobile is not used for it either.
        add_contact(session, stopped, ContactKind.PHONE, "+4741000001")
        sharing, own = make_recipient(session, **extra)
        # Newer than its own, and opted out.
        add_contact(session, sharing, ContactKind.PHONE, said_stop.address)
        ids = {"stopped": stopped.id, "sharing": sharing.id, "own": own.id}
    path = tmp_path / "c.toml"
    path.write_text(current(TOML))
    created = cli("campaign", "create", str(path), "--json")
    assert created.exit_code == 0, created.output
    settings = Settings(_env_file=None, database_url=db.url)  # type: ignore[call-arg]
    with db.transaction() as session:
        launch_campaign(session, campaign_id=json.loads(created.stdout)["id"], settings=settings)
        first = session.scalars(select(CampaignStep).where(CampaignStep.position == 0)).one()
        materialise_step(session, step_id=first.id, settings=settings)
        got = dict(session.execute(select(Message.company_id, Message.contact_id)).tuples().all())
    assert got == {ids["sharing"]: ids["own"]}


def test_create_refuses_an_empty_audience_and_stores_nothing(cli, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c.toml"
    path.write_text(current(TOML))
    result = cli("campaign", "create", str(path))
    assert result.exit_code == 2 and "ingen bedrifter passer" in result.stderr
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Campaign)) == 0


def test_preview_reports_segments_and_cost(cli, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed_companies(db)
    path = tmp_path / "c.toml"
    path.write_text(current(TOML))
    campaign_id = json.loads(cli("campaign", "create", str(path), "--json").stdout)["id"]
    result = cli("campaign", "preview", str(campaign_id), "--step", "sms", "--json")
    assert result.exit_code == 0, result.output
    (step,) = json.loads(result.stdout)["steps"]
    assert step["audience"] == 2 and step["encodings"] == {"GSM-7": 2}
    assert step["segments"]["max"] <= 2 and step["estimated_cost_nok"] == round(
        step["total_segments"] * 0.45, 2
    )
    assert len(step["samples"]) == 2 and "STOPP" in step["samples"][0]["body"]


def test_preview_counts_the_whole_audience_but_renders_only_a_sample(
    cli, db: Database, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from campaigns.preview import RENDERED

    audience = RENDERED + 5
    with db.transaction() as session:
        for _ in range(audience):
            make_recipient(session, nace_code="43.210", employees=10, postal_postcode="9008")
    path = tmp_path / "c.toml"
    path.write_text(current(TOML))
    campaign_id = json.loads(cli("campaign", "create", str(path), "--json").stdout)["id"]
    with db.transaction() as session:  # what create gave them; a preview must give only its sample any
        session.execute(update(Company).values(short_code=None, token=None))
    result = cli("campaign", "preview", str(campaign_id), "--step", "sms", "--json")
    assert result.exit_code == 0, result.output
    (step,) = json.loads(result.stdout)["steps"]
    assert step["audience"] == audience and step["by_channel"] == {"sms": audience}
    # Every company's invitation has the same length here: the sample's figures scale exactly.
    assert step["segments"]["min"] == step["segments"]["max"]
    assert step["total_segments"] == audience * step["segments"]["max"]
    assert step["encodings"] == {"GSM-7": audience}
    with db.session() as session:
        given = session.scalar(
            select(func.count()).select_from(Company).where(Company.short_code.is_not(None))
        )
    assert given == RENDERED


@pytest.mark.slow  # seconds of real time: the dispatcher and scheduler run on the wall clock
def test_launch_restart_relaunch_gives_one_message_per_step_and_company(
    cli, db: Database, settings: Settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    seed_companies(db)
    path = tmp_path / "c.toml"
    path.write_text(current(TOML).replace("after_days = 7", "after_days = 0"))
    campaign_id = json.loads(cli("campaign", "create", str(path), "--json").stdout)["id"]
    assert cli("campaign", "launch", str(campaign_id)).exit_code == 0

    def materialised() -> bool:
        with db.session() as session:
            return all(s.materialized_at for s in session.get_one(Campaign, campaign_id).steps)

    asyncio.run(run_scheduler(settings=settings, db=db, until=materialised, what="both steps materialised"))
    assert cli("campaign", "launch", str(campaign_id)).exit_code == 0  # by mistake
    # A restarted scheduler, until its first tick has run the safety net that re-adds step jobs.
    asyncio.run(run_scheduler(settings=settings, db=db, until=ticked(db), what="the restarted tick"))
    with db.session() as session:
        for step in session.scalars(select(CampaignStep)):
            step.materialized_at = None  # force a second materialisation of every step
        session.commit()
        for step in session.scalars(select(CampaignStep)):
            materialise_step(session, step_id=step.id, settings=settings)
        session.commit()
        pairs = session.execute(select(Message.step_id, Message.company_id)).all()
        assert len(pairs) == len(set(pairs)) == 4  # two steps × two companies
        window = SendWindow.of(definition_of(session.get_one(Campaign, campaign_id)).window)
        assert all(window.is_open(m.due_at) for m in session.scalars(select(Message)))
    status = json.loads(cli("campaign", "status", str(campaign_id), "--json").stdout)
    assert status["state"] == "running" and status["steps"][0]["counts"]["queued"] == 2
    assert set(status["steps"][0]["counts"]) == set(STATUS_COUNT_KEYS)


def table_rows(output: str) -> list[list[str]]:
    """The cells of a Rich table, header first (the lines between the box-drawing rules)."""
    return [
        [cell.strip() for cell in line.replace("┃", "│").strip().strip("│").split("│")]
        for line in output.splitlines()
        if line.strip().startswith(("│", "┃"))
    ]


def test_cancel_marks_unsent_messages(cli, db: Database, settings: Settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed_companies(db)
    path = tmp_path / "c.toml"
    path.write_text(current(TOML))
    campaign_id = json.loads(cli("campaign", "create", str(path), "--json").stdout)["id"]
    cli("campaign", "launch", str(campaign_id))
    with db.transaction() as session:
        step = session.scalars(select(CampaignStep).where(CampaignStep.position == 0)).one()
        materialise_step(session, step_id=step.id, settings=settings)
    paused = cli("campaign", "pause", str(campaign_id))
    assert paused.exit_code == 0 and paused.stdout == f"Kampanje {campaign_id} er nå på pause.\n"
    cancelled = cli("campaign", "cancel", str(campaign_id))
    assert cancelled.exit_code == 0 and cancelled.stdout == f"Kampanje {campaign_id} er nå avbrutt.\n"
    status = json.loads(cli("campaign", "status", str(campaign_id), "--json").stdout)
    assert status["state"] == "cancelled" and status["steps"][0]["counts"]["cancelled"] == 2
    assert cli("campaign", "status", str(campaign_id)).stdout.startswith(f"{status['name']} — avbrutt")
    header, *rows = table_rows(cli("campaign", "list").stdout)
    assert header == ["Nr.", "Tilstand", "Navn"]
    assert rows[0][:2] == [str(campaign_id), "Avbrutt"]
    assert cli("campaign", "resume", str(campaign_id)).exit_code == 2
    assert cli("campaign", "status", "999").exit_code == 2


def test_a_step_overdue_after_downtime_pauses_the_campaign(db: Database, settings: Settings) -> None:
    seed_companies(db)
    from campaigns.lifecycle import create_campaign
    from campaigns.lifecycle import resume_campaign

    later = utcnow() + timedelta(days=2)  # the system was down for two days after the launch
    with db.transaction() as session:
        campaign = create_campaign(
            session, source=current(TOML), filename="c.toml", settings=settings
        ).campaign
        launch_campaign(session, campaign_id=campaign.id, settings=settings)
        assert pause_stale(session, now=later, stale_after=timedelta(hours=6)) == [campaign.id]
        assert campaign.state is CampaignState.PAUSED and "systemet var nede" in read_text(
            campaign.state_reason
        )
        resume_campaign(session, campaign_id=campaign.id, settings=settings, now=later)
        assert campaign.state is CampaignState.RUNNING
        assert session.scalar(select(func.count()).select_from(Message)) == 2
        assert pause_stale(session, now=later, stale_after=timedelta(hours=6)) == []


def job_rows(db: Database) -> dict[str, float | None]:
    from sqlalchemy import text

    with db.session() as session:
        return dict(session.execute(text("SELECT id, next_run_time FROM apscheduler_jobs")).tuples().all())


def create_and_launch(cli, path: Path, source: str) -> int:  # type: ignore[no-untyped-def]
    path.write_text(source)
    created = cli("campaign", "create", str(path), "--json")
    assert created.exit_code == 0, created.output
    campaign_id = int(json.loads(created.stdout)["id"])
    launched = cli("campaign", "launch", str(campaign_id))
    assert launched.exit_code == 0, launched.output
    return campaign_id


def step_ids(db: Database, campaign_id: int) -> list[int]:
    with db.session() as session:
        return [s.id for s in session.get_one(Campaign, campaign_id).steps]


def test_launch_writes_one_job_per_step_that_survives_relaunch_and_restart_and_then_fires(
    cli, db: Database, settings: Settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    seed_companies(db)
    oslo = ZoneInfo("Europe/Oslo")
    tomorrow = (datetime.now(oslo) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    later = create_and_launch(cli, tmp_path / "later.toml", TOML.replace("2026-01-05T09:00", tomorrow))
    wanted = {f"campaign-{later}-step-{sid}" for sid in step_ids(db, later)}
    assert set(job_rows(db)) == wanted and len(wanted) == 2  # written by launch itself: no scheduler runs
    before = job_rows(db)
    assert cli("campaign", "launch", str(later)).exit_code == 0  # a second launch, by mistake

    def restart(until: Callable[[], bool], what: str) -> None:
        # No tick after the first, so the step jobs come from launch and the job store alone.
        asyncio.run(run_scheduler(settings=settings, db=db, until=until, what=what, tick_seconds=3600))

    restart(ticked(db), "the first tick")
    assert job_rows(db) == before

    soon = (datetime.now(oslo) + timedelta(seconds=2)).strftime("%Y-%m-%dT%H:%M:%S")
    now_campaign = create_and_launch(
        cli,
        tmp_path / "now.toml",
        TOML.replace("2026-01-05T09:00", soon).replace("after_days = 7", "after_days = 0"),
    )
    assert {f"campaign-{now_campaign}-step-{sid}" for sid in step_ids(db, now_campaign)} <= set(job_rows(db))

    def materialised() -> bool:
        with db.session() as session:
            return all(s.materialized_at for s in session.get_one(Campaign, now_campaign).steps)

    restart(materialised, "both steps of the campaign due now materialised")
    with db.session() as session:
        count = session.scalar(
            select(func.count()).select_from(Message).where(Message.campaign_id == now_campaign)
        )
    assert count == 4  # two steps × two companies
    assert job_rows(db) == before  # the fired date jobs are gone; the later campaign's are untouched


def test_pause_and_cancel_remove_the_step_jobs_and_resume_writes_them_again(
    cli, db: Database, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    seed_companies(db)
    tomorrow = (datetime.now(ZoneInfo("Europe/Oslo")) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    campaign_id = create_and_launch(cli, tmp_path / "c.toml", TOML.replace("2026-01-05T09:00", tomorrow))
    launched = job_rows(db)
    assert len(launched) == 2
    assert cli("campaign", "pause", str(campaign_id)).exit_code == 0
    assert job_rows(db) == {}
    assert cli("campaign", "resume", str(campaign_id)).exit_code == 0
    assert job_rows(db) == launched
    assert cli("campaign", "cancel", str(campaign_id)).exit_code == 0
    assert job_rows(db) == {}


def test_cancel_keeps_messages_that_may_be_with_the_provider(
    cli, db: Database, settings: Settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from store.models import MessageState

    seed_companies(db)
    campaign_id = create_and_launch(cli, tmp_path / "c.toml", current(TOML))
    with db.transaction() as session:
        step = session.scalars(select(CampaignStep).where(CampaignStep.campaign_id == campaign_id)).first()
        assert step is not None
        materialise_step(session, step_id=step.id, settings=settings)
        first, second = session.scalars(select(Message).order_by(Message.id)).all()
        first.state = MessageState.UNKNOWN  # the provider call timed out: it may have been delivered
        second.state = MessageState.SENDING
    assert cli("campaign", "cancel", str(campaign_id)).exit_code == 0
    with db.session() as session:
        states = list(session.scalars(select(Message.state).order_by(Message.id)))
    assert states == [MessageState.UNKNOWN, MessageState.SENDING]


def test_lifecycle_errors_are_norwegian(cli, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed_companies(db)
    path = tmp_path / "c.toml"
    path.write_text(current(TOML))
    campaign_id = json.loads(cli("campaign", "create", str(path), "--json").stdout)["id"]
    refused = cli("campaign", "resume", str(campaign_id))
    assert refused.exit_code == 2
    assert f"Kampanje {campaign_id} er utkast; bare en kampanje på pause kan fortsette" in refused.stderr
    assert "Kampanje 999 finnes ikke" in cli("campaign", "status", "999").stderr
