"""Phone numbers as E.164, and whether a number can take an SMS (PRODUCT §3: a landline is never texted).

`phonenumbers` decides validity and number type from its metadata; we never match number ranges ourselves.
Norwegian numbers are eight digits whose type its metadata fixes by the leading digits, so its verdict is
memoised per three-digit prefix (outside the 8xx service ranges): an import of a million units then costs a dictionary look-up per plain
Norwegian number instead of a full parse and type check (~30 µs).
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

# FIXED_LINE_OR_MOBILE is what the metadata says where the two share a range (the US, some others).
_SMS_TYPES = frozenset({PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE})
_PLAIN_NO = re.compile(r"(?:\+47|0047)?(\d{8})")
_SEPARATORS = str.maketrans("", "", " .-()\u00a0")
_NO_PREFIX_VERDICT: dict[str, tuple[bool, bool]] = {}  # prefix -> (valid, can take SMS)


def _verdict(number: phonenumbers.PhoneNumber) -> tuple[bool, bool]:
    kind = phonenumbers.number_type(number)
    # UNKNOWN exactly when no pattern of the region matches, i.e. the number is invalid.
    return kind != PhoneNumberType.UNKNOWN, kind in _SMS_TYPES


def classify_phone(raw: str | None, region: str = "NO") -> tuple[str, bool] | None:
    """(E.164, can take SMS) for a valid number, else None; one pass for importers that need both."""
    if not raw:
        return None
    compact = raw.strip().translate(_SEPARATORS)
    plain = _PLAIN_NO.fullmatch(compact) if region == "NO" or compact.startswith(("+47", "0047")) else None
    if plain:
        national = plain.group(1)
        verdict = _NO_PREFIX_VERDICT.get(national[:3])
        if verdict is None:
            verdict = _verdict(phonenumbers.parse(national, "NO"))
            if national[0] != "8":  # 8xx service ranges are split by longer prefixes: never memoised
                _NO_PREFIX_VERDICT[national[:3]] = verdict
        return (f"+47{national}", verdict[1]) if verdict[0] else None
    try:
        number = phonenumbers.parse(compact, region)
    except NumberParseException:
        return None
    valid, sms = _verdict(number)
    if not valid or not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164), sms


def normalize_phone(raw: str | None, region: str = "NO") -> str | None:
    """E.164 form of a phone number (+47 by default), or None when it is not a valid number."""
    result = classify_phone(raw, region)
    return result[0] if result else None


def is_mobile(e164: str) -> bool:
    """True when the number can receive SMS."""
    result = classify_phone(e164, "NO")
    return bool(result and result[1])
