"""Factories for companies, registrations, hunters and leads: the one place a test company is made, saved
(`make_company`, with a mobile and identifiers when asked) or not (`new_company`, for rendering)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from companies.identifiers import ensure_identifiers
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import County
from store.models import Hunter
from store.models import HunterState
from store.models import HunterType
from store.models import Message
from store.models import MessageKind
from store.models import Registration
from store.models import RegistrationSource
from store.models import Trade
from store.models import utcnow
from store.secrets import AddressHasher
from tests.register_files import valid_orgnrs

_numbers = itertools.count(1)

# Valid organisation numbers (mod 11), one per test company.
ORGNRS = ["974760673", "923609016", "914778271", "984851006", "971524960", "982463718", "937052766"]
_orgnrs = itertools.cycle(ORGNRS)
_hunter_orgnrs = valid_orgnrs(100_000, seed=55)

MUNICIPALITY_OF_COUNTY = {"55": "5501", "03": "0301", "46": "4601", "56": "5601", "50": "5001"}


# What a company needs for a message or a letter to render (postal address, identifiers, language).
RENDERABLE: dict[str, object] = {
    "orgnr": "974760673",
    "name": "Smith & Sønn Rørleggerbedrifts",
    "postal_street": "Postboks 123",
    "postal_postcode": "9008",
    "postal_city": "Tromsø",
    "short_code": "K7MX2P",
    "token": "Zx9_Qw-3" + "k" * 35,  # as long as secrets.token_urlsafe(32)
    "language": "nb",
}


def new_company(**fields: object) -> Company:
    """A company that is not saved, with everything rendering reads; `fields` override."""
    return Company(**{**RENDERABLE, **fields})


def add_contact(
    session: Session, company: Company, kind: ContactKind, address: str, **fields: object
) -> Contact:
    """A contact address of `company`, hashed as the importer hashes it (a phone is a mobile); `fields` add to or
    override the columns (`replaced_at=...` for a number the company no longer has)."""
    values: dict[str, object] = {"is_mobile": kind is ContactKind.PHONE, **fields}
    contact = Contact(
        company_id=company.id,
        kind=kind,
        address=address,
        address_hash=AddressHasher.load(session)(kind, address),
        **values,
    )
    session.add(contact)
    session.flush()
    return contact


def make_company(
    session: Session,
    *,
    county: str | None = "55",
    name: str | None = None,
    mobile: str | None = None,
    identifiers: bool = False,
    **kw: object,
) -> Company:
    """A saved company with an unused valid orgnr (unless given); with `mobile` it has that phone (in the
    register's column and as a contact, as the importer writes it), and with
    `identifiers` (or a mobile) its short code and link token."""
    n = next(_numbers)
    orgnr = str(kw.pop("orgnr", None) or next(_orgnrs))
    while session.scalar(select(Company.id).where(Company.orgnr == orgnr)) is not None:
        orgnr = next(_orgnrs)
    values: dict[str, object] = {
        "county_number": county,
        "municipality_number": MUNICIPALITY_OF_COUNTY.get(county or ""),
        "business_city": "Tromsø" if county == "55" else "Oslo",
    }
    company = Company(orgnr=orgnr, name=name or f"Bedrift {n} AS", mobile=mobile, **{**values, **kw})
    session.add(company)
    session.flush()
    if mobile is not None:
        add_contact(session, company, ContactKind.PHONE, mobile)
    if identifiers or mobile is not None:
        ensure_identifiers(session, company_ids=[company.id])
        session.flush()
        session.refresh(company)
    return company


def make_registration(
    session: Session, *, company: Company, trades: Iterable[int] = (1,), **kw: object
) -> Registration:
    values: dict[str, object] = {
        "source": RegistrationSource.TELEGRAM,
        "contact_name": "Kari Nordmann",
        "phone": "+4791234567",
        "places": 2,
        "adult_apprentices": True,
        "start": "august",
        "consent": True,
        "completed_at": utcnow(),
        "verified": True,  # a company that proved itself, unless the test says otherwise
    }
    registration = Registration(company_id=company.id, **{**values, **kw})
    registration.trades = [session.get_one(Trade, t) for t in trades]
    session.add(registration)
    session.flush()
    return registration


def make_hunter(
    session: Session,
    *,
    counties: Iterable[str] = ("55",),
    trades: Iterable[int] = (),
    all_trades: bool = False,
    state: HunterState = HunterState.APPROVED,
    chat_id: str | None = None,
    name: str | None = None,
) -> Hunter:
    n = next(_numbers)
    hunter = Hunter(
        org_name=name or f"Jegerlag {n}",
        type=HunterType.UNION,
        orgnr=next(_hunter_orgnrs),  # one organisation per orgnr (migration 0019)
        contact_name="Per Jeger",
        phone="+4790000000",
        telegram_chat_id=chat_id if chat_id is not None else str(100000 + n),
        all_trades=all_trades,
        state=state,
    )
    hunter.counties = [session.get_one(County, c) for c in counties]
    hunter.trades = [session.get_one(Trade, t) for t in trades]
    session.add(hunter)
    session.flush()
    return hunter


def notifications(session: Session, *, lead_id: int | None = None) -> list[Message]:
    query = select(Message).where(Message.kind == MessageKind.NOTIFICATION).order_by(Message.id)
    if lead_id is not None:
        query = query.where(Message.lead_id == lead_id)
    return list(session.scalars(query))
