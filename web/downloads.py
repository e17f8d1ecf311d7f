"""Download responses' `Content-Disposition`, for every file the web part hands out (RFC 6266).

A file name may come from outside (an uploaded register file's name ends up in its rejects file's name):
HTTP headers are Latin-1, so "bedrifter–æøå😀.csv" as a plain `filename="…"` fails when the response is sent.
Browsers read the UTF-8 name from `filename*` (RFC 8187 percent-encoding); `filename` carries an ASCII copy
for the rest. Quotes, backslashes, control characters and path separators never get into either.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable
from typing import IO
from urllib.parse import quote

from fastapi import HTTPException
from fastapi.responses import Response

from exports.tables import XLSX_MEDIA_TYPE

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"

UNSAFE = re.compile(r'[\x00-\x1f\x7f"\\/:;*?<>|]')
MAX_NAME = 150  # characters: file systems allow 255 bytes, and a header need not carry more


def _clean(filename: str) -> str:
    name = UNSAFE.sub("_", unicodedata.normalize("NFC", filename)).strip(" .")
    return name[-MAX_NAME:] or "download"


def ascii_fallback(filename: str) -> str:
    """The name in ASCII: accents dropped (ø and æ have no decomposition and become _), the rest replaced."""
    decomposed = unicodedata.normalize("NFKD", _clean(filename))
    ascii_name = "".join(c if c.isascii() else "_" for c in decomposed if not unicodedata.combining(c))
    return ascii_name.strip(" .") or "download"


def content_disposition(filename: str) -> str:
    """`attachment` with the ASCII fallback and the UTF-8 name, as RFC 6266 section 5 shows."""
    name = _clean(filename)
    return f"attachment; filename=\"{ascii_fallback(name)}\"; filename*=UTF-8''{quote(name, safe='')}"


def attachment(filename: str) -> dict[str, str]:
    """The headers of a download named `filename`."""
    return {"Content-Disposition": content_disposition(filename)}


def table_download(
    kind: str,
    *,
    csv: Callable[[IO[str]], None],
    xlsx: Callable[[IO[bytes]], None],
    csv_name: str,
    xlsx_name: str,
) -> Response:
    """One table as the file type in the URL (`….csv` or `….xlsx`), written by the matching writer; any other
    type is a 404, as for a page that does not exist."""
    if kind == "csv":
        text = io.StringIO()
        csv(text)
        return Response(text.getvalue(), media_type=CSV_MEDIA_TYPE, headers=attachment(csv_name))
    if kind == "xlsx":
        binary = io.BytesIO()
        xlsx(binary)
        return Response(binary.getvalue(), media_type=XLSX_MEDIA_TYPE, headers=attachment(xlsx_name))
    raise HTTPException(404, "Ukjent filtype.")
