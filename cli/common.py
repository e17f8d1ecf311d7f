"""What every `jeger` command shares: the context with its lazily opened database and its reader's language, the
texts in that language, the one-line failure, JSON and table output, and the export writers.

The reader is whoever runs the command: it has no staff identity, so the language is `jeger --language`, else
the JEGER_LANGUAGE setting, else bokmål. `--json` and exports keep machine values in every language."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import IO
from typing import Any
from typing import NoReturn

import typer
from rich.console import Console

from catalogue import DEFAULT_LANGUAGE
from catalogue import plural
from catalogue import shown_time as catalogue_time
from catalogue import text
from catalogue.labels import label as catalogue_label
from catalogue.phrases import Phrase
from catalogue.phrases import refusal_in
from settings import Settings
from store.db import Database

err = Console(stderr=True)


class ExportFormat(StrEnum):
    """What `--format` of an export accepts (an Enum: Typer lists the choices in --help and refuses others)."""

    CSV = "csv"
    XLSX = "xlsx"
    JSON = "json"


class LanguageChoice(StrEnum):
    """`--language`: the languages the CLI and the dashboard speak (Typer lists them and refuses others)."""

    NB = "nb"
    NN = "nn"
    EN = "en"


class ListFormat(StrEnum):
    """`--format` of a listing: the table people read, or an export."""

    TABLE = "table"
    CSV = "csv"
    JSON = "json"


@dataclass
class Context:
    """What every command needs; the database is opened on first use."""

    settings: Settings
    # `jeger --language`; None means the JEGER_LANGUAGE setting.
    chosen_language: str | None = None
    # A fixed "now" for what depends on the date (a campaign's first step must not have passed); None is the
    # real clock. Tests set it so that files dated in the future stay valid in later years.
    now: datetime | None = None
    _db: Database | None = field(default=None, repr=False)
    _checked: bool = field(default=False, repr=False)

    @property
    def language(self) -> str:
        """The language the person at the terminal reads."""
        return self.chosen_language or self.settings.jeger_language

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
        fail(say("cli_db_unreachable", where=where, reason=reason))
    if revision is None:
        fail(say("cli_db_not_initialised", where=where))


def ctx_of(ctx: typer.Context) -> Context:
    obj = ctx.find_root().obj
    assert isinstance(obj, Context)
    return obj


# The running command's reader language, set by the root callback from Context.language. A context variable
# rather than a parameter of every helper: `fail()` and friends are called from deep inside the commands, and
# Typer (which vendors its own click) offers no public "current context" to look it up.
_reader_language: ContextVar[str] = ContextVar("reader_language", default=DEFAULT_LANGUAGE)


def speak(language: str) -> None:
    """Makes `language` the one the running command writes in (the root callback's call)."""
    _reader_language.set(language)


def reader_language() -> str:
    """The reader's language of the running command (bokmål before the root callback has run)."""
    return _reader_language.get()


def say(key: str, **values: Any) -> str:
    """The catalogue's text `key` in the reader's language."""
    return text(key, reader_language(), **values)


def say_count(key: str, count: int, **values: Any) -> str:
    """The catalogue's counted text `key` (`_one`/`_other`) in the reader's language."""
    return plural(key, count, reader_language(), **values)


def said(phrase: Phrase) -> str:
    """A phrase from the domain (catalogue.phrases) in the reader's language."""
    return phrase.text_in(reader_language())


def refusal(exc: Exception) -> str:
    """A refusal from the domain in the reader's language when it carries its catalogue key (catalogue.phrases.
    refusal_in: a Refusal (a campaign's CampaignError among them), a campaign file's problems; the sandbox's ChannelLive),
    else as the domain wrote it."""
    from bot.replies import channel_live_text
    from channels.registry import ChannelLive

    if isinstance(exc, ChannelLive):
        return channel_live_text(exc, reader_language())
    return refusal_in(exc, reader_language())


def label(value: Any, kind: str, *, lower: bool = False) -> str:
    """The name of a state or code (catalogue.labels) in the reader's language."""
    return catalogue_label(value, kind, reader_language(), lower=lower)


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


def print_summary(summary: Any, *, as_json: bool, key: str, **shown: Any) -> None:
    """A command's outcome: the summary's `as_dict()` as JSON for machines, else the catalogue's sentence `key`
    in the reader's language, filled from the same fields (`shown` replaces those people read differently)."""
    data = summary.as_dict()
    if as_json:
        print_json(data)
    else:
        typer.echo(say(key, **(data | shown)))


def shown(iso: str | None) -> str:
    """An ISO 8601 time from a domain row as a table cell in Oslo time (the column header names the zone)."""
    return catalogue_time(datetime.fromisoformat(iso), reader_language(), zone=False) if iso else ""


def shown_moment(moment: datetime | None, *, zone: bool = False) -> str:
    """A time from the domain as the reader writes it, on Oslo's clock; empty for none."""
    return catalogue_time(moment, reader_language(), zone=zone) if moment else ""


def fail(message: str, code: int = 2) -> NoReturn:
    """Bad input: one clear line on stderr, exit code 2, nothing changed."""
    err.print(f"[bold red]{say('cli_error')}[/] {message}", highlight=False, markup=True, soft_wrap=True)
    raise typer.Exit(code)


def contact_kind(kind: str) -> str:
    """A contact's kind in words staff read (`companies show`, `privacy shared-optouts`)."""
    return say(f"cli_contact_{kind}") if kind in CONTACT_KINDS else kind


CONTACT_KINDS = ("phone", "email", "telegram")


def warn(warnings: list[str]) -> None:
    """Warnings go to stderr, so stdout stays the answer (and one JSON document with --json)."""
    for warning in warnings:
        err.print(f"[bold yellow]{say('cli_warning')}[/] {warning}", highlight=False, soft_wrap=True)


def check_output(fmt: ExportFormat, output: Path | None) -> None:
    """A workbook is binary: it goes to a file, never to the terminal."""
    if fmt == "xlsx" and output is None:
        fail(say("cli_xlsx_needs_output"))


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
        typer.echo(say_count("cli_rows_written", len(rows), path=output), err=True)
    elif output is not None:
        with output.open("w", encoding="utf-8", newline="") as text:
            if fmt == "json":
                text.write(json.dumps(rows, ensure_ascii=False, default=str, indent=2) + "\n")
            else:
                write_csv(rows, text)
        typer.echo(say_count("cli_rows_written", len(rows), path=output), err=True)
    elif fmt == "json":
        print_json(rows)
    else:
        write_csv(rows, sys.stdout)
