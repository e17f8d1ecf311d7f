"""Who is coming to a campaign's meetings (PRODUCT §11): the list organisers print, export or read as JSON.

Yes-sayers first in the order they got their place, then the waiting list in its order, then those who said
NEI; times in ISO 8601 with the Oslo offset. Company names come from the register, which anyone can write to,
so the CSV and XLSX writers neutralise them (exports.tables)."""

from __future__ import annotations

from typing import IO
from typing import Any

from sqlalchemy import case
from sqlalchemy import select
from sqlalchemy.orm import Session

from exports import tables
from store.models import Company
from store.models import Event
from store.models import Rsvp
from store.models import RsvpStatus
from store.times import iso_oslo

COLUMNS = ["meeting", "starts_at", "place", "orgnr", "company", "status", "people", "answered_at", "promoted_at", "reminded_at", "answered_on"]  # fmt: skip
_ORDER = case((Rsvp.status == RsvpStatus.ATTENDING, 0), (Rsvp.status == RsvpStatus.WAITING, 1), else_=2)


def attendee_rows(session: Session, *, campaign_id: int) -> list[dict[str, Any]]:
    query = (
        select(Event, Rsvp, Company.orgnr, Company.name)
        .join(Rsvp, Rsvp.event_id == Event.id)
        .join(Company, Company.id == Rsvp.company_id)
        .where(Event.campaign_id == campaign_id)
        .order_by(Event.starts_at, Event.id, _ORDER, Rsvp.answered_at, Rsvp.id)
    )
    return [
        {
            "meeting": event.title,
            "starts_at": iso_oslo(event.starts_at),
            "place": event.place,
            "orgnr": orgnr,
            "company": name,
            "status": rsvp.status.value,
            "people": rsvp.people,
            "answered_at": iso_oslo(rsvp.answered_at),
            "promoted_at": iso_oslo(rsvp.promoted_at),
            "reminded_at": iso_oslo(rsvp.reminded_at),
            "answered_on": rsvp.channel,
        }
        for event, rsvp, orgnr, name in session.execute(query).tuples()
    ]


def write_csv(rows: list[dict[str, Any]], out: IO[str]) -> None:
    tables.write_csv(out, header=COLUMNS, rows=([row.get(c) for c in COLUMNS] for row in rows))


def write_xlsx(rows: list[dict[str, Any]], out: IO[bytes]) -> None:
    tables.write_xlsx(
        out, [tables.Sheet("Deltakere", COLUMNS, ([row.get(c) for c in COLUMNS] for row in rows))]
    )
