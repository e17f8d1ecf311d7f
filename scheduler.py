"""APScheduler jobs: campaign steps, the housekeeping tick, and daily jobs (lead re-announcements, retention).

Step jobs live in a SQLAlchemyJobStore in the application's database, one per step with an id derived from it
(`campaign-<cid>-step-<sid>`, replace_existing), so a restart or a second launch never duplicates them. Launch
happens in other processes (CLI, dashboard): the scheduler's tick re-reads launched campaigns every few seconds
and adds the jobs they lack. Misfires are not dropped (misfire_grace_time=None): the stale check decides what
an overdue step does. Run exactly one scheduler per database (APScheduler does not share a job store).
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import logging
from datetime import datetime, timedelta
from typing import Any

from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import select

from settings import Settings
from store.db import Database
from store.models import Campaign, CampaignState, CampaignStep, Heartbeat, Notice, utcnow

log = logging.getLogger(__name__)
TICK_SECONDS = 5.0

# (job id, "module:function", hour, minute) run daily in Europe/Oslo; each takes (session, *, now[, settings]).
DAILY_JOBS: list[tuple[str, str, int, int]] = [
    ("daily-lead-announce", "bot.lead_jobs:announce_unclaimed", 8, 0),
    ("daily-retention", "store.retention:purge_expired", 3, 30),
]

_running: CampaignScheduler | None = None  # the jobs below are module-level (pickled by reference)


def step_job_id(campaign_id: int, step_id: int) -> str:
    return f"campaign-{campaign_id}-step-{step_id}"


async def run_step_job(campaign_id: int, step_id: int) -> None:
    """A step's time has come: materialise it into the outbox (in a thread; it renders and writes)."""
    if _running is not None:
        await asyncio.to_thread(_running.materialise, campaign_id, step_id)


class CampaignScheduler:
    name = "scheduler"

    def __init__(self, *, settings: Settings, db: Database, tick_seconds: float = TICK_SECONDS) -> None:
        self.settings = settings
        self.db = db
        self.tick_seconds = tick_seconds
        self.scheduler: AsyncIOScheduler | None = None

    async def start(self) -> None:
        global _running
        _running = self
        self.scheduler = AsyncIOScheduler(
            timezone=self.settings.timezone,
            jobstores={"default": SQLAlchemyJobStore(url=self.db.url), "memory": MemoryJobStore()},
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
        for campaign_id, step_id, when in wanted:
            job_id = step_job_id(campaign_id, step_id)
            if self.scheduler.get_job(job_id, jobstore="default") is None:
                self.scheduler.add_job(
                    "scheduler:run_step_job", "date", run_date=when, args=[campaign_id, step_id], id=job_id,
                    jobstore="default", replace_existing=True, misfire_grace_time=None,
                )  # fmt: skip

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
            beat = session.get(Heartbeat, self.name)
            if beat is None:
                session.add(Heartbeat(name=self.name, beat_at=now))
            else:
                beat.beat_at = now
            rows = session.execute(
                select(CampaignStep.campaign_id, CampaignStep.id, CampaignStep.scheduled_for)
                .join(Campaign, Campaign.id == CampaignStep.campaign_id)
                .where(
                    Campaign.state.in_([CampaignState.SCHEDULED, CampaignState.RUNNING]),
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

        with self.db.transaction() as session:
            campaign = session.get(Campaign, campaign_id)
            step = session.get(CampaignStep, step_id)
            if campaign is None or step is None or step.materialized_at is not None:
                return 0
            if campaign.state not in (CampaignState.SCHEDULED, CampaignState.RUNNING):
                return 0  # paused or cancelled: the tick adds the job again on resume
            # A job the store kept through downtime fires as soon as the scheduler starts, possibly before the
            # first tick: the stale rule decides here too, or an overdue step would go out by itself.
            stale_after = timedelta(hours=self.settings.stale_after_hours)
            if campaign_id in pause_stale(session, now=utcnow(), stale_after=stale_after):
                log.warning(
                    "campaign %s paused: step %s is overdue by more than STALE_AFTER", campaign_id, step_id
                )
                return 0
        try:
            with self.db.transaction() as session:
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
