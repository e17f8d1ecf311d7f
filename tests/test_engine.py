"""The conversation engine: keywords, company look-up, the registration flow, opt-outs (PRODUCT §7)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.engine import Inbound, Outcome, handle_inbound
from bot.keywords import parse
from settings import Settings
from store.identifiers import ensure_identifiers
from store.models import (
    Company,
    Contact,
    ContactKind,
    Conversation,
    Intent,
    Lead,
    OptOut,
    Registration,
    Reply,
)
from store.optouts import is_opted_out
from store.secrets import AddressHasher

_ids = itertools.count(1)
MOBILE = "+4791234567"


def make_company(session: Session, *, mobile: str = MOBILE, **kw: object) -> Company:
    company = Company(
        orgnr=kw.pop("orgnr", "974760673"), name=kw.pop("name", "Fjord Bygg AS"), county_number="55", **kw
    )
    session.add(company)
    session.flush()
    hasher = AddressHasher.load(session)
    session.add(
        Contact(
            company_id=company.id,
            kind=ContactKind.PHONE,
            address=mobile,
            address_hash=hasher(ContactKind.PHONE, mobile),
            is_mobile=True,
        )
    )
    ensure_identifiers(session, company_ids=[company.id])
    session.flush()
    session.refresh(company)
    return company


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


def test_stopp_opts_out_every_address_of_the_company_with_one_confirmation(
    session: Session, settings: Settings
) -> None:
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
    assert is_opted_out(session, hasher=hasher, kind=ContactKind.EMAIL, address="post@fjord.no")
    assert say(session, settings, "STOPP").answers == []


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
    assert session.scalar(select(Contact.id).where(Contact.address == sender)) is not None


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


@pytest.mark.parametrize("text", ["", "😀😀😀", "æøå ÆØÅ", "x" * 1600, "\x00\n\t", "JA " * 500])
def test_odd_texts_get_an_answer(session: Session, settings: Settings, text: str) -> None:
    make_company(session)
    out = say(session, settings, text)
    assert out.reply_id is not None


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300), sender=st.sampled_from([MOBILE, "+4740000003", "123456789"]))
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
