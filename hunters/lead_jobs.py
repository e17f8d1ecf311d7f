"""The daily lead job: remind hunters of leads nobody has taken, and show staff those that waited three
Norwegian working days (PRODUCT §7)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from datetime import datetime
from datetime import timedelta
from functools import lru_cache

import holidays
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue.stored import stored_text
from hunters.leads import announce_lead
from hunters.routing import campaign_routing
from store.models import CampaignOwner
from store.models import Company
from store.models import Lead
from store.models import LeadState
from store.models import Notice
from store.models import Registration
from store.times import OSLO

FLAG_AFTER_WORKING_DAYS = 3
# The job runs once a day; a second run the same day (restart, two schedulers by mistake) must not
# remind hunters twice, so a lead announced less than this long ago is left alone.
REANNOUNCE_AFTER = timedelta(hours=20)


@lru_cache(maxsize=16)
def _norwegian_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("NO", years=year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _norwegian_holidays(day.year)


def add_working_days(moment: datetime, days: int) -> datetime:
    """The same Oslo wall-clock time `days` working days later (weekends and public holidays skipped)."""
    local = moment.astimezone(OSLO)
    day = local.date()
    left = days
    while left > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return datetime.combine(day, local.timetz().replace(tzinfo=None), tzinfo=OSLO).astimezone(moment.tzinfo)


@dataclass(frozen=True)
class AnnounceSummary:
    reannounced: int  # leads announced again
    notifications: int  # notifications queued for them
    flagged: int  # leads newly shown to staff


def announce_unclaimed(session: Session, *, now: datetime) -> AnnounceSummary:
    """Re-announces every lead still `new`, and flags for staff those older than three working days."""
    reannounced = notifications = flagged = 0
    leads = session.scalars(select(Lead).where(Lead.state == LeadState.NEW).order_by(Lead.id)).all()
    for lead in leads:
        if lead.announced_at is None or now - lead.announced_at >= REANNOUNCE_AFTER:
            notifications += announce_lead(session, lead=lead, now=now, reminder=True)
            reannounced += 1
        if lead.flagged_at is None and now >= add_working_days(lead.created_at, FLAG_AFTER_WORKING_DAYS):
            lead.flagged_at = now
            company = session.get(Company, lead.company_id)
            name = company.name if company is not None else f"#{lead.company_id}"
            session.add(
                Notice(
                    kind="lead_unclaimed",
                    lead_id=lead.id,
                    text=stored_text(
                        "notice_lead_unclaimed",
                        id=lead.id,
                        name=name,
                        county=lead.county_number or "–",
                        days=FLAG_AFTER_WORKING_DAYS,
                    ),
                )
            )
            flagged += 1
    session.flush()
    return AnnounceSummary(reannounced, notifications, flagged)


def hand_over_unclaimed(session: Session, *, now: datetime) -> int:
    """Hands the leads of `owner_then_county` campaigns that no owner claimed within `route_after_days` working
    days to the county's hunters, and announces them there; returns how many. Runs daily before the announce
    job; a second run finds nothing left to hand over (`handed_to_county_at` is set once)."""
    handed = 0
    owned = session.scalars(select(CampaignOwner.campaign_id).distinct()).all()
    for campaign_id in owned:
        routing = campaign_routing(session, campaign_id=campaign_id)
        if routing.route != "owner_then_county":
            continue
        leads = session.scalars(
            select(Lead)
            .join(Registration, Registration.id == Lead.registration_id)
            .where(
                Registration.campaign_id == campaign_id,
                Lead.state == LeadState.NEW,
                Lead.handed_to_county_at.is_(None),
            )
            .order_by(Lead.id)
        ).all()
        for lead in leads:
            if now < add_working_days(lead.created_at, routing.after_days):
                continue
            lead.handed_to_county_at = now
            announce_lead(session, lead=lead, now=now, reminder=False)
            handed += 1
    session.flush()
    return handed
