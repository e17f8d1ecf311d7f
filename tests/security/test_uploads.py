"""The dashboard's register upload with hostile file names and bodies, and the downloads' file names (RFC 6266)."""

from __future__ import annotations

import json
from urllib.parse import unquote

import pytest
from fastapi.testclient import TestClient

from tests.dashboard_fixtures import csrf_of
from tests.dashboard_fixtures import finished_import
from tests.dashboard_fixtures import start_import
from web.downloads import content_disposition

NAME = "bedrifter–æøå😀.json"
UNITS = [
    {"organisasjonsnummer": "974760673", "navn": "Tromsø Bygg AS", "forretningsadresse": {"kommunenummer": "5501"}},
    {"organisasjonsnummer": "123456789", "navn": "Feil Nummer AS", "forretningsadresse": {"kommunenummer": "5501"}},
]  # fmt: skip


def test_a_non_latin1_upload_name_gives_a_download_with_rfc_6266_names(admin_client: TestClient) -> None:
    job_url = start_import(admin_client, NAME, json.dumps(UNITS).encode())
    assert "Last ned avvisningsfilen" in finished_import(admin_client, job_url)
    download = admin_client.get(job_url + "/rejects.csv")
    assert download.status_code == 200
    disposition = download.headers["content-disposition"]
    ascii_part, utf8_part = disposition.split("; filename*=UTF-8''")
    assert ascii_part.startswith('attachment; filename="') and ascii_part.isascii()
    assert unquote(utf8_part) == "bedrifter–æøå😀-avvist.csv"
    assert admin_client.get("/admin/companies/import").status_code == 200  # the job list shows the name


@pytest.mark.parametrize(
    "filename",
    ["nul\x00byte.json", "../../etc/passwd", 'quote"semi;colon.json', "x" * 400 + ".json", "\u202eevil.json"],
)
def test_hostile_upload_names_never_break_the_pages_or_the_download(
    admin_client: TestClient, filename: str
) -> None:
    job_url = start_import(admin_client, filename, json.dumps(UNITS).encode())
    finished_import(admin_client, job_url)
    assert admin_client.get(job_url).status_code == 200
    download = admin_client.get(job_url + "/rejects.csv")
    assert download.status_code == 200
    header = download.headers["content-disposition"]
    assert "\x00" not in header and "/" not in header.split("filename*=")[0]


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"--x\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc", "multipart/form-data; boundary=x"),
        (b"\xff\xfe\x00garbage", "multipart/form-data; boundary=x"),
        (b"file=abc", "application/x-www-form-urlencoded"),
        (b"", "multipart/form-data"),
    ],
)  # fmt: skip
def test_a_malformed_upload_body_gets_a_4xx(admin_client: TestClient, body: bytes, content_type: str) -> None:
    token = csrf_of(admin_client, "/admin/companies/import")
    response = admin_client.post(
        "/admin/companies/import",
        content=body,
        headers={"Content-Type": content_type, "X-CSRF-Token": token},
    )
    assert 400 <= response.status_code < 500, response.status_code


def test_content_disposition_keeps_headers_latin1_and_names_safe() -> None:
    for name in (NAME, "a\r\nSet-Cookie: x=1", "\x00", "", "leveranserapport-7.csv"):
        header = content_disposition(name)
        header.encode("latin-1")  # what Starlette does with every header
        assert "\r" not in header and "\n" not in header
    assert content_disposition("leveranserapport-7.csv") == (
        "attachment; filename=\"leveranserapport-7.csv\"; filename*=UTF-8''leveranserapport-7.csv"
    )
