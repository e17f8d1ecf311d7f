"""State that several `jeger web` processes must share lives in the database: two apps on one database see the
same registration limits, login throttle (tests/security/test_staff_login.py) and dashboard import jobs."""

from __future__ import annotations

import gzip
import json

from fastapi.testclient import TestClient
from sqlalchemy import select

from companies.import_jobs import LOST
from companies.import_jobs import ImportJobs
from settings import Settings
from store.db import Database
from store.models import ImportJob
from store.models import utcnow
from tests.dashboard_fixtures import ADMIN_EMAIL
from tests.dashboard_fixtures import finished_import
from tests.dashboard_fixtures import log_in
from tests.dashboard_fixtures import register_unit
from tests.dashboard_fixtures import start_import
from web.app import create_app


def test_an_import_started_in_one_process_is_followed_in_another(settings: Settings, users) -> None:  # type: ignore[no-untyped-def]
    first, second = create_app(settings), create_app(settings)
    body = gzip.compress(
        json.dumps([register_unit("974760673", "Tromsø Bygg AS"), register_unit("123", "Feil AS")]).encode()
    )
    with TestClient(first) as one, TestClient(second) as other:
        assert log_in(one, ADMIN_EMAIL).status_code == 303  # type: ignore[attr-defined]
        assert log_in(other, ADMIN_EMAIL).status_code == 303  # type: ignore[attr-defined]
        job_url = start_import(one, "enheter.json.gz", body, "application/gzip")
        fragment = finished_import(other, job_url)  # polled through the other process
        assert "Importen er ferdig" in fragment and "Last ned avvisningsfilen" in fragment
        rejects = other.get(job_url + "/rejects.csv")
        assert rejects.status_code == 200 and "123" in rejects.text
        assert "enheter.json.gz" in other.get("/admin/companies/import").text


def test_a_job_whose_process_is_gone_is_marked_lost_and_blocks_nothing(db: Database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import socket

    with db.transaction() as session:
        session.add(
            ImportJob(
                id="deadbeef00000000",
                filename="gammel.json",
                owner=f"{socket.gethostname()[:80]}:999999999",  # no such process
                started_at=utcnow(),
                updated_at=utcnow(),
                rows=0,
                bytes_read=0,
                total_bytes=10,
            )
        )
    jobs = ImportJobs(db, tmp_path)
    assert jobs.running() is None
    lost = jobs.get("deadbeef00000000")
    assert lost is not None and lost.done and lost.error == LOST
    with db.session() as session:
        assert session.scalar(select(ImportJob.error).where(ImportJob.id == "deadbeef00000000")) == LOST
