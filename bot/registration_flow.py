"""The registration questions, one at a time, each answer saved as it arrives (PRODUCT §7).

    welcome -> contact -> trades -> places -> adult -> start -> summary --JA--> completed (lead)
                  ^----------------- "1".."5" at the summary ---------------'
    AVBRYT anywhere leaves the flow; what was answered stays saved, and JA later continues.

The step lives in the `conversation` row, so a restart between two answers continues where the company was.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Company, Conversation, Registration, RegistrationSource, Trade, utcnow

from .keywords import fold, words
from .texts import text

STEPS = ("contact", "trades", "places", "adult", "start")
FLOW = "registration"


@dataclass(frozen=True)
class Button:
    text: str
    data: str


@dataclass(frozen=True)
class Answer:
    text: str
    buttons: list[list[Button]] | None = None


@dataclass
class Turn:
    session: Session
    conversation: Conversation
    registration: Registration
    company: Company
    text: str

    @property
    def language(self) -> str:
        return self.conversation.language


def open_registration(
    session: Session, *, company: Company, channel: str, campaign_id: int | None
) -> Registration:
    """The company's unfinished registration, or a new one. Replying JA is the consent to store the answers."""
    registration = session.scalar(
        select(Registration)
        .where(Registration.company_id == company.id, Registration.completed_at.is_(None))
        .order_by(Registration.id.desc())
    )
    if registration is None:
        source = (
            RegistrationSource(channel)
            if channel in {s.value for s in RegistrationSource}
            else RegistrationSource.SMS
        )
        registration = Registration(
            company_id=company.id, campaign_id=campaign_id, source=source, consent=True, consent_at=utcnow()
        )
        session.add(registration)
        session.flush()
    return registration


def start(
    session: Session, *, conversation: Conversation, registration: Registration, company: Company
) -> list[Answer]:
    conversation.flow = FLOW
    conversation.data = {"registration_id": registration.id}
    first = next((s for s in STEPS if _value(registration, s) is None), "summary")
    conversation.step = first
    intro = Answer(text("welcome", conversation.language, name=company.name))
    return [intro, question(first, conversation.language, session, registration)]


def _value(registration: Registration, step: str) -> object:
    return {
        "contact": registration.contact_name,
        "trades": registration.trades or None,
        "places": registration.places,
        "adult": registration.adult_apprentices,
        "start": registration.start,
    }[step]


def yes_no(language: str) -> list[list[Button]]:
    return [[Button(text("yes", language), "ja"), Button(text("no", language), "nei")]]


def question(step: str, language: str, session: Session, registration: Registration) -> Answer:
    if step == "summary":
        return summary(language, registration)
    buttons = yes_no(language) if step == "adult" else None
    return Answer(text(f"q_{step}", language), buttons)


def summary(language: str, registration: Registration) -> Answer:
    adult = registration.adult_apprentices
    values = {
        "contact": registration.contact_name or "–",
        "trades": ", ".join(t.name for t in registration.trades) or "–",
        "places": registration.places if registration.places is not None else "–",
        "adult": "–" if adult is None else text("yes" if adult else "no", language),
        "start": registration.start or "–",
    }
    buttons = [
        [Button(text("send", language), "ja")],
        [Button(str(n), str(n)) for n in range(1, 6)],
    ]
    return Answer(text("summary", language, **values), buttons)


def answer(turn: Turn) -> tuple[list[Answer], bool]:
    """Saves the answer to the current question; returns the next answers and whether it completed."""
    step = turn.conversation.step or "summary"
    if step == "summary":
        return _at_summary(turn)
    handler = HANDLERS[step]
    error = handler(turn)
    if error:
        return [error], False
    data = dict(turn.conversation.data or {})
    if data.pop("correcting", False):
        nxt = "summary"
    else:
        rest = [s for s in STEPS[STEPS.index(step) + 1 :] if _value(turn.registration, s) is None]
        nxt = rest[0] if rest else "summary"
    turn.conversation.data = data
    turn.conversation.step = nxt
    return [question(nxt, turn.language, turn.session, turn.registration)], False


def _at_summary(turn: Turn) -> tuple[list[Answer], bool]:
    tokens = words(turn.text)
    if tokens and tokens[0] in {"ja", "yes", "send", "ok"}:
        return [], True
    number = tokens[-1] if tokens and tokens[0] in {"endre", "change"} else (tokens[0] if tokens else "")
    if number.isdigit() and 1 <= int(number) <= len(STEPS):
        step = STEPS[int(number) - 1]
        turn.conversation.step = step
        turn.conversation.data = {**(turn.conversation.data or {}), "correcting": True}
        return [question(step, turn.language, turn.session, turn.registration)], False
    return [summary(turn.language, turn.registration)], False


def _contact(turn: Turn) -> Answer | None:
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
        if piece.isdigit():
            hit = next((t for t in trades if t.id == int(piece)), None)
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
    matched, unknown, candidates = match_trades(turn.session, turn.text)
    if unknown:
        return Answer(text("bad_trades", turn.language, text=unknown[0]))
    if candidates and not matched:
        options = "\n".join(f"{t.id} {t.name}" for t in candidates)
        return Answer(
            text("ambiguous_trades", turn.language, options=options),
            [[Button(t.name, str(t.id))] for t in candidates],
        )
    if not matched:
        return Answer(text("q_trades", turn.language))
    turn.registration.trades = matched
    return None


def _places(turn: Turn) -> Answer | None:
    digits = re.findall(r"\d+", turn.text)
    if not digits or not 1 <= int(digits[0]) <= 500:
        return Answer(text("bad_places", turn.language))
    turn.registration.places = int(digits[0])
    return None


def _adult(turn: Turn) -> Answer | None:
    tokens = words(turn.text)
    if tokens and tokens[0] in {"ja", "yes", "j"}:
        turn.registration.adult_apprentices = True
    elif tokens and tokens[0] in {"nei", "no", "n"}:
        turn.registration.adult_apprentices = False
    else:
        return Answer(text("bad_yes_no", turn.language), yes_no(turn.language))
    return None


def _start(turn: Turn) -> Answer | None:
    value = " ".join(turn.text.split())[:60]
    if not value:
        return Answer(text("q_start", turn.language))
    turn.registration.start = value
    return None


HANDLERS: dict[str, Callable[[Turn], Answer | None]] = {
    "contact": _contact,
    "trades": _trades,
    "places": _places,
    "adult": _adult,
    "start": _start,
}
