"""The language an API client asks for (web.deps.accepted_language): q-values decide, our tags and their regional
forms count, and whatever else a header holds (an unknown tag, a broken q, a huge or hostile value) falls back to
bokmål rather than failing the request."""

from __future__ import annotations

import pytest

from web.deps import accepted_language


@pytest.mark.parametrize(
    ("header", "language"),
    [
        (None, "nb"),
        ("", "nb"),
        ("en", "en"),
        ("en-GB,en;q=0.9", "en"),
        ("nn-NO", "nn"),
        ("no", "nb"),
        ("nb-NO,nb;q=0.9,no;q=0.8,nn;q=0.7,en-US;q=0.6,en;q=0.5", "nb"),
        ("en;q=0.4, nn;q=0.8", "nn"),  # the highest q wins, not the first named
        ("nn;q=0.5, en;q=0.5", "nn"),  # equal q: the first named
        ("de-DE, fr;q=0.9", "nb"),  # none of ours
        ("*", "nb"),
        ("en;q=0, nn;q=0.1", "nn"),  # q=0 means "not this one"
        ("en;q=abc, nn", "nn"),  # a broken q drops its item only
        ("en;q=2", "nb"),  # out of range
        ("en;q=nan", "nb"),
        ("EN-us", "en"),
        ("en\x00, nn", "nn"),
        (",,,;;;===", "nb"),
        ("de, " * 1000 + "en", "nb"),  # only the first 500 characters are read
    ],
)
def test_the_language_asked_for(header: str | None, language: str) -> None:
    assert accepted_language(header) == language
