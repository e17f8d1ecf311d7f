import random

import phonenumbers
import pytest

from companies.phones import PhoneClassifier
from companies.phones import classify_phone
from companies.phones import decisive_length
from companies.phones import is_mobile
from companies.phones import normalize_phone
from companies.phones import norwegian_key_length


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("91234567", "+4791234567"),
        ("912 34 567", "+4791234567"),
        ("+47 912 34 567", "+4791234567"),
        ("0047 91234567", "+4791234567"),
        ("22 12 34 56", "+4722123456"),
        ("+46 70 123 45 67", "+46701234567"),
        ("1234", None),
        ("not a number", None),
        ("", None),
        (None, None),
    ],
)
def test_it_normalises_to_e164_with_norway_as_default(raw: str | None, expected: str | None) -> None:
    assert normalize_phone(raw) == expected


@pytest.mark.parametrize("prefix", ["40", "41", "45", "46", "47", "48", "90", "93", "95", "99"])
def test_norwegian_mobile_prefixes_are_mobile(prefix: str) -> None:
    assert is_mobile(f"+47{prefix}123456")


@pytest.mark.parametrize("prefix", ["22", "33", "51", "55", "62", "73", "77"])
def test_norwegian_landlines_are_not_mobile(prefix: str) -> None:
    assert normalize_phone(f"{prefix}123456") is not None
    assert not is_mobile(f"+47{prefix}123456")


@pytest.mark.parametrize("prefix", ["42", "43", "44", "49"])
def test_reserved_four_prefixes_are_not_mobile(prefix: str) -> None:
    assert not is_mobile(f"+47{prefix}123456")


def test_memoised_prefix_verdicts_agree_with_a_full_parse() -> None:
    assert classify_phone("+4791234567") == ("+4791234567", True)
    assert classify_phone("91234568") == ("+4791234568", True)
    assert classify_phone("+46701234567") == ("+46701234567", True)


def test_service_ranges_are_valid_but_never_texted() -> None:
    assert normalize_phone("80000000") == "+4780000000"  # toll free
    assert normalize_phone("81000000") is not None  # shared cost
    assert not is_mobile("+4780000000") and not is_mobile("+4781000000")


# --- exact verdicts (issue 10, items 10 and 11) -------------------------------------------------------------

SMS_TYPES = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}


def library_verdict(raw: str) -> tuple[str, bool] | None:
    """What a full parse says, written out here so the test does not lean on the code under test."""
    try:
        number = phonenumbers.parse(raw, "NO")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return e164, phonenumbers.number_type(number) in SMS_TYPES


def sample_numbers() -> list[str]:
    """Five seeded random numbers in each of the 10,000 blocks of 10,000 eight-digit numbers."""
    rng = random.Random(20261204)
    return [f"{block:04d}{rng.randrange(10_000):04d}" for block in range(10_000) for _ in range(5)]


def test_the_fast_path_gives_the_librarys_verdict_in_every_block_in_either_order() -> None:
    numbers = sample_numbers()
    expected = {number: library_verdict(number) for number in numbers}
    assert sum(1 for v in expected.values() if v is not None) > 10_000  # the sample reaches valid ranges
    for order in (numbers, numbers[::-1]):
        classifier = PhoneClassifier()  # a fresh memo: which number of a key comes first differs per order
        wrong = {n: (got, expected[n]) for n in order if (got := classifier.classify(n)) != expected[n]}
        assert wrong == {}


def test_written_forms_get_the_same_verdict_as_the_bare_number() -> None:
    classifier = PhoneClassifier()
    for number in sample_numbers()[::97]:
        spaced = f"+47 {number[:3]} {number[3:5]} {number[5:]}"
        assert classifier.classify(spaced) == library_verdict(spaced) == library_verdict(number)
        assert classifier.classify(f"0047{number}") == library_verdict(f"0047{number}")


@pytest.mark.parametrize("first", ["45350000", "45360000"])
def test_a_valid_mobile_range_and_an_unallocated_neighbour_keep_their_own_verdicts(first: str) -> None:
    classifier = PhoneClassifier()
    second = "45360000" if first == "45350000" else "45350000"
    verdicts = {first: classifier.classify(first), second: classifier.classify(second)}
    assert verdicts == {"45350000": ("+4745350000", True), "45360000": None}


def test_the_key_is_as_long_as_the_longest_prefix_the_metadata_decides_by() -> None:
    assert decisive_length(r"45(?:[0-24-9]\d|3[0-57-9])\d{4}|(?:4[016-8]|9\d)\d{6}", length=8) == 4
    assert decisive_length(r"810(?:0[0-6]|[2-8]\d)\d{3}", length=8) == 5
    assert decisive_length(r"[02-689]|7[0-8]", length=8, prefix=True) == 2
    assert decisive_length(r"0\d{4}", length=8) == 0  # five digits: never an eight-digit number
    assert PhoneClassifier().key_length == norwegian_key_length() >= 5
