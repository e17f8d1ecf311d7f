"""Issue 11 item 3 for `jeger --help`: every command, option and argument reads its help from the catalogue
(catalogue.cli_help) in the reader's language, `--language` before the first command, else JEGER_LANGUAGE,
else bokmål; Typer's own words (Usage, Options, "Show this message and exit.") stay as Typer writes them."""

from __future__ import annotations

from collections import Counter

import pytest
from typer.testing import CliRunner
from typer.testing import Result

import catalogue.cli_help
from catalogue import LANGUAGES
from catalogue import TEXTS
from catalogue import text
from cli import Context
from cli import app
from cli import command_in
from cli.help_texts import command_key
from cli.help_texts import commands_of
from cli.help_texts import language_before_parsing
from cli.help_texts import metavar_key
from cli.help_texts import parameter_key
from cli.help_texts import parameter_keys
from cli.help_texts import parameters_of
from settings import Settings

WIDE = {"COLUMNS": "220"}  # one line per help text


def run(*args: str, language: str | None = None) -> Result:
    """`jeger ...` as a person runs it: no Context passed in, JEGER_LANGUAGE as given (unset for None)."""
    return CliRunner().invoke(app, list(args), env={**WIDE, "JEGER_LANGUAGE": language})


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_command_option_and_argument_has_its_help_from_the_catalogue(language: str) -> None:
    missing, wrong = [], []
    commands = 0
    for path, command in commands_of(command_in(language)):
        commands += 1
        key = command_key(path)
        if key not in TEXTS:
            missing.append(key)
        elif command.help != text(key, language):  # e.g. a docstring shown instead
            wrong.append(key)
        for parameter in parameters_of(command):
            found = parameter_key(path, parameter)
            if found is None:
                missing.append(" or ".join(parameter_keys(path, parameter)))
            elif not parameter.help or parameter.help != text(found, language):
                wrong.append(found)
    assert commands > 50  # the whole tree was walked, the meeting commands under `campaign` among it
    assert missing == []
    assert wrong == []


def test_nynorsk_and_english_help_differ_from_bokmal() -> None:
    trees = {language: dict(commands_of(command_in(language))) for language in LANGUAGES}
    create = {language: tree[("campaign", "create")] for language, tree in trees.items()}
    assert (
        create["nb"].help
        == "Lag et kampanjeutkast fra en TOML-definisjon; hvert problem vises med linjenummer."
    )
    assert (
        create["nn"].help
        == "Lag eit kampanjeutkast frå ein TOML-definisjon; kvart problem blir vist med linjenummer."
    )
    assert create["en"].help is not None and create["en"].help.startswith("Create a campaign draft")
    for path in [
        ("campaign",),
        ("campaign", "preview"),
        ("staff", "password"),
        ("privacy", "shared-optouts"),
    ]:
        helps = [trees[language][path].help for language in LANGUAGES]
        assert len(set(helps)) == 3, helps
    for path in [(), ("campaign", "preview"), ("staff", "add")]:
        for parameter_names in zip(
            *([(p.name, p.help) for p in parameters_of(trees[language][path])] for language in LANGUAGES),
            strict=True,
        ):
            assert len({name for name, _ in parameter_names}) == 1
            assert len({said for _, said in parameter_names}) == 3, parameter_names


def test_each_help_key_names_one_thing_and_none_is_left_over() -> None:
    own = []
    used = set()
    for path, command in commands_of(command_in("nb")):
        own.append(command_key(path))
        used.add(command_key(path))
        for parameter in parameters_of(command):
            own.append(parameter_keys(path, parameter)[0])
            used.update({parameter_key(path, parameter), metavar_key(path, parameter)})
    assert [key for key, count in Counter(own).items() if count > 1] == []
    assert sorted(set(catalogue.cli_help.TEXTS) - used) == []


def test_help_is_in_the_language_asked_for_before_the_first_command() -> None:
    english = run("--language", "en", "campaign", "create", "--help")
    assert english.exit_code == 0, english.output
    assert "Create a campaign draft from a TOML definition" in english.stdout
    assert "The campaign definition (TOML)." in english.stdout
    assert "Print the answer as one JSON document." in english.stdout
    assert "kampanjeutkast" not in english.stdout
    assert "FILE.toml" in english.stdout and "FIL.toml" not in english.stdout  # the usage line's words too
    meeting = run("--language", "en", "campaign", "meeting", "cancel", "--help").stdout
    assert "MEETING" in meeting and "MØTE" not in meeting
    assert "Show this message and exit." in english.stdout  # Typer's own words stay

    assert "Create a campaign draft" in run("--language=en", "campaign", "create", "--help").stdout
    bokmal = run("campaign", "create", "--help").stdout
    assert "Lag et kampanjeutkast" in bokmal and "FIL.toml" in bokmal  # bokmål by default
    # `staff set --language` chooses a dashboard language, not the reader's
    staff_set = run("staff", "set", "--language", "en", "--help")
    assert "Endre en brukers innstillinger" in staff_set.stdout


def test_jeger_language_chooses_the_help_language_and_the_option_wins() -> None:
    nynorsk = run("campaign", "create", "--help", language="nn")
    assert nynorsk.exit_code == 0, nynorsk.output
    assert "Lag eit kampanjeutkast frå ein TOML-definisjon" in nynorsk.stdout
    assert "Skriv svaret som eitt JSON-dokument." in nynorsk.stdout

    root = run("--help", language="nn")
    assert "Språket jeger skriv til deg på" in root.stdout
    assert "Lag, førehandsvis, start og følg med på kampanjar." in root.stdout  # the list of commands too

    assert (
        "Create a campaign draft"
        in run("--language", "en", "campaign", "create", "--help", language="nn").stdout
    )


def test_a_bad_language_gives_bokmal_help_and_the_command_still_refuses_it() -> None:
    assert "Språket jeger skriver til deg på" in run("--help", language="de").stdout
    refused = run("campaign", "list", language="de")
    assert refused.exit_code == 2
    assert "JEGER_LANGUAGE=de: ukjent språk (nb, nn eller en)" in refused.stderr


def test_the_language_is_read_from_the_roots_options_then_a_context_then_the_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("JEGER_LANGUAGE", "nn")
    assert language_before_parsing(["--language", "en", "campaign", "list"]) == "en"
    assert language_before_parsing(["--language=en"]) == "en"
    assert language_before_parsing(["--language", "de"]) == "nb"
    assert language_before_parsing(["staff", "set", "x@y.no", "--language", "en"]) == "nn"
    assert language_before_parsing(["--help"]) == "nn"
    english = Settings(_env_file=None, jeger_language="en")  # type: ignore[call-arg]
    assert language_before_parsing(["--help"], Context(settings=english)) == "en"
    monkeypatch.setenv("JEGER_LANGUAGE", "de")
    assert language_before_parsing([]) == "nb"
