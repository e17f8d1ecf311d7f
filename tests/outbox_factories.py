"""Builds campaigns and outbox rows directly, for tests of sending that do not go through materialisation."""

from __future__ import annotations

import itertools
from datetime import datetime
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from campaigns.windows import ALWAYS_OPEN
from companies.identifiers import ensure_identifiers
from store.db import Database
from store.models import Campaign
from store.models import CampaignState
from store.models import CampaignStep
from store.models import Channel
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import StepAudience
from store.models import utcnow
from tests.lead_factories import add_contact
from tests.register_files import valid_orgnrs

_orgnrs = valid_orgnrs(100_000, seed=77)
_phones = itertools.count(90_000_001)
_chats = itertools.count(7_000_001)
CONTACT_KIND = {
    Channel.SMS: ContactKind.PHONE,
    Channel.EMAIL: ContactKind.EMAIL,
    Channel.TELEGRAM: ContactKind.TELEGRAM,
}
# The message states `jeger campaign status --json` counts, every one of them even at zero: a contract for scripts.
STATUS_COUNT_KEYS = (
    "queued",
    "sending",
    "sent",
    "delivered",
    "failed",
    "undelivered",
    "skipped",
    "cancelled",
    "unknown",
)


def make_campaign(
    session: Session,
    *,
    rate: dict[str, float] | None = None,
    window: dict[str, Any] | None = None,
    state: CampaignState = CampaignState.RUNNING,
    only: StepAudience = StepAudience.EVERYONE,
    channel: Channel = Channel.SMS,
) -> tuple[Campaign, CampaignStep]:
    campaign = Campaign(
        name="Test 2027",
        state=state,
        definition={
            "window": window or ALWAYS_OPEN,
            "rate": rate if rate is not None else {"sms": 0, "email": 0, "telegram": 0},
        },
        launched_at=utcnow() - timedelta(days=1),
    )
    step = CampaignStep(
        campaign=campaign, position=0, name="sms", channel=channel, template="sms/invitasjon", only=only
    )
    session.add_all([campaign, step])
    session.flush()
    return campaign, step


def make_recipient(
    session: Session, *, kind: ContactKind = ContactKind.PHONE, **kw: Any
) -> tuple[Company, Contact]:
    kw.setdefault("county_number", "55")
    company = Company(orgnr=next(_orgnrs), name=kw.pop("name", "Fjord Bygg AS"), **kw)
    session.add(company)
    session.flush()
    if kind is ContactKind.EMAIL:
        address = f"post@{company.orgnr}.example.no"
    elif kind is ContactKind.TELEGRAM:
        address = str(next(_chats))
    else:
        address = f"+47{next(_phones)}"
    contact = add_contact(session, company, kind, address)
    ensure_identifiers(session, company_ids=[company.id])
    session.flush()
    return company, contact


def queue_messages(
    session: Session,
    *,
    campaign: Campaign,
    step: CampaignStep,
    count: int,
    due_at: datetime | None = None,
    channel: Channel = Channel.SMS,
) -> list[Message]:
    messages = []
    for n in range(count):
        company, contact = make_recipient(session, kind=CONTACT_KIND.get(channel, ContactKind.PHONE))
        message = Message(
            kind=MessageKind.OUTREACH,
            campaign_id=campaign.id,
            step_id=step.id,
            company_id=company.id,
            contact_id=contact.id,
            channel=channel,
            address=contact.address if channel is not Channel.LETTER else None,
            body=f"Hei {company.name}, melding {n}. Svar STOPP for å melde deg av",
            html="<html><body><p>Brev</p></body></html>" if channel is Channel.LETTER else None,
            state=MessageState.QUEUED,
            due_at=due_at or utcnow() - timedelta(seconds=1),
        )
        session.add(message)
        messages.append(message)
    session.flush()
    return messages


def queued_campaign(db: Database, *, count: int, **campaign: Any) -> int:
    """A running campaign (`make_campaign`'s options) with `count` messages queued and due, committed; its id."""
    with db.transaction() as session:
        made, step = make_campaign(session, **campaign)
        queue_messages(session, campaign=made, step=step, count=count)
        return made.id


def add_outreach(
    session: Session,
    *,
    campaign: Campaign,
    step: CampaignStep,
    company: Company,
    contact: Contact | None = None,
    **fields: Any,
) -> Message:
    """One outreach message of `step` to `company`, through `contact` when given, on the step's channel;
    `fields` set the rest (state, times, provider) or override these."""
    values: dict[str, Any] = {
        "kind": MessageKind.OUTREACH,
        "campaign_id": campaign.id,
        "step_id": step.id,
        "company_id": company.id,
        "contact_id": contact.id if contact is not None else None,
        "channel": step.channel,
        "address": contact.address if contact is not None else None,
        "body": "Hei",
    }
    message = Message(**(values | fields))
    session.add(message)
    return message
