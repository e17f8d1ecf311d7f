"""Guard for issue 11 item 3: the `jeger` command takes every sentence a person reads from the catalogue, so
no module of cli/ may hold a Norwegian string literal outside the places that are not read as output: docstrings
and Typer's `metavar=` names. `--help` texts are read too: they come from the catalogue (cli.help_texts), so a
`help=` sentence in cli/ is caught like any other."""

from __future__ import annotations

import ast
import re
from pathlib import Path

CLI = Path(__file__).resolve().parent.parent / "cli"

# Letters only Norwegian uses, and common bokmål/nynorsk words that no English text or identifier of ours is.
NORWEGIAN_LETTERS = re.compile(r"[æøåÆØÅ]")
NORWEGIAN_WORDS = re.compile(
    r"\b(ikke|ikkje|ingen|er|og|til|på|med|som|har|kan|eller|bare|berre|alle|nå|allerede|finner|filen|"
    r"skrevet|opprettet|bedrifter|bedrift|kampanje|feil|advarsel|brukeren|passord|slettet|avvist|venter|"
    r"godkjent|lagt|navn|oppgi|gyldig|rader|sendt|tatt|fra|hos|ennå|enno|mottakere|meldinger)\b",
    re.IGNORECASE,
)


def _not_output(tree: ast.Module) -> set[int]:
    """The ids of the string constants that are not printed: docstrings and `metavar=` names."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skipped.add(id(first.value))
        elif isinstance(node, ast.keyword) and node.arg == "metavar":
            skipped.update(id(inner) for inner in ast.walk(node.value))
    return skipped


def norwegian_literals(source: str, filename: str = "<cli>") -> list[str]:
    """`file:line: literal` for every string literal in `source` that reads as Norwegian text."""
    tree = ast.parse(source, filename)
    skipped = _not_output(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str) or id(node) in skipped:
            continue
        if NORWEGIAN_LETTERS.search(node.value) or NORWEGIAN_WORDS.search(node.value):
            found.append(f"{filename}:{node.lineno}: {node.value!r}")
    return found


def test_no_cli_module_prints_a_norwegian_literal() -> None:
    modules = sorted(CLI.glob("*.py"))
    assert len(modules) > 10  # the command groups are there to be read
    found = [hit for path in modules for hit in norwegian_literals(path.read_text("utf-8"), path.name)]
    assert found == []


def test_the_guard_sees_a_sentence_in_any_output_call_and_help_and_skips_docstrings() -> None:
    source = '''
"""Modulen: tekst på bokmål."""
LANGUAGE_HELP = "Språket brukeren leser."

def command(file=typer.Argument(..., metavar="MØTE"), x=typer.Option(None, help="Skriv som JSON.")):
    """Lag et kampanjeutkast."""
    typer.echo(f"Kampanje {count} er nå i gang.")
    fail(f"{file}: finner ikke filen")
    table = Table("Steg", "Mottakere")
    typer.echo(f"{count} rows written to {file}.")
'''
    assert sorted({hit.split(": ", 1)[0] for hit in norwegian_literals(source)}) == [
        "<cli>:3",
        "<cli>:5",
        "<cli>:7",
        "<cli>:8",
        "<cli>:9",
    ]
