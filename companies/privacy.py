"""Data protection requests (PRODUCT §9): export everything held about an address or orgnr, or erase it.

An erase removes the personal data and keeps only anonymous counts: outbox rows and replies stay (their states
count in reports) but lose address, body and sender. The address stays opted out, kept only as its keyed hash,
so an erased person is never written to again.

Personal data travels: the contact person a company names in a chat registration is copied into the lead
cards sent to hunters. So an erase clears the registrations made from the address (matched by phone or e-mail,
or made in that chat or SMS conversation), and every message about their leads (`lead_id`) or quoting what was
erased.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import asdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import tuple_
from sqlalchemy import update
from sqlalchemy.orm import Session

from catalogue.phrases import Refusal
from companies.emails import normalize_email
from companies.optout_records import record_opt_out
from companies.optouts import mark_do_not_contact
from companies.phones import normalize_phone
from store.models import AuditEvent
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import Conversation
from store.models import Event
from store.models import Hunter
from store.models import HunterMember
from store.models import Lead
from store.models import LeadNote
from store.models import MemberLogin
from store.models import MemberNotice
from store.models import MemberSession
from store.models import Message
from store.models import MessageState
from store.models import OptOut
from store.models import Registration
from store.models import RegistrationSource
from store.models import Reply
from store.models import Rsvp
from store.models import utcnow
from store.secrets import AddressHasher


class PrivacyError(Refusal, ValueError):
    """The request names nothing we can look up (bad phone number, unknown orgnr); said in the reader's
    language (catalogue.refusals)."""


@dataclass
class ErasureReport:
    contacts: int = 0
    messages: int = 0
    replies: int = 0
    conversations: int = 0
    registrations: int = 0
    hunters: int = 0
    members: int = 0
    notes: int = 0
    rsvps: int = 0  # answers to information meetings that lost the phone or chat they came from

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def normalise_address(kind: ContactKind, address: str) -> str:
    if kind is ContactKind.PHONE:
        phone = normalize_phone(address)
        if phone is None:
            raise PrivacyError("privacy_not_a_phone", address=address)
        return phone
    if kind is ContactKind.EMAIL:
        if "@" not in address:
            raise PrivacyError("privacy_not_an_email", address=address)
        # The form we store; an address that fails the check may still sit in rows older than the check.
        return normalize_email(address) or address.strip().lower()
    return address.strip()


def _updated(session: Session, statement: Any) -> int:
    result = session.execute(statement)
    return int(getattr(result, "rowcount", 0) or 0)


def _row(obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns}


def export_address(session: Session, *, kind: ContactKind, address: str) -> dict[str, Any]:
    """Everything held about one phone number, e-mail address or Telegram chat."""
    address = normalise_address(kind, address)
    hasher = AddressHasher.load(session)
    contacts = session.scalars(select(Contact).where(Contact.kind == kind, Contact.address == address)).all()
    return {
        "address": address,
        "kind": kind.value,
        "contacts": [_row(c) for c in contacts],
        "companies": [_row(c) for c in {c.company for c in contacts if c.company}],
        "messages": [_row(m) for m in session.scalars(select(Message).where(Message.address == address))],
        "replies": [_row(r) for r in session.scalars(select(Reply).where(Reply.sender == address))],
        "conversations": [
            _row(c) for c in session.scalars(select(Conversation).where(Conversation.address == address))
        ],
        "registrations": [
            _row(r)
            for r in session.scalars(
                select(Registration).where(or_(Registration.phone == address, Registration.email == address))
            )
        ],
        "hunters": [
            _row(h) for h in session.scalars(select(Hunter).where(_address_match(Hunter, kind, [address])))
        ],
        **_member_export(session, kind, address),
        "rsvps": [_row(r) for r in session.scalars(select(Rsvp).where(Rsvp.address == address))],
        "opted_out": session.scalar(
            select(OptOut.created_at).where(OptOut.address_hash == hasher(kind, address))
        ),
    }


def export_company(session: Session, *, orgnr: str) -> dict[str, Any]:
    company = _company(session, orgnr)
    registrations = session.scalars(select(Registration).where(Registration.company_id == company.id)).all()
    return {
        "company": _row(company),
        "contacts": [_row(c) for c in company.contacts],
        "messages": [
            _row(m) for m in session.scalars(select(Message).where(Message.company_id == company.id))
        ],
        "replies": [_row(r) for r in session.scalars(select(Reply).where(Reply.company_id == company.id))],
        "registrations": [_row(r) | {"trades": [t.name for t in r.trades]} for r in registrations],
        "leads": [_row(lead) for lead in session.scalars(select(Lead).where(Lead.company_id == company.id))],
        "lead_notes": [
            _row(note)
            for note in session.scalars(
                select(LeadNote)
                .where(LeadNote.lead_id.in_(select(Lead.id).where(Lead.company_id == company.id)))
                .order_by(LeadNote.id)
            )
        ],
        # Answers to information meetings: which meeting, yes or no, how many people, from where.
        "rsvps": [
            _row(r) | {"meeting": title}
            for r, title in session.execute(
                select(Rsvp, Event.title)
                .join(Event, Event.id == Rsvp.event_id)
                .where(Rsvp.company_id == company.id)
            ).tuples()
        ],
        "conversations": [
            _row(c)
            for c in session.scalars(select(Conversation).where(Conversation.company_id == company.id))
        ],
    }


def _company(session: Session, orgnr: str) -> Company:
    company = session.scalar(select(Company).where(Company.orgnr == orgnr.replace(" ", "")))
    if company is None:
        raise PrivacyError("privacy_no_such_company", orgnr=orgnr)
    return company


def _address_match(person: type[Hunter | HunterMember], kind: ContactKind, addresses: Collection[str]) -> Any:
    """Rows of `person` (an organisation or one of its members: both keep their own addresses) that hold one of
    `addresses` in the column for `kind`."""
    column = {
        ContactKind.PHONE: person.phone,
        ContactKind.EMAIL: person.email,
        ContactKind.TELEGRAM: person.telegram_chat_id,
    }
    return column[kind].in_(addresses)


def _member_export(session: Session, kind: ContactKind, address: str) -> dict[str, Any]:
    """A member of a hunter organisation with this address: the person, the notes they wrote, and what was
    logged about them (sign-in secrets are kept only as hashes and are not personal data worth exporting)."""
    members = session.scalars(select(HunterMember).where(_address_match(HunterMember, kind, [address]))).all()
    ids = [m.id for m in members]
    notes = session.scalars(select(LeadNote).where(LeadNote.member_id.in_(ids)).order_by(LeadNote.id))
    sessions = session.scalars(select(MemberSession.id_hash).where(MemberSession.member_id.in_(ids))).all()
    events = session.scalars(
        select(AuditEvent)
        .where(or_(AuditEvent.member_id.in_(ids), AuditEvent.actor_member_id.in_(ids)))
        .order_by(AuditEvent.id)
    )
    return {
        "members": [_row(m) for m in members],
        "member_notes": [_row(n) for n in notes],
        "member_sessions": len(sessions),
        "audit_events": [_row(e) for e in events],
    }


def _erase_members(session: Session, kind: ContactKind, addresses: Collection[str]) -> int:
    """A member with this address loses name, addresses and chat, is removed from the organisation, and is signed
    out; their sign-in secrets and waiting digest lines go. Their notes stay with the lead (the organisation's
    record of its work), no longer tied to anyone who can be named."""
    members = session.scalars(select(HunterMember).where(_address_match(HunterMember, kind, addresses))).all()
    ids = [m.id for m in members]
    if not ids:
        return 0
    for model in (MemberSession, MemberLogin, MemberNotice):
        session.execute(delete(model).where(model.member_id.in_(ids)))
    now = utcnow()
    for member in members:
        member.name = ERASED_NAME
        member.email = member.phone = member.telegram_chat_id = None
        member.removed_at = member.removed_at or now
    return len(members)


ERASED_NAME = "–"  # the column needs a name; an erased member has none
BLANK = {"address": None, "body": None, "html": None, "extra": None, "subject": None, "error": None}
# Which conversation channel and registration source an address kind writes through.
CHANNEL_OF_KIND = {ContactKind.PHONE: "sms", ContactKind.TELEGRAM: "telegram"}
SOURCE_OF_KIND = {
    ContactKind.PHONE: RegistrationSource.SMS,
    ContactKind.TELEGRAM: RegistrationSource.TELEGRAM,
}
MIN_QUOTED = 4  # shorter values are not searched for in message bodies (too many false hits)


def _blank_messages(session: Session, condition: Any) -> int:
    """Unsent copies are cancelled (the dispatcher must not send an empty text); every copy loses its text."""
    session.execute(
        update(Message)
        .where(condition, Message.state == MessageState.QUEUED)
        .values(state=MessageState.CANCELLED)
        .execution_options(synchronize_session=False)
    )
    return _updated(
        session,
        update(Message).where(condition).values(**BLANK).execution_options(synchronize_session=False),
    )


def _erase_registrations(session: Session, registration_ids: set[int], report: ErasureReport) -> None:
    """Clears who to contact in these registrations, and every message about their leads or quoting them."""
    if not registration_ids:
        return
    registrations = session.scalars(select(Registration).where(Registration.id.in_(registration_ids))).all()
    quoted = {
        value
        for r in registrations
        for value in (r.contact_name, r.phone, r.email)
        if value and len(value) >= MIN_QUOTED
    }
    lead_ids = select(Lead.id).where(Lead.registration_id.in_(registration_ids))
    about = or_(
        Message.lead_id.in_(lead_ids),
        *(Message.body.contains(value, autoescape=True) for value in sorted(quoted)),
    )
    report.messages += _blank_messages(session, about)
    report.registrations += _updated(
        session,
        update(Registration)
        .where(Registration.id.in_(registration_ids))
        .values(phone=None, email=None, contact_name=None)
        .execution_options(synchronize_session=False),
    )
    for registration in registrations:
        session.refresh(registration)


def _registrations_of(session: Session, kind: ContactKind, addresses: Collection[str]) -> set[int]:
    """Registrations naming the addresses, and those made in their conversations (a chat's registration holds the
    register's phone number, so only the company and channel tie it to the person who answered)."""
    found = set(
        session.scalars(
            select(Registration.id).where(
                or_(Registration.phone.in_(addresses), Registration.email.in_(addresses))
            )
        )
    )
    channel, source = CHANNEL_OF_KIND.get(kind), SOURCE_OF_KIND.get(kind)
    if channel is None or source is None:
        return found
    companies = set(
        session.scalars(
            select(Contact.company_id).where(
                Contact.kind == kind, Contact.address.in_(addresses), Contact.company_id.is_not(None)
            )
        )
    ) | set(
        session.scalars(
            select(Conversation.company_id).where(
                Conversation.channel == channel,
                Conversation.address.in_(addresses),
                Conversation.company_id.is_not(None),
            )
        )
    )
    if companies:
        found |= set(
            session.scalars(
                select(Registration.id).where(
                    Registration.company_id.in_(companies), Registration.source == source
                )
            )
        )
    return found


def _erase_addresses(
    session: Session, kind: ContactKind, addresses: Collection[str], source: str, report: ErasureReport
) -> None:
    """Removes every trace of these addresses of one kind, each table touched once for all of them; they stay
    opted out as keyed hashes only. Registrations are the caller's (it may have more of them to clear)."""
    hasher = AddressHasher.load(session)
    for address in addresses:
        record_opt_out(session, hasher=hasher, kind=kind, address=address, source=source)
    session.execute(
        update(OptOut)
        .where(OptOut.address_hash.in_([hasher(kind, address) for address in addresses]))
        .values(address=None)
    )
    contacts = session.scalars(
        select(Contact).where(Contact.kind == kind, Contact.address.in_(addresses))
    ).all()
    for contact in contacts:
        session.delete(contact)
    report.contacts += len(contacts)
    report.messages += _blank_messages(session, Message.address.in_(addresses))
    report.replies += _updated(
        session, update(Reply).where(Reply.sender.in_(addresses)).values(sender=None, text=None)
    )
    # The answer itself (yes, no, how many) stays for the organiser's count; where it came from goes.
    report.rsvps += _updated(session, update(Rsvp).where(Rsvp.address.in_(addresses)).values(address=None))
    conversations = session.scalars(select(Conversation).where(Conversation.address.in_(addresses))).all()
    for conversation in conversations:
        session.delete(conversation)
    report.conversations += len(conversations)
    hunters = session.scalars(select(Hunter).where(_address_match(Hunter, kind, addresses))).all()
    for hunter in hunters:
        hunter.contact_name = hunter.phone = hunter.email = hunter.telegram_chat_id = None
    report.hunters += len(hunters)
    report.members += _erase_members(session, kind, addresses)
    for company in session.scalars(
        select(Company).where(
            or_(Company.phone.in_(addresses), Company.mobile.in_(addresses), Company.email.in_(addresses))
        )
    ):
        for column in ("phone", "mobile", "email"):
            if getattr(company, column) in addresses:
                setattr(company, column, None)


def erase_address(
    session: Session, *, kind: ContactKind, address: str, source: str = "privacy"
) -> ErasureReport:
    """Removes every trace of the address; it stays opted out as a keyed hash only. The caller commits."""
    address = normalise_address(kind, address)
    report = ErasureReport()
    _erase_registrations(session, _registrations_of(session, kind, [address]), report)
    _erase_addresses(session, kind, [address], source, report)
    session.flush()
    return report


def erase_company(session: Session, *, orgnr: str) -> ErasureReport:
    """Erases every address of the company and the personal parts of its registrations; the register's public
    record of the company itself stays (it is not personal data, and re-imports would bring it back).

    Set-based: the addresses are gathered by kind first, and each table is then touched once per kind, not once
    per contact (a company with many contacts used to rescan registrations, messages and replies for each)."""
    company = _company(session, orgnr)
    report = ErasureReport()
    shared_owners = _other_owners(session, company)
    erased: dict[ContactKind, set[str]] = {}
    for contact in list(company.contacts):
        if (contact.kind, contact.address) in shared_owners:
            # Another company's current address too (a switchboard, an accountant): only this company's link to
            # it goes. Erasing it would opt it out for the others as well (PRODUCT §3).
            session.delete(contact)
            report.contacts += 1
        else:
            erased.setdefault(contact.kind, set()).add(contact.address)
    registrations = set(session.scalars(select(Registration.id).where(Registration.company_id == company.id)))
    for kind, addresses in erased.items():
        registrations |= _registrations_of(session, kind, addresses)
    _erase_registrations(session, registrations, report)
    for kind, addresses in erased.items():
        _erase_addresses(session, kind, addresses, "privacy", report)
    lead_ids = select(Lead.id).where(Lead.company_id == company.id)
    report.messages += _blank_messages(
        session, or_(Message.company_id == company.id, Message.lead_id.in_(lead_ids))
    )
    report.replies += _updated(
        session, update(Reply).where(Reply.company_id == company.id).values(sender=None, text=None)
    )
    for conversation in session.scalars(select(Conversation).where(Conversation.company_id == company.id)):
        session.delete(conversation)
        report.conversations += 1
    report.rsvps += _updated(
        session,
        update(Rsvp).where(Rsvp.company_id == company.id, Rsvp.address.is_not(None)).values(address=None),
    )
    # Hunters' notes on the company's leads name and quote its people; the record that a note was made stays.
    report.notes += _updated(
        session,
        update(LeadNote)
        .where(LeadNote.lead_id.in_(lead_ids), LeadNote.kind == "note", LeadNote.text.is_not(None))
        .values(text=None),
    )
    company.phone = company.mobile = company.email = None
    # Its addresses are gone, not only opted out: the company itself is not written to again.
    mark_do_not_contact(session, company_id=company.id, source="privacy")
    session.flush()
    return report


def _other_owners(session: Session, company: Company) -> set[tuple[ContactKind, str]]:
    """The company's addresses that are also another company's current contact, in one query."""
    mine = select(Contact.kind, Contact.address).where(Contact.company_id == company.id)
    return {
        (kind, address)
        for kind, address in session.execute(
            select(Contact.kind, Contact.address)
            .where(
                tuple_(Contact.kind, Contact.address).in_(mine),
                Contact.replaced_at.is_(None),
                Contact.company_id.is_not(None),
                Contact.company_id != company.id,
            )
            .distinct()
        ).tuples()
    }


def export_subject(session: Session, *, kind: str, value: str) -> dict[str, Any]:
    """What is stored about one subject as `jeger privacy export` names it: `orgnr`, or an address of a
    contact kind (`phone`, `email`)."""
    if kind == "orgnr":
        return export_company(session, orgnr=value)
    return export_address(session, kind=ContactKind(kind), address=value)


def erase_subject(session: Session, *, kind: str, value: str) -> ErasureReport:
    """Erases one subject named as for `export_subject`."""
    if kind == "orgnr":
        return erase_company(session, orgnr=value)
    return erase_address(session, kind=ContactKind(kind), address=value)
