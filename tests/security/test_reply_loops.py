"""Loops and floods (PRODUCT §12), replayed through Twilio's signed SMS webhook and Telegram's webhook.

The attacks: an auto-responder ("Jeg er på ferie") answering each of our answers, which we answered again,
for ever; and one sender flooding us with messages, each costing an answer (an SMS we pay for) and work.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update

from bot.floods import oslo_day
from companies.identifiers import ensure_identifiers
from companies.optout_records import is_opted_out
from settings import Settings
from store.db import Database
from store.models import Company
from store.models import ContactKind
from store.models import Conversation
from store.models import Intent
from store.models import Registration
from store.models import Reply
from store.models import utcnow
from store.secrets import AddressHasher
from tests.lead_factories import add_contact
from tests.lead_factories import make_hunter
from tests.security.chat_channels import Sms
from tests.security.chat_channels import Telegram
from tests.security.chat_channels import sms_fixture  # noqa: F401
from tests.security.chat_channels import sms_webhook
from tests.security.chat_channels import telegram_fixture  # noqa: F401

MOBILE = "+4791234567"
UNKNOWN = "+4740000009"
CHAT = 770001


def seed(db: Database) -> int:
    with db.transaction() as session:
        company = Company(orgnr="974760673", name="Fjord Bygg AS", county_number="55")
        session.add(company)
        session.flush()
        add_contact(session, company, ContactKind.PHONE, MOBILE)
        ensure_identifiers(session, company_ids=[company.id])
        return company.id


def replies_from(db: Database, sender: str) -> list[Reply]:
    with db.session() as session:
        return list(session.scalars(select(Reply).where(Reply.sender == sender).order_by(Reply.id)))


def test_a_free_text_is_acknowledged_once_a_day(sms: Sms, db: Database) -> None:
    seed(db)
    assert "Vi har fått meldingen" in sms.send(MOBILE, "Hva betyr dette for oss?")[0]
    assert sms.send(MOBILE, "Og hvem betaler lønna?") == []  # stored for staff, not thanked again
    assert [r.handled_at for r in replies_from(db, MOBILE)] == [None, None]  # both wait for a human
    with db.transaction() as session:  # the next Europe/Oslo day
        session.execute(update(Conversation).values(acked_on=oslo_day(utcnow()) - timedelta(days=1)))
    assert "Vi har fått meldingen" in sms.send(MOBILE, "Ring meg gjerne i morgen.")[0]


def test_two_auto_responders_stop_after_one_acknowledgement(sms: Sms, db: Database) -> None:
    seed(db)
    away = "Jeg er på ferie til 1. august. Haster det, ring sentralbordet."
    answered = [sms.send(MOBILE, away) for _ in range(5)]
    assert len(answered[0]) == 1 and answered[1:] == [[], [], [], []]
    assert len(replies_from(db, MOBILE)) == 5  # every one stored verbatim


def test_the_same_text_again_and_again_gets_no_more_answers(sms: Sms, db: Database) -> None:
    """In the orgnr question every wrong answer is answered: an auto-responder there would loop for ever."""
    seed(db)
    assert "organisasjonsnummer" in sms.send(UNKNOWN, "JA")[0]
    away = "Automatisk svar: jeg er ikke på kontoret."
    answered = [sms.send(UNKNOWN, away) for _ in range(5)]
    assert all("ikke et gyldig organisasjonsnummer" in a[0] for a in answered[:2])
    assert answered[2:] == [[], [], []]
    # Case and punctuation do not make it new; another text does.
    assert sms.send(UNKNOWN, "AUTOMATISK SVAR - jeg er ikke på kontoret") == []
    assert "Fjord Bygg AS" in sms.send(UNKNOWN, "974760673")[0]
    assert len(replies_from(db, UNKNOWN)) == 8


def test_a_sender_over_the_hourly_cap_is_stored_but_not_answered_and_does_no_work(
    settings: Settings, db: Database
) -> None:
    seed(db)
    with sms_webhook(settings, db, inbound_per_hour=4) as webhook:
        assert webhook.send(UNKNOWN, "hei")  # the day's acknowledgement
        assert webhook.send(UNKNOWN, "hallo") == []
        assert webhook.send(UNKNOWN, "info")  # help is asked for: answered
        assert webhook.send(UNKNOWN, "hjelp meg")
        assert webhook.send(UNKNOWN, "JA") == []  # the fifth within the hour
        assert webhook.send(UNKNOWN, "STOPP") == []
    with db.session() as session:
        conversation = session.scalars(select(Conversation).where(Conversation.address == UNKNOWN)).one()
        assert conversation.flow is None  # the JA asked no orgnr question
        assert session.scalar(select(func.count()).select_from(Registration)) == 0
        # An opt-out is honoured whatever the counters say.
        assert is_opted_out(
            session, hasher=AddressHasher.load(session), kind=ContactKind.PHONE, address=UNKNOWN
        )
        flooded = session.scalars(select(Reply).where(Reply.sender == UNKNOWN).order_by(Reply.id)).all()
        assert len(flooded) == 6
        assert flooded[4].intent is Intent.FREE_TEXT and flooded[4].handled_at is not None  # not in the inbox
        assert flooded[5].intent is Intent.OPT_OUT


def test_the_cap_counts_every_process_in_the_database(settings: Settings, db: Database) -> None:
    """Two web processes (two apps on one database) share one sender's counters."""
    seed(db)
    with (
        sms_webhook(settings, db, inbound_per_hour=2) as first,
        sms_webhook(settings, db, inbound_per_hour=2) as second,
    ):
        assert first.send(UNKNOWN, "info")
        assert second.send(UNKNOWN, "hjelp")
        assert first.send(UNKNOWN, "info igjen") == []
        assert second.send(UNKNOWN, "hjelp meg") == []


def test_a_telegram_loop_is_cut_and_commands_are_not_loops(telegram: Telegram, db: Database) -> None:
    seed(db)
    with db.transaction() as session:
        make_hunter(session, chat_id=str(CHAT + 1))
    telegram.send(CHAT, "/start", expect=1)
    for _ in range(2):
        telegram.send(CHAT, "Dette er et automatisk svar.", expect=1)
    telegram.send(CHAT, "Dette er et automatisk svar.", expect=0)
    telegram.send(CHAT, "dette er et automatisk svar", expect=0)
    # A hunter asking for its leads again and again is a person using a command, not a loop.
    for _ in range(4):
        telegram.send(CHAT + 1, "/leads", expect=1)


def test_a_picture_is_answered_once_a_day(telegram: Telegram, db: Database) -> None:
    """Stickers and photos get "I can only read text" once a day, not once per sticker."""
    seed(db)

    def picture() -> dict[str, object]:
        update = telegram.fake.message_update(CHAT, "x")
        message = update["message"]
        del message["text"]
        message["photo"] = [{"file_id": "p1", "file_unique_id": "u1", "width": 90, "height": 90}]
        return update

    before = len(telegram.fake.sent_to(CHAT))
    telegram.post(picture())
    [first] = telegram.fake.wait_for_sent(CHAT, before + 1)[before:]
    assert "bare lese tekst" in first["text"]
    telegram.post(picture())
    telegram.fake.wait_idle(quiet=0.3)
    assert len(telegram.fake.sent_to(CHAT)) == before + 1
    assert len(replies_from(db, str(CHAT))) == 2


def test_two_processes_claiming_the_days_acknowledgement_send_one(db: Database) -> None:
    from bot.floods import claim_daily_ack
    from bot.floods import count_inbound

    with db.transaction() as session:
        conversation_id = count_inbound(session, channel="sms", address=UNKNOWN, body="hei").id
    with db.transaction() as first, db.transaction() as second:
        assert claim_daily_ack(first, conversation_id=conversation_id)
        first.commit()
        assert not claim_daily_ack(second, conversation_id=conversation_id)
