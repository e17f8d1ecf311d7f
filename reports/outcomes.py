"""The outcome report of a campaign (PRODUCT §11): per trade × county (× municipality for a local campaign),
how many companies the campaign reached and what came of it.

Columns, all counting companies unless they say otherwise:
- audience: companies the campaign had an outreach message for; reached: one of them was delivered (a letter
  or e-mail handed over counts, as on the campaign page); replied: it answered in the campaign; interested: it
  said JA or started a registration;
- registrations (completed, counted as registrations), places offered (their places; an adult campaign's
  registration that only gave places for adults counts those), of which for adults;
- leads claimed by a hunter, and leads that became a training company.

A company's trade is what it registered (the trades of its completed registrations in the campaign); a company
without one gets the trades its NACE code trains in (the shipped trade → NACE map, `campaigns.trade_nace`),
limited to the campaign's own trades when its audience names some, else "(uten fag)". A company that trains in
two trades is counted under both, so the trade rows may add up to more than the county and total sheets, which
count each company once.

Set-based: two grouped queries over per-company facts, whatever the campaign's size: one by registered trade and
place (its facts read only the registered companies' rows), one by NACE code and place (a few thousand groups,
which partition the companies, so the county and total rows are their sums and Python maps codes, not
companies). The facts are one pass over the campaign's rows (UNION ALL of every source, grouped once by
company), never over the register. Measured on the national bench database (1.5 M companies, a campaign of
200,000 messages, 5,000 registrations; PostgreSQL, 2 shared cores): 36 s with a query per breakdown and JIT on;
4.7-7.1 s with a grouped subquery per source outer-joined; 4.4 s against 6.1 s for that, in the same minutes
at load 10, with the one pass.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

from sqlalchemy import Integer, Select, case, func, literal, or_, select, text, union_all
from sqlalchemy.orm import Session

from campaigns.definition_model import definition_of
from campaigns.results import CLAIMED_STATES, REPLY_INTENTS, shown_state
from campaigns.trade_nace import trade_nace
from store.models import (
    Campaign,
    Company,
    County,
    Intent,
    Lead,
    LeadState,
    Message,
    MessageKind,
    MessageState,
    Municipality,
    Registration,
    Reply,
    Trade,
    registration_trade,
)

NO_TRADE = "(uten fag)"
MEASURES = ("audience", "reached", "replied", "interested", "registrations", "places", "adult_places", "claimed", "became")  # fmt: skip


@dataclass
class Counts:
    audience: int = 0
    reached: int = 0
    replied: int = 0
    interested: int = 0
    registrations: int = 0
    places: int = 0
    adult_places: int = 0
    claimed: int = 0
    became: int = 0

    def add(self, values: Iterable[Any]) -> None:
        for name, value in zip(MEASURES, values, strict=True):
            setattr(self, name, getattr(self, name) + int(value or 0))

    def values(self) -> list[int]:
        return [getattr(self, f.name) for f in fields(self)]


@dataclass
class OutcomeReport:
    """Rows keyed by (trade, county number[, municipality number]); names for the numbers alongside."""

    campaign_id: int
    campaign_name: str
    local: bool
    by_trade_county: dict[tuple[str, str], Counts] = field(default_factory=dict)
    by_trade_municipality: dict[tuple[str, str, str], Counts] = field(default_factory=dict)
    by_county: dict[str, Counts] = field(default_factory=dict)
    by_trade: dict[str, Counts] = field(default_factory=dict)
    total: Counts = field(default_factory=Counts)
    county_names: dict[str, str] = field(default_factory=dict)
    municipality_names: dict[str, str] = field(default_factory=dict)


def _facts(campaign_id: int, *, only: Any = None) -> Select[Any]:
    """One row per company the campaign touched: 0/1 per stage, and counts and sums of its registrations.

    One pass: every source (outreach messages, replies, registrations, their leads) gives rows of the same
    columns, UNION ALL, grouped once by company. The outer joins of one grouped subquery per source this
    replaced made the planner guess trillions of rows and read the outbox twice (issue 14). `only`: a
    subquery of company ids to restrict every source to (the registered companies' rows)."""
    zero, one = literal(0, Integer), literal(1, Integer)
    done = Registration.completed_at.is_not(None)

    def row(cid: Any, **values: Any) -> list[Any]:
        return [cid.label("cid"), *(values.get(name, zero).label(name) for name in _SOURCE_COLUMNS)]

    def cut(query: Select[Any], cid: Any) -> Select[Any]:
        return query if only is None else query.where(cid.in_(only))

    outreach = select(
        *row(
            Message.company_id,
            audience=one,
            reached=case((shown_state() == MessageState.DELIVERED.value, 1), else_=0),
        )
    ).where(
        Message.campaign_id == campaign_id,
        Message.kind == MessageKind.OUTREACH,
        Message.company_id.is_not(None),
    )
    replies = select(
        *row(Reply.company_id, replied=one, said_yes=case((Reply.intent == Intent.INTERESTED, 1), else_=0))
    ).where(Reply.campaign_id == campaign_id, Reply.company_id.is_not(None), Reply.intent.in_(REPLY_INTENTS))
    registrations = select(
        *row(
            Registration.company_id,
            started=one,
            registrations=case((done, 1), else_=0),
            places=case((done, func.coalesce(Registration.places, Registration.adult_places, 0)), else_=0),
            adult_places=case((done, func.coalesce(Registration.adult_places, 0)), else_=0),
        )
    ).where(Registration.campaign_id == campaign_id)
    leads = (
        select(
            *row(
                Registration.company_id,
                claimed=case((Lead.state.in_(CLAIMED_STATES), 1), else_=0),
                became=case((Lead.state == LeadState.BECAME_TRAINING_COMPANY, 1), else_=0),
            )
        )
        .join(Lead, Lead.registration_id == Registration.id)
        .where(Registration.campaign_id == campaign_id)
    )
    sources = union_all(
        cut(outreach, Message.company_id),
        cut(replies, Reply.company_id),
        cut(registrations, Registration.company_id),
        cut(leads, Registration.company_id),
    ).subquery("sources")
    c = sources.c
    return select(
        c.cid.label("cid"),
        func.max(c.audience).label("audience"),
        func.max(c.reached).label("reached"),
        func.max(c.replied).label("replied"),
        case((or_(func.max(c.started) == 1, func.max(c.said_yes) == 1), one), else_=0).label("interested"),
        *(func.sum(c[name]).label(name) for name in ("registrations", "places", "adult_places")),
        *(func.sum(c[name]).label(name) for name in ("claimed", "became")),
    ).group_by(c.cid)


# The columns every source of `_facts` gives (0 where it says nothing about them).
_SOURCE_COLUMNS = ("audience", "reached", "replied", "said_yes", "started", "registrations", "places", "adult_places", "claimed", "became")  # fmt: skip


def _sums(facts: Any) -> list[Any]:
    return [func.sum(facts.c[name]) for name in MEASURES]


def is_local(session: Session, campaign: Campaign) -> bool:
    """A campaign for a place: its audience names municipalities, postcodes or a member list, or an
    organisation owns it (PRODUCT §11); its report breaks counties down into municipalities."""
    audience = definition_of(campaign).audience
    if any(getattr(audience, key, None) for key in ("municipalities", "postcodes", "orgnr_list")):
        return True
    from store.models.ownership import CampaignOwner

    return (
        session.scalar(
            select(CampaignOwner.campaign_id).where(CampaignOwner.campaign_id == campaign.id).limit(1)
        )
        is not None
    )


def _campaign_trades(campaign: Campaign) -> tuple[str, ...]:
    return tuple(getattr(definition_of(campaign).audience, "trades", ()) or ())


@cache
def _prefix_trades(trades: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """NACE prefix -> the trades it trains in (of `trades`, or of every trade when empty)."""
    found: dict[str, list[str]] = defaultdict(list)
    for trade, prefixes in trade_nace().items():
        if trades and trade not in trades:
            continue
        for prefix in prefixes:
            found[prefix].append(trade)
    return {prefix: tuple(names) for prefix, names in found.items()}


def trades_of_nace(nace: str | None, trades: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The trades a NACE code trains in: every prefix of the code that the map names (41, 41.2, 41.20)."""
    if not nace:
        return ()
    table = _prefix_trades(trades)
    found: dict[str, None] = {}
    for end in range(2, len(nace) + 1):
        for trade in table.get(nace[:end], ()):
            found[trade] = None
    return tuple(found)


def outcome_report(session: Session, *, campaign_id: int) -> OutcomeReport:
    """The whole report; raises LookupError for an unknown campaign."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise LookupError(f"kampanje {campaign_id} finnes ikke")
    if session.get_bind().dialect.name == "postgresql":
        # The planner cannot estimate the outer joins of the facts (it guesses trillions of rows) and then
        # JIT-compiles the query: 3.3 of the 3.8 s one breakdown took at national size (200,000 messages).
        session.execute(text("SET LOCAL jit = off"))
    local = is_local(session, campaign)
    report = OutcomeReport(campaign_id=campaign.id, campaign_name=campaign.name, local=local)
    place = (Company.county_number, Company.municipality_number)

    # Companies whose completed registrations name trades: those trades.
    registered = (
        select(Registration.company_id.label("cid"), Trade.name.label("trade"))
        .join(registration_trade, registration_trade.c.registration_id == Registration.id)
        .join(Trade, Trade.id == registration_trade.c.trade_id)
        .where(Registration.campaign_id == campaign.id, Registration.completed_at.is_not(None))
        .distinct()
        .subquery("registered")
    )
    facts = _facts(campaign.id, only=select(registered.c.cid)).subquery("facts")
    rows = session.execute(
        select(registered.c.trade, *place, *_sums(facts))
        .join(facts, facts.c.cid == registered.c.cid)
        .join(Company, Company.id == registered.c.cid)
        .group_by(registered.c.trade, *place)
    ).tuples()
    for trade, county, municipality, *values in rows:
        _add(report, trade, county, municipality, values)

    # Every company once, grouped by NACE code and place: these groups partition the companies, so the county
    # and total rows are their sums; companies without registered trades get their NACE code's trades.
    facts = _facts(campaign.id).subquery("facts")
    is_registered = case((Company.id.in_(select(registered.c.cid)), 1), else_=0)
    groups = session.execute(
        select(Company.nace_code, *place, is_registered, *_sums(facts))
        .join(facts, facts.c.cid == Company.id)
        .group_by(Company.nace_code, *place, is_registered)
    ).tuples()
    limit = _campaign_trades(campaign)
    for nace, county, municipality, registered_trades, *values in groups:
        report.by_county.setdefault(county or "", Counts()).add(values)
        report.total.add(values)
        if not registered_trades:
            for trade in trades_of_nace(nace, limit) or (NO_TRADE,):
                _add(report, trade, county, municipality, values)
    report.county_names = dict(session.execute(select(County.number, County.name)).tuples().all())
    if local:
        wanted = {m for _t, _c, m in report.by_trade_municipality}
        report.municipality_names = dict(
            session.execute(
                select(Municipality.number, Municipality.name).where(Municipality.number.in_(wanted))
            )
            .tuples()
            .all()
        )
    return report


def _add(
    report: OutcomeReport, trade: str, county: str | None, municipality: str | None, values: list[Any]
) -> None:
    report.by_trade_county.setdefault((trade, county or ""), Counts()).add(values)
    report.by_trade.setdefault(trade, Counts()).add(values)
    if report.local:
        report.by_trade_municipality.setdefault((trade, county or "", municipality or ""), Counts()).add(
            values
        )
