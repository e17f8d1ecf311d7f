"""The one check every e-mail address we accept goes through: the web form, the chat, the import, staff.

`email-validator` decides (syntax only: deliverability would be a DNS query per address), so CR/LF and other
control characters, NUL, `a@b@c`, display names (`Kari <kari@firma.no>`), quoted local parts, IP literals and
over-long addresses never reach the database or an SMTP header. The stored form is the library's normalised one
(Unicode NFC, the domain in its Unicode form), lower-cased as a whole: we compare and hash addresses without
regard to case (store.secrets.AddressHasher), and an address stored in two spellings would be two contacts.

A check costs ~35 µs, most of it IDNA rules on the domain, so verdicts are memoised per distinct input: an
import meets the same address many times (an accountant's, a chain's), and repeated ones cost a look-up.
"""

from __future__ import annotations

from functools import lru_cache

from email_validator import EmailNotValidError, validate_email

MAX_INPUT = 320  # longer than any address the library accepts (254); refused before it is read


def normalize_email(raw: str | None) -> str | None:
    """The normalised address, or None when `raw` is not one valid address (after trimming outer spaces)."""
    if raw is None:
        return None
    text = raw.strip()
    if not text or len(text) > MAX_INPUT:
        return None
    return _checked(text)


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
