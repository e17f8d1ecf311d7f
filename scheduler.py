"""The running scheduler: campaign steps' jobs, the housekeeping tick, and daily jobs (lead re-announcements,
retention).

The step jobs are written by campaigns.step_jobs whenever a campaign's state changes (in any process); this
scheduler runs them, and its tick adds any job still missing (a crash between commit and write). Misfires are
not dropped (misfire_grace_time=None): the stale check decides what an overdue step does. Run exactly one
running scheduler per database (APScheduler does not share a job store between running schedulers).
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import logging
from datetime import datetime
from datetime import timedelta
from typing import Any

from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import select
from sqlalchemy import update

from campaigns.state import LIVE_STATES
from campaigns.state import transition
from campaigns.step_jobs import JOB_DEFAULTS
from campaigns.step_jobs import StepJobStore
from campaigns.step_jobs import add_step_job
from campaigns.step_jobs import step_job_id
from catalogue.stored import stored_text
from settings import Settings
from store.db import Database
from store.heartbeats import record_heartbeat
from store.models import Campaign
from store.models import CampaignState
from store.models import CampaignStep
from store.models import utcnow

log = logging.getLogger(__name__)
TICK_SECONDS = 5.0

# (job id, "module:function", hour, minute) run daily in Europe/Oslo; each takes (session, *, now[, settings]).
DAILY_JOBS: list[tuple[str, str, int, int]] = [
    ("daily-lead-handover", "hunters.lead_jobs:hand_over_unclaimed", 7, 45),
    ("daily-lead-announce", "hunters.lead_jobs:announce_unclaimed", 8, 0),
    ("daily-member-digest", "hunters.lead_notices:send_digests", 8, 15),  # after the re-announcements
    ("daily-retention", "companies.retention:purge_expired", 3, 30),
]

# (job id, "module:function", seconds): run every so often, same signature as the daily jobs.
INTERVAL_JOBS: list[tuple[str, str, int]] = [
    # Meeting reminders go at a moment the send window allows; ten minutes is REMINDER_SLACK's margin.
    ("meeting-reminders", "campaigns.meeting_reminders:queue_due_reminders", 600),
    # The triggers append a delta per message change; folding keeps the rows a count read sums few.
    ("fold-message-counts", "campaigns.counts:fold_counts", 60),
]

# (job id, "module:function", day, hour, minute) run weekly in Europe/Oslo, same signature as the daily jobs.
WEEKLY_JOBS: list[tuple[str, str, str, int, int]] = [
    ("weekly-outcome-reports", "reports.outcome_mail:send_weekly_reports", "mon", 7, 0),
]

_running: CampaignScheduler | None = None  # the jobs below are module-level (pickled by reference)


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
            job_defaults=JOB_DEFAULTS,
        )
        self.scheduler.add_job(
            self.tick,
            "interval",
            seconds=self.tick_seconds,
            id="tick",
            jobstore="memory",
            next_run_time=datetime.now(self.scheduler.timezone),
        )
        # A daily job is a weekly one on every day (day_of_week None: APScheduler's "*").
        daily = [(job_id, target, None, hour, minute) for job_id, target, hour, minute in DAILY_JOBS]
        for job_id, target, day, hour, minute in [*daily, *WEEKLY_JOBS]:
            self.scheduler.add_job(
                self.daily,
                "cron",
                args=[target],
                day_of_week=day,
                hour=hour,
                minute=minute,
                id=job_id,
                jobstore="memory",
                timezone=self.settings.timezone,
            )
        for job_id, target, seconds in INTERVAL_JOBS:
            self.scheduler.add_job(
                self.daily, "interval", args=[target], seconds=seconds, id=job_id, jobstore="memory"
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
        from campaigns.lifecycle import pause_stale
        from campaigns.lifecycle import refresh_completion

        now = utcnow()
        self.send_member_notices(now)
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

    def send_member_notices(self, now: datetime) -> int:
        """Members who want lead notices at once get them within a tick (the lead functions only queue them).
        Its own transaction, and a failure is logged: a notice that cannot be rendered must not stop the
        campaigns' housekeeping."""
        from hunters.lead_notices import send_instant_notices

        try:
            with self.db.transaction() as session:
                return send_instant_notices(session, settings=self.settings, now=now)
        except Exception:
            log.exception("member notices failed; they are tried again next tick")
            return 0

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
                transition(session, campaign, CampaignState.RUNNING)
        except TemplateProblem as exc:  # create and preview render everything, so this is a changed template
            with self.db.transaction() as session:
                campaign = session.get_one(Campaign, campaign_id)
                if campaign.state in LIVE_STATES:  # staff may have paused or cancelled it meanwhile
                    reason = stored_text("reason_template_broken", problem=exc.phrase())
                    transition(session, campaign, CampaignState.PAUSED, reason, notice="campaign_template")
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
