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

From the maintained counts (campaigns.stages, migration 0023): the companies per stage and the sums per
campaign, registered trades, NACE code and county (a few thousand groups, which partition the companies, so the
county and total rows are their sums and Python maps codes and trades, not companies), never a pass over the
campaign's outbox or its registered companies; a local campaign's, by municipality, from its companies' own
rows. Measured on the national bench database (1.5 M companies, a campaign of
200,000 messages, 5,000 registrations; PostgreSQL, 2 shared cores): 36 s with a query per breakdown and JIT on;
4.4-7.1 s with grouped queries over the sources; 3 s at best with one pass over them (issue 14).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import field
from dataclasses import fields
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.definition_model import definition_of
from campaigns.stages import stage_counts
from campaigns.trade_nace import trade_nace
from store.models import Campaign
from store.models import County
from store.models import Municipality
from store.models import Trade

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


# The report's columns -> the maintained measure that counts them (campaigns.stages).
MEASURE_OF = {
    "audience": "targeted",
    "reached": "delivered",
    "replied": "replied",
    "interested": "interested",
    "registrations": "registrations",
    "places": "places",
    "adult_places": "adult_places",
    "claimed": "claimed_leads",
    "became": "became_leads",
}


def _values(measures: dict[str, int]) -> list[int]:
    return [measures.get(MEASURE_OF[name], 0) for name in MEASURES]


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
    local = is_local(session, campaign)
    report = OutcomeReport(campaign_id=campaign.id, campaign_name=campaign.name, local=local)

    # Every company once, grouped by the trades it registered, NACE code and place, from the maintained
    # counts: these groups partition the companies, so the county and total rows are their sums. A group of
    # registered companies counts under its trades, the others under their NACE code's trades.
    trade_names = {str(i): name for i, name in session.execute(select(Trade.id, Trade.name)).tuples()}
    limit = _campaign_trades(campaign)
    tally = _Tally(local)
    by_county: dict[str, list[int]] = defaultdict(lambda: [0] * len(MEASURES))
    counts = stage_counts(
        session,
        campaign_key=campaign.id,
        measures=MEASURE_OF.values(),
        by=("trade_key", "nace_code", "county_number", *(("municipality_number",) if local else ())),
        per_company=local,
    )
    for (trade_key, nace, county, *municipality), measures in counts.items():
        values = _values(measures)
        _sum_into(by_county[county or ""], values)
        if trade_key:
            trades = tuple(trade_names[i] for i in trade_key.split(","))
        else:
            trades = trades_of_nace(nace, limit) or (NO_TRADE,)
        for trade in trades:
            tally.add(trade, county, municipality[0] if municipality else None, values)
    report.by_county = {county: Counts(*values) for county, values in by_county.items()}
    report.total = Counts(*[sum(column) for column in zip(*by_county.values(), strict=True)])
    report.by_trade_county, report.by_trade, report.by_trade_municipality = tally.counts()
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


def _sum_into(into: list[int], values: list[int]) -> None:
    for i, value in enumerate(values):
        into[i] += value


class _Tally:
    """The trade rows, summed as lists (a national campaign adds some ten thousand groups to them; `Counts.add`
    by attribute name took a third of the report's time)."""

    def __init__(self, local: bool) -> None:
        self.local = local
        self.rows: dict[tuple[str, ...], list[int]] = defaultdict(lambda: [0] * len(MEASURES))

    def add(self, trade: str, county: str | None, municipality: str | None, values: list[int]) -> None:
        _sum_into(self.rows[("county", trade, county or "")], values)
        _sum_into(self.rows[("trade", trade)], values)
        if self.local:
            _sum_into(self.rows[("municipality", trade, county or "", municipality or "")], values)

    def counts(
        self,
    ) -> tuple[dict[tuple[str, str], Counts], dict[str, Counts], dict[tuple[str, str, str], Counts]]:
        """(by trade and county, by trade, by trade and municipality)."""
        found: dict[str, dict[Any, Counts]] = {"county": {}, "trade": {}, "municipality": {}}
        for (kind, *key), values in self.rows.items():
            found[kind][key[0] if kind == "trade" else tuple(key)] = Counts(*values)
        return found["county"], found["trade"], found["municipality"]
