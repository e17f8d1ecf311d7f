"""The registration questions and the summary as the company reads them (PRODUCT §7): the same text on SMS and
Telegram, where the questions also carry buttons. A button's data names its question ("p:2", "s:august 2027",
"t:30", "e:3"), so the answer to a button of an earlier message can be told apart (bot.registration_answers).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.trade_suggestions import suggested_trades
from campaigns.definition_model import definition_of
from catalogue import text
from store.models import Campaign
from store.models import Company
from store.models import Registration
from store.models import utcnow
from store.times import OSLO

STEPS = ("contact", "trades", "places", "adult", "start")  # asked in this order, "1/5".."5/5"
# An adult campaign's registration (PRODUCT §11): places for adult apprentices, and a trial period first.
ADULT_STEPS = ("contact", "trades", "adult_places", "trial", "start")
FIELDS = (*STEPS, "phone", "email")  # what the summary shows, numbered 1..7 for corrections


@dataclass(frozen=True)
class Button:
    text: str
    data: str


@dataclass(frozen=True)
class Answer:
    text: str
    buttons: list[list[Button]] | None = None
    # Telegram only: a "share my phone number" button under the text field (SMS shows the text alone).
    share_contact: str | None = None


def is_adult(session: Session, registration: Registration) -> bool:
    """Whether the registration answers an adult (`voksen`) campaign, whose questions differ."""
    if registration.campaign_id is None:
        return False
    campaign = session.get(Campaign, registration.campaign_id)
    return campaign is not None and definition_of(campaign).kind == "voksen"


def questions(adult: bool) -> tuple[str, ...]:
    return ADULT_STEPS if adult else STEPS


def fields(adult: bool) -> tuple[str, ...]:
    """What the summary shows, numbered 1..7 for corrections."""
    return (*questions(adult), "phone", "email")


def yes_no(language: str) -> list[list[Button]]:
    return [[Button(text("yes", language), "ja"), Button(text("no", language), "nei")]]


def start_choices(language: str, now: datetime | None = None) -> list[tuple[str, str]]:
    """(label, stored value) for the next August and January, and "don't know"."""
    local = (now or utcnow()).astimezone(OSLO)
    august = local.year if local.month < 8 else local.year + 1
    january = local.year + 1
    values = [
        f"{text('month_august', language)} {august}",
        f"{text('month_january', language)} {january}",
    ]
    return [(v, v) for v in values] + [(text("dont_know", language), text("dont_know", language).lower())]


def question(
    step: str, language: str, session: Session, registration: Registration, company: Company | None = None
) -> Answer:
    adult = is_adult(session, registration)
    if step == "summary":
        return summary(language, registration, adult=adult)
    buttons: list[list[Button]] | None = None
    if step in ("adult", "trial"):
        buttons = yes_no(language)
    elif step in ("places", "adult_places"):
        key = "p" if step == "places" else "a"
        buttons = [[Button(str(n), f"{key}:{n}") for n in (1, 2, 3)] + [Button("4+", f"{key}:more")]]
    elif step == "start":
        buttons = [[Button(label, f"s:{value}")] for label, value in start_choices(language)]
    elif step == "trades" and company is not None:
        buttons = [
            [Button(t.name, f"t:{t.id}")] for t in suggested_trades(session, company.nace_code)
        ] or None
    share = text("share_phone", language) if step == "phone" else None
    key = "q_adult_start" if adult and step == "start" else f"q_{step}"
    return Answer(text(key, language), buttons, share)


def _yes_no_text(value: bool | None, language: str) -> str:
    return "–" if value is None else text("yes" if value else "no", language)


def summary(language: str, registration: Registration, *, adult: bool = False) -> Answer:
    places = registration.adult_places if adult else registration.places
    values = {
        "contact": registration.contact_name or "–",
        "trades": ", ".join(t.name for t in registration.trades) or "–",
        "places": places if places is not None else "–",
        "adult": _yes_no_text(registration.adult_apprentices, language),
        "trial": _yes_no_text(registration.trial_first, language),
        "start": registration.start or "–",
        "phone": registration.phone or "–",
        "email": registration.email or "–",
    }
    buttons = [
        [Button(text("send", language), "ja")],
        [Button(str(n), f"e:{n}") for n in range(1, 5)],
        [Button(str(n), f"e:{n}") for n in range(5, len(FIELDS) + 1)],
    ]
    return Answer(text("summary_adult" if adult else "summary", language, **values), buttons)
