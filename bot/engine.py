"""One conversation engine for SMS, Telegram and the sandbox (PRODUCT §7).

`handle_inbound` takes what someone wrote, stores it verbatim as a `Reply` (once per provider id), works out
who wrote and what they mean, moves their conversation on, and returns the answers. The SMS webhook and the
Telegram bot are thin adapters: they turn provider payloads into an `Inbound` and render the `Answer`s.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from typing import cast

from sqlalchemy import Select
from sqlalchemy import Table
from sqlalchemy import bindparam
from sqlalchemy import text
from sqlalchemy import update
from sqlalchemy.orm import Session
from stdnum.no import orgnr as orgnr_check

from bot import floods
from bot import identity
from bot import registration_flow as flow
from bot.keywords import Parsed
from bot.keywords import candidate_codes
from bot.keywords import meeting_reply
from bot.keywords import parse
from bot.registration_answers import Turn
from bot.registration_lookup import Owner
from bot.registration_lookup import continue_registration
from bot.registration_lookup import registrations_of
from bot.registration_questions import Answer
from bot.registration_questions import Button
from campaigns.meeting_texts import rsvp_text
from campaigns.meetings import RSVP_BUTTONS
from campaigns.meetings import answer_meeting
from campaigns.meetings import invitation_for_message
from catalogue import known_language
from catalogue import text as say
from companies.identifiers import normalize_short_code
from companies.language import LATEST_OUTREACH
from companies.language import chosen_language
from companies.language import with_latest_outreach
from companies.optouts import record_stop
from settings import Settings
from store.models import Company
from store.models import ContactKind
from store.models import Conversation
from store.models import Intent
from store.models import Registration
from store.models import Reply
from store.models import UTCDateTime
from store.models import utcnow
from store.secrets import AddressHasher

__all__ = ["Answer", "Button", "Inbound", "Outcome", "handle_inbound"]

_CompanyRow = tuple[Company, int | None, int | None, str | None]
CONTACT_KIND = {"sms": ContactKind.PHONE, "telegram": ContactKind.TELEGRAM}


@dataclass(frozen=True)
class Inbound:
    channel: str  # sms | telegram
    sender: str  # E.164 number or Telegram chat id
    text: str | None
    button: str | None = None  # callback data of a tapped button
    provider_id: str | None = None  # Twilio MessageSid, Telegram update id, sandbox-<uuid>
    received_at: datetime = field(default_factory=utcnow)


@dataclass
class Outcome:
    reply_id: int | None
    answers: list[Answer]
    duplicate: bool = False
    intent: Intent | None = None
    company_id: int | None = None  # the company the conversation speaks for, proved or only claimed
    completed_registration_id: int | None = None
    verified: bool = False  # the conversation proved it speaks for company_id (bot.identity)
    silenced: bool = False  # a flood or a looping auto-responder: stored, not answered (bot.floods)


def handle_inbound(session: Session, *, inbound: Inbound, settings: Settings) -> Outcome:
    """Records and answers one inbound message. The caller commits."""
    body = inbound.text if inbound.text is not None else inbound.button
    if body is not None and "\x00" in body:
        # PostgreSQL text cannot hold NUL; the replacement character keeps the length and shows the spot.
        body = body.replace("\x00", "\ufffd")
        inbound = dataclasses.replace(inbound, text=body if inbound.text is not None else None)
    # Stored as the text alone reads (no code, no conversation), which is what most messages end as: the
    # UPDATE at the end is then needed only when the engine learnt more (_ReplyRow.save).
    guess = _ReplyRow(0, intent=parse((inbound.button or inbound.text or "").strip()).intent)
    if guess.intent is not Intent.FREE_TEXT:
        guess.handled_at = utcnow()
    # Two deliveries of one provider id: the unique constraint decides, in one round trip and no savepoint.
    reply_id = session.scalar(
        REPLY_INSERT,
        {
            "channel": inbound.channel,
            "sender": inbound.sender,
            "text": body,
            "provider_id": inbound.provider_id,
            "received_at": inbound.received_at,
            "intent": guess.intent.value,
            "handled_at": guess.handled_at,
        },
    )
    if reply_id is None:
        return Outcome(reply_id=None, answers=[], duplicate=True)
    inserted = dataclasses.replace(guess, id=reply_id)
    return _Engine(session, settings, inbound, dataclasses.replace(inserted, inserted=inserted)).run()


@dataclass
class _ReplyRow:
    """What the engine learns about the new reply, written back in one UPDATE at the end (or none, when it
    learnt nothing the INSERT did not already store). Not an ORM object: loading and flushing one cost more
    than the SQL."""

    id: int
    company_id: int | None = None
    campaign_id: int | None = None
    message_id: int | None = None
    intent: Intent = Intent.FREE_TEXT
    handled_at: datetime | None = None
    inserted: _ReplyRow | None = field(default=None, compare=False, repr=False)  # as the INSERT stored it

    def save(self, session: Session) -> None:
        if self == self.inserted:
            return  # still as inserted
        session.execute(
            REPLY_UPDATE,
            {
                "reply_id": self.id,
                "new_company_id": self.company_id,
                "new_campaign_id": self.campaign_id,
                "new_message_id": self.message_id,
                "new_intent": self.intent,
                "new_handled_at": self.handled_at,
            },
        )


def _returning(table: Table) -> str:
    return "RETURNING " + ", ".join(c.name for c in table.columns)


# Written as text: SQLAlchemy cannot cache INSERT ... ON CONFLICT constructs, and compiling them on every
# webhook was a third of its time. Both SQLite and PostgreSQL speak this SQL.
REPLY_INSERT = text(
    "INSERT INTO reply (channel, sender, text, provider_id, received_at, intent, handled_at) "
    "VALUES (:channel, :sender, :text, :provider_id, :received_at, :intent, :handled_at) "
    "ON CONFLICT (channel, provider_id) DO NOTHING RETURNING id"
).bindparams(bindparam("received_at", type_=UTCDateTime()), bindparam("handled_at", type_=UTCDateTime()))
_REPLY = cast(Table, Reply.__table__)
REPLY_UPDATE = (
    update(_REPLY)
    .where(_REPLY.c.id == bindparam("reply_id"))
    .values(
        company_id=bindparam("new_company_id"),
        campaign_id=bindparam("new_campaign_id"),
        message_id=bindparam("new_message_id"),
        intent=bindparam("new_intent"),
        handled_at=bindparam("new_handled_at"),
    )
)
# Built once: constructing a statement and its cache key costs more than running it on a warm cache. Each
# reads the company with its latest outreach (companies.language), which the engine needs next for a company
# it recognises: one round trip instead of two.
CODE_COMPANIES = with_latest_outreach().where(Company.short_code.in_(bindparam("codes", expanding=True)))
COMPANY_BY_ID = with_latest_outreach().where(Company.id == bindparam("company_id"))
COMPANY_BY_ORGNR = with_latest_outreach().where(Company.orgnr == bindparam("orgnr"))
# A new address of a company (the contact's unique constraint keeps an address it has already); text, as
# REPLY_INSERT, for the same reason.
CONTACT_INSERT = text(
    "INSERT INTO contact (company_id, kind, address, address_hash, is_mobile, source, created_at) "
    "VALUES (:company_id, :kind, :address, :address_hash, :is_mobile, 'conversation', :now) "
    "ON CONFLICT (company_id, kind, address) DO NOTHING"
).bindparams(bindparam("now", type_=UTCDateTime()))


class _Engine:
    def __init__(self, session: Session, settings: Settings, inbound: Inbound, reply: _ReplyRow) -> None:
        self.session = session
        self.settings = settings
        self.inbound = inbound
        self.reply = reply
        self.text = (inbound.button or inbound.text or "").strip()
        self.conversation, self.sender_company_id = self._conversation()
        self.company: Company | None = None
        # The latest outreach (message id, campaign id, language) of each company read with it.
        self.outreach: dict[int, tuple[int | None, int | None, str | None]] = {}

    def run(self) -> Outcome:
        # The engine's own changes go out in one flush at the end (and where it flushes explicitly), not
        # before each query: none of its queries reads what it changed, and every early flush is a statement.
        with self.session.no_autoflush:
            return self._run()

    def _run(self) -> Outcome:
        gate = floods.gate(self.conversation, per_hour=self.settings.inbound_per_hour)
        # A button's data is ours, never a company's code ("s:august 2027" holds a code-shaped word).
        code, by_code = (None, None) if self.inbound.button is not None else self._code_company()
        parsed = parse(self.text, known_code=code)
        if gate.silent:
            return self._silenced(parsed, by_code)
        self.company = self._speaker(by_code)
        self._about_company()
        answers, intent = self._dispatch(parsed)
        self.reply.intent = intent
        # Only free text waits for a human; a time already stored by the INSERT stands.
        self.reply.handled_at = None if intent is Intent.FREE_TEXT else (self.reply.handled_at or utcnow())
        completed = (
            self.conversation.data.get("completed_registration_id") if self.conversation.data else None
        )
        if completed:
            self.conversation.data = {
                k: v for k, v in self.conversation.data.items() if k != "completed_registration_id"
            }
        self.reply.save(self.session)
        # No flush here: the caller's commit (or its next query) sends the ORM changes, with its own.
        return Outcome(
            reply_id=self.reply.id,
            answers=answers,
            intent=intent,
            company_id=self.company.id if self.company else None,
            completed_registration_id=completed,
            verified=self.verified_company is not None,
        )

    def _speaker(self, by_code: Company | None) -> Company | None:
        return identity.speaker(
            conversation=self.conversation,
            sender_company_id=self.sender_company_id,
            by_code=by_code,
            load=self._company_by_id,
        )

    def _silenced(self, parsed: Parsed, by_code: Company | None) -> Outcome:
        """Past the sender's cap, or the same text again and again: stored for staff (marked handled, so a
        flood does not bury the inbox), not answered, nothing done but an opt-out, which is always honoured."""
        if parsed.intent is Intent.OPT_OUT:
            self.company = self._speaker(by_code)
            self._opt_out()
        self.reply.intent = Intent.OPT_OUT if parsed.intent is Intent.OPT_OUT else Intent.FREE_TEXT
        self.reply.handled_at = self.reply.handled_at or utcnow()
        self.reply.save(self.session)
        return Outcome(reply_id=self.reply.id, answers=[], intent=self.reply.intent, silenced=True)

    def _about_company(self) -> None:
        """What the reply and the conversation learn from the company. A reply counts as the company's (for
        reminders, audiences, results) only from a conversation that proved it speaks for it."""
        if self.company is None:
            return
        written = None
        if self.verified_company is not None:
            self.reply.company_id = self.company.id
            # The language the campaign wrote to the company in (its målform, or what the campaign fixed,
            # such as English), else the company's målform.
            written = self._link_campaign()
        self.conversation.language = chosen_language(written, self.company)

    @property
    def verified_company(self) -> Company | None:
        """The company, when the conversation proved it speaks for it (a link, a code, its own address)."""
        return self.company if self.company is not None and self.conversation.verified else None

    # --- who is writing ------------------------------------------------------------------------------------

    def _conversation(self) -> tuple[Conversation, int | None]:
        """The sender's conversation, made on first contact, with this message counted against floods; and the
        company whose own address the sender is (bot.identity), read in the same statement."""
        return floods.count_inbound_from(
            self.session,
            channel=self.inbound.channel,
            address=self.inbound.sender,
            kind=CONTACT_KIND.get(self.inbound.channel),
            body=None if self.inbound.button is not None else self.inbound.text,
            now=self.inbound.received_at,
        )

    def _code_company(self) -> tuple[str | None, Company | None]:
        """The first code-shaped word of the text that is a company's short code, and that company: one
        query for all candidates, whichever of them matches first in the text wins."""
        candidates = candidate_codes(self.text)
        if not candidates:
            return None, None
        wanted = {normalize_short_code(c) for c in candidates}
        found = {c.short_code: c for c in self._companies(CODE_COMPANIES, {"codes": sorted(wanted)})}
        code = next((c for c in candidates if normalize_short_code(c) in found), None)
        return (code, found[normalize_short_code(code)]) if code is not None else (None, None)

    def _companies(self, statement: Select[_CompanyRow], params: dict[str, object]) -> list[Company]:
        """The companies `statement` finds, remembering the latest outreach read with each."""
        companies = []
        for company, message_id, campaign_id, language in self.session.execute(statement, params):
            self.outreach[company.id] = (message_id, campaign_id, language)
            companies.append(company)
        return companies

    def _company_by_id(self, company_id: int) -> Company | None:
        return next(iter(self._companies(COMPANY_BY_ID, {"company_id": company_id})), None)

    def _link_campaign(self) -> str | None:
        """The reply belongs to the latest outreach that reached this company; returns that message's language."""
        assert self.company is not None
        latest = self.outreach.get(self.company.id)
        if latest is None:  # a company not read by this engine's queries
            row = self.session.execute(LATEST_OUTREACH, {"company_id": self.company.id}).first()
            latest = (None, None, None) if row is None else tuple(row)
        message_id, campaign_id, language = latest
        if message_id is None:
            return None
        self.reply.message_id, self.reply.campaign_id = message_id, campaign_id
        return str(language)

    @property
    def language(self) -> str:
        return known_language(self.conversation.language)

    # --- what they mean ------------------------------------------------------------------------------------

    def _dispatch(self, parsed: Parsed) -> tuple[list[Answer], Intent]:
        if parsed.intent is Intent.OPT_OUT:
            return self._opt_out(), Intent.OPT_OUT
        if parsed.intent is Intent.HELP:
            return [Answer(say("help", self.language))], Intent.HELP
        if parsed.cancel and self.conversation.flow:
            self._leave_flow()
            return [Answer(say("cancelled", self.language))], Intent.ANSWER
        if self.inbound.button in RSVP_BUTTONS and not self.conversation.flow:
            # The JA/NEI buttons of a meeting invitation on Telegram; for a meeting that is over, stale.
            meeting = self._meeting_answer(parsed)
            if meeting is not None:
                return meeting, Intent.ANSWER
        if (
            self.inbound.button is not None
            and not self.conversation.flow
            and parsed.intent is not Intent.INTERESTED
        ):
            # A button of a finished or abandoned conversation ("Nei", "3", a trade): changes nothing.
            return [Answer(say("stale_button", self.language))], Intent.COMMAND
        if self.conversation.flow == "orgnr" and parsed.intent is not Intent.DECLINED:
            return self._orgnr_answer(), Intent.ANSWER
        if self.conversation.flow == flow.FLOW and self.company is not None and parsed.short_code is None:
            return self._flow_answer(), Intent.ANSWER
        meeting = self._meeting_answer(parsed)
        if meeting is not None:
            return meeting, Intent.ANSWER
        if parsed.intent is Intent.INTERESTED:
            return self._interested(), Intent.INTERESTED
        if parsed.intent is Intent.DECLINED:
            self._leave_flow()
            return [Answer(say("declined", self.language))], Intent.DECLINED
        if not self.text:
            return self._acknowledge("help"), Intent.HELP
        return self._acknowledge("free_text"), Intent.FREE_TEXT

    def _meeting_answer(self, parsed: Parsed) -> list[Answer] | None:
        """A JA or NEI whose company last got an invitation to a meeting that is still ahead is an RSVP, not
        interest in apprentices or a decline of the campaign (PRODUCT §7), and the answer says so. Only a
        conversation that proved it speaks for the company answers for it."""
        button = RSVP_BUTTONS.get(self.inbound.button or "")
        reply = (
            (button, None) if button is not None else meeting_reply(self.text, known_code=parsed.short_code)
        )
        company = self.verified_company
        if reply is None or company is None or self.conversation.flow:
            return None
        event = invitation_for_message(
            self.session, message_id=self.reply.message_id, now=self.inbound.received_at
        )
        if event is None:
            return None
        yes, people = reply
        result = answer_meeting(
            self.session,
            event_id=event.id,
            company_id=company.id,
            yes=yes,
            people=people,
            channel=self.inbound.channel,
            address=self.inbound.sender,
            language=self.language,
            settings=self.settings,
            now=self.inbound.received_at,
        )
        return [Answer(rsvp_text(result, company_name=company.name, language=self.language))]

    def _acknowledge(self, key: str) -> list[Answer]:
        """An automatic answer nobody asked for: once a day per sender, so two auto-responders cannot keep
        thanking each other."""
        if not floods.claim_daily_ack(
            self.session, conversation_id=self.conversation.id, now=self.inbound.received_at
        ):
            return []
        return [Answer(say(key, self.language))]

    def _opt_out(self) -> list[Answer]:
        """Opts out the sender's address for everyone and marks the company do-not-contact when the conversation
        proved it speaks for it (PRODUCT §3, §7: a typed orgnr or a shared address proves nothing); the
        company's other addresses are left alone, since other companies may share them. One confirmation: a
        repeated STOPP gets none."""
        kind = CONTACT_KIND.get(self.inbound.channel, ContactKind.PHONE)
        new = record_stop(
            self.session,
            hasher=AddressHasher.load(self.session),
            kind=kind,
            address=self.inbound.sender,
            source=self.inbound.channel,
            company_id=self.verified_company.id if self.verified_company else None,
        )
        self._leave_flow()
        return [Answer(say("opted_out", self.language))] if new else []

    def _interested(self) -> list[Answer]:
        if self.company is None:
            self.conversation.flow, self.conversation.step = "orgnr", "orgnr"
            return [Answer(say("ask_orgnr", self.language))]
        if self.company.closed:  # a company that said STOPP may still come back and register itself
            return [Answer(say("cannot_register", self.language, name=self.company.name))]
        verified = self.verified_company is not None
        if verified:
            self._remember_sender()
        # A verified conversation sees the company's verified registrations; an unverified one only its own.
        owner = Owner(conversation_id=self.conversation.id, verified=verified)
        done, unfinished = registrations_of(
            self.session, company=self.company, campaign_id=self.reply.campaign_id, owner=owner
        )
        if done is not None:
            self._leave_flow()
            return [Answer(say("already_registered", self.language, name=self.company.name))]
        registration = continue_registration(
            self.session,
            registration=unfinished,
            company=self.company,
            channel=self.inbound.channel,
            campaign_id=self.reply.campaign_id,
            sender=self.inbound.sender,
            owner=owner,
        )
        return flow.start(
            self.session, conversation=self.conversation, registration=registration, company=self.company
        )

    def _orgnr_answer(self) -> list[Answer]:
        digits = "".join(ch for ch in self.text if ch in "0123456789")
        if not orgnr_check.is_valid(digits):
            return [Answer(say("bad_orgnr", self.language, text=self.text[:40]))]
        company = next(iter(self._companies(COMPANY_BY_ORGNR, {"orgnr": digits})), None)
        self._leave_flow()
        if company is None:
            self.reply.intent = Intent.FREE_TEXT
            return [Answer(say("unknown_orgnr", self.language, orgnr=digits))]
        if company.id != self.conversation.company_id or not self.conversation.verified:
            # Anyone can type a public orgnr: the conversation now speaks for the company, unproved.
            identity.bind(self.conversation, company=company, verified_by=None)
            self.reply.company_id = None
        self.company = company
        self._about_company()
        return self._interested()

    def _flow_answer(self) -> list[Answer]:
        assert self.company is not None
        registration_id = (self.conversation.data or {}).get("registration_id")
        registration = self.session.get(Registration, registration_id) if registration_id else None
        if (
            registration is None
            or registration.completed_at is not None
            or registration.conversation_id != self.conversation.id  # only its own, whatever the data says
            or registration.company_id != self.company.id
        ):
            self._leave_flow()
            return self._interested()
        answers, completed = flow.answer(
            Turn(self.session, self.conversation, registration, self.company, self.text, self.inbound.button)
        )
        if not completed:
            return answers
        registration.completed_at = utcnow()
        self._leave_flow()
        self.conversation.data = {"completed_registration_id": registration.id}
        self.session.flush()
        from hunters.leads import create_lead

        self.session.autoflush = (
            True  # announcing the lead is not the engine's code: give it the usual session
        )
        try:
            create_lead(self.session, registration_id=registration.id)
        finally:
            self.session.autoflush = False
        return [Answer(say("confirmed", self.language, name=self.company.name))]

    def _leave_flow(self) -> None:
        self.conversation.flow = None
        self.conversation.step = None
        self.conversation.data = {}

    def _remember_sender(self) -> None:
        """A company that answers from a new number or chat gets that address as a contact."""
        assert self.company is not None
        kind = CONTACT_KIND.get(self.inbound.channel)
        if kind is None or self.sender_company_id == self.company.id:
            return  # the sender is already a current contact of the company: that is how it was recognised
        from companies.phones import classify_phone

        mobile = kind is ContactKind.PHONE and bool((classify_phone(self.inbound.sender) or ("", False))[1])
        # The unique constraint on (company_id, kind, address) answers "is it known already?": no SELECT first.
        self.session.execute(
            CONTACT_INSERT,
            {
                "company_id": self.company.id,
                "kind": kind.value,
                "address": self.inbound.sender,
                "address_hash": AddressHasher.load(self.session)(kind, self.inbound.sender),
                "is_mobile": mobile,
                "now": utcnow(),
            },
        )
