"""GSM-7 / UCS-2 detection, segment counting and the normalisation that keeps texts in GSM-7."""

from __future__ import annotations

import pytest

from campaigns.sms_text import GSM7
from campaigns.sms_text import MAX_SEGMENTS
from campaigns.sms_text import UCS2
from campaigns.sms_text import analyse
from campaigns.sms_text import is_gsm7
from campaigns.sms_text import normalize_sms
from campaigns.sms_text import segments


@pytest.mark.parametrize(
    ("text", "encoding", "units"),
    [
        ("Hei", GSM7, 3),
        ("Ærlig talt, Øystein på Åsen: æøå", GSM7, 32),
        ("Café Müller – nei", UCS2, 17),  # the en dash is not GSM-7 (normalize_sms fixes it)
        ("Pris 100 €", GSM7, 11),  # € is in the extension table: two septets
        ("{[~]}|^\\", GSM7, 16),
        ("Vi ses 👋", UCS2, 9),  # an emoji is a surrogate pair: two UTF-16 units
        ("Garçon", UCS2, 6),  # lower-case ç is not in GSM 03.38, only Ç
        ("GARÇON", GSM7, 6),
        ("Åse\u00a0AS", UCS2, 6),  # a no-break space forces UCS-2 ...
        ("", GSM7, 0),
    ],
)
def test_it_detects_the_encoding_and_counts_units(text: str, encoding: str, units: int) -> None:
    info = analyse(text)
    assert (info.encoding, info.units) == (encoding, units)
    assert is_gsm7(text) is (encoding == GSM7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("a" * 159 + "€", 2),  # 161 septets
        ("a" * 158 + "€", 1),  # 160 septets
        ("a" * 152 + "€" + "a" * 151, 2),  # 305 septets; the escape pair fits in part two
        ("a" * 152 + "€" + "a" * 152, 3),  # 306 septets, but the pair may not straddle two parts
        ("ж" * 70, 1),
        ("ж" * 71, 2),
        ("ж" * 134, 2),
        ("ж" * 135, 3),
        ("ж" * 66 + "😀", 1),  # 68 units
        ("ж" * 66 + "😀" + "ж" * 66, 3),  # 134 units, but the surrogate pair may not be split
        ("a" * 1530, MAX_SEGMENTS),
    ],
)
def test_it_counts_segments_like_the_network(text: str, expected: int) -> None:
    assert segments(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Smith\u00a0&\u00a0Sønn", "Smith & Sønn"),
        ("Bygg\u202fAS", "Bygg AS"),
        ("“Sitat” og ‘sitat’ og «sitat»", '"Sitat" og \'sitat\' og "sitat"'),
        ("09–16 — og − minus", "09-16 - og - minus"),
        ("Vent…", "Vent..."),
        ("Linje 1\r\nLinje 2\rLinje 3", "Linje 1\nLinje 2\nLinje 3"),
        ("myk\u00adbinde\u200bstrek", "mykbindestrek"),
        ("Tab\there", "Tab here"),
        ("æøå ÆØÅ é ò", "æøå ÆØÅ é ò"),
        ("Emoji 👋 blir", "Emoji 👋 blir"),
    ],
)
def test_it_replaces_look_alikes_with_gsm_characters(text: str, expected: str) -> None:
    assert normalize_sms(text) == expected


def test_normalising_turns_a_word_processor_text_back_into_gsm7() -> None:
    pasted = "Hei – “Smith & Sønn” AS’s\u00a0tilbud…"
    assert analyse(pasted).encoding == UCS2
    assert analyse(normalize_sms(pasted)).encoding == GSM7


def test_more_than_ten_segments_is_too_long() -> None:
    assert not analyse("a" * 1530).too_long
    assert analyse("a" * 1531).too_long
    assert analyse("ж" * 671).too_long
