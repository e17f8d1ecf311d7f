"""Sign-up of a hunter organisation, one path for the web form, the `/jeger` chat and `jeger hunters add`.

Every way in ends the same: a pending organisation with its first member, a notice for staff, an audit entry.
Only staff's `--approve` skips the wait. The orgnr is checked (mod 11) and may belong to one organisation that
is not rejected; the orgnr proves nothing about who signs up (it is public), which is why staff approve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from stdnum.no import orgnr as orgnr_check

from catalogue.stored import stored_text
from hunters.members import UNSTORABLE
from hunters.members import clean_member
from hunters.members import create_member
from hunters.organisations import approve_hunter
from hunters.organisations import live_holder
from staff.audit import record
from store.db import savepoint
from store.models import County
from store.models import Hunter
from store.models import HunterState
from store.models import HunterType
from store.models import Notice
from store.models import Trade

MAX_COUNTIES = 15
MAX_TRADES = 500


@dataclass(frozen=True)
class SignupInput:
    """What the person typed or picked, unchecked."""

    org_name: str
    type: str
    orgnr: str
    counties: list[str]
    trades: list[int] = field(default_factory=list)
    all_trades: bool = False
    member_name: str = ""
    email: str = ""
    phone: str = ""
    telegram_chat_id: str | None = None


class SignupRefused(ValueError):
    """The input does not make an organisation; `problems` maps each field to its catalogue key."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__(", ".join(f"{k}: {v}" for k, v in problems.items()))
        self.problems = problems


def clean_orgnr(raw: str) -> str | None:
    number = re.sub(r"[\s.]", "", raw)
    return number if len(number) == 9 and orgnr_check.is_valid(number) else None


def orgnr_taken(session: Session, orgnr: str) -> bool:
    """An orgnr names one organisation; a rejected one may sign up again."""
    return live_holder(session, orgnr) is not None


def sign_up(
    session: Session,
    *,
    form: SignupInput,
    source: str,
    staff_id: int | None = None,
    approve: bool = False,
    require_email: bool = True,
) -> Hunter:
    """Creates the organisation (pending, or approved when staff say so) and its first member.

    Raises SignupRefused naming every field that is wrong, and writes nothing then."""
    problems: dict[str, str] = {}
    name = " ".join(form.org_name.split())
    if not 2 <= len(name) <= 200 or UNSTORABLE.search(name):
        problems["org_name"] = "org_error_org_name"
    if form.type not in {t.value for t in HunterType}:
        problems["type"] = "org_error_type"
    orgnr = clean_orgnr(form.orgnr) if len(form.orgnr) <= 20 else None
    if orgnr is None:
        problems["orgnr"] = "org_error_orgnr"
    elif orgnr_taken(session, orgnr):
        problems["orgnr"] = "org_error_orgnr_taken"
    counties = counties_by_number(session, form.counties)
    if not counties:
        problems["counties"] = "org_error_counties"
    trades = [] if form.all_trades else trades_by_id(session, form.trades)
    if not form.all_trades and not trades:
        problems["trades"] = "org_error_trades"
    member, member_problems = clean_member(
        session, name=form.member_name, email=form.email, phone=form.phone, require_email=require_email
    )
    problems.update(member_problems)
    if problems or member is None or orgnr is None:
        raise SignupRefused(problems)
    hunter = Hunter(
        org_name=name,
        type=HunterType(form.type),
        orgnr=orgnr,
        contact_name=member.name,
        phone=member.phone,
        email=member.email,
        telegram_chat_id=form.telegram_chat_id,
        all_trades=form.all_trades,
        state=HunterState.PENDING,
    )
    hunter.counties = counties
    hunter.trades = trades
    try:
        with savepoint(session):  # two sign-ups of one orgnr at once: the unique index lets one through
            session.add(hunter)
            session.flush()
    except IntegrityError:
        if orgnr_taken(session, orgnr):
            raise SignupRefused({"orgnr": "org_error_orgnr_taken"}) from None
        raise
    first = create_member(session, hunter_id=hunter.id, member=member, telegram_chat_id=form.telegram_chat_id)
    record(
        session,
        action="organisation.signed_up",
        actor_staff_id=staff_id,
        actor_member_id=None if staff_id else first.id,
        hunter_id=hunter.id,
        member_id=first.id,
        detail={"source": source},
    )
    if approve:  # only staff's own edge (`jeger hunters add --approve`) passes it
        approve_hunter(session, hunter_id=hunter.id, staff_id=staff_id)
    else:
        session.add(
            Notice(
                kind="hunter_pending",
                text=stored_text("org_notice_pending", name=hunter.org_name, id=hunter.id),
                hunter_id=hunter.id,
            )
        )
    session.flush()
    return hunter


def counties_by_number(session: Session, numbers: list[str]) -> list[County]:
    wanted = sorted({n for n in numbers[: MAX_COUNTIES * 4] if isinstance(n, str) and len(n) == 2})
    if not wanted:
        return []
    found = list(session.scalars(select(County).where(County.number.in_(wanted)).order_by(County.number)))
    return found if len(found) == len(wanted) else []  # an unknown county is an error, not silently dropped


def trades_by_id(session: Session, ids: list[int]) -> list[Trade]:
    wanted = sorted({i for i in ids[:MAX_TRADES] if 0 < i < 2**31})
    if not wanted:
        return []
    found = list(session.scalars(select(Trade).where(Trade.id.in_(wanted)).order_by(Trade.id)))
    return found if len(found) == len(wanted) else []


def trade_ids(session: Session, given: list[str]) -> tuple[list[int], list[str]]:
    """Trades named by number or by name (any case), and the names that match none, for staff's CLI."""
    trades = list(session.scalars(select(Trade)))
    by_name = {t.name.lower(): t.id for t in trades}
    by_id = {t.id for t in trades}
    ids: list[int] = []
    unknown: list[str] = []
    for value in given:
        value = value.strip()
        found = (
            int(value)
            if value.isascii() and value.isdigit() and int(value) in by_id
            else by_name.get(value.lower())
        )
        if found is None:
            unknown.append(value[:60])
        else:
            ids.append(found)
    return ids, unknown
