"""The preview's whole-audience figures, counted once per definition revision (issue 14).

Audience size, each step's recipients by outgoing channel, why the audience's other companies get nothing
(campaigns.audience_gaps) and who the audience's own rules leave out (campaigns.audience_notes) each scan the
register: 20 s a page view at national size. They are counted at create and launch (`refresh_figures`) and
kept in `campaign_figures` with the revision they were counted for; the preview reads them (`figures_of`), and
a revision that no longer matches (the definition changed) is counted again before anything is shown, so the
page never shows another revision's figures. Only the sample of messages is rendered per view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from campaigns import audience
from campaigns.audience_gaps import Gap
from campaigns.audience_gaps import step_gaps
from campaigns.audience_notes import AudienceNote
from campaigns.audience_notes import audience_notes
from campaigns.definition_model import definition_of
from campaigns.outbox import step_queries
from store.models import Campaign
from store.models import CampaignFigures
from store.models import utcnow


@dataclass(frozen=True)
class StepFigures:
    by_channel: dict[str, int]  # outgoing channel -> recipients (a letter step: e-mail and print)
    gaps: list[Gap]

    @property
    def recipients(self) -> int:
        return sum(self.by_channel.values())


@dataclass(frozen=True)
class Figures:
    revision: int
    audience: int
    steps: dict[str, StepFigures]  # by step name
    notes: list[AudienceNote]

    def stored(self) -> dict[str, Any]:
        return {
            "audience": self.audience,
            "steps": {
                name: {"by_channel": s.by_channel, "gaps": [[g.reason, g.count] for g in s.gaps]}
                for name, s in self.steps.items()
            },
            "notes": [
                {"key": n.key, "count": n.count, "examples": list(n.examples), "values": dict(n.values)}
                for n in self.notes
            ],
        }

    @classmethod
    def parse(cls, revision: int, stored: dict[str, Any]) -> Figures:
        return cls(
            revision=revision,
            audience=int(stored["audience"]),
            steps={
                name: StepFigures(
                    by_channel={channel: int(n) for channel, n in s["by_channel"].items()},
                    gaps=[Gap(str(reason), int(n)) for reason, n in s["gaps"]],
                )
                for name, s in stored["steps"].items()
            },
            notes=[
                AudienceNote(n["key"], int(n["count"]), tuple(n["examples"]), dict(n["values"]))
                for n in stored["notes"]
            ],
        )


def compute_figures(session: Session, *, campaign: Campaign) -> Figures:
    """A fresh count of everything the preview shows about the whole audience."""
    session.flush()  # Core queries below: what the session holds must be in the database first
    definition = definition_of(campaign)
    size = audience.count(session, definition)
    steps = {}
    for step in campaign.steps:
        counted = {
            channel.value: int(
                session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
            )
            for channel, query in step_queries(campaign, step)
        }
        by_channel = {channel: n for channel, n in counted.items() if n}
        gaps = step_gaps(
            session, campaign=campaign, step=step, recipients=sum(by_channel.values()), audience=size
        )
        steps[step.name] = StepFigures(by_channel, gaps)
    notes = audience_notes(session, definition=definition)
    return Figures(campaign.definition_revision, size, steps, notes)


def refresh_figures(session: Session, *, campaign: Campaign) -> Figures:
    """Counts the figures and stores them in place of any earlier ones (create, launch, a stale revision)."""
    figures = compute_figures(session, campaign=campaign)
    values = {"revision": figures.revision, "figures": figures.stored(), "computed_at": utcnow()}
    # An upsert, not a savepoint: two first views of a changed revision may store at once (the same figures),
    # and a savepoint's release would fire the session's after_commit hooks (the step jobs) before the commit.
    insert = postgresql_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = insert(CampaignFigures).values(campaign_id=campaign.id, **values)
    session.execute(statement.on_conflict_do_update(index_elements=["campaign_id"], set_=values))
    return figures


def figures_of(session: Session, *, campaign: Campaign) -> Figures:
    """The stored figures of the campaign's current revision, counted (and stored) first when there are none."""
    row = session.get(CampaignFigures, campaign.id, populate_existing=True)
    if row is not None and row.revision == campaign.definition_revision:
        return Figures.parse(row.revision, row.figures)
    return refresh_figures(session, campaign=campaign)
