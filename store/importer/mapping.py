"""Maps one register unit (flat, dotted keys) to the company columns we keep, with warnings and rejects.

A record holds only the fields the unit actually has: an absent or empty field is left out, so an upsert never
clears what an earlier, fuller file stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from stdnum.no import orgnr as orgnr_check

from store.phones import classify_phone

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_WEBSITE = re.compile(r"^(https?://)?[A-Za-z0-9æøåÆØÅ.-]+\.[A-Za-z]{2,}(/\S*)?$")
_TRUE = {"true", "ja", "j", "1", "yes"}
_FALSE = {"false", "nei", "n", "0", "no"}

# register path -> company column, for plain text fields
TEXT_FIELDS = {
    "navn": "name",
    "organisasjonsform.kode": "org_form",
    "naeringskode1.kode": "nace_code",
    "forretningsadresse.postnummer": "business_postcode",
    "forretningsadresse.poststed": "business_city",
    "postadresse.postnummer": "postal_postcode",
    "postadresse.poststed": "postal_city",
    "postadresse.land": "postal_country",
}
ADDRESS_FIELDS = {"forretningsadresse.adresse": "business_street", "postadresse.adresse": "postal_street"}


@dataclass
class Contacts:
    phones: list[tuple[str, bool]] = field(default_factory=list)  # (E.164, is_mobile)
    email: str | None = None


@dataclass
class Mapped:
    orgnr: str
    values: dict[str, Any]
    contacts: Contacts
    warnings: list[str]


class Rejected(Exception):
    def __init__(self, orgnr: str, reason: str) -> None:
        super().__init__(reason)
        self.orgnr = orgnr
        self.reason = reason


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _address(value: Any) -> str | None:
    if isinstance(value, list):
        lines = [str(line).strip() for line in value if line not in (None, "") and str(line).strip()]
        return ", ".join(lines) or None
    return _text(value)


def _bool(unit: dict[str, Any], key: str, warnings: list[str]) -> bool | None:
    value = unit.get(key)
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    warnings.append(f"{key}: '{value}' is not true/false; ignored")
    return None


def _municipality(unit: dict[str, Any]) -> str | None:
    for key in ("forretningsadresse.kommunenummer", "postadresse.kommunenummer"):
        value = _text(unit.get(key))
        if value:
            return value.zfill(4) if value.isdigit() else value
    return None


def map_unit(unit: dict[str, Any], counties: frozenset[str]) -> Mapped:
    """Raises Rejected when the unit cannot be imported (no valid orgnr, no name)."""
    raw_orgnr = _text(unit.get("organisasjonsnummer")) or ""
    orgnr = re.sub(r"\s", "", raw_orgnr)
    if "__error__" in unit:
        raise Rejected(orgnr, unit["__error__"])
    if not orgnr:
        raise Rejected("", "organisasjonsnummer is missing")
    if not orgnr_check.is_valid(orgnr):
        raise Rejected(
            orgnr, f"organisasjonsnummer '{raw_orgnr}' is invalid (9 digits with a mod-11 check digit)"
        )
    name = _text(unit.get("navn"))
    if not name:
        raise Rejected(orgnr, "navn is missing")

    warnings: list[str] = []
    values: dict[str, Any] = {"orgnr": orgnr}
    for key, column in TEXT_FIELDS.items():
        value = _text(unit.get(key))
        if value is not None:
            values[column] = value
    for key, column in ADDRESS_FIELDS.items():
        value = _address(unit.get(key))
        if value is not None:
            values[column] = value

    employees = unit.get("antallAnsatte")
    if employees is not None:
        try:
            values["employees"] = int(str(employees).strip())
        except ValueError:
            warnings.append(f"antallAnsatte: '{employees}' is not a number; ignored")

    municipality = _municipality(unit)
    if municipality:
        values["municipality_number"] = municipality
        if municipality[:2] in counties:
            values["county_number"] = municipality[:2]
        else:
            warnings.append(f"kommunenummer {municipality}: no county of 2024 matches; county left empty")

    maalform = _text(unit.get("maalform"))
    if maalform:
        values["language"] = "nn" if maalform.lower().startswith("nyn") else "nb"

    bankrupt = _bool(unit, "konkurs", warnings)
    if bankrupt is not None:
        values["bankrupt"] = bankrupt
    winding = [
        _bool(unit, key, warnings)
        for key in ("underAvvikling", "underTvangsavviklingEllerTvangsopplosning")
        if key in unit
    ]
    if any(w is not None for w in winding):
        values["winding_up"] = any(bool(w) for w in winding)

    deleted = _text(unit.get("slettedato"))
    if deleted:
        try:
            values["deleted_on"] = date.fromisoformat(deleted[:10])
        except ValueError:
            warnings.append(f"slettedato: '{deleted}' is not a date; ignored")

    contacts = Contacts()
    for key, column in (("telefon", "phone"), ("mobil", "mobile")):
        raw = _text(unit.get(key))
        if raw is None:
            continue
        phone = classify_phone(raw)
        if phone is None:
            warnings.append(f"{key}: '{raw}' is not a valid phone number; dropped")
            continue
        values[column] = phone[0]
        contacts.phones.append(phone)

    email = _text(unit.get("epostadresse"))
    if email is not None:
        if _EMAIL.match(email):
            values["email"] = contacts.email = email.lower()
        else:
            warnings.append(f"epostadresse: '{email}' is not a valid e-mail address; dropped")

    website = _text(unit.get("hjemmeside"))
    if website is not None:
        if _WEBSITE.match(website):
            values["website"] = website
        else:
            warnings.append(f"hjemmeside: '{website}' is not a valid web address; dropped")

    return Mapped(orgnr=orgnr, values=values, contacts=contacts, warnings=warnings)
