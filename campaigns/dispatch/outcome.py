"""Records what the providers answered, in one transaction per batch of outcomes.

Sent -> `sent` with the provider id; RetryLater -> back to `queued` with exponential backoff and jitter (at least
the provider's Retry-After) until MAX_ATTEMPTS, then `failed`; Failed -> `failed` keeping the code (and an invalid
address flags its contact); OptedOut -> the address is opted out everywhere and the row `failed` with the code;
Unknown (no answer; it may have gone out) -> `unknown` for reconciliation to ask the provider, except e-mail,
which cannot be asked: `failed` with "uklart om e-posten ble levert", never sent twice. The dispatcher's own
re-checks just before the send add Skipped (opted out or replied meanwhile) and Deferred (the send window
closed: back to `queued` for its next opening, the attempt not counted).
Afterwards a campaign whose recent attempts fail too often pauses itself and tells staff why.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from typing import Any
from typing import cast

from sqlalchemy import Table
from sqlalchemy import bindparam
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from campaigns.dispatch.claim import KIND_OF_CHANNEL
from campaigns.dispatch.claim import Claimed
from campaigns.state import transition
from catalogue.stored import stored_text
from channels.base import Failed
from channels.base import OptedOut
from channels.base import RetryLater
from channels.base import SendResult
from channels.base import Sent
from channels.base import Unknown
from companies.optout_records import record_opt_out
from store.models import Campaign
from store.models import CampaignState
from store.models import Channel
from store.models import Contact
from store.models import Message
from store.models import MessageState
from store.models import WaitReason
from store.secrets import AddressHasher

MAX_ATTEMPTS = 6
BASE_BACKOFF = 2.0  # seconds; doubles per attempt
MAX_BACKOFF = 600.0
EMAIL_UNCLEAR = "uklart om e-posten ble levert"


@dataclass(frozen=True)
class Skipped:
    """Found, just before the send, to be opted out or replied meanwhile: not sent, and never will be."""

    reason: str


@dataclass(frozen=True)
class Deferred:
    """Put back unsent (a stop or pause; the send window closed: then for `due_at`), the attempt not counted."""

    due_at: datetime | None
    reason: WaitReason | None = None  # why it waits now (the window closed, the campaign paused)


Outcome = SendResult | Skipped | Deferred


def backoff(attempts: int, retry_after: float | None) -> float:
    """Exponential backoff with full jitter, never shorter than what the provider asked for."""
    ceiling = min(MAX_BACKOFF, BASE_BACKOFF * 2 ** max(attempts - 1, 0))
    return max(retry_after or 0.0, random.uniform(ceiling / 2, ceiling))


def record_outcomes(
    session: Session, *, outcomes: list[tuple[Claimed, Outcome]], now: datetime, hasher: AddressHasher
) -> set[int]:
    """Writes the outcomes; returns the campaigns that had failures (for the auto-pause check). Rows whose
    updates set the same columns go in one executemany: at hundreds of sends a second, one statement per row
    costs more than the sends."""
    failing: set[int] = set()
    updates: dict[tuple[tuple[str, ...], bool], list[dict[str, object]]] = defaultdict(list)
    for claimed, result in outcomes:
        values: dict[str, object] = {"state_changed_at": now}
        if isinstance(result, Sent):
            values.update(
                state=MessageState.SENT,
                sent_at=now,
                provider=result.provider,
                provider_id=result.provider_id,
                error=None,
                error_code=None,
            )
        elif isinstance(result, RetryLater):
            if claimed.attempts >= MAX_ATTEMPTS:
                values.update(
                    state=MessageState.FAILED,
                    error=f"gave up after {claimed.attempts} attempts: {result.reason}",
                    error_code=result.code,
                )
            else:
                values.update(
                    state=MessageState.QUEUED,
                    due_at=now + timedelta(seconds=backoff(claimed.attempts, result.retry_after)),
                    wait_reason=WaitReason.RETRY,
                    error=result.reason,
                    error_code=result.code,
                )
        elif isinstance(result, Failed):
            values.update(state=MessageState.FAILED, error=result.reason, error_code=result.code)
            if result.invalid_address:
                _flag_contact(session, claimed, result.reason)
        elif isinstance(result, OptedOut):
            values.update(state=MessageState.FAILED, error=result.reason, error_code=result.code)
            kind = KIND_OF_CHANNEL.get(claimed.channel)
            if kind is not None and claimed.address:
                record_opt_out(session, hasher=hasher, kind=kind, address=claimed.address, source="provider")
        elif isinstance(result, Unknown):
            if claimed.channel is Channel.EMAIL:
                values.update(state=MessageState.FAILED, error=f"{EMAIL_UNCLEAR}: {result.reason}")
            else:
                values.update(state=MessageState.UNKNOWN, error=result.reason)
        uncount = False  # the attempt does not count: nothing was sent
        if isinstance(result, Skipped):
            values.update(state=MessageState.SKIPPED, error=result.reason)
            uncount = True
        elif isinstance(result, Deferred):
            values.update(state=MessageState.QUEUED, wait_reason=result.reason)
            uncount = True
            if result.due_at is not None:
                values["due_at"] = result.due_at
        if values.get("state") is MessageState.FAILED and claimed.campaign_id:
            failing.add(claimed.campaign_id)
        columns = tuple(sorted(values))
        updates[(columns, uncount)].append({"b_id": claimed.id, **{f"b_{k}": v for k, v in values.items()}})
    table = cast(Table, Message.__table__)
    for (columns, uncount), params in updates.items():
        assignments: dict[str, Any] = {column: bindparam(f"b_{column}") for column in columns}
        if uncount:
            assignments["attempts"] = table.c.attempts - 1
        # Only a row still `sending` is ours to finish: a status callback may already have moved it on.
        session.execute(
            update(table)
            .where(table.c.id == bindparam("b_id"), table.c.state == MessageState.SENDING)
            .values(assignments),
            params,
        )
    session.flush()
    return failing


def _flag_contact(session: Session, claimed: Claimed, reason: str) -> None:
    query = update(Contact).values(invalid_reason=reason[:200]).execution_options(synchronize_session=False)
    if claimed.contact_id:
        session.execute(query.where(Contact.id == claimed.contact_id))
    elif claimed.address:
        session.execute(query.where(Contact.address == claimed.address))


def pause_failing_campaigns(
    session: Session,
    *,
    campaign_ids: set[int],
    ratio: float,
    window: int,
    now: datetime,
    min_attempts: int = 20,
) -> list[int]:
    """Pauses each campaign where more than `ratio` of its last `window` attempts failed (PRODUCT §5)."""
    paused: list[int] = []
    for campaign_id in campaign_ids:
        states = list(
            session.scalars(
                select(Message.state)
                .where(
                    Message.campaign_id == campaign_id,
                    Message.last_attempt_at.is_not(None),
                    Message.state != MessageState.SENDING,
                )
                .order_by(Message.last_attempt_at.desc())
                .limit(window)
            )
        )
        failed = sum(1 for s in states if s in (MessageState.FAILED, MessageState.UNDELIVERED))
        if len(states) < min_attempts or failed <= ratio * len(states):
            continue
        campaign = session.get(Campaign, campaign_id)
        if campaign is None or campaign.state is not CampaignState.RUNNING:
            continue
        limit = round(ratio * 100)
        reason = stored_text("reason_failing_sends", failed=failed, total=len(states), limit=limit)
        transition(session, campaign, CampaignState.PAUSED, reason, notice="campaign_paused", now=now)
        paused.append(campaign_id)
    session.flush()
    return paused
