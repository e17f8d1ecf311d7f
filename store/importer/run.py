"""`jeger import companies`: every row is accounted for as imported, updated, unchanged or rejected.

The whole file is imported in one transaction. A file that breaks half-way (truncated gzip, cut-off JSON)
therefore leaves the database exactly as it was, and re-running the fixed file is always safe. On PostgreSQL
and SQLite (WAL) a long write transaction only delays other writers; readers carry on.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import select

from store.db import Database
from store.models import County
from store.secrets import AddressHasher

from .mapping import Rejected, map_unit
from .sources import ImportFileError, open_register_file
from .upsert import CompanyWriter

Progress = Callable[[int, int, int], None]  # (rows read, bytes read, total bytes)


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


def import_companies(
    db: Database, path: Path, *, rejects_path: Path | None = None, progress: Progress | None = None
) -> ImportSummary:
    """Imports a register file; raises ImportFileError (and changes nothing) when it is not one."""
    rejects_path = rejects_path or default_rejects_path(path)
    summary = ImportSummary(rejects_file=str(rejects_path))
    source = open_register_file(path)
    session = db.session()
    try:
        with source.raw, rejects_path.open("w", encoding="utf-8", newline="") as rejects_handle:
            rejects = csv.writer(rejects_handle)
            rejects.writerow(["row", "orgnr", "level", "reason"])
            counties = frozenset(session.scalars(select(County.number)))
            writer = CompanyWriter(session, AddressHasher.load(session))
            for row, unit in source.units():
                if row == 1 and "organisasjonsnummer" not in unit and "navn" not in unit:
                    raise ImportFileError(
                        path,
                        "not an Enhetsregisteret file: the first unit has no organisasjonsnummer or navn",
                    )
                summary.read += 1
                try:
                    mapped = map_unit(unit, counties)
                except Rejected as reject:
                    summary.rejected += 1
                    rejects.writerow([row, reject.orgnr, "error", reject.reason])
                    continue
                for warning in mapped.warnings:
                    rejects.writerow([row, mapped.orgnr, "warning", warning])
                summary.warnings += len(mapped.warnings)
                writer.add(mapped)
                if progress and summary.read % 1000 == 0:
                    progress(summary.read, source.bytes_read(), source.size)
            writer.flush()
            if summary.read == 0:
                raise ImportFileError(path, "the file holds no units")
        summary.imported, summary.updated, summary.unchanged = (
            writer.imported,
            writer.updated,
            writer.unchanged,
        )
        session.commit()
    except BaseException:
        session.rollback()
        rejects_path.unlink(missing_ok=True)
        raise
    finally:
        session.close()
    if progress:
        progress(summary.read, source.size, source.size)
    return summary
