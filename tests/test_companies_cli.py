"""`jeger companies list|show`."""

from __future__ import annotations

import json
import random
from pathlib import Path

from stdnum.no import orgnr as orgnr_check

from companies.identifiers import SHORT_CODE_ALPHABET
from tests.register_files import unit
from tests.register_files import units
from tests.register_files import valid_orgnrs
from tests.register_files import write_json


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
    text = cli("companies", "show", numbers[1]).stdout
    assert "flagg: konkurs, kontaktes aldri" in text and "kortkode: " + code in text


def test_show_unknown_orgnr_exits_2(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("companies", "show", "974760673")
    assert result.exit_code == 2 and result.stdout == ""
    assert "orgnr 974760673: ingen bedrift har dette organisasjonsnummeret" in result.stderr


def test_an_unknown_county_exits_2_naming_the_valid_ones(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seed(cli, tmp_path)
    for county in ("xx", "99", "5"):
        result = cli("companies", "list", "--county", county, "--json")
        assert result.exit_code == 2 and result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and f"--county {county}" in lines[0] and "ukjent fylkesnummer" in lines[0]
        assert "03 Oslo" in lines[0] and "55 Troms" in lines[0]


def test_list_stops_at_the_limit_and_0_lists_all(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = write_json(tmp_path / "many.json", units(205, seed=3))
    assert cli("import", "companies", str(path), "--json").exit_code == 0

    def listed(*args: str) -> list[dict[str, object]]:
        result = cli("companies", "list", "--json", *args)
        assert result.exit_code == 0, result.output
        rows = json.loads(result.stdout)
        assert isinstance(rows, list)
        return rows

    assert len(listed()) == 200
    assert len(listed("--limit", "7")) == 7
    everything = listed("--limit", "0")
    assert len(everything) == 205
    assert listed("--limit", "7") == everything[:7]
    assert cli("companies", "list", "--limit", "-1").exit_code == 2


def test_show_marks_the_addresses_a_reimport_replaced(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    orgnr = next(valid_orgnrs(1, seed=8))
    first = unit(orgnr, random.Random(8), mobil="91234567", epostadresse="post@gammel.no")
    second = dict(first, mobil="92345678", epostadresse="post@ny.no")
    for name, item in (("a.json", first), ("b.json", second)):
        assert cli("import", "companies", str(write_json(tmp_path / name, [item])), "--json").exit_code == 0
    details = json.loads(cli("companies", "show", orgnr, "--json").stdout)
    replaced = {c["address"]: c["replaced"] for c in details["contacts"]}
    assert replaced["+4791234567"] and replaced["post@gammel.no"]
    assert not replaced["+4792345678"] and not replaced["post@ny.no"]
    assert all((c["replaced_at"] is not None) == c["replaced"] for c in details["contacts"])
    assert (details["mobile"], details["email"]) == ("+4792345678", "post@ny.no")
    text = cli("companies", "show", orgnr).stdout
    assert "telefon: +4791234567 (erstattet)" in text and "+4792345678 (erstattet)" not in text
    assert "e-post: post@gammel.no (erstattet)" in text and f"orgnr: {orgnr}" in text
