"""Campaign definitions, audiences, the outbox and the lifecycle, through the domain and the CLI."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from campaigns.definition import DefinitionError, parse_definition
from campaigns.lifecycle import launch_campaign, pause_stale
from campaigns.outbox import materialise_step
from campaigns.windows import SendWindow
from scheduler import CampaignScheduler
from settings import Settings
from store.db import Database
from store.models import (
    Campaign,
    CampaignState,
    CampaignStep,
    ContactKind,
    Message,
    Registration,
    RegistrationSource,
    utcnow,
)
from store.optouts import record_opt_out
from store.secrets import AddressHasher
from tests.outbox_factories import make_recipient

COUNTIES = {"55", "56", "03"}
TOML = """name = "Sommer 2027"
language = "nb"

[window]
days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
start = "00:00"
end = "23:59"
skip_holidays = false

[audience]
counties = ["55"]
nace = ["43"]
employees = [2, 500]

[[steps]]
name = "sms"
channel = "sms"
template = "sms/invitasjon"
at = "2026-01-05T09:00"

[[steps]]
name = "paaminnelse"
channel = "sms"
template = "sms/paaminnelse"
after_days = 7
only = "no_reply"
"""


def test_defaults_are_filled_in() -> None:
    definition = parse_definition(TOML, counties=COUNTIES)
    assert definition["rate"] == {"sms": 5.0, "email": 10.0, "telegram": 20.0}
    assert definition["fixed_language"] and definition["audience"]["exclude"] == [
        "opted_out",
        "registered",
        "training_company",
    ]
    assert definition["steps"][1]["only"] == "no_reply"


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
                    Registration(company_id=company.id, source=RegistrationSource.WEB, completed_at=utcnow())
                )
        return ids


def test_the_audience_keeps_exactly_who_may_be_contacted(cli, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    ids = seed_companies(db)
    path = tmp_path / "c.toml"
    path.write_text(TOML)
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


def test_create_refuses_an_empty_audience_and_stores_nothing(cli, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "c.toml"
    path.write_text(TOML)
    result = cli("campaign", "create", str(path))
    assert result.exit_code == 2 and "no company matches" in result.stderr
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Campaign)) == 0


def test_preview_reports_segments_and_cost(cli, db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed_companies(db)
    path = tmp_path / "c.toml"
    path.write_text(TOML)
    campaign_id = json.loads(cli("campaign", "create", str(path), "--json").stdout)["id"]
    result = cli("campaign", "preview", str(campaign_id), "--step", "sms", "--json")
    assert result.exit_code == 0, result.output
    (step,) = json.loads(result.stdout)["steps"]
    assert step["audience"] == 2 and step["encodings"] == {"GSM-7": 2}
    assert step["segments"]["max"] <= 2 and step["estimated_cost_nok"] == round(
        step["total_segments"] * 0.45, 2
    )
    assert len(step["samples"]) == 2 and "STOPP" in step["samples"][0]["body"]


def test_launch_restart_relaunch_gives_one_message_per_step_and_company(
    cli, db: Database, settings: Settings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    seed_companies(db)
    path = tmp_path / "c.toml"
    path.write_text(TOML.replace("after_days = 7", "after_days = 0"))
    campaign_id = json.loads(cli("campaign", "create", str(path), "--json").stdout)["id"]
    assert cli("campaign", "launch", str(campaign_id)).exit_code == 0

    async def run_scheduler(seconds: float) -> None:
        scheduler = CampaignScheduler(settings=settings, db=db, tick_seconds=0.3)
        await scheduler.start()
        await asyncio.sleep(seconds)
        await scheduler.stop()

    asyncio.run(run_scheduler(2.0))
    assert cli("campaign", "launch", str(campaign_id)).exit_code == 0  # by mistake
    asyncio.run(run_scheduler(2.0))  # a restarted scheduler
    with db.session() as session:
        for step in session.scalars(select(CampaignStep)):
            step.materialized_at = None  # force a second materialisation of every step
        session.commit()
        for step in session.scalars(select(CampaignStep)):
            materialise_step(session, step_id=step.id, settings=settings)
        session.commit()
        pairs = session.execute(select(Message.step_id, Message.company_id)).all()
        assert len(pairs) == len(set(pairs)) == 4  # two steps × two companies
        window = SendWindow.from_definition(session.get_one(Campaign, campaign_id).definition["window"])
        assert all(window.is_open(m.due_at) for m in session.scalars(select(Message)))
    status = json.loads(cli("campaign", "status", str(campaign_id), "--json").stdout)
    assert status["state"] == "running" and status["steps"][0]["counts"]["queued"] == 2
    assert set(status["steps"][0]["counts"]) == {
        "queued",
        "sending",
        "sent",
        "delivered",
        "failed",
        "undelivered",
        "skipped",
        "cancelled",
        "unknown",
    }


def test_cancel_marks_unsent_messages(cli, db: Database, settings: Settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed_companies(db)
    path = tmp_path / "c.toml"
    path.write_text(TOML)
    campaign_id = json.loads(cli("campaign", "create", str(path), "--json").stdout)["id"]
    cli("campaign", "launch", str(campaign_id))
    with db.transaction() as session:
        step = session.scalars(select(CampaignStep).where(CampaignStep.position == 0)).one()
        materialise_step(session, step_id=step.id, settings=settings)
    assert cli("campaign", "pause", str(campaign_id)).exit_code == 0
    assert cli("campaign", "cancel", str(campaign_id)).exit_code == 0
    status = json.loads(cli("campaign", "status", str(campaign_id), "--json").stdout)
    assert status["state"] == "cancelled" and status["steps"][0]["counts"]["cancelled"] == 2
    assert cli("campaign", "resume", str(campaign_id)).exit_code == 2
    assert cli("campaign", "status", "999").exit_code == 2


def test_a_step_overdue_after_downtime_pauses_the_campaign(db: Database, settings: Settings) -> None:
    seed_companies(db)
    from campaigns.lifecycle import create_campaign, resume_campaign

    with db.transaction() as session:
        campaign = create_campaign(session, source=TOML, filename="c.toml", settings=settings).campaign
        launch_campaign(session, campaign_id=campaign.id, settings=settings, now=utcnow() - timedelta(days=2))
        assert pause_stale(session, now=utcnow(), stale_after=timedelta(hours=6)) == [campaign.id]
        assert campaign.state is CampaignState.PAUSED and "systemet var nede" in (campaign.state_reason or "")
        resume_campaign(session, campaign_id=campaign.id, settings=settings)
        assert campaign.state is CampaignState.RUNNING
        assert session.scalar(select(func.count()).select_from(Message)) == 2
        assert pause_stale(session, now=utcnow(), stale_after=timedelta(hours=6)) == []
