"""Who is speaking (PRODUCT §7, §12), replayed through the real inbound paths: Telegram's webhook (a real bot
against the fake Bot API), Twilio's signed SMS webhook, and the sandbox CLI.

The attack: orgnrs are public. Before, a Telegram chat or a phone that typed one acted as the company: its
STOPP opted out every address of the company, it was shown (and could finish and change) the registration
someone else had started, and its number became a contact of the company.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.engine import Inbound
from bot.engine import handle_inbound
from campaigns.audience import count as audience_count
from campaigns.definition_model import parse_stored
from companies.identifiers import ensure_identifiers
from companies.optout_records import is_opted_out
from hunters.leads import card_for
from settings import Settings
from store.db import Database
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import Conversation
from store.models import Lead
from store.models import Registration
from store.models import Reply
from store.models import utcnow
from store.secrets import AddressHasher
from tests.conftest import RunCli
from tests.lead_factories import add_contact
from tests.lead_factories import make_hunter
from tests.lead_factories import notifications
from tests.security.chat_channels import Sms
from tests.security.chat_channels import Telegram
from tests.security.chat_channels import sms_fixture  # noqa: F401
from tests.security.chat_channels import telegram_fixture  # noqa: F401

ORGNR = "974760673"
OTHER_ORGNR = "923609016"
MOBILE = "+4791234567"  # the company's own mobile, in the register
EMAIL = "post@fjordbygg.no"
SHARED = "+4793000000"  # the accountant's number, listed by two companies
STRANGER_PHONE = "+4740000001"
STRANGER_CHAT = 880001
OWNER_CHAT = 880002


@dataclass(frozen=True)
class Seeded:
    company_id: int
    other_id: int
    token: str
    code: str
    other_code: str


def seed(db: Database, settings: Settings, *, owner_started: bool = True) -> Seeded:
    """Fjord Bygg AS with its mobile and e-mail, Strand Regnskap AS; both list the accountant's number. The
    company itself has started a registration from its own mobile: the contact person is Kari Nordmann."""
    with db.transaction() as session:
        company = Company(orgnr=ORGNR, name="Fjord Bygg AS", county_number="55", email=EMAIL, mobile=MOBILE)
        other = Company(orgnr=OTHER_ORGNR, name="Strand Regnskap AS", county_number="55")
        session.add_all([company, other])
        session.flush()
        add_contact(session, company, ContactKind.PHONE, MOBILE)
        add_contact(session, company, ContactKind.EMAIL, EMAIL)
        add_contact(session, company, ContactKind.PHONE, SHARED)
        add_contact(session, other, ContactKind.PHONE, SHARED)
        add_contact(session, other, ContactKind.EMAIL, "post@strand.no")
        ensure_identifiers(session, company_ids=[company.id, other.id])
        session.flush()
        session.refresh(company)
        session.refresh(other)
        make_hunter(session, all_trades=True, chat_id="990001")
        seeded = Seeded(
            company.id, other.id, company.token or "", company.short_code or "", other.short_code or ""
        )
    if owner_started:
        for text in ("JA", "Kari Nordmann"):
            with db.transaction() as session:
                handle_inbound(
                    session,
                    inbound=Inbound(channel="sms", sender=MOBILE, text=text, provider_id=f"own-{text}"),
                    settings=settings,
                )
    return seeded


def company_addresses_opted_out(session: Session) -> list[str]:
    hasher = AddressHasher.load(session)
    contacts = session.scalars(select(Contact).where(Contact.company_id.is_not(None))).all()
    return [
        c.address for c in contacts if is_opted_out(session, hasher=hasher, kind=c.kind, address=c.address)
    ]


def conversation(session: Session, channel: str, address: str) -> Conversation:
    return session.scalars(
        select(Conversation).where(Conversation.channel == channel, Conversation.address == address)
    ).one()


def assert_company_untouched(session: Session, company_id: int) -> None:
    company = session.get_one(Company, company_id)
    # Marked by the opt-out rules (PRODUCT §3) only when the company itself says STOPP.
    assert company.do_not_contact_at is None
    assert company_addresses_opted_out(session) == []


# --- Telegram ------------------------------------------------------------------------------------------------


def test_a_telegram_chat_that_typed_an_orgnr_cannot_stop_the_company(
    telegram: Telegram, db: Database, settings: Settings
) -> None:
    seeded = seed(db, settings)
    telegram.send(STRANGER_CHAT, "/start", expect=1)
    welcome = telegram.send(STRANGER_CHAT, ORGNR, expect=2)
    assert "Fjord Bygg AS" in welcome[0] and welcome[1].startswith("1/5")
    [stopped] = telegram.send(STRANGER_CHAT, "STOPP", expect=1)
    assert "meldt av" in stopped
    with db.session() as session:
        assert_company_untouched(session, seeded.company_id)
        hasher = AddressHasher.load(session)
        assert is_opted_out(session, hasher=hasher, kind=ContactKind.TELEGRAM, address=str(STRANGER_CHAT))
        replies = session.scalars(select(Reply).where(Reply.sender == str(STRANGER_CHAT))).all()
        assert replies and all(r.company_id is None for r in replies)  # never counted as the company's
        assert not conversation(session, "telegram", str(STRANGER_CHAT)).verified
        assert session.scalar(select(Contact.id).where(Contact.address == str(STRANGER_CHAT))) is None


def test_a_telegram_chat_that_typed_an_orgnr_reads_nothing_and_registers_on_its_own(
    telegram: Telegram, db: Database, settings: Settings
) -> None:
    seeded = seed(db, settings)
    telegram.send(STRANGER_CHAT, "/start", expect=1)
    said = telegram.send(STRANGER_CHAT, ORGNR, expect=2)
    said += telegram.send(STRANGER_CHAT, "Ola Fremmed", expect=1)
    said += telegram.send(STRANGER_CHAT, "tømrer", expect=1)
    said += telegram.send(STRANGER_CHAT, "1", expect=1)
    said += telegram.send(STRANGER_CHAT, "nei", expect=1)
    said += telegram.send(STRANGER_CHAT, "snarest", expect=1)
    assert "telefonnummer" in said[-1]  # nothing prefilled: not the register's, not Kari's
    summary = telegram.send(STRANGER_CHAT, "900 11 223", expect=1)[0]
    said.append(summary)
    assert "Ola Fremmed" in summary and "7 E-post: –" in summary
    for text in said:
        assert "Kari" not in text and MOBILE not in text and "91234567" not in text and EMAIL not in text
        assert "allerede" not in text
    done = telegram.send(STRANGER_CHAT, "JA", expect=1)[0]
    assert "Fjord Bygg AS er registrert" in done

    with db.session() as session:
        own, strangers = session.scalars(select(Registration).order_by(Registration.id)).all()
        assert (own.contact_name, own.phone, own.completed_at) == ("Kari Nordmann", MOBILE, None)
        assert own.verified and own.conversation_id == conversation(session, "sms", MOBILE).id
        assert not strangers.verified
        assert strangers.conversation_id == conversation(session, "telegram", str(STRANGER_CHAT)).id
        assert (strangers.contact_name, strangers.phone, strangers.email) == (
            "Ola Fremmed",
            "+4790011223",
            None,
        )
        lead = session.scalars(select(Lead)).one()
        assert lead.registration_id == strangers.id
        assert "Ikke bekreftet" in card_for(session, lead, "nb")
        [notice] = notifications(session, lead_id=lead.id)
        assert "Ikke bekreftet" in (notice.body or "")
        assert_company_untouched(session, seeded.company_id)

    # The company goes on with its own registration where it was (the trades), untouched by the stranger's.
    with db.transaction() as session:
        out = handle_inbound(
            session,
            inbound=Inbound(channel="sms", sender=MOBILE, text="elektriker", provider_id="own-again"),
            settings=settings,
        )
        assert out.verified and out.answers[0].text.startswith("3/5")
    with db.session() as session:
        own = session.get_one(Registration, own.id)
        assert [t.name for t in own.trades] == ["Elektrikerfaget"]


def test_a_deep_link_verifies_the_chat(telegram: Telegram, db: Database, settings: Settings) -> None:
    seeded = seed(db, settings, owner_started=False)
    welcome = telegram.send(OWNER_CHAT, f"/start {seeded.token}", expect=2)
    assert "Fjord Bygg AS" in welcome[0]
    telegram.send(OWNER_CHAT, "Kari Nordmann", expect=1)
    with db.session() as session:
        chat = conversation(session, "telegram", str(OWNER_CHAT))
        assert chat.verified and chat.verified_by == "link" and chat.company_id == seeded.company_id
        registration = session.scalars(select(Registration)).one()
        assert registration.verified and registration.conversation_id == chat.id
        # Its register e-mail is filled in for the company itself.
        assert registration.email == EMAIL
        replies = session.scalars(select(Reply).where(Reply.sender == str(OWNER_CHAT))).all()
        assert {r.company_id for r in replies} == {seeded.company_id}


# --- SMS -----------------------------------------------------------------------------------------------------


def test_a_phone_that_typed_an_orgnr_cannot_stop_the_company(
    sms: Sms, db: Database, settings: Settings
) -> None:
    seeded = seed(db, settings)
    assert "organisasjonsnummer" in sms.send(STRANGER_PHONE, "JA")[0]
    welcome = sms.send(STRANGER_PHONE, ORGNR)
    assert "Fjord Bygg AS" in welcome[0] and "Kari" not in "".join(welcome)
    assert "meldt av" in sms.send(STRANGER_PHONE, "STOPP")[0]
    with db.session() as session:
        assert_company_untouched(session, seeded.company_id)
        hasher = AddressHasher.load(session)
        assert is_opted_out(session, hasher=hasher, kind=ContactKind.PHONE, address=STRANGER_PHONE)
        assert session.scalar(select(Contact.id).where(Contact.address == STRANGER_PHONE)) is None
        registrations = session.scalars(select(Registration).order_by(Registration.id)).all()
        assert [r.contact_name for r in registrations] == ["Kari Nordmann", None]
        assert not registrations[1].verified


def test_a_short_code_verifies_any_phone(sms: Sms, db: Database, settings: Settings) -> None:
    seeded = seed(db, settings, owner_started=False)
    answers = sms.send(STRANGER_PHONE, f"JA {seeded.code.lower()}")
    assert "Fjord Bygg AS" in answers[0] and answers[1].startswith("1/5")
    with db.session() as session:
        phone = conversation(session, "sms", STRANGER_PHONE)
        assert phone.verified and phone.verified_by == "code" and phone.company_id == seeded.company_id
        assert session.scalars(select(Registration)).one().verified
        assert session.scalars(select(Reply)).one().company_id == seeded.company_id


def test_the_companys_own_number_verifies_it(sms: Sms, db: Database, settings: Settings) -> None:
    seeded = seed(db, settings, owner_started=False)
    answers = sms.send(MOBILE, "JA")
    assert "Fjord Bygg AS" in answers[0]
    with db.session() as session:
        phone = conversation(session, "sms", MOBILE)
        assert phone.verified and phone.verified_by == "sender" and phone.company_id == seeded.company_id
        assert session.scalars(select(Registration)).one().verified


def test_a_shared_number_proves_nothing_without_a_code(sms: Sms, db: Database, settings: Settings) -> None:
    seeded = seed(db, settings, owner_started=False)
    assert "organisasjonsnummer" in sms.send(SHARED, "JA")[0]  # which of the two? it must say
    assert "meldt av" in sms.send(SHARED, "STOPP")[0]
    with db.session() as session:
        hasher = AddressHasher.load(session)
        # Only the address that wrote; not the e-mails of either company that lists it.
        assert sorted(set(company_addresses_opted_out(session))) == [SHARED]
        assert session.get_one(Company, seeded.company_id).do_not_contact_at is None
        assert session.get_one(Company, seeded.other_id).do_not_contact_at is None
        assert not is_opted_out(session, hasher=hasher, kind=ContactKind.EMAIL, address=EMAIL)
        assert session.scalars(select(Reply.company_id)).all() == [None, None]
    # With the code from its letter the accountant's phone speaks for the one company.
    answers = sms.send(SHARED, f"ja {seeded.other_code}")
    assert "Strand Regnskap AS" in answers[0]
    with db.session() as session:
        phone = conversation(session, "sms", SHARED)
        assert phone.verified_by == "code" and phone.company_id == seeded.other_id


def test_a_replaced_contact_proves_nothing(sms: Sms, db: Database, settings: Settings) -> None:
    seed(db, settings, owner_started=False)
    with db.transaction() as session:
        contact = session.scalars(select(Contact).where(Contact.address == MOBILE)).one()
        contact.replaced_at = utcnow()  # a later register import gave the company another number
    assert "organisasjonsnummer" in sms.send(MOBILE, "JA")[0]
    with db.session() as session:
        assert not conversation(session, "sms", MOBILE).verified


# --- the sandbox ---------------------------------------------------------------------------------------------


def test_the_sandbox_follows_the_same_rules(cli: RunCli, db: Database, settings: Settings) -> None:
    seeded = seed(db, settings)

    def reply(text: str, sender: str = STRANGER_PHONE) -> dict[str, object]:
        result = cli("sandbox", "reply", text, "--from", sender, "--channel", "sms", "--json")
        assert result.exit_code == 0, result.output
        return dict(json.loads(result.stdout))

    reply("JA")
    typed = reply(ORGNR)
    assert typed["company_id"] == seeded.company_id and typed["verified"] is False
    assert "Kari" not in json.dumps(typed, ensure_ascii=False)
    assert reply("STOPP")["intent"] == "opt_out"
    with db.session() as session:
        assert_company_untouched(session, seeded.company_id)
    coded = reply(f"JA {seeded.code}", sender="+4740000002")
    assert coded["company_id"] == seeded.company_id and coded["verified"] is True


def test_a_registration_by_a_typed_orgnr_does_not_take_the_company_out_of_campaigns(
    sms: Sms, db: Database, settings: Settings
) -> None:
    """`exclude = ["registered"]` leaves out companies that registered: not when a stranger did it for them."""
    seed(db, settings, owner_started=False)
    excluding = parse_stored({"audience": {"counties": ["55"], "exclude": ["registered"]}})
    for text in ("JA", ORGNR, "Ola Fremmed", "tømrer", "1", "nei", "snarest", "JA"):
        sms.send(STRANGER_PHONE, text)
    with db.session() as session:
        assert session.scalars(select(Registration.completed_at)).one() is not None
        assert audience_count(session, excluding) == 2
    for text in ("JA", "Kari Nordmann", "tømrer", "1", "nei", "snarest", "JA"):
        sms.send(MOBILE, text)  # the company itself, from its own number
    with db.session() as session:
        assert audience_count(session, excluding) == 1
