"""The `jeger` command (PRODUCT §8). Each command parses, calls one domain function, and renders the answer.

Listing commands take `--json` and then print exactly one JSON document on stdout. Bad input exits with
code 2 and one line on stderr naming what and where.
"""

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

from runtime import parts_of
from settings import Settings
from store.db import Database
from store.labels import label
from store.models import MAX_ID
from store.models.enums import HunterState, Intent, LeadState, StaffRole

app = typer.Typer(help="Læreplassjeger: utsending, svarbot og fordeling av leads.", no_args_is_help=True)
import_app = typer.Typer(help="Importer datafiler.", no_args_is_help=True)
companies_app = typer.Typer(help="Bedrifter fra Enhetsregisteret.", no_args_is_help=True)
campaign_app = typer.Typer(help="Lag, forhåndsvis, start og følg med på kampanjer.", no_args_is_help=True)
replies_app = typer.Typer(help="Innkomne meldinger.", no_args_is_help=True)
leads_app = typer.Typer(help="Interesserte bedrifter og jegerne deres.", no_args_is_help=True)
hunters_app = typer.Typer(help="Jegerorganisasjoner.", no_args_is_help=True)
staff_app = typer.Typer(help="Innlogginger for kampanjeansatte.", no_args_is_help=True)
privacy_app = typer.Typer(help="Innsyn i og sletting av personopplysninger.", no_args_is_help=True)
sandbox_app = typer.Typer(help="Svar som en bedrift på sandkassekanalen.", no_args_is_help=True)
registrations_app = typer.Typer(help="Bedrifters registrerte interesse.", no_args_is_help=True)
for sub, name in [
    (import_app, "import"),
    (companies_app, "companies"),
    (campaign_app, "campaign"),
    (replies_app, "replies"),
    (leads_app, "leads"),
    (hunters_app, "hunters"),
    (staff_app, "staff"),
    (privacy_app, "privacy"),
    (sandbox_app, "sandbox"),
    (registrations_app, "registrations"),
]:
    app.add_typer(sub, name=name)

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


class ReplyChannel(StrEnum):
    """The channels a sandbox reply can arrive on."""

    SMS = "sms"
    TELEGRAM = "telegram"


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


def _shown(iso: str | None) -> str:
    """An ISO 8601 time from a domain row as a table cell in Oslo time (the column header names the zone)."""
    from datetime import datetime

    from store.times import shown_time

    return shown_time(datetime.fromisoformat(iso), zone=False) if iso else ""


def fail(message: str, code: int = 2) -> NoReturn:
    """Bad input: one clear line on stderr, exit code 2, nothing changed."""
    err.print(f"[bold red]Feil:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@app.callback()
def _root(ctx: typer.Context) -> None:
    if ctx.obj is None:
        ctx.obj = Context(settings=Settings())


@app.command()
def init(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Opprett eller oppgrader databasen og last inn referansedata (trygt å kjøre flere ganger)."""
    from store.migrate import init_database

    result = init_database(ctx_of(ctx).unchecked_db.engine)
    data = {
        "revision_before": result.revision_before,
        "revision": result.revision_after,
        "reference_inserted": result.reference.inserted,
        "reference_updated": result.reference.updated,
    }
    if as_json:
        print_json(data)
    else:
        typer.echo(
            f"Databasen er på revisjon {result.revision_after}; referansedata: "
            f"{result.reference.inserted} lagt til, {result.reference.updated} oppdatert."
        )


def _serve(ctx: typer.Context, host: str, port: int, *, web: bool, **parts: bool) -> None:
    """Runs uvicorn with the web app and the chosen background parts in one asyncio process."""
    import asyncio

    import uvicorn

    from logging_setup import configure_logging
    from runtime import build_services
    from web.app import create_app

    configure_logging()  # key=value lines, phone numbers and e-mail addresses masked (PRODUCT §9)
    context = ctx_of(ctx)
    services = build_services(context.settings, context.db, **parts)
    if web:
        app = create_app(context.settings, db=context.db, services=services)
        uvicorn.run(app, host=host, port=port, log_config=None)
        return

    async def run_headless() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        import signal

        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        for service in services:
            await service.start()
        try:
            await stop.wait()
        finally:
            for service in reversed(services):
                await service.stop()

    asyncio.run(run_headless())


@app.command()
def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", help="Adressen det lyttes på."),
    port: int = typer.Option(8000, help="Porten det lyttes på."),
    demo: bool = typer.Option(
        False, "--demo", help="Legg inn eksempeldata og simuler svar (bare på sandkassekanalene)."
    ),
) -> None:
    """Kjør web, bot, planlegger og utsender i én prosess."""
    if demo:
        from demo.simulator import demo_settings

        context = ctx_of(ctx)
        context.settings = demo_settings(context.settings, host=host, port=port)
        _seed_demo(ctx, host, port)
    _serve(ctx, host, port, web=True, demo=demo, **parts_of("serve", ctx_of(ctx).settings))


def _seed_demo(ctx: typer.Context, host: str, port: int) -> None:
    """Seeds the demo data (idempotent) and prints where to log in; refuses to run with real providers."""
    from demo.simulator import DEMO_EMAIL, DEMO_PASSWORD, TRY_COMPANIES, seed_demo

    settings = ctx_of(ctx).settings
    if settings.twilio_enabled or settings.telegram_enabled or settings.smtp_enabled:
        fail("--demo kjører bare på sandkassekanalene: fjern TWILIO_*, TELEGRAM_BOT_TOKEN og SMTP_URL")
    summary = seed_demo(ctx_of(ctx).db, settings)
    typer.echo(summary.text)
    typer.echo(f"\nDashbord: http://{host}:{port}/admin/")
    typer.echo(f"Demo-innlogging: {DEMO_EMAIL} / {DEMO_PASSWORD}")
    typer.echo("Bedrifter å prøve selv (simuleringen svarer aldri for dem; se README):")
    for company in TRY_COMPANIES:
        typer.echo(
            f"  {company.name}: orgnr {company.orgnr}, kode {company.short_code}, mobil {company.mobile}"
        )
    typer.echo("")


@app.command("web")
def web_only(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", help="Adressen det lyttes på."),
    port: int = typer.Option(8000, help="Porten det lyttes på."),
) -> None:
    """Kjør bare webdelen (webhooker, registreringsside, dashbord, API); med TELEGRAM_MODE=webhook også
    Telegram-boten, som får oppdateringene sine gjennom denne prosessen."""
    _serve(ctx, host, port, web=True, **parts_of("web", ctx_of(ctx).settings))


@app.command()
def worker(ctx: typer.Context) -> None:
    """Kjør bare utsenderen; på PostgreSQL kan flere kjøre, på SQLite bare én."""
    from campaigns.dispatch.dispatcher import AnotherWorkerRunning, check_can_start

    try:
        check_can_start(ctx_of(ctx).db)
    except AnotherWorkerRunning as exc:
        fail(str(exc))
    _serve(ctx, "", 0, web=False, **parts_of("worker", ctx_of(ctx).settings))


@app.command("scheduler")
def scheduler_only(ctx: typer.Context) -> None:
    """Kjør bare planleggeren (kampanjesteg, daglige jobber) og, med TELEGRAM_MODE=polling, Telegram-boten;
    kjør nøyaktig én."""
    _serve(ctx, "", 0, web=False, **parts_of("scheduler", ctx_of(ctx).settings))


# --- import and companies -------------------------------------------------------------------------------


@import_app.command("companies")
def import_companies_command(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="JSON-fil (.json, .json.gz) eller CSV-fil fra Enhetsregisteret."),
    rejects: Path | None = typer.Option(
        None, "--rejects", help="Hvor avviste rader og advarsler skrives (standard: FIL.rejects.csv)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Importer bedrifter fra en fil fra Enhetsregisteret (nye legges til, kjente oppdateres etter orgnr)."""
    from companies.importer import ImportFileError, import_companies

    context = ctx_of(ctx)
    try:
        if sys.stdout.isatty() and not as_json:
            summary = _import_with_progress(context.db, file, rejects)
        else:
            summary = import_companies(context.db, file, rejects_path=rejects)
    except ImportFileError as exc:
        fail(str(exc))
    if as_json:
        print_json(summary.as_dict())
        return
    typer.echo(
        f"Lest {summary.read}: {summary.imported} nye, {summary.updated} oppdatert, {summary.unchanged} uendret, "
        f"{summary.rejected} avvist, {summary.warnings} advarsler. Avvisninger: {summary.rejects_file}"
    )


@import_app.command("training-companies")
def import_training_companies_command(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="Fylkets liste over godkjente lærebedrifter (CSV eller XLSX)."),
    county: str | None = typer.Option(
        None, "--county", help="Fylket lista gjelder, når fila ikke har en fylkeskolonne (nummer eller navn)."
    ),
    rejects: Path | None = typer.Option(
        None, "--rejects", help="Hvor avviste rader skrives (standard: FIL.rejects.csv)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Importer fylkets liste over godkjente lærebedrifter med fag; godkjenninger i fylket som mangler i
    lista, trekkes tilbake."""
    from companies.training import TrainingFileError, import_training_companies

    try:
        summary = import_training_companies(db=ctx_of(ctx).db, path=file, rejects_path=rejects, county=county)
    except TrainingFileError as exc:
        fail(str(exc))
    if as_json:
        print_json(summary.as_dict())
        return
    counties = ", ".join(summary.counties) or "ingen"
    typer.echo(
        f"Lest {summary.read} rader: {summary.matched} hos kjente bedrifter, {summary.unknown} med orgnr vi ikke "
        f"har ennå (gjelder når bedriften importeres), {summary.rejected} avvist. Fylke: {counties}. "
        f"Godkjenninger: {summary.added} nye, {summary.withdrawn} trukket tilbake. "
        f"Avvisninger: {summary.rejects_file}"
    )


def _import_with_progress(db: Database, file: Path, rejects: Path | None) -> Any:
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

    from companies.importer import import_companies

    with Progress(
        TextColumn("[bold]Importerer[/]"),
        BarColumn(),
        DownloadColumn(),
        TextColumn("{task.fields[rows]} rader · {task.fields[rate]} rader/s"),
        TimeElapsedColumn(),
    ) as bar:
        task = bar.add_task("import", total=None, rows=0, rate="–")  # the importer reports the size

        def report(rows: int, done: int, total: int) -> None:
            elapsed = bar.tasks[task].elapsed or 0
            rate = f"{rows / elapsed:,.0f}".replace(",", " ") if elapsed else "–"
            bar.update(task, completed=done, total=total, rows=rows, rate=rate)

        return import_companies(db, file, rejects_path=rejects, progress=report)


@companies_app.command("list")
def companies_list(
    ctx: typer.Context,
    county: str | None = typer.Option(None, "--county", help="Fylkesnummer, f.eks. 55."),
    limit: int = typer.Option(200, "--limit", min=0, help="Høyst så mange bedrifter; 0 = alle."),
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Vis bedrifter sortert etter navn, eventuelt i ett fylke."""
    from rich.table import Table

    from companies.lookup import UnknownCounty, list_companies

    with ctx_of(ctx).db.session() as session:
        try:
            rows = list_companies(session, county=county, limit=limit or None)
        except UnknownCounty as exc:
            valid = ", ".join(f"{number} {name}" for number, name in exc.valid.items())
            fail(f"--county {county}: ukjent fylkesnummer; gyldige er {valid}")
    if as_json:
        print_json(rows)
        return
    table = Table("Orgnr", "Navn", "Næring", "Ansatte", "Fylke")
    for row in rows:
        table.add_row(
            row["orgnr"],
            row["name"],
            row["nace_code"] or "",
            str(row["employees"] or ""),
            row["county_name"] or "",
        )
    Console().print(table)
    if limit and len(rows) == limit:
        typer.echo(f"Viser de {limit} første; --limit 0 viser alle.")


# `companies show` in words staff read; the --json keys stay as they are.
SHOW_LABELS = {
    "orgnr": "orgnr",
    "name": "navn",
    "county_name": "fylke",
    "nace_code": "næringskode",
    "employees": "ansatte",
    "short_code": "kortkode",
    "token": "lenkenøkkel",
}
FLAG_LABELS = {
    "training_company": "lærebedrift",
    "bankrupt": "konkurs",
    "winding_up": "under avvikling",
    "deleted": "slettet",
    "do_not_contact": "har sagt STOPP",
    "never_contact": "kontaktes aldri",
}
CONTACT_LABELS = {"phone": "telefon", "email": "e-post", "telegram": "telegram"}


@companies_app.command("show")
def companies_show(
    ctx: typer.Context,
    orgnr: str = typer.Argument(..., metavar="ORGNR"),
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Vis én bedrift med kontakter, fylke, flagg, kortkode og lenkenøkkel."""
    from companies.lookup import company_details

    with ctx_of(ctx).db.transaction() as session:
        details = company_details(session, orgnr=orgnr.replace(" ", ""))
    if details is None:
        fail(f"orgnr {orgnr}: ingen bedrift har dette organisasjonsnummeret")
    if as_json:
        print_json(details)
        return
    for key, caption in SHOW_LABELS.items():
        typer.echo(f"{caption:>12}: {'' if details[key] is None else details[key]}")
    flags = ", ".join(FLAG_LABELS[k] for k, v in details["flags"].items() if v)
    typer.echo(f"{'flagg':>12}: {flags or 'ingen'}")
    if details["approved_trades"]:
        approved = ", ".join(f"{a['trade']} ({a['county']})" for a in details["approved_trades"])
        typer.echo(f"{'godkjent i':>12}: {approved}")
    for contact in details["contacts"]:
        marks = [
            m for m, on in (("reservert", contact["opted_out"]), ("erstattet", contact["replaced"])) if on
        ]
        kind = CONTACT_LABELS.get(contact["kind"], contact["kind"])
        typer.echo(f"{kind:>12}: {contact['address']}" + (f" ({', '.join(marks)})" if marks else ""))


# --- replies, sandbox, privacy -----------------------------------------------------------------------------


@replies_app.command("list")
def replies_list(
    ctx: typer.Context,
    campaign: int | None = typer.Option(None, "--campaign", min=1, max=MAX_ID, help="Kampanjenummer."),
    intent: Intent | None = typer.Option(None, "--intent", help="Bare meldinger med denne hensikten."),
    limit: int | None = typer.Option(None, "--limit", help="Høyst så mange meldinger."),
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Vis innkomne meldinger, nyeste først."""
    from rich.table import Table

    from bot.replies import list_replies

    with ctx_of(ctx).db.session() as session:
        rows = list_replies(session, campaign_id=campaign, intent=intent, limit=limit)
    if as_json:
        print_json(rows)
        return
    table = Table("Tid (norsk tid)", "Kanal", "Fra", "Bedrift", "Hensikt", "Tekst")
    for row in rows:
        table.add_row(
            _shown(row["received_at"]),
            label(row["channel"], "channel"),
            row["sender"],
            row["company"] or "",
            label(row["intent"], "intent"),
            f"Trykket «{row['button']}»" if row.get("button") else row["text"] or "",
        )
    Console().print(table)


@replies_app.command("export")
def replies_export(
    ctx: typer.Context,
    campaign: int | None = typer.Option(None, "--campaign", min=1, max=MAX_ID, help="Kampanjenummer."),
    intent: Intent | None = typer.Option(None, "--intent", help="Bare meldinger med denne hensikten."),
    fmt: ExportFormat = typer.Option(ExportFormat.CSV, "--format", help="Filformatet."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Skriv til denne filen (kreves for xlsx)."
    ),
) -> None:
    """Skriv ut alle innkomne meldinger (avsender maskert), nyeste først."""
    from campaigns.reply_export import reply_rows, write_csv, write_xlsx

    _check_output(fmt, output)
    with ctx_of(ctx).db.session() as session:
        rows = reply_rows(session, campaign_id=campaign, intent=intent)
    _write_table(rows, fmt, output, write_csv, write_xlsx)


@sandbox_app.command("reply")
def sandbox_reply_command(
    ctx: typer.Context,
    text: str = typer.Argument(..., help="Det bedriften skriver, f.eks. 'JA K7MX2P'."),
    sender: str = typer.Option(
        ...,
        "--from",
        help="Et telefonnummer med landskode (+47 912 34 567) skriver på SMS; et tall alene (eller tg:TALL) "
        "er en Telegram-chat.",
    ),
    channel: ReplyChannel | None = typer.Option(
        None,
        "--channel",
        help="Kanalen svaret kommer på, når avsenderen alene ikke avgjør det (f.eks. 91234567).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Svar som en bedrift på sandkassekanalen (samme motor som SMS- og Telegram-webhookene).

    Bare på kanaler uten leverandør: er SMS eller Telegram i drift, avvises svaret (kode 2)."""
    from bot.replies import SandboxError, sandbox_reply
    from channels.registry import ChannelLive

    context = ctx_of(ctx)
    try:
        with context.db.transaction() as session:
            outcome, texts = sandbox_reply(
                session,
                sender=sender,
                text=text,
                settings=context.settings,
                channel=channel.value if channel else None,
            )
    except (SandboxError, ChannelLive) as exc:
        fail(str(exc))
    if as_json:
        print_json(
            {
                "intent": outcome.intent,
                "company_id": outcome.company_id,
                "verified": outcome.verified,
                "answers": texts,
            }
        )
        return
    for answer in texts:
        typer.echo(answer)


def _privacy_target(phone: str | None, orgnr: str | None, email: str | None) -> tuple[str, str]:
    given = [(k, v) for k, v in (("phone", phone), ("orgnr", orgnr), ("email", email)) if v]
    if len(given) != 1:
        fail("oppgi nøyaktig én av --phone, --orgnr og --email")
    return given[0]


@privacy_app.command("export")
def privacy_export(
    ctx: typer.Context,
    phone: str | None = typer.Option(None, "--phone", help="Telefonnummer."),
    orgnr: str | None = typer.Option(None, "--orgnr", help="Organisasjonsnummer."),
    email: str | None = typer.Option(None, "--email", help="E-postadresse."),
) -> None:
    """Skriv ut, som JSON, alt som er lagret om et telefonnummer, en e-postadresse eller et orgnr."""
    from companies.privacy import PrivacyError, export_address, export_company
    from store.models import ContactKind

    kind, value = _privacy_target(phone, orgnr, email)
    try:
        with ctx_of(ctx).db.session() as session:
            if kind == "orgnr":
                data = export_company(session, orgnr=value)
            else:
                data = export_address(session, kind=ContactKind(kind), address=value)
    except PrivacyError as exc:
        fail(str(exc))
    print_json(data)


ERASED_LABELS = {
    "contacts": "kontaktadresser",
    "messages": "meldinger",
    "replies": "svar",
    "conversations": "samtaler",
    "registrations": "registreringer",
    "hunters": "jegere",
}


@privacy_app.command("erase")
def privacy_erase(
    ctx: typer.Context,
    phone: str | None = typer.Option(None, "--phone", help="Telefonnummer."),
    orgnr: str | None = typer.Option(None, "--orgnr", help="Organisasjonsnummer."),
    email: str | None = typer.Option(None, "--email", help="E-postadresse."),
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Slett personopplysningene om en adresse eller et orgnr; adressen forblir reservert (som en nøkkelhash)."""
    from companies.privacy import PrivacyError, erase_address, erase_company
    from store.models import ContactKind

    kind, value = _privacy_target(phone, orgnr, email)
    try:
        with ctx_of(ctx).db.transaction() as session:
            if kind == "orgnr":
                report = erase_company(session, orgnr=value)
            else:
                report = erase_address(session, kind=ContactKind(kind), address=value)
    except PrivacyError as exc:
        fail(str(exc))
    if as_json:
        print_json(report.as_dict())
    else:
        typer.echo(
            "Slettet: " + ", ".join(f"{v} {ERASED_LABELS.get(k, k)}" for k, v in report.as_dict().items())
        )


OPTOUT_SOURCE_LABELS = {
    "sms": "SMS",
    "telegram": "Telegram",
    "web": "nettsiden",
    "provider": "leverandøren (STOP hos Twilio)",
    "staff": "ansatt",
    "privacy": "sletting (personvern)",
}
SHARED_COMPANIES_SHOWN = 5


@privacy_app.command("shared-optouts")
def privacy_shared_optouts(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Vis reserverte adresser som flere bedrifter deler (sentralbord, regnskapsfører), til gjennomgang.

    Før STOPP ble knyttet til bare avsenderens adresse, reserverte én bedrifts STOPP alle adressene dens;
    slike reservasjoner oppheves aldri automatisk."""
    from zoneinfo import ZoneInfo

    from rich.table import Table

    from companies.optouts import shared_optouts

    with ctx_of(ctx).db.session() as session:
        found = shared_optouts(session)
    if as_json:
        print_json([item.as_dict() for item in found])
        return
    if not found:
        typer.echo("Ingen reserverte adresser deles av flere bedrifter.")
        return
    oslo = ZoneInfo("Europe/Oslo")
    table = Table("Adresse", "Type", "Bedrifter", "Reservert", "Fra", "Sa STOPP selv", "Hvilke bedrifter")
    for item in found:
        names = [
            f"{c['orgnr']} {c['name']}" + (" (har sagt STOPP)" if c["do_not_contact"] else "")
            for c in item.companies[:SHARED_COMPANIES_SHOWN]
        ]
        if len(item.companies) > SHARED_COMPANIES_SHOWN:
            names.append(f"… og {len(item.companies) - SHARED_COMPANIES_SHOWN} til (--json viser alle)")
        table.add_row(
            item.address or "(slettet)",
            CONTACT_LABELS.get(item.kind, item.kind),
            str(len(item.companies)),
            item.opted_out_at.astimezone(oslo).strftime("%d.%m.%Y %H:%M"),
            OPTOUT_SOURCE_LABELS.get(item.source, item.source),
            "ja" if item.said_stop_itself else "nei",
            "\n".join(names),
        )
    Console(width=200).print(table)


# --- campaigns --------------------------------------------------------------------------------------------


def _campaign_errors() -> tuple[type[Exception], ...]:
    from campaigns.definition import DefinitionError
    from campaigns.lifecycle import CampaignError

    return (DefinitionError, CampaignError, LookupError, ValueError)


@campaign_app.command("check")
def campaign_check(
    ctx: typer.Context,
    file: Path = typer.Argument(..., metavar="FIL.toml", help="Kampanjedefinisjonen (TOML)."),
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Sjekk en kampanjefil slik `campaign create` gjør, uten å lage noe.

    Feil i filen (felt, typer, tider, maler) gir exit-kode 2. Det databasen mangler i dag (ingen bedrifter i
    målgruppen ennå, eller ingen database) er bare advarsler."""
    from campaigns.lifecycle import check_campaign

    context = ctx_of(ctx)
    if not file.is_file():
        fail(f"{file}: finner ikke filen")
    try:
        source = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        fail(f"{file}: filen er ikke UTF-8-tekst")
    from sqlalchemy.exc import SQLAlchemyError

    database = _database_if_ready(context)
    session = database.session() if database is not None else None
    try:
        found = check_campaign(
            session, source=source, filename=str(file), settings=context.settings, now=context.now
        )
    except SQLAlchemyError as exc:  # e.g. a database a release behind `jeger init`: check the file alone
        err.print(f"[bold yellow]Advarsel:[/] databasen kunne ikke brukes ({exc.__class__.__name__})")
        found = check_campaign(
            None, source=source, filename=str(file), settings=context.settings, now=context.now
        )
    finally:
        if session is not None:
            session.close()
    if as_json:
        print_json(
            {
                "valid": found.valid,
                "audience": found.audience,
                "steps": len(found.definition.get("steps", [])),
                "problems": [str(p) for p in found.problems],
                "warnings": [str(p) for p in found.warnings],
            }
        )
        if not found.valid:
            raise typer.Exit(2)
        return
    for warning in found.warnings:
        err.print(f"[bold yellow]Advarsel:[/] {warning}", highlight=False, soft_wrap=True, markup=True)
    if not found.valid:
        fail("\n".join(str(p) for p in found.problems))
    steps = len(found.definition["steps"])
    counted = (
        f"{found.audience} bedrifter i målgruppen nå"
        if found.audience is not None
        else "målgruppen ikke talt"
    )
    typer.echo(f"{file}: gyldig ({steps} steg, {counted}); ingenting er lagret.")


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
    file: Path = typer.Argument(..., metavar="FIL.toml", help="Kampanjedefinisjonen (TOML)."),
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Lag et kampanjeutkast fra en TOML-definisjon; hvert problem vises med linjenummer."""
    from campaigns.lifecycle import create_campaign

    context = ctx_of(ctx)
    if not file.is_file():
        fail(f"{file}: finner ikke filen")
    try:
        with context.db.transaction() as session:
            result = create_campaign(
                session,
                source=file.read_text(encoding="utf-8"),
                filename=str(file),
                settings=context.settings,
                now=context.now,
            )
            data: dict[str, Any] = {
                "id": result.campaign.id,
                "audience": result.audience,
                "steps": result.steps,
            }
    except _campaign_errors() as exc:
        fail(str(exc))
    if as_json:
        print_json(data)
        return
    from rich.table import Table

    typer.echo(f"Kampanje {data['id']} opprettet som utkast: {data['audience']} bedrifter i målgruppen.")
    table = Table("Steg", "Kanal", "Mal", "Mottakere")
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
    orgnr: list[str] | None = typer.Option(
        None, "--orgnr", help="Vis meldingene for disse bedriftene (kan gjentas)."
    ),
    step: str | None = typer.Option(None, "--step", help="Bare steget med dette navnet."),
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
    letter_pdf: Path | None = typer.Option(
        None,
        "--letter-pdf",
        metavar="FIL.pdf",
        help="Skriv brevet slik det skrives ut (for --orgnr, ellers de tre første bedriftene) til denne PDF-filen.",
    ),
) -> None:
    """Vis hvert steg for utvalgte bedrifter, med målgruppe per steg, SMS-segmenter og anslått kostnad."""
    from campaigns.preview import preview_campaign
    from campaigns.readiness import campaign_readiness

    if letter_pdf is not None:
        _write_letter_pdf(ctx, campaign_id, orgnr, step, letter_pdf)

    context = ctx_of(ctx)
    try:
        with context.db.transaction() as session:
            previews = preview_campaign(
                session, campaign_id=campaign_id, settings=context.settings, orgnrs=orgnr, step_name=step
            )
            warnings = campaign_readiness(
                session, campaign_id=campaign_id, settings=context.settings
            ).warnings
    except _campaign_errors() as exc:
        fail(str(exc))
    problems = [p for preview in previews for p in preview.problems]
    # An orgnr that no step reaches is a mistake in the request, not an empty preview.
    reached = {s.orgnr for preview in previews for s in preview.samples}
    for missing in dict.fromkeys(o for o in orgnr or [] if o not in reached):
        why = next((p.missing[missing] for p in previews if missing in p.missing), "ikke i målgruppen")
        problems.append(f"orgnr {missing} er ikke i målgruppen: {why}")
    if as_json:
        print_json({"steps": [p.as_dict() for p in previews], "problems": problems, "warnings": warnings})
    else:
        for preview in previews:
            typer.echo(
                f"== {preview.name} ({label(preview.channel, 'channel')}, {preview.template}) — {preview.audience} mottakere ({_counts(preview.by_channel)})"
            )
            if preview.total_segments:
                typer.echo(
                    f"   SMS: {_counts(preview.encodings)}; segmenter per melding min/median/maks "
                    f"{preview.segments['min']:g}/{preview.segments['median']:g}/{preview.segments['max']:g}; "
                    f"totalt {preview.total_segments} segmenter ≈ {preview.cost:.2f} kr"
                )
            for sample in preview.samples:
                typer.echo(
                    f"--- {sample.company} ({sample.orgnr}) [{label(sample.message.channel, 'channel')}, {sample.message.language}]"
                )
                if sample.delivery:
                    typer.echo(f"Sendes som: {sample.delivery}")
                if sample.message.subject:
                    typer.echo(f"Emne: {sample.message.subject}")
                if sample.message.channel.value == "email" or not sample.letter_text:
                    typer.echo(sample.message.body)
                if sample.letter_text:
                    typer.echo("Brevet:\n" + sample.letter_text)
            for missing, why in preview.missing.items():
                typer.echo(f"   {missing} får ikke dette steget: {why}")
            if (preview.channel == "letter" or preview.template.startswith("letters/")) and not letter_pdf:
                typer.echo(
                    f"   Se brevet slik det skrives ut: jeger campaign preview {campaign_id} "
                    f"--step {preview.name} --letter-pdf brev.pdf"
                )
    _warn(warnings)
    if problems:
        for problem in problems:
            err.print(f"[bold red]Feil:[/] {problem}", highlight=False, soft_wrap=True)
        raise typer.Exit(2)


def _write_letter_pdf(
    ctx: typer.Context, campaign_id: int, orgnrs: list[str] | None, step: str | None, target: Path
) -> None:
    """Writes the letter step's printed letters to `target` before the preview itself is shown."""
    from campaigns.letter_proof import LetterProofError, letter_proof

    context = ctx_of(ctx)
    try:
        with context.db.transaction() as session:
            proof = letter_proof(
                session, campaign_id=campaign_id, settings=context.settings, orgnrs=orgnrs, step_name=step
            )
    except LetterProofError as exc:
        fail(f"--letter-pdf: {exc}")
    except _campaign_errors() as exc:
        fail(str(exc))
    try:
        target.write_bytes(proof.pdf)
    except OSError as exc:
        fail(f"--letter-pdf {target}: kan ikke skrive filen ({exc.strerror or exc})")
    names = ", ".join(f"{name} ({orgnr})" for orgnr, name in proof.companies)
    err.print(
        f"Brevet i steget «{proof.step}» for {names}: {sum(proof.pages)} sider, skrevet til {target}.",
        highlight=False,
        soft_wrap=True,
    )


@campaign_app.command("test")
def campaign_test(
    ctx: typer.Context,
    campaign_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID),
    to: str = typer.Option(
        ..., "--to", help="Ditt telefonnummer, din e-postadresse eller din Telegram-chat."
    ),
    step: str | None = typer.Option(None, "--step", help="Bare steget med dette navnet."),
) -> None:
    """Send kampanjens meldinger, laget for en eksempelbedrift, til deg selv."""
    from campaigns.preview import send_test

    context = ctx_of(ctx)
    try:
        with context.db.transaction() as session:
            queued = send_test(
                session, campaign_id=campaign_id, to=to, settings=context.settings, step_name=step
            )
            count = len(queued)
    except _campaign_errors() as exc:
        fail(str(exc))
    typer.echo(f"{count} testmelding(er) lagt i kø til {to}.")


def _warn(warnings: list[str]) -> None:
    """Warnings go to stderr, so stdout stays the answer (and one JSON document with --json)."""
    for warning in warnings:
        err.print(f"[bold yellow]Advarsel:[/] {warning}", highlight=False, soft_wrap=True)


def _campaign_action(ctx: typer.Context, campaign_id: int, action: str) -> None:
    from campaigns import lifecycle
    from campaigns.lifecycle import STATE_TEXT
    from campaigns.readiness import campaign_readiness

    context = ctx_of(ctx)
    warnings: list[str] = []
    try:
        with context.db.transaction() as session:
            if action == "launch":
                campaign = lifecycle.launch_campaign(
                    session, campaign_id=campaign_id, settings=context.settings
                )
                warnings = campaign_readiness(
                    session, campaign_id=campaign_id, settings=context.settings
                ).warnings
            elif action == "pause":
                campaign = lifecycle.pause_campaign(session, campaign_id=campaign_id)
            elif action == "resume":
                campaign = lifecycle.resume_campaign(
                    session, campaign_id=campaign_id, settings=context.settings
                )
            else:
                lifecycle.cancel_campaign(session, campaign_id=campaign_id)
                campaign = lifecycle.get_campaign(session, campaign_id)
            state = campaign.state
    except _campaign_errors() as exc:
        fail(str(exc))
    _warn(warnings)
    typer.echo(f"Kampanje {campaign_id} er nå {STATE_TEXT[state]}.")


@campaign_app.command("launch")
def campaign_launch(
    ctx: typer.Context, campaign_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID)
) -> None:
    """Start kampanjen: stegene planlegges (å starte den igjen endrer ingenting)."""
    _campaign_action(ctx, campaign_id, "launch")


@campaign_app.command("pause")
def campaign_pause(
    ctx: typer.Context, campaign_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID)
) -> None:
    """Sett kampanjen på pause; utsendingen stopper i løpet av sekunder."""
    _campaign_action(ctx, campaign_id, "pause")


@campaign_app.command("resume")
def campaign_resume(
    ctx: typer.Context, campaign_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID)
) -> None:
    """Fortsett der kampanjen stoppet (steg som er på overtid, sendes nå)."""
    _campaign_action(ctx, campaign_id, "resume")


@campaign_app.command("cancel")
def campaign_cancel(
    ctx: typer.Context, campaign_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID)
) -> None:
    """Avbryt kampanjen; meldinger i kø blir ikke sendt (de som alt er hos leverandøren, beholdes)."""
    _campaign_action(ctx, campaign_id, "cancel")


@campaign_app.command("status")
def campaign_status_command(
    ctx: typer.Context,
    campaign_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID),
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Vis antall meldinger per tilstand for hvert steg, og hvorfor meldingene i kø venter og til når."""
    from rich.table import Table

    from campaigns.lifecycle import campaign_status

    try:
        with ctx_of(ctx).db.session() as session:
            status = campaign_status(
                session, campaign_id=campaign_id, max_per_day=ctx_of(ctx).settings.max_outreach_per_day
            )
    except _campaign_errors() as exc:
        fail(str(exc))
    if as_json:
        print_json({k: v for k, v in status.items() if k != "reason"})
        return
    typer.echo(
        f"{status['name']} — {label(status['state'], 'campaign', lower=True)}"
        + (f" ({status['reason']})" if status["reason"] else "")
    )
    states = list(status["steps"][0]["counts"]) if status["steps"] else []
    table = Table("Steg", "Kanal", "Tidspunkt (norsk tid)", *(label(s, "message") for s in states))
    for step in status["steps"]:
        table.add_row(
            step["name"],
            label(step["channel"], "channel"),
            _shown(step["scheduled_for"]),
            *(str(step["counts"][s]) for s in states),
        )
    Console().print(table)
    if status["waiting"]:
        typer.echo("I kø (tider i norsk tid):")
        for group in status["waiting"]:
            typer.echo(f"  {group['text']}")


@campaign_app.command("report")
def campaign_report(
    ctx: typer.Context,
    campaign_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID),
    fmt: ExportFormat = typer.Option(ExportFormat.CSV, "--format", help="Filformatet."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Skriv til denne filen (kreves for xlsx)."
    ),
) -> None:
    """Leveranserapporten: én rad per melding (orgnr, maskert adresse, kanal, tilstand, feil, tidspunkter)."""
    from campaigns.lifecycle import get_campaign
    from campaigns.report import delivery_rows, write_csv, write_xlsx

    _check_output(fmt, output)
    try:
        with ctx_of(ctx).db.session() as session:
            get_campaign(session, campaign_id)
            rows = delivery_rows(session, campaign_id=campaign_id)
    except _campaign_errors() as exc:
        fail(str(exc))
    _write_table(rows, fmt, output, write_csv, write_xlsx)


@campaign_app.command("list")
def campaign_list(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Vis alle kampanjer med tilstand."""
    from rich.table import Table

    from campaigns.lifecycle import list_campaigns

    with ctx_of(ctx).db.session() as session:
        rows = list_campaigns(session)
    if as_json:
        print_json(rows)
        return
    table = Table("Nr.", "Tilstand", "Navn")
    for row in rows:
        table.add_row(str(row["id"]), label(row["state"], "campaign"), row["name"])
    Console().print(table)


# --- hunters and leads (hunters/organisations.py, hunters/leads.py) -------------------------------------------------------


@hunters_app.command("list")
def hunters_list(
    ctx: typer.Context,
    state: HunterState | None = typer.Option(
        None, "--state", help="Bare jegere i denne tilstanden (venter, godkjent, avvist)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Vis jegerorganisasjoner, eldste først."""
    from rich.table import Table

    from hunters.organisations import hunter_summary, list_hunters

    with ctx_of(ctx).db.session() as session:
        rows = [hunter_summary(h) for h in list_hunters(session, state=state)]
    if as_json:
        print_json(rows)
        return
    table = Table("Nr.", "Organisasjon", "Type", "Fylker", "Fag", "Kontakt", "Tilstand")
    for r in rows:
        trades = "alle" if r["trades"] == "all" else str(len(r["trades"]))
        counties = " ".join(r["counties"])
        table.add_row(
            str(r["id"]),
            r["org_name"],
            label(r["type"], "hunter_type"),
            counties,
            trades,
            r["contact_name"] or "",
            label(r["state"], "hunter"),
        )
    Console().print(table)


def _decide_hunter(ctx: typer.Context, hunter_id: int, approve: bool) -> None:
    from hunters.organisations import UnknownHunter, approve_hunter, reject_hunter

    with ctx_of(ctx).db.transaction() as session:
        try:
            decide = approve_hunter if approve else reject_hunter
            decision = decide(session, hunter_id=hunter_id)
        except UnknownHunter:
            fail(f"hunters {'approve' if approve else 'reject'}: ingen jeger har nummer {hunter_id}")
        name = decision.hunter.org_name
        state = label(decision.hunter.state, "hunter", lower=True)
    if decision.changed:
        has_chat = decision.hunter.telegram_chat_id is not None
        told = "beskjed sendes på Telegram" if has_chat else "ingen Telegram: gi beskjed selv"
        typer.echo(f"Jeger {hunter_id} ({name}) er nå {state}; {told}.")
    else:
        typer.echo(f"Jeger {hunter_id} ({name}) var allerede {state}; ingenting endret.")


@hunters_app.command("approve")
def hunters_approve(
    ctx: typer.Context, hunter_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID)
) -> None:
    """Godkjenn en jeger som venter; jegeren får beskjed på Telegram."""
    _decide_hunter(ctx, hunter_id, approve=True)


@hunters_app.command("reject")
def hunters_reject(
    ctx: typer.Context, hunter_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID)
) -> None:
    """Avvis en jeger (eller trekk tilbake en godkjenning); jegeren får beskjed på Telegram."""
    _decide_hunter(ctx, hunter_id, approve=False)


def _lead_rows(ctx: typer.Context, county: str | None, state: LeadState | None) -> list[dict[str, Any]]:
    from hunters.lead_export import UnknownCounty, lead_rows

    with ctx_of(ctx).db.session() as session:
        try:
            return lead_rows(session, county=county, state=state)
        except UnknownCounty:
            fail(f"--county {county!r}: ukjent fylkesnummer (f.eks. 03 Oslo, 55 Troms)")


@leads_app.command("list")
def leads_list(
    ctx: typer.Context,
    county: str | None = typer.Option(None, "--county", help="Fylkesnummer, f.eks. 55."),
    state: LeadState | None = typer.Option(None, "--state", help="Bare leads i denne tilstanden."),
    fmt: ListFormat = typer.Option(
        ListFormat.TABLE, "--format", help="Tabell, eller CSV/JSON som eksporten."
    ),
    as_json: bool = typer.Option(
        False, "--json", help="Skriv svaret som ett JSON-dokument (= --format json)."
    ),
) -> None:
    """Vis leads, eldste først."""
    from rich.table import Table

    if as_json:
        fmt = ListFormat.JSON
    rows = _lead_rows(ctx, county, state)
    if fmt is not ListFormat.TABLE:
        _write_leads(rows, ExportFormat(fmt.value))
        return
    table = Table("Nr.", "Bedrift", "Orgnr", "Fylke", "Tilstand", "Jeger", "Opprettet (norsk tid)")
    for r in rows:
        cells = [
            r["company"],
            r["orgnr"],
            r["county"],
            label(r["state"], "lead"),
            r["hunter"],
            _shown(r["created_at"]),
        ]
        table.add_row(str(r["id"]), *(c or "" for c in cells))
    Console().print(table)


@leads_app.command("export")
def leads_export(
    ctx: typer.Context,
    county: str | None = typer.Option(None, "--county", help="Fylkesnummer, f.eks. 55."),
    state: LeadState | None = typer.Option(None, "--state", help="Bare leads i denne tilstanden."),
    fmt: ExportFormat = typer.Option(ExportFormat.CSV, "--format", help="Filformatet."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Skriv til denne filen (kreves for xlsx)."
    ),
) -> None:
    """Skriv ut alle leads med bedrift, fag, plasser, kontaktperson, jeger og datoer."""
    _check_output(fmt, output)
    _write_leads(_lead_rows(ctx, county, state), fmt, output)


@registrations_app.command("merge")
def registrations_merge(
    ctx: typer.Context,
    keep_id: int = typer.Argument(..., metavar="ID", min=1, max=MAX_ID, help="Registreringen som beholdes."),
    other_id: int = typer.Argument(
        ..., metavar="ID", min=1, max=MAX_ID, help="Registreringen som slås inn i den første."
    ),
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Slå sammen to registreringer for samme bedrift: den første beholdes og får svarene og leaden."""
    from bot.registration_merge import MergeError, merge_registrations

    try:
        with ctx_of(ctx).db.transaction() as session:
            result = merge_registrations(session, keep_id=keep_id, other_id=other_id, by="cli")
            lead_id = result.lead.id if result.lead else None
            verified = result.kept.verified
    except MergeError as exc:
        fail(str(exc))
    if as_json:
        print_json(
            {
                "kept": keep_id,
                "merged": other_id,
                "lead": lead_id,
                "dropped_lead": result.dropped_lead_id,
                "verified": verified,
            }
        )
        return
    lead = f"; lead nr. {lead_id} hører nå til den" if lead_id else ""
    dropped = f"; lead nr. {result.dropped_lead_id} er fjernet" if result.dropped_lead_id else ""
    typer.echo(f"Registrering {other_id} er slått inn i registrering {keep_id}{lead}{dropped}.")


def _write_leads(rows: list[dict[str, Any]], fmt: ExportFormat, output: Path | None = None) -> None:
    from hunters.lead_export import write_csv, write_xlsx

    _write_table(rows, fmt, output, write_csv, write_xlsx)


def _check_output(fmt: ExportFormat, output: Path | None) -> None:
    """A workbook is binary: it goes to a file, never to the terminal."""
    if fmt == "xlsx" and output is None:
        fail("--format xlsx skriver en Excel-fil: oppgi filen med -o FIL.xlsx")


def _write_table(
    rows: list[dict[str, Any]],
    fmt: ExportFormat,
    output: Path | None,
    write_csv: Callable[[list[dict[str, Any]], IO[str]], None],
    write_xlsx: Callable[[list[dict[str, Any]], IO[bytes]], None],
) -> None:
    """Rows as JSON, CSV (neutralised cells) or XLSX (typed cells), to stdout or to `output`."""
    if fmt == "xlsx":
        assert output is not None  # _check_output ran first
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


# --- staff accounts (staff/) --------------------------------------------------------------------------


@staff_app.command("add")
def staff_add(
    ctx: typer.Context,
    email: str = typer.Argument(..., help="E-postadressen brukeren logger inn med."),
    role: StaffRole = typer.Option(
        ..., "--role", help="admin: alt, også brukere; staff: kampanjer og leads."
    ),
    password: str | None = typer.Option(None, "--password", help="Spørres om (skjult) hvis det ikke oppgis."),
    name: str | None = typer.Option(None, "--name", help="Navnet som vises i dashbordet."),
) -> None:
    """Opprett en innlogging til dashbordet (passordet lagres som argon2-hash)."""
    from staff.accounts import StaffError, add_staff

    if password is None:
        password = typer.prompt("Passord", hide_input=True, confirmation_prompt="Gjenta passordet")
    with ctx_of(ctx).db.transaction() as session:
        try:
            user = add_staff(session, email=email, role=role, password=password, name=name)
        except StaffError as exc:
            fail(f"staff add {email}: {exc}")
        typer.echo(
            f"Brukeren {user.email} ({label(user.role, 'role', lower=True)}) er opprettet; logg inn på /admin/login."
        )


@staff_app.command("token")
def staff_token(
    ctx: typer.Context,
    email: str = typer.Argument(..., help="Brukerens e-postadresse."),
    name: str | None = typer.Option(None, "--name", help="Hva nøkkelen skal brukes til."),
    expires_days: int | None = typer.Option(
        None, "--expires-days", min=1, help="Nøkkelen slutter å virke etter så mange dager."
    ),
) -> None:
    """Lag en API-nøkkel for /api; den vises én gang, og bare hashen lagres."""
    from datetime import timedelta

    from staff.tokens import TokenError, create_api_token

    expires_in = timedelta(days=expires_days) if expires_days is not None else None
    with ctx_of(ctx).db.transaction() as session:
        user = _staff_user(session, "token", email)
        try:
            token = create_api_token(session, staff_id=user.id, name=name, expires_in=expires_in)
        except TokenError as exc:
            fail(f"staff token {email}: {exc}")
    typer.echo(token)


@staff_app.command("tokens")
def staff_tokens(
    ctx: typer.Context,
    email: str = typer.Argument(..., help="Brukerens e-postadresse."),
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Vis brukerens API-nøkler som ikke er trukket tilbake: nummer, navn, laget, sist brukt, utløper."""
    from rich.table import Table

    from staff.tokens import list_api_tokens
    from store.models import utcnow

    with ctx_of(ctx).db.session() as session:
        tokens = list_api_tokens(session, staff_id=_staff_user(session, "tokens", email).id)
    if as_json:
        print_json(
            [
                {
                    "id": t.id,
                    "name": t.name,
                    "created_at": t.created_at.isoformat(),
                    "last_used_at": t.last_used_at.isoformat() if t.last_used_at else None,
                    "expires_at": t.expires_at.isoformat() if t.expires_at else None,
                }
                for t in tokens
            ]
        )
        return
    now = utcnow()
    table = Table("Nr.", "Navn", "Laget", "Sist brukt", "Utløper")
    for t in tokens:
        expires = _oslo(t.expires_at) or "aldri"
        if t.expires_at is not None and t.expires_at <= now:
            expires += " (utløpt)"
        table.add_row(
            str(t.id), t.name or "(uten navn)", _oslo(t.created_at), _oslo(t.last_used_at) or "aldri", expires
        )
    Console().print(table)


@staff_app.command("revoke-token")
def staff_revoke_token(
    ctx: typer.Context,
    token_id: int = typer.Argument(
        ..., metavar="ID", min=1, max=MAX_ID, help="Nummeret fra `jeger staff tokens`."
    ),
) -> None:
    """Trekk tilbake én API-nøkkel; den slutter å virke med en gang."""
    from staff.tokens import TokenError, revoke_api_token

    with ctx_of(ctx).db.transaction() as session:
        try:
            row = revoke_api_token(session, token_id=token_id)
        except TokenError as exc:
            fail(f"staff revoke-token {token_id}: {exc}")
        label = f"«{row.name}»" if row.name else "uten navn"
    typer.echo(f"API-nøkkel {token_id} ({label}) er trukket tilbake.")


def _oslo(moment: Any) -> str:
    """A time as staff read it: Europe/Oslo, to the minute; empty for none."""
    from zoneinfo import ZoneInfo

    return moment.astimezone(ZoneInfo("Europe/Oslo")).strftime("%d.%m.%Y %H:%M") if moment else ""


def _staff_user(session: Any, command: str, email: str) -> Any:
    from staff.accounts import staff_by_email

    user = staff_by_email(session, email)
    if user is None:
        fail(f"staff {command} {email}: ingen bruker med den e-postadressen (se `jeger staff list`)")
    return user


@staff_app.command("list")
def staff_list(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Skriv svaret som ett JSON-dokument."),
) -> None:
    """Vis innlogginger: rolle, aktiv, låst, sist innlogget."""
    from rich.table import Table

    from staff.accounts import list_staff
    from staff.login import is_throttled
    from staff.sessions import live_sessions
    from store.models import utcnow
    from store.times import iso_oslo

    now = utcnow()
    with ctx_of(ctx).db.session() as session:
        rows: list[dict[str, Any]] = [
            {
                "id": u.id,
                "email": u.email,
                "name": u.name,
                "role": u.role.value,
                "active": u.active,
                "locked_until": iso_oslo(u.locked_until) if u.locked_until and u.locked_until > now else None,
                "throttled": is_throttled(session, email=u.email, now=now),
                "last_login_at": iso_oslo(u.last_login_at),
                "sessions": live_sessions(session, staff_id=u.id, now=now),
            }
            for u in list_staff(session)
        ]
    if as_json:
        print_json(rows)
        return
    table = Table("E-post", "Navn", "Rolle", "Status", "Sist innlogget (norsk tid)", "Innlogginger")
    for row in rows:
        status = (
            "deaktivert"
            if not row["active"]
            else "låst"
            if row["locked_until"]
            else "forsinket (feil passord)"
            if row["throttled"]
            else "aktiv"
        )
        table.add_row(
            row["email"],
            row["name"] or "",
            label(row["role"], "role"),
            status,
            _shown(row["last_login_at"]),
            str(row["sessions"]),
        )
    Console().print(table)


@staff_app.command("unlock")
def staff_unlock(
    ctx: typer.Context, email: str = typer.Argument(..., help="Brukerens e-postadresse.")
) -> None:
    """Lås opp en bruker: opphever ventetiden etter feil passord på alle maskiner."""
    from staff.login import unlock

    with ctx_of(ctx).db.transaction() as session:
        user = unlock(session, staff_id=_staff_user(session, "unlock", email).id)
        typer.echo(f"{user.email} er låst opp og kan logge inn igjen.")


@staff_app.command("password")
def staff_password(
    ctx: typer.Context,
    email: str = typer.Argument(..., help="Brukerens e-postadresse."),
    password: str | None = typer.Option(
        None, "--password", help="Spørres om to ganger (skjult) hvis det ikke oppgis."
    ),
) -> None:
    """Sett nytt passord; det låser opp brukeren, logger den ut overalt og trekker tilbake alle API-nøklene."""
    from staff.accounts import StaffError, set_password

    with ctx_of(ctx).db.transaction() as session:
        user = _staff_user(session, "password", email)
        if password is None:
            password = typer.prompt("Nytt passord", hide_input=True, confirmation_prompt="Gjenta passordet")
        try:
            set_password(session, staff_id=user.id, password=password)
        except StaffError as exc:
            fail(f"staff password {email}: {exc}")
        typer.echo(
            f"Nytt passord er satt for {user.email}; alle innlogginger er avsluttet og alle API-nøkler "
            "trukket tilbake."
        )


@staff_app.command("deactivate")
def staff_deactivate(
    ctx: typer.Context, email: str = typer.Argument(..., help="Brukerens e-postadresse.")
) -> None:
    """Deaktiver en innlogging: brukeren kan ikke logge inn, blir logget ut, og API-nøklene slutter å virke."""
    from staff.accounts import StaffError, set_active

    with ctx_of(ctx).db.transaction() as session:
        user = _staff_user(session, "deactivate", email)
        try:
            set_active(session, staff_id=user.id, active=False)
        except StaffError as exc:
            fail(f"staff deactivate {email}: {exc}")
        typer.echo(f"{user.email} er deaktivert og logget ut.")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
