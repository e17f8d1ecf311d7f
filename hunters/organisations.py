"""Hunter organisations: staff approve or reject them, and the hunter hears it on Telegram (PRODUCT §3, §7).

The `/jeger` signup that creates them lives in `bot.hunter_signup`. The dashboard calls these functions too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from typing import NamedTuple

from sqlalchemy import ColumnElement
from sqlalchemy import Select
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import true
from sqlalchemy.orm import Session
from sqlalchemy.orm import selectinload

from catalogue import plural
from catalogue import text
from catalogue.labels import labels_of
from hunters.lead_notices import member_delivery
from hunters.notify import chat_language
from hunters.notify import enqueue_notice
from hunters.notify import enqueue_telegram_notice
from staff.audit import record
from staff.scopes import EVERYTHING
from staff.scopes import Scope
from store.keyset import Key
from store.keyset import Page
from store.keyset import page_of
from store.keyset import paged
from store.models import County
from store.models import Hunter
from store.models import HunterState
from store.models import Lead
from store.models import LeadState
from store.models import hunter_county
from store.models import utcnow
from store.times import iso_oslo

TYPE_LABELS: dict[str, str] = dict(labels_of("hunter_type"))  # one source: catalogue.states


class UnknownHunter(LookupError):
    def __init__(self, hunter_id: int) -> None:
        super().__init__(f"hunter {hunter_id} does not exist")
        self.hunter_id = hunter_id


class OutsideCounties(PermissionError):
    """A county officer decided on an organisation that also covers counties beyond theirs."""

    def __init__(self, hunter_id: int) -> None:
        super().__init__(f"hunter {hunter_id} covers counties outside the officer's")
        self.hunter_id = hunter_id


class OrgnrTaken(ValueError):
    """Approving a rejected organisation whose orgnr another live organisation holds now (the unique index of
    migration 0019 would refuse it): staff reject one of them first."""

    def __init__(self, hunter: Hunter, holder: Hunter) -> None:
        super().__init__(f"orgnr {hunter.orgnr} is held by hunter {holder.id}")
        self.hunter = hunter
        self.holder = holder


def live_holder(session: Session, orgnr: str, *, other_than: int | None = None) -> Hunter | None:
    """The organisation that is not rejected holding this orgnr: there is at most one (PRODUCT §10)."""
    query = select(Hunter).where(Hunter.orgnr == orgnr, Hunter.state != HunterState.REJECTED)
    if other_than is not None:
        query = query.where(Hunter.id != other_than)
    return session.scalar(query.limit(1))


def in_view(counties: Iterable[str], scope: Scope) -> bool:
    """Staff see every organisation; a county officer those that cover one of their counties (PRODUCT §10)."""
    if scope.whole:
        return True
    return scope.hunter_id is None and bool(set(counties) & (scope.counties or frozenset()))


def decidable(counties: Iterable[str], scope: Scope) -> bool:
    """Staff decide on every organisation; a county officer only on one that lies wholly in their counties:
    approving one that also covers another county would let it see that county's leads."""
    if scope.whole:
        return True
    numbers = set(counties)
    return scope.hunter_id is None and bool(numbers) and numbers <= (scope.counties or frozenset())


def county_numbers(hunter: Hunter) -> list[str]:
    return [c.number for c in hunter.counties]


@dataclass(frozen=True)
class HunterDecision:
    hunter: Hunter
    changed: bool  # False: the hunter was already in that state, nothing was done


def approve_hunter(
    session: Session, *, hunter_id: int, staff_id: int | None = None, scope: Scope = EVERYTHING
) -> HunterDecision:
    """Lets the hunter see and claim leads in their counties; approving twice changes nothing."""
    hunter = _get(session, hunter_id, scope)
    if hunter.state == HunterState.APPROVED:
        return HunterDecision(hunter, changed=False)
    holder = live_holder(session, hunter.orgnr, other_than=hunter.id) if hunter.orgnr else None
    if holder is not None:
        raise OrgnrTaken(hunter, holder)
    _decide(session, hunter, HunterState.APPROVED, staff_id)
    open_leads = session.scalar(
        select(func.count())
        .select_from(Lead)
        .where(Lead.state == LeadState.NEW, Lead.county_number.in_([c.number for c in hunter.counties]))
    )
    language = chat_language(session, hunter.telegram_chat_id)
    waiting = plural("hunter_open_leads", open_leads, language) if open_leads else ""
    _tell(session, hunter, text("hunter_approved", language, name=hunter.org_name, waiting=waiting), language)
    _tell_members(session, hunter, "org_approved_notice")
    return HunterDecision(hunter, changed=True)


def reject_hunter(
    session: Session, *, hunter_id: int, staff_id: int | None = None, scope: Scope = EVERYTHING
) -> HunterDecision:
    """Refuses (or withdraws) a hunter's access to leads; rejecting twice changes nothing."""
    hunter = _get(session, hunter_id, scope)
    if hunter.state == HunterState.REJECTED:
        return HunterDecision(hunter, changed=False)
    _decide(session, hunter, HunterState.REJECTED, staff_id)
    language = chat_language(session, hunter.telegram_chat_id)
    _tell(session, hunter, text("hunter_rejected", language, name=hunter.org_name), language)
    _tell_members(session, hunter, "org_rejected_notice")
    return HunterDecision(hunter, changed=True)


def _get(session: Session, hunter_id: int, scope: Scope) -> Hunter:
    """The organisation to decide on; one the scope does not show answers as if it did not exist."""
    hunter = session.get(Hunter, hunter_id)
    if hunter is None or not in_view(county_numbers(hunter), scope):
        raise UnknownHunter(hunter_id)
    if not decidable(county_numbers(hunter), scope):
        raise OutsideCounties(hunter_id)
    return hunter


def _decide(session: Session, hunter: Hunter, state: HunterState, staff_id: int | None) -> None:
    """Stamps the decision on the organisation and writes it to the audit log (who decided, and what)."""
    hunter.state = state
    hunter.decided_at = utcnow()
    hunter.decided_by_id = staff_id
    action = "organisation.approved" if state is HunterState.APPROVED else "organisation.rejected"
    record(session, action=action, actor_staff_id=staff_id, hunter_id=hunter.id)


def _tell(session: Session, hunter: Hunter, said: str, language: str) -> None:
    if hunter.telegram_chat_id:  # hunters added by staff without Telegram hear it some other way
        enqueue_telegram_notice(
            session, chat_id=hunter.telegram_chat_id, text=said, language=language, hunter_id=hunter.id
        )
    session.flush()


def _tell_members(session: Session, hunter: Hunter, key: str) -> None:
    """Members hear the decision on the channel they chose for notices (an organisation that signed up on the
    web has no Telegram chat); a member whose chat is the organisation's own heard it there already."""
    for member in hunter.members:
        delivery = member_delivery(member) if member.removed_at is None else None
        if delivery is None or delivery[1] == hunter.telegram_chat_id:
            continue
        channel, address = delivery
        enqueue_notice(
            session,
            channel=channel,
            address=address,
            subject=text("org_decision_subject"),
            text=text(key, name=hunter.org_name, member=member.name),
            hunter_id=hunter.id,
        )
    session.flush()


def hunter_by_chat(session: Session, chat_id: str) -> Hunter | None:
    return session.scalar(select(Hunter).where(Hunter.telegram_chat_id == chat_id))


def list_hunters(
    session: Session, *, state: HunterState | None = None, scope: Scope = EVERYTHING
) -> list[Hunter]:
    """The organisations, by id; a county officer gets those covering one of their counties (`in_view`)."""
    return list(session.scalars(_hunters(state, scope).order_by(Hunter.id)))


class Choice(NamedTuple):
    """An organisation as a choice in a form: its id and name."""

    id: int
    org_name: str


def approved_in_counties(session: Session, *, counties: Iterable[str]) -> dict[str, list[Choice]]:
    """County number -> the approved organisations covering it, by id: for the counties of one page of leads,
    as (id, name) rows. Loading every approved organisation with its counties and trades for it took 150 ms
    at national size (300 organisations), most of the leads page."""
    wanted = sorted(set(counties))
    found: dict[str, list[Choice]] = {}
    if not wanted:
        return found
    rows = session.execute(
        select(hunter_county.c.county_number, Hunter.id, Hunter.org_name)
        .join(Hunter, Hunter.id == hunter_county.c.hunter_id)
        .where(Hunter.state == HunterState.APPROVED, hunter_county.c.county_number.in_(wanted))
        .order_by(hunter_county.c.county_number, Hunter.id)
    ).tuples()
    for county, hunter_id, name in rows:
        found.setdefault(county, []).append(Choice(hunter_id, name))
    return found


def owner_choices(session: Session, *, scope: Scope = EVERYTHING) -> list[tuple[str, str]]:
    """The organisations a campaign form may name as owner: approved, with an orgnr, in the staff member's
    view; as (orgnr, name) by name."""
    query = select(Hunter.orgnr, Hunter.org_name).where(
        Hunter.state == HunterState.APPROVED, Hunter.orgnr.is_not(None), organisations_in_view(scope)
    )
    return [
        (orgnr, name) for orgnr, name in session.execute(query.order_by(Hunter.org_name)).tuples() if orgnr
    ]


def organisations_in_view(scope: Scope) -> ColumnElement[bool]:
    if scope.whole:
        return true()
    theirs = sorted(scope.counties or ()) if scope.hunter_id is None else []
    return Hunter.counties.any(County.number.in_(theirs))


def _hunters(state: HunterState | None, scope: Scope) -> Select[tuple[Hunter]]:
    query = select(Hunter).options(selectinload(Hunter.counties), selectinload(Hunter.trades))
    query = query.where(organisations_in_view(scope))
    return query if state is None else query.where(Hunter.state == state)


def hunter_page(
    session: Session,
    *,
    state: HunterState | None = None,
    scope: Scope = EVERYTHING,
    cursor: str | None = None,
    limit: int = 100,
) -> Page[Hunter]:
    """`list_hunters` a page at a time, by id after `cursor` (store.keyset)."""
    keys = (Key(Hunter.id, int),)
    found = session.scalars(paged(_hunters(state, scope), keys, cursor=cursor, limit=limit))
    return page_of(list(found), limit, lambda hunter: [hunter.id])


def hunter_counts(session: Session, *, scope: Scope = EVERYTHING) -> dict[str, int]:
    """State -> how many organisations in view are in it (every state present)."""
    rows = session.execute(
        select(Hunter.state, func.count()).where(organisations_in_view(scope)).group_by(Hunter.state)
    ).tuples()
    found = {state.value: count for state, count in rows}
    return {state.value: found.get(state.value, 0) for state in HunterState}


def hunter_summary(hunter: Hunter) -> dict[str, Any]:
    """A hunter as the CLI, API and dashboard show it."""
    return {
        "id": hunter.id,
        "org_name": hunter.org_name,
        "type": hunter.type.value,
        "orgnr": hunter.orgnr,
        "counties": [c.number for c in hunter.counties],
        "trades": "all" if hunter.all_trades else [t.name for t in hunter.trades],
        "contact_name": hunter.contact_name,
        "phone": hunter.phone,
        "email": hunter.email,
        "telegram": bool(hunter.telegram_chat_id),
        "state": hunter.state.value,
        "created_at": iso_oslo(hunter.created_at),
        "decided_at": iso_oslo(hunter.decided_at),
    }
