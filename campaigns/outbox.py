"""Materialises a campaign step into the outbox (PRODUCT §5): one rendered message per company, ever.

The whole step is one transaction. Rows are inserted with ON CONFLICT (step_id, company_id) DO NOTHING, so a
second run of the same step — a restart, a relaunch, a second scheduler by mistake — inserts nothing, and the
database, not our code, is what makes a step impossible to send twice to a company.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from settings import Settings
from store.identifiers import ensure_identifiers
from store.models import Campaign, CampaignStep, Channel, Company, Contact, Message, utcnow

from .audience import only_filter, recipients
from .render import MessageRenderer
from .variables import COMPANY_COLUMNS
from .windows import SendWindow

CHUNK = 2000
SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"
ROW = ("kind", "campaign_id", "step_id", "company_id", "contact_id", "channel", "address", "language", "subject", "body",
       "html", "extra", "segments", "encoding", "state", "priority", "due_at", "attempts", "state_changed_at", "created_at")  # fmt: skip


@dataclass
class Recipient:
    company_id: int
    contact_id: int | None
    channel: Channel


def step_recipients(session: Session, *, campaign: Campaign, step: CampaignStep) -> list[Recipient]:
    since = campaign.launched_at or campaign.created_at
    found: list[Recipient] = []
    for channel, query in recipients(campaign.definition, step.channel):
        query = query.where(only_filter(step.only, campaign_id=campaign.id, since=since)).order_by(Company.id)
        found.extend(Recipient(cid, contact, channel) for cid, contact in session.execute(query).tuples())
    return found


def company_rows(
    session: Session, recipients_: list[Recipient]
) -> Iterator[tuple[Recipient, Any, str | None]]:
    """Chunks of (recipient, company row, address), with identifiers made first."""
    for start in range(0, len(recipients_), CHUNK):
        chunk = recipients_[start : start + CHUNK]
        ids = [r.company_id for r in chunk]
        ensure_identifiers(session, company_ids=ids)
        rows = {
            row.id: row
            for row in session.execute(
                select(Company.id, Company.language, *COMPANY_COLUMNS).where(Company.id.in_(ids))
            )
        }
        contact_ids = [r.contact_id for r in chunk if r.contact_id]
        addresses = dict(
            session.execute(select(Contact.id, Contact.address).where(Contact.id.in_(contact_ids)))
            .tuples()
            .all()
        )
        for recipient in chunk:
            yield (
                recipient,
                rows[recipient.company_id],
                addresses.get(recipient.contact_id) if recipient.contact_id else None,
            )


def language_for(row: Any, campaign: Campaign) -> str:
    if campaign.fixed_language or row.language not in ("nb", "nn"):
        return campaign.language
    return str(row.language)


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
    window = SendWindow.from_definition(campaign.definition.get("window"), tz=settings.timezone)
    due = window.next_open(max(step.scheduled_for or now, now))
    before = _count(session, step.id)
    sqlite = session.get_bind().dialect.name == "sqlite"
    marker = "?" if sqlite else "%s"
    # The driver's own executemany: SQLAlchemy's per-row parameter processing would cost more than the insert.
    statement = (
        f"INSERT INTO message ({', '.join(ROW)}) VALUES ({', '.join([marker] * len(ROW))}) "
        "ON CONFLICT (step_id, company_id) DO NOTHING"
    )
    # SQLite: the exact text SQLAlchemy's DateTime writes (always with microseconds), so that comparisons of
    # these rows with ORM-written times stay right at equal instants.
    stamp: Any = now.astimezone(UTC).strftime(SQLITE_DATETIME) if sqlite else now
    due_value: Any = due.astimezone(UTC).strftime(SQLITE_DATETIME) if sqlite else due
    batch: list[tuple[Any, ...]] = []
    for recipient, row, address in company_rows(
        session, step_recipients(session, campaign=campaign, step=step)
    ):
        language = language_for(row, campaign)
        variables = renderer.company_variables(company=row, campaign=campaign, language=language, on=due)
        rendered = renderer.render(
            template=step.template, channel=recipient.channel, language=language, variables=variables
        )
        extra = json.dumps(rendered.extra) if rendered.extra else None
        batch.append(
            ("outreach", campaign.id, step.id, recipient.company_id, recipient.contact_id, recipient.channel.value,
             address, language, rendered.subject, rendered.body, rendered.html, extra, rendered.segments,
             rendered.encoding, "queued", 10, due_value, 0, stamp, stamp)
        )  # fmt: skip
        if len(batch) >= CHUNK:
            session.connection().exec_driver_sql(statement, batch)
            batch = []
    if batch:
        session.connection().exec_driver_sql(statement, batch)
    step.materialized_at = now
    session.flush()
    return _count(session, step.id) - before


def _count(session: Session, step_id: int) -> int:
    return int(
        session.scalar(select(func.count()).select_from(Message).where(Message.step_id == step_id)) or 0
    )
