"""Materialises a campaign step into the outbox (PRODUCT §5): one rendered message per company, ever.

The whole step is one transaction. Rows are inserted with ON CONFLICT (step_id, company_id) DO NOTHING, so a
second run of the same step — a restart, a relaunch, a second scheduler by mistake — inserts nothing, and the
database, not our code, is what makes a step impossible to send twice to a company.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from collections.abc import Iterator
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from typing import Any
from typing import NamedTuple

from sqlalchemy import Connection
from sqlalchemy import Select
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.audience import only_filter
from campaigns.audience import recipients
from campaigns.definition_model import definition_of
from campaigns.meetings import meeting_of_step
from campaigns.render import MessageRenderer
from campaigns.variables import COMPANY_COLUMNS
from campaigns.windows import SendWindow
from companies.identifiers import ensure_identifiers
from settings import Settings
from store.bulk import in_values
from store.languages import WRITTEN_STANDARDS
from store.models import SQLITE_DATETIME
from store.models import Campaign
from store.models import CampaignStep
from store.models import Channel
from store.models import Company
from store.models import Contact
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import WaitReason
from store.models import utcnow

CHUNK = 5000
# Per message, and (STEP_ROW) the same for every message of a step.
ROW = ("company_id", "contact_id", "channel", "address", "language", "subject", "body", "html", "extra", "segments",
       "encoding")  # fmt: skip
ROW_TYPES = ("integer", "integer", "text", "text", "text", "text", "text", "text", "text", "integer", "text")
STEP_ROW = ("kind", "campaign_id", "step_id", "state", "priority", "due_at", "wait_reason", "attempts",
            "state_changed_at", "created_at")  # fmt: skip


class CompanyRow(NamedTuple):
    """What rendering reads of a company. A SQLAlchemy Row would do, but each of its attributes costs about a
    microsecond to read, and rendering reads a dozen of them per company."""

    id: int
    language: str
    orgnr: str
    name: str
    short_code: str | None
    token: str | None
    email: str | None
    postal_street: str | None
    postal_postcode: str | None
    postal_city: str | None
    postal_country: str | None
    business_street: str | None
    business_postcode: str | None
    business_city: str | None
    municipality_number: str | None
    county_number: str | None


_COMPANY_ROW = (Company.id, Company.language, *COMPANY_COLUMNS)
assert CompanyRow._fields == tuple(column.key for column in _COMPANY_ROW)
_SHORT_CODE, _TOKEN = CompanyRow._fields.index("short_code"), CompanyRow._fields.index("token")


@dataclass
class Recipient:
    company_id: int
    contact_id: int | None
    channel: Channel


def step_queries(campaign: Campaign, step: CampaignStep) -> list[tuple[Channel, Select[Any]]]:
    """Per outgoing channel, the query of the step's (company id, contact id) pairs, in company order."""
    since = campaign.launched_at or campaign.created_at
    return [
        (
            channel,
            query.where(only_filter(step.only, campaign_id=campaign.id, since=since)).order_by(Company.id),
        )
        for channel, query in recipients(definition_of(campaign), step.channel)
    ]


def step_recipients(
    session: Session,
    *,
    campaign: Campaign,
    step: CampaignStep,
    limit: int | None = None,
    orgnrs: Sequence[str] | None = None,
) -> list[Recipient]:
    """The step's recipients: all of them, the first `limit` per channel, or those among `orgnrs`."""
    found: list[Recipient] = []
    session.flush()  # Core queries below: what the session holds must be in the database first
    connection = session.connection()
    for channel, query in step_queries(campaign, step):
        if orgnrs is not None:
            query = query.where(Company.orgnr.in_(orgnrs))
        if limit is not None:
            query = query.limit(limit)
        found.extend(Recipient(cid, contact, channel) for cid, contact in connection.execute(query).tuples())
    return found


def company_rows(
    session: Session, recipients_: list[Recipient]
) -> Iterator[tuple[Recipient, CompanyRow, str | None]]:
    """Chunks of (recipient, company row, address), with identifiers made first."""
    session.flush()  # Core queries below: what the session holds must be in the database first
    connection = session.connection()
    dialect = connection.dialect.name
    for start in range(0, len(recipients_), CHUNK):
        chunk = recipients_[start : start + CHUNK]
        rows = _read_companies(connection, [r.company_id for r in chunk])
        # Identifiers are made once per company, so after the first campaign this is almost always empty.
        lacking = [cid for cid, row in rows.items() if row.short_code is None or row.token is None]
        if lacking:
            ensure_identifiers(session, company_ids=lacking)
            rows.update(_read_companies(connection, lacking))
        contact_ids = [r.contact_id for r in chunk if r.contact_id]
        addresses: dict[int, str] = {}
        if contact_ids:
            query = select(Contact.id, Contact.address).where(
                in_values(Contact.id, contact_ids, dialect=dialect)
            )
            addresses.update(connection.execute(query).tuples().all())
        for recipient in chunk:
            yield (
                recipient,
                rows[recipient.company_id],
                addresses.get(recipient.contact_id) if recipient.contact_id else None,
            )


def _read_companies(connection: Connection, ids: list[int]) -> dict[int, CompanyRow]:
    make = CompanyRow._make
    query = select(*_COMPANY_ROW).where(in_values(Company.id, ids, dialect=connection.dialect.name))
    return {row[0]: make(row) for row in connection.execute(query)}


def _step_rows(
    session: Session, *, campaign: Campaign, step: CampaignStep
) -> Iterator[tuple[Channel, int | None, CompanyRow, str | None]]:
    """What `step_recipients` and `company_rows` give together, in one query per outgoing channel:
    (channel, contact id, company row, address), identifiers made first."""
    since = campaign.launched_at or campaign.created_at
    session.flush()
    connection = session.connection()
    make = CompanyRow._make
    width = len(_COMPANY_ROW)
    for channel, query in recipients(definition_of(campaign), step.channel):
        audience = (
            query.where(only_filter(step.only, campaign_id=campaign.id, since=since))
            .add_columns(*_COMPANY_ROW[1:])
            .subquery()
        )
        company_id, contact_id, *company = audience.c
        rows = connection.execute(
            select(company_id, *company, contact_id, Contact.address)
            .outerjoin(Contact, Contact.id == contact_id)
            .order_by(company_id)
        ).all()
        lacking = [row[0] for row in rows if row[_SHORT_CODE] is None or row[_TOKEN] is None]
        fresh: dict[int, CompanyRow] = {}
        for start in range(0, len(lacking), CHUNK):
            ensure_identifiers(session, company_ids=lacking[start : start + CHUNK])
            fresh.update(_read_companies(connection, lacking[start : start + CHUNK]))
        for row in rows:
            yield channel, row[width], fresh.get(row[0]) or make(row[:width]), row[width + 1]


def language_for(row: Any, campaign: Campaign) -> str:
    return _language(row.language, fixed=campaign.fixed_language, default=campaign.language)


def _language(own: str, *, fixed: bool, default: str) -> str:
    if fixed or own not in WRITTEN_STANDARDS:
        return default
    return str(own)


def materialise_step(
    session: Session,
    *,
    step_id: int,
    settings: Settings,
    renderer: MessageRenderer | None = None,
    now: datetime | None = None,
) -> int:
    """Renders and queues the step for its audience; returns how many rows were new. Raises TemplateProblem."""
    now = now or utcnow()
    step = session.get(CampaignStep, step_id)
    if step is None:
        raise LookupError(f"step {step_id} does not exist")
    campaign = session.get_one(Campaign, step.campaign_id)
    renderer = renderer or MessageRenderer(settings)
    window = SendWindow.of(definition_of(campaign).window, tz=settings.timezone)
    start = max(step.scheduled_for or now, now)
    due = window.next_open(start)
    # The step fired; if the window is shut now, every row of it waits for the same opening, and says why.
    reason = window.closed_reason(start)
    before = _count(session, step.id)
    connection = session.connection()
    write = _writer(
        connection.dialect.name, campaign_id=campaign.id, step_id=step.id, due=due, now=now, reason=reason
    )
    template, sms = step.template, Channel.SMS
    fixed, default_language = campaign.fixed_language, campaign.language
    company_variables, render, render_sms = renderer.company_variables, renderer.render, renderer.sms_text
    meeting = meeting_of_step(session, step_id=step.id)
    batch: list[tuple[Any, ...]] = []
    for channel, contact_id, row, address in _step_rows(session, campaign=campaign, step=step):
        language = _language(row.language, fixed=fixed, default=default_language)
        variables = company_variables(
            company=row, campaign=campaign, language=language, on=due, meeting=meeting
        )
        if channel is sms:  # the common case, without building a RenderedMessage per company
            body, info = render_sms(template, language, variables)
            batch.append(
                (row.id, contact_id, channel.value, address, language, None, body, None, None, info.segments,
                 info.encoding)
            )  # fmt: skip
        else:
            rendered = render(template=template, channel=channel, language=language, variables=variables)
            batch.append(
                (row.id, contact_id, channel.value, address, language, rendered.subject, rendered.body,
                 rendered.html, json.dumps(rendered.extra) if rendered.extra else None, rendered.segments,
                 rendered.encoding)
            )  # fmt: skip
        if len(batch) >= CHUNK:
            write(connection, batch)
            batch = []
    if batch:
        write(connection, batch)
    step.materialized_at = now
    session.flush()
    return _count(session, step.id) - before


def _writer(
    dialect: str, *, campaign_id: int, step_id: int, due: datetime, now: datetime, reason: WaitReason | None
) -> Callable[[Connection, list[tuple[Any, ...]]], None]:
    """Inserts rows of `ROW` values, adding the `STEP_ROW` values here.

    The driver's own statements: SQLAlchemy's per-row parameter processing would cost more than the insert."""
    due_at: Any = due
    stamp: Any = now
    if dialect == "sqlite":
        # The exact text SQLAlchemy's DateTime writes (always with microseconds), so that comparisons of these
        # rows with ORM-written times stay right at equal instants.
        due_at, stamp = (
            due.astimezone(UTC).strftime(SQLITE_DATETIME),
            now.astimezone(UTC).strftime(SQLITE_DATETIME),
        )
    wait = reason.value if reason is not None else None
    fixed = (MessageKind.OUTREACH.value, campaign_id, step_id, MessageState.QUEUED.value, 10, due_at, wait, 0, stamp, stamp)  # fmt: skip
    into = f"INSERT INTO message ({', '.join(ROW + STEP_ROW)})"
    conflict = "ON CONFLICT (step_id, company_id) DO NOTHING"
    if dialect == "postgresql":
        # One statement per batch, from one array per column: an executemany costs a round trip per row.
        selected = ", ".join(f"{name}::json" if name == "extra" else name for name in ROW)
        arrays = ", ".join(f"%s::{kind}[]" for kind in ROW_TYPES)
        statement = (
            f"{into} SELECT {selected}, {', '.join(['%s'] * len(fixed))} "
            f"FROM unnest({arrays}) AS u({', '.join(ROW)}) {conflict}"
        )

        def insert(connection: Connection, batch: list[tuple[Any, ...]]) -> None:
            connection.exec_driver_sql(
                statement, (*fixed, *(list(column) for column in zip(*batch, strict=True)))
            )

        return insert
    # SQLite: an executemany inside the transaction is as fast as it gets.
    statement = f"{into} VALUES ({', '.join(['?'] * len(ROW + STEP_ROW))}) {conflict}"

    def execute_many(connection: Connection, batch: list[tuple[Any, ...]]) -> None:
        connection.exec_driver_sql(statement, [row + fixed for row in batch])

    return execute_many


def _count(session: Session, step_id: int) -> int:
    return int(
        session.scalar(select(func.count()).select_from(Message).where(Message.step_id == step_id)) or 0
    )
