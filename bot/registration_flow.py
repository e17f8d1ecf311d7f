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
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from sqlalchemy import ColumnElement, Select, and_, bindparam, or_, select
from sqlalchemy.orm import Session

from bot.keywords import ascii_int, fold, words
from bot.trade_suggestions import suggested_trades
from campaigns.definition_model import definition_of
from catalogue import text
from companies.emails import normalize_email
from companies.phones import normalize_phone
from store.models import (
    Campaign,
    Company,
    Conversation,
    Lead,
    LeadState,
    Registration,
    RegistrationSource,
    Trade,
    utcnow,
)
from store.times import OSLO

STEPS = ("contact", "trades", "places", "adult", "start")  # asked in this order, "1/5".."5/5"
# An adult campaign's registration (PRODUCT §11): places for adult apprentices, and a trial period first.
ADULT_STEPS = ("contact", "trades", "adult_places", "trial", "start")
FIELDS = (*STEPS, "phone", "email")  # what the summary shows, numbered 1..7 for corrections
FLOW = "registration"
OPEN_LEAD_STATES = (LeadState.NEW, LeadState.CLAIMED, LeadState.CONTACTED)
NONE_WORDS = {"ingen", "nei", "no", "none", "ikke"}


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


@dataclass(frozen=True)
class Owner:
    """Who asks about a company's registrations (PRODUCT §12). A verified asker (a conversation that proved
    the company, or the personal web link) sees the company's verified registrations; an unverified one
    (a typed orgnr) only those its own conversation started."""

    conversation_id: int | None
    verified: bool

    def visible(self) -> ColumnElement[bool]:
        if self.verified:
            return Registration.verified.is_(True)
        return Registration.conversation_id == self.conversation_id


WEB = Owner(conversation_id=None, verified=True)  # the personal link proves the company


def _counts(*, same_campaign: bool) -> ColumnElement[bool]:
    """A completed registration still counts while its lead is open, or in the campaign it was made in."""
    open_lead = Lead.state.in_(OPEN_LEAD_STATES)
    if not same_campaign:
        return open_lead
    return or_(
        open_lead,
        and_(Registration.campaign_id.is_not(None), Registration.campaign_id == bindparam("campaign_id")),
    )


def _active_registration_query(*, same_campaign: bool) -> Select[tuple[Registration]]:
    counts = _counts(same_campaign=same_campaign)
    return (
        select(Registration)
        .outerjoin(Lead, Lead.registration_id == Registration.id)
        .where(
            Registration.company_id == bindparam("company_id"), Registration.completed_at.is_not(None), counts
        )
        .order_by(Registration.id.desc())
        .limit(1)
    )


# Built once: every JA asks both, and building a statement costs more than running it on a warm cache.
ACTIVE_REGISTRATION = _active_registration_query(same_campaign=False)
ACTIVE_REGISTRATION_IN_CAMPAIGN = _active_registration_query(same_campaign=True)
UNFINISHED_REGISTRATION = (
    select(Registration)
    .where(Registration.company_id == bindparam("company_id"), Registration.completed_at.is_(None))
    .order_by(Registration.id.desc())
)


def _registrations_query(*, same_campaign: bool, verified: bool) -> Select[tuple[Registration]]:
    """The company's completed registrations that still count, as far as the asker may see them (Owner.visible,
    with the conversation as a parameter), and the asker's conversation's unfinished ones, newest first."""
    visible = (
        Registration.verified.is_(True)
        if verified
        else Registration.conversation_id == bindparam("conversation_id")
    )
    return (
        select(Registration)
        .outerjoin(Lead, Lead.registration_id == Registration.id)
        .where(
            Registration.company_id == bindparam("company_id"),
            or_(
                and_(Registration.completed_at.is_not(None), _counts(same_campaign=same_campaign), visible),
                and_(
                    Registration.completed_at.is_(None),
                    Registration.conversation_id == bindparam("conversation_id"),
                ),
            ),
        )
        .order_by(Registration.id.desc())
    )


# By (same campaign, verified asker); built once, as the queries above.
REGISTRATIONS_OF = {
    (same_campaign, verified): _registrations_query(same_campaign=same_campaign, verified=verified)
    for same_campaign in (False, True)
    for verified in (False, True)
}


def registrations_of(
    session: Session, *, company: Company, campaign_id: int | None, owner: Owner
) -> tuple[Registration | None, Registration | None]:
    """(`active_registration`, the unfinished registration `open_registration` would continue) for a
    conversation's JA, in one query instead of two: every JA of a known company asks both."""
    assert owner.conversation_id is not None, "the web form asks active_registration and open_registration"
    params: dict[str, object] = {"company_id": company.id, "conversation_id": owner.conversation_id}
    if campaign_id is not None:
        params["campaign_id"] = campaign_id
    statement = REGISTRATIONS_OF[(campaign_id is not None, owner.verified)]
    rows = session.scalars(statement, params).all()
    active = next((r for r in rows if r.completed_at is not None), None)
    unfinished = next((r for r in rows if r.completed_at is None), None)
    return active, unfinished


def active_registration(
    session: Session, *, company: Company, campaign_id: int | None, owner: Owner
) -> Registration | None:
    """The company's completed registration that still counts, as far as `owner` may see it: its lead is
    open, or it was made in this same campaign. A new JA, an old "Send inn" button or a repeated web form
    must not make a second lead."""
    if campaign_id is None:
        return session.scalar(ACTIVE_REGISTRATION.where(owner.visible()), {"company_id": company.id})
    return session.scalar(
        ACTIVE_REGISTRATION_IN_CAMPAIGN.where(owner.visible()),
        {"company_id": company.id, "campaign_id": campaign_id},
    )


def open_registration(
    session: Session,
    *,
    company: Company,
    channel: str,
    campaign_id: int | None,
    owner: Owner,
    sender: str | None = None,
) -> Registration:
    """The asker's unfinished registration, or a new one. Replying JA is the consent to store the answers.

    A registration belongs to the conversation that started it: a second sender for the same company starts
    its own (staff can merge them); the web form, verified by its link, continues a verified one."""
    if owner.conversation_id is not None:
        registration = session.scalar(
            UNFINISHED_REGISTRATION.where(Registration.conversation_id == owner.conversation_id),
            {"company_id": company.id},
        )
    else:
        registration = session.scalar(
            UNFINISHED_REGISTRATION.where(owner.visible()), {"company_id": company.id}
        )
    return continue_registration(
        session,
        registration=registration,
        company=company,
        channel=channel,
        campaign_id=campaign_id,
        owner=owner,
        sender=sender,
    )


def continue_registration(
    session: Session,
    *,
    registration: Registration | None,
    company: Company,
    channel: str,
    campaign_id: int | None,
    owner: Owner,
    sender: str | None = None,
) -> Registration:
    """`registration` (the asker's unfinished one, as `open_registration` finds it), or a new one when None."""
    if registration is None:
        source = (
            RegistrationSource(channel)
            if channel in {s.value for s in RegistrationSource}
            else RegistrationSource.SMS
        )
        registration = Registration(
            company_id=company.id,
            campaign_id=campaign_id,
            source=source,
            consent=True,
            consent_at=utcnow(),
            trades=[],  # known to be none: asking for the first question then needs no query
            conversation_id=owner.conversation_id,
            verified=owner.verified,
        )
        session.add(registration)
    elif owner.verified and not registration.verified:
        # The conversation has since proved the company (a deep link after a typed orgnr): what it said was
        # the company's all along.
        registration.verified = True
    fill_contact_defaults(registration, company=company, channel=channel, sender=sender)
    # Only the registration, for its id: the caller's other changes go out with its own flush.
    session.flush([registration])
    return registration


def fill_contact_defaults(
    registration: Registration, *, company: Company, channel: str, sender: str | None
) -> None:
    """How the hunter can reach the company, until the company says otherwise: the number that wrote to us
    by SMS, else the register's mobile or phone; the register's e-mail. An unverified registration gets
    only the sender's own number: it is shown what it told us, nothing the register or others did."""
    if not registration.verified:
        if registration.phone is None and channel == "sms":
            registration.phone = sender
        return
    if registration.phone is None:
        registration.phone = (sender if channel == "sms" else None) or company.mobile or company.phone
    if registration.email is None and company.email:
        registration.email = company.email


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
