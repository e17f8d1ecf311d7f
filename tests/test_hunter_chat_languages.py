"""The hunter chat (sign-up, `/leads`, the lead buttons and the notices) reads in the hunter's language:
nynorsk or English when their Telegram app says so at sign-up, bokmål otherwise."""

from __future__ import annotations

import itertools
import re

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import telegram_chat as chat
from bot.hunter_chat import lead_button
from bot.hunter_chat import leads_overview
from bot.hunter_signup import handle_signup
from bot.hunter_signup import language_of_app
from bot.hunter_signup import start_signup
from bot.telegram_chat import TelegramInbound
from hunters.leads import create_lead
from hunters.notify import ChatAnswer
from hunters.organisations import approve_hunter
from settings import Settings
from store.models import Conversation
from store.models import Hunter
from store.models import HunterState
from store.models import Message
from store.models import utcnow
from tests.lead_factories import make_company
from tests.lead_factories import make_hunter
from tests.lead_factories import make_registration

BOKMAL = re.compile(r"\b(ikke|jeg|hva|hvilke|hvem|dere|fylkene|fagene|navn|velg|begynne)\b", re.I)
_updates = itertools.count(91000)
NYNORSK = re.compile(r"\b(ikkje|eg|kva|kven|dykk|fylka|faga|namn|vel|byrje|frå)\b", re.I)


def sign_up(session: Session, chat_id: str, app_language: str) -> list[str]:
    """Every text of a whole sign-up, answered by buttons and typing."""
    said = [start_signup(session, chat_id=chat_id, app_language=app_language)[0].text]

    def answer(text: str | None = None, button: str | None = None) -> ChatAnswer:
        [reply] = handle_signup(session, chat_id=chat_id, text=text, button=button)
        said.append(reply.text)
        return reply

    answer("Elektroforbundet Troms")
    answer(button="hj:type:union")
    answer("974760674")  # a wrong check digit
    answer("974 760 673")
    answer(button="hj:cty:done")  # none chosen yet
    answer(button="hj:cty:55")
    answer(button="hj:cty:done")
    answer("elektriker")
    answer(button="hj:trd:done")  # none chosen yet
    answer(button="hj:trd:all")
    answer("Kari Nordmann")
    answer("not a number")
    answer("912 34 567")
    return said


def test_the_app_language_picks_nynorsk_english_or_bokmal() -> None:
    assert [language_of_app(c) for c in ("nn", "en-GB", "en", "nb", "no", "de", "")] == [
        "nn",
        "en",
        "en",
        "nb",
        "nb",
        "nb",
        "nb",
    ]


def test_a_nynorsk_hunter_signs_up_in_nynorsk(session: Session) -> None:
    said = sign_up(session, "7101", "nn")
    assert "Kva heiter organisasjonen din?" in said[0]
    assert "Kva slags organisasjon er det?" in said[1]
    assert "ikkje eit gyldig organisasjonsnummer" in said[3]
    assert said[5] == "Vel minst eitt fylke."
    assert "Kven er kontaktperson hos dykk" in said[-4]
    assert said[-1].startswith(
        "Takk! Elektroforbundet Troms er registrert og ventar på godkjenning frå kampanjen."
    )
    assert [s for s in said if BOKMAL.search(s)] == []


def test_an_english_hunter_signs_up_in_english(session: Session) -> None:
    said = sign_up(session, "7102", "en-GB")
    assert "What is your organisation called?" in said[0]
    assert "What kind of organisation is it?" in said[1] and "is not a valid organisation number" in said[3]
    assert said[5] == "Choose at least one county." and "Who is your contact person" in said[-4]
    assert "does not look like a phone number" in said[-2]
    assert said[-1].startswith("Thank you! Elektroforbundet Troms is registered")
    assert [s for s in said if BOKMAL.search(s) or NYNORSK.search(s)] == []
    hunter = session.scalars(select(Hunter).where(Hunter.telegram_chat_id == "7102")).one()
    assert hunter.state is HunterState.PENDING


@pytest.mark.parametrize(
    ("app", "approved", "claimed", "recorded", "mine"),
    [
        (
            "nn",
            "Du er godkjend som læreplassjeger",
            "Leaden er din. Ta kontakt med bedrifta",
            "Registrert: kontakta",
            "Din lead (kontakta)",
        ),
        (
            "en",
            "You are approved as an apprenticeship hunter",
            "The lead is yours. Contact the company",
            "Recorded: contacted",
            "Your lead (contacted)",
        ),
    ],
)
def test_an_approved_hunter_works_leads_in_their_language(
    session: Session, app: str, approved: str, claimed: str, recorded: str, mine: str
) -> None:
    chat = f"72{app}"
    start_signup(session, chat_id=chat, app_language=app)  # the chat's language, as at a real sign-up
    hunter = make_hunter(session, chat_id=chat, state=HunterState.PENDING, all_trades=True)
    lead = create_lead(session, registration_id=make_registration(session, company=make_company(session)).id)
    approve_hunter(session, hunter_id=hunter.id)
    notices = session.scalars(select(Message).where(Message.address == chat).order_by(Message.id)).all()
    assert approved in (notices[-1].body or "") and notices[-1].language == app

    [open_lead] = leads_overview(session, chat_id=chat)
    assert open_lead.buttons and open_lead.buttons[0][0]["text"] == (
        "Ta leaden" if app == "nn" else "Take the lead"
    )
    [taken] = lead_button(session, chat_id=chat, data=f"lead:claim:{lead.id}")
    assert taken.text.startswith(claimed)
    [done] = lead_button(session, chat_id=chat, data=f"lead:out:{lead.id}:contacted")
    assert recorded in done.text
    [listed] = leads_overview(session, chat_id=chat)
    assert listed.text.startswith(mine)
    texts = [open_lead.text, taken.text, done.text, listed.text]
    wrong = BOKMAL if app == "nn" else re.compile(f"{BOKMAL.pattern}|{NYNORSK.pattern}", re.I)
    assert [t for t in texts if wrong.search(t)] == []


def _telegram(text: str, *, chat_id: str, app: str | None) -> TelegramInbound:
    args = text.split()[1:] if text.startswith("/") else []
    return TelegramInbound(
        chat_id=chat_id, update_id=next(_updates), text=text, button=None, args=args, received_at=utcnow(),
        app_language=app,
    )  # fmt: skip


def test_through_telegram_a_new_chat_follows_the_app_and_a_company_chat_its_company(
    session: Session, settings: Settings
) -> None:
    [welcome] = chat.hunter_signup_start(session, _telegram("/jeger", chat_id="7301", app="nn"), settings)
    assert "Kva heiter organisasjonen din?" in welcome.text
    [hello] = chat.start(session, _telegram("/start", chat_id="7302", app="en-US"), settings)
    assert hello.text.startswith("Welcome to Læreplassjeger! Would your company like to take on apprentices?")
    [unknown] = chat.unknown(session, _telegram("/hva", chat_id="7302", app="en-US"), settings)
    assert unknown.text.startswith("I do not know that command.") and "Commands:" in unknown.text
    [privacy] = chat.privacy(session, _telegram("/personvern", chat_id="7303", app="nn"), settings)
    assert "Dette lagrar vi når du bruker Læreplassjeger-boten" in privacy.text and not BOKMAL.search(
        privacy.text
    )
    company = make_company(session, language="nn")
    conversation = Conversation(
        channel="telegram", address="7304", data={}, company_id=company.id, language="nn"
    )
    session.add(conversation)
    session.flush()
    [nynorsk] = chat.privacy(session, _telegram("/personvern", chat_id="7304", app="en"), settings)
    assert "Dette lagrar vi" in nynorsk.text  # the company's written standard, not the app's English
