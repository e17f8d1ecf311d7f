"""A catalogue text not written yet: its key and values, written out when the reader's language is known.

The domain decides what to say long before it knows who reads it (a campaign file's problem, a refusal the CLI
and the dashboard both show), so it hands over a `Phrase`, or raises a `Refusal` carrying one, and each edge
writes it in its reader's language. A value may itself be a Phrase ("tallet 5", "the number 5", inside a
problem) or anything else with `text_in`; a callable value is called with the language. `str()` of either is
the bokmål text, so logs, the API and older callers read what they read before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from typing import Any
from typing import Protocol

from catalogue import DEFAULT_LANGUAGE
from catalogue import TEXTS
from catalogue import text


class Readable(Protocol):
    """Anything that can be written in a reader's language."""

    def text_in(self, language: str) -> str: ...


@dataclass(frozen=True)
class Phrase:
    """Catalogue text `key` with `values`, to be written in a reader's language."""

    key: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.key not in TEXTS:  # a typo fails where the phrase is made, not when someone reads it
            raise KeyError(f"catalogue key {self.key!r} is unknown")

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
    """A value as it goes into a text: a phrase (anything with `text_in`) in `language`, a callable called with
    it, anything else as it is."""
    if hasattr(value, "text_in"):
        return value.text_in(language)
    return value(language) if callable(value) else value


def written_in(item: Readable | str, language: str) -> str:
    """An item of a list of problems that mixes catalogue texts with words given as they are (a library's)."""
    return item if isinstance(item, str) else item.text_in(language)


class Refusal(Exception):
    """Input or an action the domain refuses, said as a catalogue phrase: `text_in(language)` for the reader,
    `str()` in bokmål. Subclasses name the area and the built-in error they refine
    (`class MeetingError(Refusal, ValueError)`), so callers catch only their own and older catches still hold."""

    def __init__(self, key: str, **values: Any) -> None:
        self.phrase = Phrase(key, values)
        super().__init__(str(self.phrase))

    def text_in(self, language: str) -> str:
        """The refusal in `language`."""
        return self.phrase.text_in(language)


def refusal_in(exc: Exception, language: str) -> str:
    """A refusal from the domain in `language` when it carries its catalogue key (`text_in`: a Refusal, such
    as a campaign's CampaignError; `problems_in`: a campaign file's problems, one per line), else as it was written."""
    problems_in = getattr(exc, "problems_in", None)
    if callable(problems_in):
        return "\n".join(problems_in(language))
    text_in = getattr(exc, "text_in", None)
    return text_in(language) if callable(text_in) else str(exc)
