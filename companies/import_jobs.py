"""Register imports started from the dashboard: run in a background thread, progress polled by the page.

Jobs are rows of `import_job`, so whichever `jeger web` process serves the polling page sees the job, its
result and its rejects file (kept in the row). The import itself is the CLI's
`companies.importer.import_companies`, one transaction, so a job lost to a restart leaves the database as it was
and can simply be started again; a lost job is recognised by its owner process being gone (same host) or, on
PostgreSQL, by its progress heartbeat going quiet.

On SQLite the import's transaction holds the only write lock until it commits, so progress cannot be written
meanwhile: the process running the import overlays the live progress it holds in memory, and the row gets the
start and the end. PostgreSQL gets a progress write at most once per second.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
import time
from dataclasses import dataclass
from dataclasses import replace
from datetime import datetime
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy import update

from catalogue.stored import stored_phrase
from catalogue.stored import stored_text
from companies.importer import ImportFileError
from companies.importer import ImportSummary
from companies.importer import import_companies
from companies.importer.run import Progress
from store.db import Database
from store.models import ImportJob as ImportJobRow
from store.models import utcnow

log = logging.getLogger(__name__)

PROGRESS_EVERY = 1.0  # seconds between progress writes (PostgreSQL)
STALE_AFTER = timedelta(minutes=10)  # no progress write for this long: the process running it is gone
# A job's error and its rejects' reasons are kept as catalogue keys with values (catalogue.stored): whoever opens
# the page or downloads the rejects reads them in their own language.
LOST = stored_text("import_job_lost")
KEEP = 20  # jobs listed on the page


class ImportBusy(RuntimeError):
    """Another import is running (in this or another web process)."""


@dataclass(frozen=True)
class ImportJob:
    """What the pages show of a job."""

    id: str
    filename: str
    started_at: datetime
    rows: int = 0
    bytes_read: int = 0
    total_bytes: int = 0
    finished_at: datetime | None = None
    summary: ImportSummary | None = None
    error: str | None = None
    has_rejects: bool = False

    @property
    def done(self) -> bool:
        return self.finished_at is not None

    @property
    def percent(self) -> float:
        if self.done:
            return 100.0
        return min(99.0, 100.0 * self.bytes_read / self.total_bytes) if self.total_bytes else 0.0


def _view(row: ImportJobRow) -> ImportJob:
    summary = ImportSummary(**row.summary) if row.summary else None
    return ImportJob(
        id=row.id,
        filename=row.filename,
        started_at=row.started_at,
        rows=row.rows,
        bytes_read=row.bytes_read,
        total_bytes=row.total_bytes,
        finished_at=row.finished_at,
        summary=summary,
        error=row.error,
        has_rejects=row.rejects is not None,
    )


def _this_process() -> str:
    return f"{socket.gethostname()[:80]}:{os.getpid()}"


def _owner_gone(owner: str) -> bool:
    """Whether the owner is a process on this host that no longer runs (other hosts: cannot tell)."""
    host, _, pid = owner.rpartition(":")
    if host != socket.gethostname()[:80] or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except OSError:  # EPERM: it runs, as someone else
        return False
    return False


class ImportJobs:
    """The dashboard's imports, shared by every web process; one import at a time keeps the writer free."""

    def __init__(self, db: Database, directory: Path) -> None:
        self.db = db
        self.directory = directory
        # job id -> (rows, bytes read, total bytes) of the imports this process runs
        self._live: dict[str, tuple[int, int, int]] = {}
        self._lock = threading.Lock()

    def _overlay(self, job: ImportJob) -> ImportJob:
        live = self._live.get(job.id)
        if live is None or job.done:
            return job
        return replace(job, rows=live[0], bytes_read=live[1], total_bytes=live[2] or job.total_bytes)

    def _settle_lost(self) -> None:
        """Marks unfinished jobs whose process is gone as failed, so they neither block nor spin for ever."""
        now = utcnow()
        with self.db.transaction() as session:
            for row in session.scalars(select(ImportJobRow).where(ImportJobRow.finished_at.is_(None))):
                if row.id in self._live:
                    continue
                quiet = self.db.is_postgres and now - row.updated_at > STALE_AFTER
                if quiet or _owner_gone(row.owner):
                    row.finished_at, row.error = now, LOST

    def get(self, job_id: str) -> ImportJob | None:
        self._settle_lost()
        with self.db.session() as session:
            row = session.get(ImportJobRow, job_id[:32])
            return self._overlay(_view(row)) if row is not None else None

    def recent(self) -> list[ImportJob]:
        """The newest jobs first."""
        self._settle_lost()
        with self.db.session() as session:
            rows = session.scalars(
                select(ImportJobRow).order_by(ImportJobRow.started_at.desc(), ImportJobRow.id).limit(KEEP)
            )
            return [self._overlay(_view(row)) for row in rows]

    def running(self) -> ImportJob | None:
        return next((job for job in self.recent() if not job.done), None)

    def rejects(self, job_id: str) -> str | None:
        """The rejects CSV of a finished job (`row,orgnr,level,reason`), or None."""
        with self.db.session() as session:
            return session.scalar(select(ImportJobRow.rejects).where(ImportJobRow.id == job_id[:32]))

    def start(self, *, filename: str, path: Path, started_by: int | None = None) -> ImportJob:
        """Starts importing a file already saved at `path`; raises ImportBusy while another import runs."""
        with self._lock:
            if self.running() is not None:
                raise ImportBusy("another import is running")
            job_id = secrets.token_hex(8)
            now = utcnow()
            with self.db.transaction() as session:
                session.add(
                    ImportJobRow(
                        id=job_id,
                        filename=filename[:255],
                        started_by=started_by,
                        owner=_this_process(),
                        started_at=now,
                        updated_at=now,
                        rows=0,
                        bytes_read=0,
                        total_bytes=path.stat().st_size,
                    )
                )
            # Two processes may both have seen no running job: the later of the two steps back.
            with self.db.session() as session:
                first = session.scalar(
                    select(ImportJobRow.id)
                    .where(ImportJobRow.finished_at.is_(None))
                    .order_by(ImportJobRow.started_at, ImportJobRow.id)
                    .limit(1)
                )
            if first != job_id:
                with self.db.transaction() as session:
                    session.execute(
                        update(ImportJobRow)
                        .where(ImportJobRow.id == job_id)
                        .values(finished_at=utcnow(), error=stored_text("import_job_busy"))
                    )
                raise ImportBusy("another import is running")
            self._live[job_id] = (0, 0, path.stat().st_size)
        threading.Thread(target=self._run, args=(job_id, path), name=f"import-{job_id}", daemon=True).start()
        job = self.get(job_id)
        assert job is not None
        return job

    def new_upload_path(self, filename: str) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True)
        safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in Path(filename).name)[-80:] or "upload"
        return self.directory / f"{secrets.token_hex(6)}-{safe}"

    def _progress(self, job_id: str) -> Progress:
        last = [0.0]

        def progress(rows: int, bytes_read: int, total_bytes: int) -> None:
            self._live[job_id] = (rows, bytes_read, total_bytes)
            if not self.db.is_postgres or time.monotonic() - last[0] < PROGRESS_EVERY:
                return
            last[0] = time.monotonic()
            with self.db.transaction() as session:
                session.execute(
                    update(ImportJobRow)
                    .where(ImportJobRow.id == job_id)
                    .values(rows=rows, bytes_read=bytes_read, total_bytes=total_bytes, updated_at=utcnow())
                )

        return progress

    def _run(self, job_id: str, path: Path) -> None:
        rejects_path = path.with_name(path.name + ".rejects.csv")
        values: dict[str, object] = {}
        try:
            summary = import_companies(
                self.db,
                path,
                rejects_path=rejects_path,
                progress=self._progress(job_id),
                reasons=stored_phrase,
            )
            values = {"summary": summary.as_dict(), "rows": summary.read}
            if rejects_path.is_file():
                values["rejects"] = rejects_path.read_text(encoding="utf-8")
        except ImportFileError as exc:
            values = {"error": stored_phrase(exc.reason)}
        except Exception as exc:  # a background thread has nobody else to tell
            log.exception("import %s failed", job_id)
            values = {"error": f"{exc.__class__.__name__}: {exc}"}
        finally:
            now = utcnow()
            rows, bytes_read, total = self._live.get(job_id, (0, 0, 0))
            try:
                with self.db.transaction() as session:
                    session.execute(
                        update(ImportJobRow)
                        .where(ImportJobRow.id == job_id)
                        .values(
                            **{"rows": rows, "bytes_read": bytes_read, "total_bytes": total, **values},
                            finished_at=now,
                            updated_at=now,
                        )
                    )
            finally:
                self._live.pop(job_id, None)
                path.unlink(missing_ok=True)
                rejects_path.unlink(missing_ok=True)
