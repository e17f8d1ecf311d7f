"""The rejects file of an import: written beside its target and renamed into place only after the import's
commit, so a failed import leaves the previous file as it was and no half-written one beside it. And the error
both importers raise for a file they cannot take, said in the reader's language."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from sqlalchemy.orm import Session

from catalogue.phrases import Phrase
from catalogue.phrases import Refusal


class FileProblem(Refusal):
    """A file that cannot be imported: `text_in(language)` names the file and the problem, `reason` is the
    problem alone (what a dashboard job keeps), `problem` that in bokmål."""

    def __init__(self, path: Path, key: str, **values: object) -> None:
        # Values quoted from a library (csv's or openpyxl's message) may run over lines: the first says what.
        values = {name: _first_line(value) for name, value in values.items()}
        self.path = path
        self.reason = Phrase(key, values)
        self.problem = str(self.reason)
        super().__init__("file_problem", path=str(path), problem=self.reason)


def _first_line(value: object) -> object:
    return value.strip().splitlines()[0].strip() if isinstance(value, str) and value.strip() else value


def open_beside(target: Path) -> tuple[Path, IO[str]]:
    """A temporary file in the target's directory (so the final rename is atomic); raises OSError."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    return Path(name), os.fdopen(fd, "w", encoding="utf-8", newline="")


@contextmanager
def commit_then_rename(session: Session, temporary: Path, target: Path) -> Iterator[None]:
    """Commits what the block wrote, then renames the rejects into place; on any failure rolls back and drops
    the temporary file."""
    try:
        yield
        session.commit()
        os.replace(temporary, target)
    except BaseException:
        session.rollback()
        temporary.unlink(missing_ok=True)
        raise
