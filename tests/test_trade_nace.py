"""The trade -> NACE map covers every trade of the reference data with codes that look like NACE codes, and the
names staff write find the right trade."""

from __future__ import annotations

import csv
import re

import pytest

from campaigns.trade_nace import find_trade
from campaigns.trade_nace import nace_prefixes
from campaigns.trade_nace import trade_nace
from store.reference import DATA_DIR

NACE_PREFIX = re.compile(r"^\d{2}(\.\d{1,3})?$")


def _reference_trades() -> list[str]:
    with (DATA_DIR / "trades.csv").open(encoding="utf-8", newline="") as handle:
        return [row["name"] for row in csv.DictReader(handle)]


@pytest.mark.parametrize("trade", _reference_trades())
def test_every_trade_of_the_reference_data_maps_to_nace_codes(trade: str) -> None:
    prefixes = trade_nace()[trade]
    assert prefixes, f"{trade} has no NACE codes"
    assert all(NACE_PREFIX.match(p) for p in prefixes), prefixes
    assert find_trade(trade) == trade


def test_the_map_names_no_trade_the_reference_data_lacks() -> None:
    assert set(trade_nace()) == set(_reference_trades())


def test_names_are_found_without_case_accents_suffix_or_by_exam_code() -> None:
    assert find_trade("produksjonsteknikk") == "Produksjonsteknikkfaget"
    assert find_trade("PRODUKSJONSTEKNIKKFAGET") == "Produksjonsteknikkfaget"
    assert find_trade("PRT3004") == "Produksjonsteknikkfaget"
    assert find_trade("Tomrerfaget") == "Tømrerfaget"
    assert find_trade("Sveiser") is None
    assert find_trade("Brønnfaget") is None  # six well trades share it: none is guessed


def test_prefixes_of_several_trades_come_once_each() -> None:
    assert nace_prefixes(["Sveisefaget", "Platearbeiderfaget"]) == ("25.1", "25.2", "30.11", "33.11")


def test_the_documented_table_shows_the_codes_of_the_file() -> None:
    page = (DATA_DIR.parent.parent / "docs" / "trade-nace.md").read_text(encoding="utf-8")
    documented = {
        cells[0]: tuple(cells[2].split(", "))
        for line in page.splitlines()
        if line.startswith("| ") and not line.startswith("| Trade")
        for cells in [[c.strip() for c in line.strip("|").split(" | ")]]
    }
    assert documented == trade_nace()
