"""What a STOPP does (PRODUCT §3): it opts out the address it came from, for everyone, and marks the company it
spoke for do-not-contact. It never opts out the company's other addresses: small companies share their
accountant's number or a switchboard, and one company's STOPP must not silence the others.

The per-address opt-out itself is `companies.optout_records.record_opt_out` (also used by provider opt-outs and privacy
erasure, which concern an address, not a company).
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from companies.optout_records import record_opt_out
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import Intent
from store.models import OptOut
from store.models import Reply
from store.models import utcnow
from store.secrets import AddressHasher


def record_stop(
    session: Session,
    *,
    hasher: AddressHasher,
    kind: ContactKind,
    address: str,
    source: str,
    company_id: int | None,
) -> bool:
    """Opts out `address` and, when the STOPP spoke for a company, marks that company do-not-contact.

    Returns True when anything is new (the address or the company), so the sender gets one confirmation and a
    repeated STOPP none. The caller decides which company the conversation proved (PRODUCT §7) and commits."""
    new = record_opt_out(session, hasher=hasher, kind=kind, address=address, source=source)
    if company_id is not None:
        new = mark_do_not_contact(session, company_id=company_id, source=source) or new
    return new


def mark_do_not_contact(session: Session, *, company_id: int, source: str) -> bool:
    """Marks the company do-not-contact; True when it was not already. The first mark's time stands."""
    result = session.execute(
        update(Company)
        .where(Company.id == company_id, Company.do_not_contact_at.is_(None))
        .values(do_not_contact_at=utcnow(), do_not_contact_source=source[:20])
        .execution_options(synchronize_session="fetch")
    )
    return bool(getattr(result, "rowcount", 0))


def address_owners(session: Session, *, kind: ContactKind, address: str) -> set[int]:
    """The companies whose current (not replaced) contact this address is."""
    return set(
        session.scalars(
            select(Contact.company_id).where(
                Contact.kind == kind,
                Contact.address == address,
                Contact.replaced_at.is_(None),
                Contact.company_id.is_not(None),
            )
        )
    )


@dataclass
class SharedOptOut:
    """An opted-out address that several companies list as theirs, for staff to review."""

    kind: str
    address: str | None  # None once a privacy erase removed the clear text
    opted_out_at: datetime
    source: str  # sms | telegram | web | provider | staff | privacy
    said_stop_itself: (
        bool  # a STOPP came from this address (else another address's STOPP swept it, before 0003)
    )
    companies: list[dict[str, Any]] = field(default_factory=list)  # orgnr, name, do_not_contact

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "address": self.address,
            "company_count": len(self.companies),
            "companies": self.companies,
            "opted_out_at": self.opted_out_at.isoformat(),
            "source": self.source,
            "said_stop_itself": self.said_stop_itself,
        }


def shared_optouts(session: Session, *, min_companies: int = 2) -> list[SharedOptOut]:
    """Opted-out addresses that at least `min_companies` companies have as a current contact, most shared first.

    Before 0003 one company's STOPP opted out all its addresses, its accountant's and switchboard numbers too,
    and those opt-outs are not lifted automatically: staff read this list to decide."""
    shared = (
        select(OptOut.id, func.count(func.distinct(Contact.company_id)).label("companies"))
        .join(Contact, Contact.address_hash == OptOut.address_hash)
        .where(Contact.replaced_at.is_(None), Contact.company_id.is_not(None))
        .group_by(OptOut.id)
        .having(func.count(func.distinct(Contact.company_id)) >= min_companies)
        .subquery()
    )
    rows = session.scalars(
        select(OptOut).join(shared, shared.c.id == OptOut.id).order_by(shared.c.companies.desc(), OptOut.id)
    ).all()
    found: list[SharedOptOut] = []
    for optout in rows:
        companies = session.execute(
            select(Company.orgnr, Company.name, Company.do_not_contact_at, Contact.address)
            .join(Contact, Contact.company_id == Company.id)
            .where(Contact.address_hash == optout.address_hash, Contact.replaced_at.is_(None))
            .order_by(Company.orgnr)
        ).all()
        address = optout.address or next((row.address for row in companies), None)
        said_itself = address is not None and (
            session.scalar(
                select(Reply.id).where(Reply.sender == address, Reply.intent == Intent.OPT_OUT).limit(1)
            )
            is not None
        )
        # (company, kind, address) is unique, so each company is listed once.
        listed = [
            {"orgnr": row.orgnr, "name": row.name, "do_not_contact": row.do_not_contact_at is not None}
            for row in companies
        ]
        found.append(
            SharedOptOut(
                kind=optout.kind.value,
                address=address,
                opted_out_at=optout.created_at,
                source=optout.source,
                said_stop_itself=said_itself,
                companies=listed,
            )
        )
    return found
