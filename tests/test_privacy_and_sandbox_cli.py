"""`jeger sandbox reply`, `replies list` and `privacy export|erase` through the CLI."""

from __future__ import annotations

import json

from sqlalchemy import inspect, select, text

from store.db import Database
from store.models import OptOut
from tests.test_engine import MOBILE, make_company


def test_sandbox_reply_runs_the_engine_and_replies_list_shows_it(cli, db: Database) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as session:
        code = make_company(session).short_code
    result = cli("sandbox", "reply", "--from", "+47 912 34 567", f"JA {code}", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["answers"][1].startswith("1/5")
    rows = json.loads(cli("replies", "list", "--json").stdout)
    assert rows[0]["intent"] == "interested" and rows[0]["sender"] == "+47******67"
    assert json.loads(cli("replies", "list", "--intent", "declined", "--json").stdout) == []
    assert cli("replies", "list", "--intent", "nonsense").exit_code == 2


def test_sandbox_reply_refuses_a_bad_sender(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("sandbox", "reply", "--from", "abc", "JA")
    assert result.exit_code == 2 and "abc" in result.stderr


def test_export_then_erase_leaves_no_trace_but_the_opt_out(cli, db: Database) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as session:
        make_company(session)
    for line in ("JA", "Kari Nordmann", "Hva koster det?"):
        assert cli("sandbox", "reply", "--from", MOBILE, line).exit_code == 0
    exported = json.loads(cli("privacy", "export", "--phone", MOBILE).stdout)
    assert exported["replies"] and exported["contacts"] and exported["messages"]
    erased = cli("privacy", "erase", "--phone", MOBILE, "--json")
    assert erased.exit_code == 0, erased.output
    with db.engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            for column in inspect(conn).get_columns(table):
                if "CHAR" in str(column["type"]).upper() or "TEXT" in str(column["type"]).upper():
                    hits = conn.execute(
                        text(f'SELECT count(*) FROM "{table}" WHERE "{column["name"]}" LIKE :a'),
                        {"a": "%91234567%"},
                    ).scalar()
                    assert hits == 0, f"{table}.{column['name']} still holds the number"
    with db.session() as session:
        opt_out = session.scalars(select(OptOut)).one()
        assert opt_out.address is None and len(opt_out.address_hash) == 64
    assert json.loads(cli("privacy", "export", "--phone", MOBILE).stdout)["opted_out"] is not None


def test_privacy_needs_exactly_one_target(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("privacy", "export").exit_code == 2
    assert cli("privacy", "erase", "--phone", "123").exit_code == 2
    assert cli("privacy", "export", "--orgnr", "974760673").exit_code == 2
