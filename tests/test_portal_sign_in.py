"""Members sign in to the hunter portal without a password: a one-time link by e-mail or a six-digit code by SMS
(PRODUCT §10, §12). The answer never tells whether an address is a member's; links work once and for 15 minutes,
codes die after five wrong tries; requests are limited per address, per client and in total."""

from __future__ import annotations

import re
from datetime import timedelta

from fastapi.testclient import TestClient
from sqlalchemy import func
from sqlalchemy import select

from hunters.member_login import CODE_GUESSES_PER_CLIENT
from hunters.member_login import CODE_TRIES
from hunters.member_login import IN_TOTAL
from hunters.member_login import PER_ADDRESS
from hunters.member_login import PER_CLIENT
from hunters.member_login import CodeOutcome
from hunters.member_login import RequestOutcome
from hunters.member_login import request_sign_in
from hunters.member_login import sign_in_with_code
from hunters.member_login import sign_in_with_link
from hunters.member_sessions import end_member_sessions
from hunters.member_sessions import member_by_session
from hunters.member_sessions import start_member_session
from store.db import Database
from store.models import Channel
from store.models import HunterMember
from store.models import HunterState
from store.models import MemberSession
from store.models import Message
from store.models import utcnow
from tests.lead_factories import make_hunter
from tests.portal_factories import csrf
from tests.portal_factories import last_link
from tests.portal_factories import make_member
from tests.portal_factories import sign_in

BASE = "https://jeger.example.no"


def _member(db: Database, **kw: object) -> int:
    with db.transaction() as session:
        hunter = make_hunter(session, state=kw.pop("state", HunterState.APPROVED))  # type: ignore[arg-type]
        return make_member(session, hunter=hunter, **kw).id  # type: ignore[arg-type]


def _messages(db: Database, channel: Channel) -> list[Message]:
    with db.session() as session:
        return list(session.scalars(select(Message).where(Message.channel == channel).order_by(Message.id)))


def test_a_member_gets_a_link_by_email_that_signs_in_once(db: Database) -> None:
    member_id = _member(db)
    with db.transaction() as session:
        result = request_sign_in(session, address=" Kari@Jeger.no ", client="1.2.3.4", base_url=BASE)
    assert result.outcome is RequestOutcome.ACCEPTED and not result.by_sms
    [mail] = _messages(db, Channel.EMAIL)
    assert mail.address == "kari@jeger.no" and mail.subject == "Logg inn i Læreplassjeger"
    assert f"{BASE}/jeger/inn/" in (mail.body or "")
    token = last_link(db, "kari@jeger.no")
    with db.transaction() as session:
        member = sign_in_with_link(session, token=token)
        assert member is not None and member.id == member_id
    with db.transaction() as session:
        assert sign_in_with_link(session, token=token) is None  # single use


def test_a_link_dies_after_fifteen_minutes(db: Database) -> None:
    _member(db)
    with db.transaction() as session:
        request_sign_in(session, address="kari@jeger.no", client="c", base_url=BASE)
    token = last_link(db, "kari@jeger.no")
    with db.transaction() as session:
        assert sign_in_with_link(session, token=token, now=utcnow() + timedelta(minutes=16)) is None


def test_an_unknown_address_gets_the_same_answer_and_nothing_is_sent(
    db: Database, client: TestClient
) -> None:
    _member(db)
    known = client.post("/jeger/logg-inn", data={"address": "kari@jeger.no", "csrf_token": csrf(client)})
    unknown = client.post("/jeger/logg-inn", data={"address": "ola@jeger.no", "csrf_token": csrf(client)})
    assert known.status_code == unknown.status_code == 200

    def strip(html: str) -> str:
        return re.sub(r'value="[^"]+"', "", html).replace("kari@jeger.no", "X").replace("ola@jeger.no", "X")

    assert strip(known.text) == strip(unknown.text)
    assert [m.address for m in _messages(db, Channel.EMAIL)] == ["kari@jeger.no"]


def test_a_code_by_sms_signs_in_and_dies_after_five_wrong_tries(db: Database) -> None:
    member_id = _member(db)
    with db.transaction() as session:
        result = request_sign_in(session, address="911 11 111", client="c", base_url=BASE)
    assert result.by_sms and result.address == "+4791111111"
    [sms] = _messages(db, Channel.SMS)
    code = re.search(r"\b(\d{6})\b", sms.body or "")
    assert code
    wrong = "000000" if code.group(1) != "000000" else "111111"
    with db.transaction() as session:
        assert (
            sign_in_with_code(session, phone="91111111", code=wrong, client="c").outcome is CodeOutcome.WRONG
        )
    with db.transaction() as session:
        ok = sign_in_with_code(session, phone="91111111", code=code.group(1), client="c")
        assert ok.outcome is CodeOutcome.OK and ok.member is not None and ok.member.id == member_id
    with db.transaction() as session:
        request_sign_in(session, address="91111111", client="c", base_url=BASE)
    code = re.search(r"\b(\d{6})\b", _messages(db, Channel.SMS)[-1].body or "")
    assert code
    wrong = "000000" if code.group(1) != "000000" else "111111"
    for _ in range(CODE_TRIES):
        with db.transaction() as session:
            assert (
                sign_in_with_code(session, phone="+4791111111", code=wrong, client="d").outcome
                is CodeOutcome.WRONG
            )
    with db.transaction() as session:  # the right code is worthless now
        assert sign_in_with_code(session, phone="+4791111111", code=code.group(1), client="e").outcome is (
            CodeOutcome.WRONG
        )


def test_requests_are_limited_per_address_and_per_client(db: Database) -> None:
    _member(db)
    outcomes = []
    for n in range(PER_ADDRESS + 1):
        with db.transaction() as session:
            outcomes.append(
                request_sign_in(session, address="91111111", client=f"c{n}", base_url=BASE).outcome
            )
    assert outcomes[-1] is RequestOutcome.THROTTLED and RequestOutcome.THROTTLED not in outcomes[:-1]
    assert len(_messages(db, Channel.SMS)) == PER_ADDRESS
    outcomes = []
    for n in range(PER_CLIENT + 1):
        with db.transaction() as session:
            outcomes.append(
                request_sign_in(session, address=f"x{n}@y.no", client="one", base_url=BASE).outcome
            )
    assert outcomes[-1] is RequestOutcome.THROTTLED and RequestOutcome.THROTTLED not in outcomes[:-1]


def test_the_form_refuses_what_is_neither_email_nor_phone(client: TestClient) -> None:
    response = client.post("/jeger/logg-inn", data={"address": "hei", "csrf_token": csrf(client)})
    assert response.status_code == 400 and "e-postadresse" in response.text


def test_removed_members_and_rejected_organisations_get_nothing(db: Database) -> None:
    _member(db, email="rejected@jeger.no", state=HunterState.REJECTED)
    member_id = _member(db, email="removed@jeger.no", phone=None)
    with db.transaction() as session:
        session.get_one(HunterMember, member_id).removed_at = utcnow()
    for address in ("rejected@jeger.no", "removed@jeger.no"):
        with db.transaction() as session:
            assert request_sign_in(session, address=address, client="c", base_url=BASE).outcome is (
                RequestOutcome.ACCEPTED
            )
    assert _messages(db, Channel.EMAIL) == []


def test_ending_a_members_sessions_signs_them_out_everywhere(db: Database) -> None:
    member_id = _member(db)
    with db.transaction() as session:
        first = start_member_session(session, member_id=member_id)
        start_member_session(session, member_id=member_id)
    with db.transaction() as session:
        assert member_by_session(session, first) is not None
        assert end_member_sessions(session, member_id=member_id) == 2
    with db.session() as session:
        assert member_by_session(session, first) is None
        assert session.scalar(select(func.count()).select_from(MemberSession)) == 0


def test_the_portal_sends_strangers_to_sign_in_and_members_to_their_leads(
    db: Database, client: TestClient
) -> None:
    _member(db)
    response = client.get("/jeger/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/jeger/logg-inn"
    sign_in(client, db)
    page = client.get("/jeger/")
    assert page.status_code == 200 and "Våre leads" in page.text
    logout = client.post(
        "/jeger/logg-ut", data={"csrf_token": csrf(client, "/jeger/")}, follow_redirects=False
    )
    assert logout.status_code == 303
    assert client.get("/jeger/", follow_redirects=False).status_code == 303


def test_a_link_page_does_not_spend_the_link_on_get(db: Database, client: TestClient) -> None:
    _member(db)
    client.post("/jeger/logg-inn", data={"address": "kari@jeger.no", "csrf_token": csrf(client)})
    token = last_link(db, "kari@jeger.no")
    assert client.get(f"/jeger/inn/{token}").status_code == 200
    assert client.get(f"/jeger/inn/{token}").status_code == 200  # a mail scanner's visit spent nothing
    assert client.get("/jeger/inn/not-a-token").status_code == 410


def test_a_form_without_the_csrf_token_changes_nothing(db: Database, client: TestClient) -> None:
    _member(db)
    client.get("/jeger/logg-inn")
    response = client.post("/jeger/logg-inn", data={"address": "kari@jeger.no"})
    assert response.status_code == 403
    assert _messages(db, Channel.EMAIL) == []


def test_the_link_comes_in_the_language_the_form_was_read_in(db: Database, client: TestClient) -> None:
    _member(db)
    client.get("/jeger/sprak/nn?next=/jeger/logg-inn")
    client.post("/jeger/logg-inn", data={"address": "kari@jeger.no", "csrf_token": csrf(client)})
    [mail] = _messages(db, Channel.EMAIL)
    assert (
        mail.language == "nn"
        and (mail.body or "").startswith("Hei Kari Jeger!")
        and "Lenkja verkar" in (mail.body or "")
    )


def test_requests_from_everyone_together_are_limited_per_hour(db: Database) -> None:
    """A flood from many clients for many numbers stops at the ceiling, whoever asks next."""
    _member(db)
    with db.transaction() as session:
        for n in range(IN_TOTAL):
            outcome = request_sign_in(session, address=f"+47910{n:05d}", client=f"10.0.{n // 250}.{n % 250}",
                                      base_url=BASE).outcome  # fmt: skip
            assert outcome is RequestOutcome.ACCEPTED
        refused = request_sign_in(session, address="kari@jeger.no", client="192.0.2.1", base_url=BASE)
    assert refused.outcome is RequestOutcome.THROTTLED and refused.retry_after > timedelta(0)
    assert _messages(db, Channel.EMAIL) == []


def test_one_client_guessing_codes_for_many_numbers_is_stopped(db: Database) -> None:
    _member(db)
    with db.transaction() as session:
        request_sign_in(session, address="91111111", client="c", base_url=BASE)
    code = re.search(r"\b(\d{6})\b", _messages(db, Channel.SMS)[-1].body or "")
    assert code
    for n in range(CODE_GUESSES_PER_CLIENT):
        with db.transaction() as session:
            sign_in_with_code(session, phone=f"+4792{n:06d}", code="123456", client="guesser")
    with db.transaction() as session:
        result = sign_in_with_code(session, phone="91111111", code=code.group(1), client="guesser")
    assert result.outcome is CodeOutcome.THROTTLED
    with db.transaction() as session:  # the member on their own phone is not locked out by the guesser
        assert sign_in_with_code(session, phone="91111111", code=code.group(1), client="me").outcome is (
            CodeOutcome.OK
        )
