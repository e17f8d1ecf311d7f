"""The dispatch benchmark runs (quick size), so it cannot rot unnoticed."""

import pytest

from tests.project import run_bench


@pytest.mark.slow
def test_dispatch_bench_runs_quick() -> None:
    result = run_bench("dispatch.py", "--quick", timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "crash drill" in result.stdout and "duplicates 0, lost 0" in result.stdout
