"""Printed letters: PDF rendering without network, merged print batches with a manifest, the process pool."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import threading
from collections.abc import Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.render import MessageRenderer
from campaigns.templating import LANGUAGES
from channels.letters import LetterPrinter
from channels.letters import PrintLetter
from channels.letters import render_pdf
from channels.letters import slugify
from channels.letters import write_print_batch
from settings import Settings
from store.models import Company
from tests.lead_factories import new_company

MM = 72 / 25.4  # PDF points per millimetre
A4_HEIGHT = 297 * MM


@pytest.fixture(scope="module")
def renderer() -> MessageRenderer:
    return MessageRenderer(
        Settings(_env_file=None, public_base_url="https://laereplassjeger.no", twilio_from="+4759440000")
    )


def company(i: int = 0, **fields: object) -> Company:
    """The i-th of several unsaved companies, each with its own orgnr, name and identifiers."""
    return new_company(
        **{
            "orgnr": f"{974760673 + i}",
            "name": f"Nordlys Elektro {i} AS",
            "short_code": "K7MX2" + "PQRSTUVWXYZ"[i],
            "token": f"tok{i}-AbCdEfGhIjKlMnOpQrStUvWxYz",
            **fields,
        }
    )


def letter_html(renderer: MessageRenderer, firm: Company, language: str = "nb") -> str:
    variables = renderer.company_variables(company=firm, language=language, on=date(2027, 6, 7))
    html = renderer.render(
        template="letters/invitasjon", channel="letter", language=language, variables=variables
    ).html
    assert html is not None
    return html


def text_positions(pdf: bytes, page: int = 0) -> list[tuple[str, float, float]]:
    """(text, x mm from the left, baseline mm from the top) of every text run on a page."""
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((text.strip(), x / MM, (A4_HEIGHT - y) / MM))

    PdfReader(io.BytesIO(pdf)).pages[page].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_letter_is_one_a4_page_with_the_address_in_the_c5_window(
    renderer: MessageRenderer, language: str
) -> None:
    firm = company(name="Smith & Sønn Rørleggerservice AS", postal_street="Storgata 5")
    pdf = render_pdf(letter_html(renderer, firm, language))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / MM), round(float(box.height) / MM)) == (210, 297)
    positions = {text: (x, y) for text, x, y in text_positions(pdf)}
    for line in ("Smith & Sønn Rørleggerservice AS", "Storgata 5", "9008 TROMSØ"):
        x, y = positions[line]
        # The window of a C5 envelope: 20 mm from the left, 45 mm from the top, 90 x 45 mm.
        assert 20 < x < 110 and 45 < y < 90, (line, x, y)


def test_the_qr_codes_scan_to_the_personal_links(renderer: MessageRenderer, tmp_path: Path) -> None:
    if not shutil.which("zbarimg") or not shutil.which("pdftoppm"):
        pytest.skip("zbarimg and pdftoppm (apt: zbar-tools, poppler-utils) are not installed")
    (tmp_path / "letter.pdf").write_bytes(render_pdf(letter_html(renderer, company())))
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", str(tmp_path / "letter.pdf"), str(tmp_path / "page")], check=True
    )
    scanned = subprocess.run(
        ["zbarimg", "-q", "--raw", str(tmp_path / "page-1.png")], capture_output=True, text=True, check=True
    ).stdout.split()
    assert sorted(scanned) == [
        "https://laereplassjeger.no/r/tok0-AbCdEfGhIjKlMnOpQrStUvWxYz",
        "https://t.me/laereplassjeger_bot?start=tok0-AbCdEfGhIjKlMnOpQrStUvWxYz",
    ]


class _Recorder(BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def http_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    _Recorder.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_rendering_never_fetches_from_the_network(http_server: str) -> None:
    html = (
        f'<link rel="stylesheet" href="{http_server}/style.css">'
        f'<p style="background: url({http_server}/bg.png)">Hei</p><img src="{http_server}/logo.png">'
        '<img src="file:///etc/hostname">'
    )
    pdf = render_pdf(html)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    assert _Recorder.hits == []


def test_a_print_batch_is_one_pdf_with_a_manifest_of_first_pages(
    renderer: MessageRenderer, tmp_path: Path
) -> None:
    firms = [company(i, name=f"Firma {i} & Co AS") for i in range(3)]
    letters = [PrintLetter(firm.orgnr, firm.name, letter_html(renderer, firm)) for firm in firms]
    two_pages = '<p>Side én</p><p style="page-break-before: always">Side to</p>'
    letters.insert(1, PrintLetter("923609016", "To sider AS", two_pages))
    batch = write_print_batch(
        letters, tmp_path, "Læreplassjeger sommer 2027 – Troms", "brev", date(2027, 6, 7)
    )

    assert batch.pages == 5
    assert batch.pdf_path.name == "laereplassjeger-sommer-2027-troms_brev_2027-06-07_5s.pdf"
    assert batch.manifest_path.name == "laereplassjeger-sommer-2027-troms_brev_2027-06-07_5s.csv"
    reader = PdfReader(batch.pdf_path)
    assert len(reader.pages) == 5
    with open(batch.manifest_path, encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [(row["orgnr"], row["name"], row["page"]) for row in rows] == [
        ("974760673", "Firma 0 & Co AS", "1"),
        ("923609016", "To sider AS", "2"),
        ("974760674", "Firma 1 & Co AS", "4"),
        ("974760675", "Firma 2 & Co AS", "5"),
    ]
    # Each manifest page really starts that company's letter.
    for row in rows:
        page_text = reader.pages[int(row["page"]) - 1].extract_text()
        expected = "Side én" if row["orgnr"] == "923609016" else row["name"]
        assert expected in page_text
    assert not list(tmp_path.glob("*.part"))


def test_a_second_batch_on_the_same_day_does_not_overwrite_the_first(tmp_path: Path) -> None:
    letters = [PrintLetter("974760673", "A AS", "<p>A</p>")]
    first = write_print_batch(letters, tmp_path, "Kampanje", "brev", date(2027, 6, 7))
    second = write_print_batch(iter(letters), tmp_path, "Kampanje", "brev", date(2027, 6, 7))
    assert first.pdf_path.name == "kampanje_brev_2027-06-07_1s.pdf"
    assert second.pdf_path.name == "kampanje_brev_2027-06-07_1s-2.pdf"
    assert second.manifest_path.exists()


def test_an_empty_batch_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least one letter"):
        write_print_batch([], tmp_path, "Kampanje", "brev", date(2027, 6, 7))
    assert list(tmp_path.iterdir()) == []


def test_file_names_are_safe_slugs() -> None:
    assert (
        slugify("Læreplassjeger sommer 2027 – Troms og Finnmark")
        == "laereplassjeger-sommer-2027-troms-og-finnmark"
    )
    assert slugify("Ærø/Åsen: Øst!") == "aero-aasen-ost"
    assert slugify("///") == "kampanje"


async def test_the_letter_printer_renders_in_a_process_pool(
    renderer: MessageRenderer, session: Session, tmp_path: Path
) -> None:
    session.add_all([company(i, language="nn" if i % 2 else "nb") for i in range(5)])
    session.commit()
    firms = session.scalars(select(Company).order_by(Company.orgnr)).all()
    letters = [PrintLetter(f.orgnr, f.name, letter_html(renderer, f, f.language)) for f in firms]
    printer = LetterPrinter(max_workers=2)
    try:
        await printer.start()
        batch = await printer.print_batch(
            letters, out_dir=tmp_path, campaign_name="Sommer 2027", step_name="brev", day=date(2027, 6, 7)
        )
        single = await printer.render_pdf(letters[0].html)
    finally:
        await printer.close()
    assert batch.pages == 5 and [entry.page for entry in batch.entries] == [1, 2, 3, 4, 5]
    assert [entry.orgnr for entry in batch.entries] == [f.orgnr for f in firms]
    assert len(PdfReader(io.BytesIO(single)).pages) == 1
    assert "Har de plass til ein lærling?" in PdfReader(batch.pdf_path).pages[1].extract_text()


def test_the_letter_benchmark_runs(capsys: pytest.CaptureFixture[str]) -> None:
    from bench.letters import main

    figures = main(["--quick", "--workers", "2"])
    out = capsys.readouterr().out
    assert "ratio per core used" in out
    assert figures["baseline_s"] > 0 and figures["pipeline_s"] > 0
