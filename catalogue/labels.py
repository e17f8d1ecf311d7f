"""`label(value, kind, language)`: the one name of a state or code (catalogue.states) as a person reads it."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import Any

from catalogue import DEFAULT_LANGUAGE
from catalogue import known_language
from catalogue.states import LABELS

KINDS = tuple(LABELS)


def label(
    value: Enum | str | None, kind: str, language: str = DEFAULT_LANGUAGE, *, lower: bool = False
) -> str:
    """The name of `value` (an enum member or its machine value); an unknown value is shown as it is rather
    than hidden, and None as an empty string."""
    if value is None:
        return ""
    raw: Any = value.value if isinstance(value, Enum) else value
    variants = LABELS[kind].get(str(raw))
    text = str(raw) if variants is None else variants[known_language(language)]
    return _lower_first(text) if lower else text


def labels_of(kind: str, language: str = DEFAULT_LANGUAGE) -> Mapping[str, str]:
    """Every machine value of `kind` with its name, in the order the catalogue lists them (for choices)."""
    return {value: variants[known_language(language)] for value, variants in LABELS[kind].items()}


def _lower_first(text: str) -> str:
    """`I gang` -> `i gang`, but `NAV` and `SMS` stay as they are (an all-capital word is a name)."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() and len(first) > 1 else text[:1].lower() + text[1:]
