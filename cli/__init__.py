"""The `jeger` command (PRODUCT §8). Each command parses, calls one domain function, and renders the answer;
one module per command group.

Listing commands take `--json` and then print exactly one JSON document on stdout. Bad input exits with
code 2 and one line on stderr naming what and where.
"""

from __future__ import annotations

import typer

from cli import (
    campaign,
    companies,
    hunters,
    imports,
    leads,
    meetings,
    privacy,
    registrations,
    replies,
    sandbox,
    server,
    staff,
)
from cli.common import Context
from settings import Settings

__all__ = ["Context", "app", "main"]

app = typer.Typer(help="Læreplassjeger: utsending, svarbot og fordeling av leads.", no_args_is_help=True)


@app.callback()
def _root(ctx: typer.Context) -> None:
    if ctx.obj is None:
        ctx.obj = Context(settings=Settings())


app.command()(server.init)
app.command()(server.serve)
app.command("web")(server.web_only)
app.command()(server.worker)
app.command("scheduler")(server.scheduler_only)
for sub, name in [
    (imports.import_app, "import"),
    (companies.companies_app, "companies"),
    (campaign.campaign_app, "campaign"),
    (replies.replies_app, "replies"),
    (leads.leads_app, "leads"),
    (hunters.hunters_app, "hunters"),
    (staff.staff_app, "staff"),
    (privacy.privacy_app, "privacy"),
    (sandbox.sandbox_app, "sandbox"),
    (registrations.registrations_app, "registrations"),
]:
    app.add_typer(sub, name=name)


campaign.campaign_app.add_typer(meetings.meeting_app, name="meeting")


def main() -> None:
    app()
