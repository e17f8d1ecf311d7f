"""Changes of an organisation's counties or trades (PRODUCT §10).

More counties or trades mean more leads, so a change that widens what the organisation sees waits for staff;
one that only narrows it applies at once (it shows less, it cannot be abused). One pending change per
organisation: a new request replaces the one waiting.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm import selectinload

from catalogue.stored import stored_text
from hunters.members import acting_member
from hunters.organisations import decidable
from hunters.organisations import in_view
from hunters.signup import MAX_COUNTIES
from hunters.signup import SignupRefused
from hunters.signup import counties_by_number
from hunters.signup import trades_by_id
from staff.audit import record
from staff.scopes import EVERYTHING
from staff.scopes import Scope
from store.models import Hunter
from store.models import HunterChange
from store.models import HunterState
from store.models import Notice
from store.models import utcnow


class UnknownChange(LookupError):
    def __init__(self, change_id: int) -> None:
        super().__init__(f"change {change_id} does not exist or is decided")
        self.change_id = change_id


@dataclass(frozen=True)
class ChangeResult:
    change: HunterChange
    waits: bool  # True: staff must approve it; False: applied at once (it only narrowed)


def request_change(
    session: Session,
    *,
    actor_member_id: int,
    counties: list[str],
    trades: list[int],
    all_trades: bool,
) -> ChangeResult:
    """A member asks for a new set of counties and trades for their own organisation."""
    member = acting_member(session, actor_member_id)
    hunter = member.hunter
    new_counties = counties_by_number(session, counties[:MAX_COUNTIES])
    new_trades = [] if all_trades else trades_by_id(session, trades)
    if not new_counties:
        raise SignupRefused({"counties": "org_error_counties"})
    if not all_trades and not new_trades:
        raise SignupRefused({"trades": "org_error_trades"})
    county_numbers = [c.number for c in new_counties]
    trade_ids = [t.id for t in new_trades]
    for waiting in session.scalars(
        select(HunterChange).where(
            HunterChange.hunter_id == hunter.id, HunterChange.state == HunterState.PENDING
        )
    ):
        waiting.state = HunterState.REJECTED  # replaced by this request
        waiting.decided_at = utcnow()
    change = HunterChange(
        hunter_id=hunter.id,
        counties=county_numbers,
        trades=trade_ids,
        all_trades=all_trades,
        requested_by_member_id=member.id,
    )
    session.add(change)
    session.flush()
    widens = _widens(hunter, set(county_numbers), set(trade_ids), all_trades)
    record(
        session,
        action="organisation.change_requested",
        actor_member_id=member.id,
        hunter_id=hunter.id,
        detail={
            "change_id": change.id,
            "counties": county_numbers,
            "trades": trade_ids,
            "all_trades": all_trades,
        },
    )
    if widens:
        session.add(Notice(kind="hunter_change", text=_notice_text(hunter, change), hunter_id=hunter.id))
        session.flush()
        return ChangeResult(change, waits=True)
    _apply(session, change, staff_id=None)
    return ChangeResult(change, waits=False)


def _notice_text(hunter: Hunter, change: HunterChange) -> str:
    return stored_text("org_notice_change", name=hunter.org_name, id=hunter.id, change_id=change.id)


def _widens(hunter: Hunter, counties: set[str], trades: set[int], all_trades: bool) -> bool:
    if not counties <= {c.number for c in hunter.counties}:
        return True
    if hunter.all_trades:
        return False
    return all_trades or not trades <= {t.id for t in hunter.trades}


@dataclass(frozen=True)
class PendingChange:
    """A change as staff review it: the organisation as it is, and what it asks for."""

    id: int
    hunter: Hunter
    counties: list[str]
    all_trades: bool
    trade_names: list[str]
    created_at: datetime
    decidable: bool = True  # False: it reaches beyond the asking county officer's counties


def pending_changes(session: Session) -> list[HunterChange]:
    return list(
        session.scalars(
            select(HunterChange).where(HunterChange.state == HunterState.PENDING).order_by(HunterChange.id)
        )
    )


def change_counties(session: Session, change: HunterChange) -> set[str]:
    """The counties a change touches: the organisation's now and the ones it asks for (a county officer sees
    and decides a change by both)."""
    hunter = session.get_one(Hunter, change.hunter_id)
    return {c.number for c in hunter.counties} | set(change.counties)


def changes_for_review(session: Session, *, scope: Scope = EVERYTHING) -> list[PendingChange]:
    """Pending changes, oldest first; a county officer gets those touching one of their counties."""
    return [
        PendingChange(
            id=change.id,
            hunter=session.get_one(Hunter, change.hunter_id),
            counties=list(change.counties),
            all_trades=change.all_trades,
            trade_names=[t.name for t in trades_by_id(session, list(change.trades))],
            created_at=change.created_at,
            decidable=decidable(change_counties(session, change), scope),
        )
        for change in pending_changes(session)
        if in_view(change_counties(session, change), scope)
    ]


def decide_change(
    session: Session,
    *,
    change_id: int,
    approve: bool,
    staff_id: int | None,
    now: datetime | None = None,
    scope: Scope = EVERYTHING,
) -> HunterChange:
    """Staff approve (the organisation's counties and trades become the requested ones) or reject a change;
    a county officer only a change that lies wholly in their counties (others answer as unknown)."""
    change = session.get(HunterChange, change_id)
    if change is None or change.state != HunterState.PENDING:
        raise UnknownChange(change_id)
    if not decidable(change_counties(session, change), scope):
        raise UnknownChange(change_id)
    if approve:
        _apply(session, change, staff_id=staff_id, now=now)
    else:
        _decided(session, change, HunterState.REJECTED, staff_id=staff_id, now=now)
    session.flush()
    return change


def _apply(
    session: Session, change: HunterChange, *, staff_id: int | None, now: datetime | None = None
) -> None:
    hunter = session.scalars(
        select(Hunter)
        .where(Hunter.id == change.hunter_id)
        .options(selectinload(Hunter.counties), selectinload(Hunter.trades))
    ).one()
    hunter.counties = counties_by_number(session, list(change.counties))
    hunter.all_trades = change.all_trades
    hunter.trades = [] if change.all_trades else trades_by_id(session, list(change.trades))
    _decided(session, change, HunterState.APPROVED, staff_id=staff_id, now=now)
    session.flush()


def _decided(
    session: Session, change: HunterChange, state: HunterState, *, staff_id: int | None, now: datetime | None
) -> None:
    """Stamps the decision on the change and writes it to the audit log."""
    change.state = state
    change.decided_at = now or utcnow()
    change.decided_by_id = staff_id
    action = (
        "organisation.change_applied" if state is HunterState.APPROVED else "organisation.change_rejected"
    )
    record(
        session,
        action=action,
        actor_staff_id=staff_id,
        hunter_id=change.hunter_id,
        detail={"change_id": change.id},
    )
