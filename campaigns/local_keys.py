"""The campaign-file keys of local and adult campaigns (PRODUCT §11), checked as `campaigns.definition` checks
the rest: every problem as `file:line: field: problem` (catalogue.definition), and nothing created while one
remains.

Top level: `kind`, `owner`, `co_owners`, `route`, `route_after_days`. In `[audience]` and `[audience.also]`:
`trades`, `orgnr_file`, `postcodes`, `previous`; in `[audience]` only, `exclude_contacted_days`. Whether the
owners are approved organisations and the earlier campaigns exist is asked of the database at create
(`campaigns.ownership`); everything here needs only the file and its folder.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from typing import Any

from campaigns.orgnr_lists import ListFiles
from campaigns.orgnr_lists import ListProblem
from campaigns.orgnr_lists import read_orgnr_list
from campaigns.trade_nace import find_trade
from companies.training import valid_orgnr
from store.models import MAX_ID

if TYPE_CHECKING:
    from campaigns.definition import _Checker

KINDS = ("laereplass", "voksen")
ROUTES = ("owner", "owner_then_county", "county")
OUTCOMES = ("registered", "interested", "contacted", "training_company")
PREVIOUS_KEYS = {"campaigns", "outcome"}
_POSTCODE = re.compile(r"^(\d{4})(?:\s*-\s*(\d{4}))?$")


def owner_keys(check: _Checker, data: dict[str, Any]) -> dict[str, Any]:
    """`kind`, `owner`, `co_owners`, `route` (default "owner" with an owner, else "county"), `route_after_days`."""
    kind = check.text("kind", data.get("kind", "laereplass"), 'kind = "voksen"') or "laereplass"
    if kind not in KINDS:
        check.problem("kind", "def_not_one_of", value=kind, allowed=", ".join(KINDS))
        kind = "laereplass"
    owner = _orgnr(check, "owner", data.get("owner"))
    co_owners = [
        orgnr
        for raw in check.text_list("co_owners", data.get("co_owners"), '["974760673"]')
        if (orgnr := _orgnr(check, "co_owners", raw)) is not None
    ]
    if co_owners and data.get("owner") is None:
        check.problem("co_owners", "def_co_owners_need_owner")
    if owner is not None and owner in co_owners:
        check.problem("co_owners", "def_co_owner_is_owner", orgnr=owner)
    has_owner = data.get("owner") is not None
    route = check.text("route", data.get("route", "owner" if has_owner else "county"), 'route = "owner"')
    if route not in ROUTES:
        check.problem("route", "def_not_one_of", value=route, allowed=", ".join(ROUTES))
        route = "owner" if has_owner else "county"
    elif route != "county" and not has_owner:
        check.problem("route", "def_route_needs_owner", route=route)
    after = data.get("route_after_days")
    if after is not None:
        if not isinstance(after, int) or isinstance(after, bool) or not 1 <= after <= 60:
            check.problem("route_after_days", "def_route_after_days")
            after = None
        elif route != "owner_then_county":
            check.problem("route_after_days", "def_route_after_days_only")
    return {
        "kind": kind,
        "owner": owner,
        "co_owners": co_owners,
        "route": route or "county",
        "route_after_days": after or 5,
    }


def _orgnr(check: _Checker, field: str, value: Any) -> str | None:
    if value is None:
        return None
    text = check.text(field, value, f'{field} = "974760673"') if not isinstance(value, int) else str(value)
    if text is None:
        return None
    orgnr = valid_orgnr(text)
    if orgnr is None:
        check.problem(field, "def_not_orgnr", value=text)
    return orgnr


def selection_keys(check: _Checker, table: dict[str, Any], prefix: str, files: ListFiles) -> dict[str, Any]:
    """`trades`, `orgnr_file`, `postcodes` and `previous` of `[audience]` or `[audience.also]` (`prefix`)."""
    trades: list[str] = []
    for written in check.text_list(prefix + "trades", table.get("trades"), '["Produksjonsteknikkfaget"]'):
        trade = find_trade(written)
        if trade is None:
            check.problem(prefix + "trades", "def_unknown_trade", value=written)
        elif trade not in trades:
            trades.append(trade)
    orgnr_list = None
    name = table.get("orgnr_file")
    if name is not None and (text := check.text(prefix + "orgnr_file", name, 'orgnr_file = "medlemmer.csv"')):
        try:
            found = read_orgnr_list(text, files)
            orgnr_list = {"file": text, "orgnrs": found.orgnrs, "rejected": found.rejected}
        except ListProblem as exc:
            check.add(prefix + "orgnr_file", exc.said)
    return {
        "trades": trades,
        "orgnr_list": orgnr_list,
        "postcodes": _postcodes(check, prefix + "postcodes", table.get("postcodes")),
        "previous": _previous(check, prefix + "previous", table.get("previous")),
    }


def _postcodes(check: _Checker, field: str, value: Any) -> list[tuple[str, str]]:
    ranges: list[tuple[str, str]] = []
    for item in check.text_list(field, value, '["1630-1639", "1640"]'):
        match = _POSTCODE.match(item.strip().zfill(4))
        if match is None or (match.group(2) is not None and match.group(2) < match.group(1)):
            check.problem(field, "def_not_postcode", value=item)
            continue
        ranges.append((match.group(1), match.group(2) or match.group(1)))
    return ranges


def _previous(check: _Checker, field: str, value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        check.problem(
            field,
            "def_previous_not_table",
            example='previous = { campaigns = [3], outcome = ["registered"] }',
        )
        return None
    check.unknown_keys(value, PREVIOUS_KEYS, field + ".")
    campaigns = value.get("campaigns")
    if (
        not isinstance(campaigns, list)
        or not campaigns
        or not all(isinstance(c, int) and not isinstance(c, bool) and 0 < c <= MAX_ID for c in campaigns)
    ):
        check.problem(field + ".campaigns", "def_previous_campaigns")
        campaigns = []
    outcome = check.text_list(field + ".outcome", value.get("outcome", list(OUTCOMES)), '["registered"]')
    for item in outcome:
        if item not in OUTCOMES:
            check.problem(field + ".outcome", "def_not_one_of", value=item, allowed=", ".join(OUTCOMES))
    return {"campaigns": sorted(set(campaigns)), "outcome": [o for o in OUTCOMES if o in outcome]}


def contacted_days(check: _Checker, value: Any) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 3650:
        check.problem("audience.exclude_contacted_days", "def_contacted_days")
        return None
    return value
