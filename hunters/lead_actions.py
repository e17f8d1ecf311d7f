"""Giving a lead back: a hunter organisation that cannot follow a lead up releases it to the pool, where the
other hunters of its county and trades hear of it again (PRODUCT §10). Claim and outcome are in `hunters.leads`;
the web portal and the Telegram chat call these same functions.

The release is a conditional UPDATE on (lead, owner, open state), like the claim: a release racing a staff
change or an outcome tap changes nothing twice. Callers commit."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import update
from sqlalchemy.orm import Session

from hunters.lead_notes import record_event
from hunters.leads import FINAL_OUTCOMES
from hunters.leads import announce_lead
from store.models import Lead
from store.models import LeadState
from store.models import utcnow

RELEASABLE = (LeadState.CLAIMED, LeadState.CONTACTED)


class ReleaseStatus(StrEnum):
    RELEASED = "released"
    UNKNOWN_LEAD = "unknown_lead"
    NOT_OWNER = "not_owner"
    FINAL = "final"  # an outcome that ends the lead stands: only staff change it


@dataclass(frozen=True)
class ReleaseResult:
    status: ReleaseStatus
    lead: Lead | None = None

    @property
    def ok(self) -> bool:
        return self.status is ReleaseStatus.RELEASED


def release_lead(
    session: Session, *, lead_id: int, hunter_id: int, member_id: int | None = None
) -> ReleaseResult:
    """Puts a lead the organisation holds back in the pool and announces it again to the others."""
    lead = session.get(Lead, lead_id)
    if lead is None:
        return ReleaseResult(ReleaseStatus.UNKNOWN_LEAD)
    if lead.hunter_id != hunter_id:
        return ReleaseResult(ReleaseStatus.NOT_OWNER, lead)
    if lead.state in FINAL_OUTCOMES:
        return ReleaseResult(ReleaseStatus.FINAL, lead)
    now = utcnow()
    result = session.execute(
        update(Lead)
        .where(Lead.id == lead_id, Lead.hunter_id == hunter_id, Lead.state.in_(RELEASABLE))
        .values(state=LeadState.NEW, hunter_id=None, claimed_at=None, outcome_at=None, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    session.refresh(lead)
    if getattr(result, "rowcount", 0) != 1:
        return ReleaseResult(ReleaseStatus.NOT_OWNER, lead)
    record_event(session, lead_id=lead_id, kind="released", hunter_id=hunter_id, member_id=member_id, now=now)
    announce_lead(session, lead=lead, now=now, reminder=False, skip_hunter_id=hunter_id)
    return ReleaseResult(ReleaseStatus.RELEASED, lead)
