"""Send windows (PRODUCT §5): the moments a campaign may send, in Europe/Oslo, skipping public holidays.

All arithmetic is done on local dates and wall-clock times, then converted to UTC per day, so a 09:00–16:00
window is 09:00–16:00 on both sides of a daylight-saving change, and nothing is shifted or sent twice.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from functools import lru_cache
from typing import TYPE_CHECKING
from typing import Any
from zoneinfo import ZoneInfo

import holidays

from store.models.enums import WaitReason
from store.times import ZONE_NAME

if TYPE_CHECKING:
    from campaigns.definition_model import Window

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_WINDOW: dict[str, Any] = {
    "days": ["mon", "tue", "wed", "thu", "fri"],
    "start": "09:00",
    "end": "16:00",
    "skip_holidays": True,
}
# Open every minute of every day, holidays too: the demo's campaigns and most tests' send at once, whenever they run.
ALWAYS_OPEN: dict[str, Any] = {
    "days": list(DAY_NAMES),
    "start": "00:00",
    "end": "23:59",
    "skip_holidays": False,
}


def window_table(window: Mapping[str, Any]) -> str:
    """`window` as the [window] table of a campaign file, for the files the demo and the tests write."""
    return "[window]\n" + "".join(f"{key} = {json.dumps(value)}\n" for key, value in window.items())


ALWAYS_OPEN_TABLE = window_table(ALWAYS_OPEN)


@lru_cache(maxsize=32)
def norwegian_holidays(year: int) -> frozenset[date]:
    """The 12 public holidays (helligdager) of Norway; 24 and 31 December are ordinary working days by law."""
    return frozenset(holidays.country_holidays("NO", years=year, language="no"))


def _flag(value: Any) -> bool:
    """A stored yes/no; the text "false" must not read as true (bool("false") is True)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise ValueError(f"skip_holidays must be true or false, not {value!r}")


def parse_clock(value: str) -> time:
    hours, _, minutes = value.partition(":")
    return time(int(hours), int(minutes or 0))


@dataclass(frozen=True)
class SendWindow:
    days: frozenset[int]  # 0 = Monday
    start: time
    end: time
    skip_holidays: bool = True
    tz: str = ZONE_NAME

    @classmethod
    def of(cls, window: Window, tz: str = ZONE_NAME) -> SendWindow:
        """The send window of a campaign definition."""
        return cls.from_definition(window.model_dump(), tz=tz)

    @classmethod
    def from_definition(cls, window: Mapping[str, Any] | None, tz: str = ZONE_NAME) -> SendWindow:
        merged = {**DEFAULT_WINDOW, **(window or {})}
        return cls(
            days=frozenset(DAY_NAMES.index(d) for d in merged["days"]),
            start=parse_clock(merged["start"]),
            end=parse_clock(merged["end"]),
            skip_holidays=_flag(merged["skip_holidays"]),
            tz=tz,
        )

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)

    def is_send_day(self, day: date) -> bool:
        if day.weekday() not in self.days:
            return False
        return not (self.skip_holidays and day in norwegian_holidays(day.year))

    def _opening(self, day: date) -> tuple[datetime, datetime]:
        """The day's opening as UTC instants (wall-clock times resolved in Oslo on that very date)."""
        opens = datetime.combine(day, self.start, self.zone).astimezone(UTC)
        closes = datetime.combine(day, self.end, self.zone).astimezone(UTC)
        return opens, closes

    def is_open(self, at: datetime) -> bool:
        day = at.astimezone(self.zone).date()
        if not self.is_send_day(day):
            return False
        opens, closes = self._opening(day)
        return opens <= at < closes

    def next_open(self, at: datetime) -> datetime:
        """`at` itself when the window is open, else the start of the next opening."""
        day = at.astimezone(self.zone).date()
        for offset in range(0, 370):
            candidate = day + timedelta(days=offset)
            if not self.is_send_day(candidate):
                continue
            opens, closes = self._opening(candidate)
            if at < closes:
                return max(at, opens)
        raise ValueError("the send window never opens (no send days)")

    def closed_reason(self, at: datetime) -> WaitReason | None:
        """Why the window is shut at `at` (None when it is open): a holiday, a day that is not a send day,
        or a send day's hours (evening, night, early morning)."""
        if self.is_open(at):
            return None
        day = at.astimezone(self.zone).date()
        if day.weekday() not in self.days:
            return WaitReason.SEND_DAY
        if self.skip_holidays and day in norwegian_holidays(day.year):
            return WaitReason.HOLIDAY
        return WaitReason.WINDOW

    def closes_at(self, at: datetime) -> datetime:
        """The end of the opening that `at` falls in (or of the next one, when closed)."""
        opened = self.next_open(at)
        return self._opening(opened.astimezone(self.zone).date())[1]

    def latest_open_before(self, deadline: datetime, *, slack: timedelta = timedelta(0)) -> datetime | None:
        """The latest moment at or before `deadline` when the window is open, at least `slack` before that
        opening closes (so what is started then is done before it closes); None within a year before."""
        day = deadline.astimezone(self.zone).date()
        for offset in range(0, 370):
            candidate = day - timedelta(days=offset)
            if not self.is_send_day(candidate):
                continue
            opens, closes = self._opening(candidate)
            if opens > deadline:
                continue
            return max(opens, min(deadline, closes - slack))
        return None
