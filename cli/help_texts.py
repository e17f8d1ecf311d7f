"""`jeger --help` in the reader's language: the help of every command, option and argument comes from the
catalogue (catalogue.cli_help), set on the click command tree that Typer builds, in one walk.

Why a walk before parsing rather than `help=` on each command: click prints --help while it parses (the
option is eager), before the root callback has read `--language`, and a `help=` is fixed when the module is
imported. So the root group reads the language from the raw arguments by the commands' own rule (`--language`,
else the JEGER_LANGUAGE setting, else bokmål) and sets every text before click sees an argument. Typer's and
click's own words (Usage, Options, "Show this message and exit.") stay as they are.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from collections.abc import Sequence
from typing import Any

from typer.core import TyperArgument
from typer.core import TyperCommand
from typer.core import TyperGroup
from typer.core import TyperOption

from catalogue import DEFAULT_LANGUAGE
from catalogue import TEXTS
from catalogue import known_language
from catalogue import text
from cli.common import Context

Command = TyperCommand | TyperGroup
Parameter = TyperArgument | TyperOption

ROOT_KEY = "help_jeger"


def command_key(path: Sequence[str]) -> str:
    """`help_campaign_meeting_change` for `jeger campaign meeting change`; `help_jeger` for the root."""
    return "_".join(("help", *path)).replace("-", "_") if path else ROOT_KEY


def parameter_name(parameter: Parameter) -> str:
    """An option by its long flag as the reader types it (`--letter-pdf` -> `letter_pdf`, `--json` -> `json`,
    not the Python name `as_json`); an argument by its parameter name (its metavar is often just ID)."""
    if isinstance(parameter, TyperOption):
        return max(parameter.opts, key=len).lstrip("-").replace("-", "_")
    assert parameter.name is not None  # Typer names every parameter after its function argument
    return parameter.name


def parameter_keys(path: Sequence[str], parameter: Parameter) -> tuple[str, str]:
    """The parameter's own key, then the shared one every parameter of that name falls back to."""
    kind = "option" if isinstance(parameter, TyperOption) else "argument"
    name = parameter_name(parameter)
    return f"{command_key(path)}_{name}", f"help_{kind}_{name}"


def parameter_key(path: Sequence[str], parameter: Parameter) -> str | None:
    """The catalogue key of the parameter's help, or None when the catalogue has none (a test forbids it)."""
    return next((key for key in parameter_keys(path, parameter) if key in TEXTS), None)


def metavar_key(path: Sequence[str], parameter: Parameter) -> str | None:
    """The catalogue key of the word standing for the parameter's value in the usage line (`FIL.toml`,
    `FILE.toml`), when it is one a reader translates: the parameter's key or its shared one, `_metavar` added."""
    keys = (f"{key}_metavar" for key in parameter_keys(path, parameter))
    return next((key for key in keys if key in TEXTS), None)


def commands_of(command: object, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Command]]:
    """Every command of the tree with its path from the root, the root first."""
    if not isinstance(command, TyperCommand | TyperGroup):
        raise TypeError(f"jeger {' '.join(path)}: {command!r} is not a command Typer built")
    yield path, command
    if isinstance(command, TyperGroup):
        for name, sub in command.commands.items():
            yield from commands_of(sub, (*path, name))


def parameters_of(command: Command) -> Iterator[Parameter]:
    """The parameters --help shows (click's own --help option is not among a command's params)."""
    for parameter in command.params:
        if isinstance(parameter, TyperArgument | TyperOption) and not parameter.hidden:
            yield parameter


def localise(root: Command, language: str) -> None:
    """Sets every help text of the tree under `root` in `language`. A text the catalogue lacks is left empty,
    never the docstring Typer took (docstrings are English notes for engineers)."""
    for path, command in commands_of(root):
        key = command_key(path)
        command.help = text(key, language) if key in TEXTS else None
        command.short_help = None  # the list of commands shortens `help`, so it reads the same language
        for parameter in parameters_of(command):
            found = parameter_key(path, parameter)
            parameter.help = text(found, language) if found else None
            named = metavar_key(path, parameter)
            if (
                named is not None
            ):  # else Typer's own (ID, ORGNR, the type), which reads alike in every language
                parameter.metavar = text(named, language)


def language_before_parsing(args: Sequence[str], obj: object = None) -> str:
    """The reader's language, known before click parses: `--language X` or `--language=X` among the root's
    options (only before the first command: `staff set --language` chooses a dashboard language), else the
    language of a Context passed in (as tests do), else the JEGER_LANGUAGE setting, else bokmål. A value we do
    not write reads as bokmål here; the command itself refuses it in one line."""
    chosen = _root_option(args, "--language")
    if chosen is not None:
        return known_language(chosen)
    if isinstance(obj, Context):
        return known_language(obj.language)
    return _setting_language()


def _root_option(args: Sequence[str], option: str) -> str | None:
    rest = iter(args)
    for arg in rest:
        if arg == option:
            return next(rest, None)
        if arg.startswith(f"{option}="):
            return arg.partition("=")[2]
        if arg == "--" or not arg.startswith("-"):
            return None  # the first command: what follows is its own
    return None


def _setting_language() -> str:
    """JEGER_LANGUAGE from the environment or `.env`, read as the commands read it (settings.Settings)."""
    from pydantic import ValidationError

    from settings import Settings

    try:
        return Settings().jeger_language
    except ValidationError:  # a bad JEGER_LANGUAGE: the root callback refuses it once parsing is done
        return DEFAULT_LANGUAGE


class CatalogueGroup(TyperGroup):
    """The root `jeger` group: before click parses, it sets the whole tree's help in the reader's language.

    Every way in runs `main`: the `jeger` script and `python -m cli` (through `cli.main()`, Typer's `app()`)
    and typer.testing.CliRunner, so a test sees the texts a person sees."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        given = sys.argv[1:] if args is None else args
        localise(self, language_before_parsing(given, extra.get("obj")))
        return super().main(
            args,
            prog_name=prog_name,
            complete_var=complete_var,
            standalone_mode=standalone_mode,
            windows_expand_args=windows_expand_args,
            **extra,
        )
