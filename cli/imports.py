"""`jeger import`: company files from Enhetsregisteret and the counties' lists of training companies."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from cli.common import ctx_of
from cli.common import fail
from cli.common import print_summary
from cli.common import refusal
from cli.common import said
from cli.common import say
from store.db import Database

import_app = typer.Typer(no_args_is_help=True)


@import_app.command("companies")
def import_companies_command(
    ctx: typer.Context,
    file: Path = typer.Argument(...),
    rejects: Path | None = typer.Option(None, "--rejects"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Streams the register file, with a progress bar on a terminal; rejected rows go to a file."""
    from companies.importer import ImportFileError
    from companies.importer import import_companies

    context = ctx_of(ctx)
    try:
        if sys.stdout.isatty() and not as_json:
            summary = _import_with_progress(context.db, file, rejects)
        else:
            summary = import_companies(context.db, file, rejects_path=rejects, reasons=said)
    except ImportFileError as exc:
        fail(refusal(exc))
    print_summary(
        summary,
        as_json=as_json,
        key="cli_import_companies_done",
        rejects=summary.rejects_file,
    )


@import_app.command("training-companies")
def import_training_companies_command(
    ctx: typer.Context,
    file: Path = typer.Argument(...),
    county: str | None = typer.Option(None, "--county"),
    rejects: Path | None = typer.Option(None, "--rejects"),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """The county's list is the whole truth for that county: approvals it lacks are withdrawn."""
    from companies.training import TrainingFileError
    from companies.training import import_training_companies

    try:
        summary = import_training_companies(
            db=ctx_of(ctx).db, path=file, rejects_path=rejects, county=county, reasons=said
        )
    except TrainingFileError as exc:
        fail(refusal(exc))
    print_summary(
        summary,
        as_json=as_json,
        key="cli_import_training_done",
        added=summary.added,
        withdrawn=summary.withdrawn,
        counties=", ".join(summary.counties) or say("cli_none"),
        rejects=summary.rejects_file,
    )


def _import_with_progress(db: Database, file: Path, rejects: Path | None) -> Any:
    from rich.progress import BarColumn
    from rich.progress import DownloadColumn
    from rich.progress import Progress
    from rich.progress import TextColumn
    from rich.progress import TimeElapsedColumn

    from companies.importer import import_companies

    with Progress(
        TextColumn(f"[bold]{say('cli_import_progress')}[/]"),
        BarColumn(),
        DownloadColumn(),
        TextColumn(say("cli_import_rate", rows="{task.fields[rows]}", rate="{task.fields[rate]}")),
        TimeElapsedColumn(),
    ) as bar:
        task = bar.add_task("import", total=None, rows=0, rate="–")  # the importer reports the size

        def report(rows: int, done: int, total: int) -> None:
            elapsed = bar.tasks[task].elapsed or 0
            rate = f"{rows / elapsed:,.0f}".replace(",", " ") if elapsed else "–"
            bar.update(task, completed=done, total=total, rows=rows, rate=rate)

        return import_companies(db, file, rejects_path=rejects, progress=report, reasons=said)
