"""What the dispatcher's refresher reads twice a second, and the re-check of a claimed message against it just
before its send: a pause or cancel, a closed window, an opt-out, a STOPP, a decline or a reply that came after
the claim stops the send there."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.definition_model import DefinitionCache
from campaigns.dispatch.claim import LIVE_STATES
from campaigns.dispatch.claim import Claimed
from campaigns.dispatch.outcome import Deferred
from campaigns.dispatch.outcome import Outcome
from campaigns.dispatch.outcome import Skipped
from campaigns.windows import SendWindow
from store.models import Campaign
from store.models import Company
from store.models import Intent
from store.models import MessageKind
from store.models import OptOut
from store.models import Registration
from store.models import Reply
from store.models import WaitReason

RECHECK_SPAN = timedelta(minutes=2)  # opt-outs and replies this recent are re-checked before each send


@dataclass
class Recent:
    """The campaigns that may not send, the live ones' windows, and what companies said in the last minutes."""

    stopped_campaigns: set[int] = field(default_factory=set)
    windows: dict[int, SendWindow] = field(default_factory=dict)
    opt_outs: set[str] = field(default_factory=set)  # address hashes
    do_not_contact: set[int] = field(default_factory=set)  # companies that said STOPP lately (on any address)
    declined: set[int] = field(default_factory=set)  # companies
    replied: set[int] = field(default_factory=set)  # companies that replied or registered

    def recheck(self, item: Claimed, now: datetime) -> Outcome | None:
        """The claim-time checks that can change within seconds, against what the refresher last read."""
        if item.kind not in (MessageKind.OUTREACH, MessageKind.TEST):
            return None
        if item.address_hash and item.address_hash in self.opt_outs:
            return Skipped(reason="opted_out")
        if item.kind is not MessageKind.OUTREACH or item.campaign_id is None:
            return None
        if item.company_id in self.do_not_contact:
            return Skipped(reason="never_contact")
        if item.company_id in self.declined:
            return Skipped(reason="declined")
        if item.only_no_reply and item.company_id in self.replied:
            return Skipped(reason="replied")
        window = self.windows.get(item.campaign_id)
        closed = window.closed_reason(now) if window is not None else None
        if window is not None and closed is not None:
            return Deferred(due_at=window.next_open(now), reason=closed)
        return None

    def halted(self, item: Claimed) -> bool:
        return item.campaign_id is not None and item.campaign_id in self.stopped_campaigns

    def put_back(self, item: Claimed) -> Deferred:
        """Unsent, back to the queue: waiting for its paused campaign, or (a stop) for the next worker."""
        return Deferred(due_at=None, reason=WaitReason.PAUSED if self.halted(item) else None)


def read_recent(session: Session, *, now: datetime, definitions: DefinitionCache, tz: str) -> Recent:
    """Campaign states and windows now, and the opt-outs, replies and registrations since RECHECK_SPAN ago."""
    since = now - RECHECK_SPAN
    campaigns = (
        session.execute(
            select(Campaign.id, Campaign.state, Campaign.definition_revision, Campaign.definition)
        )
        .tuples()
        .all()
    )
    recent = Recent(
        stopped_campaigns={cid for cid, state, _, _ in campaigns if state not in LIVE_STATES},
        windows={
            cid: SendWindow.of(definitions.get(cid, revision, stored).window, tz=tz)
            for cid, state, revision, stored in campaigns
            if state in LIVE_STATES
        },
        opt_outs=set(session.scalars(select(OptOut.address_hash).where(OptOut.created_at >= since))),
        # A STOPP opts out one address but stops the company on all of them (PRODUCT §3): its e-mail claimed a
        # moment ago must be caught here too.
        do_not_contact=set(session.scalars(select(Company.id).where(Company.do_not_contact_at >= since))),
    )
    for company_id, intent in session.execute(
        select(Reply.company_id, Reply.intent).where(
            Reply.received_at >= since, Reply.company_id.is_not(None)
        )
    ).tuples():
        if company_id is None or intent is Intent.OPT_OUT:
            continue
        recent.replied.add(company_id)
        if intent is Intent.DECLINED:
            recent.declined.add(company_id)
    recent.replied |= {
        cid
        for cid in session.scalars(
            select(Registration.company_id).where(
                Registration.completed_at >= since, Registration.verified.is_(True)
            )
        )
        if cid is not None
    }
    return recent
