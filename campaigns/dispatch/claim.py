"""Claims due outbox rows for sending, after the checks PRODUCT §5 asks for at send time.

One transaction per batch: due rows are read (on PostgreSQL with FOR UPDATE SKIP LOCKED, so workers never
take the same row), each is checked again — campaign state, send window, never-contact, opt-out, a decline or
reply that came meanwhile, the per-day cap — and then skipped, deferred, cancelled or claimed. A row left
queued gets its `wait_reason` (window, send day, holiday, daily cap, rate, paused) beside its `due_at`, so
staff can see why it waits and until when (campaigns/waits.py). The claim is one conditional update
(WHERE state = 'queued', RETURNING the rows it took), so a row another process claimed in between is simply
not ours. A claimed row is `sending` with its attempt time and the claiming worker's id in
`claimed_by`, so reconciliation can tell a live worker's rows in flight from a dead worker's. That commit
happens before any provider call: a crash afterwards leaves `sending` rows, which reconciliation resolves,
never a blind resend. An answer waits while an older answer to its chat is in another worker's hands, so
several workers keep a chat's order too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_
from sqlalchemy import func
from sqlalchemy import not_
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from campaigns.definition_model import definition_of
from campaigns.state import LIVE_STATES
from store.models import Campaign
from store.models import CampaignState
from store.models import CampaignStep
from store.models import Channel
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import Intent
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import OptOut
from store.models import Registration
from store.models import Reply
from store.models import StepAudience
from store.models import WaitReason
from store.secrets import AddressHasher
from store.times import ZONE_NAME

KIND_OF_CHANNEL = {
    Channel.SMS: ContactKind.PHONE,
    Channel.EMAIL: ContactKind.EMAIL,
    Channel.TELEGRAM: ContactKind.TELEGRAM,
}
COUNTS_FOR_CAP = (MessageState.SENDING, MessageState.SENT, MessageState.DELIVERED, MessageState.UNKNOWN)


@dataclass(frozen=True)
class Claimed:
    id: int
    kind: MessageKind
    campaign_id: int | None
    step_id: int | None
    company_id: int | None
    contact_id: int | None
    channel: Channel
    address: str | None
    body: str
    subject: str | None
    html: str | None
    extra: dict[str, Any]
    attempts: int
    rate: float  # sends per second for this campaign and channel; 0 = no limit
    campaign_name: str | None = None
    step_name: str | None = None
    orgnr: str | None = None
    company_name: str | None = None
    address_hash: str | None = None  # for the opt-out re-check just before the send
    only_no_reply: bool = False  # the step goes only to companies that have not replied
    claimed_at: datetime | None = None


@dataclass
class ClaimReport:
    claimed: list[Claimed] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    deferred: int = 0
    cancelled: int = 0
    paused: int = 0
    taken_by_others: int = 0  # checked here, but claimed by another process before our update
    over_capacity: int = 0  # claimable, but left queued: their campaign already has enough claimed ahead
    behind: int = 0  # answers left queued behind an older answer to their address that another worker holds


def _window(campaign: Campaign, tz: str) -> Any:
    from campaigns.windows import SendWindow

    return SendWindow.of(definition_of(campaign).window, tz=tz)


def _day_start(now: datetime, tz: str) -> datetime:
    local = now.astimezone(ZoneInfo(tz))
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(now.tzinfo)


def claim_batch(
    session: Session,
    *,
    now: datetime,
    limit: int,
    hasher: AddressHasher,
    tz: str = ZONE_NAME,
    max_per_day: int = 1,
    capacity: dict[tuple[int, str], int] | None = None,
    channels: set[Channel] | None = None,
    worker_id: str = "",
) -> ClaimReport:
    """Checks and claims up to `limit` due messages; `capacity` caps how many per (campaign, channel) are
    taken now, so a slow campaign does not hold rows in `sending` while it waits for its rate."""
    report = ClaimReport()
    rows = _due_rows(session, now=now, limit=limit, capacity=capacity, channels=channels)
    behind = _behind_another_worker(session, rows, now=now, worker_id=worker_id)
    if behind:
        report.behind = len(behind)
        rows = [m for m in rows if m.id not in behind]
    if not rows:
        return report

    campaign_ids = {m.campaign_id for m in rows if m.campaign_id}
    campaigns = {c.id: c for c in session.scalars(select(Campaign).where(Campaign.id.in_(campaign_ids)))}
    steps = {
        s.id: s
        for s in session.scalars(select(CampaignStep).where(CampaignStep.campaign_id.in_(campaign_ids)))
    }
    company_ids = {m.company_id for m in rows if m.company_id}
    companies = {c.id: c for c in session.scalars(select(Company).where(Company.id.in_(company_ids)))}
    hashes = {
        m.id: hasher(KIND_OF_CHANNEL[m.channel], m.address)
        for m in rows
        if m.address and m.channel in KIND_OF_CHANNEL
    }
    opted_out = set(
        session.scalars(select(OptOut.address_hash).where(OptOut.address_hash.in_(set(hashes.values()))))
    )
    outreach = [m for m in rows if m.kind is MessageKind.OUTREACH and m.company_id]
    # A register import that replaced the address after the step was drawn: it is never used again.
    contact_ids = {m.contact_id for m in outreach if m.contact_id}
    replaced = (
        set(
            session.scalars(
                select(Contact.id).where(Contact.id.in_(contact_ids), Contact.replaced_at.is_not(None))
            )
        )
        if contact_ids
        else set()
    )
    declined = _companies_with(session, outreach, campaigns, declined=True)
    replied = _companies_with(session, outreach, campaigns, declined=False)
    registered = set(
        session.scalars(
            select(Registration.company_id).where(
                Registration.company_id.in_(company_ids),
                Registration.completed_at.is_not(None),
                Registration.verified.is_(True),  # a typed orgnr does not speak for the company
            )
        )
    )
    day_start = _day_start(now, tz)
    sent_today = Counter(
        dict(
            session.execute(
                select(Message.company_id, func.count())
                .where(
                    Message.company_id.in_(company_ids),
                    Message.kind == MessageKind.OUTREACH,
                    Message.state.in_(COUNTS_FOR_CAP),
                    Message.last_attempt_at >= day_start,
                )
                .group_by(Message.company_id)
            )
            .tuples()
            .all()
        )
    )
    taken: Counter[tuple[int, str]] = Counter()
    windows: dict[int, Any] = {}
    chosen: list[_Candidate] = []

    for message in rows:
        campaign = campaigns.get(message.campaign_id) if message.campaign_id else None
        if message.kind is not MessageKind.OUTREACH or campaign is None:
            if message.address and hashes.get(message.id) in opted_out and message.kind is MessageKind.TEST:
                _finish(message, MessageState.SKIPPED, "opted_out", now, report)
                continue
            chosen.append(_Candidate(message, campaign, None, None, hashes.get(message.id)))
            continue
        if campaign.state in (CampaignState.CANCELLED, CampaignState.COMPLETED):
            _finish(message, MessageState.CANCELLED, f"campaign {campaign.state.value}", now, report)
            report.cancelled += 1
            continue
        if campaign.state not in LIVE_STATES:
            report.paused += 1
            if campaign.state is CampaignState.PAUSED:  # stays queued, saying why (written once)
                message.wait_reason = WaitReason.PAUSED
            continue
        window = windows.get(campaign.id) or windows.setdefault(campaign.id, _window(campaign, tz))
        closed = window.closed_reason(now)
        if closed is not None:
            message.due_at = window.next_open(now)
            message.wait_reason = closed
            report.deferred += 1
            continue
        company = companies.get(message.company_id) if message.company_id else None
        step = steps.get(message.step_id) if message.step_id else None
        reason = _skip_reason(message, company, step, hashes, opted_out, declined, replied, registered)
        if reason is None and message.contact_id in replaced:
            reason = "replaced"
        if reason:
            _finish(message, MessageState.SKIPPED, reason, now, report)
            continue
        if company is not None and sent_today[company.id] >= max_per_day:
            message.due_at = window.next_open(_day_start(now + timedelta(days=1), tz) + timedelta(hours=1))
            message.wait_reason = WaitReason.DAILY_CAP
            report.deferred += 1
            continue
        key = (campaign.id, message.channel.value)
        if capacity is not None and taken[key] >= capacity.get(key, limit):
            message.wait_reason = WaitReason.RATE
            report.over_capacity += 1
            continue
        taken[key] += 1
        if company is not None:
            sent_today[company.id] += 1
        chosen.append(_Candidate(message, campaign, step, company, hashes.get(message.id)))
    session.flush()
    _claim(session, chosen, now, report, worker_id)
    return report


def _due_rows(
    session: Session,
    *,
    now: datetime,
    limit: int,
    capacity: dict[tuple[int, str], int] | None,
    channels: set[Channel] | None,
) -> list[Message]:
    """The first `limit` due rows in send order. A rate-limited campaign's outreach is read only as far as its
    capacity (and one more, to tell that more is waiting): the rest would be left queued anyway, and reading
    a big campaign's whole backlog each round costs more than the sends it paces."""
    query = (
        select(Message)
        .where(Message.state == MessageState.QUEUED, Message.due_at <= now)
        .order_by(Message.priority, Message.due_at, Message.id)
    )
    if channels is not None:
        query = query.where(Message.channel.in_(channels))
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True, of=Message)
    if not capacity:
        return list(session.scalars(query.limit(limit)))

    known = {c.value for c in Channel}
    capped = {
        key: and_(
            Message.campaign_id == key[0],
            Message.channel == Channel(key[1]),
            Message.kind == MessageKind.OUTREACH,
        )
        for key in capacity
        if key[1] in known  # a rate for a channel we do not know limits nothing
    }
    if not capped:
        return list(session.scalars(query.limit(limit)))
    others = or_(Message.campaign_id.is_(None), not_(or_(*capped.values())))  # NOT of a NULL drops the row
    rows = list(session.scalars(query.where(others).limit(limit)))
    for key, condition in capped.items():
        rows += session.scalars(query.where(condition).limit(min(capacity[key], limit) + 1))
    rows.sort(key=lambda m: (m.priority, m.due_at, m.id))
    kept: list[Message] = []
    counted = 0
    per_key: Counter[tuple[int, str]] = Counter()
    for message in rows:
        key = (message.campaign_id or 0, message.channel.value)
        if key in capped and message.kind is MessageKind.OUTREACH:
            per_key[key] += 1
            if per_key[key] > capacity[key]:  # the one more: it tells, and takes no room
                kept.append(message)
                continue
        if counted < limit:
            counted += 1
            kept.append(message)
    return kept


def _behind_another_worker(
    session: Session, rows: list[Message], *, now: datetime, worker_id: str
) -> set[int]:
    """The answers that must wait this round: an older answer to the same chat is being sent by another
    worker, or is due and locked by one (SKIP LOCKED passed it over). Within one worker the sends keep their
    claim order (ordering.py); across workers only the claim can, so the first question never overtakes the
    greeting on PostgreSQL's several workers either. An older answer due later holds nothing up."""
    answers = [m for m in rows if m.kind is MessageKind.CONVERSATION and m.address]
    if not answers:
        return set()
    older = session.execute(
        select(Message.id, Message.channel, Message.address).where(
            Message.kind == MessageKind.CONVERSATION,
            Message.address.in_({m.address for m in answers}),
            Message.id < max(m.id for m in answers),
            Message.id.not_in([m.id for m in rows]),
            or_(
                and_(
                    Message.state == MessageState.SENDING,
                    func.coalesce(Message.claimed_by, "") != worker_id,
                ),
                and_(Message.state == MessageState.QUEUED, Message.due_at <= now),
            ),
        )
    ).tuples()
    oldest: dict[tuple[Channel, str | None], int] = {}
    for message_id, channel, address in older:
        oldest[(channel, address)] = min(message_id, oldest.get((channel, address), message_id))
    return {m.id for m in answers if oldest.get((m.channel, m.address), m.id) < m.id}


@dataclass
class _Candidate:
    message: Message
    campaign: Campaign | None
    step: CampaignStep | None
    company: Company | None
    address_hash: str | None


def _companies_with(
    session: Session, outreach: list[Message], campaigns: dict[int, Campaign], *, declined: bool
) -> set[tuple[int, int]]:
    """(campaign id, company id) pairs where the company declined, or replied at all, since the launch."""
    pairs: set[tuple[int, int]] = set()
    by_campaign: dict[int, set[int]] = {}
    for m in outreach:
        if m.campaign_id and m.company_id:
            by_campaign.setdefault(m.campaign_id, set()).add(m.company_id)
    for campaign_id, company_ids in by_campaign.items():
        campaign = campaigns.get(campaign_id)
        if campaign is None:
            continue
        since = campaign.launched_at or campaign.created_at
        query = select(Reply.company_id).where(
            Reply.company_id.in_(company_ids),
            or_(Reply.campaign_id == campaign_id, Reply.received_at >= since),
        )
        if declined:
            query = query.where(Reply.intent == Intent.DECLINED)
        else:
            query = query.where(Reply.intent.not_in([Intent.OPT_OUT]))
        pairs.update((campaign_id, cid) for cid in session.scalars(query) if cid is not None)
    return pairs


def _skip_reason(
    message: Message,
    company: Company | None,
    step: CampaignStep | None,
    hashes: dict[int, str],
    opted_out: set[str],
    declined: set[tuple[int, int]],
    replied: set[tuple[int, int]],
    registered: set[int],
) -> str | None:
    if company is not None and company.never_contact:
        return "never_contact"
    if hashes.get(message.id) in opted_out:
        return "opted_out"
    pair = (message.campaign_id or 0, message.company_id or 0)
    if pair in declined:
        return "declined"
    if (
        step is not None
        and step.only is StepAudience.NO_REPLY
        and (pair in replied or message.company_id in registered)
    ):
        return "replied"
    return None


def _finish(message: Message, state: MessageState, reason: str, now: datetime, report: ClaimReport) -> None:
    message.state = state
    message.error = reason
    message.state_changed_at = now
    if state is MessageState.SKIPPED:
        report.skipped[reason] += 1


def _claim(
    session: Session, chosen: list[_Candidate], now: datetime, report: ClaimReport, worker_id: str
) -> None:
    """Claims the chosen rows with one conditional update; only the rows it changed are ours."""
    if not chosen:
        return
    taken = dict(
        session.execute(
            update(Message)
            .where(Message.id.in_([c.message.id for c in chosen]), Message.state == MessageState.QUEUED)
            .values(
                state=MessageState.SENDING,
                last_attempt_at=now,
                state_changed_at=now,
                attempts=func.coalesce(Message.attempts, 0) + 1,
                claimed_by=worker_id or None,
                wait_reason=None,
            )
            .returning(Message.id, Message.attempts)
            .execution_options(synchronize_session=False)
        )
        .tuples()
        .all()
    )
    report.taken_by_others += len(chosen) - len(taken)
    for candidate in chosen:
        message, campaign, step, company = (
            candidate.message,
            candidate.campaign,
            candidate.step,
            candidate.company,
        )
        if message.id not in taken:
            continue
        rate = 0.0
        if campaign is not None and message.kind is MessageKind.OUTREACH:
            rate = definition_of(campaign).rate.of(message.channel)
        report.claimed.append(
            Claimed(
                id=message.id,
                kind=message.kind,
                campaign_id=message.campaign_id,
                step_id=message.step_id,
                company_id=message.company_id,
                contact_id=message.contact_id,
                channel=message.channel,
                address=message.address,
                body=message.body or "",
                subject=message.subject,
                html=message.html,
                extra=dict(message.extra or {}),
                attempts=int(taken[message.id]),
                rate=rate,
                campaign_name=campaign.name if campaign else None,
                step_name=step.name if step else None,
                orgnr=company.orgnr if company else None,
                company_name=company.name if company else None,
                address_hash=candidate.address_hash,
                only_no_reply=step is not None and step.only is StepAudience.NO_REPLY,
                claimed_at=now,
            )
        )
