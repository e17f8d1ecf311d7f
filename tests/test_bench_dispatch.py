"""The dispatch benchmark runs (quick size), so it cannot rot unnoticed."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_dispatch_bench_runs_quick() -> None:
    result = subprocess.run(
        [sys.executable, "bench/dispatch.py", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "crash drill" in result.stdout and "duplicates 0, lost 0" in result.stdout
