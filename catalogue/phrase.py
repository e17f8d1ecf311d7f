"""A catalogue text not written yet: its key and values, kept until the reader's language is known.

The domain says what went wrong (`Phrase.of("def_not_a_day", value="mon,")`) without knowing who reads it; each
edge writes it in its reader's language (`text_in`), and `str()` is bokmål, for logs, the API and stored forms.
A value that is itself a Phrase is written in the same language, so a sentence can name a part that needs
translating too ("tallet 5", "the number 5"); a callable value is called with the language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from catalogue import DEFAULT_LANGUAGE, TEXTS, text


class Readable(Protocol):
    """Anything that can be written in a reader's language."""

    def text_in(self, language: str) -> str: ...


@dataclass(frozen=True)
class Phrase:
    """Catalogue text `key` with its `values`, written when the reader is known."""

    key: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.key not in TEXTS:  # a typo fails where the phrase is made, not when someone reads it
            raise KeyError(f"catalogue key {self.key!r} is unknown")

    @classmethod
    def of(cls, key: str, **values: Any) -> Phrase:
        return cls(key, values)

    def text_in(self, language: str) -> str:
        return text(self.key, language, **{name: written(v, language) for name, v in self.values.items()})

    def __str__(self) -> str:
        return self.text_in(DEFAULT_LANGUAGE)


class PhraseError(Exception):
    """An error a person reads: it carries its catalogue key and values (`phrase`), written in the reader's
    language by `text_in`; `str()` is the bokmål sentence. Combined with the built-in error it refines
    (`class MeetingError(PhraseError, ValueError)`), so callers that catch that one keep working."""

    def __init__(self, key: str, **values: Any) -> None:
        self.phrase = Phrase(key, values)
        super().__init__(str(self.phrase))

    def text_in(self, language: str) -> str:
        return self.phrase.text_in(language)


def written(value: Any, language: str) -> Any:
    """A value as a reader of `language` reads it: a Phrase (or anything Readable) written in that language."""
    if hasattr(value, "text_in"):
        return value.text_in(language)
    return value(language) if callable(value) else value


def written_in(item: Readable | str, language: str) -> str:
    """An item of a list of problems that mixes catalogue texts with text given as it is (a library's message)."""
    return item if isinstance(item, str) else item.text_in(language)


def refusal_in(exc: Exception, language: str) -> str:
    """A refusal from the domain in `language` when it carries its catalogue key (`text_in`: a campaign's
    CampaignError, a meeting's or a letter proof's error; `problems_in`: a campaign file's problems, one per
    line), else as the domain wrote it."""
    problems_in = getattr(exc, "problems_in", None)
    if callable(problems_in):
        return "\n".join(problems_in(language))
    text_in = getattr(exc, "text_in", None)
    return text_in(language) if callable(text_in) else str(exc)
