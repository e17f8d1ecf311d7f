"""Numbers, dates and times as a person reads them in bokmål, nynorsk or English, through Babel.

Times are stored in UTC and always shown on Oslo's wall clock with the zone named ("14.06.2027 09:00 (norsk tid)"),
because staff, hunters and companies all live by it while a server may not. Babel groups thousands with a
no-break space; we write a plain space, since a no-break space turns an SMS into UCS-2 and doubles its price.
Machine output (`--json`, exports) uses `store.times.iso_oslo` instead, never these.
"""

from __future__ import annotations

from datetime import date
from datetime import datetime

from babel import Locale
from babel.dates import format_date as babel_date
from babel.dates import format_datetime as babel_datetime
from babel.numbers import format_decimal

from store.times import in_oslo

# The written forms we use. The Norwegian ones are the numeric dates our letters and tables have always used;
# English spells the month, since "06.07.2027" reads as June to some and July to others.
DATE_PATTERNS = {"nb": "dd.MM.y", "nn": "dd.MM.y", "en": "d MMM y"}
TIME_PATTERN = "HH:mm"
LONG_DATE = "long"  # "14. juni 2027", "June 14, 2027": for letters and pages that spell dates out
_SPACES = str.maketrans({"\xa0": " ", "\u202f": " "})


def _known(language: str) -> str:
    return language if language in DATE_PATTERNS else "nb"


def format_number(value: int | float, language: str, decimals: int | None = None) -> str:
    """`12 345` (nb, nn) or `12,345` (en), with plain spaces; `decimals` fixes the digits after the comma."""
    pattern = None if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_known(language)).translate(_SPACES)


def plural_form(count: int, language: str) -> str:
    """Babel's plural category of `count` in `language` ("one" or "other" for our three)."""
    return str(Locale.parse(_known(language)).plural_form(abs(count)))


def format_date(moment: datetime | date | None, language: str, *, long: bool = False) -> str:
    """The Oslo calendar day of an instant (or a date as it is): `14.06.2027`, `14 Jun 2027`, or spelled out."""
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        moment = in_oslo(moment).date()
    pattern = LONG_DATE if long else DATE_PATTERNS[_known(language)]
    return babel_date(moment, pattern, locale=_known(language)).translate(_SPACES)


def format_time(moment: datetime, language: str) -> str:
    """`09:00` on Oslo's clock (24-hour in all three: the campaign is Norwegian)."""
    return babel_datetime(in_oslo(moment), TIME_PATTERN, locale=_known(language))


def format_datetime(moment: datetime | None, language: str, *, zone_note: str | None = None) -> str:
    """`14.06.2027 09:00`, followed by `zone_note` in brackets when given (the catalogue's `zone_note`, which
    `catalogue.shown_time` passes; a table whose header names the zone leaves it out)."""
    if moment is None:
        return ""
    shown = f"{format_date(moment, language)} {format_time(moment, language)}"
    return f"{shown} ({zone_note})" if zone_note else shown


def weekday_name(moment: datetime, language: str) -> str:
    """`mandag`, `måndag`, `Monday`: the Oslo weekday of an instant."""
    return babel_date(in_oslo(moment).date(), "EEEE", locale=_known(language))
