"""The Norwegian (bokmål) name of every stored state and code staff and hunters read, in one place.

The CLI's tables, the dashboard's badges, the hunters' Telegram texts and lifecycle's error sentences all read
these mappings, so a state is called the same everywhere (it was worded six ways before). Keys are the enums'
machine values, which `--json`, the API and exports keep. Labels start with a capital letter, as a table cell
or a badge shows them; inside a sentence use `label(..., lower=True)`. Each label also reads after "er"
("Kampanje 3 er nå i gang"), which is why `running` is "I gang" and not "Sender".
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

CAMPAIGN_STATES: Mapping[str, str] = {
    "draft": "Utkast",
    "scheduled": "Planlagt",
    "running": "I gang",
    "paused": "På pause",
    "completed": "Fullført",
    "cancelled": "Avbrutt",
}
MESSAGE_STATES: Mapping[str, str] = {
    "queued": "I kø",
    "sending": "Sendes",
    "sent": "Sendt",
    "delivered": "Levert",
    "failed": "Feilet",
    "undelivered": "Ikke levert",
    "skipped": "Hoppet over",
    "cancelled": "Avbrutt",
    "unknown": "Uavklart",
}
LEAD_STATES: Mapping[str, str] = {
    "new": "Ny",
    "claimed": "Tatt",
    "contacted": "Kontaktet",
    "became_training_company": "Ble lærebedrift",
    "declined": "Takket nei",
    "no_answer": "Fikk ikke svar",
}
HUNTER_STATES: Mapping[str, str] = {"pending": "Venter", "approved": "Godkjent", "rejected": "Avvist"}
HUNTER_TYPES: Mapping[str, str] = {
    "union": "Fagforbund",
    "trade_body": "Bransjeorganisasjon",
    "training_office": "Opplæringskontor",
    "school": "Skole",
    "municipality": "Kommune",
    "county_council": "Fylkeskommune",
    "nav": "NAV",
    "other": "Annet",
}
INTENTS: Mapping[str, str] = {
    "interested": "Interessert",
    "declined": "Nei takk",
    "opt_out": "Avmeldt",
    "help": "Hjelp",
    "free_text": "Spørsmål",
    "answer": "Svar",
    "command": "Kommando",
}
CHANNELS: Mapping[str, str] = {
    "letter": "Brev",
    "email": "E-post",
    "sms": "SMS",
    "telegram": "Telegram",
    "sandbox": "Sandkasse",
    "web": "Nettskjema",
}
STEP_AUDIENCES: Mapping[str, str] = {
    "everyone": "Alle",
    "no_reply": "De som ikke har svart",
    "interested": "De interesserte",
}
ROLES: Mapping[str, str] = {
    "admin": "Administrator",
    "staff": "Kampanjeansvarlig",
    "county": "Fylkesansvarlig",  # a staff account scoped to counties (staff.scopes)
}

WAIT_REASONS: Mapping[str, str] = {
    "window": "Utenfor sendetiden",
    "send_day": "Ikke sendedag",
    "holiday": "Helligdag",
    "daily_cap": "Grensen per dag",
    "rate": "Sendefarten",
    "paused": "Kampanjen er på pause",
    "retry": "Nytt forsøk",
}

RSVP_STATES: Mapping[str, str] = {"attending": "Kommer", "waiting": "Venteliste", "declined": "Kommer ikke"}

KINDS: Mapping[str, Mapping[str, str]] = {
    "campaign": CAMPAIGN_STATES,
    "message": MESSAGE_STATES,
    "lead": LEAD_STATES,
    "hunter": HUNTER_STATES,
    "hunter_type": HUNTER_TYPES,
    "intent": INTENTS,
    "channel": CHANNELS,
    "audience": STEP_AUDIENCES,
    "role": ROLES,
    "wait": WAIT_REASONS,
    "rsvp": RSVP_STATES,
}


def label(value: Enum | str | None, kind: str, *, lower: bool = False) -> str:
    """The Norwegian name of `value` (an enum member or its machine value); an unknown value is shown as it
    is rather than hidden, and None as an empty string."""
    if value is None:
        return ""
    raw: Any = value.value if isinstance(value, Enum) else value
    text = KINDS[kind].get(str(raw), str(raw))
    return _lower_first(text) if lower else text


def _lower_first(text: str) -> str:
    """`I gang` -> `i gang`, but `NAV` and `SMS` stay as they are (an all-capital word is a name)."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() and len(first) > 1 else text[:1].lower() + text[1:]
