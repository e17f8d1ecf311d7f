"""A meeting as an iCalendar file (RFC 5545), for the company's calendar.

Times are written in UTC (`DTSTART:20270210T130000Z`): every calendar shows them in its own zone, and no
VTIMEZONE block has to be kept right across daylight-saving rules. Lines end in CRLF and are folded at 75
octets (never inside a UTF-8 character); text escapes backslash, semicolon, comma and newlines, so a place
like "Øra, bygg 3; 2. etg." stays one value.
"""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from datetime import timedelta

from campaigns.meeting_texts import MeetingFields

MEDIA_TYPE = "text/calendar; charset=utf-8"
DEFAULT_LENGTH = timedelta(hours=1)  # a meeting without an end is shown as an hour long


def escape(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Splits a content line into 75-octet pieces joined by CRLF and a space."""
    pieces: list[str] = []
    current, size = "", 0
    limit = 75
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, 74  # continuation lines start with a space
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_file(
    event: MeetingFields,
    *,
    uid: str,
    now: datetime,
    description: str = "",
    url: str | None = None,
    cancelled: bool = False,
    sequence: int = 0,
) -> str:
    """The whole VCALENDAR text; `uid` must stay the same for the same meeting so a changed file updates it."""
    ends = event.ends_at or event.starts_at + DEFAULT_LENGTH
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//WorldSkills Norway//Laereplassjeger//NO",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{escape(uid)}",
        f"DTSTAMP:{_stamp(now)}",
        f"DTSTART:{_stamp(event.starts_at)}",
        f"DTEND:{_stamp(ends)}",
        f"SEQUENCE:{sequence}",
        f"SUMMARY:{escape(event.title)}",
        f"LOCATION:{escape(event.place)}",
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
    ]
    if description:
        lines.append(f"DESCRIPTION:{escape(description)}")
    if url:
        lines.append(f"URL:{url}")
    lines += ["END:VEVENT", "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)
