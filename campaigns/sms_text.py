"""SMS text: GSM-7 or UCS-2, and how many segments (and so how much money) a message costs.

A single character outside GSM 03.38 (a no-break space from a word processor, a typographic quote or dash)
switches the whole message to UCS-2, which cuts a segment from 160 to 70 characters and can triple the cost.
`normalize_sms` replaces those characters with their GSM equivalents before anything is counted or sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

GSM7 = "GSM-7"
UCS2 = "UCS-2"
MAX_SEGMENTS = 10  # a longer text is an error at create/preview time (PRODUCT §5)

# GSM 03.38 basic character set (without the escape code 0x1B itself).
GSM7_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# The extension table: each of these is sent as ESC + char and costs two septets.
GSM7_EXTENSION = "\f^{}\\[~]|€"

SINGLE_LIMIT = {GSM7: 160, UCS2: 70}  # one segment, no header
PART_LIMIT = {GSM7: 153, UCS2: 67}  # per part of a concatenated message (the UDH takes the rest)

_NOT_BASIC = re.compile("[^" + re.escape(GSM7_BASIC) + "]")
_NOT_GSM7 = re.compile("[^" + re.escape(GSM7_BASIC + GSM7_EXTENSION) + "]")
_EXTENSION = re.compile("[" + re.escape(GSM7_EXTENSION) + "]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# The basic characters that Latin-1 has: deleting them from Latin-1 bytes is the fastest check there is.
_BASIC_LATIN1 = bytes(sorted({ord(char) for char in GSM7_BASIC if ord(char) < 256}))

# Characters that force UCS-2 although GSM-7 has an equivalent (Twilio "smart encoding" does the same).
_REPLACEMENTS = {
    **dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a", " "),
    **dict.fromkeys("\u202f\u205f\u3000\t", " "),
    **dict.fromkeys("\u200b\u200c\u200d\u2060\ufeff\u00ad", ""),
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4`", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2022", "-"),
    "\u2026": "...",
}
_TABLE = str.maketrans(_REPLACEMENTS)
_REPLACEABLE = re.compile("[" + re.escape("".join(_REPLACEMENTS)) + "]")


@dataclass(frozen=True)
class SmsInfo:
    """What an SMS costs: its encoding, its segments, and its length in septets (GSM-7) or UTF-16 units."""

    encoding: str
    segments: int
    units: int

    @property
    def too_long(self) -> bool:
        return self.segments > MAX_SEGMENTS


def normalize_sms(text: str) -> str:
    """Replaces look-alike characters with GSM-7 ones and unifies line ends; other text is left alone."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # str.translate is slow on non-ASCII text; most messages have nothing to replace.
    return text.translate(_TABLE) if _REPLACEABLE.search(text) else text


def _only_basic(text: str) -> bool:
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:  # Greek capitals are basic GSM-7 but not Latin-1
        return _NOT_BASIC.search(text) is None
    return not data.translate(None, _BASIC_LATIN1)


def normalize_and_analyse(text: str) -> tuple[str, SmsInfo]:
    """`normalize_sms`, then `analyse`: one pass over the text when it has only basic GSM-7 characters (a
    materialised step does this for every company)."""
    if not _only_basic(text):
        text = normalize_sms(text)
        return text, analyse(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, _plain_info(len(text))


@lru_cache(maxsize=1024)
def _plain_info(units: int) -> SmsInfo:
    """Basic GSM-7 text costs what its length says (SmsInfo is immutable, so one per length serves all)."""
    if units <= SINGLE_LIMIT[GSM7]:
        return SmsInfo(GSM7, 1, units)
    return SmsInfo(GSM7, -(-units // PART_LIMIT[GSM7]), units)


def is_gsm7(text: str) -> bool:
    return _NOT_GSM7.search(text) is None


def sms_encoding(text: str) -> str:
    return GSM7 if is_gsm7(text) else UCS2


def _pack(sizes: list[int], part: int) -> int:
    """Segments needed when an escape pair or a surrogate pair may not be split between two parts."""
    count, used = 1, 0
    for size in sizes:
        if used + size > part:
            count, used = count + 1, 0
        used += size
    return count


def analyse(text: str) -> SmsInfo:
    """Encoding, segments and units of `text` as the network will count them (send `normalize_sms` first)."""
    if not text:
        return SmsInfo(GSM7, 1, 0)
    # One scan settles the common case (only basic GSM-7 characters); the rest need a second look.
    plain = _only_basic(text)
    if plain or is_gsm7(text):
        extended = 0 if plain else len(_EXTENSION.findall(text))
        units = len(text) + extended
        if units <= SINGLE_LIMIT[GSM7]:
            return SmsInfo(GSM7, 1, units)
        if not extended:
            return SmsInfo(GSM7, -(-units // PART_LIMIT[GSM7]), units)
        sizes = [2 if char in GSM7_EXTENSION else 1 for char in text]
        return SmsInfo(GSM7, _pack(sizes, PART_LIMIT[GSM7]), units)
    astral = len(_ASTRAL.findall(text)) if _ASTRAL.search(text) else 0
    units = len(text) + astral
    if units <= SINGLE_LIMIT[UCS2]:
        return SmsInfo(UCS2, 1, units)
    if not astral:
        return SmsInfo(UCS2, -(-units // PART_LIMIT[UCS2]), units)
    sizes = [2 if ord(char) > 0xFFFF else 1 for char in text]
    return SmsInfo(UCS2, _pack(sizes, PART_LIMIT[UCS2]), units)


def segments(text: str) -> int:
    return analyse(text).segments
