"""The import benchmark runs (quick size), so it cannot rot unnoticed."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_import_bench_runs_quick() -> None:
    result = subprocess.run(
        [sys.executable, "bench/import_companies.py", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "sqlite     json" in result.stdout and "×" in result.stdout
