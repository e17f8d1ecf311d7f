"""The Telegram bot end to end: a real python-telegram-bot Application against the loopback fake Bot API, in
polling mode (updates through getUpdates) and webhook mode (updates POSTed to our ASGI app)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from bot.telegram_app import TelegramBot
from campaigns.dispatch.dispatcher import Dispatcher
from companies.identifiers import ensure_identifiers
from settings import Settings
from store.db import Database
from store.models import Contact
from store.models import Hunter
from store.models import HunterState
from store.models import Lead
from store.models import LeadState
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import Registration
from store.models import Reply
from tests.fakes.telegram_api import FakeTelegram
from tests.lead_factories import make_company
from tests.lead_factories import make_hunter
from tests.polling import eventually
from web.app import create_app

COMPANY_CHAT, HUNTER_CHAT, OTHER_HUNTER_CHAT, NEWCOMER_CHAT = 4001, 5001, 5002, 6001
SECRET = "webhook_Secret-42"


async def sent(fake: FakeTelegram, chat: int, count: int, timeout: float = 15.0) -> list[dict[str, Any]]:
    """Waits (without blocking the bot's event loop) until the bot has said `count` things in the chat."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        found = fake.sent_to(chat)
        if len(found) >= count:
            return found
        await asyncio.sleep(0.02)
    raise AssertionError(
        f"{len(fake.sent_to(chat))} messages to {chat}, expected {count}: {fake.sent_to(chat)}"
    )


async def recorded(db: Database, chat: str, count: int, timeout: float = 10.0) -> None:
    def conversation_messages() -> int:
        with db.session() as session:
            rows = session.scalars(
                select(Message.id).where(Message.kind == MessageKind.CONVERSATION, Message.address == chat)
            )
            return len(rows.all())

    await eventually(
        lambda: conversation_messages() >= count, what=f"{count} answers to {chat} recorded", timeout=timeout
    )


def callbacks(entry: dict[str, Any]) -> list[str]:
    markup = entry.get("reply_markup") or {}
    return [b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row]


@pytest.fixture
def tg_settings(settings: Settings, fake_telegram: FakeTelegram) -> Settings:
    return settings.model_copy(update=fake_telegram.settings_update())


@pytest.fixture
async def polling_bot(tg_settings: Settings, db: Database) -> AsyncIterator[TelegramBot]:
    bot = TelegramBot(settings=tg_settings, db=db, poll_timeout=0.5)  # the fake stops in 0.5 s, not 10
    await bot.start()
    yield bot
    await bot.stop()


async def test_a_company_registers_by_its_link_and_an_approved_hunter_claims_the_lead(
    polling_bot: TelegramBot, fake_telegram: FakeTelegram, tg_settings: Settings, db: Database
) -> None:
    with db.transaction() as session:
        company = make_company(session, county="55", name="Ishavskraft Elektro AS", mobile="+4791234567")
        ensure_identifiers(session, company_ids=[company.id])
        session.refresh(company)
        token = company.token
        make_hunter(session, chat_id=str(HUNTER_CHAT), all_trades=True, name="EL og IT Forbundet Troms")
        make_hunter(session, chat_id=str(OTHER_HUNTER_CHAT), counties=["03"], all_trades=True)

    fake_telegram.push_message(COMPANY_CHAT, f"/start {token}")
    welcome = await sent(fake_telegram, COMPANY_CHAT, 2)
    assert "Ishavskraft Elektro AS" in welcome[0]["text"] and "1/5" in welcome[1]["text"]
    n = 2
    for answer in ("Kari Nordmann", "elektriker", "2"):
        fake_telegram.push_message(COMPANY_CHAT, answer)
        n += 1
        await sent(fake_telegram, COMPANY_CHAT, n)
    places = fake_telegram.sent_to(COMPANY_CHAT)[-2]
    assert callbacks(places) == ["p:1", "p:2", "p:3", "p:more"]  # on a phone: tap a number
    adult = fake_telegram.sent_to(COMPANY_CHAT)[-1]
    assert callbacks(adult) == ["ja", "nei"]  # the yes/no question comes with buttons
    fake_telegram.push_callback(COMPANY_CHAT, "ja", message_id=adult["message_id"])
    fake_telegram.push_message(COMPANY_CHAT, "august 2027")
    n += 2
    summary = (await sent(fake_telegram, COMPANY_CHAT, n))[-1]
    assert "ja" in callbacks(summary)
    fake_telegram.push_callback(COMPANY_CHAT, "ja", message_id=summary["message_id"])
    n += 1
    await sent(fake_telegram, COMPANY_CHAT, n)
    await recorded(db, str(COMPANY_CHAT), n)  # answers are recorded just after they are sent

    with db.session() as session:
        registration = session.scalars(select(Registration)).one()
        assert registration.completed_at is not None and registration.source == "telegram"
        lead = session.scalars(select(Lead)).one()
        contact = session.scalars(select(Contact).where(Contact.kind == "telegram")).one()
        assert contact.address == str(COMPANY_CHAT)
        answers = session.scalars(select(Message).where(Message.kind == MessageKind.CONVERSATION)).all()
        assert len(answers) == n and {a.state for a in answers} == {MessageState.SENT}
        assert {a.provider for a in answers} == {"telegram"} and all(a.provider_id for a in answers)
        assert {a.company_id for a in answers} == {company.id}
        queued = session.scalars(select(Message).where(Message.kind == MessageKind.NOTIFICATION)).all()
        assert [(m.address, m.priority, m.state) for m in queued] == [
            (str(HUNTER_CHAT), 0, MessageState.QUEUED)
        ]

    await Dispatcher(settings=tg_settings, db=db).drain(timeout=20)
    [notice] = await sent(fake_telegram, HUNTER_CHAT, 1)
    assert "Ishavskraft Elektro AS" in notice["text"] and "Kari Nordmann, +4791234567" in notice["text"]
    assert callbacks(notice) == [f"lead:claim:{lead.id}"]
    assert fake_telegram.sent_to(OTHER_HUNTER_CHAT) == []  # Oslo hunter: not told
    with db.session() as session:
        row = session.scalars(select(Message).where(Message.kind == MessageKind.NOTIFICATION)).one()
        assert row.state == MessageState.SENT and row.provider_id == str(notice["message_id"])

    # The Oslo hunter forges a claim on the Troms lead: refused, nothing changed.
    fake_telegram.push_callback(OTHER_HUNTER_CHAT, f"lead:claim:{lead.id}")
    [refused] = await sent(fake_telegram, OTHER_HUNTER_CHAT, 1)
    assert "utenfor fylkene" in refused["text"]

    fake_telegram.push_callback(HUNTER_CHAT, f"lead:claim:{lead.id}", message_id=notice["message_id"])
    claimed = (await sent(fake_telegram, HUNTER_CHAT, 2))[-1]
    assert claimed["method"] == "editMessageText" and claimed["message_id"] == notice["message_id"]
    assert "Leaden er din" in claimed["text"]
    assert f"lead:out:{lead.id}:became_training_company" in callbacks(claimed)
    fake_telegram.push_callback(HUNTER_CHAT, f"lead:out:{lead.id}:became_training_company")
    outcome = (await sent(fake_telegram, HUNTER_CHAT, 3))[-1]
    assert "ble lærebedrift" in outcome["text"] and not callbacks(outcome)
    with db.session() as session:
        lead = session.get_one(Lead, lead.id)
        hunter = session.scalars(select(Hunter).where(Hunter.telegram_chat_id == str(HUNTER_CHAT))).one()
        assert (lead.state, lead.hunter_id) == (LeadState.BECAME_TRAINING_COMPANY, hunter.id)


async def test_a_pending_hunter_asking_for_leads_is_told_to_wait(
    polling_bot: TelegramBot, fake_telegram: FakeTelegram, db: Database
) -> None:
    with db.transaction() as session:
        make_hunter(session, chat_id=str(HUNTER_CHAT), state=HunterState.PENDING)
    fake_telegram.push_message(HUNTER_CHAT, "/leads")
    [answer] = await sent(fake_telegram, HUNTER_CHAT, 1)
    assert "venter på godkjenning" in answer["text"] and not callbacks(answer)
    sticker = fake_telegram.message_update(HUNTER_CHAT, "")
    del sticker["message"]["text"]
    sticker["message"]["sticker"] = {
        "file_id": "x",
        "file_unique_id": "x",
        "width": 1,
        "height": 1,
        "is_animated": False,
        "is_video": False,
        "type": "regular",
    }
    fake_telegram.push_update(sticker)
    assert "bare lese tekst" in (await sent(fake_telegram, HUNTER_CHAT, 2))[-1]["text"]
    menus = {
        params.get("language_code"): {c["command"]: c["description"] for c in params["commands"]}
        for method, params in fake_telegram.calls
        if method == "setMyCommands"
    }
    assert set(menus[None]) >= {"start", "jeger", "leads", "slettmeg"}  # bokmål for apps in other languages
    assert (
        menus[None]["stopp"] == "Ikke få flere meldinger"
        and menus["nn"]["stopp"] == "Ikkje få fleire meldingar"
    )
    assert menus["en"]["stopp"] == "Get no more messages" and set(menus["en"]) == set(menus[None])


async def test_a_hunter_signs_up_in_one_burst_and_hears_of_the_approval(
    polling_bot: TelegramBot, fake_telegram: FakeTelegram, tg_settings: Settings, db: Database, cli: Any
) -> None:
    # Everything at once: only in-order processing per chat gets each answer to the right question.
    fake_telegram.push_message(NEWCOMER_CHAT, "/jeger")
    fake_telegram.push_message(NEWCOMER_CHAT, "Opplæringskontoret i Finnmark")
    fake_telegram.push_callback(NEWCOMER_CHAT, "hj:type:training_office")
    fake_telegram.push_message(NEWCOMER_CHAT, "974760673")
    fake_telegram.push_callback(NEWCOMER_CHAT, "hj:cty:56")
    fake_telegram.push_callback(NEWCOMER_CHAT, "hj:cty:done")
    fake_telegram.push_callback(NEWCOMER_CHAT, "hj:trd:all")
    fake_telegram.push_message(NEWCOMER_CHAT, "Siri Sámi")
    fake_telegram.push_message(NEWCOMER_CHAT, "+47 912 34 567")
    said = await sent(fake_telegram, NEWCOMER_CHAT, 9)
    assert "venter på godkjenning" in said[-1]["text"], [s["text"] for s in said]
    toggled = said[4]
    assert toggled["method"] == "editMessageText" and "hj:cty:56" in callbacks(toggled)

    with db.session() as session:
        hunter = session.scalars(select(Hunter)).one()
        assert (hunter.state, hunter.all_trades) == (HunterState.PENDING, True)
        assert [c.number for c in hunter.counties] == ["56"]
    result = await asyncio.to_thread(cli, "hunters", "approve", str(hunter.id))
    assert result.exit_code == 0, result.output
    await Dispatcher(settings=tg_settings, db=db).drain(timeout=20)
    told = await sent(fake_telegram, NEWCOMER_CHAT, 10)
    assert "godkjent" in told[-1]["text"]


async def test_stopp_and_slettmeg_over_telegram(
    polling_bot: TelegramBot, fake_telegram: FakeTelegram, db: Database
) -> None:
    fake_telegram.push_message(COMPANY_CHAT, "/stopp")
    assert "meldt av" in (await sent(fake_telegram, COMPANY_CHAT, 1))[-1]["text"]
    fake_telegram.push_message(COMPANY_CHAT, "/slettmeg")
    question = (await sent(fake_telegram, COMPANY_CHAT, 2))[-1]
    fake_telegram.push_callback(COMPANY_CHAT, "privacy:erase", message_id=question["message_id"])
    assert "slettet" in (await sent(fake_telegram, COMPANY_CHAT, 3))[-1]["text"]
    # One more message: the chat's updates run in order, so once its answer is recorded the erase is complete.
    fake_telegram.push_message(COMPANY_CHAT, "/personvern")
    await sent(fake_telegram, COMPANY_CHAT, 4)
    await recorded(db, str(COMPANY_CHAT), 1)
    with db.session() as session:
        kept = session.scalars(select(Message.body).where(Message.address == str(COMPANY_CHAT))).all()
        assert len(kept) == 1 and "/slettmeg" in (kept[0] or "")  # only the answer after the erase


def test_webhook_mode_processes_authentic_updates_and_refuses_forged_ones(
    tg_settings: Settings, db: Database, fake_telegram: FakeTelegram
) -> None:
    settings = tg_settings.model_copy(
        update=fake_telegram.webhook_settings_update(SECRET, public_base_url="https://jeger.example")
    )
    bot = TelegramBot(settings=settings, db=db)
    with TestClient(create_app(settings, db=db, services=[bot])) as client:
        assert fake_telegram.webhook["url"] == "https://jeger.example/webhooks/telegram"
        assert fake_telegram.webhook["secret_token"] == SECRET
        assert bot.application is not None and bot.application.updater is None

        with db.transaction() as session:
            make_hunter(session, chat_id=str(HUNTER_CHAT), state=HunterState.PENDING)
        update = fake_telegram.message_update(HUNTER_CHAT, "/leads")
        forged = client.post(
            "/webhooks/telegram", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "nope"}
        )
        unsigned = client.post("/webhooks/telegram", json=update)
        assert (forged.status_code, unsigned.status_code) == (403, 403)

        ok = client.post(
            "/webhooks/telegram", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
        )
        assert ok.status_code == 200
        [answer] = fake_telegram.wait_for_sent(HUNTER_CHAT, 1)
        assert "venter på godkjenning" in answer["text"]
        # Telegram redelivers an update it thinks was lost: processed once.
        again = client.post(
            "/webhooks/telegram", json=update, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}
        )
        assert again.status_code == 200
        # A chat's updates are processed in order, so once the next one is answered the redelivered one
        # has been handled; and once the fake is idle nothing more is on its way.
        later = fake_telegram.message_update(HUNTER_CHAT, "/leads")
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
        assert client.post("/webhooks/telegram", json=later, headers=headers).status_code == 200
        fake_telegram.wait_for_sent(HUNTER_CHAT, 2)
        fake_telegram.wait_idle()
        assert len(fake_telegram.sent_to(HUNTER_CHAT)) == 2  # the redelivery got no answer of its own
        with db.session() as session:
            replies = session.scalars(select(Reply.provider_id).where(Reply.sender == str(HUNTER_CHAT)))
            assert sorted(replies) == sorted([str(update["update_id"]), str(later["update_id"])])
    assert not bot.running


def pending_hunter_asks_for_leads_in_a_flood(fake: FakeTelegram, db: Database, *, retry_after: int) -> None:
    """A pending hunter sends /leads; Telegram refuses the first answer with a flood wait of `retry_after` s."""
    with db.transaction() as session:
        make_hunter(session, chat_id=str(HUNTER_CHAT), state=HunterState.PENDING)
    fake.fail_next("sendMessage", 429, retry_after=retry_after)
    fake.push_message(HUNTER_CHAT, "/leads")


async def test_flood_control_is_waited_out_and_the_answer_still_arrives(
    polling_bot: TelegramBot, fake_telegram: FakeTelegram, db: Database
) -> None:
    pending_hunter_asks_for_leads_in_a_flood(fake_telegram, db, retry_after=1)
    [answer] = await sent(fake_telegram, HUNTER_CHAT, 1)
    assert "venter på godkjenning" in answer["text"]
    tries = [
        p for m, p in fake_telegram.calls if m == "sendMessage" and str(p.get("chat_id")) == str(HUNTER_CHAT)
    ]
    assert len(tries) == 2  # refused once with retry_after, then sent
    await recorded(db, str(HUNTER_CHAT), 1)
    with db.session() as session:
        [row] = session.scalars(select(Message).where(Message.address == str(HUNTER_CHAT))).all()
        assert row.state == MessageState.SENT


async def test_an_answer_telegram_will_not_take_goes_to_the_outbox_and_is_sent_from_there(
    polling_bot: TelegramBot, fake_telegram: FakeTelegram, tg_settings: Settings, db: Database
) -> None:
    with db.transaction() as session:
        company = make_company(session, county="55", name="Nordlys Bakeri AS")
        ensure_identifiers(session, company_ids=[company.id])
        session.refresh(company)
        token = company.token
    for _ in range(3):  # every attempt of the handler fails at the network level
        fake_telegram.fail_next("sendMessage", 500, description="Internal Server Error")
    fake_telegram.push_message(COMPANY_CHAT, f"/start {token}")

    def queued() -> list[Message]:
        with db.session() as session:
            return list(
                session.scalars(
                    select(Message)
                    .where(Message.address == str(COMPANY_CHAT), Message.state == MessageState.QUEUED)
                    .order_by(Message.id)
                )
            )

    await eventually(lambda: len(queued()) >= 2, what="the answers sent or queued", timeout=20)
    rows = await asyncio.to_thread(queued)
    assert [(r.kind, r.priority) for r in rows] == [(MessageKind.CONVERSATION, 0)] * 2
    assert "Nordlys Bakeri AS" in (rows[0].body or "") and "1/5" in (rows[1].body or "")
    assert rows[0].company_id == company.id
    assert fake_telegram.sent_to(COMPANY_CHAT) == []

    await Dispatcher(settings=tg_settings, db=db).drain(timeout=20)
    delivered = await sent(fake_telegram, COMPANY_CHAT, 2)
    assert "Nordlys Bakeri AS" in delivered[0]["text"] and "1/5" in delivered[1]["text"]
    # The company answers the question it got from the outbox, and the registration goes on.
    fake_telegram.push_message(COMPANY_CHAT, "Kari Nordmann")
    assert "2/5" in (await sent(fake_telegram, COMPANY_CHAT, 3))[-1]["text"]


async def test_a_long_flood_wait_queues_the_answer_for_later(
    polling_bot: TelegramBot, fake_telegram: FakeTelegram, db: Database
) -> None:
    pending_hunter_asks_for_leads_in_a_flood(fake_telegram, db, retry_after=60)

    def waiting() -> Message | None:
        with db.session() as session:
            return session.scalars(select(Message).where(Message.address == str(HUNTER_CHAT))).first()

    row = await eventually(waiting, what="the answer queued", timeout=20)
    assert (
        row.state == MessageState.QUEUED and row.priority == 0 and "venter på godkjenning" in (row.body or "")
    )
    assert row.due_at > row.created_at + timedelta(seconds=50)  # not before Telegram allows it


async def test_a_company_without_a_number_in_the_register_shares_its_own_contact(
    polling_bot: TelegramBot, fake_telegram: FakeTelegram, db: Database
) -> None:
    with db.transaction() as session:
        company = make_company(session, county="55", name="Polar Rør AS")  # no phone in the register
        ensure_identifiers(session, company_ids=[company.id])
        session.refresh(company)
        token = company.token
    fake_telegram.push_message(COMPANY_CHAT, f"/start {token}")
    n = 2
    for answer in ("Kari Nordmann", "rørlegger", "2", "ja", "august 2027"):
        await sent(fake_telegram, COMPANY_CHAT, n)
        fake_telegram.push_message(COMPANY_CHAT, answer)
        n += 1
    asked = (await sent(fake_telegram, COMPANY_CHAT, n))[-1]
    assert "telefonnummer" in asked["text"]
    [[share]] = asked["reply_markup"]["keyboard"]
    assert share["request_contact"] is True and share["text"] == "Del telefonnummeret mitt"

    def contact_update(user_id: int, phone: str) -> dict[str, Any]:
        update = fake_telegram.message_update(COMPANY_CHAT, "")
        del update["message"]["text"]
        update["message"]["contact"] = {"phone_number": phone, "first_name": "Kari", "user_id": user_id}
        return update

    fake_telegram.push_update(contact_update(999, "4790000001"))  # someone else's contact: not taken
    assert "bare lese tekst" in (await sent(fake_telegram, COMPANY_CHAT, n + 1))[-1]["text"]
    fake_telegram.push_update(contact_update(COMPANY_CHAT, "4791234567"))  # their own, without the plus
    summary = (await sent(fake_telegram, COMPANY_CHAT, n + 2))[-1]
    assert "6 Telefon: +4791234567" in summary["text"]
    with db.session() as session:
        assert session.scalars(select(Registration.phone)).one() == "+4791234567"


async def test_a_chat_that_blocked_the_bot_is_opted_out_as_the_dispatcher_would_do(
    polling_bot: TelegramBot, fake_telegram: FakeTelegram, db: Database
) -> None:
    from companies.optout_records import is_opted_out
    from store.models import ContactKind
    from store.secrets import AddressHasher

    with db.transaction() as session:
        make_hunter(session, chat_id=str(HUNTER_CHAT), state=HunterState.PENDING)
    fake_telegram.fail_next("sendMessage", 403)
    fake_telegram.push_message(HUNTER_CHAT, "/leads")

    def opted_out() -> bool:
        with db.session() as session:
            hasher = AddressHasher.load(session)
            return is_opted_out(session, hasher=hasher, kind=ContactKind.TELEGRAM, address=str(HUNTER_CHAT))

    await eventually(opted_out, what="the blocked chat opted out", timeout=15)
    assert fake_telegram.sent_to(HUNTER_CHAT) == []
