"""Keyset pagination: a page is the rows after the last one shown, in a total order, never an OFFSET.

An OFFSET makes the database read and throw away every row before the page, so page 500 of a national list
costs 500 pages; a keyset condition (`(sort key, id) > (last sort key, last id)`) lets an index start at the
right row, so every page costs the same. The id breaks ties in the sort key, so a row is shown exactly once.

The cursor handed to clients is opaque (URL-safe base64 of a JSON list of the last row's key values) and is
validated against the key's types when it comes back: a damaged or forged cursor is a `BadCursor`, which the
edges answer with a clear 400/422, never a 500.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from typing import Generic
from typing import TypeVar

from sqlalchemy import ColumnElement
from sqlalchemy import Select
from sqlalchemy import and_
from sqlalchemy import bindparam
from sqlalchemy import or_
from sqlalchemy import tuple_

T = TypeVar("T")
MAX_CURSOR = 400  # characters: a cursor holds a few short values; anything longer is not ours


class BadCursor(ValueError):
    """The `after` cursor is not one this list handed out (damaged, forged or from another list)."""


@dataclass(frozen=True)
class Key:
    """One column of the sort order: the column, its Python type in the cursor and its direction."""

    column: Any
    kind: type
    descending: bool = False


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list and the cursor of the next one (None on the last page)."""

    rows: list[T]
    next: str | None


def encode(values: Sequence[Any]) -> str:
    """The opaque cursor of a row's key values (datetimes as ISO 8601)."""
    plain = [v.isoformat() if isinstance(v, datetime) else v for v in values]
    return base64.urlsafe_b64encode(json.dumps(plain, separators=(",", ":")).encode()).decode().rstrip("=")


def decode(cursor: str, keys: Sequence[Key]) -> list[Any]:
    """The key values in `cursor`, checked against `keys`; raises BadCursor on anything else."""
    if len(cursor) > MAX_CURSOR or not cursor.isascii():
        raise BadCursor("the cursor is not one this list gave out")
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError) as exc:
        raise BadCursor("the cursor is not one this list gave out") from exc
    if not isinstance(values, list) or len(values) != len(keys):
        raise BadCursor("the cursor is not one this list gave out")
    return [_typed(value, key.kind) for value, key in zip(values, keys, strict=True)]


def _typed(value: Any, kind: type) -> Any:
    if kind is datetime and isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError as exc:
            raise BadCursor("the cursor is not one this list gave out") from exc
        if moment.tzinfo is not None:
            return moment
        raise BadCursor("the cursor is not one this list gave out")
    whole = kind is int and type(value) is int and -(2**63) <= value < 2**63  # bool is not an int here
    if whole or (kind is str and isinstance(value, str) and "\x00" not in value):  # PostgreSQL refuses NUL
        return value
    raise BadCursor("the cursor is not one this list gave out")


def after(keys: Sequence[Key], values: Sequence[Any]) -> ColumnElement[bool]:
    """The rows strictly after `values` in the order of `keys`. One direction: a row-value comparison, which
    PostgreSQL turns into the start of an index range scan (the OR-of-ANDs spelling only filters, so a deep
    page would read every row before it again). Mixed directions: the OR-of-ANDs."""
    bound = [bindparam(None, value, type_=key.column.type) for key, value in zip(keys, values, strict=True)]
    if len({key.descending for key in keys}) == 1:
        columns, cursor = tuple_(*(key.column for key in keys)), tuple_(*bound)
        clause: ColumnElement[bool] = columns < cursor if keys[0].descending else columns > cursor
        return clause
    branches = []
    for i, key in enumerate(keys):
        equal = [k.column == v for k, v in zip(keys[:i], bound[:i], strict=True)]
        beyond = key.column < bound[i] if key.descending else key.column > bound[i]
        branches.append(and_(*equal, beyond))
    return or_(*branches)


def order(keys: Sequence[Key]) -> list[Any]:
    """The ORDER BY of `keys`."""
    return [k.column.desc() if k.descending else k.column.asc() for k in keys]


def paged(query: Select[Any], keys: Sequence[Key], *, cursor: str | None, limit: int) -> Select[Any]:
    """`query` ordered by `keys`, from after `cursor`, one row more than `limit` (to know if a next page
    exists: see `page_of`)."""
    if cursor:
        query = query.where(after(keys, decode(cursor, keys)))
    return query.order_by(*order(keys)).limit(limit + 1)


def page_of(rows: list[T], limit: int, key_of: Any) -> Page[T]:
    """The first `limit` of `rows` (fetched by `paged`) and the next cursor, from `key_of(last row)`."""
    if len(rows) <= limit:
        return Page(rows, None)
    shown = rows[:limit]
    return Page(shown, encode(key_of(shown[-1])))
