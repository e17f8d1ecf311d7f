"""Companies per campaign stage, read from `campaign_stage_count` (migration 0023).

The funnel and the outcome report count distinct companies per campaign, place and stage. Counting them from the
outbox, replies, registrations and leads on every request grew with the register (a national campaign: 200,000
messages, 1.2-3 s a page; issue 14). Triggers keep the counts instead, as +1/-1 deltas per (campaign, measure,
county, municipality, NACE code) when a company first reaches a stage or leaves it, so a read sums a few
thousand rows at most; `fold_stage_counts` keeps the delta rows few.

Measures counting companies: targeted, sent, delivered, replied, started (began a registration: the funnel's
"interested"), interested (began one or answered JA: the outcome report's), claimed, became. Measures summing
rows: registrations (completed), places, adult_places, claimed_leads, became_leads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import Subquery, case, func, select
from sqlalchemy.orm import Session

from campaigns.counts import fold_deltas
from store.models import CampaignStage, CampaignStageCount

ANY_CAMPAIGN = 0  # the campaign_key of the funnel of all campaigns together (a company counts once)
SUMMED = ("registrations", "places", "adult_places", "claimed_leads", "became_leads")

Place = tuple[str | None, ...]


def stage_counts(
    session: Session, *, campaign_key: int, measures: Iterable[str], by: Sequence[str]
) -> dict[Place, dict[str, int]]:
    """(values of the `by` columns: county_number, municipality_number, nace_code) -> measure -> count, for
    one campaign (or ANY_CAMPAIGN); groups and measures whose count is zero are left out. Exact in any
    transaction: it sees the deltas of exactly the changes it sees."""
    c = CampaignStageCount
    columns = [getattr(c, name) for name in by]
    total = func.sum(c.delta)
    rows = session.execute(
        select(*columns, c.measure, total)
        .where(c.campaign_key == campaign_key, c.measure.in_(list(measures)))
        .group_by(*columns, c.measure)
        .having(total != 0)
    ).tuples()
    found: dict[Place, dict[str, int]] = defaultdict(dict)
    for *place, measure, count in rows:
        found[tuple(place)][measure] = int(count)
    return dict(found)


def stage_sums(
    session: Session, *, campaign_id: int, companies: Subquery, by: Sequence[str]
) -> dict[Place, dict[str, int]]:
    """As `stage_counts`, for the companies of the subquery `companies` (a `company_id` column, and any others
    to group by) only, from their own rows: (values of `by`, columns of `companies` or county_number,
    municipality_number, nace_code) -> measure -> count. For a few thousand companies (the registered ones),
    not for a whole campaign."""
    s = CampaignStage
    columns = [companies.c[name] if name in companies.c else getattr(s, name) for name in by]
    rows = session.execute(
        select(*columns, s.measure, func.sum(case((s.measure.in_(SUMMED), s.value), else_=1)))
        .join(companies, companies.c.company_id == s.company_id)
        .where(s.campaign_key == campaign_id)
        .group_by(*columns, s.measure)
    ).tuples()
    found: dict[Place, dict[str, int]] = defaultdict(dict)
    for *place, measure, count in rows:
        found[tuple(place)][measure] = int(count)
    return dict(found)


KEY = "campaign_key, measure, county_number, municipality_number, nace_code"


def fold_stage_counts(session: Session, *, now: datetime | None = None) -> int:
    """Replaces the deltas with one row per key whose count is not zero (with the outbox's, by
    campaigns.counts.fold_counts); returns the number of rows left."""
    return fold_deltas(session, model=CampaignStageCount, key=KEY)
