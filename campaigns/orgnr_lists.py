"""The orgnr list of an audience (`orgnr_file = "members.csv"`, PRODUCT §11): an industrial park's members, a
trade body's list. Read once when the campaign is checked; its valid orgnrs are stored with the definition.

The file is named relative to the campaign file and must lie in its folder or below: a campaign file is not
trusted to read `/etc/passwd` or `../../secrets.csv` on the server. In the dashboard the list is uploaded with
the campaign (`attachments`, by file name) and no path is read at all. A column named `orgnr` or
`organisasjonsnummer` (or the other names a county's list uses) is found by name in a CSV (`;` or `,`) or XLSX
file. A row that is not a valid orgnr is listed, never fatal: a member list is typed by hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from pathlib import PurePosixPath
from typing import Any

from catalogue.phrases import Phrase
from companies.training import valid_orgnr
from companies.training_files import TrainingFileError
from companies.training_files import read_orgnrs

MAX_LIST_BYTES = 5 * 1024 * 1024  # a park or a trade body has hundreds of members, not a million
# The audience's SQL names each orgnr as a parameter of one IN clause, and SQLite takes at most 32,766: a list
# longer than this is not a member list, and a county or trade is the key for that many companies.
MAX_ORGNRS = 20_000


@dataclass(frozen=True)
class ListFiles:
    """Where a campaign file's lists are: the folder of the TOML, and/or files uploaded with it."""

    base_dir: Path | None = None
    attachments: Mapping[str, bytes] = field(default_factory=dict)


@dataclass(frozen=True)
class ReadList:
    orgnrs: tuple[str, ...]
    rejected: tuple[str, ...]  # "rad 4: «12345»"


class ListProblem(ValueError):
    """The list cannot be used; `said` says why (catalogue.definition, or the file reader's own words), for
    `file:line: field: problem`; `str()` is bokmål."""

    def __init__(self, said: Phrase | str) -> None:
        super().__init__(str(said))
        self.said = said


def _problem(key: str, **values: Any) -> ListProblem:
    return ListProblem(Phrase(key, values))


def read_orgnr_list(name: str, files: ListFiles) -> ReadList:
    """The list's valid orgnrs (without repeats, in file order) and its rejected rows; raises ListProblem."""
    relative = PurePosixPath(name.replace("\\", "/"))
    unprintable = any(ord(c) < 32 for c in name) or len(name) > 200
    if not name.strip() or unprintable or relative.is_absolute() or ".." in relative.parts or ":" in name:
        raise _problem("list_not_a_name", name=name)
    if name in files.attachments:
        data, label = files.attachments[name], Path(name)
    elif files.base_dir is not None:
        base = files.base_dir.resolve()
        path = (base / relative).resolve()
        if not path.is_relative_to(base):  # a symbolic link that leads out of the folder
            raise _problem("list_outside", name=name)
        try:
            if not path.is_file():
                raise _problem("list_not_found", name=name, folder=base)
            if path.stat().st_size > MAX_LIST_BYTES:
                raise _problem("list_too_large", name=name, mb=MAX_LIST_BYTES // (1024 * 1024))
            data, label = path.read_bytes(), path
        except OSError as exc:  # unreadable: permissions, a folder named like the file, ...
            raise _problem("list_unreadable", name=name, error=exc.__class__.__name__) from exc
    else:
        raise _problem("list_not_uploaded", name=name)
    if len(data) > MAX_LIST_BYTES:
        raise _problem("list_too_large", name=name, mb=MAX_LIST_BYTES // (1024 * 1024))
    try:
        rows = read_orgnrs(label, data)
    except TrainingFileError as exc:
        raise ListProblem(exc.reason) from exc
    orgnrs: dict[str, None] = {}
    rejected: list[str] = []
    for row, text in rows:
        orgnr = valid_orgnr(text)
        if orgnr is None:
            rejected.append(f"rad {row}: «{(text or '')[:20]}»")
        else:
            orgnrs[orgnr] = None
    if not orgnrs:
        raise _problem("list_no_orgnrs", name=name)
    if len(orgnrs) > MAX_ORGNRS:
        raise _problem("list_too_many", name=name, count=len(orgnrs), most=MAX_ORGNRS)
    return ReadList(tuple(orgnrs), tuple(rejected))
