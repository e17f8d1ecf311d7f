"""How times are shown to people: always Europe/Oslo, with the zone clear (issue 15, item 5).

Times are stored in UTC. Everything a person reads goes through `shown_time` ("14.06.2027 09:00 (norsk tid)");
tables that name the zone once in their header use `shown_time(moment, zone=False)`; `--json` and exports use
`iso_oslo` ("2027-06-14T09:00:00+02:00"), so a program reading them gets the instant and the local wall clock.
`catalogue.when_text` is the short form for "when will it go" ("i dag 14:00", "mandag 09:00"), in any language.
One module, so the CLI, the dashboard and the reports cannot drift apart again.
"""

from __future__ import annotations

from datetime import UTC
from datetime import date
from datetime import datetime
from zoneinfo import ZoneInfo

ZONE_NAME = "Europe/Oslo"  # the campaign lives by Norway's clock, whatever the server's
OSLO = ZoneInfo(ZONE_NAME)
ZONE_NOTE = "norsk tid"


def in_oslo(moment: datetime) -> datetime:
    """The instant on Oslo's wall clock; a naive time is taken as UTC (how SQLite hands some back)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(OSLO)


def shown_time(moment: datetime | None, *, zone: bool = True) -> str:
    """`14.06.2027 09:00 (norsk tid)`; without the zone note where a table header already names it."""
    if moment is None:
        return ""
    text = in_oslo(moment).strftime("%d.%m.%Y %H:%M")
    return f"{text} ({ZONE_NOTE})" if zone else text


def shown_date(moment: datetime | date | None) -> str:
    """`14.06.2027`, the Oslo calendar day of an instant."""
    if moment is None:
        return ""
    if isinstance(moment, datetime):
        moment = in_oslo(moment).date()
    return moment.strftime("%d.%m.%Y")


def iso_oslo(moment: datetime | None, timespec: str = "seconds") -> str | None:
    """ISO 8601 with the Oslo offset (`2027-06-14T09:00:00+02:00`), for `--json` and exports."""
    if moment is None:
        return None
    return in_oslo(moment).isoformat(timespec=timespec)
