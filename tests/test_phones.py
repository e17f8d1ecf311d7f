import pytest

from store.phones import classify_phone, is_mobile, normalize_phone


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
