"""The commands that run the system: `init`, `serve` (also `--demo`), `web`, `worker`, `scheduler`."""

from __future__ import annotations

import typer

from cli.common import ctx_of
from cli.common import fail
from cli.common import print_json
from cli.common import refusal
from cli.common import say
from runtime import parts_of


def init(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Safe to repeat: the migrations and the reference data are idempotent."""
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
            say(
                "cli_init_done",
                revision=result.revision_after,
                inserted=result.reference.inserted,
                updated=result.reference.updated,
            )
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


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1"),
    port: int = typer.Option(8000),
    demo: bool = typer.Option(False, "--demo"),
) -> None:
    """One asyncio process for everything: the simplest deployment, and what `--demo` builds on."""
    if demo:
        from demo.simulator import demo_settings

        context = ctx_of(ctx)
        context.settings = demo_settings(context.settings, host=host, port=port)
        _seed_demo(ctx, host, port)
    _serve(ctx, host, port, web=True, demo=demo, **parts_of("serve", ctx_of(ctx).settings))


def _seed_demo(ctx: typer.Context, host: str, port: int) -> None:
    """Seeds the demo data (idempotent) and prints where to log in; refuses to run with real providers."""
    from demo.simulator import DEMO_EMAIL
    from demo.simulator import DEMO_PASSWORD
    from demo.simulator import TRY_COMPANIES
    from demo.simulator import seed_demo

    settings = ctx_of(ctx).settings
    if settings.twilio_enabled or settings.telegram_enabled or settings.smtp_enabled:
        fail(say("cli_demo_sandbox_only"))
    summary = seed_demo(ctx_of(ctx).db, settings)
    typer.echo(summary.text)
    typer.echo("\n" + say("cli_demo_dashboard", url=f"http://{host}:{port}/admin/"))
    typer.echo(say("cli_demo_login", email=DEMO_EMAIL, password=DEMO_PASSWORD))
    typer.echo(say("cli_demo_try"))
    for company in TRY_COMPANIES:
        typer.echo(
            say(
                "cli_demo_company",
                name=company.name,
                orgnr=company.orgnr,
                code=company.short_code,
                mobile=company.mobile,
            )
        )
    typer.echo("")


def web_only(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1"),
    port: int = typer.Option(8000),
) -> None:
    """The web process of a split deployment; in webhook mode the bot's updates arrive through it."""
    _serve(ctx, host, port, web=True, **parts_of("web", ctx_of(ctx).settings))


def worker(ctx: typer.Context) -> None:
    """The dispatcher alone; a second one on SQLite is refused (no SKIP LOCKED: both would claim the same
    rows)."""
    from campaigns.dispatch.dispatcher import AnotherWorkerRunning
    from campaigns.dispatch.dispatcher import check_can_start

    try:
        check_can_start(ctx_of(ctx).db)
    except AnotherWorkerRunning as exc:
        fail(refusal(exc))
    _serve(ctx, "", 0, web=False, **parts_of("worker", ctx_of(ctx).settings))


def scheduler_only(ctx: typer.Context) -> None:
    """The scheduler alone; exactly one may run, or campaign steps and daily jobs fire twice."""
    _serve(ctx, "", 0, web=False, **parts_of("scheduler", ctx_of(ctx).settings))
