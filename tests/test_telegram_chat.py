"""What the bot decides for each Telegram command, button and message (the sync layer under the PTB handlers)."""

from __future__ import annotations

import itertools

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import telegram_chat as chat
from bot.telegram_chat import TelegramInbound
from companies.identifiers import ensure_identifiers
from hunters.notify import ChatAnswer
from settings import Settings
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import Conversation
from store.models import Hunter
from store.models import Lead
from store.models import OptOut
from store.models import Registration
from store.models import Reply
from store.models import utcnow
from store.secrets import AddressHasher
from tests.lead_factories import make_company
from tests.lead_factories import make_hunter
from tests.lead_factories import notifications

CHAT = "777001"
_updates = itertools.count(1000)


def inbound(text: str | None = None, *, button: str | None = None, chat_id: str = CHAT) -> TelegramInbound:
    args = text.split()[1:] if text and text.startswith("/") else []
    return TelegramInbound(
        chat_id=chat_id, update_id=next(_updates), text=text, button=button, args=args, received_at=utcnow()
    )


def texts(answers: list[ChatAnswer]) -> str:
    return "\n".join(a.text for a in answers)


def data(answers: list[ChatAnswer]) -> list[str]:
    return [b["callback_data"] for a in answers for row in a.buttons or [] for b in row]


def with_token(session: Session, **kw: object) -> Company:
    company = make_company(session, **kw)
    ensure_identifiers(session, company_ids=[company.id])
    session.refresh(company)
    return company


def test_a_personal_link_registers_the_company_and_routes_the_lead_to_a_hunter(
    session: Session, settings: Settings
) -> None:
    company = with_token(session, name="Polarlys Rør AS")
    hunter = make_hunter(session, all_trades=True)

    first = chat.start(session, inbound(f"/start {company.token}"), settings)
    assert "Polarlys Rør AS" in texts(first) and "1/5" in texts(first)
    contact = session.scalars(select(Contact).where(Contact.kind == ContactKind.TELEGRAM)).one()
    assert (contact.company_id, contact.address) == (company.id, CHAT)
    assert contact.address_hash == AddressHasher.load(session)(ContactKind.TELEGRAM, CHAT)

    for said in ("Kari Nordmann", "rørlegger", "2"):
        chat.text(session, inbound(said), settings)
    adult = chat.text(session, inbound("august"), settings)  # not yes/no: asked again with buttons
    assert data(adult) == ["ja", "nei"]
    chat.tapped(session, inbound(button="ja"), settings)
    # The register has no number for this company: the chat is asked for one (a chat id is no phone number).
    asked = chat.text(session, inbound("august 2027"), settings)
    assert "telefonnummer" in texts(asked)
    summary = chat.text(session, inbound("912 34 567"), settings)
    assert "ja" in data(summary) and "6 Telefon: +4791234567" in texts(summary)
    done = chat.tapped(session, inbound(button="ja"), settings)
    assert done and "Polarlys Rør AS" in texts(done)

    registration = session.scalars(select(Registration)).one()
    assert registration.completed_at is not None and registration.source == "telegram"
    assert [t.name for t in registration.trades] == ["Rørleggerfaget"]
    assert registration.phone == "+4791234567"
    lead = session.scalars(select(Lead)).one()
    [notice] = notifications(session, lead_id=lead.id)
    assert notice.hunter_id == hunter.id and notice.company_id == company.id
    assert "Kari Nordmann, +4791234567" in (notice.body or "")
    reply = session.scalars(select(Reply).order_by(Reply.id)).first()
    assert reply is not None and reply.text == f"/start {company.token}" and reply.intent == "interested"


def test_an_unknown_or_malformed_token_gets_a_clear_answer_and_links_nothing(
    session: Session, settings: Settings
) -> None:
    with_token(session)
    for token in ("nosuchtoken", "ødelagt!token", "x" * 65):
        answers = chat.start(session, inbound(f"/start {token}"), settings)
        assert "kjenner vi ikke igjen" in texts(answers)
    assert session.scalar(select(func.count()).select_from(Contact)) == 0
    assert session.scalar(select(func.count()).select_from(Registration)) == 0


def test_a_link_of_a_deleted_company_is_refused(session: Session, settings: Settings) -> None:
    from datetime import date

    company = with_token(session, name="Borte Vekk AS", deleted_on=date(2026, 1, 1))
    answers = chat.start(session, inbound(f"/start {company.token}"), settings)
    assert "Borte Vekk AS" in texts(answers) and "slettet" in texts(answers)
    assert session.scalar(select(func.count()).select_from(Contact)) == 0
    assert session.scalar(select(func.count()).select_from(Registration)) == 0


def test_start_without_a_link_asks_for_the_orgnr_and_checks_it(session: Session, settings: Settings) -> None:
    company = make_company(session, name="Nordkapp Mek AS", orgnr="974760673")
    asked = chat.start(session, inbound("/start"), settings)
    assert "organisasjonsnummeret" in texts(asked) and "/jeger" in texts(asked)
    assert "ikke et gyldig" in texts(chat.text(session, inbound("974760674"), settings))
    registering = chat.text(session, inbound("974 760 673"), settings)
    assert "Nordkapp Mek AS" in texts(registering) and "1/5" in texts(registering)
    conversation = session.scalars(select(Conversation)).one()
    assert (conversation.company_id, conversation.flow) == (company.id, "registration")


def test_stopp_opts_the_chat_out(session: Session, settings: Settings) -> None:
    answers = chat.stop(session, inbound("/stopp"), settings)
    assert "meldt av" in texts(answers)
    hasher = AddressHasher.load(session)
    assert session.scalar(select(OptOut.id).where(OptOut.address_hash == hasher("telegram", CHAT)))


def test_slettmeg_asks_first_then_erases_and_keeps_the_chat_opted_out(
    session: Session, settings: Settings
) -> None:
    company = with_token(session)
    chat.start(session, inbound(f"/start {company.token}"), settings)
    chat.text(session, inbound("Kari Nordmann"), settings)
    privacy = chat.privacy(session, inbound("/personvern"), settings)
    assert "/slettmeg" in texts(privacy) and "18 måneder" in texts(privacy)
    question = chat.erase_request(session, inbound("/slettmeg"), settings)
    assert data(question) == ["privacy:erase", "privacy:keep"]
    kept = chat.tapped(session, inbound(button="privacy:keep"), settings)
    assert "ingenting er slettet" in texts(kept)

    [erased] = chat.tapped(session, inbound(button="privacy:erase"), settings)
    assert "slettet" in erased.text and erased.record is False
    assert session.scalar(select(func.count()).select_from(Contact)) == 0
    assert session.scalar(select(func.count()).select_from(Conversation)) == 0
    assert session.scalar(select(func.count()).select_from(Reply).where(Reply.sender == CHAT)) == 0
    hasher = AddressHasher.load(session)
    opt_out = session.scalars(select(OptOut).where(OptOut.address_hash == hasher("telegram", CHAT))).one()
    assert opt_out.address is None


def test_the_same_update_twice_is_answered_once(session: Session, settings: Settings) -> None:
    company = with_token(session)
    link = inbound(f"/start {company.token}")
    assert chat.start(session, link, settings)
    chat.text(session, inbound("Kari Nordmann"), settings)
    assert chat.start(session, link, settings) == []  # redelivered: the registration stays at question 2
    assert session.scalars(select(Conversation)).one().step == "trades"
    assert chat.show_help(session, (helped := inbound("/hjelp")), settings)
    assert chat.show_help(session, helped, settings) == []
    once = inbound("/personvern")
    assert chat.privacy(session, once, settings)
    assert chat.privacy(session, once, settings) == []
    repeated = inbound("hei")
    assert chat.text(session, repeated, settings)
    assert chat.text(session, repeated, settings) == []


def test_a_hunters_signup_answers_do_not_reach_the_company_engine(
    session: Session, settings: Settings
) -> None:
    assert "organisasjonen" in texts(chat.hunter_signup_start(session, inbound("/jeger"), settings))
    kinds = chat.text(session, inbound("JA"), settings)  # "JA" is an organisation name here, not interest
    assert "hj:type:union" in data(kinds)
    assert session.scalar(select(func.count()).select_from(Registration)) == 0
    assert "avbrutt" in texts(chat.cancel(session, inbound("/avbryt"), settings))
    stale = chat.tapped(session, inbound(button="hj:type:union"), settings)
    assert "/jeger" in texts(stale)
    assert session.scalar(select(func.count()).select_from(Hunter)) == 0


def test_unknown_commands_list_the_ones_that_exist(session: Session, settings: Settings) -> None:
    answers = chat.unknown(session, inbound("/frokost"), settings)
    assert "/leads" in texts(answers) and "/slettmeg" in texts(answers)
    assert "/jeger" in texts(chat.show_help(session, inbound("/hjelp"), settings))


def register_by_link(session: Session, settings: Settings, company: Company) -> None:
    chat.start(session, inbound(f"/start {company.token}"), settings)
    for said in ("Kari Nordmann", "rørlegger", "2", "ja", "august 2027"):
        chat.text(session, inbound(said), settings)
    assert chat.tapped(session, inbound(button="ja"), settings)  # «Send inn»


def test_old_buttons_and_a_new_link_after_registering_change_nothing(
    session: Session, settings: Settings
) -> None:
    company = with_token(session, name="Polarlys Rør AS", mobile="+4791234567")
    make_hunter(session, all_trades=True)
    register_by_link(session, settings, company)
    lead = session.scalars(select(Lead)).one()
    assert len(notifications(session)) == 1

    again = chat.tapped(session, inbound(button="ja"), settings)  # the old «Send inn» once more
    assert "allerede registrert" in texts(again)
    assert "allerede registrert" in texts(chat.start(session, inbound(f"/start {company.token}"), settings))
    stale = chat.tapped(session, inbound(button="nei"), settings)  # the old «Nei» of the adult question
    assert "tidligere melding" in texts(stale)
    for old in ("e:3", "p:2", "t:12", "s:januar 2028"):
        assert "tidligere melding" in texts(chat.tapped(session, inbound(button=old), settings)), old

    assert session.scalar(select(func.count()).select_from(Registration)) == 1
    assert session.scalar(select(func.count()).select_from(Lead)) == 1
    assert len(notifications(session)) == 1  # hunters heard of it once
    session.refresh(lead)
    assert lead.state == "new"
    intents = set(session.scalars(select(Reply.intent)))
    assert "declined" not in intents
    registration = session.scalars(select(Registration)).one()
    assert registration.places == 2 and registration.adult_apprentices is True


def test_places_start_and_trades_come_with_buttons_on_telegram(session: Session, settings: Settings) -> None:
    from bot.sms import sms_text
    from store.models import Trade

    company = with_token(session, nace_code="43.220", mobile="+4791234567")
    chat.start(session, inbound(f"/start {company.token}"), settings)
    trades = chat.text(session, inbound("Kari Nordmann"), settings)
    plumber = session.scalars(select(Trade).where(Trade.name == "Rørleggerfaget")).one()
    assert f"t:{plumber.id}" == data(trades)[0]  # the plumbing trades first for NACE 43.22
    assert "Rørleggerfaget" in [b["text"] for a in trades for row in a.buttons or [] for b in row]
    places = chat.tapped(session, inbound(button=f"t:{plumber.id}"), settings)
    assert data(places) == ["p:1", "p:2", "p:3", "p:more"]
    assert "Skriv et tall" in texts(chat.tapped(session, inbound(button="p:more"), settings))
    adult = chat.text(session, inbound("6"), settings)
    assert data(adult) == ["ja", "nei"]
    start = chat.tapped(session, inbound(button="nei"), settings)
    labels = [b["text"] for a in start for row in a.buttons or [] for b in row]
    assert len(labels) == 3 and labels[0].startswith("august 20") and labels[2] == "Vet ikke"
    assert labels[1].startswith("januar 20")
    summary = chat.tapped(session, inbound(button="s:vet ikke"), settings)
    assert "Stemmer" in texts(summary) and "e:7" in data(summary)
    registration = session.scalars(select(Registration)).one()
    assert [t.name for t in registration.trades] == ["Rørleggerfaget"]
    assert (registration.places, registration.adult_apprentices, registration.start) == (6, False, "vet ikke")
    assert registration.phone == "+4791234567"  # the register's mobile, shown as 6 in the summary

    # The same questions by SMS are the plain numbered texts, without buttons.
    from bot.registration_questions import question

    for step, head in (("trades", "2/5"), ("places", "3/5"), ("start", "5/5")):
        answer = question(step, "nb", session, registration, company)
        assert answer.buttons and sms_text(answer).startswith(head) and "t:" not in sms_text(answer)


def test_stopp_and_avbryt_work_inside_the_hunter_signup(session: Session, settings: Settings) -> None:
    chat.hunter_signup_start(session, inbound("/jeger"), settings)
    stopped = chat.text(session, inbound("STOPP"), settings)
    assert "meldt av" in texts(stopped)
    hasher = AddressHasher.load(session)
    assert session.scalar(select(OptOut.id).where(OptOut.address_hash == hasher("telegram", CHAT)))
    assert session.scalars(select(Conversation)).one().flow is None
    assert chat.text(session, inbound("Lag"), settings)  # no longer an answer in the signup
    assert session.scalar(select(func.count()).select_from(Hunter)) == 0

    other = "777009"
    chat.hunter_signup_start(session, inbound("/jeger", chat_id=other), settings)
    chat.text(session, inbound("Elektroforbundet", chat_id=other), settings)
    assert "avbrutt" in texts(chat.text(session, inbound("Avbryt!", chat_id=other), settings))
    assert session.scalar(select(func.count()).select_from(Hunter)) == 0


def test_a_chat_that_typed_the_orgnr_and_then_opens_its_link_continues_its_own_registration_verified(
    session: Session, settings: Settings
) -> None:
    company = with_token(session, name="Nordkapp Mek AS", orgnr="974760673")
    chat.start(session, inbound("/start"), settings)
    chat.text(session, inbound("974760673"), settings)
    chat.text(session, inbound("Kari Nordmann"), settings)
    registration = session.scalars(select(Registration)).one()
    assert not registration.verified
    linked = chat.start(session, inbound(f"/start {company.token}"), settings)
    assert "2/5" in texts(linked)  # where it was: Kari is kept
    session.refresh(registration)
    assert registration.verified and registration.contact_name == "Kari Nordmann"
    assert session.scalar(select(func.count()).select_from(Registration)) == 1
    conversation = session.scalars(select(Conversation).where(Conversation.address == CHAT)).one()
    assert conversation.verified_by == "link"
