"""Understands what a company wrote (PRODUCT §7): case-, accent- and punctuation-insensitive keywords,
with or without the company's short code anywhere in the message."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from companies.identifiers import SHORT_CODE_ALPHABET
from companies.identifiers import SHORT_CODE_LENGTH
from store.models import Intent

OPT_OUT = {"stopp", "stop", "avmeld", "avslutt", "slutt", "unsubscribe", "stopp alle", "stop all"}
INTERESTED = {"ja", "ja takk", "interessert", "jatakk", "yes", "ja gjerne"}
DECLINED = {"nei", "nei takk", "ikke interessert", "neitakk", "no", "no thanks", "ikkje interessert"}
HELP = {"hjelp", "info", "help", "hjelp meg"}
CANCEL = {"avbryt", "cancel", "avbryt registrering"}

_WORD = re.compile(r"[a-z0-9]+")
_ASCII_INT = re.compile(r"[0-9]{1,9}")
_CODE = re.compile(rf"^[{SHORT_CODE_ALPHABET}]{{{SHORT_CODE_LENGTH}}}$")


def fold(text: str) -> str:
    """Lower case without accents: "Stöpp!" and "STOPP" compare equal; ø/æ become o/ae."""
    text = text.casefold().replace("ø", "o").replace("æ", "ae").replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def ascii_int(text: str) -> int | None:
    """The number a run of ASCII digits spells, else None. `str.isdigit()` is true for "²" and "٣", on
    which `int()` raises or surprises; people and forged buttons send both."""
    return int(text) if _ASCII_INT.fullmatch(text) else None


@dataclass(frozen=True)
class Parsed:
    intent: Intent
    short_code: str | None  # a token shaped like a short code (checked against the database by the caller)
    cancel: bool = False


def candidate_codes(text: str) -> list[str]:
    """Tokens that could be a short code, upper-cased (codes are typed in any case)."""
    return [w.upper() for w in words(text) if len(w) == SHORT_CODE_LENGTH and _CODE.match(w.upper())]


def parse(text: str | None, *, known_code: str | None = None) -> Parsed:
    """Classifies a message. `known_code` is the short code found in it, which is removed before matching;
    a message that is only the code counts as interest (the company wrote its code to register)."""
    tokens = words(text or "")
    if known_code:
        tokens = [t for t in tokens if t.upper() != known_code]
    phrase = " ".join(tokens)
    if phrase in OPT_OUT:
        return Parsed(Intent.OPT_OUT, known_code)
    if phrase in CANCEL:
        return Parsed(Intent.FREE_TEXT, known_code, cancel=True)
    if phrase in INTERESTED or (known_code and not tokens):
        return Parsed(Intent.INTERESTED, known_code)
    if phrase in DECLINED:
        return Parsed(Intent.DECLINED, known_code)
    if phrase in HELP:
        return Parsed(Intent.HELP, known_code)
    return Parsed(Intent.FREE_TEXT, known_code)


def meeting_reply(text: str | None, *, known_code: str | None = None) -> tuple[bool, int | None] | None:
    """A JA or NEI as an answer to a meeting invitation: (yes, people) where "JA 3" brings three people, or
    None when the text is neither. Whether it is about a meeting is decided by what the company got last."""
    tokens = words(text or "")
    if known_code:
        tokens = [t for t in tokens if t.upper() != known_code]
    people = ascii_int(tokens[-1]) if len(tokens) > 1 else None
    if people is not None:
        tokens = tokens[:-1]
    phrase = " ".join(tokens)
    if phrase in INTERESTED:
        return True, people
    if phrase in DECLINED and people is None:
        return False, None
    return None
