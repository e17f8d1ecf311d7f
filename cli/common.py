"""What every `jeger` command shares: the context with its lazily opened database, the one-line failure, JSON
and table output, and the export writers."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, NoReturn

import typer
from rich.console import Console

from settings import Settings
from store.db import Database

err = Console(stderr=True)


class ExportFormat(StrEnum):
    """What `--format` of an export accepts (an Enum: Typer lists the choices in --help and refuses others)."""

    CSV = "csv"
    XLSX = "xlsx"
    JSON = "json"


class ListFormat(StrEnum):
    """`--format` of a listing: the table people read, or an export."""

    TABLE = "table"
    CSV = "csv"
    JSON = "json"


@dataclass
class Context:
    """What every command needs; the database is opened on first use."""

    settings: Settings
    # A fixed "now" for what depends on the date (a campaign's first step must not have passed); None is the
    # real clock. Tests set it so that files dated in the future stay valid in later years.
    now: datetime | None = None
    _db: Database | None = field(default=None, repr=False)
    _checked: bool = field(default=False, repr=False)

    @property
    def db(self) -> Database:
        """The database, refused with one line when `jeger init` has not set it up."""
        database = self.unchecked_db
        if not self._checked:
            require_initialised(database)
            self._checked = True
        return database

    @property
    def unchecked_db(self) -> Database:
        """For `jeger init`, the one command that may find the database empty."""
        if self._db is None:
            self._db = Database(self.settings.database_url)
        return self._db


def require_initialised(db: Database) -> None:
    """Fails with one line instead of a traceback from the first query on a database `jeger init` never saw."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    from store.migrate import current_revision

    where = make_url(db.url).render_as_string(hide_password=True)
    try:
        revision = current_revision(db.engine)
    except OperationalError as exc:
        reason = str(exc.orig or exc).strip().splitlines()[0]
        fail(f"Databasen {where} svarer ikke: {reason}")
    if revision is None:
        fail(f"Databasen {where} er ikke klargjort: kjør `jeger init` først")


def ctx_of(ctx: typer.Context) -> Context:
    obj = ctx.find_root().obj
    assert isinstance(obj, Context)
    return obj


def _json_value(value: Any) -> Any:
    """What json cannot write itself: a time as ISO 8601 with the Oslo offset (like every other time shown),
    anything else as its text."""
    from datetime import datetime

    from store.times import iso_oslo

    if isinstance(value, datetime):
        return iso_oslo(value)
    return str(value)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=_json_value, indent=2) + "\n")


def shown(iso: str | None) -> str:
    """An ISO 8601 time from a domain row as a table cell in Oslo time (the column header names the zone)."""
    from datetime import datetime

    from store.times import shown_time

    return shown_time(datetime.fromisoformat(iso), zone=False) if iso else ""


def fail(message: str, code: int = 2) -> NoReturn:
    """Bad input: one clear line on stderr, exit code 2, nothing changed."""
    err.print(f"[bold red]Feil:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


# Contact kinds in words staff read (`companies show`, `privacy shared-optouts`).
CONTACT_LABELS = {"phone": "telefon", "email": "e-post", "telegram": "telegram"}


def warn(warnings: list[str]) -> None:
    """Warnings go to stderr, so stdout stays the answer (and one JSON document with --json)."""
    for warning in warnings:
        err.print(f"[bold yellow]Advarsel:[/] {warning}", highlight=False, soft_wrap=True)


def check_output(fmt: ExportFormat, output: Path | None) -> None:
    """A workbook is binary: it goes to a file, never to the terminal."""
    if fmt == "xlsx" and output is None:
        fail("--format xlsx skriver en Excel-fil: oppgi filen med -o FIL.xlsx")


def write_table(
    rows: list[dict[str, Any]],
    fmt: ExportFormat,
    output: Path | None,
    write_csv: Callable[[list[dict[str, Any]], IO[str]], None],
    write_xlsx: Callable[[list[dict[str, Any]], IO[bytes]], None],
) -> None:
    """Rows as JSON, CSV (neutralised cells) or XLSX (typed cells), to stdout or to `output`."""
    if fmt == "xlsx":
        assert output is not None  # check_output ran first
        with output.open("wb") as binary:
            write_xlsx(rows, binary)
        typer.echo(f"{len(rows)} rader skrevet til {output}.", err=True)
    elif output is not None:
        with output.open("w", encoding="utf-8", newline="") as text:
            if fmt == "json":
                text.write(json.dumps(rows, ensure_ascii=False, default=str, indent=2) + "\n")
            else:
                write_csv(rows, text)
        typer.echo(f"{len(rows)} rader skrevet til {output}.", err=True)
    elif fmt == "json":
        print_json(rows)
    else:
        write_csv(rows, sys.stdout)
