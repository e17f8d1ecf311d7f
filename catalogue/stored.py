"""Texts written now and read later by someone whose language is not known yet: a staff notice, why a campaign
paused. They are stored as the catalogue key and its values and written out in each reader's language.

The stored form is a small JSON object in the row's existing text column (`Notice.text`, `Campaign.state_reason`),
so no column changed; anything else found there (a reason staff typed, rows written before) is shown as written.
A time is kept as ISO 8601 and shown in Oslo in the reader's language; a value that is itself a phrase
(catalogue.phrases) is kept as its own `{"key", "values"}` object and written in the same language.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from catalogue import DEFAULT_LANGUAGE
from catalogue import TEXTS
from catalogue import known_language
from catalogue import shown_time
from catalogue import text
from catalogue.phrases import Phrase

_TIME = "time"  # a value written {"time": "<ISO 8601>"} is a moment


def stored_text(key: str, **values: str | int | float | datetime | Phrase) -> str:
    """The stored form of catalogue text `key` with `values`, to be written out later with `read_text`."""
    return json.dumps(_kept(key, values), ensure_ascii=False)


def stored_phrase(phrase: Phrase) -> str:
    """The stored form of `phrase`, to be written out later with `read_text`."""
    return stored_text(phrase.key, **phrase.values)


def _kept(key: str, values: Any) -> dict[str, Any]:
    if key not in TEXTS:
        raise KeyError(f"catalogue key {key!r} is unknown")
    return {"key": key, "values": {name: _kept_value(value) for name, value in values.items()}}


def _kept_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return {_TIME: value.isoformat()}
    return _kept(value.key, value.values) if isinstance(value, Phrase) else value


def read_text(stored: str | None, language: str = DEFAULT_LANGUAGE) -> str:
    """A stored text in `language`: a catalogue key with its values written out, any other text as it is."""
    if not stored:
        return ""
    parsed = _parsed(stored)
    if parsed is None:
        return stored
    key, values = parsed
    return _text_of(key, values, known_language(language))


def _text_of(key: str, values: dict[str, Any], language: str) -> str:
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
    if isinstance(value, dict) and value.get("key") in TEXTS and isinstance(value.get("values"), dict):
        return _text_of(value["key"], value["values"], language)
    return value
