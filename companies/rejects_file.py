"""The rejects file of an import: written beside its target and renamed into place only after the import's
commit, so a failed import leaves the previous file as it was and no half-written one beside it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from sqlalchemy.orm import Session


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
