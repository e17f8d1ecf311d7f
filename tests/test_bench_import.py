"""The import benchmark runs (quick size), so it cannot rot unnoticed."""

import pytest

from tests.project import run_bench


@pytest.mark.slow
def test_import_bench_runs_quick() -> None:
    result = run_bench("import_companies.py", "--quick", timeout=300)
    assert result.returncode == 0, result.stderr
    assert "sqlite     json" in result.stdout and "×" in result.stdout
