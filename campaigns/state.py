"""A campaign's states and the moves between them (PRODUCT §3, §5), as one table and one function.

    draft ──launch──> scheduled ──first step──> running ──all sent──> completed
                          │  ^                    │  ^
                        pause│resume            pause│resume
                          v  │                    v  │
                          paused <────────────────┘  (stale step, failing sends, broken template)
    any of draft, scheduled, running, paused ──cancel──> cancelled

`transition` is the only code that changes `Campaign.state`: it refuses a move the table does not allow, keeps
`state_reason`, `launched_at` and `ended_at`, tells staff (a Notice) when the system moved the campaign by
itself, and has the step jobs brought in line once the change commits (campaigns.step_jobs). The actions staff
take, with their own Norwegian refusals, are in campaigns.lifecycle; they all end here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from campaigns.step_jobs import write_jobs_after_commit
from catalogue.labels import label
from catalogue.phrases import Refusal
from store.models import Campaign
from store.models import CampaignState
from store.models import Notice
from store.models import utcnow
from store.models.enums import LIVE_CAMPAIGN_STATES

LIVE_STATES = LIVE_CAMPAIGN_STATES  # may send; have step jobs

ALLOWED: dict[CampaignState, frozenset[CampaignState]] = {
    CampaignState.DRAFT: frozenset({CampaignState.SCHEDULED, CampaignState.CANCELLED}),
    CampaignState.SCHEDULED: frozenset(
        {CampaignState.RUNNING, CampaignState.PAUSED, CampaignState.CANCELLED}
    ),
    CampaignState.RUNNING: frozenset(
        {CampaignState.PAUSED, CampaignState.COMPLETED, CampaignState.CANCELLED}
    ),
    CampaignState.PAUSED: frozenset(
        {CampaignState.SCHEDULED, CampaignState.RUNNING, CampaignState.CANCELLED}
    ),
    CampaignState.COMPLETED: frozenset(),
    CampaignState.CANCELLED: frozenset(),
}
ENDED = (CampaignState.COMPLETED, CampaignState.CANCELLED)


class CampaignError(Refusal, ValueError):
    """Unknown campaign, or an action its state does not allow: a Refusal whose CampaignState values are written
    as the state's name in the reader's language."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key, **{name: _state_name(value) for name, value in values.items()})


def _state_name(value: Any) -> Any:
    if isinstance(value, CampaignState):
        return lambda language: label(value, "campaign", language, lower=True)
    return value


def transition(
    session: Session,
    campaign: Campaign,
    to: CampaignState,
    reason: str | None = None,
    *,
    notice: str | None = None,
    now: datetime | None = None,
    timezone: str | None = None,
) -> bool:
    """Moves the campaign to `to` (False, and nothing changes, when it is there already); raises CampaignError
    when the table does not allow the move.

    `reason` is shown to staff beside the state (None clears it); `notice` is the kind of Notice that tells
    staff the system moved the campaign by itself (None when staff moved it). The step jobs are rewritten after
    the commit unless the campaign stays live (a first step starting adds no job and removes none)."""
    was = campaign.state
    if was is to:
        return False
    if to not in ALLOWED[was]:
        raise CampaignError("campaign_error_move", id=campaign.id, was=was, to=to)
    now = now or utcnow()
    campaign.state = to
    campaign.state_reason = reason
    if was is CampaignState.DRAFT and to is CampaignState.SCHEDULED:
        campaign.launched_at = now
    if to in ENDED:
        campaign.ended_at = campaign.ended_at or now
    if notice is not None and reason is not None:
        session.add(Notice(kind=notice, text=reason, campaign_id=campaign.id, created_at=now))
    session.flush()
    if not (was in LIVE_STATES and to in LIVE_STATES):
        write_jobs_after_commit(session, campaign_id=campaign.id, timezone=timezone)
    return True
