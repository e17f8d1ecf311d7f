"""The shipped map from each Udir trade to the NACE codes of companies that train in it (docs/trade-nace.md).

An audience drawn by trade (`trades = ["Produksjonsteknikkfaget"]`) becomes NACE prefixes here, so the SQL stays
one `LIKE 'prefix%'` per code. A trade is named as in the reference data, without regard to case or accents,
with or without "-faget" ("produksjonsteknikk"), or by its exam code (PRT3004): staff type these by hand.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from functools import cache

from companies.training_files import fold
from store.reference import DATA_DIR

MAP_FILE = DATA_DIR / "trade_nace.csv"


@cache
def trade_nace() -> dict[str, tuple[str, ...]]:
    """Trade name (as in store/data/trades.csv) -> NACE prefixes."""
    with MAP_FILE.open(encoding="utf-8", newline="") as handle:
        return {row["trade"]: tuple(row["nace"].split()) for row in csv.DictReader(handle)}


@cache
def _names() -> dict[str, str]:
    """Every accepted way of writing a trade -> its name; a short form two trades share names neither."""
    with (DATA_DIR / "trades.csv").open(encoding="utf-8", newline="") as handle:
        codes = {row["name"]: row["exam_code"] for row in csv.DictReader(handle)}
    found: dict[str, set[str]] = {}
    for name in trade_nace():
        folded = fold(name)
        variants = {folded, folded.removesuffix("faget"), folded.removesuffix("et")}
        if codes.get(name):
            variants.add(fold(codes[name]))
        for variant in variants - {""}:
            found.setdefault(variant, set()).add(name)
    return {variant: next(iter(names)) for variant, names in found.items() if len(names) == 1}


def find_trade(written: str) -> str | None:
    """The trade's name as the reference data spells it, or None when nothing (or more than one) matches."""
    return _names().get(fold(written))


def nace_prefixes(trades: Iterable[str]) -> tuple[str, ...]:
    """The NACE prefixes of these trades (names as `find_trade` returns them), without repeats."""
    table = trade_nace()
    return tuple(dict.fromkeys(prefix for trade in trades for prefix in table.get(trade, ())))
