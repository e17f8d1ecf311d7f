"""Loops and floods (PRODUCT §12): automatic answers once a day, no answers to an auto-responder, a cap per sender.

Every inbound message bumps its sender's counters in the one statement that finds (or makes) the conversation
row, so several web processes answering one sender count together and nothing is held in memory:

    window_count   messages since window_started_at (a fixed hour); past `inbound_per_hour` the sender is
                   flooding: its messages are stored but get no answer and do no work
    repeat_count   the same text (case, accents and punctuation aside) in a row, each within a day of the last;
                   from the third the sender is an auto-responder answering our answers: stored, not answered
    acked_on       the Europe/Oslo day of the last automatic acknowledgement ("Takk, vi har fått meldingen"):
                   one a day, claimed by a conditional UPDATE so two processes cannot both send it

An opt-out is honoured whatever the counters say (it is one insert, and the law wants it); it just gets no
answer past them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from datetime import timedelta
from typing import cast

from sqlalchemy import JSON
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import Table
from sqlalchemy import bindparam
from sqlalchemy import column
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy import update
from sqlalchemy.orm import Session

from bot import identity
from bot.keywords import words
from store.models import ContactKind
from store.models import Conversation
from store.models import UTCDateTime
from store.models import utcnow
from store.times import OSLO

WINDOW = timedelta(hours=1)
REPEAT_WITHIN = timedelta(days=1)
REPEATS_ANSWERED = 2  # a person may well send the same thing twice; the third time it is a machine


def text_key(body: str | None) -> str | None:
    """What makes two texts "the same" for loop detection, hashed: the words without case, accents or
    punctuation. None (a button, a photo, a bot command such as /leads, which people send again and again and
    auto-responders never do) never counts as a repeat."""
    if body is None or body.lstrip().startswith("/"):
        return None
    return hashlib.sha256(" ".join(words(body)).encode()).hexdigest()


def _columns(table: Table) -> str:
    return ", ".join(c.name for c in table.columns)


_CONVERSATION = cast(Table, Conversation.__table__)
# Written as text: SQLAlchemy cannot cache INSERT ... ON CONFLICT constructs (see bot.engine). The CASEs read
# the row as it was before this message; both SQLite and PostgreSQL name it by the table's name.
_BUMP_SQL = (
    "INSERT INTO conversation (channel, address, language, flow, step, data, created_at, updated_at, "
    "window_started_at, window_count, last_text_key, last_text_at, repeat_count) "
    "VALUES (:channel, :address, 'nb', NULL, NULL, :data, :now, :now, :now, 1, :text_key, :now, 1) "
    "ON CONFLICT (channel, address) DO UPDATE SET updated_at = excluded.updated_at, "
    "window_count = CASE WHEN conversation.window_started_at > :window_floor "
    "THEN conversation.window_count + 1 ELSE 1 END, "
    "window_started_at = CASE WHEN conversation.window_started_at > :window_floor "
    "THEN conversation.window_started_at ELSE excluded.window_started_at END, "
    "repeat_count = CASE WHEN excluded.last_text_key IS NOT NULL "
    "AND conversation.last_text_key = excluded.last_text_key "
    "AND conversation.last_text_at > :repeat_floor THEN conversation.repeat_count + 1 ELSE 1 END, "
    "last_text_key = excluded.last_text_key, last_text_at = excluded.last_text_at "
    f"RETURNING {_columns(_CONVERSATION)}"
)
_BUMP_PARAMS = (
    bindparam("now", type_=UTCDateTime()),
    bindparam("window_floor", type_=UTCDateTime()),
    bindparam("repeat_floor", type_=UTCDateTime()),
    bindparam("data", type_=JSON()),
)
CONVERSATION_BUMP = (
    select(Conversation)
    .from_statement(text(_BUMP_SQL).bindparams(*_BUMP_PARAMS).columns(*_CONVERSATION.columns))
    .execution_options(populate_existing=True)
)
# The same bump, returning beside the row the sender's own company (bot.identity.SENDER_COMPANY_SQL): the
# engine asks who the sender is for nearly every message, and in its own SELECT that was one round trip in
# eight of an inbound SMS.
_SENDER_COMPANY = column("sender_company_id", Integer)
CONVERSATION_BUMP_WITH_SENDER = (
    select(Conversation, _SENDER_COMPANY)
    .from_statement(
        text(f"{_BUMP_SQL}, {identity.SENDER_COMPANY_SQL} AS sender_company_id")
        .bindparams(*_BUMP_PARAMS, bindparam("kind", type_=String()))
        .columns(*_CONVERSATION.columns, _SENDER_COMPANY)
    )
    .execution_options(populate_existing=True)
)


@dataclass(frozen=True)
class Gate:
    """What the sender's counters say about the message just counted."""

    over_cap: bool
    repeating: bool

    @property
    def silent(self) -> bool:
        """No answer, and (but for an opt-out) no work."""
        return self.over_cap or self.repeating


def _bump_params(channel: str, address: str, body: str | None, now: datetime) -> dict[str, object]:
    return {
        "channel": channel,
        "address": address,
        "data": {},
        "now": now,
        "text_key": text_key(body),
        "window_floor": now - WINDOW,
        "repeat_floor": now - REPEAT_WITHIN,
    }


def count_inbound(
    session: Session, *, channel: str, address: str, body: str | None, now: datetime | None = None
) -> Conversation:
    """The sender's conversation, made on first contact, with this message counted. One statement: two first
    messages at once still give one row (the unique constraint on channel and address)."""
    params = _bump_params(channel, address, body, now or utcnow())
    return session.scalars(CONVERSATION_BUMP, params).one()


def count_inbound_from(
    session: Session,
    *,
    channel: str,
    address: str,
    kind: ContactKind | None,
    body: str | None,
    now: datetime | None = None,
) -> tuple[Conversation, int | None]:
    """`count_inbound`, and in the same statement the company whose current contact (of `kind`) the address is
    when exactly one company has it (bot.identity.SENDER_COMPANY_SQL); None for no kind."""
    params = _bump_params(channel, address, body, now or utcnow())
    params["kind"] = None if kind is None else kind.value
    conversation, sender_company_id = session.execute(CONVERSATION_BUMP_WITH_SENDER, params).one()
    return conversation, sender_company_id


def gate(conversation: Conversation, *, per_hour: int) -> Gate:
    return Gate(
        over_cap=conversation.window_count > per_hour,
        repeating=conversation.repeat_count > REPEATS_ANSWERED,
    )


def oslo_day(moment: datetime) -> date:
    return moment.astimezone(OSLO).date()


def claim_daily_ack(session: Session, *, conversation_id: int, now: datetime | None = None) -> bool:
    """True for the first automatic acknowledgement of the sender's Europe/Oslo day; the row count decides,
    so two processes answering at once send one."""
    today = oslo_day(now or utcnow())
    result = session.execute(
        update(Conversation)
        .where(
            Conversation.id == conversation_id,
            or_(Conversation.acked_on.is_(None), Conversation.acked_on != today),
        )
        .values(acked_on=today)
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]
