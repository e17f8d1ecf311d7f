"""APScheduler jobs: campaign steps, the housekeeping tick, and daily jobs (lead re-announcements, retention).

Step jobs live in a SQLAlchemyJobStore in the application's database (table `apscheduler_jobs`, created by
Alembic), one per step with an id derived from it (`campaign-<cid>-step-<sid>`, replace_existing), so a restart
or a second launch never duplicates them. Launch, resume, pause and cancel happen in any process (CLI,
dashboard, API): once they commit, `sync_step_jobs` writes or removes the campaign's jobs through a paused,
short-lived scheduler that never runs a job; the running scheduler picks them up at its next wake-up (at
least every tick). The tick also adds any job still missing (a crash between commit and write). Misfires are
not dropped (misfire_grace_time=None): the stale check decides what an overdue step does. Run exactly one
running scheduler per database (APScheduler does not share a job store between running schedulers).
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import logging
from datetime import datetime, timedelta
from typing import Any

from apscheduler.jobstores.base import BaseJobStore
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from campaigns.dispatch.claim import LIVE_STATES
from settings import Settings
from store.db import Database
from store.heartbeats import record_heartbeat
from store.models import Campaign, CampaignState, CampaignStep, Notice, utcnow
from store.models.scheduler import APSCHEDULER_JOBS

log = logging.getLogger(__name__)
TICK_SECONDS = 5.0

# (job id, "module:function", hour, minute) run daily in Europe/Oslo; each takes (session, *, now[, settings]).
DAILY_JOBS: list[tuple[str, str, int, int]] = [
    ("daily-lead-handover", "hunters.lead_jobs:hand_over_unclaimed", 7, 45),
    ("daily-lead-announce", "hunters.lead_jobs:announce_unclaimed", 8, 0),
    ("daily-retention", "companies.retention:purge_expired", 3, 30),
]

_running: CampaignScheduler | None = None  # the jobs below are module-level (pickled by reference)


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
        "scheduler:run_step_job", "date", run_date=when, args=[campaign_id, step_id],
        id=step_job_id(campaign_id, step_id), jobstore="default", replace_existing=True, misfire_grace_time=None,
    )  # fmt: skip


def sync_step_jobs(engine: Engine, *, campaign_id: int, timezone: str) -> list[str]:
    """Makes the job store hold exactly the jobs the campaign's state asks for; returns their ids.

    A launched or resumed campaign gets one job per step not yet materialised (at its scheduled time; a time
    already past fires as soon as the scheduler sees it); a paused, cancelled or completed one gets none."""
    with Session(engine) as session:
        campaign = session.get(Campaign, campaign_id)
        live = campaign is not None and campaign.state in LIVE_STATES
        steps = list(campaign.steps) if campaign is not None else []
        wanted = {
            step.id: step.scheduled_for
            for step in steps
            if live and step.materialized_at is None and step.scheduled_for is not None
        }
        unwanted = [step.id for step in steps if step.id not in wanted]
    scheduler = _JobWriter(
        jobstores={"default": StepJobStore(engine)},
        timezone=timezone,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
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


async def run_step_job(campaign_id: int, step_id: int) -> None:
    """A step's time has come: materialise it into the outbox (in a thread; it renders and writes)."""
    if _running is None:
        return
    # APScheduler drops a date job from its store before running it: the tick must not add it again meanwhile.
    _running.materialising.add(step_id)
    try:
        await asyncio.to_thread(_running.materialise, campaign_id, step_id)
    finally:
        _running.materialising.discard(step_id)


class CampaignScheduler:
    name = "scheduler"

    def __init__(self, *, settings: Settings, db: Database, tick_seconds: float = TICK_SECONDS) -> None:
        self.settings = settings
        self.db = db
        self.tick_seconds = tick_seconds
        self.materialising: set[int] = set()  # step ids whose job is running right now
        self.scheduler: AsyncIOScheduler | None = None

    async def start(self) -> None:
        global _running
        _running = self
        self.scheduler = AsyncIOScheduler(
            timezone=self.settings.timezone,
            jobstores={"default": StepJobStore(self.db.engine), "memory": MemoryJobStore()},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
        )
        self.scheduler.add_job(
            self.tick,
            "interval",
            seconds=self.tick_seconds,
            id="tick",
            jobstore="memory",
            next_run_time=datetime.now(self.scheduler.timezone),
        )
        for job_id, target, hour, minute in DAILY_JOBS:
            self.scheduler.add_job(
                self.daily,
                "cron",
                args=[target],
                hour=hour,
                minute=minute,
                id=job_id,
                jobstore="memory",
                timezone=self.settings.timezone,
            )
        self.scheduler.start()
        log.info("scheduler started (tick every %.0f s, %d daily jobs)", self.tick_seconds, len(DAILY_JOBS))

    async def stop(self) -> None:
        global _running
        if self.scheduler is not None:
            self.scheduler.shutdown(wait=False)
            self.scheduler = None
        if _running is self:
            _running = None

    # --- the tick ------------------------------------------------------------------------------------------

    async def tick(self) -> None:
        try:
            wanted = await asyncio.to_thread(self._housekeeping)
        except Exception:
            log.exception("scheduler tick failed")
            return
        assert self.scheduler is not None
        for campaign_id, step_id, when in wanted:  # a safety net: launch and resume write these themselves
            if step_id in self.materialising:
                continue
            if self.scheduler.get_job(step_job_id(campaign_id, step_id), jobstore="default") is None:
                add_step_job(self.scheduler, campaign_id, step_id, when)

    def _housekeeping(self) -> list[tuple[int, int, datetime]]:
        """Stale check, completion, heartbeat; returns the steps that need a job."""
        from campaigns.lifecycle import pause_stale, refresh_completion

        now = utcnow()
        with self.db.transaction() as session:
            stale = pause_stale(
                session, now=now, stale_after=timedelta(hours=self.settings.stale_after_hours)
            )
            if stale:
                log.warning("campaigns %s paused: a step is overdue by more than STALE_AFTER", stale)
            refresh_completion(session, now=now)
            record_heartbeat(session, name=self.name, now=now)
            rows = session.execute(
                select(CampaignStep.campaign_id, CampaignStep.id, CampaignStep.scheduled_for)
                .join(Campaign, Campaign.id == CampaignStep.campaign_id)
                .where(
                    Campaign.state.in_(LIVE_STATES),
                    CampaignStep.materialized_at.is_(None),
                    CampaignStep.scheduled_for.is_not(None),
                )
            ).tuples()
            return [(cid, sid, max(when, now)) for cid, sid, when in rows if when is not None]

    # --- jobs ----------------------------------------------------------------------------------------------

    def materialise(self, campaign_id: int, step_id: int) -> int:
        from campaigns.lifecycle import pause_stale
        from campaigns.outbox import materialise_step
        from campaigns.templating import TemplateProblem

        try:
            with self.db.transaction() as session:
                # The conditional write takes the campaign's row (PostgreSQL) or the database (SQLite) first, so
                # a tick pausing the campaign meanwhile either goes first and is seen here, or waits until the
                # step is queued; checking on rows read before that would let a paused campaign run again.
                held = session.execute(
                    update(Campaign)
                    .where(Campaign.id == campaign_id, Campaign.state.in_(LIVE_STATES))
                    .values(state=Campaign.state)
                    .execution_options(synchronize_session=False)
                )
                if not getattr(held, "rowcount", 0):
                    return 0  # gone, paused or cancelled: resume writes the job again
                step = session.get(CampaignStep, step_id)
                if step is None or step.materialized_at is not None:
                    return 0
                # A job the store kept through downtime fires as soon as the scheduler starts, possibly before
                # the first tick: the stale rule decides here too, or an overdue step would go out by itself.
                stale_after = timedelta(hours=self.settings.stale_after_hours)
                if campaign_id in pause_stale(session, now=utcnow(), stale_after=stale_after):
                    log.warning(
                        "campaign %s paused: step %s is overdue by more than STALE_AFTER",
                        campaign_id,
                        step_id,
                    )
                    return 0
                count = materialise_step(session, step_id=step_id, settings=self.settings)
                campaign = session.get_one(Campaign, campaign_id)
                campaign.state = CampaignState.RUNNING
        except TemplateProblem as exc:  # create and preview render everything, so this is a changed template
            with self.db.transaction() as session:
                campaign = session.get_one(Campaign, campaign_id)
                campaign.state = CampaignState.PAUSED
                campaign.state_reason = f"Malen kunne ikke lages: {exc}"
                session.add(
                    Notice(kind="campaign_template", text=campaign.state_reason, campaign_id=campaign_id)
                )
            return 0
        log.info("campaign %s step %s: %d messages queued", campaign_id, step_id, count)
        return count

    async def daily(self, target: str) -> None:
        await asyncio.to_thread(self._run_daily, target)

    def _run_daily(self, target: str) -> Any:
        module, _, function = target.partition(":")
        job = getattr(importlib.import_module(module), function)
        extra = {"settings": self.settings} if "settings" in inspect.signature(job).parameters else {}
        with self.db.transaction() as session:
            return job(session, now=utcnow(), **extra)
