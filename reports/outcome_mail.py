"""The weekly outcome report by e-mail (`report_email = "weekly"`, PRODUCT §11): each Monday the owners'
members get it, or, for a campaign without owners, the county officers of the counties it reached.

One e-mail per recipient and campaign and ISO week: the job can run twice (a restart) without sending twice,
since the week's subject is looked for before one is queued. The workbook rides in the outbox row as base64
(a few tens of kilobytes) and the e-mail channel attaches it. Each recipient reads the e-mail in their own
language (see `recipients`); the workbook is the same for all.
"""

from __future__ import annotations

import base64
import io
from datetime import datetime
from datetime import timedelta

from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.definition_model import definition_of
from catalogue import known_language
from catalogue import text
from exports.tables import XLSX_MEDIA_TYPE
from hunters.lead_notices import member_language
from reports.outcome_export import default_filename
from reports.outcome_export import write_xlsx
from reports.outcomes import MEASURES
from reports.outcomes import OutcomeReport
from reports.outcomes import outcome_report
from settings import Settings
from store.languages import LANGUAGES
from store.models import Campaign
from store.models import CampaignState
from store.models import Channel
from store.models import HunterMember
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import StaffUser
from store.models import utcnow
from store.models.ownership import CampaignOwner
from store.models.staff import staff_county
from store.times import in_oslo

LIVE = (CampaignState.SCHEDULED, CampaignState.RUNNING, CampaignState.PAUSED)
AFTER_END = timedelta(days=8)  # one last report the Monday after a campaign ends


def recipients(session: Session, *, campaign: Campaign, report: OutcomeReport) -> list[tuple[str, str]]:
    """(address, language) of the owners' current members with an e-mail address, each in their language
    (hunters.lead_notices.member_language); else of the active county officers of the campaign's counties (its
    audience's, or those it reached), each in the language they chose for the dashboard."""
    members = session.scalars(
        select(HunterMember)
        .join(CampaignOwner, CampaignOwner.hunter_id == HunterMember.hunter_id)
        .where(
            CampaignOwner.campaign_id == campaign.id,
            HunterMember.removed_at.is_(None),
            HunterMember.email.is_not(None),
        )
        .order_by(HunterMember.email)
    ).all()
    if members:
        found = {m.email: member_language(session, m) for m in members if m.email}
        return sorted(found.items())
    counties = set(definition_of(campaign).audience.counties) or {
        county for county, counts in report.by_county.items() if counts.audience and county
    }
    if not counties:
        return []
    officers = session.execute(
        select(StaffUser.email, StaffUser.language)
        .join(staff_county, staff_county.c.staff_id == StaffUser.id)
        .where(
            StaffUser.county_officer.is_(True),
            StaffUser.active.is_(True),
            staff_county.c.county_number.in_(sorted(counties)),
        )
    ).all()
    return sorted({(email, known_language(language)) for email, language in officers})


def send_weekly_reports(session: Session, *, now: datetime | None = None, settings: Settings) -> int:
    """Queues this week's report e-mails; returns how many. The caller commits."""
    now = now or utcnow()
    week = in_oslo(now).isocalendar()
    label = f"{week.week} {week.year}"
    campaigns = session.scalars(
        select(Campaign).where(
            or_(
                Campaign.state.in_(LIVE),
                (Campaign.state == CampaignState.COMPLETED) & (Campaign.ended_at >= now - AFTER_END),
            )
        )
    ).all()
    queued = 0
    for campaign in campaigns:
        if definition_of(campaign).report_email != "weekly":
            continue
        report = outcome_report(session, campaign_id=campaign.id)
        # This week's subject in each language: the mark of a report already queued, whatever its language.
        subjects = {
            lang: text("outcome_mail_subject", lang, week=label, name=campaign.name) for lang in LANGUAGES
        }
        already = set(
            session.scalars(
                select(Message.address).where(
                    Message.campaign_id == campaign.id,
                    Message.kind == MessageKind.NOTIFICATION,
                    Message.subject.in_(sorted(set(subjects.values()))),
                )
            )
        )
        wanted = [
            (a, lang) for a, lang in recipients(session, campaign=campaign, report=report) if a not in already
        ]
        if not wanted:
            continue
        files = {
            language: _workbook(report, campaign.id, language) for language in {lang for _, lang in wanted}
        }
        totals = dict(zip(MEASURES, report.total.values(), strict=True))
        url = f"{settings.public_base_url.rstrip('/')}/admin/campaigns/{campaign.id}/outcomes"
        for address, language in wanted:
            session.add(
                Message(
                    kind=MessageKind.NOTIFICATION,
                    priority=5,
                    campaign_id=campaign.id,
                    channel=Channel.EMAIL,
                    address=address,
                    language=language,
                    subject=subjects[language],
                    body=text("outcome_mail_body", language, name=campaign.name, url=url, **totals),
                    extra={"file": files[language]},
                    state=MessageState.QUEUED,
                    due_at=now,
                )
            )
            queued += 1
    session.flush()
    return queued


def _workbook(report: OutcomeReport, campaign_id: int, language: str) -> dict[str, str]:
    """The report's workbook as an e-mail attachment, its sheets and headings in the recipient's language."""
    binary = io.BytesIO()
    write_xlsx(report, binary, language)
    return {
        "filename": default_filename(campaign_id),
        "media_type": XLSX_MEDIA_TYPE,
        "base64": base64.b64encode(binary.getvalue()).decode(),
    }
