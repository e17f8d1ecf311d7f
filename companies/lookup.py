"""Company look-ups for `jeger companies list|show` and the API: plain dicts ready for JSON."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm import selectinload

from store.models import Company
from store.models import County
from store.models import OptOut
from store.secrets import AddressHasher


def company_row(company: Company, county_name: str | None) -> dict[str, Any]:
    return {
        "orgnr": company.orgnr,
        "name": company.name,
        "org_form": company.org_form,
        "nace_code": company.nace_code,
        "employees": company.employees,
        "municipality_number": company.municipality_number,
        "county_number": company.county_number,
        "county_name": county_name,
    }


class UnknownCounty(ValueError):
    """The county number is not one of the counties in force; `valid` maps the valid numbers to names."""

    def __init__(self, county: str, valid: dict[str, str]) -> None:
        super().__init__(f"ukjent fylkesnummer «{county}»")
        self.county = county
        self.valid = valid


def check_county(session: Session, county: str) -> None:
    """Raises UnknownCounty for a number that is not a county in force: a filter on it would answer an empty
    list, which reads as "none there" rather than "no such county"."""
    if session.get(County, county) is None:
        valid = dict(
            session.execute(select(County.number, County.name).order_by(County.number)).tuples().all()
        )
        raise UnknownCounty(county, valid)


def list_companies(
    session: Session, *, county: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Companies by name; raises UnknownCounty rather than answer an empty list for a county that is not one."""
    query = (
        select(Company, County.name)
        .outerjoin(County, County.number == Company.county_number)
        .order_by(Company.name, Company.orgnr)
    )
    if county is not None:
        check_county(session, county)
        query = query.where(Company.county_number == county)
    if limit:
        query = query.limit(limit)
    return [company_row(company, name) for company, name in session.execute(query).tuples()]


def company_details(session: Session, *, orgnr: str) -> dict[str, Any] | None:
    """The stored company with its contacts, county, flags and personal identifiers (created on first use)."""
    from companies.identifiers import ensure_identifiers
    from companies.training import approved_trades

    company = session.scalar(
        select(Company).where(Company.orgnr == orgnr).options(selectinload(Company.contacts))
    )
    if company is None:
        return None
    ensure_identifiers(session, company_ids=[company.id])
    session.refresh(company)
    county = session.get(County, company.county_number) if company.county_number else None
    hasher = AddressHasher.load(session)
    opted_out = set(
        session.scalars(
            select(OptOut.address_hash).where(
                OptOut.address_hash.in_([c.address_hash for c in company.contacts])
            )
        )
    )
    return company_row(company, county.name if county else None) | {
        "business_address": {
            "street": company.business_street,
            "postcode": company.business_postcode,
            "city": company.business_city,
        },
        "postal_address": {
            "street": company.postal_street,
            "postcode": company.postal_postcode,
            "city": company.postal_city,
            "country": company.postal_country,
        },
        "phone": company.phone,
        "mobile": company.mobile,
        "email": company.email,
        "website": company.website,
        "language": company.language,
        "flags": {
            "training_company": company.is_training_company,
            "bankrupt": company.bankrupt,
            "winding_up": company.winding_up,
            "deleted": company.deleted_on is not None,
            "do_not_contact": company.do_not_contact_at is not None,
            "never_contact": company.never_contact,
        },
        # what the counties' lists approve it for (companies.training), as hunters and staff see it
        "approved_trades": [
            {"trade": a.trade, "county": a.county} for a in approved_trades(session, orgnr=company.orgnr)
        ],
        "deleted_on": company.deleted_on.isoformat() if company.deleted_on else None,
        # When and through which channel the company said STOPP (PRODUCT §3); never lifted automatically.
        "do_not_contact_at": company.do_not_contact_at.isoformat() if company.do_not_contact_at else None,
        "do_not_contact_source": company.do_not_contact_source,
        "short_code": company.short_code,
        "token": company.token,
        "contacts": [
            {
                "kind": contact.kind.value,
                "address": contact.address,
                "is_mobile": contact.is_mobile,
                "source": contact.source,
                "invalid_reason": contact.invalid_reason,
                "opted_out": hasher(contact.kind, contact.address) in opted_out,
                # kept for the history of what was sent where; never used for outreach
                "replaced": contact.replaced_at is not None,
                "replaced_at": contact.replaced_at.isoformat() if contact.replaced_at else None,
            }
            for contact in sorted(
                company.contacts, key=lambda c: (c.replaced_at is not None, c.kind.value, c.address)
            )
        ],
    }


def company_id_of(session: Session, orgnr: str, *conditions: ColumnElement[bool]) -> int | None:
    """The id of the company with `orgnr`, if it also meets `conditions` (a staff scope, say)."""
    return session.scalar(select(Company.id).where(Company.orgnr == orgnr, *conditions))
