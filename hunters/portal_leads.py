"""What the portal shows a member of a hunter organisation: the organisation's leads (the ones it holds and the
open ones of its counties and trades) and, for one lead, the company, its registration, its conversation with
the campaign and the organisation's own history of it. Nothing here is shown for a lead the organisation may not
see: `visible_lead` is the one gate, used by every page and action of the portal, and it asks
hunters.visibility, the rule the lists, the Telegram chat and a member's dashboard/API scope ask too."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from companies.training import approved_trades
from hunters.lead_notes import HistoryEntry
from hunters.lead_notes import lead_history
from hunters.visibility import visible_lead_of
from hunters.visibility import visible_leads
from store.keyset import Key
from store.keyset import Page
from store.keyset import page_of
from store.keyset import paged
from store.models import Company
from store.models import County
from store.models import Hunter
from store.models import HunterState
from store.models import Lead
from store.models import LeadState
from store.models import Message
from store.models import MessageKind
from store.models import Registration
from store.models import Reply

CONVERSATION_SHOWN = 30  # the latest messages of the company's conversation; staff have the rest
PAGE_SIZE = 100  # leads per list and page; the next page follows its list's own cursor (store.keyset)
OWNED_KEYS = [Key(Lead.id, int, descending=True)]  # newest first
OPEN_KEYS = [Key(Lead.id, int)]  # oldest first: the longest waiting is taken first


def organisation_leads(
    session: Session,
    *,
    hunter: Hunter,
    owned_after: str | None = None,
    open_after: str | None = None,
    limit: int = PAGE_SIZE,
) -> tuple[Page[Lead], Page[Lead]]:
    """(a page of the leads the organisation holds, newest first; a page of the open leads it may take, oldest
    first), each after its own cursor (BadCursor on one these lists did not give out). The rule is the one the
    Telegram chat's `/leads` asks (hunters.visibility); each page reads `limit` + 1 rows through the lead's
    primary key, where the portal read all of an organisation's leads (2,900 at national size) for one page."""
    if hunter.state != HunterState.APPROVED:
        return Page([], None), Page([], None)
    visible = select(Lead).where(visible_leads(session, hunter=hunter))
    owned = session.scalars(
        paged(visible.where(Lead.hunter_id == hunter.id), OWNED_KEYS, cursor=owned_after, limit=limit)
    )
    open_query = visible.where(Lead.state == LeadState.NEW, Lead.hunter_id.is_(None))
    open_leads = session.scalars(paged(open_query, OPEN_KEYS, cursor=open_after, limit=limit))
    return (
        page_of(list(owned), limit, lambda lead: [lead.id]),
        page_of(list(open_leads), limit, lambda lead: [lead.id]),
    )


def visible_lead(session: Session, *, hunter: Hunter, lead_id: int) -> Lead | None:
    """The lead if the organisation holds it or may take it now; None for every other id, whether it exists or
    not (lead ids count up: knowing one proves nothing)."""
    return visible_lead_of(session, hunter=hunter, lead_id=lead_id)


@dataclass(frozen=True)
class ConversationItem:
    at: datetime
    from_company: bool
    text: str


@dataclass(frozen=True)
class LeadView:
    lead: Lead
    company: Company
    registration: Registration
    county: str | None
    approved_in: list[str]
    conversation: list[ConversationItem]
    history: list[HistoryEntry]
    ours: bool  # the organisation holds it: notes, release and outcome are offered


def lead_view(session: Session, *, hunter: Hunter, lead: Lead) -> LeadView:
    company = session.get(Company, lead.company_id)
    registration = session.get(Registration, lead.registration_id)
    assert company is not None and registration is not None  # non-null foreign keys
    county = session.get(County, lead.county_number) if lead.county_number else None
    approved = [f"{a.trade} ({a.county})" for a in approved_trades(session, orgnr=company.orgnr)]
    return LeadView(
        lead,
        company,
        registration,
        county.name if county else None,
        approved,
        conversation(session, company_id=company.id),
        lead_history(session, lead_id=lead.id, hunter_id=hunter.id),
        ours=lead.hunter_id == hunter.id,
    )


def conversation(session: Session, *, company_id: int) -> list[ConversationItem]:
    """The company's exchange with the campaign, oldest first: what we sent it and what it answered (notices
    to hunters about it are left out: they are not part of the conversation)."""
    sent = session.scalars(
        select(Message)
        .where(
            Message.company_id == company_id,
            Message.hunter_id.is_(None),
            Message.kind != MessageKind.NOTIFICATION,
            Message.body.is_not(None),
            or_(Message.sent_at.is_not(None), Message.kind == MessageKind.CONVERSATION),
        )
        .order_by(Message.id.desc())
        .limit(CONVERSATION_SHOWN)
    )
    replies = session.scalars(
        select(Reply)
        .where(Reply.company_id == company_id, Reply.text.is_not(None))
        .order_by(Reply.id.desc())
        .limit(CONVERSATION_SHOWN)
    )
    items = [ConversationItem(m.sent_at or m.created_at, False, m.body or "") for m in sent]
    items += [ConversationItem(r.received_at, True, r.text or "") for r in replies]
    items.sort(key=lambda item: item.at)
    return items[-CONVERSATION_SHOWN:]


def company_names(session: Session, leads: list[Lead]) -> dict[int, str]:
    """The companies' names for a list of leads, in one query."""
    ids = {lead.company_id for lead in leads}
    if not ids:
        return {}
    return dict(session.execute(select(Company.id, Company.name).where(Company.id.in_(ids))).tuples().all())
