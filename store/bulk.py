"""`column IN (...)` for long lists of values, with the whole list bound as one parameter.

A plain `in_()` with thousands of values renders one placeholder per value: SQLAlchemy expands and the driver
parses a new statement text for every list length, which costs more than the query itself when a campaign
step reads 100,000 companies in chunks. One array (PostgreSQL) or one JSON text (SQLite) keeps the statement
text fixed, so it is compiled and prepared once.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy import any_
from sqlalchemy import bindparam
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import ARRAY


def in_values(column: Any, values: Sequence[Any], *, dialect: str) -> ColumnElement[bool]:
    """`column IN values`; values must be ints or strings (what JSON and a PostgreSQL array both carry)."""
    if dialect == "postgresql":
        return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))
    if dialect == "sqlite":
        each = func.json_each(json.dumps(list(values))).table_valued("value")
        return column.in_(select(each.c.value))
    return column.in_(values)
