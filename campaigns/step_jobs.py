"""The campaign steps' APScheduler jobs, kept in step with the campaigns' states (PRODUCT §5).

Step jobs live in a SQLAlchemyJobStore in the application's database (table `apscheduler_jobs`, created by
Alembic), one per step with an id derived from it (`campaign-<cid>-step-<sid>`, replace_existing), so a restart
or a second launch never duplicates them. A change of state (campaigns.state) happens in any process (CLI,
dashboard, API, the scheduler itself): once it commits, `sync_step_jobs` writes or removes the campaign's jobs
through a paused, short-lived scheduler that never runs a job; the running scheduler (scheduler.py) picks them
up at its next wake-up, and its tick adds any job still missing (a crash between commit and write).

This module is the campaigns' side of the scheduler: scheduler.py imports it, never the other way round. A job
names its function by reference ("scheduler:run_step_job"), which APScheduler resolves when the job runs.
"""

from __future__ import annotations

import logging
from datetime import datetime

from apscheduler.jobstores.base import BaseJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from sqlalchemy import Engine
from sqlalchemy import event
from sqlalchemy.orm import Session

from store.models import Campaign
from store.models.enums import LIVE_CAMPAIGN_STATES
from store.models.scheduler import APSCHEDULER_JOBS
from store.times import ZONE_NAME

log = logging.getLogger(__name__)

RUN_STEP_JOB = "scheduler:run_step_job"  # the running scheduler's job function, resolved when a job fires
JOB_DEFAULTS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": None}


def step_job_id(campaign_id: int, step_id: int) -> str:
    return f"campaign-{campaign_id}-step-{step_id}"


class StepJobStore(SQLAlchemyJobStore):
    """APScheduler's SQLAlchemy store on the application's engine; Alembic owns the table, we own the engine."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine=engine, tablename=APSCHEDULER_JOBS)

    def start(self, scheduler: BaseScheduler, alias: str) -> None:
        BaseJobStore.start(self, scheduler, alias)  # skips SQLAlchemyJobStore's CREATE TABLE

    def shutdown(self) -> None:
        """Leaves the engine alone: it is the application's (SQLAlchemyJobStore would dispose of its pool)."""


class _JobWriter(BackgroundScheduler):
    """A scheduler that only writes jobs into the store and never runs one.

    Started paused it does not process jobs, but `shutdown()` wakes its thread in the stopped state, and
    APScheduler 3 then runs (and, for a date trigger, deletes) every due job: a step would be lost."""

    def _process_jobs(self) -> float | None:
        return None


def add_step_job(scheduler: BaseScheduler, campaign_id: int, step_id: int, when: datetime) -> None:
    scheduler.add_job(
        RUN_STEP_JOB, "date", run_date=when, args=[campaign_id, step_id],
        id=step_job_id(campaign_id, step_id), jobstore="default", replace_existing=True, misfire_grace_time=None,
    )  # fmt: skip


def sync_step_jobs(engine: Engine, *, campaign_id: int, timezone: str) -> list[str]:
    """Makes the job store hold exactly the jobs the campaign's state asks for; returns their ids.

    A launched or resumed campaign gets one job per step not yet materialised (at its scheduled time; a time
    already past fires as soon as the scheduler sees it); a paused, cancelled or completed one gets none."""
    with Session(engine) as session:
        campaign = session.get(Campaign, campaign_id)
        live = campaign is not None and campaign.state in LIVE_CAMPAIGN_STATES
        steps = list(campaign.steps) if campaign is not None else []
        wanted = {
            step.id: step.scheduled_for
            for step in steps
            if live and step.materialized_at is None and step.scheduled_for is not None
        }
        unwanted = [step.id for step in steps if step.id not in wanted]
    scheduler = _JobWriter(
        jobstores={"default": StepJobStore(engine)}, timezone=timezone, job_defaults=JOB_DEFAULTS
    )
    scheduler.start(paused=True)  # paused: this scheduler only writes, it never runs a job
    try:
        for step_id, when in wanted.items():
            assert when is not None
            add_step_job(scheduler, campaign_id, step_id, when)
        for step_id in unwanted:
            if scheduler.get_job(step_job_id(campaign_id, step_id), jobstore="default") is not None:
                scheduler.remove_job(step_job_id(campaign_id, step_id), jobstore="default")
    finally:
        scheduler.shutdown(wait=False)
    return [step_job_id(campaign_id, step_id) for step_id in wanted]


_PENDING_JOBS = "campaign_jobs_after_commit"


def write_jobs_after_commit(session: Session, *, campaign_id: int, timezone: str | None = None) -> None:
    """Brings the campaign's step jobs in the job store in line with its state when `session` commits.

    After the commit, not before: a job must never exist for a launch that was rolled back, and the CLI, the
    dashboard and the API each commit in their own way. A failure here is logged, not raised (the change
    itself has committed); the scheduler's tick adds any job that is still missing."""
    pending: dict[int, str | None] | None = session.info.get(_PENDING_JOBS)
    if pending is None:
        pending = session.info[_PENDING_JOBS] = {}
        event.listen(session, "after_commit", _write_pending_jobs, once=True)
    pending[campaign_id] = timezone or pending.get(campaign_id)


def _write_pending_jobs(session: Session) -> None:
    pending: dict[int, str | None] = session.info.pop(_PENDING_JOBS, {})
    bind = session.get_bind()
    engine = bind if isinstance(bind, Engine) else bind.engine
    for campaign_id, timezone in pending.items():
        try:
            sync_step_jobs(engine, campaign_id=campaign_id, timezone=timezone or ZONE_NAME)
        except Exception:
            log.exception(
                "campaign %s: step jobs not written; the scheduler's tick will add them", campaign_id
            )
