"""The `/jeger` signup: a hunter organisation tells us who it is, where and in which trades it works.

State lives in the `conversation` row of the chat (flow "hunter_signup"), so a restart continues where the hunter
was. Each step reads like a line of this table:

    /jeger → org_name → org_type [buttons] → orgnr [mod 11] → counties [✓ toggles, Ferdig]
           → trades [search → ✓ toggles, Alle fag, Ferdig] → contact_name → phone → Hunter(pending)

"avbryt" leaves the flow at any step, and STOPP opts the chat out there too (`bot.telegram_chat` hands it to
the engine before it could become an answer). Staff then approve or reject (`hunters.organisations`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from stdnum.no import orgnr as orgnr_check

from bot.keywords import ascii_int
from bot.keywords import parse
from catalogue import DEFAULT_LANGUAGE
from catalogue import LANGUAGES
from catalogue import known_language
from catalogue import text as say
from catalogue.labels import labels_of
from companies.phones import normalize_phone
from hunters import organisations as hunter_admin
from hunters.notify import ChatAnswer
from hunters.notify import button
from hunters.signup import SignupInput
from hunters.signup import SignupRefused
from hunters.signup import orgnr_taken
from hunters.signup import sign_up
from store.models import Conversation
from store.models import County
from store.models import Hunter
from store.models import HunterState
from store.models import Trade

FLOW = "hunter_signup"
PREFIX = "hj:"  # callback data of this flow's buttons
MAX_MATCHES = 8


@dataclass
class Turn:
    """One inbound message inside the flow."""

    session: Session
    conversation: Conversation
    text: str
    button: str | None

    @property
    def data(self) -> dict[str, Any]:
        return self.conversation.data

    @property
    def language(self) -> str:
        return known_language(self.conversation.language)

    def save(self, step: str | None, **values: Any) -> None:
        # A new dict, so SQLAlchemy sees the JSON column change.
        self.conversation.data = {**self.conversation.data, **values}
        self.conversation.step = step


def start_signup(session: Session, *, chat_id: str, app_language: str | None = None) -> list[ChatAnswer]:
    """`/jeger`: a known hunter hears where they stand; anyone else starts the questions, in the language
    their Telegram app is set to when we write it (a chat that belongs to someone keeps its language)."""
    conversation = conversation_of(session, chat_id)
    language = language_of_chat(conversation, app_language)
    conversation.language = language
    hunter = hunter_admin.hunter_by_chat(session, chat_id)
    if hunter is not None:
        session.flush()
        return [ChatAnswer(_known_hunter(hunter, language))]
    conversation.flow, conversation.step, conversation.data = FLOW, "org_name", {}
    session.flush()
    return [ChatAnswer(say("signup_welcome", language))]


def language_of_chat(conversation: Conversation | None, app_language: str | None) -> str:
    """A chat that speaks for a company or a hunter keeps the language it has (the company's written standard,
    the hunter's); a chat that is nobody's yet follows the person's Telegram app, else bokmål."""
    if conversation is not None and (
        conversation.company_id is not None or conversation.hunter_id is not None
    ):
        return known_language(conversation.language)
    if app_language:
        return language_of_app(app_language)
    return known_language(conversation.language if conversation is not None else None)


def language_of_app(code: str) -> str:
    """Telegram's IETF code of the user's app (`nn`, `nb`, `no`, `en-GB`) as one of our languages: nynorsk and
    English as they are, everything else bokmål, the campaign's default."""
    base = code.lower().split("-")[0]
    return base if base in ("nn", "en") else DEFAULT_LANGUAGE


def in_signup(session: Session, *, chat_id: str) -> bool:
    conversation = session.scalar(
        select(Conversation).where(Conversation.channel == "telegram", Conversation.address == chat_id)
    )
    return conversation is not None and conversation.flow == FLOW


def handle_signup(
    session: Session, *, chat_id: str, text: str | None, button: str | None
) -> list[ChatAnswer]:
    """Takes the next answer of a chat that is in the signup flow (check `in_signup` first)."""
    conversation = conversation_of(session, chat_id)
    turn = Turn(session, conversation, (text or "").strip(), button)
    if button is None and parse(turn.text).cancel:
        leave_signup(conversation)
        return [ChatAnswer(say("signup_cancelled", turn.language))]
    step = STEPS.get(conversation.step or "", _org_name)
    answers = step(turn)
    session.flush()
    return answers


def leave_signup(conversation: Conversation) -> None:
    conversation.flow = conversation.step = None
    conversation.data = {}


def conversation_of(session: Session, chat_id: str) -> Conversation:
    """The chat's conversation row, created on first use (updates of one chat are processed one at a time)."""
    conversation = session.scalar(
        select(Conversation).where(Conversation.channel == "telegram", Conversation.address == chat_id)
    )
    if conversation is None:
        conversation = Conversation(channel="telegram", address=chat_id, data={})
        session.add(conversation)
    return conversation


def _known_hunter(hunter: Hunter, language: str) -> str:
    if hunter.state == HunterState.APPROVED:
        return say("hunter_known_approved", language, name=hunter.org_name)
    if hunter.state == HunterState.PENDING:
        return say("hunter_known_pending", language, name=hunter.org_name)
    return say("hunter_known_rejected", language, name=hunter.org_name)


# --- the steps, in order ----------------------------------------------------------------------------------


def _org_name(turn: Turn) -> list[ChatAnswer]:
    if not 2 <= len(turn.text) <= 200:
        return [ChatAnswer(say("signup_org_name", turn.language))]
    turn.save("org_type", org_name=turn.text)
    return [_type_question(turn.language)]


def _type_question(language: str) -> ChatAnswer:
    labels = list(labels_of("hunter_type", language).items())
    rows = [
        [button(label, f"{PREFIX}type:{value}") for value, label in labels[i : i + 2]]
        for i in range(0, len(labels), 2)
    ]
    return ChatAnswer(say("signup_org_type", language), rows)


def _org_type(turn: Turn) -> list[ChatAnswer]:
    chosen = None
    if turn.button and turn.button.startswith(f"{PREFIX}type:"):
        chosen = turn.button.removeprefix(f"{PREFIX}type:")
    else:
        # A typed name counts in any of our languages: the keyboard may be an older one.
        by_label = {
            name.lower(): value
            for language in LANGUAGES
            for value, name in labels_of("hunter_type", language).items()
        }
        chosen = by_label.get(turn.text.lower())
    if chosen not in hunter_admin.TYPE_LABELS:
        return [_type_question(turn.language)]
    turn.save("orgnr", type=chosen)
    return [ChatAnswer(say("signup_orgnr", turn.language))]


def _orgnr(turn: Turn) -> list[ChatAnswer]:
    number = re.sub(r"[\s.]", "", turn.text)
    if orgnr_taken(turn.session, number):
        return [ChatAnswer(say("org_error_orgnr_taken", turn.language))]
    if not orgnr_check.is_valid(number):
        return [ChatAnswer(say("signup_orgnr_invalid", turn.language, typed=turn.text[:30]))]
    turn.save("counties", orgnr=number, counties=[])
    return [_county_keyboard(turn, [], edit=False)]


def _county_keyboard(turn: Turn, chosen: list[str], *, edit: bool) -> ChatAnswer:
    session = turn.session
    counties = session.scalars(select(County).order_by(County.number)).all()
    cells = [
        button(f"{'✓ ' if c.number in chosen else ''}{c.name.split(' - ')[0]}", f"{PREFIX}cty:{c.number}")
        for c in counties
    ]
    rows = [cells[i : i + 3] for i in range(0, len(cells), 3)]
    rows.append([button(say("signup_done_button", turn.language), f"{PREFIX}cty:done")])
    return ChatAnswer(say("signup_counties", turn.language), rows, edit=edit)


def _counties(turn: Turn) -> list[ChatAnswer]:
    chosen: list[str] = list(turn.data.get("counties", []))
    if turn.button and not turn.button.startswith(f"{PREFIX}cty:"):  # a button of an earlier question
        return [_county_keyboard(turn, chosen, edit=False)]
    value = turn.button.removeprefix(f"{PREFIX}cty:") if turn.button else _typed_button(turn.text)
    if value == "done":
        if not chosen:
            return [ChatAnswer(say("signup_pick_county", turn.language))]
        turn.save("trades")
        return [_trade_prompt(turn.language)]
    known = dict(turn.session.execute(select(County.number, County.name)).tuples().all())
    if value in known:
        chosen = [c for c in chosen if c != value] if value in chosen else [*chosen, value]
        turn.save("counties", counties=sorted(chosen))
        return [_county_keyboard(turn, sorted(chosen), edit=True)]
    # Typed answers ("55, 56" or "Troms og Finnmark") pick counties too.
    words = [w for w in re.split(r"[\s,;]+|\bog\b", turn.text.lower()) if w]
    picked = {
        n for n, name in known.items() if n in words or any(w in name.lower() for w in words if len(w) > 2)
    }
    turn.save("counties", counties=sorted(set(chosen) | picked))
    return [_county_keyboard(turn, sorted(set(chosen) | picked), edit=False)]


def _typed_button(typed: str) -> str | None:
    """«Ferdig» and «Alle fag» typed instead of tapped (a chat without buttons, `jeger sandbox reply`), in any
    of our languages."""
    words = {}
    for language in LANGUAGES:
        words[say("signup_done_button", language).lower()] = "done"
        words[say("signup_all_trades_button", language).lower()] = "all"
    return words.get(typed.strip().lower())


def _trade_prompt(language: str) -> ChatAnswer:
    return ChatAnswer(
        say("signup_trades", language),
        [[button(say("signup_all_trades_button", language), f"{PREFIX}trd:all")]],
    )


def _trade_keyboard(turn: Turn, *, edit: bool) -> ChatAnswer:
    chosen = set(turn.data.get("trades", []))
    matches = [turn.session.get_one(Trade, t) for t in turn.data.get("matches", [])]
    rows = [[button(f"{'✓ ' if t.id in chosen else ''}{t.name}", f"{PREFIX}trd:{t.id}")] for t in matches]
    rows.append(
        [
            button(say("signup_all_trades_button", turn.language), f"{PREFIX}trd:all"),
            button(say("signup_done_button", turn.language), f"{PREFIX}trd:done"),
        ]
    )
    names = ", ".join(turn.session.get_one(Trade, t).name for t in sorted(chosen))
    return ChatAnswer(
        say("signup_chosen", turn.language, names=names or say("signup_none_yet", turn.language)),
        rows,
        edit=edit,
    )


def _trades(turn: Turn) -> list[ChatAnswer]:
    chosen: list[int] = list(turn.data.get("trades", []))
    if turn.button and not turn.button.startswith(f"{PREFIX}trd:"):
        return [_trade_prompt(turn.language)]
    value = turn.button.removeprefix(f"{PREFIX}trd:") if turn.button else _typed_button(turn.text)
    if value == "all":
        turn.save("contact_name", all_trades=True, trades=[])
        return [ChatAnswer(say("signup_all_chosen", turn.language))]
    if value == "done":
        if not chosen:
            return [ChatAnswer(say("signup_pick_trade", turn.language))]
        turn.save("contact_name", all_trades=False)
        return [ChatAnswer(say("signup_contact_name", turn.language))]
    trade_id = ascii_int(value or "")
    if trade_id is not None and turn.session.get(Trade, trade_id) is not None:
        chosen = [t for t in chosen if t != trade_id] if trade_id in chosen else [*chosen, trade_id]
        turn.save("trades", trades=chosen)
        return [_trade_keyboard(turn, edit=True)]
    if turn.button:  # a stale or forged button
        return [_trade_prompt(turn.language)]
    matches = search_trades(turn.session, turn.text)
    if not matches:
        return [ChatAnswer(say("signup_no_trade", turn.language, typed=turn.text[:40]))]
    turn.save("trades", matches=[t.id for t in matches])
    return [_trade_keyboard(turn, edit=False)]


def search_trades(session: Session, query: str) -> list[Trade]:
    """Trades whose number or name matches; the start of a word ranks first."""
    query = query.strip().lower()
    if not query:
        return []
    number = ascii_int(query)
    if number is not None:
        trade = session.get(Trade, number)
        return [trade] if trade else []
    trades = session.scalars(select(Trade).order_by(Trade.name)).all()
    hits = [t for t in trades if query in t.name.lower() or query in t.programme.lower()]
    hits.sort(key=lambda t: (not t.name.lower().startswith(query), query not in t.name.lower(), t.name))
    return hits[:MAX_MATCHES]


def _contact_name(turn: Turn) -> list[ChatAnswer]:
    if not 2 <= len(turn.text) <= 200:
        return [ChatAnswer(say("signup_contact_name_invalid", turn.language))]
    turn.save("phone", contact_name=turn.text)
    return [ChatAnswer(say("signup_phone", turn.language))]


def _phone(turn: Turn) -> list[ChatAnswer]:
    phone = normalize_phone(turn.text)
    if phone is None:
        return [ChatAnswer(say("signup_phone_invalid", turn.language, typed=turn.text[:30]))]
    try:
        hunter = _create_hunter(turn, phone)
    except SignupRefused as refused:  # the orgnr was taken meanwhile, or the number is another member's
        return [ChatAnswer(" ".join(say(key, turn.language) for key in refused.problems.values()))]
    return [ChatAnswer(say("signup_done", turn.language, name=hunter.org_name))]


def _create_hunter(turn: Turn, phone: str) -> Hunter:
    """The same sign-up as the web form's (`hunters.signup`): a pending organisation and its first member,
    who is this chat."""
    data = turn.data
    form = SignupInput(
        org_name=data["org_name"],
        type=data["type"],
        orgnr=data["orgnr"],
        counties=list(data["counties"]),
        trades=list(data.get("trades", [])),
        all_trades=bool(data.get("all_trades")),
        member_name=data["contact_name"],
        phone=phone,
        telegram_chat_id=turn.conversation.address,
    )
    hunter = sign_up(turn.session, form=form, source="telegram", require_email=False)
    turn.conversation.flow = turn.conversation.step = None
    turn.conversation.data = {}
    turn.conversation.hunter_id = hunter.id
    return hunter


STEPS: dict[str, Callable[[Turn], list[ChatAnswer]]] = {
    "org_name": _org_name,
    "org_type": _org_type,
    "orgnr": _orgnr,
    "counties": _counties,
    "trades": _trades,
    "contact_name": _contact_name,
    "phone": _phone,
}
