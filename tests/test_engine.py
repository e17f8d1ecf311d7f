"""The conversation engine: keywords, company look-up, the registration flow, opt-outs (PRODUCT §7)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.engine import Inbound
from bot.engine import Outcome
from bot.engine import handle_inbound
from bot.hunter_signup import STEPS as SIGNUP_STEPS
from bot.keywords import parse
from bot.registration_questions import FIELDS
from catalogue import text as bot_text
from companies.optout_records import is_opted_out
from settings import Settings
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import Conversation
from store.models import Intent
from store.models import Lead
from store.models import OptOut
from store.models import Registration
from store.models import Reply
from store.models import utcnow
from store.secrets import AddressHasher
from tests import lead_factories

_ids = itertools.count(1)
MOBILE = "+4791234567"


def make_company(session: Session, **kw: object) -> Company:
    """The engine's usual company: Fjord Bygg AS with the test mobile (`kw` overrides)."""
    return lead_factories.make_company(
        session, **{"orgnr": "974760673", "name": "Fjord Bygg AS", "mobile": MOBILE, **kw}
    )  # type: ignore[arg-type]


def say(
    session: Session,
    settings: Settings,
    text: str,
    *,
    sender: str = MOBILE,
    channel: str = "sms",
    button: str | None = None,
) -> Outcome:
    outcome = handle_inbound(
        session,
        inbound=Inbound(
            channel=channel, sender=sender, text=text, button=button, provider_id=f"SM{next(_ids):032d}"
        ),
        settings=settings,
    )
    session.commit()
    return outcome


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("STOPP", Intent.OPT_OUT),
        ("Stopp.", Intent.OPT_OUT),
        ("stop!", Intent.OPT_OUT),
        ("  StÖpp ", Intent.OPT_OUT),
        ("AVMELD", Intent.OPT_OUT),
        ("avslutt", Intent.OPT_OUT),
        ("Slutt", Intent.OPT_OUT),
        ("UNSUBSCRIBE", Intent.OPT_OUT),
        ("JA", Intent.INTERESTED),
        ("ja takk!", Intent.INTERESTED),
        ("Ja, takk 😊", Intent.INTERESTED),
        ("Interessert", Intent.INTERESTED),
        ("NEI", Intent.DECLINED),
        ("nei takk.", Intent.DECLINED),
        ("Ikke interessert", Intent.DECLINED),
        ("HJELP", Intent.HELP),
        ("info?", Intent.HELP),
        ("Hva koster det?", Intent.FREE_TEXT),
        ("", Intent.FREE_TEXT),
        ("ja men først et spørsmål", Intent.FREE_TEXT),
    ],
)
def test_keywords_ignore_case_accents_and_punctuation(text: str, intent: Intent) -> None:
    assert parse(text).intent is intent


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("ja K7MX2P", Intent.INTERESTED),
        ("k7mx2p", Intent.INTERESTED),
        ("K7MX2P nei", Intent.DECLINED),
        ("STOPP k7mx2p", Intent.OPT_OUT),
    ],
)
def test_keywords_with_the_short_code(text: str, intent: Intent) -> None:
    assert parse(text, known_code="K7MX2P").intent is intent


def test_ja_with_short_code_from_any_phone_finds_the_company(session: Session, settings: Settings) -> None:
    company = make_company(session)
    outcome = say(session, settings, f"ja {company.short_code.lower()}", sender="+4798765432")  # type: ignore[union-attr]
    assert outcome.intent is Intent.INTERESTED and outcome.company_id == company.id
    assert "Fjord Bygg AS" in outcome.answers[0].text
    assert outcome.answers[1].text.startswith("1/5")


def test_short_code_alone_means_interest(session: Session, settings: Settings) -> None:
    company = make_company(session)
    outcome = say(session, settings, company.short_code or "", sender="+4798765432")
    assert outcome.intent is Intent.INTERESTED


def test_the_whole_registration_becomes_a_lead(session: Session, settings: Settings) -> None:
    company = make_company(session)
    say(session, settings, "JA")
    say(session, settings, "Kari Nordmann")
    assert say(session, settings, "tømrer, 1").answers[0].text.startswith("3/5")
    registration = session.scalars(select(Registration)).one()
    assert registration.contact_name == "Kari Nordmann"  # saved as it arrived
    assert {t.id for t in registration.trades} >= {1}
    say(session, settings, "2")
    say(session, settings, "ja")
    summary = say(session, settings, "august 2027").answers[0].text
    assert "Kari Nordmann" in summary and "august 2027" in summary
    done = say(session, settings, "JA")
    assert "registrert" in done.answers[0].text
    session.refresh(registration)
    assert (
        registration.completed_at is not None and registration.places == 2 and registration.adult_apprentices
    )
    assert session.scalar(select(Lead.company_id)) == company.id


def test_trades_match_by_name_or_number_and_ambiguity_is_asked(session: Session, settings: Settings) -> None:
    make_company(session)
    say(session, settings, "ja")
    say(session, settings, "Ola")
    assert "Fant ikke faget «romfart»" in say(session, settings, "romfart").answers[0].text
    ambiguous = say(session, settings, "bilfag").answers[0]
    assert "Bilfaget, lette kjøretøy" in ambiguous.text and ambiguous.buttons
    assert say(session, settings, "elektriker").answers[0].text.startswith("3/5")
    assert [t.name for t in session.scalars(select(Registration)).one().trades] == ["Elektrikerfaget"]


def test_an_answer_can_be_corrected_at_the_summary(session: Session, settings: Settings) -> None:
    make_company(session)
    for text in ["ja", "Ola", "1", "3", "nei", "snarest"]:
        say(session, settings, text)
    assert say(session, settings, "1").answers[0].text.startswith("1/5")
    summary = say(session, settings, "Kari Hansen").answers[0].text
    assert "Kari Hansen" in summary and "Stemmer" in summary


def test_a_restart_between_two_answers_continues(db, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    with db.session() as first:
        make_company(first)
        first.commit()
        say(first, settings, "ja")
        say(first, settings, "Ola Nordmann")
    with db.session() as second:  # a new process: nothing in memory
        answer = say(second, settings, "3").answers[0].text
        assert answer.startswith("3/5")


def test_avbryt_leaves_the_flow_and_keeps_the_answers(session: Session, settings: Settings) -> None:
    make_company(session)
    say(session, settings, "ja")
    say(session, settings, "Ola")
    out = say(session, settings, "AVBRYT")
    assert "avslutter" in out.answers[0].text
    assert session.scalar(select(Conversation.flow)) is None
    assert session.scalar(select(Registration.contact_name)) == "Ola"


def test_stopp_opts_out_the_sender_and_marks_the_company_do_not_contact_with_one_confirmation(
    session: Session, settings: Settings
) -> None:
    """PRODUCT §3: the sender's address is opted out and the company is do-not-contact; its other addresses
    (which other companies may share) are not opted out."""
    company = make_company(session, email="post@fjord.no")
    hasher = AddressHasher.load(session)
    session.add(
        Contact(
            company_id=company.id,
            kind=ContactKind.EMAIL,
            address="post@fjord.no",
            address_hash=hasher(ContactKind.EMAIL, "post@fjord.no"),
        )
    )
    session.commit()
    first = say(session, settings, "Stopp.")
    assert len(first.answers) == 1 and "meldt av" in first.answers[0].text
    assert is_opted_out(session, hasher=hasher, kind=ContactKind.PHONE, address=MOBILE)
    assert not is_opted_out(session, hasher=hasher, kind=ContactKind.EMAIL, address="post@fjord.no")
    session.refresh(company)
    assert company.do_not_contact_at is not None and company.do_not_contact_source == "sms"
    assert company.never_contact and not company.closed
    assert say(session, settings, "STOPP").answers == []


def test_stopp_from_a_number_several_companies_share_marks_none_of_them(
    session: Session, settings: Settings
) -> None:
    first = make_company(session, orgnr="974760673", name="Fjord Bygg AS")
    second = make_company(session, orgnr="923609016", name="Tind Rør AS")
    hasher = AddressHasher.load(session)
    session.commit()
    out = say(session, settings, "STOPP")
    assert out.answers  # the number is opted out, with one confirmation
    assert is_opted_out(session, hasher=hasher, kind=ContactKind.PHONE, address=MOBILE)
    for company in (first, second):
        session.refresh(company)
        assert company.do_not_contact_at is None


def test_stopp_with_the_short_code_from_a_shared_number_marks_that_company(
    session: Session, settings: Settings
) -> None:
    first = make_company(session, orgnr="974760673", name="Fjord Bygg AS")
    second = make_company(session, orgnr="923609016", name="Tind Rør AS")
    session.commit()
    assert say(session, settings, "STOPP").answers  # the shared number is opted out; no company is marked
    # The number was already opted out, but the company is newly do-not-contact: that is confirmed once.
    out = say(session, settings, f"stopp {second.short_code}")
    assert out.answers and out.company_id == second.id
    session.refresh(first)
    session.refresh(second)
    assert second.do_not_contact_at is not None and first.do_not_contact_at is None
    # Already opted out, already marked: a repeat changes nothing and gets no second confirmation.
    assert say(session, settings, f"STOPP {second.short_code}").answers == []


def test_a_company_that_said_stopp_can_still_register_itself(session: Session, settings: Settings) -> None:
    company = make_company(session)
    session.commit()
    say(session, settings, "STOPP")
    out = say(session, settings, f"JA {company.short_code}")
    assert out.intent is Intent.INTERESTED and out.answers[-1].text.startswith("1/5")
    session.refresh(company)
    assert company.never_contact  # registering is not consent to outreach


def test_stopp_works_for_an_unknown_sender(session: Session, settings: Settings) -> None:
    out = say(session, settings, "stop", sender="+4740000001")
    assert out.company_id is None and out.answers
    assert session.scalar(select(func.count()).select_from(OptOut)) == 1


def test_ja_from_an_unknown_number_asks_for_the_orgnr_and_checks_it(
    session: Session, settings: Settings
) -> None:
    company = make_company(session, orgnr="923609016")
    sender = "+4740000002"
    assert "organisasjonsnummer" in say(session, settings, "JA", sender=sender).answers[0].text
    assert "ikke et gyldig" in say(session, settings, "123456789", sender=sender).answers[0].text
    out = say(session, settings, "923 609 016", sender=sender)
    assert out.company_id == company.id and out.answers[-1].text.startswith("1/5")
    # A typed orgnr proves nothing (PRODUCT §7): the number does not become the company's contact, the
    # reply is not counted as the company's, and the registration it starts is its own and unverified.
    assert not out.verified
    assert session.scalar(select(Contact.id).where(Contact.address == sender)) is None
    assert session.get_one(Reply, out.reply_id).company_id is None
    registration = session.scalars(select(Registration)).one()
    assert not registration.verified and registration.phone == sender


def test_nei_records_declined(session: Session, settings: Settings) -> None:
    make_company(session)
    out = say(session, settings, "nei takk")
    assert out.intent is Intent.DECLINED and "påminnelser" in out.answers[0].text


def test_free_text_waits_for_staff(session: Session, settings: Settings) -> None:
    make_company(session)
    say(session, settings, "Kan dere ringe meg i morgen?")
    reply = session.scalars(select(Reply)).one()
    assert reply.intent is Intent.FREE_TEXT and reply.handled_at is None
    assert reply.text == "Kan dere ringe meg i morgen?"  # verbatim


def test_a_repeated_provider_id_is_processed_once(session: Session, settings: Settings) -> None:
    inbound = Inbound(channel="sms", sender=MOBILE, text="JA", provider_id="SM1")
    assert not handle_inbound(session, inbound=inbound, settings=settings).duplicate
    session.commit()
    assert handle_inbound(session, inbound=inbound, settings=settings).duplicate
    assert session.scalar(select(func.count()).select_from(Reply)) == 1


@pytest.mark.parametrize("text", ["", "😀😀😀", "æøå ÆØÅ", "x" * 1600, "\x00\n\t", "JA " * 500, "²"])
def test_odd_texts_get_an_answer(session: Session, settings: Settings, text: str) -> None:
    make_company(session)
    out = say(session, settings, text)
    assert out.reply_id is not None
    assert out.answers and all(a.text.strip() for a in out.answers), out.answers
    assert session.get_one(Reply, out.reply_id).text is not None  # stored, verbatim (NUL replaced)


@pytest.mark.parametrize(
    ("template", "intent", "by_code"),
    [
        ("ja {code}", Intent.INTERESTED, True),
        ("{lower}", Intent.INTERESTED, True),
        ("Ja takk, {lower}!", Intent.INTERESTED, True),
        ("{code} nei", Intent.DECLINED, True),
        ("NEI {code}", Intent.DECLINED, True),
        ("STOPP {lower}", Intent.OPT_OUT, True),
        ("ikkje interessert", Intent.DECLINED, False),
        ("Ikke interessert.", Intent.DECLINED, False),
        ("INFO", Intent.HELP, False),
        ("hjelp", Intent.HELP, False),
    ],
)
def test_keywords_and_codes_through_the_engine_with_a_real_company(
    session: Session, settings: Settings, template: str, intent: Intent, by_code: bool
) -> None:
    company = make_company(session)
    session.commit()
    code = session.scalar(select(Company.short_code).where(Company.id == company.id))
    assert code
    # With a code the company is found from any phone; without one, by the number that wrote.
    sender = "+4798765432" if by_code else MOBILE
    out = say(session, settings, template.format(code=code, lower=code.lower()), sender=sender)
    assert out.intent is intent and out.company_id == company.id
    assert out.answers and out.answers[0].text
    assert session.get_one(Reply, out.reply_id).company_id == company.id


def register_by_sms(
    session: Session, settings: Settings, *, sender: str = MOBILE, first: str = "JA"
) -> list[Outcome]:
    return [
        say(session, settings, text, sender=sender)
        for text in (first, "Kari Nordmann", "tømrer", "2", "ja", "august 2027", "JA")
    ]


def test_an_sms_registration_keeps_the_senders_number_and_the_registers_email(
    session: Session, settings: Settings
) -> None:
    company = make_company(session, email="post@fjord.no")
    session.commit()
    # From another phone than the register's: the number that wrote is the one the hunter should call.
    outcomes = register_by_sms(session, settings, sender="+4798765432", first=f"ja {company.short_code}")
    assert outcomes[0].company_id == company.id
    registration = session.scalars(select(Registration)).one()
    assert (registration.phone, registration.email) == ("+4798765432", "post@fjord.no")
    summary = outcomes[-2].answers[0].text
    assert "6 Telefon: +4798765432" in summary and "7 E-post: post@fjord.no" in summary


def test_the_phone_and_email_can_be_corrected_at_the_summary(session: Session, settings: Settings) -> None:
    make_company(session, email="post@fjord.no")
    for text in ("JA", "Kari Nordmann", "tømrer", "2", "ja", "august 2027"):
        say(session, settings, text)
    assert say(session, settings, "6").answers[0].text.startswith("Hvilket telefonnummer")
    assert "ser ikke ut som et telefonnummer" in say(session, settings, "ring meg").answers[0].text
    assert "6 Telefon: +4790011223" in say(session, settings, "900 11 223").answers[0].text
    assert say(session, settings, "7").answers[0].text.startswith("Hvilken e-postadresse")
    assert "7 E-post: –" in say(session, settings, "ingen").answers[0].text
    say(session, settings, "JA")
    registration = session.scalars(select(Registration)).one()
    assert (registration.phone, registration.email) == ("+4790011223", None)
    assert registration.completed_at is not None


def test_ja_after_a_completed_registration_makes_no_second_lead(session: Session, settings: Settings) -> None:
    from tests.lead_factories import make_hunter
    from tests.lead_factories import notifications

    company = make_company(session)
    make_hunter(session, all_trades=True)
    session.commit()
    register_by_sms(session, settings)
    assert len(notifications(session)) == 1
    for text in ("JA", f"ja {company.short_code}", "Interessert"):
        again = say(session, settings, text)
        assert "allerede registrert" in again.answers[0].text, text
    assert session.scalar(select(func.count()).select_from(Registration)) == 1
    assert session.scalar(select(func.count()).select_from(Lead)) == 1
    assert len(notifications(session)) == 1  # hunters were told once
    assert session.scalar(select(Conversation.flow)) is None


def test_superscript_and_other_unicode_digits_never_crash_a_flow(
    session: Session, settings: Settings
) -> None:
    """`"²".isdigit()` is true but `int("²")` raises: each question must treat it as a wrong answer."""
    make_company(session)
    say(session, settings, "JA")
    say(session, settings, "Kari")
    for odd in ("²", "٣", "2²", "¹²³", "Ⅻ"):
        out = say(session, settings, odd)  # the trades question
        assert out.answers and out.answers[0].text
    say(session, settings, "tømrer")
    for odd in ("²", "٣٣", "½"):
        assert "Svar med et tall" in say(session, settings, odd).answers[0].text
    for text in ("2", "ja", "august 2027"):
        say(session, settings, text)
    assert say(session, settings, "٣").answers[0].text.startswith("Stemmer")  # the summary again
    sender = "+4740000009"
    say(session, settings, "JA", sender=sender)
    assert "ikke et gyldig" in say(session, settings, "٩٧٤٧٦٠٦٧٣", sender=sender).answers[0].text


ODD_DIGITS = [
    "²",
    "2²",
    "٣",
    "¹²³",
    "Ⅻ",
    "½",
    "𝟙",
    "e:²",
    "p:²",
    "t:²",
    "s:",
    "p:more",
    "JA",
    "STOPP",
    "avbryt",
    "\x00",
]
texts = st.one_of(st.text(max_size=200), st.sampled_from(ODD_DIGITS))


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, sender=st.sampled_from([MOBILE, "+4740000003", "123456789"]))
def test_no_inbound_text_from_any_sender_raises(
    session: Session, settings: Settings, text: str, sender: str
) -> None:
    channel = "telegram" if sender.isdigit() else "sms"
    handle_inbound(
        session,
        inbound=Inbound(channel=channel, sender=sender, text=text, provider_id=None),
        settings=settings,
    )
    session.rollback()


@hsettings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    step=st.sampled_from([*FIELDS, "summary"]),
    text=texts,
    tapped=st.booleans(),
    channel=st.sampled_from(["sms", "telegram"]),
)
def test_no_answer_to_any_registration_question_raises(
    session: Session, settings: Settings, step: str, text: str, tapped: bool, channel: str
) -> None:
    """A known company inside the registration flow, at every question, typed or as a (forged) button."""
    AddressHasher.load(session)  # made (and committed) once per database: before this example's rows
    session.rollback()
    company = make_company(session, nace_code="43.22")
    sender = MOBILE if channel == "sms" else "424242"
    if channel == "telegram":
        lead_factories.add_contact(session, company, ContactKind.TELEGRAM, sender)
    handle_inbound(
        session,
        inbound=Inbound(channel=channel, sender=sender, text="JA", provider_id=None),
        settings=settings,
    )
    conversation = session.scalars(select(Conversation).where(Conversation.address == sender)).one()
    assert conversation.flow == "registration"
    conversation.step = step
    session.flush()
    out = handle_inbound(
        session,
        inbound=Inbound(
            channel=channel,
            sender=sender,
            text=None if tapped else text,
            button=text if tapped else None,
            provider_id=None,
        ),
        settings=settings,
    )
    assert all(a.text for a in out.answers)
    session.rollback()


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_no_answer_to_the_orgnr_question_raises(session: Session, settings: Settings, text: str) -> None:
    AddressHasher.load(session)  # made (and committed) once per database: before this example's rows
    session.rollback()
    make_company(session)
    sender = "+4740000004"
    handle_inbound(
        session, inbound=Inbound(channel="sms", sender=sender, text="JA", provider_id=None), settings=settings
    )
    assert session.scalars(select(Conversation.flow).where(Conversation.address == sender)).one() == "orgnr"
    out = handle_inbound(
        session, inbound=Inbound(channel="sms", sender=sender, text=text, provider_id=None), settings=settings
    )
    assert all(a.text for a in out.answers)
    session.rollback()


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(step=st.sampled_from(sorted(SIGNUP_STEPS)), text=texts, tapped=st.booleans())
def test_no_answer_at_any_hunter_signup_step_raises(
    session: Session, settings: Settings, step: str, text: str, tapped: bool
) -> None:
    """Through the Telegram layer, where STOPP and AVBRYT must work inside the signup too."""
    AddressHasher.load(session)  # made (and committed) once per database: before this example's rows
    session.rollback()
    from bot import telegram_chat
    from bot.hunter_signup import conversation_of

    make_company(session)  # a known company in the database, as in production
    chat_id = "515151"
    telegram_chat.hunter_signup_start(session, _tg("/jeger", chat_id), settings)
    conversation = conversation_of(session, chat_id)
    conversation.step = step
    conversation.data = {
        "org_name": "Lag",
        "type": "union",
        "orgnr": "974760673",
        "counties": ["55"],
        "trades": [1],
        "matches": [1, 2],
        "contact_name": "Per",
    }
    session.flush()
    inbound = _tg(None if tapped else text, chat_id, button=("hj:trd:" + text) if tapped else None)
    answers = (telegram_chat.tapped if tapped else telegram_chat.text)(session, inbound, settings)
    assert answers and all(a.text for a in answers)
    session.rollback()


def _tg(text: str | None, chat_id: str, *, button: str | None = None):  # type: ignore[no-untyped-def]
    from bot.telegram_chat import TelegramInbound

    return TelegramInbound(
        chat_id=chat_id, update_id=next(_ids), text=text, button=button, args=[], received_at=utcnow()
    )


def test_the_bot_answers_in_the_language_the_campaign_wrote_in_else_the_companys_maalform(
    session: Session, settings: Settings
) -> None:
    from store.models import Channel
    from store.models import Message
    from store.models import MessageKind
    from store.models import MessageState

    company = make_company(session, language="nn")
    first = say(session, settings, "JA")
    assert first.answers[1].text == bot_text("q_contact", "nn")  # no outreach yet: the målform
    say(session, settings, "avbryt")
    session.add(
        Message(
            kind=MessageKind.OUTREACH, channel=Channel.SMS, company_id=company.id, address=MOBILE,
            language="en", body="Hi!", state=MessageState.SENT, sent_at=utcnow(),
        )
    )  # fmt: skip
    session.flush()
    again = say(session, settings, "JA")
    assert again.answers[1].text == bot_text("q_contact", "en")  # a campaign that wrote in English
