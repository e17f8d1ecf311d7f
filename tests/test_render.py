"""Rendering a step's template for one company: what each channel gets, in each language."""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.render import COMPANY_COLUMNS
from campaigns.render import MessageRenderer
from campaigns.render import RenderedMessage
from campaigns.render import address_lines
from campaigns.render import message_language
from campaigns.render import registration_variables
from campaigns.sms_text import GSM7
from campaigns.templating import LANGUAGES
from campaigns.templating import TemplateProblem
from settings import Settings
from store.models import Campaign
from store.models import Channel
from store.models import Company
from store.models import Registration
from store.models import RegistrationSource
from store.models import Trade
from tests.lead_factories import RENDERABLE
from tests.lead_factories import new_company

STOP_LINES = {
    "nb": "Svar STOPP for å melde deg av",
    "nn": "Svar STOPP for å melde deg av",
    "en": "Reply STOP to unsubscribe",
}
TOKEN_43 = str(RENDERABLE["token"])  # as long as secrets.token_urlsafe(32): 43 characters


@pytest.fixture(scope="module")
def renderer() -> MessageRenderer:
    # A production-like base URL: the two-segment budget of an SMS depends on the link's length.
    return MessageRenderer(
        Settings(
            _env_file=None,
            public_base_url="https://laereplassjeger.worldskills.no",
            twilio_from="+4759440000",
        )
    )


def render(
    renderer: MessageRenderer, template: str, channel: str, language: str = "nb", **company: object
) -> RenderedMessage:
    variables = renderer.company_variables(
        company=new_company(**company), language=language, on=date(2027, 6, 7)
    )
    return renderer.render(template=template, channel=channel, language=language, variables=variables)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("template", ["sms/invitasjon", "sms/paaminnelse"])
def test_sms_invitation_and_reminder_fit_two_gsm7_segments(
    renderer: MessageRenderer, template: str, language: str
) -> None:
    assert len(new_company().name) == 30
    message = render(renderer, template, "sms", language)
    assert (message.encoding, message.segments) == (GSM7, 2)
    assert len(message.body) <= 306
    assert message.body.endswith(STOP_LINES[language])
    assert "JA K7MX2P" in message.body
    assert f"https://laereplassjeger.worldskills.no/r/{TOKEN_43}" in message.body


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_sms_ends_with_the_stop_line(renderer: MessageRenderer, language: str) -> None:
    for template in ("sms/invitasjon", "sms/paaminnelse", "sms/bekreftelse"):
        assert render(renderer, template, "sms", language).body.endswith(STOP_LINES[language])


def test_plain_text_keeps_ampersands_and_html_escapes_them(renderer: MessageRenderer) -> None:
    sms = render(renderer, "sms/invitasjon", "sms", name="Smith & Sønn AS")
    assert "Hei Smith & Sønn AS!" in sms.body
    letter = render(renderer, "letters/invitasjon", "letter", name="Smith & Sønn AS")
    assert letter.html is not None
    assert "Smith &amp; Sønn AS" in letter.html and "Smith & Sønn AS" not in letter.html
    assert "Smith & Sønn AS" in letter.body  # the text version is plain text


def test_typographic_characters_in_a_name_do_not_make_the_sms_ucs2(renderer: MessageRenderer) -> None:
    message = render(renderer, "sms/invitasjon", "sms", name="Bygg\u00a0– “Anlegg” AS")
    assert 'Bygg - "Anlegg" AS' in message.body
    assert message.encoding == GSM7


def test_a_character_outside_gsm7_makes_it_ucs2_and_costs_more(renderer: MessageRenderer) -> None:
    message = render(renderer, "sms/invitasjon", "sms", name="Čapek Design AS")
    assert message.encoding == "UCS-2"
    assert message.segments == 5


@pytest.mark.parametrize(
    ("language", "on", "expected"),
    [
        ("nb", date(2027, 6, 7), "7. juni 2027"),
        ("nn", date(2027, 6, 7), "7. juni 2027"),
        ("en", date(2027, 6, 7), "7 June 2027"),
        ("nb", datetime(2027, 6, 6, 22, 30, tzinfo=UTC), "7. juni 2027"),  # 00:30 in Oslo (summer time)
        ("nb", datetime(2027, 12, 31, 23, 30, tzinfo=UTC), "1. januar 2028"),
    ],
)
def test_the_date_is_written_the_norwegian_way(
    renderer: MessageRenderer, language: str, on: date | datetime, expected: str
) -> None:
    variables = renderer.company_variables(company=new_company(), language=language, on=on)
    assert variables["date"] == expected


def test_the_letter_carries_date_code_address_and_both_links(renderer: MessageRenderer) -> None:
    letter = render(renderer, "letters/invitasjon", "letter", postal_street="Storgata 1\nBakgården")
    assert letter.channel is Channel.LETTER and letter.html is not None
    html = letter.html
    for expected in (
        "7. juni 2027",
        "K7MX2P",
        "974 760 673",
        "Storgata 1",
        "Bakgården",
        "9008 TROMSØ",
        "59 44 00 00",
    ):
        assert expected in html
    assert f"https://laereplassjeger.worldskills.no/r/{TOKEN_43}" in html
    assert f"https://t.me/laereplassjeger_bot?start={TOKEN_43}" in html
    assert html.count("<svg") == 2  # the QR codes, inline: no network needed to print them
    assert "voksne lærlinger" in html
    assert letter.subject == "Har dere plass til en lærling? – Læreplassjeger"
    assert letter.extra == {}


def test_a_letter_by_email_has_html_text_subject_and_the_a4_letter_for_the_attachment(
    renderer: MessageRenderer,
) -> None:
    message = render(renderer, "letters/invitasjon", "email", language="nn")
    assert message.channel is Channel.EMAIL
    assert message.subject == "Har de plass til ein lærling? – Læreplassjeger"
    assert (
        message.html is not None and "<svg" not in message.html
    )  # e-mail clients block SVG: buttons instead
    assert f"/r/{TOKEN_43}" in message.html and "Brevet ligg vedlagt som PDF" in message.html
    assert "Brevet ligg vedlagt som PDF" in message.body and "<" not in message.body
    assert message.extra["letter_html"].count("<svg") == 2
    assert "@page" in message.extra["letter_html"]
    assert message.extra["letter_filename"] == "invitasjon-974760673.pdf"


def test_an_email_template_sent_as_email_has_no_attachment(renderer: MessageRenderer) -> None:
    message = render(renderer, "email/invitasjon", "email", language="en")
    assert message.extra == {}
    assert "attached" not in message.body


def test_a_company_without_identifiers_is_reported_by_orgnr(renderer: MessageRenderer) -> None:
    with pytest.raises(TemplateProblem) as caught:
        render(renderer, "sms/invitasjon", "sms", short_code=None)
    assert caught.value.variable == "short_code"
    assert (
        str(caught.value)
        == "templates/sms/invitasjon.nb.txt linje 1: udefinert variabel 'short_code' (orgnr 974760673)"
    )


def test_an_sms_over_ten_segments_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "sms").mkdir()
    (tmp_path / "sms" / "lang.nb.txt").write_text("{{ company_name }} " + "bla " * 400, encoding="utf-8")
    renderer = MessageRenderer(Settings(_env_file=None, templates_dir=tmp_path))
    variables = renderer.company_variables(company=new_company(), language="nb")
    with pytest.raises(
        TemplateProblem, match=r"SMS på 11 segmenter \(GSM-7\); høyst 10 er tillatt \(orgnr 974760673\)"
    ):
        renderer.render(template="sms/lang", channel="sms", language="nb", variables=variables)


def test_telegram_texts_are_plain(renderer: MessageRenderer) -> None:
    message = render(renderer, "telegram/velkommen", "telegram", name="A & B AS")
    assert message.channel is Channel.TELEGRAM
    assert "A & B AS (org.nr. 974 760 673)" in message.body
    assert (message.html, message.encoding, message.segments, message.subject) == (None, None, None, None)


def test_the_window_shows_the_postal_address_or_else_the_business_address() -> None:
    assert address_lines(
        new_company(postal_street="Postboks 5\n", postal_city="bodø", postal_postcode="8001")
    ) == [
        "Postboks 5",
        "8001 BODØ",
    ]
    business = new_company(
        postal_street=None,
        postal_postcode=None,
        business_street="Verkstedveien 2",
        business_postcode="2830",
        business_city="Raufoss",
    )
    assert address_lines(business) == ["Verkstedveien 2", "2830 RAUFOSS"]
    assert address_lines(new_company(postal_country="Sverige")) == ["Postboks 123", "9008 TROMSØ", "SVERIGE"]
    assert address_lines(new_company(postal_country="Norge")) == ["Postboks 123", "9008 TROMSØ"]


def test_each_company_gets_its_own_written_standard_unless_the_campaign_fixes_one() -> None:
    free = Campaign(name="C", language="nb", fixed_language=False)
    fixed = Campaign(name="C", language="en", fixed_language=True)
    assert message_language(new_company(language="nn"), free) == "nn"
    assert message_language(new_company(language="nb"), free) == "nb"
    assert message_language(new_company(language="nn"), fixed) == "en"


def test_without_a_configured_number_the_sandbox_letter_shows_a_placeholder() -> None:
    renderer = MessageRenderer(Settings(_env_file=None, twilio_from=None))
    assert renderer.base_variables(language="nb")["sms_number"] == "SMS-nummer (sandkasse)"


LIVE = {
    "twilio_account_sid": "AC" + "1" * 32,
    "twilio_auth_token": "t" * 32,
    "twilio_messaging_service_sid": "MG" + "2" * 32,
}


def test_live_sms_with_only_a_messaging_service_prints_no_placeholder_in_a_real_letter() -> None:
    renderer = MessageRenderer(Settings(_env_file=None, twilio_from=None, sms_reply_number=None, **LIVE))
    assert renderer.sms_number_missing
    for channel in ("letter", "email"):
        with pytest.raises(TemplateProblem, match="sms_number"):
            render(renderer, "letters/invitasjon", channel)


def test_sms_reply_number_is_the_number_letters_give() -> None:
    renderer = MessageRenderer(
        Settings(_env_file=None, twilio_from=None, sms_reply_number="+4759440000", **LIVE)
    )
    letter = render(renderer, "letters/invitasjon", "letter")
    assert not renderer.sms_number_missing and "59 44 00 00" in (letter.html or "")
    assert "SMS-nummer (sandkasse)" not in (letter.html or "")


def test_companies_from_the_database_render_the_same_as_rows(
    session: Session, renderer: MessageRenderer
) -> None:
    session.add_all(
        [
            new_company(orgnr="974760673", name="Nordlys Elektro AS", county_number="55", token="t1" * 10),
            new_company(orgnr="923609016", name="Fjord & Fjell Bygg AS", short_code="HQ3RTW", language="nn"),
        ]
    )
    session.commit()
    companies = session.scalars(select(Company).order_by(Company.orgnr)).all()
    rows = session.execute(select(*COMPANY_COLUMNS).order_by(Company.orgnr)).all()
    for company, row in zip(companies, rows, strict=True):
        for template, channel in (("sms/invitasjon", "sms"), ("letters/invitasjon", "letter")):
            by_object, by_row = (
                renderer.render(
                    template=template,
                    channel=channel,
                    language=company.language,
                    variables=renderer.company_variables(company=source, language=company.language),
                )
                for source in (company, row)
            )
            assert by_object == by_row
            assert company.name in by_object.body


def test_a_registration_confirmation_summarises_the_answers(
    session: Session, renderer: MessageRenderer
) -> None:
    company = new_company()
    trades = session.scalars(
        select(Trade).where(Trade.name.in_(["Tømrerfaget", "Produksjonsteknikkfaget"]))
    ).all()
    registration = Registration(
        source=RegistrationSource.SMS, contact_name="Kari Nordmann", places=2, adult_apprentices=False
    )
    registration.trades = list(trades)
    variables = {
        **renderer.company_variables(company=company, language="nb"),
        **registration_variables(registration),
    }
    message = renderer.render(
        template="telegram/bekreftelse", channel="telegram", language="nb", variables=variables
    )
    assert "Kontaktperson: Kari Nordmann" in message.body
    assert "Produksjonsteknikkfaget" in message.body and "Tømrerfaget" in message.body
    assert "Antall læreplasser: 2" in message.body
    assert "Voksne lærlinger: nei" in message.body
    assert "Ønsket oppstart: ikke oppgitt" in message.body
    email = renderer.render(template="email/bekreftelse", channel="email", language="en", variables=variables)
    assert email.subject == "Thank you! Your interest is registered – Læreplassjeger"
    assert "Adult apprentices: no" in email.body


def test_check_reports_a_broken_template_before_any_company_gets_it(tmp_path: Path) -> None:
    for language in LANGUAGES:
        (tmp_path / "sms").mkdir(exist_ok=True)
        text = "Hei {{ company_name }}" if language != "nn" else "Hei {{ firmanamn }}"
        (tmp_path / "sms" / f"hei.{language}.txt").write_text(text, encoding="utf-8")
    renderer = MessageRenderer(Settings(_env_file=None, templates_dir=tmp_path))
    with pytest.raises(TemplateProblem, match=r"sms/hei\.nn\.txt linje 1: udefinert variabel 'firmanamn'"):
        renderer.check(template="sms/hei", channel="sms")
