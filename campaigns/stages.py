"""Companies per campaign stage, read from `campaign_stage_count` (migration 0023).

The funnel and the outcome report count distinct companies per campaign, place and stage. Counting them from the
outbox, replies, registrations and leads on every request grew with the register (a national campaign: 200,000
messages, 1.2-3 s a page; issue 14). Triggers keep the counts instead, as +1/-1 deltas per (campaign, measure,
county, NACE code, registered trades) when a company first reaches a stage or leaves it, so a read sums a few
thousand rows; `fold_stage_counts` keeps the delta rows few. `trade_key`: the ids of the trades the company's
completed registrations in the campaign name, in order, joined by commas (None: it registered none; a company
that did is counted without its NACE code, which the outcome report does not use for it).

Measures counting companies: targeted, sent, delivered, replied, started (began a registration: the funnel's
"interested"), interested (began one or answered JA: the outcome report's), claimed, became. Measures summing
rows: registrations (completed), places, adult_places, claimed_leads, became_leads.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import case
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.counts import fold_deltas
from store.models import CampaignStage
from store.models import CampaignStageCount

ANY_CAMPAIGN = 0  # the campaign_key of the funnel of all campaigns together (a company counts once)
SUMMED = ("registrations", "places", "adult_places", "claimed_leads", "became_leads")

Place = tuple[str | None, ...]


def stage_counts(
    session: Session,
    *,
    campaign_key: int,
    measures: Iterable[str],
    by: Sequence[str],
    per_company: bool = False,
) -> dict[Place, dict[str, int]]:
    """(values of `by`: county_number, nace_code (of a company that registered no trade), trade_key, and with
    `per_company` municipality_number) -> measure -> count, for one campaign (or ANY_CAMPAIGN); groups and
    measures whose count is zero are left out. Exact in any transaction: it sees the deltas of exactly the
    changes it sees.

    From the counts, whose key leaves out the municipality so that a national campaign's report sums some
    7,000 rows (with it: 45,000, 0.15 s). `per_company` reads the companies' own rows instead, one per
    company and measure: for a local campaign's report by municipality, whose companies are those of a place.
    One row per group, a column per measure."""
    wanted = list(measures)
    columns: list[Any]
    if per_company:
        s = CampaignStage
        nace = case((s.trade_key.is_(None), s.nace_code))
        columns = [nace if name == "nace_code" else getattr(s, name) for name in by]
        amount: Any = case((s.measure.in_(SUMMED), s.value), else_=1)
        measure, key = s.measure, s.campaign_key
    else:
        c = CampaignStageCount
        columns = [getattr(c, name) for name in by]
        amount, measure, key = c.delta, c.measure, c.campaign_key
    sums = [func.sum(case((measure == name, amount), else_=0)) for name in wanted]
    rows = session.execute(
        select(*columns, *sums).where(key == campaign_key, measure.in_(wanted)).group_by(*columns)
    ).tuples()
    found: dict[Place, dict[str, int]] = {}
    for row in rows:
        counts = {name: int(n) for name, n in zip(wanted, row[len(columns) :], strict=True) if n}
        if counts:
            found[tuple(row[: len(columns)])] = counts
    return found


KEY = "campaign_key, measure, county_number, nace_code, trade_key"


def fold_stage_counts(session: Session, *, now: datetime | None = None) -> int:
    """Replaces the deltas with one row per key whose count is not zero (with the outbox's, by
    campaigns.counts.fold_counts); returns the number of rows left."""
    return fold_deltas(session, model=CampaignStageCount, key=KEY)
