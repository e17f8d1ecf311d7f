"""The outbox's counts: messages per campaign, step, kind, channel and state, read from `message_count`.

Triggers on `message` (migration 0021) append a +1/-1 row per change in the transaction that makes it, so a
read sums a few rows instead of grouping a national campaign's 200,000 messages (issue 14). Every count of
messages by state (the campaign pages, the API, `jeger campaign status`, /metrics) comes from
`message_counts`; `fold_counts` keeps the delta rows few.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy import String
from sqlalchemy import and_
from sqlalchemy import case
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy import type_coerce
from sqlalchemy.orm import Session

from store.db import is_postgres
from store.models import CampaignStageCount
from store.models import Channel
from store.models import Message
from store.models import MessageCount
from store.models import MessageKind
from store.models import MessageState

# Letters and e-mail have no delivery receipts: handed over (printed, accepted by SMTP) counts as delivered,
# and so does anything the sandbox "sent" (it delivers at once, by definition).
NO_RECEIPT_CHANNELS = (Channel.LETTER, Channel.EMAIL)
NO_RECEIPT_PROVIDERS = ("sandbox",)


def shown_state(rows: type[Message] | type[MessageCount] = Message) -> ColumnElement[Any]:
    """A message's state as staff count it, everywhere (progress table, funnel, `campaign status`, API): a
    letter or e-mail handed over, or anything the sandbox sent, has no receipt to wait for and counts as
    delivered. Counting `state` itself in one place and this in another is how the campaign page came to
    say "Levert 0" in its progress table and 308 in its funnel. `rows`: the outbox, or its counts."""
    no_receipt = or_(rows.channel.in_(NO_RECEIPT_CHANNELS), rows.provider.in_(NO_RECEIPT_PROVIDERS))
    return case(
        (and_(rows.state == MessageState.SENT, no_receipt), MessageState.DELIVERED.value),
        else_=type_coerce(rows.state, String),
    )


@dataclass(frozen=True)
class Tally:
    """How many messages share a campaign, step, kind, channel and state; `shown` is the state as staff
    count it (`shown_state`)."""

    campaign_id: int | None
    step_id: int | None
    kind: MessageKind
    channel: Channel
    state: MessageState
    shown: str
    count: int


def message_counts(session: Session, *, campaign_ids: Iterable[int] | None = None) -> list[Tally]:
    """The outbox's counts, of the given campaigns or of every message; exact in any transaction (it sees the
    deltas of the message changes it sees). Keys whose count is zero are left out."""
    c = MessageCount
    shown = shown_state(MessageCount)
    total = func.sum(c.delta)
    query = (
        select(c.campaign_id, c.step_id, c.kind, c.channel, c.state, shown, total)
        .group_by(c.campaign_id, c.step_id, c.kind, c.channel, c.state, shown)
        .having(total != 0)
    )
    if campaign_ids is not None:
        ids = list(campaign_ids)
        if not ids:
            return []
        query = query.where(c.campaign_id.in_(ids))
    return [
        Tally(campaign_id, step_id, kind, channel, state, str(value), int(count))
        for campaign_id, step_id, kind, channel, state, value, count in session.execute(query).tuples()
    ]


KEY = "campaign_id, step_id, kind, channel, provider, state"


def _fold_postgres(table: str, key: str) -> str:
    # One statement, so one snapshot: the rows summed are exactly the rows deleted. A delta committed meanwhile
    # is not in the snapshot, so it is neither summed nor deleted; a second fold running at once waits for the
    # first's row locks and then skips the rows it deleted.
    return (
        f"WITH gone AS (DELETE FROM {table} RETURNING {key}, delta) INSERT INTO {table} ({key}, delta) "
        f"SELECT {key}, sum(delta) FROM gone GROUP BY {key} HAVING sum(delta) <> 0"
    )


def _fold_sqlite(table: str, key: str) -> list[str]:
    # SQLite has one writer at a time: from the INSERT on, no other transaction adds rows, and the ones it
    # added before got ids at or under `last`, the folded rows above it.
    return [
        f"INSERT INTO {table} ({key}, delta) SELECT {key}, sum(delta) FROM {table} "
        f"WHERE id <= :last GROUP BY {key} HAVING sum(delta) <> 0",
        f"DELETE FROM {table} WHERE id <= :last",
    ]


def fold_deltas(session: Session, *, model: type[MessageCount] | type[CampaignStageCount], key: str) -> int:
    """Replaces a delta table's rows with one row per `key` whose sum is not zero; returns the rows left."""
    table = model.__tablename__
    if is_postgres(session):
        session.execute(text(_fold_postgres(table, key)))
    else:
        last = session.scalar(select(func.max(model.id)))
        if last is not None:
            for statement in _fold_sqlite(table, key):
                session.execute(text(statement), {"last": last})
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def fold_counts(session: Session, *, now: datetime | None = None) -> int:
    """Replaces the deltas with one row per key whose count is not zero (a scheduler job, and after bulk
    loads), the outbox's and the campaign stages' (campaigns.stages); returns the outbox's rows left. `now` is
    the scheduler's job signature."""
    from campaigns.stages import fold_stage_counts

    fold_stage_counts(session)
    return fold_deltas(session, model=MessageCount, key=KEY)
