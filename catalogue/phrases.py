"""A catalogue text not written yet: its key and values, written out when the reader's language is known.

The domain decides what to say long before it knows who reads it (an import row rejected in a background job, a
refusal the CLI and the dashboard both show), so it hands over a `Phrase`, or raises a `Refusal` carrying one,
and each edge writes it in its reader's language. A value may itself be a Phrase (a reason inside a file error).
`str()` of either is the bokmål text, so logs and older callers read what they read before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from catalogue import DEFAULT_LANGUAGE, text


@dataclass(frozen=True)
class Phrase:
    """Catalogue text `key` with `values`, to be written in a reader's language."""

    key: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def text_in(self, language: str) -> str:
        """The text in `language` (bokmål for a language we do not write), nested phrases written alike."""
        return text(
            self.key, language, **{name: written(value, language) for name, value in self.values.items()}
        )

    def __str__(self) -> str:
        return self.text_in(DEFAULT_LANGUAGE)


def said(key: str, **values: Any) -> Phrase:
    """`Phrase(key, values)` written as a call reads, like `text(key, **values)`."""
    return Phrase(key, values)


def written(value: Any, language: str) -> Any:
    """A value as it goes into a text: a phrase in `language`, anything else as it is."""
    return value.text_in(language) if isinstance(value, Phrase) else value


class Refusal(Exception):
    """Input the domain refuses, said as a catalogue phrase: `text_in(language)` for the reader, `str()` in
    bokmål. Subclasses name the area (StaffError, ImportFileError ...) so callers catch only their own."""

    def __init__(self, key: str, **values: Any) -> None:
        self.phrase = Phrase(key, values)
        super().__init__(str(self.phrase))

    def text_in(self, language: str) -> str:
        """The refusal in `language`."""
        return self.phrase.text_in(language)
