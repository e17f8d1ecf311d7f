"""One catalogue for every text a person reads, in bokmål (`nb`), nynorsk (`nn`) and English (`en`).

Each module here holds the texts of one audience or area as `TEXTS = {key: {"nb": ..., "nn": ..., "en": ...}}`;
this package merges them and refuses a key defined twice, so a text has one owner. `{name}` and friends are
filled with str.format. A test fails when a key lacks one of the three languages or when the languages of a key
name different `{placeholders}`.

Plurals: a counted text has two keys, `<key>_one` and `<key>_other` (Babel's plural categories for our three
languages), and is read with `plural(key, count, language)`, which fills `{count}` as a formatted number.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from importlib import import_module
from types import ModuleType
from typing import Any

from catalogue.formats import format_datetime
from catalogue.formats import format_number
from catalogue.formats import format_time
from catalogue.formats import plural_form
from catalogue.formats import weekday_name
from store.languages import DEFAULT_LANGUAGE
from store.languages import LANGUAGES
from store.times import in_oslo

# Bokmål (DEFAULT_LANGUAGE): what the campaign writes when nothing says otherwise, and what staff read until they
# choose. The constants live in store.languages, where the models' column defaults can reach them.

# The modules that hold texts, each `TEXTS = {key: {language: text}}`, named once: imported by name here rather
# than listed again as an import.
_TEXT_MODULES = (
    "absence",
    "audience",
    "campaign_errors",
    "cli",
    "cli_campaign",
    "cli_data",
    "cli_help",
    "cli_people",
    "common",
    "company",
    "dashboard",
    "dashboard_campaigns",
    "dashboard_companies",
    "dashboard_lists",
    "dashboard_overview",
    "definition",
    "exports",
    "hunter",
    "hunter_org",
    "imports",
    "inbox",
    "local",
    "meetings",
    "notices",
    "pages",
    "readiness",
    "refusals",
    "sandbox",
    "templates",
    "portal",
    "staff",
    "states",
    "telegram",
    "waits",
)
_MODULES: tuple[ModuleType, ...] = tuple(import_module(f"{__name__}.{name}") for name in _TEXT_MODULES)


def _merge(modules: tuple[ModuleType, ...]) -> dict[str, Mapping[str, str]]:
    merged: dict[str, Mapping[str, str]] = {}
    for module in modules:
        for key, variants in module.TEXTS.items():
            if key in merged:
                raise RuntimeError(f"catalogue key {key!r} is defined twice (again in {module.__name__})")
            merged[key] = variants
    return merged


TEXTS: dict[str, Mapping[str, str]] = _merge(_MODULES)


def known_language(language: str | None) -> str:
    """`language` when we write it, else bokmål: a stored or posted value is never trusted to be one of ours."""
    return language if language is not None and language in LANGUAGES else DEFAULT_LANGUAGE


def text(key: str, language: str = DEFAULT_LANGUAGE, **values: Any) -> str:
    """The text in `language`, falling back to bokmål for a language we do not write."""
    variants = TEXTS[key]
    return variants.get(language, variants[DEFAULT_LANGUAGE]).format(**values)


def plural(key: str, count: int, language: str = DEFAULT_LANGUAGE, **values: Any) -> str:
    """`<key>_one` or `<key>_other` as `count` needs in `language`, with `{count}` written as a number."""
    form = "one" if plural_form(count, known_language(language)) == "one" else "other"
    return text(f"{key}_{form}", language, count=format_number(count, known_language(language)), **values)


def shown_time(moment: datetime | None, language: str = DEFAULT_LANGUAGE, *, zone: bool = True) -> str:
    """`14.06.2027 09:00 (norsk tid)` in Oslo, the zone named; without it where a header already names it."""
    language = known_language(language)
    return format_datetime(moment, language, zone_note=text("zone_note", language) if zone else None)


def when_text(moment: datetime, *, now: datetime, language: str = DEFAULT_LANGUAGE) -> str:
    """When something happens, as people say it: `i dag 14:00`, `i morgen 09:00`, `mandag 09:00` within a
    week, and the full date beyond (a weekday alone would be ambiguous)."""
    language = known_language(language)
    days = (in_oslo(moment).date() - in_oslo(now).date()).days
    clock = format_time(moment, language)
    if days == 0:
        return text("today_at", language, time=clock)
    if days == 1:
        return text("tomorrow_at", language, time=clock)
    if 1 < days < 7:
        return text("weekday_at", language, weekday=weekday_name(moment, language), time=clock)
    return format_datetime(moment, language)
