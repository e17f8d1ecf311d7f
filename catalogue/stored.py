"""Texts written now and read later by someone whose language is not known yet: a staff notice, why a campaign
paused. They are stored as the catalogue key and its values and written out in each reader's language.

The stored form is a small JSON object in the row's existing text column (`Notice.text`, `Campaign.state_reason`),
so no column changed; anything else found there (a reason staff typed, rows written before) is shown as written.
A time is kept as ISO 8601 and shown in Oslo in the reader's language.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from catalogue import DEFAULT_LANGUAGE, TEXTS, known_language, shown_time, text

_TIME = "time"  # a value written {"time": "<ISO 8601>"} is a moment


def stored_text(key: str, **values: str | int | float | datetime) -> str:
    """The stored form of catalogue text `key` with `values`, to be written out later with `read_text`."""
    if key not in TEXTS:
        raise KeyError(f"catalogue key {key!r} is unknown")
    kept = {name: {_TIME: v.isoformat()} if isinstance(v, datetime) else v for name, v in values.items()}
    return json.dumps({"key": key, "values": kept}, ensure_ascii=False)


def read_text(stored: str | None, language: str = DEFAULT_LANGUAGE) -> str:
    """A stored text in `language`: a catalogue key with its values written out, any other text as it is."""
    if not stored:
        return ""
    parsed = _parsed(stored)
    if parsed is None:
        return stored
    key, values = parsed
    language = known_language(language)
    return text(key, language, **{name: _written(value, language) for name, value in values.items()})


def _parsed(stored: str) -> tuple[str, dict[str, Any]] | None:
    if not stored.startswith('{"key": '):
        return None
    try:
        found = json.loads(stored)
    except ValueError:
        return None
    if (
        not isinstance(found, dict)
        or found.get("key") not in TEXTS
        or not isinstance(found.get("values"), dict)
    ):
        return None
    return found["key"], found["values"]


def _written(value: Any, language: str) -> Any:
    if isinstance(value, dict) and set(value) == {_TIME}:
        return shown_time(datetime.fromisoformat(value[_TIME]), language)
    return value
