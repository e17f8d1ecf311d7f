"""Generates Enhetsregisteret-shaped files (JSON array, gzip, CSV in the register's dotted columns).

Shared by the import tests and bench/import_companies.py.
"""

from __future__ import annotations

import csv
import gzip
import json
import random
from collections.abc import Iterable
from collections.abc import Iterator
from pathlib import Path
from typing import Any

WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)
MUNICIPALITIES = [
    "0301",
    "1103",
    "3201",
    "4601",
    "5001",
    "5501",
    "5601",
    "1804",
    "1506",
    "4204",
    "3401",
    "3901",
]
NACE = ["41.200", "43.210", "43.220", "25.110", "28.290", "45.200", "56.101", "62.010", "47.110", "10.710"]
WORDS = [
    "Nordlys",
    "Fjord",
    "Tind",
    "Bjørk",
    "Havbris",
    "Elvetun",
    "Solberg",
    "Vestvik",
    "Østlie",
    "Måkeskjær",
]
TRADES = ["Bygg", "Elektro", "Rør", "Maskin", "Bil", "Tre", "Betong", "Mat", "Data", "Handel"]
CSV_COLUMNS = [
    "organisasjonsnummer",
    "navn",
    "organisasjonsform.kode",
    "organisasjonsform.beskrivelse",
    "naeringskode1.kode",
    "naeringskode1.beskrivelse",
    "antallAnsatte",
    "harRegistrertAntallAnsatte",
    "forretningsadresse.adresse",
    "forretningsadresse.postnummer",
    "forretningsadresse.poststed",
    "forretningsadresse.kommunenummer",
    "forretningsadresse.kommune",
    "forretningsadresse.land",
    "postadresse.adresse",
    "postadresse.postnummer",
    "postadresse.poststed",
    "postadresse.kommunenummer",
    "telefon",
    "mobil",
    "epostadresse",
    "hjemmeside",
    "konkurs",
    "underAvvikling",
    "underTvangsavviklingEllerTvangsopplosning",
    "maalform",
    "registreringsdatoenhetsregisteret",
    "aktivitet",
]


def orgnr_from(base: int) -> str:
    """A valid organisation number built from eight digits (skips bases whose check digit would be 10)."""
    while True:
        digits = f"{base % 100_000_000:08d}"
        if digits[0] in "89":
            total = sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True))
            check = (11 - total % 11) % 11
            if check != 10:
                return digits + str(check)
        base += 1
        if digits[0] not in "89":
            base = 80_000_000 + base % 20_000_000


ORGNR_CYCLE = 18_000_000  # fewer than the valid numbers in 80000000..99999999, the range orgnr_from walks


def valid_orgnrs(count: int, seed: int = 1) -> Iterator[str]:
    """`count` distinct valid numbers, ascending from the seed's start and wrapping once past 99999999.

    Within one pass of the range every number is new, so no set of the numbers already given is kept: the
    national-size bench draws 1.5 M of them, and such a set was the largest thing in its process."""
    if count > ORGNR_CYCLE:
        raise ValueError(f"at most {ORGNR_CYCLE:,} distinct numbers")
    base = 80_000_000 + seed * 7919
    for _ in range(count):
        number = orgnr_from(base)
        base = int(number[:8]) + 1
        yield number


def unit(orgnr: str, rng: random.Random, **overrides: Any) -> dict[str, Any]:
    municipality = rng.choice(MUNICIPALITIES)
    name = f"{rng.choice(WORDS)} {rng.choice(TRADES)} AS"
    data: dict[str, Any] = {
        "organisasjonsnummer": orgnr,
        "navn": name.upper(),
        "organisasjonsform": {"kode": "AS", "beskrivelse": "Aksjeselskap"},
        "naeringskode1": {"kode": rng.choice(NACE), "beskrivelse": "Oppføring av bygninger"},
        "antallAnsatte": rng.randint(5, 300),
        "harRegistrertAntallAnsatte": True,
        "forretningsadresse": {
            "land": "Norge",
            "landkode": "NO",
            "postnummer": f"{rng.randint(1, 9999):04d}",
            "poststed": "TROMSØ",
            "adresse": [f"Storgata {rng.randint(1, 200)}", None],
            "kommune": "TROMSØ",
            "kommunenummer": municipality,
        },
        "postadresse": {
            "land": "Norge",
            "postnummer": f"{rng.randint(1, 9999):04d}",
            "poststed": "TROMSØ",
            "adresse": [f"Postboks {rng.randint(1, 999)}"],
            "kommunenummer": municipality,
        },
        "telefon": f"7{rng.randint(0, 7)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        "mobil": f"9{rng.randint(0, 9999999):07d}",
        "epostadresse": f"post@{orgnr}.example.no",
        "hjemmeside": f"www.{orgnr}.example.no",
        "konkurs": False,
        "underAvvikling": False,
        "underTvangsavviklingEllerTvangsopplosning": False,
        "maalform": rng.choice(["Bokmål", "Bokmål", "Nynorsk"]),
        "registreringsdatoEnhetsregisteret": "2001-05-14",
        "aktivitet": ["Bygg og anlegg", "og det som naturlig hører til"],
    }
    data.update(overrides)
    return data


def units(count: int, seed: int = 1) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    for orgnr in valid_orgnrs(count, seed):
        yield unit(orgnr, rng)


def write_json(path: Path, items: Iterable[dict[str, Any]], *, gz: bool = False) -> Path:
    opener = gzip.open if gz else open
    with opener(path, "wt", encoding="utf-8") as handle:  # type: ignore[operator]
        handle.write("[")
        for i, item in enumerate(items):
            handle.write(("," if i else "") + json.dumps(item, ensure_ascii=False))
        handle.write("]")
    return path


def csv_row(item: dict[str, Any]) -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in item.items():
        if isinstance(value, dict):
            for sub, subvalue in value.items():
                flat[f"{key}.{sub}"] = _cell(subvalue)
        else:
            flat[key] = _cell(value)
    flat["registreringsdatoenhetsregisteret"] = flat.pop("registreringsdatoEnhetsregisteret", "")
    flat["aktivitet"] = "\n".join(item.get("aktivitet") or [])  # line breaks inside a quoted cell
    return flat


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v)
    return str(value)


def write_csv(
    path: Path,
    items: Iterable[dict[str, Any]],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    columns: list[str] | None = None,
    gz: bool = False,
) -> Path:
    columns = columns or CSV_COLUMNS
    opener = gzip.open if gz else open
    with opener(path, "wt", encoding=encoding, newline="") as handle:  # type: ignore[operator]
        writer = csv.DictWriter(
            handle, fieldnames=columns, delimiter=delimiter, quoting=csv.QUOTE_ALL, extrasaction="ignore"
        )
        writer.writeheader()
        for item in items:
            writer.writerow(csv_row(item))
    return path
