"""Read models for the staff dashboard: what needs attention, and one company's whole history.

Queries only; nothing here changes data. The dashboard and the API both read these shapes.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session
from sqlalchemy.orm import selectinload

from catalogue import DEFAULT_LANGUAGE
from catalogue import text
from staff.scopes import EVERYTHING
from staff.scopes import Scope
from store.keyset import Key
from store.keyset import Page
from store.keyset import page_of
from store.keyset import paged
from store.masking import mask_address
from store.models import Campaign
from store.models import CampaignState
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import Hunter
from store.models import HunterState
from store.models import Intent
from store.models import Lead
from store.models import LeadState
from store.models import Message
from store.models import MessageState
from store.models import OptOut
from store.models import Registration
from store.models import Reply


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


# Above this many companies the front page shows PostgreSQL's estimate (kept by ANALYZE and autovacuum) instead
# of counting the register: an exact count(*) of 1.5 M rows is a parallel scan on every page view.
ESTIMATE_ABOVE = 100_000


def company_count(session: Session) -> int:
    """How many companies the register holds: exact for a small one, PostgreSQL's estimate for a national one."""
    if session.get_bind().dialect.name == "postgresql":
        estimate = session.scalar(
            sql_text("SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(:table)"),
            {"table": Company.__tablename__},
        )
        if estimate is not None and estimate > ESTIMATE_ABOVE:
            return int(estimate)
    return _count(session, Company)


def overview(session: Session) -> Overview:
    """The front page's figures; the other tables' counts are over indexed states of small tables."""
    return Overview(
        companies=company_count(session),
        campaigns_running=_count(session, Campaign, Campaign.state == CampaignState.RUNNING),
        campaigns_paused=_count(session, Campaign, Campaign.state == CampaignState.PAUSED),
        queued=_count(session, Message, Message.state == MessageState.QUEUED),
        inbox_open=_count(session, Reply, Reply.intent == Intent.FREE_TEXT, Reply.handled_at.is_(None)),
        leads_new=_count(session, Lead, Lead.state == LeadState.NEW),
        leads_flagged=_count(session, Lead, Lead.state == LeadState.NEW, Lead.flagged_at.is_not(None)),
        hunters_pending=_count(session, Hunter, Hunter.state == HunterState.PENDING),
    )


# By name; the id breaks ties between companies of the same name (index ix_company_name).
COMPANY_KEYS = (Key(Company.name, str), Key(Company.id, int))


def search_companies(
    session: Session, *, query: str, limit: int = 50, scope: Scope = EVERYTHING, cursor: str | None = None
) -> Page[Company]:
    """By orgnr (digits, spaces allowed) or by a part of the name, case-insensitive; within `scope`; a page
    by name after `cursor` (store.keyset)."""
    wanted = query.strip()
    digits = wanted.replace(" ", "")
    conditions: list[Any] = [scope.companies()]
    if digits.isdigit():
        conditions.append(Company.orgnr.startswith(digits))
    elif wanted:
        conditions.append(func.lower(Company.name).contains(wanted.lower()))
    found = session.scalars(
        paged(select(Company).where(*conditions), COMPANY_KEYS, cursor=cursor, limit=limit)
    )
    return page_of(list(found), limit, lambda company: [company.name, company.id])


# Newest first; the id breaks ties between replies received in the same instant.
REPLY_KEYS = (Key(Reply.received_at, datetime, descending=True), Key(Reply.id, int, descending=True))


def replies_page(
    session: Session,
    *,
    campaign_id: int | None = None,
    intent: Intent | None = None,
    since: datetime | None = None,
    limit: int = 100,
    cursor: str | None = None,
    scope: Scope = EVERYTHING,
) -> Page[dict[str, Any]]:
    """Inbound messages newest first, one page at a time after `cursor` (store.keyset; BadCursor on one it
    did not give); senders masked as in `jeger replies list`; a county officer's scope keeps the replies of
    companies in their counties."""
    conditions: list[Any] = [scope.replies()]
    if campaign_id is not None:
        conditions.append(Reply.campaign_id == campaign_id)
    if intent is not None:
        conditions.append(Reply.intent == intent)
    if since is not None:
        conditions.append(Reply.received_at >= since)
    query = select(Reply, Company.orgnr, Company.name).outerjoin(Company, Company.id == Reply.company_id)
    query = paged(query.where(*conditions), REPLY_KEYS, cursor=cursor, limit=limit)
    rows = [
        {
            "id": reply.id,
            "received_at": reply.received_at,
            "channel": reply.channel,
            "sender": mask_address(reply.sender) if reply.sender else None,
            "orgnr": orgnr,
            "company": name,
            "campaign_id": reply.campaign_id,
            "intent": reply.intent,
            "text": reply.text,
            "handled": reply.handled_at is not None,
        }
        for reply, orgnr, name in session.execute(query).tuples()
    ]
    return page_of(rows, limit, lambda row: [row["received_at"], row["id"]])


def button_labels(messages: list[Message]) -> dict[str, str]:
    """Callback data -> the label of the Telegram button that sends it, from the buttons on `messages`.

    A tapped button is stored as its callback data (`lead:claim:39`), which is what the bot acts on; people
    read the label they tapped ("Ta leaden"), so views show that instead."""
    labels: dict[str, str] = {}
    for message in messages:
        for row in (message.extra or {}).get("buttons") or []:
            for button in row:
                data, text = button.get("callback_data"), button.get("text")
                if data and text and ":" in data:  # a code; "ja"/"nei" read as what was meant
                    labels[data] = text
    return labels


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
    hunters: dict[int, str] = field(default_factory=dict)  # the organisations holding its leads, by id

    @property
    def button_labels(self) -> dict[str, str]:
        return button_labels(self.messages)

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
    holders = {lead.hunter_id for lead in leads if lead.hunter_id is not None}
    hunter_rows = session.execute(select(Hunter.id, Hunter.org_name).where(Hunter.id.in_(holders))).tuples()
    return CompanyHistory(
        company=company,
        contacts=[(c, c.address_hash in opted) for c in contacts],
        messages=messages,
        replies=replies,
        registrations=registrations,
        leads=leads,
        opt_outs=opt_outs,
        campaigns=campaigns,
        hunters=dict(hunter_rows.all()),
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
        if message.company_id is not None and not _to_hunter(message, hunter_names):
            key, title = f"c{message.company_id}", company_name or "?"
        else:  # a hunter's chat (a lead about a company too): its own thread, answered as the hunter
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


ANSWERABLE = ("sms", "telegram")  # e-mail and letters cannot be answered in the sandbox


def _to_hunter(message: Message, hunter_chats: dict[str | None, str] | set[str | None]) -> bool:
    """A message to a hunter (lead cards carry the company they are about, but the hunter reads them)."""
    return message.hunter_id is not None or (
        message.channel.value == "telegram" and message.address in hunter_chats
    )


@dataclass
class Thread:
    key: str
    title: str
    channel: str  # what we last wrote on
    address: str | None  # where a simulated answer comes from; None: this thread cannot be answered
    company: Company | None
    items: list[tuple[Any, str, Any]]  # (time, "out" | "in", Message | Reply)
    reply_channel: str | None = None  # sms | telegram: how the answer arrives
    note: str | None = None  # shown above the answer box when it answers on another channel, or cannot
    button_labels: dict[str, str] = field(default_factory=dict)  # callback data -> label, for taps shown


def _answer_from(company: Company, messages: list[Message]) -> tuple[str | None, str | None]:
    """(channel, address) a company answers from: the last SMS or Telegram chat we wrote to, else its
    Telegram chat, else its mobile. E-mail is not answerable here, so an e-mail thread answers by SMS."""
    for message in reversed(messages):
        if message.channel.value in ANSWERABLE and message.address:
            return message.channel.value, message.address
    contacts = [c for c in company.contacts if c.replaced_at is None and c.invalid_reason is None]
    telegram = next((c.address for c in contacts if c.kind is ContactKind.TELEGRAM), None)
    if telegram:
        return "telegram", telegram
    mobile = next((c.address for c in contacts if c.kind is ContactKind.PHONE and c.is_mobile), None)
    mobile = mobile or company.mobile
    return ("sms", mobile) if mobile else (None, None)


def sandbox_thread(session: Session, *, key: str, language: str = DEFAULT_LANGUAGE) -> Thread | None:
    """The messages and replies of one thread in time order, for the chat view (its note in `language`)."""
    note: str | None = None
    if key.startswith("c") and key[1:].isdigit():
        company = session.get(Company, int(key[1:]))
        if company is None:
            return None
        addresses = [c.address for c in company.contacts]
        # What went to a hunter about this company is in the hunter's thread: answering here must answer as
        # the company, never from the hunter's chat.
        hunter_chats = set(
            session.scalars(select(Hunter.telegram_chat_id).where(Hunter.telegram_chat_id.is_not(None)))
        )
        messages = [
            m
            for m in session.scalars(
                select(Message)
                .where(
                    Message.provider == "sandbox",
                    or_(Message.company_id == company.id, Message.address.in_(addresses)),
                )
                .order_by(Message.id)
            )
            if not _to_hunter(m, hunter_chats)
        ]
        replies = [
            r
            for r in session.scalars(
                select(Reply).where(or_(Reply.company_id == company.id, Reply.sender.in_(addresses)))
            )
            if r.sender not in hunter_chats
        ]
        channel = messages[-1].channel.value if messages else "sms"
        reply_channel, address = _answer_from(company, messages)
        if reply_channel is None:
            note = text("sandbox_note_unreachable", language, name=company.name)
        elif channel not in ANSWERABLE:
            got = text("sandbox_got_email" if channel == "email" else "sandbox_got_letter", language)
            how = (
                "sandbox_note_answer_by_sms" if reply_channel == "sms" else "sandbox_note_answer_by_telegram"
            )
            note = text(how, language, got=got, address=address)
        title = company.name
    elif key.startswith("a") and ":" in key:
        channel, _, address = key[1:].partition(":")
        company = None
        messages = list(
            session.scalars(
                select(Message)
                .where(Message.provider == "sandbox", Message.address == address)
                .order_by(Message.id)
            )
        )
        replies = list(session.scalars(select(Reply).where(Reply.sender == address)))
        hunter = session.scalar(select(Hunter).where(Hunter.telegram_chat_id == address))
        title = hunter.org_name if hunter else address
        reply_channel = channel if channel in ANSWERABLE else None
        if reply_channel is None:
            address = None
            note = text("sandbox_note_cannot_answer", language)
    else:
        return None
    items: list[tuple[Any, str, Any]] = [(m.sent_at or m.created_at, "out", m) for m in messages]
    items += [(r.received_at, "in", r) for r in replies]
    items.sort(key=lambda item: item[0])
    return Thread(key, title, channel, address, company, items, reply_channel, note, button_labels(messages))
