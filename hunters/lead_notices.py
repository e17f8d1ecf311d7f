"""Lead notices for the members of hunter organisations (PRODUCT §10): new leads, re-announcements and
outcomes, by e-mail, SMS or Telegram as each member chose, at once or as one daily digest.

The database is the queue: the lead functions only write `member_notice` rows (they run inside a chat turn or a
form post, which know no settings); the scheduler's tick renders the instant ones a few seconds later and the
daily job the digests, each with an absolute link to the lead in the portal (`PUBLIC_BASE_URL`), and puts them
in the outbox, where the dispatcher sends them like everything else (the sandbox shows them in the demo).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue import text
from catalogue.labels import label
from hunters import lead_texts
from hunters.notify import Buttons
from hunters.notify import chat_language
from hunters.notify import enqueue_notice
from settings import Settings
from store.db import savepoint
from store.models import Channel
from store.models import Company
from store.models import County
from store.models import Hunter
from store.models import HunterMember
from store.models import Lead
from store.models import LeadNote
from store.models import LeadState
from store.models import MemberNotice
from store.models import NoticeChannel
from store.models import NoticeMode
from store.models import utcnow

log = logging.getLogger(__name__)
BATCH = 200  # instant notices rendered per tick: the tick must stay short
SMS_LINES = 5  # an SMS digest names this many leads and links to the rest


def active_members(hunter: Hunter) -> list[HunterMember]:
    return [m for m in hunter.members if m.removed_at is None]


def queue_lead_notices(
    session: Session,
    *,
    lead: Lead,
    kind: str,
    hunters: list[Hunter],
    now: datetime,
    skip_member_id: int | None = None,
) -> int:
    """Queues one notice per active member of each organisation (`kind`: new | reminder | outcome)."""
    count = 0
    for hunter in hunters:
        for member in active_members(hunter):
            if member.id == skip_member_id:
                continue
            session.add(MemberNotice(member_id=member.id, lead_id=lead.id, kind=kind, created_at=now))
            count += 1
    session.flush()
    return count


def lead_url(base_url: str, lead_id: int) -> str:
    return f"{base_url.rstrip('/')}/jeger/leads/{lead_id}"


def member_delivery(member: HunterMember) -> tuple[Channel, str] | None:
    """Where the member's notices go: the channel they chose, else any address we have for them."""
    addresses = {
        NoticeChannel.EMAIL: member.email,
        NoticeChannel.SMS: member.phone,
        NoticeChannel.TELEGRAM: member.telegram_chat_id,
    }
    order = [member.notice_channel, NoticeChannel.EMAIL, NoticeChannel.SMS, NoticeChannel.TELEGRAM]
    for channel in order:
        address = addresses[channel]
        if address:
            return Channel(channel.value), address
    return None


def member_language(session: Session, member: HunterMember) -> str:
    """The language a member's notices are written in: the one they chose in their Telegram chat with the bot
    (`/sprak`, or their Telegram app's at sign-up), whatever channel the notice goes by; bokmål for a member
    without a chat. Members have no language setting of their own, and organisations none either."""
    return chat_language(session, member.telegram_chat_id)


def _line(
    session: Session, notice: MemberNotice, lead: Lead, base_url: str, language: str
) -> tuple[str, str]:
    """(subject, text) of one notice, in `language` (member_language)."""
    company = session.get(Company, lead.company_id)
    name = company.name if company is not None else "?"
    county = session.get(County, lead.county_number) if lead.county_number else None
    city = company.business_city or company.postal_city if company is not None else None
    place = ", ".join(p for p in (city, county.name.split(" - ")[0] if county else None) if p)
    url = lead_url(base_url, lead.id)
    if notice.kind == "outcome":
        who = session.scalar(
            select(HunterMember.name)
            .join(LeadNote, LeadNote.member_id == HunterMember.id)
            .where(LeadNote.lead_id == lead.id, LeadNote.kind == "outcome")
            .order_by(LeadNote.id.desc())
            .limit(1)
        )
        outcome = label(lead.state, "lead", language, lower=True)
        return (
            text("notice_outcome_subject", language, company=name),
            text("notice_outcome", language, member=who or "?", company=name, outcome=outcome, url=url),
        )
    kind = "reminder" if notice.kind == "reminder" else "new"
    return text(f"notice_{kind}_subject", language, company=name), text(
        f"notice_{kind}", language, company=name, place=place, url=url
    )


def _stale(notice: MemberNotice, lead: Lead) -> bool:
    """A new-lead notice whose lead was taken meanwhile is no news any more."""
    return notice.kind in ("new", "reminder") and lead.state != LeadState.NEW


def send_instant_notices(session: Session, *, settings: Settings, now: datetime | None = None) -> int:
    """Renders and queues the waiting notices of members who want them at once; returns how many went out."""
    now = now or utcnow()
    rows = session.execute(
        select(MemberNotice, HunterMember)
        .join(HunterMember, HunterMember.id == MemberNotice.member_id)
        .where(MemberNotice.sent_at.is_(None), HunterMember.notice_mode == NoticeMode.INSTANT)
        .order_by(MemberNotice.id)
        .limit(BATCH)
    ).tuples()
    sent = 0
    for notice, member in rows:
        notice.sent_at = now
        lead = session.get(Lead, notice.lead_id)
        delivery = member_delivery(member)
        if lead is None or delivery is None or member.removed_at is not None or _stale(notice, lead):
            continue
        channel, address = delivery
        try:
            with savepoint(session):  # one notice that cannot be rendered must not hold back the others
                language = member_language(session, member)
                subject, body = _line(session, notice, lead, settings.public_base_url, language)
                buttons: Buttons | None = None
                if channel is Channel.TELEGRAM and notice.kind != "outcome":
                    buttons = lead_texts.claim_buttons(lead.id, language)
                enqueue_notice(
                    session, channel=channel, address=address, subject=subject, text=body, buttons=buttons,
                    hunter_id=member.hunter_id, lead_id=lead.id, company_id=lead.company_id,
                )  # fmt: skip
        except Exception:
            log.exception(
                "lead notice %s for member %s could not be queued; it is dropped", notice.id, member.id
            )
            continue
        sent += 1
    session.flush()
    return sent


def send_digests(session: Session, *, now: datetime, settings: Settings) -> int:
    """The daily job: one message per digest member with everything that waited for them; returns how many."""
    rows = session.execute(
        select(MemberNotice, HunterMember)
        .join(HunterMember, HunterMember.id == MemberNotice.member_id)
        .where(MemberNotice.sent_at.is_(None), HunterMember.notice_mode == NoticeMode.DIGEST)
        .order_by(MemberNotice.member_id, MemberNotice.id)
    ).tuples()
    waiting: dict[int, list[tuple[MemberNotice, Lead]]] = defaultdict(list)
    members: dict[int, HunterMember] = {}
    for notice, member in rows:
        notice.sent_at = now
        lead = session.get(Lead, notice.lead_id)
        if lead is None or member.removed_at is not None or _stale(notice, lead):
            continue
        waiting[member.id].append((notice, lead))
        members[member.id] = member
    sent = 0
    for member_id, items in waiting.items():
        member = members[member_id]
        delivery = member_delivery(member)
        if delivery is None:
            continue
        channel, address = delivery
        language = member_language(session, member)
        lines = [
            _line(session, notice, lead, settings.public_base_url, language)[1] for notice, lead in items
        ]
        if channel is Channel.SMS and len(lines) > SMS_LINES:
            lines = [
                *lines[:SMS_LINES],
                f"… +{len(lines) - SMS_LINES}: {settings.public_base_url.rstrip('/')}/jeger/",
            ]
        intro = text("notice_digest_intro", language, name=member.name, org=member.hunter.org_name)
        enqueue_notice(
            session, channel=channel, address=address, subject=text("notice_digest_subject", language),
            text="\n\n".join([intro, *lines]), hunter_id=member.hunter_id,
        )  # fmt: skip
        sent += 1
    session.flush()
    return sent
