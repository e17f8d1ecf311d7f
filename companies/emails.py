"""The one check every e-mail address we accept goes through: the web form, the chat, the import, staff.

`email-validator` decides (syntax only: deliverability would be a DNS query per address), so CR/LF and other
control characters, NUL, `a@b@c`, display names (`Kari <kari@firma.no>`), quoted local parts, IP literals and
over-long addresses never reach the database or an SMTP header. The stored form is the library's normalised one
(Unicode NFC, the domain in its Unicode form), lower-cased as a whole: we compare and hash addresses without
regard to case (store.secrets.AddressHasher), and an address stored in two spellings would be two contacts.

A check costs ~35 µs, most of it IDNA rules run per character of the domain: 35 s for a national register
whose addresses are nearly all different (`post@<firm>.no`). Plain ASCII addresses are therefore memoised by
their *shape*, as phone numbers are by their decisive digits: for them the library's verdict depends only on
where letters, digits and the punctuation `._+-` stand, on the lengths, and on the top-level domain (the
special-use names it refuses, arpa/invalid/local/localhost/onion/test, are single labels; numeric TLDs are
refused). So every letter becomes `a` and every digit `0`, except in the TLD, and the library judges the shape once
(`xn--` labels, whose letters the library decodes, are left to it, which also keeps its `..--` rule exact).
Such an address's normalised form is the address itself, lower-cased. tests/test_emails.py compares the two
ways on many generated addresses. Anything else (Unicode, quotes, `xn--`) goes to the library every time,
memoised per distinct input.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache

from email_validator import EmailNotValidError
from email_validator import validate_email

MAX_INPUT = 320  # longer than any address the library accepts (254); refused before it is read
_PLAIN = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+")
_SHAPE = str.maketrans(
    string.ascii_letters + string.digits, "a" * len(string.ascii_letters) + "0" * len(string.digits)
)


def normalize_email(raw: str | None) -> str | None:
    """The normalised address, or None when `raw` is not one valid address (after trimming outer spaces)."""
    if raw is None:
        return None
    text = raw.strip()
    if not text or len(text) > MAX_INPUT:
        return None
    shape = email_shape(text)
    if shape is not None:
        return text.lower() if _checked(shape) is not None else None
    return _checked(text)


def email_shape(text: str) -> str | None:
    """The address the library judges in `text`'s place, or None when `text` is not a plain ASCII address."""
    if not _PLAIN.fullmatch(text) or "xn--" in text.lower():
        return None
    local, domain = text.split("@")
    labels = domain.split(".")
    last = len(labels) - 1
    shaped = [label if i == last else label.translate(_SHAPE) for i, label in enumerate(labels)]
    return f"{local.translate(_SHAPE)}@{'.'.join(shaped)}"


@lru_cache(maxsize=65_536)
def _checked(text: str) -> str | None:
    try:
        result = validate_email(
            text,
            check_deliverability=False,
            allow_display_name=False,
            allow_quoted_local=False,
            allow_domain_literal=False,
        )
    except (EmailNotValidError, UnicodeError, ValueError):  # idna raises UnicodeError for some odd labels
        return None
    return result.normalized.lower()
