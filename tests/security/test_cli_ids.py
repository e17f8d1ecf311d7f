"""An id past the 32-bit id columns names no row: every command that takes one refuses it with exit 2 before
it reaches SQL (SQLite raised OverflowError, PostgreSQL "integer out of range": a traceback, exit 1)."""

from __future__ import annotations

import pytest

from tests.conftest import RunCli

HUGE = "99999999999999999999"
COMMANDS = [
    ("campaign", "status", HUGE),
    ("campaign", "preview", HUGE),
    ("campaign", "launch", HUGE),
    ("campaign", "report", HUGE),
    ("hunters", "approve", HUGE),
    ("registrations", "merge", "1", HUGE),
    ("staff", "revoke-token", HUGE),
    ("replies", "list", "--campaign", HUGE),
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_an_id_no_column_can_hold_is_refused_before_any_query(cli: RunCli, args: tuple[str, ...]) -> None:
    result = cli(*args)
    assert result.exit_code == 2, result.output
    assert "2147483647" in result.output
    assert not isinstance(result.exception, OverflowError)
