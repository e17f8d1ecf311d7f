"""Organisations sign up (pending), members add and remove each other (logged), and a change of counties or
trades that widens what an organisation sees waits for staff (hunters.signup, hunters.members,
hunters.approval)."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import event
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue import LANGUAGES
from catalogue import TEXTS
from catalogue.stored import read_text
from hunters.approval import decide_change
from hunters.approval import pending_changes
from hunters.approval import request_change
from hunters.members import MemberError
from hunters.members import active_members
from hunters.members import add_member
from hunters.members import remove_member
from hunters.signup import SignupInput
from hunters.signup import SignupRefused
from hunters.signup import sign_up
from staff.audit import events_of_organisation
from store.db import Database
from store.models import Hunter
from store.models import HunterMember
from store.models import HunterState
from store.models import Notice

ORGNR = "974760673"


def signup(**overrides: object) -> SignupInput:
    values: dict[str, object] = {
        "org_name": "Elektroforeningen Troms",
        "type": "trade_body",
        "orgnr": "974 760 673",
        "counties": ["55"],
        "trades": [1, 2],
        "member_name": "Kari Nordmann",
        "email": "Kari@Elektro.no",
        "phone": "912 34 567",
    }
    return SignupInput(**{**values, **overrides})  # type: ignore[arg-type]


def signed_up(session: Session, **overrides: object) -> Hunter:
    return sign_up(session, form=signup(**overrides), source="web")


def test_a_sign_up_ends_pending_with_its_first_member_a_notice_and_a_log_entry(session: Session) -> None:
    hunter = signed_up(session)
    assert hunter.state == HunterState.PENDING
    assert (hunter.orgnr, [c.number for c in hunter.counties], [t.id for t in hunter.trades]) == (
        ORGNR,
        ["55"],
        [1, 2],
    )
    [member] = active_members(session, hunter_id=hunter.id)
    assert (member.name, member.email, member.phone) == ("Kari Nordmann", "kari@elektro.no", "+4791234567")
    assert read_text(session.scalar(select(Notice.text).where(Notice.kind == "hunter_pending"))) == (
        f"Ny jeger venter på godkjenning: Elektroforeningen Troms (id {hunter.id})."
    )
    assert [e.action for e in events_of_organisation(session, hunter_id=hunter.id)] == [
        "organisation.signed_up"
    ]


def test_staff_may_approve_at_once(session: Session) -> None:
    hunter = sign_up(session, form=signup(), source="staff", approve=True)
    assert hunter.state == HunterState.APPROVED


@pytest.mark.parametrize(
    ("overrides", "field", "key"),
    [
        ({"orgnr": "974760674"}, "orgnr", "org_error_orgnr"),
        ({"orgnr": "9" * 5000}, "orgnr", "org_error_orgnr"),
        ({"org_name": "x"}, "org_name", "org_error_org_name"),
        ({"org_name": "Lag\x00"}, "org_name", "org_error_org_name"),
        ({"type": "pirates"}, "type", "org_error_type"),
        ({"counties": ["99"]}, "counties", "org_error_counties"),
        ({"counties": ["55", "99"]}, "counties", "org_error_counties"),
        ({"trades": []}, "trades", "org_error_trades"),
        ({"trades": [2**40]}, "trades", "org_error_trades"),
        ({"email": "kari@@x"}, "email", "org_error_email"),
        ({"email": ""}, "email", "org_error_email_missing"),
        ({"phone": "12"}, "phone", "org_error_phone"),
        ({"member_name": "\ud800\ud800"}, "member_name", "org_error_member_name"),
    ],
)
def test_hostile_or_wrong_input_is_named_and_nothing_is_written(
    session: Session, overrides: dict[str, object], field: str, key: str
) -> None:
    with pytest.raises(SignupRefused) as refused:
        signed_up(session, **overrides)
    assert refused.value.problems[field] == key
    assert session.scalar(select(Hunter.id)) is None
    assert session.scalar(select(HunterMember.id)) is None


def test_an_orgnr_belongs_to_one_organisation_until_it_is_rejected(session: Session) -> None:
    first = signed_up(session)
    with pytest.raises(SignupRefused) as refused:
        signed_up(session, email="ola@elektro.no", phone="")
    assert refused.value.problems == {"orgnr": "org_error_orgnr_taken"}
    first.state = HunterState.REJECTED
    assert signed_up(session, email="ola@elektro.no", phone="").id != first.id


def test_two_sign_ups_of_one_orgnr_at_once_one_is_kept_and_the_other_told_it_is_taken(db: Database) -> None:
    """Both pass the check before either is stored; the unique index keeps the first, and the second is told
    the orgnr is taken (a refusal the sign-up form shows), not an error page."""
    checked = threading.Event()
    second: list[object] = []

    def sign_up_second() -> None:
        try:
            with db.transaction() as session:
                event.listen(session, "before_flush", lambda *_: checked.set())  # past the orgnr check
                second.append(signed_up(session, email="ola@elektro.no", phone="").id)
        except SignupRefused as refused:
            second.append(refused.problems)
        except BaseException as e:
            second.append(repr(e))
            raise

    with db.transaction() as session:
        first = signed_up(session).id
        racer = threading.Thread(target=sign_up_second)
        racer.start()
        assert checked.wait(timeout=5), (
            second
        )  # the second has found the orgnr free: the first is not committed
    racer.join(timeout=60)
    assert second == [{"orgnr": "org_error_orgnr_taken"}]
    with db.session() as session:
        assert session.scalars(select(Hunter.id).where(Hunter.orgnr == ORGNR)).all() == [first]
        assert session.scalar(select(func.count()).select_from(HunterMember)) == 1


def test_every_refusal_key_is_in_the_catalogue_in_three_languages() -> None:
    keys = [k for k in TEXTS if k.startswith("org_")]
    assert "org_error_orgnr_taken" in keys
    assert all(set(TEXTS[k]) == set(LANGUAGES) for k in keys)


def test_members_add_and_remove_colleagues_of_their_own_organisation_and_it_is_logged(
    session: Session,
) -> None:
    hunter = signed_up(session)
    [kari] = active_members(session, hunter_id=hunter.id)
    ola = add_member(session, actor_member_id=kari.id, name="Ola Nordmann", email="ola@elektro.no")
    assert ola.hunter_id == hunter.id
    remove_member(session, actor_member_id=ola.id, member_id=kari.id)
    assert [m.id for m in active_members(session, hunter_id=hunter.id)] == [ola.id]
    assert kari.removed_at is not None
    events = events_of_organisation(session, hunter_id=hunter.id)
    assert [(e.action, e.actor_member_id, e.member_id) for e in events[1:]] == [
        ("member.added", kari.id, ola.id),
        ("member.removed", ola.id, kari.id),
    ]
    # The removed member can do nothing more for the organisation.
    with pytest.raises(MemberError) as refused:
        add_member(session, actor_member_id=kari.id, name="Kari Igjen", email="kari2@elektro.no")
    assert refused.value.key == "org_error_not_member"


def test_a_member_cannot_touch_another_organisation_or_remove_the_last_member(session: Session) -> None:
    ours = signed_up(session)
    theirs = signed_up(session, orgnr="923609016", email="per@annet.no", phone="")
    [kari] = active_members(session, hunter_id=ours.id)
    [per] = active_members(session, hunter_id=theirs.id)
    with pytest.raises(MemberError) as refused:
        remove_member(session, actor_member_id=kari.id, member_id=per.id)
    assert refused.value.key == "org_error_member_unknown"
    assert per.removed_at is None
    with pytest.raises(MemberError) as refused:
        remove_member(session, actor_member_id=kari.id, member_id=kari.id)
    assert refused.value.key == "org_error_last_member"


def test_an_address_an_active_member_uses_is_refused(session: Session) -> None:
    hunter = signed_up(session)
    [kari] = active_members(session, hunter_id=hunter.id)
    with pytest.raises(MemberError) as refused:
        add_member(session, actor_member_id=kari.id, name="Kari To", email="KARI@elektro.no")
    assert refused.value.key == "org_error_email_taken"


def test_a_wider_change_waits_for_staff_and_a_narrower_one_applies_at_once(session: Session) -> None:
    hunter = signed_up(session, counties=["55", "56"])
    hunter.state = HunterState.APPROVED
    [kari] = active_members(session, hunter_id=hunter.id)

    wider = request_change(
        session, actor_member_id=kari.id, counties=["55", "56", "18"], trades=[1], all_trades=False
    )
    assert wider.waits
    assert [c.number for c in hunter.counties] == ["55", "56"]  # unchanged until staff approve
    assert [c.id for c in pending_changes(session)] == [wider.change.id]
    decide_change(session, change_id=wider.change.id, approve=True, staff_id=None)
    session.refresh(hunter)
    assert ([c.number for c in hunter.counties], [t.id for t in hunter.trades]) == (["18", "55", "56"], [1])

    narrower = request_change(session, actor_member_id=kari.id, counties=["55"], trades=[1], all_trades=False)
    assert not narrower.waits
    session.refresh(hunter)
    assert [c.number for c in hunter.counties] == ["55"]

    all_trades = request_change(session, actor_member_id=kari.id, counties=["55"], trades=[], all_trades=True)
    assert all_trades.waits
    decide_change(session, change_id=all_trades.change.id, approve=False, staff_id=None)
    session.refresh(hunter)
    assert not hunter.all_trades and pending_changes(session) == []


def test_members_hear_the_decision_on_their_own_channel(session: Session) -> None:
    from hunters.organisations import approve_hunter
    from store.models import Message

    hunter = signed_up(session)  # from the web: no Telegram chat
    approve_hunter(session, hunter_id=hunter.id)
    [told] = session.scalars(select(Message).where(Message.hunter_id == hunter.id)).all()
    assert (told.channel, told.address) == ("email", "kari@elektro.no")
    assert "Elektroforeningen Troms er godkjent" in (told.body or "") and "Kari Nordmann" in (told.body or "")
