"""Reading each answer to a registration question into the registration (PRODUCT §7). A question's handler
stores what it understood, or returns what to say instead and changes nothing: the question again when a button
of another question was tapped, or what it could not read, so a bad answer never overwrites a good one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.keywords import ascii_int
from bot.keywords import fold
from bot.keywords import words
from bot.registration_questions import Answer
from bot.registration_questions import Button
from bot.registration_questions import question
from bot.registration_questions import yes_no
from catalogue import text
from companies.emails import normalize_email
from companies.phones import normalize_phone
from store.models import Company
from store.models import Conversation
from store.models import Registration
from store.models import Trade

NONE_WORDS = {"ingen", "nei", "no", "none", "ikke"}


@dataclass
class Turn:
    session: Session
    conversation: Conversation
    registration: Registration
    company: Company
    text: str
    button: str | None = None  # callback data when a button was tapped (then `text` holds it too)

    @property
    def language(self) -> str:
        return self.conversation.language

    def tapped(self, prefix: str) -> str | None:
        """The value of a tapped button of this question (`prefix` + value), else None."""
        if self.button is not None and self.button.startswith(prefix):
            return self.button.removeprefix(prefix)
        return None


def _stale(turn: Turn, step: str) -> Answer:
    """A button of another question was tapped: ask this one again, change nothing."""
    return question(step, turn.language, turn.session, turn.registration, turn.company)


def _contact(turn: Turn) -> Answer | None:
    if turn.button is not None:
        return _stale(turn, "contact")
    name = " ".join(turn.text.split())[:200]
    if not name:
        return Answer(text("q_contact", turn.language))
    turn.registration.contact_name = name
    return None


def match_trades(session: Session, raw: str) -> tuple[list[Trade], list[str], list[Trade]]:
    """(matched trades, pieces that matched nothing, candidates when a piece matched several)."""
    trades = session.scalars(select(Trade).order_by(Trade.id)).all()
    folded = [(trade, fold(trade.name)) for trade in trades]
    matched: list[Trade] = []
    unknown: list[str] = []
    candidates: list[Trade] = []
    for piece in re.split(r"[,;/\n]|\bog\b|\band\b", raw):
        piece = piece.strip(" .")
        if not piece:
            continue
        number = ascii_int(piece)
        if number is not None:
            hit = next((t for t in trades if t.id == number), None)
            (matched.append(hit) if hit else unknown.append(piece))
            continue
        key = fold(piece).replace(" ", "")
        stem = key.removesuffix("faget").removesuffix("fag").removesuffix("er").removesuffix("ar")
        exact = [t for t, name in folded if name.replace(" ", "") in (key, key + "faget")]
        hits = (
            exact or [t for t, name in folded if name.replace(" ", "").startswith(stem)]
            if len(stem) >= 3
            else exact
        )
        if not hits and len(stem) >= 4:
            hits = [t for t, name in folded if stem in name.replace(" ", "")]
        if len(hits) == 1:
            matched.append(hits[0])
        elif hits:
            candidates.extend(hits[:8])
        else:
            unknown.append(piece)
    return list(dict.fromkeys(matched)), unknown, candidates


def _trades(turn: Turn) -> Answer | None:
    if turn.button is not None:
        trade_id = ascii_int(turn.tapped("t:") or "")
        trade = turn.session.get(Trade, trade_id) if trade_id is not None else None
        if trade is None:
            return _stale(turn, "trades")
        turn.registration.trades = list(dict.fromkeys([*turn.registration.trades, trade]))
        return None
    matched, unknown, candidates = match_trades(turn.session, turn.text)
    if unknown:
        return Answer(text("bad_trades", turn.language, text=unknown[0][:40]))
    if candidates and not matched:
        options = "\n".join(f"{t.id} {t.name}" for t in candidates)
        return Answer(
            text("ambiguous_trades", turn.language, options=options),
            [[Button(t.name, f"t:{t.id}")] for t in candidates],
        )
    if not matched:
        return Answer(text("q_trades", turn.language))
    turn.registration.trades = matched
    return None


def _count(turn: Turn, step: str, prefix: str) -> int | Answer:
    """A number of places, typed or from this question's buttons; else what to say instead."""
    if turn.button is not None:
        value = turn.tapped(prefix)
        if value == "more":
            return Answer(text(f"q_{step}_more", turn.language))
        places = ascii_int(value or "")
        if places is None:
            return _stale(turn, step)
    else:
        digits = re.findall(r"[0-9]+", turn.text)
        places = int(digits[0]) if digits and len(digits[0]) <= 4 else None
    if places is None or not 1 <= places <= 500:
        return Answer(text("bad_places", turn.language))
    return places


V = TypeVar("V")  # what a question's answer reads as (a count, yes or no)


def _answered(
    read: Callable[[Turn], V | Answer], store: Callable[[Registration, V], None]
) -> Callable[[Turn], Answer | None]:
    """The handler of a question: `read` turns the message into a value or what to say instead, and `store`
    puts the value into the registration."""

    def handle(turn: Turn) -> Answer | None:
        value = read(turn)
        if isinstance(value, Answer):
            return value
        store(turn.registration, value)
        return None

    return handle


def _store_places(registration: Registration, places: int) -> None:
    registration.places = places


def _store_adult_places(registration: Registration, places: int) -> None:
    """Places for adult apprentices: they are the registration's places, all of them for adults."""
    registration.adult_places = registration.places = places
    registration.adult_apprentices = True


_places = _answered(lambda turn: _count(turn, "places", "p:"), _store_places)
_adult_places = _answered(lambda turn: _count(turn, "adult_places", "a:"), _store_adult_places)


def _yes_or_no(turn: Turn, step: str) -> bool | Answer:
    if turn.button is not None and turn.button not in ("ja", "nei"):
        return _stale(turn, step)
    tokens = words(turn.text)
    if tokens and tokens[0] in {"ja", "yes", "j"}:
        return True
    if tokens and tokens[0] in {"nei", "no", "n"}:
        return False
    return Answer(text("bad_yes_no", turn.language), yes_no(turn.language))


def _store_adult(registration: Registration, adult: bool) -> None:
    registration.adult_apprentices = adult


def _store_trial(registration: Registration, trial: bool) -> None:
    registration.trial_first = trial


_adult = _answered(lambda turn: _yes_or_no(turn, "adult"), _store_adult)
_trial = _answered(lambda turn: _yes_or_no(turn, "trial"), _store_trial)


def _start(turn: Turn) -> Answer | None:
    if turn.button is not None:
        value = turn.tapped("s:")
        if not value:
            return _stale(turn, "start")
    else:
        value = turn.text
    value = " ".join(value.split())[:60]
    if not value:
        return Answer(text("q_start", turn.language))
    turn.registration.start = value
    return None


def _phone(turn: Turn) -> Answer | None:
    if turn.button is not None:
        return _stale(turn, "phone")
    raw = " ".join(turn.text.split())
    if "@" in raw:
        return _take_email(turn, raw)
    phone = normalize_phone(raw) if raw else None
    if phone is None:
        return Answer(
            text("bad_phone", turn.language, text=raw[:40]), share_contact=text("share_phone", turn.language)
        )
    turn.registration.phone = phone
    return None


def _email(turn: Turn) -> Answer | None:
    if turn.button is not None:
        return _stale(turn, "email")
    raw = " ".join(turn.text.split())
    if raw.lower() in NONE_WORDS or raw in {"-", "–"}:
        turn.registration.email = None
        return None
    return _take_email(turn, raw)


def _take_email(turn: Turn, raw: str) -> Answer | None:
    """The one e-mail check of the flow: the phone question takes an address as well as the e-mail question."""
    email = normalize_email(raw)
    if email is None:
        return Answer(text("bad_email", turn.language, text=raw[:40]))
    turn.registration.email = email
    return None


HANDLERS: dict[str, Callable[[Turn], Answer | None]] = {
    "contact": _contact,
    "trades": _trades,
    "places": _places,
    "adult": _adult,
    "adult_places": _adult_places,
    "trial": _trial,
    "start": _start,
    "phone": _phone,
    "email": _email,
}
