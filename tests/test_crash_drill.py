"""SIGKILL a real worker at random moments: the fake Twilio must get every message exactly once."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.db import Database
from tests.crash_drill import run_drill
from tests.fakes.twilio_api import FakeTwilio


@pytest.mark.slow
def test_killing_workers_at_random_neither_loses_nor_duplicates(
    db: Database, fake_twilio: FakeTwilio, tmp_path: Path
) -> None:
    result = run_drill(db, fake_twilio, messages=300, kills=4, log=tmp_path / "worker.log")
    log = (tmp_path / "worker.log").read_text()[-3000:]
    print(result)  # shown with -s: how many kills landed mid-send
    assert (result.duplicates, result.lost, result.unresolved) == (0, 0, 0), log
    assert result.kills == 4, log
    assert result.mid_send > result.kills / 2, (result, log)  # the kills hit workers that were sending
