"""`jeger import companies`: every row is accounted for as imported, updated, unchanged or rejected.

The whole file is imported in one transaction. A file that breaks half-way (truncated gzip, cut-off JSON)
therefore leaves the database exactly as it was, and re-running the fixed file is always safe. On PostgreSQL
and SQLite (WAL) a long write transaction only delays other writers; readers carry on. The rejects file is
written beside its target and renamed over it only after the commit, so a failed run leaves the previous
run's rejects in place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from sqlalchemy import select

from catalogue.phrases import Phrase
from companies.importer.mapping import Rejected
from companies.importer.mapping import map_unit
from companies.importer.sources import ImportFileError
from companies.importer.sources import open_register_file
from companies.importer.upsert import CompanyWriter
from companies.rejects_file import commit_then_rename
from companies.rejects_file import open_beside
from companies.training import apply_approvals_to_imported
from exports.tables import CsvWriter
from store.db import Database
from store.models import Municipality
from store.secrets import AddressHasher

Progress = Callable[[int, int, int], None]  # (rows read, bytes read, total bytes)
# How a reject's or warning's reason goes into the rejects file: in the reader's language (`str` is bokmål), or
# stored for readers not known yet (catalogue.stored.stored_phrase, a dashboard job's).
Reasons = Callable[[Phrase], str]


@dataclass
class ImportSummary:
    read: int = 0
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    warnings: int = 0
    rejects_file: str = ""

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def default_rejects_path(path: Path) -> Path:
    return path.with_name(path.name + ".rejects.csv")


def _open_rejects(rejects_path: Path) -> tuple[Path, IO[str]]:
    """A temporary file in the target's directory (so the final rename is atomic), or ImportFileError."""
    try:
        return open_beside(rejects_path)
    except FileNotFoundError:
        raise ImportFileError(
            rejects_path, "file_rejects_no_folder", folder=str(rejects_path.parent)
        ) from None
    except OSError as exc:
        raise ImportFileError(rejects_path, "file_rejects_unwritable", reason=exc.strerror or "") from None


def import_companies(
    db: Database,
    path: Path,
    *,
    rejects_path: Path | None = None,
    progress: Progress | None = None,
    reasons: Reasons = str,
) -> ImportSummary:
    """Imports a register file; raises ImportFileError (and changes nothing) when it is not one.

    Reject rows are numbered as the file is: the unit's 1-based index in JSON, its line in CSV; `reasons`
    writes each reason (bokmål unless told).
    """
    rejects_path = rejects_path or default_rejects_path(path)
    summary = ImportSummary(rejects_file=str(rejects_path))
    source = open_register_file(path)
    try:
        temporary, rejects_handle = _open_rejects(rejects_path)
    except BaseException:
        source.raw.close()
        raise
    with db.session() as session, commit_then_rename(session, temporary, rejects_path):
        with source.raw, rejects_handle:
            rejects = CsvWriter(rejects_handle)  # people open it in a spreadsheet: no formulas from the file
            rejects.writerow(["row", "orgnr", "level", "reason"])
            municipalities = dict(
                session.execute(select(Municipality.number, Municipality.county_number)).tuples().all()
            )
            writer = CompanyWriter(session, AddressHasher.load(session))
            for row, unit in source.units():
                if summary.read == 0 and "organisasjonsnummer" not in unit and "navn" not in unit:
                    raise ImportFileError(path, "import_first_unit_unnamed")
                summary.read += 1
                try:
                    mapped = map_unit(unit, municipalities)
                except Rejected as reject:
                    summary.rejected += 1
                    rejects.writerow([row, reject.orgnr, "error", reasons(reject.reason)])
                    continue
                for warning in mapped.warnings:
                    rejects.writerow([row, mapped.orgnr, "warning", reasons(warning)])
                summary.warnings += len(mapped.warnings)
                writer.add(mapped)
                if progress and summary.read % 1000 == 0:
                    progress(summary.read, source.bytes_read(), source.size)
            writer.flush()
            writer.close()
            if summary.read == 0:
                raise ImportFileError(path, "import_no_units")
        # A county list may have approved some of these units before they were imported (companies.training).
        apply_approvals_to_imported(session)
        summary.imported, summary.updated, summary.unchanged = (
            writer.imported,
            writer.updated,
            writer.unchanged,
        )
    if progress:
        progress(summary.read, source.size, source.size)
    return summary
