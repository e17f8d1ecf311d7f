"""The registration questions, one at a time, each answer saved as it arrives (PRODUCT §7).

    welcome -> contact -> trades -> places -> adult -> start [-> phone] -> summary --JA--> completed (lead)
                  ^--------------------- "1".."7" at the summary ---------------------'
    adult (`kind = "voksen"`) campaigns ask, in place of places and adult:
                       trades -> adult_places -> trial -> start
    AVBRYT anywhere leaves the flow; what was answered stays saved, and JA later continues.

Phone and e-mail default to the SMS sender and the register's numbers and address; they are shown in the
summary (6, 7) so the company can correct them, and asked only when nothing is known (on Telegram with a
"share my phone number" button, which only shares the sender's own number). On SMS the questions are
numbered texts; on Telegram the same questions carry buttons. A button's data names its question ("p:2",
"s:august 2027", "t:30", "e:3"), so a button of an earlier message changes nothing.

The step lives in the `conversation` row, so a restart between two answers continues where the company was.
Beside this state table: what each question says (bot.registration_questions), how each answer is read
(bot.registration_answers), and which registration a JA continues (bot.registration_lookup).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from bot.keywords import ascii_int
from bot.keywords import words
from bot.registration_answers import HANDLERS
from bot.registration_answers import Turn
from bot.registration_questions import FIELDS
from bot.registration_questions import Answer
from bot.registration_questions import fields
from bot.registration_questions import is_adult
from bot.registration_questions import question
from bot.registration_questions import questions
from bot.registration_questions import summary
from catalogue import text
from store.models import Company
from store.models import Conversation
from store.models import Registration

FLOW = "registration"


def start(
    session: Session, *, conversation: Conversation, registration: Registration, company: Company
) -> list[Answer]:
    conversation.flow = FLOW
    conversation.data = {"registration_id": registration.id}
    first = _next_step(registration, after=None, adult=is_adult(session, registration))
    conversation.step = first
    intro = Answer(text("welcome", conversation.language, name=company.name))
    return [intro, question(first, conversation.language, session, registration, company)]


_VALUES: dict[str, Callable[[Registration], object]] = {
    "contact": lambda r: r.contact_name,
    "trades": lambda r: r.trades or None,
    "places": lambda r: r.places,
    "adult": lambda r: r.adult_apprentices,
    "adult_places": lambda r: r.adult_places,
    "trial": lambda r: r.trial_first,
    "start": lambda r: r.start,
    "phone": lambda r: r.phone or r.email,  # either lets the hunter reach them
    "email": lambda r: r.email or "",  # never asked on its own, only corrected
}


def _value(registration: Registration, step: str) -> object:
    # Only the asked step's field is read: the trades are a query of their own.
    return _VALUES[step](registration)


def _next_step(registration: Registration, *, after: str | None, adult: bool) -> str:
    asked = (*questions(adult), "phone")
    rest = asked[asked.index(after) + 1 :] if after in asked else asked
    return next((s for s in rest if _value(registration, s) is None), "summary")


def answer(turn: Turn) -> tuple[list[Answer], bool]:
    """Saves the answer to the current question; returns the next answers and whether it completed."""
    step = turn.conversation.step or "summary"
    if step == "summary":
        return _at_summary(turn)
    handler = HANDLERS.get(step)
    adult = is_adult(turn.session, turn.registration)
    if handler is None:  # a step this version does not know (an older conversation row): show the summary
        turn.conversation.step = "summary"
        return [summary(turn.language, turn.registration, adult=adult)], False
    error = handler(turn)
    if error:
        return [error], False
    data = dict(turn.conversation.data or {})
    nxt = (
        "summary" if data.pop("correcting", False) else _next_step(turn.registration, after=step, adult=adult)
    )
    turn.conversation.data = data
    turn.conversation.step = nxt
    return [question(nxt, turn.language, turn.session, turn.registration, turn.company)], False


def _at_summary(turn: Turn) -> tuple[list[Answer], bool]:
    if turn.button is not None:
        if turn.button == "ja":
            return [], True
        number = ascii_int(turn.tapped("e:") or "")
    else:
        tokens = words(turn.text)
        if tokens and tokens[0] in {"ja", "yes", "send", "ok"}:
            return [], True
        word = tokens[-1] if tokens and tokens[0] in {"endre", "change"} else (tokens[0] if tokens else "")
        number = ascii_int(word)
    adult = is_adult(turn.session, turn.registration)
    if number is not None and 1 <= number <= len(FIELDS):
        step = fields(adult)[number - 1]
        turn.conversation.step = step
        turn.conversation.data = {**(turn.conversation.data or {}), "correcting": True}
        return [question(step, turn.language, turn.session, turn.registration, turn.company)], False
    return [summary(turn.language, turn.registration, adult=adult)], False
