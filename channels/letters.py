"""Printed letters: rendered letter HTML to PDF (WeasyPrint), merged into one print file per batch.

A print batch is one PDF the print house can run as is, plus a manifest CSV telling which page each company's
letter starts on. WeasyPrint is CPU-bound (~0.1 s a page), so batches render in a process pool on every core,
chunk by chunk: each worker lays out a chunk of letters and writes them as one PDF (fonts embedded once per
chunk), and the chunks are concatenated with pypdf. Rendering never touches the network: the URL fetcher only
serves `data:` URIs and files under the templates directory, so a template cannot leak who gets which letter.
WeasyPrint and pypdf are imported on first use: importing them takes seconds, and a worker that prints nothing
(or a restarted one that should resume sending at once) should not wait for that.
"""

from __future__ import annotations

import asyncio
import csv
import io
import math
import multiprocessing
import os
import re
import unicodedata
from collections.abc import Iterable
from collections.abc import Sequence
from collections.abc import Sized
from concurrent.futures import Executor
from concurrent.futures import Future
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from functools import cache
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote
from urllib.parse import urlsplit

from settings import TEMPLATES_DIR

MAX_CHUNK = 40  # letters one worker lays out and writes as one PDF
STREAM_CHUNK = 16  # chunk size when the number of letters is not known in advance


@dataclass(frozen=True)
class PrintLetter:
    orgnr: str
    name: str
    html: str


@dataclass(frozen=True)
class ManifestEntry:
    orgnr: str
    name: str
    page: int  # first page of this letter in the merged PDF, counted from 1
    pages: int


@dataclass(frozen=True)
class PrintBatch:
    pdf_path: Path
    manifest_path: Path
    pages: int
    entries: list[ManifestEntry]


@cache
def _fetcher_class() -> type:
    from weasyprint.urls import URLFetcher
    from weasyprint.urls import URLFetcherResponse

    class LocalOnlyFetcher(URLFetcher):
        """Serves `data:` URIs and files inside `root`; refuses everything else (http, https, ftp, other files)."""

        def __init__(self, root: Path = TEMPLATES_DIR) -> None:
            super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)
            self.root = Path(root).resolve()

        def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
            parts = urlsplit(url)
            scheme = parts.scheme.lower()
            if scheme == "file":
                path = Path(unquote(parts.path)).resolve()
                if not path.is_relative_to(self.root):
                    raise ValueError(f"letters may only use files under {self.root}: {url}")
            elif scheme != "data":
                raise ValueError(f"letters are rendered without network access: {url[:80]}")
            return super().fetch(url, headers)

    return LocalOnlyFetcher


def local_only_fetcher(root: Path = TEMPLATES_DIR) -> Any:
    """A WeasyPrint URL fetcher that serves `data:` URIs and files under `root`, and nothing else."""
    return _fetcher_class()(root)


def _base_url(base_url: str | Path | None) -> str:
    return str(Path(base_url or TEMPLATES_DIR).resolve()) + "/"


def render_pdf(html: str, *, base_url: str | Path | None = None) -> bytes:
    """One letter (or any HTML document) as PDF bytes. CPU-bound: call it in a process pool."""
    from weasyprint import HTML

    base = _base_url(base_url)
    document = HTML(string=html, base_url=base, url_fetcher=local_only_fetcher(Path(base))).render()
    return bytes(document.write_pdf())


def render_chunk(htmls: Sequence[str], base_url: str | None = None) -> tuple[bytes, list[int]]:
    """Several letters as one PDF, with the page count of each; runs in a worker process."""
    from weasyprint import HTML

    base = _base_url(base_url)
    fetcher = local_only_fetcher(Path(base))
    documents = [HTML(string=html, base_url=base, url_fetcher=fetcher).render() for html in htmls]
    pages = [page for document in documents for page in document.pages]
    pdf = documents[0].copy(pages).write_pdf()
    return bytes(pdf), [len(document.pages) for document in documents]


def slugify(text: str) -> str:
    """`Læreplassjeger sommer 2027 – Troms` -> `laereplassjeger-sommer-2027-troms` (safe in any file system)."""
    text = text.lower().replace("æ", "ae").replace("ø", "o").replace("å", "aa")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "kampanje"


def _chunk_size(letters: Iterable[PrintLetter], workers: int) -> int:
    if not isinstance(letters, Sized):
        return STREAM_CHUNK
    # Four chunks per worker keeps every core busy to the end; MAX_CHUNK bounds a worker's memory.
    return max(1, min(MAX_CHUNK, math.ceil(len(letters) / (workers * 4))))


def _free_stem(out_dir: Path, stem: str) -> str:
    """Never overwrite an earlier batch of the same step and day (several dispatcher batches a day)."""
    candidate, number = stem, 1
    while (out_dir / f"{candidate}.pdf").exists() or (out_dir / f"{candidate}.csv").exists():
        number += 1
        candidate = f"{stem}-{number}"
    return candidate


def write_print_batch(
    letters: Iterable[PrintLetter],
    out_dir: Path,
    campaign_name: str,
    step_name: str,
    day: date,
    *,
    executor: Executor | None = None,
    workers: int = 1,
    base_url: str | Path | None = None,
) -> PrintBatch:
    """Renders `letters` into one merged PDF plus manifest CSV in `out_dir`; returns where and how many pages.

    With an `executor` (a process pool of `workers`) the chunks render in parallel; without, in this process.
    `letters` may be a generator: chunks are handed to the workers as soon as they are full. Files appear
    atomically (written under a temporary name, then renamed).
    """
    base = _base_url(base_url)
    size = _chunk_size(letters, workers if executor is not None else 1)
    recipients: list[tuple[str, str]] = []
    pending: list[Future[tuple[bytes, list[int]]] | tuple[bytes, list[int]]] = []
    chunk: list[str] = []

    def flush() -> None:
        if executor is None:
            pending.append(render_chunk(list(chunk), base))
        else:
            pending.append(executor.submit(render_chunk, list(chunk), base))
        chunk.clear()

    # Chunks go to the workers while `letters` is still being produced (it may render or read lazily).
    for letter in letters:
        recipients.append((letter.orgnr, letter.name))
        chunk.append(letter.html)
        if len(chunk) >= size:
            flush()
    if chunk:
        flush()
    if not recipients:
        raise ValueError("a print batch needs at least one letter")
    results = [item.result() if isinstance(item, Future) else item for item in pending]

    from pypdf import PdfWriter

    writer = PdfWriter()
    for pdf, _ in results:
        writer.append(io.BytesIO(pdf))
    writer.add_metadata({"/Title": f"{campaign_name} – {step_name} – {day.isoformat()}"})
    counts = [count for _, counts in results for count in counts]
    entries, page = [], 1
    for (orgnr, name), count in zip(recipients, counts, strict=True):
        entries.append(ManifestEntry(orgnr, name, page, count))
        page += count
    total = page - 1

    out_dir.mkdir(parents=True, exist_ok=True)
    stem = _free_stem(out_dir, f"{slugify(campaign_name)}_{slugify(step_name)}_{day.isoformat()}_{total}s")
    pdf_path, manifest_path = out_dir / f"{stem}.pdf", out_dir / f"{stem}.csv"
    with open(pdf_path.with_suffix(".pdf.part"), "wb") as pdf_file:
        writer.write(pdf_file)
    with open(manifest_path.with_suffix(".csv.part"), "w", encoding="utf-8", newline="") as csv_file:
        table = csv.writer(csv_file)
        table.writerow(["orgnr", "name", "page", "pages"])
        table.writerows([entry.orgnr, entry.name, entry.page, entry.pages] for entry in entries)
    os.replace(pdf_path.with_suffix(".pdf.part"), pdf_path)
    os.replace(manifest_path.with_suffix(".csv.part"), manifest_path)
    return PrintBatch(pdf_path, manifest_path, total, entries)


def _warm_up() -> int:
    render_pdf("<p>x</p>")  # imports WeasyPrint and loads fonts before the first real letter
    return os.getpid()


class LetterPrinter:
    """Renders letters in a process pool (one worker per core) so the event loop never waits on WeasyPrint."""

    def __init__(self, *, max_workers: int | None = None, base_url: str | Path | None = None) -> None:
        self.workers = max_workers or os.cpu_count() or 1
        self.base_url = _base_url(base_url)
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: forking a process that runs an event loop and threads can deadlock the child.
            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"))
        return self._pool

    async def start(self) -> None:
        """Starts the workers and loads WeasyPrint in each, so the first batch is not slowed by imports."""
        loop = asyncio.get_running_loop()
        pool = self._executor()
        await asyncio.gather(*(loop.run_in_executor(pool, _warm_up) for _ in range(self.workers)))

    async def render_pdf(self, html: str) -> bytes:
        """One letter as PDF (the e-mail attachment)."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor(), partial(render_pdf, html, base_url=self.base_url))

    async def print_batch(
        self, letters: Iterable[PrintLetter], *, out_dir: Path, campaign_name: str, step_name: str, day: date
    ) -> PrintBatch:
        pool = self._executor()
        return await asyncio.to_thread(
            write_print_batch,
            letters,
            out_dir,
            campaign_name,
            step_name,
            day,
            executor=pool,
            workers=self.workers,
            base_url=self.base_url,
        )

    async def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)
