"""Maps one register unit (flat, dotted keys) to the company columns we keep, with warnings and rejects.

A record holds only the fields the unit actually has: an absent or empty field is left out, so an upsert never
clears what an earlier, fuller file stored. Every value is checked against its column (length, characters the
database refuses) here, because one value PostgreSQL rejects would otherwise abort the whole file's transaction.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from typing import Any

from sqlalchemy import String
from stdnum.no import orgnr as orgnr_check

from catalogue.phrases import Phrase
from catalogue.phrases import said
from companies.emails import normalize_email
from companies.phones import classify_phone
from store.languages import DEFAULT_LANGUAGE
from store.models import Company
from store.storable import UNSTORABLE

_WEBSITE = re.compile(r"^(https?://)?[A-Za-z0-9æøåÆØÅ.-]+\.[A-Za-z]{2,}(/\S*)?$")
# NUL is refused by PostgreSQL, lone surrogates (from JSON \ud800 escapes) by every UTF-8 encoder.
_SPACE = re.compile(r"\s")
_TRUE = {"true", "ja", "j", "1", "yes"}
_FALSE = {"false", "nei", "n", "0", "no"}
MAX_INTEGER = 2**31 - 1  # INTEGER on PostgreSQL

# column -> longest value it holds, read from the model so the two cannot drift apart
LIMITS: dict[str, int] = {
    column.name: column.type.length
    for column in Company.__table__.columns
    if isinstance(column.type, String) and column.type.length
}

# register path -> company column, for plain text fields
TEXT_FIELDS = {
    "organisasjonsform.kode": "org_form",
    "naeringskode1.kode": "nace_code",
    "forretningsadresse.postnummer": "business_postcode",
    "forretningsadresse.poststed": "business_city",
    "postadresse.postnummer": "postal_postcode",
    "postadresse.poststed": "postal_city",
    "postadresse.land": "postal_country",
}
ADDRESS_FIELDS = {"forretningsadresse.adresse": "business_street", "postadresse.adresse": "postal_street"}
MUNICIPALITY_FIELDS = ("forretningsadresse.kommunenummer", "postadresse.kommunenummer")


@dataclass
class Contacts:
    phones: list[tuple[str, bool]] = field(default_factory=list)  # (E.164, is_mobile)
    email: str | None = None


@dataclass
class Mapped:
    orgnr: str
    values: dict[str, Any]
    contacts: Contacts
    warnings: list[Phrase]


class Rejected(Exception):
    """A unit that cannot be imported; `reason` is written into the rejects file in its reader's language."""

    def __init__(self, orgnr: str, reason: Phrase) -> None:
        super().__init__(str(reason))
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


def _short(value: str, limit: int = 60) -> str:
    """A value as quoted in a warning: long ones cut, unstorable characters shown as escapes."""
    shown = value if len(value) <= limit else value[:limit] + "…"
    return UNSTORABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", shown)


def _warn(warnings: list[Phrase], key: str, field: str, value: Any) -> None:
    """A warning about register field `field`, quoting its value short."""
    warnings.append(Phrase(key, {"field": field, "value": _short(str(value))}))


def _fits(key: str, column: str, value: str | None, warnings: list[Phrase]) -> str | None:
    """The value when its column can hold it, else None and a warning naming the field."""
    if value is None:
        return None
    if UNSTORABLE.search(value):
        _warn(warnings, "import_unstorable", key, value)
        return None
    limit = LIMITS.get(column)
    if limit is not None and len(value) > limit:
        warnings.append(said("import_too_long", field=key, length=len(value), limit=limit))
        return None
    return value


def _bool(unit: dict[str, Any], key: str, warnings: list[Phrase]) -> bool | None:
    value = unit.get(key)
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    _warn(warnings, "import_not_yes_no", key, value)
    return None


def _name(unit: dict[str, Any], orgnr: str, warnings: list[Phrase]) -> str:
    name = _text(unit.get("navn"))
    if not name:
        raise Rejected(orgnr, said("import_name_missing"))
    if UNSTORABLE.search(name):
        raise Rejected(orgnr, said("import_name_unstorable", value=_short(name)))
    limit = LIMITS["name"]
    if len(name) > limit:
        warnings.append(said("import_name_shortened", length=len(name), limit=limit))
        name = name[:limit].rstrip()
    return name


def _employees(unit: dict[str, Any], warnings: list[Phrase]) -> int | None:
    employees = unit.get("antallAnsatte")
    if employees is None:
        return None
    try:
        number = int(str(employees).strip())
    except ValueError:
        _warn(warnings, "import_not_a_number", "antallAnsatte", employees)
        return None
    if not 0 <= number <= MAX_INTEGER:
        _warn(warnings, "import_impossible_employees", "antallAnsatte", number)
        return None
    return number


def _municipality(
    unit: dict[str, Any], municipalities: Mapping[str, str], warnings: list[Phrase]
) -> tuple[str, str] | None:
    """(municipality, county) from the business address, else the postal one; unknown numbers are dropped."""
    dropped: list[tuple[str, str, str]] = []  # (key, field, value)
    found: tuple[str, str] | None = None
    for key in MUNICIPALITY_FIELDS:
        value = _text(unit.get(key))
        if value is None:
            continue
        number = value.zfill(4) if value.isascii() and value.isdigit() else value
        if number in municipalities:
            found = number, municipalities[number]
            break
        problem = (
            "import_unknown_municipality"
            if len(number) == 4 and number.isdigit()
            else "import_not_municipality"
        )
        dropped.append((problem, key, value))
    outcome = "" if found else "_no_county"
    for problem, key, value in dropped:
        _warn(warnings, problem + outcome, key, value)
    return found


def _phones(unit: dict[str, Any], values: dict[str, Any], contacts: Contacts, warnings: list[Phrase]) -> None:
    for key, column in (("telefon", "phone"), ("mobil", "mobile")):
        raw = _text(unit.get(key))
        if raw is None:
            continue
        phone = classify_phone(raw) if not UNSTORABLE.search(raw) and len(raw) <= 100 else None
        if phone is None or len(phone[0]) > LIMITS[column]:
            _warn(warnings, "import_invalid_phone", key, raw)
            continue
        values[column] = phone[0]
        contacts.phones.append(phone)


_ORGNR_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2, 1)


def _valid_orgnr(orgnr: str) -> bool:
    """python-stdnum's verdict; nine plain digits (every unit of a register file) are checked here directly with
    the same modulus-11 sum, since stdnum's cleaning of separators and look-alike dashes costs more than the sum
    and changes nothing in such a number."""
    if len(orgnr) == 9 and orgnr.isascii() and orgnr.isdigit():
        return sum(w * int(d) for w, d in zip(_ORGNR_WEIGHTS, orgnr, strict=True)) % 11 == 0
    return bool(orgnr_check.is_valid(orgnr))


def map_unit(unit: dict[str, Any], municipalities: Mapping[str, str]) -> Mapped:
    """Raises Rejected when the unit cannot be imported (no valid orgnr, no usable name).

    `municipalities` maps every municipality number in force to its county number.
    """
    raw_orgnr = _text(unit.get("organisasjonsnummer")) or ""
    orgnr = _SPACE.sub("", raw_orgnr)
    if "__error__" in unit:
        raise Rejected(_short(orgnr, 20), unit["__error__"])
    if not orgnr:
        raise Rejected("", said("import_orgnr_missing"))
    if not _valid_orgnr(orgnr):
        raise Rejected(_short(orgnr, 20), said("import_orgnr_invalid", value=_short(raw_orgnr, 20)))

    warnings: list[Phrase] = []
    values: dict[str, Any] = {"orgnr": orgnr, "name": _name(unit, orgnr, warnings)}
    for key, column in TEXT_FIELDS.items():
        value = _fits(key, column, _text(unit.get(key)), warnings)
        if value is not None:
            values[column] = value
    for key, column in ADDRESS_FIELDS.items():
        value = _fits(key, column, _address(unit.get(key)), warnings)
        if value is not None:
            values[column] = value

    employees = _employees(unit, warnings)
    if employees is not None:
        values["employees"] = employees

    place = _municipality(unit, municipalities, warnings)
    if place is not None:
        values["municipality_number"], values["county_number"] = place

    maalform = _text(unit.get("maalform"))
    if maalform:
        values["language"] = "nn" if maalform.lower().startswith("nyn") else DEFAULT_LANGUAGE

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
            _warn(warnings, "import_not_a_date", "slettedato", deleted)

    contacts = Contacts()
    _phones(unit, values, contacts, warnings)

    raw_email = _fits("epostadresse", "email", _text(unit.get("epostadresse")), warnings)
    if raw_email is not None:
        email = normalize_email(raw_email)  # memoised per distinct address
        if email is not None:
            values["email"] = contacts.email = email
        else:
            _warn(warnings, "import_invalid_email", "epostadresse", raw_email)

    website = _fits("hjemmeside", "website", _text(unit.get("hjemmeside")), warnings)
    if website is not None:
        if _WEBSITE.match(website):
            values["website"] = website
        else:
            _warn(warnings, "import_invalid_website", "hjemmeside", website)

    return Mapped(orgnr=orgnr, values=values, contacts=contacts, warnings=warnings)
