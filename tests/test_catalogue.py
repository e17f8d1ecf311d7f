"""The catalogue: every text in three languages with the same placeholders, and Babel's numbers, times and
plurals as people read them."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from string import Formatter

from jinja2 import Environment

from catalogue import LANGUAGES
from catalogue import TEXTS
from catalogue import known_language
from catalogue import plural
from catalogue import shown_time
from catalogue import text
from catalogue import when_text
from catalogue.formats import format_date
from catalogue.formats import format_number
from catalogue.jinja import install


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name is not None}


def test_every_key_has_bokmal_nynorsk_and_english() -> None:
    assert [key for key, variants in TEXTS.items() if set(variants) != set(LANGUAGES)] == []


def test_every_language_of_a_key_names_the_same_placeholders() -> None:
    differing = {
        key: {language: sorted(_placeholders(variant)) for language, variant in variants.items()}
        for key, variants in TEXTS.items()
        if len({frozenset(_placeholders(variant)) for variant in variants.values()}) > 1
    }
    assert differing == {}


def test_every_counted_text_has_both_plural_forms() -> None:
    stems = {key.rsplit("_", 1)[0] for key in TEXTS if key.endswith(("_one", "_other"))}
    assert [s for s in sorted(stems) if not {f"{s}_one", f"{s}_other"} <= TEXTS.keys()] == []


def test_the_placeholder_check_sees_a_differing_name() -> None:
    assert _placeholders("Hei {name}, {count} til") == {"name", "count"}
    assert _placeholders("Hei {navn}") != _placeholders("Hi {name}")


def test_numbers_group_thousands_with_plain_spaces_in_norwegian_and_commas_in_english() -> None:
    assert format_number(12345, "nb") == "12 345"
    assert format_number(12345, "nn") == "12 345"
    assert format_number(12345, "en") == "12,345"
    assert format_number(2.5, "nb", decimals=1) == "2,5"
    assert "\xa0" not in format_number(1234567, "nb")


def test_times_are_shown_in_oslo_with_the_zone_named_in_each_language() -> None:
    summer = datetime(2027, 6, 14, 7, 0, tzinfo=UTC)  # 09:00 in Oslo (CEST)
    assert shown_time(summer, "nb") == "14.06.2027 09:00 (norsk tid)"
    assert shown_time(summer, "nn") == "14.06.2027 09:00 (norsk tid)"
    assert shown_time(summer, "en") == "14 Jun 2027 09:00 (Norway time)"
    assert shown_time(summer, "nb", zone=False) == "14.06.2027 09:00"
    assert format_date(summer, "en", long=True) == "June 14, 2027"
    assert format_date(summer, "nn", long=True) == "14. juni 2027"


def test_when_text_says_today_tomorrow_and_the_weekday_in_each_language() -> None:
    now = datetime(2027, 6, 14, 6, 0, tzinfo=UTC)  # a Monday
    assert when_text(datetime(2027, 6, 14, 12, 0, tzinfo=UTC), now=now, language="nb") == "i dag 14:00"
    assert when_text(datetime(2027, 6, 15, 7, 0, tzinfo=UTC), now=now, language="nn") == "i morgon 09:00"
    assert when_text(datetime(2027, 6, 16, 7, 0, tzinfo=UTC), now=now, language="nn") == "onsdag 09:00"
    assert when_text(datetime(2027, 6, 17, 7, 0, tzinfo=UTC), now=now, language="en") == "Thursday 09:00"
    assert when_text(datetime(2027, 7, 1, 7, 0, tzinfo=UTC), now=now, language="nb") == "01.07.2027 09:00"


def test_plural_picks_one_or_other_and_writes_the_count_as_a_number() -> None:
    assert plural("more_open_leads", 1, "nb") == "… og 1 ledig lead til."
    assert plural("more_open_leads", 2, "nn") == "… og 2 ledige leads til."
    assert plural("more_open_leads", 1200, "en") == "… and 1,200 more open leads."


def test_an_unknown_language_falls_back_to_bokmal() -> None:
    assert known_language("de") == "nb"
    assert known_language(None) == "nb"
    assert text("zone_note", "de") == text("zone_note", "nb")


def test_templates_read_the_catalogue_in_the_page_language() -> None:
    env = install(Environment(autoescape=True))
    page = env.from_string('{{ t("zone_note") }} · {{ 12345 | number }} · {{ moment | datetime }}')
    moment = datetime(2027, 6, 14, 7, 0, tzinfo=UTC)
    assert page.render(lang="en", moment=moment) == "Norway time · 12,345 · 14 Jun 2027 09:00 (Norway time)"
    assert page.render(lang="nn", moment=moment) == "norsk tid · 12 345 · 14.06.2027 09:00 (norsk tid)"
    assert page.render(moment=moment).startswith("norsk tid")
