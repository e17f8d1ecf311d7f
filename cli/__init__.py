"""The `jeger` command (PRODUCT §8). Each command parses, calls one domain function, and renders the answer;
one module per command group.

`jeger --language nb|nn|en` (or JEGER_LANGUAGE) chooses the language of what a person reads, --help
included; texts come from the catalogue (catalogue.cli*; the help texts through cli.help_texts). Listing
commands take `--json` and then print exactly one JSON document on stdout. Bad input exits with code 2 and one
line on stderr naming what and where. A command's docstring is a note for engineers: its --help is the
catalogue's.
"""

from __future__ import annotations

import typer
import typer.main

from catalogue import DEFAULT_LANGUAGE
from cli import campaign
from cli import companies
from cli import hunters
from cli import imports
from cli import leads
from cli import meetings
from cli import privacy
from cli import registrations
from cli import replies
from cli import sandbox
from cli import server
from cli import staff
from cli.common import Context
from cli.common import LanguageChoice
from cli.common import fail
from cli.common import say
from cli.common import speak
from cli.help_texts import CatalogueGroup
from cli.help_texts import localise
from settings import Settings

__all__ = ["Context", "app", "command_in", "main"]

# The root group sets every --help text from the catalogue before parsing (cli.help_texts).
app = typer.Typer(cls=CatalogueGroup, no_args_is_help=True)


@app.callback()
def _root(
    ctx: typer.Context,
    language: LanguageChoice | None = typer.Option(None, "--language"),
) -> None:
    """Settles the reader's language before any command runs, so every text a command writes can use it."""
    speak(language.value if language else DEFAULT_LANGUAGE)  # until the settings have been read
    if ctx.obj is None:
        ctx.obj = Context(settings=_settings(), chosen_language=language.value if language else None)
    elif language is not None:
        ctx.obj.chosen_language = language.value
    speak(ctx.obj.language)


def _settings() -> Settings:
    """The environment's settings; a bad JEGER_LANGUAGE is refused in one line like any other bad input."""
    from pydantic import ValidationError

    try:
        return Settings()
    except ValidationError as exc:
        bad = [error["input"] for error in exc.errors() if error["loc"] == ("jeger_language",)]
        if not bad:
            raise
        fail(say("cli_bad_language", value=bad[0]))


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


def command_in(language: str) -> CatalogueGroup:
    """The `jeger` command tree with every help text in `language`, as `main()` shows it to that reader (for
    tests and for reading the texts without running a command)."""
    root = typer.main.get_command(app)
    assert isinstance(root, CatalogueGroup)
    localise(root, language)
    return root


def main() -> None:
    """The `jeger` script and `python -m cli`: Typer's `app()`, whose root group localises --help first."""
    app()
