"""Register imports started from the dashboard: run in a background thread, progress polled by the page.

Jobs live in memory of the web process that started them (the page that polls is served by the same process);
the import itself is the CLI's `store.importer.import_companies`, one transaction, so a job lost to a restart
leaves the database as it was and can simply be started again.
"""

from __future__ import annotations

import logging
import secrets
import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .db import Database
from .importer import ImportFileError, ImportSummary, import_companies
from .models import utcnow

log = logging.getLogger(__name__)


@dataclass
class ImportJob:
    id: str
    filename: str
    path: Path
    rejects_path: Path
    started_at: datetime = field(default_factory=utcnow)
    rows: int = 0
    bytes_read: int = 0
    total_bytes: int = 0
    finished_at: datetime | None = None
    summary: ImportSummary | None = None
    error: str | None = None

    @property
    def done(self) -> bool:
        return self.finished_at is not None

    @property
    def percent(self) -> float:
        if self.done:
            return 100.0
        return min(99.0, 100.0 * self.bytes_read / self.total_bytes) if self.total_bytes else 0.0

    def progress(self, rows: int, bytes_read: int, total_bytes: int) -> None:
        self.rows, self.bytes_read, self.total_bytes = rows, bytes_read, total_bytes


class ImportJobs:
    """The jobs of this process, newest first; one import at a time keeps the single SQLite writer free."""

    def __init__(self, db: Database, directory: Path) -> None:
        self.db = db
        self.directory = directory
        self.jobs: dict[str, ImportJob] = {}
        self._lock = threading.Lock()

    def running(self) -> ImportJob | None:
        return next((job for job in self.jobs.values() if not job.done), None)

    def start(self, *, filename: str, path: Path) -> ImportJob:
        """Starts importing a file already saved at `path`; raises RuntimeError while another import runs."""
        with self._lock:
            if self.running() is not None:
                raise RuntimeError("another import is running")
            job_id = secrets.token_hex(8)
            job = ImportJob(job_id, filename, path, path.with_name(path.name + ".rejects.csv"))
            job.total_bytes = path.stat().st_size
            self.jobs = {job_id: job, **self.jobs}
        threading.Thread(target=self._run, args=(job,), name=f"import-{job_id}", daemon=True).start()
        return job

    def new_upload_path(self, filename: str) -> Path:
        self.directory.mkdir(parents=True, exist_ok=True)
        safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in Path(filename).name)[-80:] or "upload"
        return self.directory / f"{secrets.token_hex(6)}-{safe}"

    def _run(self, job: ImportJob) -> None:
        try:
            job.summary = import_companies(
                self.db, job.path, rejects_path=job.rejects_path, progress=job.progress
            )
            job.rows = job.summary.read
        except ImportFileError as exc:
            job.error = exc.problem
        except Exception as exc:  # a background thread has nobody else to tell
            log.exception("import %s failed", job.id)
            job.error = f"{exc.__class__.__name__}: {exc}"
        finally:
            job.finished_at = utcnow()
            job.path.unlink(missing_ok=True)
