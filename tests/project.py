"""The project's top-level packages, named once: the import-linter contracts in pyproject.toml list them
(tests/test_layers.py checks that the list matches the directories), and the import and packaging tests walk
the same list."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PACKAGES: tuple[str, ...] = tuple(sorted(CONFIG["tool"]["importlinter"]["root_packages"]))


def run_bench(script: str, *args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    """Runs `bench/<script>` as `make bench` does (its own process, from the project's root), output captured:
    the tests that keep a benchmark from rotting read its printed table."""
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
