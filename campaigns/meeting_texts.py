"""How a meeting reads in templates and chat answers: its time in Europe/Oslo, in the company's language,
with the zone said (a company abroad, or a reader in another zone, must not be an hour off)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from typing import Any
from typing import Protocol

from babel.dates import format_datetime

from campaigns.variables import BABEL_LOCALES
from catalogue import text
from store.languages import DEFAULT_LANGUAGE
from store.times import OSLO
from store.times import in_oslo

if TYPE_CHECKING:
    from campaigns.meetings import RsvpResult

DATE_PATTERN = {"nb": "EEEE d. MMMM y", "nn": "EEEE d. MMMM y", "en": "EEEE d MMMM y"}


def _language(language: str) -> str:
    return language if language in BABEL_LOCALES else DEFAULT_LANGUAGE


def meeting_when(starts_at: datetime, ends_at: datetime | None, language: str) -> str:
    """`onsdag 10. februar 2027 kl. 14:00–15:30 (norsk tid)`."""
    language = _language(language)
    start = in_oslo(starts_at)
    day = format_datetime(start, DATE_PATTERN[language], tzinfo=OSLO, locale=BABEL_LOCALES[language])
    clock = f"{start:%H:%M}" + (f"–{in_oslo(ends_at):%H:%M}" if ends_at is not None else "")
    return text("meeting_when", language, day=day, clock=clock)


class MeetingFields(Protocol):
    """A stored meeting (`store.models.Event`) or one still in a campaign definition (`EventSpec`)."""

    @property
    def title(self) -> str: ...
    @property
    def starts_at(self) -> datetime: ...
    @property
    def ends_at(self) -> datetime | None: ...
    @property
    def place(self) -> str: ...
    @property
    def capacity(self) -> int | None: ...


def event_variables(event: MeetingFields, language: str) -> dict[str, Any]:
    """`event` in a template: title, place, when (the whole sentence), date, start, end, capacity."""
    start = in_oslo(event.starts_at)
    language = _language(language)
    return {
        "title": event.title,
        "place": event.place,
        "when": meeting_when(event.starts_at, event.ends_at, language),
        "date": format_datetime(start, DATE_PATTERN[language], tzinfo=OSLO, locale=BABEL_LOCALES[language]),
        "start": f"{start:%H:%M}",
        "end": f"{in_oslo(event.ends_at):%H:%M}" if event.ends_at is not None else "",
        "capacity": event.capacity,
    }


def rsvp_text(result: RsvpResult, *, company_name: str, language: str) -> str:
    """What a company reads after its JA or NEI: its place, the waiting list, or the NEI noted."""
    meeting = event_variables(result.event, language)
    return text(
        f"rsvp_{result.rsvp.status.value}",
        language,
        name=company_name,
        people=result.rsvp.people,
        **meeting,
    )


def meeting_buttons(language: str) -> list[list[dict[str, str]]]:
    """The JA/NEI buttons under a Telegram invitation, as the outbox stores buttons (`campaigns.meetings`
    names their data, `rsvp:ja` and `rsvp:nei`)."""
    language = _language(language)
    return [
        [
            {"text": text("meeting_page_yes", language), "callback_data": "rsvp:ja"},
            {"text": text("meeting_page_no", language), "callback_data": "rsvp:nei"},
        ]
    ]
