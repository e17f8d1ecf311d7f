"""Reads Enhetsregisteret bulk files as a stream of flat units (dotted keys, as in the register's CSV).

Formats are detected, never flagged: gzip by its magic bytes, JSON by a leading `[`, otherwise CSV with `;` or
`,` in UTF-8 (with or without BOM) or Windows-1252. Anything else is refused before a single row is read.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from typing import Any

import ijson

from catalogue.phrases import Phrase
from catalogue.phrases import said
from companies.rejects_file import FileProblem

try:
    # yajl's C backend, named: it parses a register about ten times as fast as ijson's pure-Python one, which
    # ijson would otherwise fall back to without a word when the compiled extension is missing.
    _ITEMS = ijson.get_backend("yajl2_c").items
except ImportError:  # pragma: no cover - a platform without the wheel's extension: slower, still correct
    _ITEMS = ijson.items

REQUIRED_COLUMNS = ("organisasjonsnummer", "navn")
CP1252_FALLBACK = "jeger-cp1252-fallback"


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """A UTF-8 file with a stray Windows-1252 byte (a hand-edited extract) still reads as what was meant."""
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("cp1252", errors="replace"), error.end


codecs.register_error(CP1252_FALLBACK, _cp1252_fallback)
SNIFF_BYTES = 64 * 1024


class ImportFileError(FileProblem):
    """The file is not a register file (or broke while reading); the message names file and problem."""


@dataclass
class RegisterFile:
    path: Path
    format: str  # json | csv
    compressed: bool
    encoding: str | None
    delimiter: str | None
    raw: IO[bytes]  # the file on disk, for progress by bytes read
    size: int

    def bytes_read(self) -> int:
        return self.raw.tell()

    def units(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """(row, flat unit) for every unit, streaming. The row is where a reader finds the unit: the 1-based
        unit index in JSON, the line in the file (header = line 1) where the record starts in CSV."""
        row = 0
        try:
            units = self._json_units() if self.format == "json" else self._csv_units()
            for row, unit in units:
                yield row, unit
        except (EOFError, OSError, zlib.error, gzip.BadGzipFile) as exc:
            raise ImportFileError(self.path, "import_file_damaged", damage=_damage(exc)) from exc
        except ijson.common.IncompleteJSONError as exc:
            raise ImportFileError(
                self.path, "import_json_broken", unit=row + 1, reason=_ijson_reason(exc)
            ) from exc
        except UnicodeDecodeError as exc:
            byte = said("import_csv_byte", byte=f"{exc.object[exc.start]:02x}", encoding=self.encoding)
            raise ImportFileError(self.path, "file_csv_unreadable", line=max(row, 1), reason=byte) from exc
        except csv.Error as exc:
            raise ImportFileError(
                self.path, "file_csv_unreadable", line=max(row, 1), reason=str(exc)
            ) from exc

    def _stream(self) -> IO[bytes] | gzip.GzipFile:
        self.raw.seek(0)
        return gzip.GzipFile(fileobj=self.raw) if self.compressed else self.raw

    def _json_units(self) -> Iterator[tuple[int, dict[str, Any]]]:
        # use_float keeps numbers as int/float instead of Decimal: cheaper and all we need.
        for row, item in enumerate(_ITEMS(self._stream(), "item", use_float=True), start=1):
            if not isinstance(item, dict):
                raise ImportFileError(self.path, "import_unit_not_object", unit=row)
            yield row, flatten(item)

    def _csv_units(self) -> Iterator[tuple[int, dict[str, Any]]]:
        assert self.encoding and self.delimiter
        errors = CP1252_FALLBACK if self.encoding.startswith("utf-8") else "strict"
        text = io.TextIOWrapper(self._stream(), encoding=self.encoding, errors=errors, newline="")
        reader = csv.reader(text, delimiter=self.delimiter)
        header = [h.strip() for h in next(reader)]
        width = len(header)
        line = reader.line_num  # the last line read: a quoted cell may span several
        for cells in reader:
            start, line = line + 1, reader.line_num
            if not cells:
                continue
            if len(cells) != width:
                # A ragged row is reported by the importer as a reject, keyed by its line.
                yield (
                    start,
                    {
                        "__error__": said("import_ragged_row", cells=len(cells), width=width),
                        **_pair(header, cells),
                    },
                )
                continue
            yield start, _pair(header, cells)


# yajl's commonest complaints, as staff should read them; anything else is quoted as yajl put it.
_YAJL = {
    "premature EOF": said("import_json_premature_eof"),
    "invalid bytes in UTF8 string": said("import_json_invalid_bytes"),
    "invalid char in json text": said("import_json_invalid_char"),
    "invalid string in json text": said("import_json_invalid_string"),
    "trailing garbage": said("import_json_trailing_garbage"),
}


def _ijson_reason(exc: Exception) -> Phrase | str:
    """yajl's message is bytes with the offending text and a caret drawing; its first line says what."""
    reason = exc.args[0] if exc.args else exc
    if isinstance(reason, bytes):
        reason = reason.decode("utf-8", errors="replace")
    text = str(reason).strip().splitlines()[0].strip() if str(reason).strip() else exc.__class__.__name__
    what = text.split(": ", 1)[-1].rstrip(".")
    return _YAJL.get(what, text)


def _damage(exc: BaseException) -> Phrase:
    """zlib's and gzip's messages are technical English; a cut-off download is by far the commonest cause."""
    return said("import_damage_cut" if isinstance(exc, EOFError) else "import_damage_data")


def _pair(header: list[str], cells: list[str]) -> dict[str, Any]:
    return {key: value for key, value in zip(header, cells, strict=False) if value != ""}


def flatten(unit: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """{"a": {"b": 1}} -> {"a.b": 1}; lists (address lines) stay lists. Empty values are left out.

    The register nests one level (addresses, codes); that level is unrolled here, deeper ones recurse. It runs
    once per unit, and a recursive call per nested object cost as much as ijson's parsing of it."""
    flat: dict[str, Any] = {}
    for key, value in unit.items():
        if type(value) is dict:
            for sub, inner in value.items():
                if type(inner) is dict:
                    flat.update(flatten(inner, f"{prefix}{key}.{sub}."))
                elif inner is not None and inner != "":
                    flat[f"{prefix}{key}.{sub}"] = inner
        elif value is not None and value != "":
            flat[f"{prefix}{key}" if prefix else key] = value
    return flat


def _detect_encoding(sample: bytes) -> str:
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"


def open_register_file(path: Path) -> RegisterFile:
    """Opens and sniffs a file; raises ImportFileError when it is not a register file at all."""
    if not path.is_file():
        raise ImportFileError(path, "file_not_found")
    raw = path.open("rb")
    try:
        return _sniff(path, raw)
    except BaseException:
        raw.close()
        raise


def _sniff(path: Path, raw: IO[bytes]) -> RegisterFile:
    size = path.stat().st_size
    head = raw.read(2)
    compressed = head == b"\x1f\x8b"
    raw.seek(0)
    try:
        sample = (gzip.GzipFile(fileobj=raw) if compressed else raw).read(SNIFF_BYTES)
    except (EOFError, OSError, zlib.error) as exc:
        raise ImportFileError(path, "import_gzip_damaged", damage=_damage(exc)) from exc
    raw.seek(0)
    stripped = sample.lstrip(codecs.BOM_UTF8).lstrip()
    if not stripped:
        raise ImportFileError(path, "file_empty")
    if b"\x00" in sample:
        raise ImportFileError(path, "import_file_binary")
    if stripped[:1] == b"<":
        raise ImportFileError(path, "import_file_markup")
    if stripped[:1] == b"{":
        raise ImportFileError(path, "import_file_single_object")
    if stripped[:1] == b"[":
        return RegisterFile(path, "json", compressed, None, None, raw, size)
    encoding = _detect_encoding(sample)
    first_line = sample.decode(encoding, errors="replace").lstrip("\ufeff").splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    columns = {c.strip().strip('"') for c in first_line.split(delimiter)}
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise ImportFileError(path, "import_file_missing_columns", columns=", ".join(missing))
    return RegisterFile(path, "csv", compressed, encoding, delimiter, raw, size)
