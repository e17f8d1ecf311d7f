"""Read models for the staff dashboard: what needs attention, and one company's whole history.

Queries only; nothing here changes data. The dashboard and the API both read these shapes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from .models import (
    Campaign,
    CampaignState,
    Company,
    Contact,
    Hunter,
    HunterState,
    Intent,
    Lead,
    LeadState,
    Message,
    MessageState,
    OptOut,
    Registration,
    Reply,
)


@dataclass(frozen=True)
class Overview:
    companies: int
    campaigns_running: int
    campaigns_paused: int
    queued: int
    inbox_open: int
    leads_new: int
    leads_flagged: int
    hunters_pending: int


def _count(session: Session, model: Any, *where: Any) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


def overview(session: Session) -> Overview:
    return Overview(
        companies=_count(session, Company),
        campaigns_running=_count(session, Campaign, Campaign.state == CampaignState.RUNNING),
        campaigns_paused=_count(session, Campaign, Campaign.state == CampaignState.PAUSED),
        queued=_count(session, Message, Message.state == MessageState.QUEUED),
        inbox_open=_count(session, Reply, Reply.intent == Intent.FREE_TEXT, Reply.handled_at.is_(None)),
        leads_new=_count(session, Lead, Lead.state == LeadState.NEW),
        leads_flagged=_count(session, Lead, Lead.state == LeadState.NEW, Lead.flagged_at.is_not(None)),
        hunters_pending=_count(session, Hunter, Hunter.state == HunterState.PENDING),
    )


def search_companies(session: Session, *, query: str, limit: int = 50) -> list[Company]:
    """By orgnr (digits, spaces allowed) or by a part of the name, case-insensitive."""
    text = query.strip()
    if not text:
        return list(session.scalars(select(Company).order_by(Company.name).limit(limit)))
    digits = text.replace(" ", "")
    if digits.isdigit():
        condition = Company.orgnr.startswith(digits)
    else:
        condition = func.lower(Company.name).contains(text.lower())
    return list(session.scalars(select(Company).where(condition).order_by(Company.name).limit(limit)))


@dataclass
class CompanyHistory:
    company: Company
    contacts: list[tuple[Contact, bool]]  # (contact, opted out)
    messages: list[Message]
    replies: list[Reply]
    registrations: list[Registration]
    leads: list[Lead]
    opt_outs: list[OptOut]
    campaigns: dict[int, str] = field(default_factory=dict)

    def timeline(self) -> list[tuple[Any, str, Any]]:
        """Messages and replies in time order: (time, "out" | "in", row)."""
        items: list[tuple[Any, str, Any]] = [(m.sent_at or m.created_at, "out", m) for m in self.messages]
        items += [(r.received_at, "in", r) for r in self.replies]
        return sorted(items, key=lambda item: item[0])


def company_history(session: Session, *, company_id: int) -> CompanyHistory | None:
    company = session.get(Company, company_id)
    if company is None:
        return None
    contacts = list(
        session.scalars(select(Contact).where(Contact.company_id == company_id).order_by(Contact.id))
    )
    hashes = [c.address_hash for c in contacts]
    opt_outs = list(session.scalars(select(OptOut).where(OptOut.address_hash.in_(hashes)))) if hashes else []
    opted = {o.address_hash for o in opt_outs}
    addresses = [c.address for c in contacts]
    messages = list(
        session.scalars(
            select(Message)
            .where(or_(Message.company_id == company_id, Message.address.in_(addresses)))
            .order_by(Message.created_at)
        )
    )
    replies = list(
        session.scalars(
            select(Reply)
            .where(or_(Reply.company_id == company_id, Reply.sender.in_(addresses)))
            .order_by(Reply.received_at)
        )
    )
    registrations = list(
        session.scalars(
            select(Registration)
            .where(Registration.company_id == company_id)
            .options(selectinload(Registration.trades))
            .order_by(Registration.id)
        )
    )
    leads = list(session.scalars(select(Lead).where(Lead.company_id == company_id).order_by(Lead.id)))
    campaign_ids = {m.campaign_id for m in messages if m.campaign_id} | {
        r.campaign_id for r in replies if r.campaign_id
    }
    campaign_rows = session.execute(select(Campaign.id, Campaign.name).where(Campaign.id.in_(campaign_ids)))
    campaigns = {campaign_id: name for campaign_id, name in campaign_rows.tuples()}
    return CompanyHistory(
        company=company,
        contacts=[(c, c.address_hash in opted) for c in contacts],
        messages=messages,
        replies=replies,
        registrations=registrations,
        leads=leads,
        opt_outs=opt_outs,
        campaigns=campaigns,
    )


@dataclass(frozen=True)
class ThreadSummary:
    """One phone-like thread of the sandbox inbox: a company, or an address we wrote to (a hunter)."""

    key: str  # "c<company id>" or "a<channel>:<address>"
    title: str
    channel: str
    address: str | None
    last_at: Any
    last_text: str
    count: int


def sandbox_threads(session: Session, *, limit: int = 200) -> list[ThreadSummary]:
    """Everything the sandbox channels "sent", grouped per company (or per address), newest first."""
    rows = session.execute(
        select(Message, Company.name)
        .outerjoin(Company, Company.id == Message.company_id)
        .where(Message.provider == "sandbox")
        .order_by(Message.sent_at.desc().nullslast(), Message.id.desc())
    ).tuples()
    threads: dict[str, ThreadSummary] = {}
    counts: dict[str, int] = {}
    hunter_names = dict(session.execute(select(Hunter.telegram_chat_id, Hunter.org_name)).tuples().all())
    for message, company_name in rows:
        if message.company_id is not None:
            key, title = f"c{message.company_id}", company_name or "?"
        else:
            key = f"a{message.channel.value}:{message.address}"
            title = hunter_names.get(message.address) or message.address or "?"
        counts[key] = counts.get(key, 0) + 1
        if key not in threads:
            threads[key] = ThreadSummary(
                key,
                title,
                message.channel.value,
                message.address,
                message.sent_at or message.created_at,
                (message.body or "")[:80],
                0,
            )
    ordered = list(threads.values())[:limit]
    return [ThreadSummary(**{**t.__dict__, "count": counts[t.key]}) for t in ordered]


@dataclass
class Thread:
    key: str
    title: str
    channel: str
    address: str | None  # where a simulated answer comes from
    company: Company | None
    items: list[tuple[Any, str, Any]]  # (time, "out" | "in", Message | Reply)


def sandbox_thread(session: Session, *, key: str) -> Thread | None:
    """The messages and replies of one thread in time order, for the chat view."""
    if key.startswith("c") and key[1:].isdigit():
        company = session.get(Company, int(key[1:]))
        if company is None:
            return None
        addresses = [c.address for c in company.contacts]
        messages = list(
            session.scalars(
                select(Message).where(
                    Message.provider == "sandbox",
                    or_(Message.company_id == company.id, Message.address.in_(addresses)),
                )
            )
        )
        replies = list(
            session.scalars(
                select(Reply).where(or_(Reply.company_id == company.id, Reply.sender.in_(addresses)))
            )
        )
        channel = messages[-1].channel.value if messages else "sms"
        address = next((m.address for m in reversed(messages) if m.address), company.mobile)
        title = company.name
    elif key.startswith("a") and ":" in key:
        channel, _, address = key[1:].partition(":")
        company = None
        messages = list(
            session.scalars(select(Message).where(Message.provider == "sandbox", Message.address == address))
        )
        replies = list(session.scalars(select(Reply).where(Reply.sender == address)))
        hunter = session.scalar(select(Hunter).where(Hunter.telegram_chat_id == address))
        title = hunter.org_name if hunter else address
    else:
        return None
    items: list[tuple[Any, str, Any]] = [(m.sent_at or m.created_at, "out", m) for m in messages]
    items += [(r.received_at, "in", r) for r in replies]
    items.sort(key=lambda item: item[0])
    return Thread(key, title, channel, address, company, items)
