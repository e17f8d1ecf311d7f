"""Leads as rows for staff: `jeger leads list|export`, the API and the dashboard read the same shape."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from typing import IO
from typing import Any

from sqlalchemy import Select
from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm import selectinload

from companies.lookup import check_county
from exports import tables
from staff.scopes import EVERYTHING
from staff.scopes import Scope
from store.keyset import Key
from store.keyset import Page
from store.keyset import order
from store.keyset import page_of
from store.keyset import paged
from store.models import Company
from store.models import County
from store.models import Hunter
from store.models import Lead
from store.models import LeadState
from store.models import Message
from store.models import MessageKind
from store.models import Registration
from store.models import Trade
from store.models import registration_trade
from store.models import utcnow
from store.times import OSLO

COLUMNS = [
    "id",
    "company",
    "orgnr",
    "county",
    "county_name",
    "trades",
    "places",
    "adult_apprentices",
    "adult_places",
    "trial_first",
    "preferred_start",
    "contact_name",
    "contact_phone",
    "contact_email",
    "state",
    "hunter",
    "created_at",
    "claimed_at",
    "outcome_at",
    "flagged_at",
    "verified",
]


def _local(moment: datetime | None) -> str | None:
    return moment.astimezone(OSLO).isoformat(timespec="minutes") if moment else None


@dataclass(frozen=True)
class LeadFilter:
    """What narrows a list of leads; every field optional. The dashboard, API and CLI filter through it in SQL,
    so a page of 100 is the same 100 whatever the filter (no filtering after the page is cut)."""

    county: str | None = None
    state: LeadState | None = None
    trade: str | None = None  # a trade's name: leads whose registration names it
    older_than_days: int | None = None
    flagged: bool = False  # only those unclaimed for three working days


# Oldest first; the id is unique, so it is the whole keyset.
KEYS = (Key(Lead.id, int),)
NO_FILTER = LeadFilter()


def _query(
    session: Session, wanted: LeadFilter, scope: Scope, lead_id: int | None, now: datetime | None
) -> Select[Any]:
    """The leads in `scope` that `wanted` lets through (an unknown county number is an error, not a blank)."""
    if wanted.county is not None:
        check_county(session, wanted.county)
    query = (
        select(Lead, Company, Registration, Hunter, County)
        .join(Company, Company.id == Lead.company_id)
        .join(Registration, Registration.id == Lead.registration_id)
        .outerjoin(Hunter, Hunter.id == Lead.hunter_id)
        .outerjoin(County, County.number == Lead.county_number)
        .options(selectinload(Registration.trades))
        .where(scope.leads())
    )
    if lead_id is not None:
        query = query.where(Lead.id == lead_id)
    if wanted.county is not None:
        query = query.where(Lead.county_number == wanted.county)
    if wanted.state is not None:
        query = query.where(Lead.state == wanted.state)
    if wanted.trade:
        named = select(registration_trade.c.registration_id).join(
            Trade, Trade.id == registration_trade.c.trade_id
        )
        query = query.where(Lead.registration_id.in_(named.where(Trade.name == wanted.trade)))
    if wanted.flagged:
        query = query.where(Lead.flagged_at.is_not(None))
    if wanted.older_than_days is not None:
        days = min(wanted.older_than_days, 36_500)  # a century: older than anything, and no overflow
        query = query.where(Lead.created_at <= (now or utcnow()) - timedelta(days=days))
    return query


def lead_rows(
    session: Session,
    *,
    county: str | None = None,
    state: LeadState | None = None,
    scope: Scope = EVERYTHING,
    lead_id: int | None = None,
    wanted: LeadFilter | None = None,
) -> list[dict[str, Any]]:
    """Every matching lead as a dict (keys = COLUMNS), oldest first: exports and details, never a page.

    `scope` cuts the rows to what the asking person may see (staff.scopes): every list, export and detail
    of leads comes through here or `lead_page`, so a county officer's CSV holds what their page shows."""
    wanted = wanted or LeadFilter(county=county, state=state)
    query = _query(session, wanted, scope, lead_id, None).order_by(*order(KEYS))
    return [_row(*found) for found in session.execute(query).tuples()]


def lead_page(
    session: Session,
    *,
    wanted: LeadFilter = NO_FILTER,
    scope: Scope = EVERYTHING,
    cursor: str | None = None,
    limit: int = 100,
    now: datetime | None = None,
) -> Page[dict[str, Any]]:
    """One page of `lead_rows`, after `cursor` (store.keyset; raises BadCursor on a cursor it did not give)."""
    query = paged(_query(session, wanted, scope, None, now), KEYS, cursor=cursor, limit=limit)
    rows = [_row(*found) for found in session.execute(query).tuples()]
    return page_of(rows, limit, lambda row: [row["id"]])


def _row(
    lead: Lead, company: Company, registration: Registration, hunter: Hunter | None, county: County | None
) -> dict[str, Any]:
    return {
        "id": lead.id,
        "company": company.name,
        "orgnr": company.orgnr,
        "county": lead.county_number,
        "county_name": county.name if county else None,
        "trades": [t.name for t in registration.trades],
        "places": registration.places,
        "adult_apprentices": registration.adult_apprentices,
        "adult_places": registration.adult_places,  # adult campaigns (PRODUCT §11)
        "trial_first": registration.trial_first,
        "preferred_start": registration.start,
        "contact_name": registration.contact_name,
        "contact_phone": registration.phone,
        "contact_email": registration.email,
        "state": lead.state.value,
        "hunter": hunter.org_name if hunter else None,
        "created_at": _local(lead.created_at),
        "claimed_at": _local(lead.claimed_at),
        "outcome_at": _local(lead.outcome_at),
        "flagged_at": _local(lead.flagged_at),
        # False: registered by a conversation that only typed the orgnr (PRODUCT §7).
        "verified": registration.verified,
    }


def _flat(row: dict[str, Any]) -> list[Any]:
    """One lead as cells: trades joined with "; ", yes/no spelled out."""
    flat = dict(row)
    flat["trades"] = "; ".join(row["trades"])
    for answer in ("adult_apprentices", "trial_first"):
        if row[answer] is not None:
            flat[answer] = "ja" if row[answer] else "nei"
    return [flat.get(c) for c in COLUMNS]


def write_csv(rows: list[dict[str, Any]], out: IO[str]) -> None:
    """CSV for scripts and spreadsheets: English column names, empty cells for unknowns, and no cell that a
    spreadsheet would run as a formula (`exports.tables`)."""
    tables.write_csv(out, header=COLUMNS, rows=(_flat(row) for row in rows), lineterminator="\n")


def write_xlsx(rows: list[dict[str, Any]], out: IO[bytes]) -> None:
    """The same columns as a workbook with typed cells: numbers, dates and text that never turns formula."""
    tables.write_xlsx(out, [tables.Sheet("Leads", COLUMNS, (_flat(row) for row in rows))])


def lead_detail(session: Session, *, lead_id: int, scope: Scope = EVERYTHING) -> dict[str, Any] | None:
    """One lead as `lead_rows` gives it, plus who heard of it and who holds it; None when it does not exist or
    lies outside `scope` (the two look the same: an id proves nothing about who may see it)."""
    rows = lead_rows(session, scope=scope, lead_id=lead_id)
    if not rows:
        return None
    lead = session.get_one(Lead, lead_id)
    announced = session.execute(
        select(Hunter.id, Hunter.org_name)
        .where(
            Hunter.id.in_(
                select(Message.hunter_id).where(
                    Message.lead_id == lead_id,
                    Message.kind == MessageKind.NOTIFICATION,
                    Message.hunter_id.is_not(None),
                )
            )
        )
        .order_by(Hunter.id)
    ).all()
    owner = session.get(Hunter, lead.hunter_id) if lead.hunter_id is not None else None
    return {
        **rows[0],
        "announced_to": [{"id": hunter_id, "name": name} for hunter_id, name in announced],
        "claimed_by": {"id": owner.id, "name": owner.org_name} if owner is not None else None,
    }
