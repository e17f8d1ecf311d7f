"""`jeger campaign`: check, create, preview, test, launch, pause, resume, cancel, follow and report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.console import Console

from cli.common import Context
from cli.common import ExportFormat
from cli.common import check_output
from cli.common import ctx_of
from cli.common import err
from cli.common import fail
from cli.common import label
from cli.common import print_json
from cli.common import reader_language
from cli.common import refusal
from cli.common import say
from cli.common import shown
from cli.common import warn
from cli.common import write_table
from store.db import Database
from store.models import MAX_ID

campaign_app = typer.Typer(no_args_is_help=True)


def _campaign_errors() -> tuple[type[Exception], ...]:
    from campaigns.definition import DefinitionError
    from campaigns.service import CampaignError
    from campaigns.service import CampaignInputError

    return (DefinitionError, CampaignError, CampaignInputError, LookupError, ValueError)


@campaign_app.command("check")
def campaign_check(
    ctx: typer.Context,
    file: Path = typer.Argument(...),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Checks a file the way `create` does, so an author can iterate before anything is stored; what the
    database lacks today is only a warning."""
    from campaigns.lifecycle import check_campaign
    from campaigns.orgnr_lists import ListFiles

    context = ctx_of(ctx)
    if not file.is_file():
        fail(say("cli_file_missing", path=file))
    try:
        source = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        fail(say("cli_file_not_utf8", path=file))
    from sqlalchemy.exc import SQLAlchemyError

    lists = ListFiles(base_dir=file.parent)  # an audience's orgnr_file lies beside the campaign file
    database = _database_if_ready(context)
    session = database.session() if database is not None else None
    try:
        found = check_campaign(
            session,
            source=source,
            filename=str(file),
            settings=context.settings,
            now=context.now,
            files=lists,
        )
    except SQLAlchemyError as exc:  # e.g. a database a release behind `jeger init`: check the file alone
        warn([say("cli_campaign_db_unusable", error=exc.__class__.__name__)])
        found = check_campaign(
            None, source=source, filename=str(file), settings=context.settings, now=context.now, files=lists
        )
    finally:
        if session is not None:
            session.close()
    language = reader_language()
    if (
        as_json
    ):  # machine values stay machine values; what a person reads is in the reader's language, as in preview
        print_json(
            {
                "valid": found.valid,
                "audience": found.audience,
                "steps": len(found.definition.steps) if found.definition else 0,
                "problems": [p.text_in(language) for p in found.problems],
                "warnings": [p.text_in(language) for p in found.warnings],
            }
        )
        if not found.valid:
            raise typer.Exit(2)
        return
    warn([warning.text_in(language) for warning in found.warnings])
    if not found.valid:
        fail("\n".join(p.text_in(language) for p in found.problems))
    steps = len(found.definition.steps) if found.definition else 0
    counted = (
        say("cli_campaign_audience_now", count=found.audience)
        if found.audience is not None
        else say("cli_campaign_audience_not_counted")
    )
    typer.echo(say("cli_campaign_valid", path=file, steps=steps, counted=counted))


def _database_if_ready(context: Context) -> Database | None:
    """The database when `jeger init` has set it up and it answers; else None (checks then run without it)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from store.migrate import current_revision

    url = make_url(context.settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database and not Path(url.database).is_file():
        return None  # connecting would create an empty database file
    database = context.unchecked_db
    try:
        if current_revision(database.engine) is None:
            return None
    except SQLAlchemyError:
        return None
    return database


@campaign_app.command("create")
def campaign_create(
    ctx: typer.Context,
    file: Path = typer.Argument(...),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """A draft, never a launch: nothing is sent until `launch`."""
    from campaigns.orgnr_lists import ListFiles
    from campaigns.service import create_campaign

    context = ctx_of(ctx)
    if not file.is_file():
        fail(say("cli_file_missing", path=file))
    try:
        with context.db.transaction() as session:
            result = create_campaign(
                session,
                context.settings,
                toml_text=file.read_text(encoding="utf-8"),
                filename=str(file),
                staff_id=None,
                now=context.now,
                files=ListFiles(base_dir=file.parent),
            )
            data: dict[str, Any] = {
                "id": result.campaign.id,
                "audience": result.audience,
                "steps": result.steps,
            }
    except _campaign_errors() as exc:
        fail(refusal(exc))
    if as_json:
        print_json(data)
        return
    from rich.table import Table

    typer.echo(say("cli_campaign_created", id=data["id"], audience=data["audience"]))
    table = Table(
        say("cli_col_step"), say("cli_col_channel"), say("cli_col_template"), say("cli_col_recipients")
    )
    for step in data["steps"]:
        table.add_row(
            step["name"], label(step["channel"], "channel"), step["template"], str(step["audience"])
        )
    Console().print(table)


def _counts(counts: dict[str, int]) -> str:
    """`{"sms": 306, "email": 2}` as staff read it: "SMS: 306, E-post: 2" (encodings pass through as they are)."""
    return ", ".join(f"{label(name, 'channel')}: {count}" for name, count in counts.items())


@campaign_app.command("preview")
def campaign_preview(
    ctx: typer.Context,
    campaign_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID),
    orgnr: list[str] | None = typer.Option(None, "--orgnr"),
    step: str | None = typer.Option(None, "--step"),
    as_json: bool = typer.Option(False, "--json"),
    letter_pdf: Path | None = typer.Option(None, "--letter-pdf"),
) -> None:
    """What each company would get, with segments and cost, before anything is sent."""
    from campaigns.audience_notes import campaign_audience_notes
    from campaigns.preview import preview_campaign
    from campaigns.readiness import campaign_readiness

    if letter_pdf is not None:
        _write_letter_pdf(ctx, campaign_id, orgnr, step, letter_pdf)

    context = ctx_of(ctx)
    try:
        with context.db.transaction() as session:
            previews = preview_campaign(
                session,
                campaign_id=campaign_id,
                settings=context.settings,
                orgnrs=orgnr,
                step_name=step,
                language=reader_language(),
            )
            warnings = campaign_readiness(
                session, campaign_id=campaign_id, settings=context.settings
            ).warnings_in(reader_language())
            notes = campaign_audience_notes(session, campaign_id=campaign_id)
    except _campaign_errors() as exc:
        fail(refusal(exc))
    problems = [p for preview in previews for p in preview.problems]
    # An orgnr that no step reaches is a mistake in the request, not an empty preview.
    reached = {s.orgnr for preview in previews for s in preview.samples}
    for missing in dict.fromkeys(o for o in orgnr or [] if o not in reached):
        why = next(
            (p.missing[missing] for p in previews if missing in p.missing),
            say("cli_campaign_not_in_audience"),
        )
        problems.append(say("cli_campaign_orgnr_outside", orgnr=missing, why=why))
    if as_json:
        print_json(
            {
                "steps": [p.as_dict() for p in previews],
                "audience_notes": [n.as_dict() for n in notes],
                "problems": problems,
                "warnings": warnings,
            }
        )
    else:
        for note in notes:  # who the audience's own rules leave out, before each step's gaps
            examples = f": {', '.join(note.examples)}" if note.examples else ""
            typer.echo(say("cli_campaign_audience_note", note=f"{note.text}{examples}"))
        for preview in previews:
            typer.echo(
                say(
                    "cli_campaign_preview_step",
                    step=preview.name,
                    channel=label(preview.channel, "channel"),
                    template=preview.template,
                    audience=preview.audience,
                    by_channel=_counts(preview.by_channel),
                )
            )
            if preview.total_segments:
                typer.echo(
                    say(
                        "cli_campaign_preview_sms",
                        encodings=_counts(preview.encodings),
                        low=f"{preview.segments['min']:g}",
                        median=f"{preview.segments['median']:g}",
                        high=f"{preview.segments['max']:g}",
                        total=preview.total_segments,
                        cost=f"{preview.cost:.2f}",
                    )
                )
            for sample in preview.samples:
                typer.echo(
                    f"--- {sample.company} ({sample.orgnr}) [{label(sample.message.channel, 'channel')}, {sample.message.language}]"
                )
                if sample.delivery:
                    typer.echo(say("cli_campaign_sent_as", how=sample.delivery))
                if sample.message.subject:
                    typer.echo(say("cli_campaign_subject", subject=sample.message.subject))
                if sample.message.channel.value == "email" or not sample.letter_text:
                    typer.echo(sample.message.body)
                if sample.letter_text:
                    typer.echo(say("cli_campaign_letter") + "\n" + sample.letter_text)
            for missing, why in preview.missing.items():
                typer.echo(say("cli_campaign_step_missed", orgnr=missing, why=why))
            if (preview.channel == "letter" or preview.template.startswith("letters/")) and not letter_pdf:
                command = f"jeger campaign preview {campaign_id} --step {preview.name} --letter-pdf brev.pdf"
                typer.echo(say("cli_campaign_see_letter", command=command))
    warn(warnings)
    if problems:
        for problem in problems:
            err.print(f"[bold red]{say('cli_error')}[/] {problem}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)


def _write_letter_pdf(
    ctx: typer.Context, campaign_id: int, orgnrs: list[str] | None, step: str | None, target: Path
) -> None:
    """Writes the letter step's printed letters to `target` before the preview itself is shown."""
    from campaigns.letter_proof import LetterProofError
    from campaigns.letter_proof import letter_proof

    context = ctx_of(ctx)
    try:
        with context.db.transaction() as session:
            proof = letter_proof(
                session, campaign_id=campaign_id, settings=context.settings, orgnrs=orgnrs, step_name=step
            )
    except LetterProofError as exc:
        fail(f"--letter-pdf: {refusal(exc)}")
    except _campaign_errors() as exc:
        fail(refusal(exc))
    try:
        target.write_bytes(proof.pdf)
    except OSError as exc:
        fail(say("cli_campaign_pdf_unwritable", path=target, error=exc.strerror or exc))
    names = ", ".join(f"{name} ({orgnr})" for orgnr, name in proof.companies)
    err.print(
        say(
            "cli_campaign_pdf_written", step=proof.step, companies=names, pages=sum(proof.pages), path=target
        ),
        highlight=False,
        soft_wrap=True,
    )


@campaign_app.command("test")
def campaign_test(
    ctx: typer.Context,
    campaign_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID),
    to: str = typer.Option(..., "--to"),
    step: str | None = typer.Option(None, "--step"),
) -> None:
    """Sends the rendered messages to the operator, not to the audience."""
    from campaigns.service import send_test

    context = ctx_of(ctx)
    try:
        with context.db.transaction() as session:
            count = send_test(session, context.settings, campaign_id=campaign_id, to=to, step=step)
    except _campaign_errors() as exc:
        fail(refusal(exc))
    typer.echo(say("cli_campaign_tests_queued", count=count, to=to))


def _campaign_action(ctx: typer.Context, campaign_id: int, action: str) -> None:
    from campaigns.service import change_state

    context = ctx_of(ctx)
    try:
        with context.db.transaction() as session:
            done = change_state(
                session,
                context.settings,
                campaign_id=campaign_id,
                action=action,
                language=reader_language(),
            )
            state, warnings = done.campaign.state, done.warnings
    except _campaign_errors() as exc:
        fail(refusal(exc))
    warn(warnings)
    typer.echo(say("cli_campaign_now", id=campaign_id, state=label(state, "campaign", lower=True)))


@campaign_app.command("launch")
def campaign_launch(
    ctx: typer.Context, campaign_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID)
) -> None:
    """Schedules the steps; idempotent, so a repeated launch changes nothing."""
    _campaign_action(ctx, campaign_id, "launch")


@campaign_app.command("pause")
def campaign_pause(
    ctx: typer.Context, campaign_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID)
) -> None:
    """Stops dispatch within seconds; the queue is kept for `resume`."""
    _campaign_action(ctx, campaign_id, "pause")


@campaign_app.command("resume")
def campaign_resume(
    ctx: typer.Context, campaign_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID)
) -> None:
    """Picks up where the pause left off; overdue steps go out now."""
    _campaign_action(ctx, campaign_id, "resume")


@campaign_app.command("cancel")
def campaign_cancel(
    ctx: typer.Context, campaign_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID)
) -> None:
    """Final: queued messages are dropped, those already with a provider are not recalled."""
    _campaign_action(ctx, campaign_id, "cancel")


@campaign_app.command("status")
def campaign_status_command(
    ctx: typer.Context,
    campaign_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Counts per step and state, and why queued messages wait (quiet hours, daily caps)."""
    from rich.table import Table

    from campaigns.lifecycle import campaign_status

    try:
        with ctx_of(ctx).db.session() as session:
            status = campaign_status(
                session,
                campaign_id=campaign_id,
                max_per_day=ctx_of(ctx).settings.max_outreach_per_day,
                language=reader_language(),
            )
    except _campaign_errors() as exc:
        fail(refusal(exc))
    if as_json:
        print_json({k: v for k, v in status.items() if k != "reason"})
        return
    typer.echo(
        f"{status['name']} — {label(status['state'], 'campaign', lower=True)}"
        + (f" ({status['reason']})" if status["reason"] else "")
    )
    states = list(status["steps"][0]["counts"]) if status["steps"] else []
    table = Table(
        say("cli_col_step"),
        say("cli_col_channel"),
        say("cli_col_time_oslo"),
        *(label(s, "message") for s in states),
    )
    for step in status["steps"]:
        table.add_row(
            step["name"],
            label(step["channel"], "channel"),
            shown(step["scheduled_for"]),
            *(str(step["counts"][s]) for s in states),
        )
    Console().print(table)
    if status["waiting"]:
        typer.echo(say("cli_campaign_waiting"))
        for group in status["waiting"]:
            typer.echo(f"  {group['text']}")


@campaign_app.command("report")
def campaign_report(
    ctx: typer.Context,
    campaign_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID),
    fmt: ExportFormat = typer.Option(ExportFormat.CSV, "--format"),
    output: Path | None = typer.Option(None, "-o", "--output"),
    outcomes: bool = typer.Option(False, "--outcomes"),
) -> None:
    """One row per message (or, with --outcomes, the outcome report by trade and county)."""
    from campaigns.lifecycle import get_campaign
    from campaigns.report import delivery_rows
    from campaigns.report import write_csv
    from campaigns.report import write_xlsx

    if outcomes:
        _outcome_report(ctx, campaign_id, fmt, output)
        return
    check_output(fmt, output)
    try:
        with ctx_of(ctx).db.session() as session:
            get_campaign(session, campaign_id)
            rows = delivery_rows(session, campaign_id=campaign_id)
    except _campaign_errors() as exc:
        fail(refusal(exc))
    write_table(rows, fmt, output, write_csv, write_xlsx)


def _outcome_report(ctx: typer.Context, campaign_id: int, fmt: ExportFormat, output: Path | None) -> None:
    import sys

    from reports.outcome_export import default_filename
    from reports.outcome_export import outcome_json
    from reports.outcome_export import write_csv
    from reports.outcome_export import write_xlsx
    from reports.outcomes import outcome_report

    try:
        with ctx_of(ctx).db.session() as session:
            report = outcome_report(session, campaign_id=campaign_id)
    except _campaign_errors() as exc:
        fail(refusal(exc))
    if fmt == "xlsx":
        target = output or Path(default_filename(campaign_id))
        with target.open("wb") as binary:
            write_xlsx(report, binary)
        typer.echo(say("cli_campaign_report_written", path=target), err=True)
    elif fmt == "json":
        print_json(outcome_json(report))
    elif output is not None:
        with output.open("w", encoding="utf-8", newline="") as text:
            write_csv(report, text)
        typer.echo(say("cli_campaign_report_written", path=output), err=True)
    else:
        write_csv(report, sys.stdout)


@campaign_app.command("attendees")
def campaign_attendees(
    ctx: typer.Context,
    campaign_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID),
    as_json: bool = typer.Option(False, "--json"),
    fmt: ExportFormat | None = typer.Option(None, "--format"),
    output: Path | None = typer.Option(None, "-o", "--output"),
) -> None:
    """Who comes to the campaign's information meetings, for the organiser's door list."""
    from rich.table import Table

    from campaigns.lifecycle import get_campaign
    from campaigns.meeting_attendees import attendee_rows
    from campaigns.meeting_attendees import write_csv
    from campaigns.meeting_attendees import write_xlsx

    if fmt is not None:
        check_output(fmt, output)
    try:
        with ctx_of(ctx).db.session() as session:
            get_campaign(session, campaign_id)
            rows = attendee_rows(session, campaign_id=campaign_id)
    except _campaign_errors() as exc:
        fail(refusal(exc))
    if as_json:
        print_json(rows)
        return
    if fmt is not None:
        write_table(rows, fmt, output, write_csv, write_xlsx)
        return
    table = Table(
        *(
            say(key)
            for key in (
                "cli_col_meeting",
                "cli_col_time_oslo",
                "cli_col_orgnr",
                "cli_col_company",
                "cli_col_answer",
                "cli_col_people",
            )
        )
    )
    for row in rows:
        table.add_row(
            row["meeting"],
            shown(row["starts_at"]),
            row["orgnr"],
            row["company"],
            label(row["status"], "rsvp"),
            str(row["people"]),
        )
    Console().print(table)
    attending = [r for r in rows if r["status"] == "attending"]
    typer.echo(
        say("cli_campaign_attending", count=len(attending), people=sum(r["people"] for r in attending))
    )


@campaign_app.command("list")
def campaign_list(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Every campaign with its state, to find the number the other commands take."""
    from rich.table import Table

    from campaigns.lifecycle import list_campaigns

    with ctx_of(ctx).db.session() as session:
        rows = list_campaigns(session)
    if as_json:
        print_json(rows)
        return
    table = Table(say("cli_col_no"), say("cli_col_state"), say("cli_col_name"))
    for row in rows:
        table.add_row(str(row["id"]), label(row["state"], "campaign"), row["name"])
    Console().print(table)
