"""Delivery reports from Twilio's status callbacks: idempotent, and never moving a message backwards.

A callback can beat the dispatcher: Twilio may report `sent` or `delivered` before the outcome batch that
writes the message's SID is committed (it is written every 0.1 s). Such a report waits in
`early_delivery_report` (keeping only the most advanced status) and is applied, then deleted, when the SID is
recorded. Both sides look for the other after their own commit, so whichever commits last applies it.
Undelivered and failed reports count towards a campaign's automatic pause like failed sends do.

`record_delivery` is the one path for all of it, whoever learns of a delivery: the status webhook (a report),
the dispatcher's outcome batches and reconciliation (SIDs just recorded, whose reports may have come first).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from campaigns.dispatch.outcome import pause_failing_campaigns
from settings import Settings
from store.db import Database
from store.db import savepoint
from store.models import EarlyDeliveryReport
from store.models import Message
from store.models import MessageState

# Twilio's message statuses (callbacks and lookups) as our states.
TWILIO_STATES = {
    "accepted": MessageState.SENT,
    "queued": MessageState.SENT,
    "sending": MessageState.SENT,
    "sent": MessageState.SENT,
    "scheduled": MessageState.SENT,
    "delivered": MessageState.DELIVERED,
    "read": MessageState.DELIVERED,
    "undelivered": MessageState.UNDELIVERED,
    "failed": MessageState.FAILED,
    "canceled": MessageState.FAILED,
}

# How far along a message is; a callback may only move it to a higher rank (a late `sent` after
# `delivered` changes nothing). Final states share the top rank so they never overwrite each other.
RANK = {
    MessageState.QUEUED: 0,
    MessageState.UNKNOWN: 1,
    MessageState.SENDING: 1,
    MessageState.SENT: 2,
    MessageState.DELIVERED: 3,
    MessageState.UNDELIVERED: 3,
    MessageState.FAILED: 3,
}
FAILING = (MessageState.FAILED, MessageState.UNDELIVERED)
EARLY_REPORT_TTL = timedelta(days=7)  # an early report whose SID never shows up is not ours (or long lost)


@dataclass(frozen=True)
class StatusResult:
    """What one callback did: `applied` to a message, `early` (kept for later), or nothing (stale/unknown)."""

    outcome: str  # applied | early | stale | ignored
    failing_campaign: int | None = None  # the message's campaign, when it just became failed/undelivered


def _rank(status: str) -> int:
    target = TWILIO_STATES.get(status.lower())
    return -1 if target is None else RANK[target]


def _apply(message: Message, status: str, error_code: str | None, at: datetime) -> bool:
    target = TWILIO_STATES.get(status.lower())
    if target is None or message.state not in RANK or RANK[target] <= RANK[message.state]:
        return False
    message.state = target
    message.state_changed_at = at
    if target is MessageState.DELIVERED:
        message.delivered_at = at
    if target in FAILING:
        message.error_code = error_code
        message.error = f"Twilio reported {status}" + (f" ({error_code})" if error_code else "")
    if message.sent_at is None:
        message.sent_at = at
    return True


def apply_status(
    session: Session, *, provider_id: str, status: str, error_code: str | None, at: datetime
) -> StatusResult:
    """Applies one callback. An unknown SID is kept as an early report; stale states change nothing."""
    if TWILIO_STATES.get(status.lower()) is None or not provider_id:
        return StatusResult("ignored")
    message = session.scalar(select(Message).where(Message.provider_id == provider_id).with_for_update())
    if message is None:
        _keep_early(session, provider_id=provider_id, status=status, error_code=error_code, at=at)
        return StatusResult("early")
    if not _apply(message, status, error_code, at):
        return StatusResult("stale")
    failing = message.campaign_id if message.state in FAILING else None
    return StatusResult("applied", failing_campaign=failing)


def _keep_early(
    session: Session, *, provider_id: str, status: str, error_code: str | None, at: datetime
) -> None:
    """Stores (or advances) the early report for a SID; never moves it backwards."""
    for _ in range(2):  # a concurrent callback for the same SID may insert first: then update theirs
        report = session.get(EarlyDeliveryReport, provider_id, with_for_update=True)
        if report is not None:
            if _rank(status) > _rank(report.status):
                report.status, report.error_code, report.received_at = status, error_code, at
            return
        try:
            with savepoint(session):
                session.add(
                    EarlyDeliveryReport(
                        provider_id=provider_id, status=status, error_code=error_code, received_at=at
                    )
                )
            return
        except IntegrityError:
            continue


def apply_early_reports(session: Session, *, provider_ids: list[str]) -> set[int]:
    """Applies and deletes the early reports for SIDs just recorded; returns campaigns with new failures."""
    if not provider_ids:
        return set()
    failing: set[int] = set()
    for start in range(0, len(provider_ids), 500):
        chunk = provider_ids[start : start + 500]
        reports = list(
            session.scalars(
                select(EarlyDeliveryReport)
                .where(EarlyDeliveryReport.provider_id.in_(chunk))
                .with_for_update()
            )
        )
        if not reports:
            continue
        messages = {
            m.provider_id: m
            for m in session.scalars(
                select(Message)
                .where(Message.provider_id.in_([r.provider_id for r in reports]))
                .with_for_update()
            )
        }
        for report in reports:
            message = messages.get(report.provider_id)
            if message is None:
                continue  # not recorded after all (yet): keep it
            changed = _apply(message, report.status, report.error_code, report.received_at)
            if changed and message.state in FAILING and message.campaign_id:
                failing.add(message.campaign_id)
            session.delete(report)
    session.flush()
    return failing


def forget_old_early_reports(session: Session, *, now: datetime, ttl: timedelta = EARLY_REPORT_TTL) -> int:
    """Deletes early reports no message claimed within `ttl` (housekeeping)."""
    result = session.execute(delete(EarlyDeliveryReport).where(EarlyDeliveryReport.received_at < now - ttl))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class DeliveryReport:
    """One status report from the provider: the message's SID, its status there, and its error code."""

    provider_id: str
    status: str
    error_code: str | None = None


def record_delivery(
    db: Database,
    *,
    settings: Settings,
    now: datetime,
    report: DeliveryReport | None = None,
    recorded: Sequence[str] = (),
    failing: set[int] | None = None,
) -> list[int]:
    """Records what is known of deliveries and pauses the campaigns whose failures passed the limit (PRODUCT
    §5); returns those campaigns.

    `report` is a status report (applied, or kept when its SID is not recorded yet); `recorded` are SIDs
    just committed by the caller, and `failing` the campaigns its own writes gave new failures. The early
    reports are looked up after the report's commit, in a second transaction: a SID recorded meanwhile by
    another process is then seen by one side or the other."""
    failing = set(failing or ())
    sids = list(recorded)
    if report is not None:
        with db.transaction() as session:
            result = apply_status(
                session,
                provider_id=report.provider_id,
                status=report.status,
                error_code=report.error_code,
                at=now,
            )
        if result.failing_campaign:
            failing.add(result.failing_campaign)
        if result.outcome == "early":  # the SID may have been recorded while we stored the report
            sids.append(report.provider_id)
    if not sids and not failing:
        return []
    with db.transaction() as session:
        failing |= apply_early_reports(session, provider_ids=sids)
        return pause_failing_campaigns(
            session,
            campaign_ids=failing,
            ratio=settings.failure_pause_ratio,
            window=settings.failure_pause_window,
            now=now,
        )
