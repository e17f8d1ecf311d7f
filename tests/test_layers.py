"""The layers that import-linter cannot see. Its contracts (pyproject.toml) cover packages only; the top-level
modules scheduler.py, runtime.py, settings.py and logging_setup.py are not packages, so who may import them,
and what they may import, is checked here from the source, imports inside functions included."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from tests.project import PACKAGES as PROJECT_PACKAGES
from tests.project import ROOT

PACKAGES = set(PROJECT_PACKAGES)
MODULES = {"scheduler", "runtime", "settings", "logging_setup"}
EDGES = {"cli", "web"}

# Who may import each top-level module; settings are passed in everywhere but the store.
IMPORTED_BY = {
    "settings": (PACKAGES | MODULES) - {"store", "settings"},
    "logging_setup": EDGES,
    "runtime": EDGES,
    "scheduler": EDGES | {"runtime"},
}
# What each top-level module may import of ours.
MAY_IMPORT = {
    "settings": set(),
    "logging_setup": {"store"},
    "scheduler": {
        "settings",
        "bot",
        "campaigns",
        "hunters",
        "companies",
        "staff",
        "catalogue",
        "channels",
        "store",
    },
    "runtime": PACKAGES - EDGES | {"settings", "scheduler"},
}


def _owner(path: Path) -> str:
    return path.relative_to(ROOT).parts[0].removesuffix(".py")


def _sources() -> Iterator[Path]:
    for name in sorted(MODULES):
        yield ROOT / f"{name}.py"
    for package in sorted(PACKAGES):
        yield from (p for p in sorted((ROOT / package).rglob("*.py")) if "migrations" not in p.parts)


def _imports(path: Path) -> Iterator[tuple[str, int]]:
    """Our top-level names that `path` imports, with the line (absolute imports only: the project uses no
    relative ones, which ruff's isort would keep inside the package anyway)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in PACKAGES | MODULES:
                yield top, node.lineno


def _edges() -> list[tuple[str, str, str]]:
    """(importing file, its owner, the imported top-level name) for every import between owners."""
    found = []
    for path in _sources():
        owner = _owner(path)
        for top, line in _imports(path):
            if top != owner:
                found.append((f"{path.relative_to(ROOT).as_posix()}:{line}", owner, top))
    return found


def test_the_contracts_name_every_package() -> None:
    """A new top-level package left out of root_packages would escape every contract."""
    on_disk = {
        p.parent.name
        for p in ROOT.glob("*/__init__.py")
        if p.parent.name not in {"tests", "bench", "templates", "docs", "examples"}
    }
    assert on_disk == PACKAGES


def test_top_level_modules_are_imported_only_from_above() -> None:
    wrong = [where for where, owner, top in _edges() if top in IMPORTED_BY and owner not in IMPORTED_BY[top]]
    assert wrong == []


def test_top_level_modules_import_only_what_lies_below_them() -> None:
    wrong = [
        f"{where} -> {top}"
        for where, owner, top in _edges()
        if owner in MAY_IMPORT and top not in MAY_IMPORT[owner]
    ]
    assert wrong == []


# What the edges may take from SQLAlchemy: the Session type, errors to answer, URL parsing; never the means
# to write a query, which belongs to the domain function the handler or command calls.
EDGE_SQLALCHEMY = {"sqlalchemy.orm": {"Session"}, "sqlalchemy.exc": None, "sqlalchemy.engine": {"make_url"}}


def test_the_edges_write_no_sql() -> None:
    wrong = []
    for package in sorted(EDGES):
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                where = f"{path.relative_to(ROOT).as_posix()}:{getattr(node, 'lineno', 0)}"
                if isinstance(node, ast.Import) and any(a.name.startswith("sqlalchemy") for a in node.names):
                    wrong.append(where)
                elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
                    allowed = EDGE_SQLALCHEMY.get(node.module or "", set())
                    if allowed is not None and not {a.name for a in node.names} <= allowed:
                        wrong.append(f"{where} {node.module}")
    assert wrong == []
