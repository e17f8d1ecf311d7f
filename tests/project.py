"""The project's top-level packages, named once: the import-linter contracts in pyproject.toml list them
(tests/test_layers.py checks that the list matches the directories), and the import and packaging tests walk
the same list."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGES: tuple[str, ...] = tuple(sorted(CONFIG["tool"]["importlinter"]["root_packages"]))
