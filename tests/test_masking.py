from store.masking import mask_address
from store.masking import mask_text


def test_it_masks_phone_numbers_keeping_country_and_last_two_digits() -> None:
    assert mask_address("+4791234567") == "+47******67"


def test_it_masks_email_addresses() -> None:
    assert mask_address("ola.nordmann@firma.no") == "o***@f***.no"


def test_it_masks_telegram_chat_ids() -> None:
    assert mask_address("123456789") == "******789"
    assert mask_address(None) == ""


def test_it_masks_addresses_inside_log_lines() -> None:
    line = mask_text("sent to +4791234567 and ola@firma.no")
    assert "91234567" not in line and "ola@" not in line
    assert line.endswith("o***@f***.no")
