"""Masks phone numbers and e-mail addresses for logs and reports (PRODUCT §9: store and show the minimum)."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9-])[A-Za-z0-9.-]*(\.[A-Za-z]{2,})")
_PHONE = re.compile(r"\+?\d[\d ]{6,}(\d{2})")


def mask_address(address: str | None) -> str:
    """`+4791234567` -> `+47******67`, `ola@firma.no` -> `o***@f***.no`, a chat id -> its last 3 digits."""
    if not address:
        return ""
    if "@" in address:
        local, _, domain = address.partition("@")
        _head, dot, tld = domain.rpartition(".")
        shown = f"{domain[:1]}***{dot}{tld}" if dot else f"{domain[:1]}***"
        return f"{local[:1]}***@{shown}"
    if address.startswith("+") and len(address) > 6:
        return address[:3] + "*" * (len(address) - 5) + address[-2:]
    return "*" * max(len(address) - 3, 0) + address[-3:]


def mask_text(text: str) -> str:
    """Masks every e-mail address and phone-like number inside free text (log lines)."""
    text = _EMAIL.sub(lambda m: f"{m.group(1)}***@{m.group(2)}***{m.group(3)}", text)
    return _PHONE.sub(lambda m: "*" * (len(m.group(0)) - 2) + m.group(1), text)
