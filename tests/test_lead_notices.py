"""Lead notices reach each member of an organisation the way they chose (e-mail, SMS or Telegram, at once or
as one daily digest), and every notice links to the lead in the portal by the public address."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from hunters.lead_notices import send_digests
from hunters.lead_notices import send_instant_notices
from hunters.leads import claim_lead
from hunters.leads import create_lead
from hunters.leads import record_outcome
from scheduler import DAILY_JOBS
from scheduler import CampaignScheduler
from settings import Settings
from store.db import Database
from store.models import Channel
from store.models import Conversation
from store.models import LeadState
from store.models import MemberNotice
from store.models import Message
from store.models import MessageKind
from store.models import NoticeChannel
from store.models import NoticeMode
from store.models import utcnow
from tests.lead_factories import make_company
from tests.lead_factories import make_hunter
from tests.lead_factories import make_registration
from tests.portal_factories import make_member


def _outbox(session: Session) -> list[Message]:
    return list(
        session.scalars(select(Message).where(Message.kind == MessageKind.NOTIFICATION).order_by(Message.id))
    )


def _lead(session: Session) -> int:
    company = make_company(session, county="55", name="Snekker Nord AS")
    return create_lead(session, registration_id=make_registration(session, company=company).id).id


def test_members_hear_of_a_new_lead_at_once_on_their_own_channel(
    session: Session, settings: Settings
) -> None:
    hunter = make_hunter(session, counties=("55",), all_trades=True, chat_id="")
    make_member(session, hunter=hunter, name="E", email="e@jeger.no", channel=NoticeChannel.EMAIL)
    make_member(session, hunter=hunter, name="S", email=None, phone="+4791111112", channel=NoticeChannel.SMS)
    make_member(
        session, hunter=hunter, name="T", email=None, phone=None, channel=NoticeChannel.TELEGRAM, chat_id="77"
    )
    lead_id = _lead(session)
    assert _outbox(session) == []  # queued for the tick, which knows the public address
    assert send_instant_notices(session, settings=settings) == 3
    messages = {m.channel: m for m in _outbox(session)}
    url = f"{settings.public_base_url.rstrip('/')}/jeger/leads/{lead_id}"
    assert {m.address for m in messages.values()} == {"e@jeger.no", "+4791111112", "77"}
    for message in messages.values():
        assert url in (message.body or "") and "Snekker Nord AS" in (message.body or "")
        assert message.lead_id == lead_id
    assert messages[Channel.EMAIL].subject == "Ny lead: Snekker Nord AS"
    assert messages[Channel.TELEGRAM].extra == {
        "buttons": [[{"text": "Ta leaden", "callback_data": f"lead:claim:{lead_id}"}]]
    }
    assert send_instant_notices(session, settings=settings) == 0  # each notice goes once


def test_a_digest_member_gets_one_message_a_day_with_every_lead(session: Session, settings: Settings) -> None:
    hunter = make_hunter(session, counties=("55",), all_trades=True, chat_id="")
    make_member(session, hunter=hunter, mode=NoticeMode.DIGEST)
    first, second = _lead(session), _lead(session)
    assert send_instant_notices(session, settings=settings) == 0
    assert send_digests(session, now=utcnow(), settings=settings) == 1
    [digest] = _outbox(session)
    assert digest.address == "kari@jeger.no" and digest.subject == "Leads fra Læreplassjeger i dag"
    assert f"/jeger/leads/{first}" in (digest.body or "") and f"/jeger/leads/{second}" in (digest.body or "")
    assert send_digests(session, now=utcnow() + timedelta(days=1), settings=settings) == 0
    assert any(target == "hunters.lead_notices:send_digests" for _, target, _, _ in DAILY_JOBS)


def test_a_member_reads_notices_in_the_language_of_their_telegram_chat(
    session: Session, settings: Settings
) -> None:
    hunter = make_hunter(session, counties=("55",), all_trades=True, chat_id="")
    make_member(
        session, hunter=hunter, name="E", email="en@jeger.no", chat_id="88"
    )  # e-mail, chat in English
    make_member(session, hunter=hunter, name="N", email="nb@jeger.no")  # no chat: bokmål
    make_member(session, hunter=hunter, name="D", email=None, phone=None, channel=NoticeChannel.TELEGRAM,
                chat_id="99", mode=NoticeMode.DIGEST)  # fmt: skip
    session.add_all(
        [
            Conversation(channel="telegram", address="88", language="en"),
            Conversation(channel="telegram", address="99", language="nn"),
        ]
    )
    lead_id = _lead(session)
    assert send_instant_notices(session, settings=settings) == 2
    subjects = {m.address: m.subject for m in _outbox(session)}
    assert subjects == {"en@jeger.no": "New lead: Snekker Nord AS", "nb@jeger.no": "Ny lead: Snekker Nord AS"}
    english = next(m for m in _outbox(session) if m.address == "en@jeger.no")
    assert (english.body or "").startswith("A new company wants an apprentice: Snekker Nord AS")
    assert send_digests(session, now=utcnow(), settings=settings) == 1
    digest = _outbox(session)[-1]
    assert digest.address == "99" and f"/jeger/leads/{lead_id}" in (digest.body or "")
    assert "Sjå og ta leaden" in (digest.body or "")


def test_a_lead_taken_before_the_notice_went_is_not_announced(session: Session, settings: Settings) -> None:
    hunter = make_hunter(session, counties=("55",), all_trades=True, chat_id="")
    make_member(session, hunter=hunter)
    lead_id = _lead(session)
    other = make_hunter(session, counties=("55",), all_trades=True)
    assert claim_lead(session, lead_id=lead_id, hunter_id=other.id).ok
    assert send_instant_notices(session, settings=settings) == 0
    assert session.scalars(select(MemberNotice.sent_at)).all() != [None]


def test_the_other_members_hear_of_an_outcome(session: Session, settings: Settings) -> None:
    hunter = make_hunter(session, counties=("55",), all_trades=True, chat_id="")
    me = make_member(session, hunter=hunter)
    make_member(session, hunter=hunter, name="Per", email="per@jeger.no")
    lead_id = _lead(session)
    send_instant_notices(session, settings=settings)
    claim_lead(session, lead_id=lead_id, hunter_id=hunter.id, member_id=me.id)
    record_outcome(
        session, lead_id=lead_id, hunter_id=hunter.id, outcome=LeadState.CONTACTED, member_id=me.id
    )
    assert send_instant_notices(session, settings=settings) == 1
    outcome = _outbox(session)[-1]
    assert outcome.address == "per@jeger.no"
    assert (
        outcome.body is not None
        and "Kari Jeger registrerte utfall" in outcome.body
        and "kontaktet" in outcome.body
    )


def test_an_organisation_without_members_still_gets_the_telegram_card(
    session: Session, settings: Settings
) -> None:
    make_hunter(session, counties=("55",), all_trades=True, chat_id="4242")
    _lead(session)
    [card] = _outbox(session)
    assert card.channel is Channel.TELEGRAM and card.address == "4242" and "Ta leaden" in str(card.extra)


def test_the_schedulers_tick_sends_the_waiting_instant_notices(db: Database, settings: Settings) -> None:
    with db.transaction() as session:
        hunter = make_hunter(session, counties=("55",), all_trades=True, chat_id="")
        make_member(session, hunter=hunter)
        _lead(session)
    CampaignScheduler(settings=settings, db=db)._housekeeping()
    with db.session() as session:
        [notice] = _outbox(session)
        assert notice.address == "kari@jeger.no" and notice.channel is Channel.EMAIL
