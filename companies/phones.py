"""Phone numbers as E.164, and whether a number can take an SMS (PRODUCT §3: a landline is never texted).

`phonenumbers` decides validity and number type from its metadata; we never match number ranges ourselves.
A full parse and type check costs ~30 µs, too much for a register of a million units, so the verdict on plain
Norwegian eight-digit numbers is memoised. The memo is keyed on exactly as many leading digits as the
metadata decides by: `decisive_length` reads every pattern of the regions that share +47 (NO and SJ) and finds
the last position at which any of them still tells digits apart (5 in metadata 9.0: 810 0x shared cost vs
81007 UAN; 4535 mobile vs 4536 unallocated). Beyond that position every pattern accepts any digit, so every
number with the same key gets the same verdict from the library, whichever of them was seen first. A pattern
this reader does not understand makes the key the whole number: slower, never wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException
from phonenumbers import PhoneMetadata
from phonenumbers import PhoneNumberDesc
from phonenumbers import PhoneNumberFormat
from phonenumbers import PhoneNumberType

# FIXED_LINE_OR_MOBILE is what the metadata says where the two share a range (the US, some others).
_SMS_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})
_PLAIN_NO = re.compile(r"(?:\+47|0047)?(\d{8})")
_SEPARATORS = str.maketrans("", "", " .-()\u00a0")
NATIONAL_LENGTH = 8
_MAX_EXACT_ENTRIES = 1_000_000  # bound on the memo when it has to hold whole numbers

Verdict = tuple[bool, bool]  # (valid, can take SMS)
_ANY = frozenset("0123456789")


class _Unsupported(Exception):
    """A pattern uses syntax outside the small subset the metadata is written in."""


def _library_verdict(number: phonenumbers.PhoneNumber) -> Verdict:
    valid = phonenumbers.is_valid_number(number)
    return valid, valid and phonenumbers.number_type(number) in _SMS_TYPES


def _norwegian_verdict(number: phonenumbers.PhoneNumber) -> Verdict:
    """The same verdict for a +47 number at half the cost: `is_valid_number` and `number_type` both pick the
    region (NO or SJ, both geographic, both +47) and then run the same type check, which is UNKNOWN exactly
    when `is_valid_number` says no; so one call answers both."""
    kind = phonenumbers.number_type(number)
    return kind != PhoneNumberType.UNKNOWN, kind in _SMS_TYPES


# --- reading the metadata's patterns -------------------------------------------------------------------------
# A pattern is read into "shapes": sequences of digit sets, one per position, whose union is the language the
# pattern accepts (the metadata's patterns are finite: digits, \d, classes, groups, alternation, bounded
# repeats). Shapes longer than the numbers we look at are dropped as they are built, which keeps the count small.

_Shape = tuple[frozenset[str], ...]
_MAX_SHAPES = 20_000


class _PatternReader:
    def __init__(self, pattern: str, limit: int) -> None:
        self.text, self.pos, self.limit = pattern, 0, limit

    def read(self) -> set[_Shape]:
        shapes = self._alternation()
        if self.pos != len(self.text):
            raise _Unsupported(self.text)
        return shapes

    def _peek(self) -> str:
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def _alternation(self) -> set[_Shape]:
        shapes = self._sequence()
        while self._peek() == "|":
            self.pos += 1
            shapes |= self._sequence()
        return shapes

    def _sequence(self) -> set[_Shape]:
        shapes: set[_Shape] = {()}
        while self._peek() not in ("", "|", ")"):
            atom = self._repeat(self._atom())
            shapes = {s + a for s in shapes for a in atom if len(s) + len(a) <= self.limit}
            if len(shapes) > _MAX_SHAPES:
                raise _Unsupported(self.text)
        return shapes

    def _atom(self) -> set[_Shape]:
        char = self._peek()
        if char.isdigit():
            self.pos += 1
            return {(frozenset(char),)}
        if self.text.startswith("\\d", self.pos):
            self.pos += 2
            return {(_ANY,)}
        if char == "[":
            return {(self._class(),)}
        if char == "(":
            self.pos += 3 if self.text.startswith("(?:", self.pos) else 1
            inner = self._alternation()
            if self._peek() != ")":
                raise _Unsupported(self.text)
            self.pos += 1
            return inner
        raise _Unsupported(self.text)

    def _class(self) -> frozenset[str]:
        end = self.text.find("]", self.pos)
        body = self.text[self.pos + 1 : end]
        if end < 0 or not body or not re.fullmatch(r"(?:\d-\d|\d)+", body):
            raise _Unsupported(self.text)
        self.pos = end + 1
        digits: set[str] = set()
        for low, high in re.findall(r"(\d)(?:-(\d))?", body):
            digits.update(str(d) for d in range(int(low), int(high or low) + 1))
        return frozenset(digits)

    def _repeat(self, atom: set[_Shape]) -> set[_Shape]:
        counts: range
        if self._peek() == "?":
            self.pos += 1
            counts = range(0, 2)
        elif self._peek() == "{":
            match = re.compile(r"\{(\d+)(?:,(\d+))?\}").match(self.text, self.pos)
            if match is None:
                raise _Unsupported(self.text)
            self.pos = match.end()
            low = int(match.group(1))
            counts = range(low, int(match.group(2) or low) + 1)
        elif self._peek() in ("*", "+"):
            raise _Unsupported(self.text)  # unbounded: never in the metadata, and not worth reading
        else:
            return atom
        shapes: set[_Shape] = set()
        for count in counts:
            repeated: set[_Shape] = {()}
            for _ in range(count):
                repeated = {r + a for r in repeated for a in atom if len(r) + len(a) <= self.limit}
            shapes |= repeated
        return shapes


def decisive_length(pattern: str, *, length: int, prefix: bool = False) -> int:
    """How many leading digits of a `length`-digit number decide whether `pattern` matches it.

    `prefix` for patterns matched at the start only (leading digits); others must match the whole number.
    Raises _Unsupported for syntax outside the metadata's subset."""
    decisive = 0
    for shape in _PatternReader(pattern, length).read():
        if not prefix and len(shape) != length:
            continue
        last = max((i + 1 for i, digits in enumerate(shape) if digits != _ANY), default=0)
        decisive = max(decisive, last)
    return decisive


def _metadata_patterns(regions: tuple[str, ...]) -> list[tuple[str, bool]]:
    """Every pattern `is_valid_number`, `number_type` and the choice between regions read: (pattern, prefix)."""
    patterns: list[tuple[str, bool]] = []
    for region in regions:
        metadata = PhoneMetadata.metadata_for_region(region)
        if metadata is None:
            continue
        if metadata.leading_digits:
            patterns.append((metadata.leading_digits, True))
        for value in vars(metadata).values():
            if isinstance(value, PhoneNumberDesc) and value.national_number_pattern:
                patterns.append((value.national_number_pattern, False))
    return patterns


def norwegian_key_length() -> int:
    """The memo's key length for eight-digit numbers behind +47; the whole number when a pattern is unreadable."""
    regions = tuple(phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(47, ("NO",)))
    try:
        return max(
            decisive_length(pattern, length=NATIONAL_LENGTH, prefix=prefix)
            for pattern, prefix in _metadata_patterns(regions)
        )
    except (_Unsupported, ValueError):
        return NATIONAL_LENGTH


@dataclass
class PhoneClassifier:
    """Classifies numbers with the library's exact verdict, memoising plain Norwegian ones by their key."""

    key_length: int = 0  # 0: read from the metadata on construction

    def __post_init__(self) -> None:
        if not self.key_length:
            self.key_length = norwegian_key_length()
        self._verdicts: dict[str, Verdict] = {}

    def classify(self, raw: str | None, region: str = "NO") -> tuple[str, bool] | None:
        if not raw:
            return None
        compact = raw.strip().translate(_SEPARATORS)
        plain = (
            _PLAIN_NO.fullmatch(compact) if region == "NO" or compact.startswith(("+47", "0047")) else None
        )
        # A leading 0 is parsed differently (an international prefix, an Italian-style zero): the full path.
        if plain and plain.group(1)[0] != "0":
            national = plain.group(1)
            key = national[: self.key_length]
            verdict = self._verdicts.get(key)
            if verdict is None:
                # What parse(national, "NO") returns for eight digits without a leading 0, minus its cost.
                number = phonenumbers.PhoneNumber(country_code=47, national_number=int(national))
                verdict = _norwegian_verdict(number)
                if len(self._verdicts) >= _MAX_EXACT_ENTRIES:
                    self._verdicts.clear()
                self._verdicts[key] = verdict
            return (f"+47{national}", verdict[1]) if verdict[0] else None
        try:
            number = phonenumbers.parse(compact, region)
        except NumberParseException:
            return None
        valid, sms = _library_verdict(number)
        if not valid:
            return None
        return phonenumbers.format_number(number, PhoneNumberFormat.E164), sms


_CLASSIFIER = PhoneClassifier()


def classify_phone(raw: str | None, region: str = "NO") -> tuple[str, bool] | None:
    """(E.164, can take SMS) for a valid number, else None; one pass for importers that need both."""
    return _CLASSIFIER.classify(raw, region)


def normalize_phone(raw: str | None, region: str = "NO") -> str | None:
    """E.164 form of a phone number (+47 by default), or None when it is not a valid number."""
    result = classify_phone(raw, region)
    return result[0] if result else None


def is_mobile(e164: str) -> bool:
    """True when the number can receive SMS."""
    result = classify_phone(e164, "NO")
    return bool(result and result[1])
