"""Realistic sample companies and hunters for the demo and tests (deterministic: the same seed, the same rows).

Names look Norwegian ("Nordlys Bygg AS"), orgnrs pass the mod-11 check, NACE codes come from construction,
industry and trade, mobiles are valid Norwegian mobiles and addresses lie in real municipalities.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberType
from stdnum.no import orgnr as orgnr_check

# County number -> relative weight (roughly by population, every county well represented).
COUNTY_WEIGHTS: Mapping[str, int] = {
    "03": 60, "32": 58, "46": 55, "50": 45, "11": 45, "34": 35, "42": 30, "31": 30,
    "33": 28, "15": 28, "18": 28, "39": 25, "40": 18, "55": 18, "56": 14,
}  # fmt: skip
# First two digits of the postcodes of each county (approximate, for plausible addresses).
POSTCODE_PREFIX: Mapping[str, Sequence[str]] = {
    "03": ["01", "04", "05", "06", "11"], "32": ["13", "14", "19", "20", "21"], "46": ["50", "51", "53", "57", "59"],
    "50": ["70", "71", "74", "75", "77"], "11": ["40", "41", "43", "55"], "34": ["23", "24", "26", "28"],
    "42": ["44", "46", "47", "48"], "31": ["15", "16", "17", "18"], "33": ["30", "33", "35", "36"],
    "15": ["60", "61", "64", "65"], "18": ["80", "81", "84", "86"], "39": ["31", "32"],
    "40": ["37", "38", "39"], "55": ["90", "92", "93"], "56": ["95", "96", "97", "98"],
}  # fmt: skip
NYNORSK_SHARE: Mapping[str, float] = {"46": 0.45, "15": 0.35, "11": 0.1, "34": 0.1, "40": 0.1, "33": 0.05}

TRADES: Sequence[tuple[str, Sequence[str]]] = [
    ("41.200", ["Bygg", "Byggservice", "Entreprenør", "Boligbygg"]),
    ("42.110", ["Anlegg", "Vei og Anlegg", "Maskin og Anlegg"]),
    ("43.120", ["Graving", "Grunnarbeid"]),
    ("43.210", ["Elektro", "Elektriske", "El-installasjon"]),
    ("43.221", ["Rør", "Rørlegger", "VVS"]),
    ("43.320", ["Tømrer", "Snekkeri", "Trearbeid"]),
    ("43.341", ["Maler", "Malerservice"]),
    ("43.910", ["Tak", "Taktekking"]),
    ("43.290", ["Ventilasjon", "Isolering"]),
    ("25.110", ["Stålbygg", "Metall", "Sveis"]),
    ("25.620", ["Mekaniske Verksted", "CNC", "Presisjon"]),
    ("28.220", ["Løfteteknikk", "Kran"]),
    ("33.120", ["Maskinservice", "Industriservice"]),
    ("45.200", ["Bil", "Auto", "Bilverksted"]),
    ("16.230", ["Trelast", "Trevare"]),
    ("10.710", ["Bakeri", "Bakeri og Konditori"]),
    ("47.520", ["Jernvare", "Byggevare"]),
    ("46.690", ["Industrihandel", "Teknisk Handel"]),
]
# Name prefixes that fit anywhere ...
PREFIXES = [
    "Bakke", "Berg", "Solheim", "Fjellkraft", "Elvebakken", "Tind", "Granitt", "Bjørk", "Furu", "Eik", "Ravn",
    "Ørn", "Stø", "Bratt", "Høyland", "Strand", "Nes", "Vik", "Dal", "Holm", "Lia", "Moen", "Haug", "Sletta",
    "Bø", "Fossum", "Skog",
]  # fmt: skip
# ... and those that name a region: only used in the counties they belong to (no "Helgeland" in Vestland).
REGIONAL_PREFIXES: Mapping[str, Sequence[str]] = {
    "Fjord": ["11", "15", "18", "46", "50", "55", "56"],
    "Havbris": ["11", "15", "18", "42", "46", "55"],
    "Kyst": ["11", "15", "18", "31", "39", "42", "46", "50", "55", "56"],
    "Vestkyst": ["11", "46"],
    "Jæren": ["11"],
    "Hardanger": ["46"],
    "Sunnmøre": ["15"],
    "Romsdal": ["15"],
    "Midtnorsk": ["15", "50"],
    "Nidaros": ["50"],
    "Helgeland": ["18"],
    "Salten": ["18"],
    "Lofot": ["18"],
    "Vesterålen": ["18"],
    "Nordlys": ["18", "55", "56"],
    "Aurora": ["55", "56"],
    "Polar": ["55", "56"],
    "Senja": ["55"],
    "Lyngen": ["55"],
    "Varanger": ["56"],
    "Nordkapp": ["56"],
    "Sørlandets": ["42"],
    "Glomma": ["31", "34"],
    "Mjøs": ["34"],
    "Dovre": ["34"],
    "Rondane": ["34"],
    "Hallingdal": ["33"],
}


def prefixes_for(county: str) -> list[str]:
    """The name prefixes that fit a company in this county."""
    return [*PREFIXES, *(p for p, counties in REGIONAL_PREFIXES.items() if county in counties)]


FIRST_NAMES = [
    "Ola",
    "Kari",
    "Per",
    "Ingrid",
    "Lars",
    "Marit",
    "Jon",
    "Silje",
    "Arne",
    "Hanne",
    "Knut",
    "Tone",
]
LAST_NAMES = [
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Andersen",
    "Pedersen",
    "Nilsen",
    "Berg",
    "Haugen",
    "Bakken",
]
STREETS = [
    "Industriveien", "Storgata", "Havnegata", "Kirkeveien", "Sjøgata", "Fjordveien", "Verkstedveien",
    "Stasjonsveien", "Nygata", "Bakkeveien", "Strandveien", "Brugata", "Torget", "Elveveien", "Sentrumsvegen",
]  # fmt: skip
_ASCII = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e", "á": "a", "č": "c", "đ": "d", "š": "s"})


@dataclass
class SampleCompany:
    orgnr: str
    name: str
    org_form: str
    nace_code: str
    employees: int | None
    street: str
    postcode: str
    city: str
    municipality_number: str
    county_number: str
    language: str
    mobile: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    bankrupt: bool = False
    winding_up: bool = False
    is_training_company: bool = False


def valid_orgnr(rng: random.Random) -> str:
    """Nine digits starting with 8 or 9 whose weighted sum is divisible by 11 (the register's check)."""
    while True:
        stem = rng.choice("89") + "".join(rng.choice("0123456789") for _ in range(7))
        for digit in "0123456789":
            if orgnr_check.is_valid(stem + digit):
                return stem + digit


def _slug(name: str) -> str:
    text = name.lower().translate(_ASCII)
    text = re.sub(r"\b(as|asa|enk)\b", "", text)
    return re.sub(r"[^a-z0-9]+", "", text)


def _number(rng: random.Random, first: str, kind: int) -> str:
    """A +47 number of the wanted type (not every 4xx/9xx block is a mobile block)."""
    while True:
        number = "+47" + rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(7))
        if phonenumbers.number_type(phonenumbers.parse(number)) == kind:
            return number


def _mobile(rng: random.Random) -> str:
    return _number(rng, "49", PhoneNumberType.MOBILE)


def _landline(rng: random.Random) -> str:
    return _number(rng, "23567", PhoneNumberType.FIXED_LINE)


def _employees(rng: random.Random) -> int | None:
    band = rng.random()
    if band < 0.05:
        return None
    if band < 0.45:
        return rng.randint(2, 9)
    if band < 0.85:
        return rng.randint(10, 49)
    return rng.randint(50, 250)


def _counties(rng: random.Random, count: int) -> list[str]:
    """`count` county numbers in proportion to COUNTY_WEIGHTS, every county at least once."""
    total = sum(COUNTY_WEIGHTS.values())
    numbers = [n for n, w in COUNTY_WEIGHTS.items() for _ in range(max(1, round(count * w / total)))]
    while len(numbers) > count:
        numbers.remove(max(COUNTY_WEIGHTS, key=lambda n: numbers.count(n)))
    while len(numbers) < count:
        numbers.append(rng.choices(list(COUNTY_WEIGHTS), weights=list(COUNTY_WEIGHTS.values()))[0])
    rng.shuffle(numbers)
    return numbers


def sample_companies(
    municipalities: Mapping[str, Sequence[tuple[str, str]]], *, count: int = 500, seed: int = 2027
) -> Iterator[SampleCompany]:
    """`municipalities`: county number -> [(municipality number, name)] from the reference data."""
    rng = random.Random(seed)
    names: set[str] = set()
    orgnrs: set[str] = set()
    for county in _counties(rng, count):
        number, place = rng.choice(municipalities[county])
        place = place.split(" - ")[0]
        nace, words = rng.choice(TRADES)
        sole = rng.random() < 0.08
        while True:
            if sole:
                name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {rng.choice(words)}"
            else:
                prefix = place if rng.random() < 0.35 else rng.choice(prefixes_for(county))
                name = f"{prefix} {rng.choice(words)} AS"
            if name not in names:
                names.add(name)
                break
        orgnr = valid_orgnr(rng)
        while orgnr in orgnrs:
            orgnr = valid_orgnr(rng)
        orgnrs.add(orgnr)
        slug = _slug(name)
        company = SampleCompany(
            orgnr=orgnr,
            name=name,
            org_form="ENK" if sole else "AS",
            nace_code=nace,
            employees=rng.randint(1, 3) if sole else _employees(rng),
            street=f"{rng.choice(STREETS)} {rng.randint(1, 120)}",
            postcode=rng.choice(POSTCODE_PREFIX[county]) + f"{rng.randint(0, 99):02d}",
            city=place.upper(),
            municipality_number=number,
            county_number=county,
            language="nn" if rng.random() < NYNORSK_SHARE.get(county, 0.0) else "nb",
        )
        if rng.random() < 0.85:
            company.mobile = _mobile(rng)
        if rng.random() < 0.45:
            company.phone = _landline(rng)
        if rng.random() < 0.45:
            company.email = f"post@{slug}.no"
        if rng.random() < 0.4:
            company.website = f"www.{slug}.no"
        roll = rng.random()
        company.bankrupt = roll < 0.015
        company.winding_up = 0.015 <= roll < 0.025
        company.is_training_company = rng.random() < 0.05
        yield company
