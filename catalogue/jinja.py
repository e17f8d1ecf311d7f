"""The catalogue in web templates: `{{ t("key", name=...) }}`, `{{ tn("key", count) }}`, and filters for
numbers, times, state names (`{{ lead.state | label("lead") }}`) and texts stored for later readers
(`{{ notice.text | stored }}`, catalogue.stored), all in the page's language.

The language is the template context's `lang` (every page sets it; bokmål when it does not), so a template never
passes it by hand and cannot show one paragraph in another language than the `<html lang>` it declares.
"""

from __future__ import annotations

from datetime import date
from datetime import datetime
from typing import Any

from jinja2 import Environment
from jinja2 import pass_context
from jinja2.runtime import Context

from catalogue import DEFAULT_LANGUAGE
from catalogue import known_language
from catalogue import plural
from catalogue import shown_time
from catalogue import text
from catalogue.formats import format_date
from catalogue.formats import format_number
from catalogue.labels import label
from catalogue.stored import read_text


def _language(context: Context) -> str:
    return known_language(context.get("lang", DEFAULT_LANGUAGE))


@pass_context
def _t(context: Context, key: str, **values: Any) -> str:
    return text(key, _language(context), **values)


@pass_context
def _tn(context: Context, key: str, count: int, **values: Any) -> str:
    return plural(key, count, _language(context), **values)


@pass_context
def _number(context: Context, value: int | float | None, decimals: int | None = None) -> str:
    return "" if value is None else format_number(value, _language(context), decimals)


@pass_context
def _datetime(context: Context, moment: datetime | None, zone: bool = True) -> str:
    return shown_time(moment, _language(context), zone=zone)


@pass_context
def _date(context: Context, moment: datetime | date | None, long: bool = False) -> str:
    return format_date(moment, _language(context), long=long)


@pass_context
def _label(context: Context, value: Any, kind: str, lower: bool = False) -> str:
    return label(value, kind, _language(context), lower=lower)


@pass_context
def _stored(context: Context, value: str | None) -> str:
    return read_text(value, _language(context))


def install(env: Environment) -> Environment:
    """Adds the catalogue's global functions and filters to `env` (each Jinja2Templates calls it once)."""
    env.globals.update(t=_t, tn=_tn)
    env.filters.update(number=_number, datetime=_datetime, date=_date, label=_label, stored=_stored)
    return env
