"""`jeger companies list|show`."""

from __future__ import annotations

import json
import random
from pathlib import Path

from stdnum.no import orgnr as orgnr_check

from store.identifiers import SHORT_CODE_ALPHABET
from tests.register_files import unit, valid_orgnrs, write_json


def seed(cli, tmp_path: Path) -> list[str]:  # type: ignore[no-untyped-def]
    rng = random.Random(5)
    numbers = list(valid_orgnrs(3))
    items = [
        unit(numbers[0], rng, forretningsadresse={"kommunenummer": "5501", "adresse": ["Storgata 1"]}),
        unit(numbers[1], rng, forretningsadresse={"kommunenummer": "5601"}, konkurs=True),
        unit(numbers[2], rng, forretningsadresse={"kommunenummer": "0301"}),
    ]
    result = cli("import", "companies", str(write_json(tmp_path / "x.json", items)), "--json")
    assert result.exit_code == 0, result.output
    return numbers


def test_list_filters_by_county(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    numbers = seed(cli, tmp_path)
    result = cli("companies", "list", "--county", "55", "--json")
    rows = json.loads(result.stdout)
    assert [r["orgnr"] for r in rows] == [numbers[0]]
    assert rows[0]["county_name"].startswith("Troms")
    assert len(json.loads(cli("companies", "list", "--json").stdout)) == 3


def test_show_gives_contacts_county_flags_and_stable_identifiers(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    numbers = seed(cli, tmp_path)
    first = json.loads(cli("companies", "show", numbers[1], "--json").stdout)
    assert first["county_number"] == "56" and first["county_name"].startswith("Finnmark")
    assert first["flags"]["bankrupt"] and first["flags"]["never_contact"]
    assert {c["kind"] for c in first["contacts"]} == {"phone", "email"}
    code, token = first["short_code"], first["token"]
    assert len(code) == 6 and set(code) <= set(SHORT_CODE_ALPHABET)
    assert 0 < len(token) <= 64 and token.replace("-", "").replace("_", "").isalnum()
    again = json.loads(cli("companies", "show", numbers[1], "--json").stdout)
    assert (again["short_code"], again["token"]) == (code, token)
    assert orgnr_check.is_valid(first["orgnr"])


def test_show_unknown_orgnr_exits_2(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("companies", "show", "974760673")
    assert result.exit_code == 2 and "974760673" in result.stderr
