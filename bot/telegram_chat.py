"""What the bot does with each Telegram command, button and message (sync; no PTB here).

Every action takes a session, the inbound message and the settings, and returns the answers to send. Company
conversations (replies, STOPP, interest registration, the orgnr question) belong to the channel-independent engine
(`bot.engine`); hunters (`/jeger`, `/leads`, lead buttons) and privacy commands are handled here and recorded as
replies with intent `command` or `answer`. Telegram's update id is the provider id, so an update delivered twice
is processed once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot import floods
from bot import hunter_chat
from bot import hunter_signup
from bot import identity
from bot.engine import Inbound
from bot.engine import handle_inbound
from bot.hunter_signup import conversation_of
from bot.keywords import parse
from catalogue import text as say
from companies.identifiers import company_by_token
from companies.privacy import erase_address
from hunters.notify import ChatAnswer
from hunters.notify import button
from settings import Settings
from store.db import savepoint
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import Conversation
from store.models import Intent
from store.models import Reply
from store.models import utcnow
from store.secrets import AddressHasher

TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")
CHANNEL = "telegram"


@dataclass(frozen=True)
class TelegramInbound:
    chat_id: str
    update_id: int
    text: str | None  # a message's text, commands included
    button: str | None  # a tapped inline button's callback data
    args: list[str]  # a command's arguments (`/start <token>`)
    received_at: datetime
    app_language: str | None = None  # the language the person's Telegram app is set to (an IETF code)

    def __post_init__(self) -> None:
        # PostgreSQL text cannot hold NUL: the replacement character keeps the length and shows the spot.
        for name in ("text", "button"):
            value = getattr(self, name)
            if value is not None and "\x00" in value:
                object.__setattr__(self, name, value.replace("\x00", "\ufffd"))


def record_inbound(session: Session, inbound: TelegramInbound, *, intent: Intent, settings: Settings) -> bool:
    """Stores what the person sent (handled: no staff action needed) and counts it against floods (bot.floods);
    False when it is not to be answered: this update was seen before, or the chat is flooding or looping."""
    reply = Reply(
        channel=CHANNEL,
        sender=inbound.chat_id,
        text=inbound.text if inbound.text is not None else inbound.button,
        provider_id=str(inbound.update_id),
        received_at=inbound.received_at,
        intent=intent,
        handled_at=utcnow(),
    )
    try:
        with savepoint(session):
            session.add(reply)
    except IntegrityError:
        return False
    conversation = floods.count_inbound(
        session,
        channel=CHANNEL,
        address=inbound.chat_id,
        body=inbound.text if inbound.button is None else None,
        now=inbound.received_at,
    )
    return not floods.gate(conversation, per_hour=settings.inbound_per_hour).silent


def engine(
    session: Session, inbound: TelegramInbound, settings: Settings, *, meaning: str | None = None
) -> list[ChatAnswer]:
    """Hands a company's message to the shared conversation engine; `meaning` acts as a tapped button."""
    outcome = handle_inbound(
        session,
        inbound=Inbound(
            channel=CHANNEL,
            sender=inbound.chat_id,
            text=inbound.text,
            button=meaning or inbound.button,
            provider_id=str(inbound.update_id),
            received_at=inbound.received_at,
        ),
        settings=settings,
    )
    if outcome.duplicate:
        return []
    return [
        ChatAnswer(
            answer.text,
            [[button(b.text, b.data) for b in row] for row in answer.buttons] if answer.buttons else None,
            share_contact=answer.share_contact,
        )
        for answer in outcome.answers
    ]


# --- commands ---------------------------------------------------------------------------------------------


def start(session: Session, inbound: TelegramInbound, settings: Settings) -> list[ChatAnswer]:
    """`/start <token>` from a personal link knows the company; `/start` alone asks for the orgnr."""
    if not inbound.args:
        return _ask_orgnr(session, inbound, settings)
    company = _company_by_token(session, inbound.args[0])
    if company is None or company.closed:  # one that said STOPP may still register itself
        if not record_inbound(session, inbound, intent=Intent.COMMAND, settings=settings):
            return []
        if company is None:
            return [ChatAnswer(say("tg_unknown_link", _language(session, inbound)))]
        return [ChatAnswer(say("tg_closed_company", _language(session, inbound), name=company.name))]
    if _seen(session, inbound):  # a redelivered update must not reset a registration under way
        return []
    link_chat(session, company=company, chat_id=inbound.chat_id)
    # The link is the company saying JA, and its proof: the engine records "/start <token>" verbatim as
    # interest and asks the registration questions, continuing this chat's unfinished registration.
    conversation = conversation_of(session, inbound.chat_id)
    identity.bind(conversation, company=company, verified_by=identity.LINK)
    conversation.flow = conversation.step = None
    conversation.data = {}
    session.flush()
    return engine(session, inbound, settings, meaning="ja")


def _seen(session: Session, inbound: TelegramInbound) -> bool:
    provider_id = str(inbound.update_id)
    found = session.scalar(select(Reply.id).where(Reply.channel == CHANNEL, Reply.provider_id == provider_id))
    return found is not None


def _ask_orgnr(session: Session, inbound: TelegramInbound, settings: Settings) -> list[ChatAnswer]:
    """Opening the bot without a link: the engine's orgnr question takes the next message."""
    if not record_inbound(session, inbound, intent=Intent.COMMAND, settings=settings):
        return []
    conversation = conversation_of(session, inbound.chat_id)
    conversation.flow, conversation.step, conversation.data = "orgnr", "orgnr", {}
    session.flush()
    return [ChatAnswer(say("tg_welcome", _language(session, inbound)))]


def _company_by_token(session: Session, token: str) -> Company | None:
    if not TOKEN.fullmatch(token):
        return None
    return company_by_token(session, token)


def link_chat(session: Session, *, company: Company, chat_id: str) -> Contact:
    """Keeps the chat as one of the company's addresses, so later messages may reach it on Telegram."""
    contact = session.scalar(
        select(Contact).where(
            Contact.company_id == company.id, Contact.kind == ContactKind.TELEGRAM, Contact.address == chat_id
        )
    )
    if contact is None:
        hasher = AddressHasher.load(session)
        contact = Contact(
            company_id=company.id,
            kind=ContactKind.TELEGRAM,
            address=chat_id,
            address_hash=hasher(ContactKind.TELEGRAM, chat_id),
            source="telegram",
        )
        session.add(contact)
        session.flush()
    return contact


def hunter_signup_start(session: Session, inbound: TelegramInbound, settings: Settings) -> list[ChatAnswer]:
    if not record_inbound(session, inbound, intent=Intent.COMMAND, settings=settings):
        return []
    return hunter_signup.start_signup(session, chat_id=inbound.chat_id, app_language=inbound.app_language)


def hunter_leads(session: Session, inbound: TelegramInbound, settings: Settings) -> list[ChatAnswer]:
    if not record_inbound(session, inbound, intent=Intent.COMMAND, settings=settings):
        return []
    return hunter_chat.leads_overview(session, chat_id=inbound.chat_id)


def hunter_note(session: Session, inbound: TelegramInbound, settings: Settings) -> list[ChatAnswer]:
    """`/notat ID tekst`: a note on a lead the hunter's organisation holds (as on the portal)."""
    if not record_inbound(session, inbound, intent=Intent.COMMAND, settings=settings):
        return []
    return hunter_chat.note_command(session, chat_id=inbound.chat_id, command_text=inbound.text or "")


def stop(session: Session, inbound: TelegramInbound, settings: Settings) -> list[ChatAnswer]:
    """`/stopp`: the engine's opt-out, the same as STOPP by SMS."""
    return engine(session, inbound, settings)


def show_help(session: Session, inbound: TelegramInbound, settings: Settings) -> list[ChatAnswer]:
    answers = engine(session, inbound, settings)
    return [*answers, ChatAnswer(say("tg_commands", _language(session, inbound)))] if answers else []


def _language(session: Session, inbound: TelegramInbound) -> str:
    """The chat's language (`hunter_signup.language_of_chat`)."""
    conversation = session.scalar(
        select(Conversation).where(Conversation.channel == CHANNEL, Conversation.address == inbound.chat_id)
    )
    return hunter_signup.language_of_chat(conversation, inbound.app_language)


def privacy(session: Session, inbound: TelegramInbound, settings: Settings) -> list[ChatAnswer]:
    if not record_inbound(session, inbound, intent=Intent.COMMAND, settings=settings):
        return []
    return [ChatAnswer(say("tg_privacy", _language(session, inbound), months=settings.retention_months))]


def erase_request(session: Session, inbound: TelegramInbound, settings: Settings) -> list[ChatAnswer]:
    """`/slettmeg` asks once more: an erase cannot be undone."""
    if not record_inbound(session, inbound, intent=Intent.COMMAND, settings=settings):
        return []
    language = _language(session, inbound)
    buttons = [
        [
            button(say("tg_erase_yes", language), "privacy:erase"),
            button(say("tg_erase_no", language), "privacy:keep"),
        ]
    ]
    return [ChatAnswer(say("tg_erase_confirm", language), buttons)]


def erase(session: Session, inbound: TelegramInbound, settings: Settings) -> list[ChatAnswer]:
    language = _language(session, inbound)  # read before the erase takes the conversation away
    erase_address(session, kind=ContactKind.TELEGRAM, address=inbound.chat_id, source="telegram")
    # Nothing about this chat is stored from here on, not even this answer.
    return [ChatAnswer(say("tg_erased", language), record=False)]


def cancel(session: Session, inbound: TelegramInbound, settings: Settings) -> list[ChatAnswer]:
    if hunter_signup.in_signup(session, chat_id=inbound.chat_id):
        return _signup_answer(session, inbound, settings)
    return engine(session, inbound, settings)


def unknown(session: Session, inbound: TelegramInbound, settings: Settings) -> list[ChatAnswer]:
    if not record_inbound(session, inbound, intent=Intent.COMMAND, settings=settings):
        return []
    language = _language(session, inbound)
    return [ChatAnswer(f"{say('tg_unknown_command', language)}\n\n{say('tg_commands', language)}")]


def shared_contact(session: Session, inbound: TelegramInbound, settings: Settings) -> list[ChatAnswer]:
    """The person tapped "share my phone number": the number is their answer, as if typed (the handler passes
    it as the text only when the contact is the sender's own)."""
    if inbound.text is None:
        return not_text(session, inbound, settings)
    return text(session, inbound, settings)


def not_text(session: Session, inbound: TelegramInbound, settings: Settings) -> list[ChatAnswer]:
    """Photos, stickers, voice: nothing the engine can read, but the person should not hear nothing (once a
    day: it is an automatic answer)."""
    if not record_inbound(session, inbound, intent=Intent.FREE_TEXT, settings=settings):
        return []
    conversation = conversation_of(session, inbound.chat_id)
    session.flush()
    if not floods.claim_daily_ack(session, conversation_id=conversation.id, now=inbound.received_at):
        return []
    return [ChatAnswer(say("tg_not_text", _language(session, inbound)))]


# --- buttons and free text --------------------------------------------------------------------------------


def tapped(session: Session, inbound: TelegramInbound, settings: Settings) -> list[ChatAnswer]:
    data = inbound.button or ""
    if data.startswith(hunter_chat.PREFIX):
        if not record_inbound(session, inbound, intent=Intent.COMMAND, settings=settings):
            return []
        return hunter_chat.lead_button(session, chat_id=inbound.chat_id, data=data)
    if data.startswith(hunter_signup.PREFIX):
        if hunter_signup.in_signup(session, chat_id=inbound.chat_id):
            return _signup_answer(session, inbound, settings)
        if not record_inbound(session, inbound, intent=Intent.COMMAND, settings=settings):
            return []
        return [ChatAnswer(say("signup_closed", _language(session, inbound)))]
    if data == "privacy:erase":
        return erase(session, inbound, settings)
    if data == "privacy:keep":
        if not record_inbound(session, inbound, intent=Intent.COMMAND, settings=settings):
            return []
        return [ChatAnswer(say("tg_kept", _language(session, inbound)), edit=True)]
    return engine(session, inbound, settings)


def text(session: Session, inbound: TelegramInbound, settings: Settings) -> list[ChatAnswer]:
    if hunter_signup.in_signup(session, chat_id=inbound.chat_id):
        return _signup_answer(session, inbound, settings)
    return engine(session, inbound, settings)


def _signup_answer(session: Session, inbound: TelegramInbound, settings: Settings) -> list[ChatAnswer]:
    if inbound.button is None and parse(inbound.text or "").intent is Intent.OPT_OUT:
        # STOPP is never an organisation name: the signup ends and the engine opts the chat out.
        hunter_signup.leave_signup(conversation_of(session, inbound.chat_id))
        session.flush()
        return engine(session, inbound, settings)
    if not record_inbound(session, inbound, intent=Intent.ANSWER, settings=settings):
        return []
    return hunter_signup.handle_signup(
        session, chat_id=inbound.chat_id, text=inbound.text, button=inbound.button
    )


Action = Callable[[Session, TelegramInbound, Settings], list[ChatAnswer]]

# The commands the bot understands and the action of each: the PTB wiring (`bot.telegram_app`) and the sandbox
# chat (`typed`) read this one table, so `/jeger` typed in the sandbox does what it does on Telegram.
COMMANDS: dict[str, Action] = {
    "start": start,  # /start <token> from a personal link, or /start alone: asks for the orgnr
    "jeger": hunter_signup_start,
    "leads": hunter_leads,
    "notat": hunter_note,
    "stopp": stop,
    "stop": stop,
    "hjelp": show_help,
    "help": show_help,
    "personvern": privacy,
    "slettmeg": erase_request,
    "avbryt": cancel,
}


def typed(session: Session, inbound: TelegramInbound, settings: Settings) -> list[ChatAnswer]:
    """A message as a person types it without PTB in between (the sandbox): `/command args` goes to the command's
    action, as Telegram's CommandHandler would send it; anything else is text."""
    words = (inbound.text or "").split()
    if words and words[0].startswith("/") and len(words[0]) > 1:
        name = words[0][1:].split("@", 1)[0].lower()
        action = COMMANDS.get(name, unknown)
        return action(session, replace(inbound, args=words[1:]), settings)
    return text(session, inbound, settings)
