"""Issue 11 item 3 for imports: why a file cannot be imported and why a row was rejected are written in the reader's
language: `jeger --language` for the CLI and the rejects file it writes, the staff user's on the dashboard's import
page and its rejects download (the job keeps catalogue keys, so each reader gets their own language)."""

from __future__ import annotations

import csv
import gzip
import io
import json
import random
from pathlib import Path

from fastapi.testclient import TestClient

from tests.conftest import RunCli
from tests.dashboard_fixtures import csrf_of
from tests.dashboard_fixtures import finished_import
from tests.dashboard_fixtures import register_unit
from tests.dashboard_fixtures import start_import
from tests.register_files import unit
from tests.register_files import valid_orgnrs
from tests.register_files import write_json
from tests.test_training_companies import companies
from tests.test_training_companies import write_list


def _rejects(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_register_file_error_is_written_in_the_readers_language(cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "side.json"
    path.write_text("<html></html>", encoding="utf-8")
    written = {
        language: cli("--language", language, "import", "companies", str(path)).stderr
        for language in ("nb", "nn", "en")
    }
    assert "filen er HTML/XML, ikke en JSON- eller CSV-fil fra Enhetsregisteret" in written["nb"]
    assert "fila er HTML/XML, ikkje ei JSON- eller CSV-fil frå Einingsregisteret" in written["nn"]
    assert "the file is HTML/XML, not a JSON or CSV file from Enhetsregisteret" in written["en"]
    assert all(str(path) in stderr for stderr in written.values())


def test_the_cli_writes_reject_and_warning_reasons_in_the_readers_language(
    cli: RunCli, tmp_path: Path
) -> None:
    good = unit(next(valid_orgnrs(1)), random.Random(3), mobil="12")
    path = write_json(tmp_path / "x.json", [good, {"organisasjonsnummer": "123456789", "navn": "Feil AS"}])
    for language, warning, reject in (
        (
            "nn",
            "mobil: '12' er ikkje eit gyldig telefonnummer; ikkje lagra",
            "organisasjonsnummer '123456789' er ugyldig",
        ),
        (
            "en",
            "mobil: '12' is not a valid phone number; not stored",
            "organisation number '123456789' is invalid",
        ),
    ):
        rejects = tmp_path / f"{language}.csv"
        result = cli(
            "--language", language, "import", "companies", str(path), "--rejects", str(rejects), "--json"
        )
        assert result.exit_code == 0, result.stderr
        assert set(json.loads(result.stdout)) >= {
            "read",
            "rejected",
            "warnings",
        }  # machine keys in every language
        rows = {row["level"]: row["reason"] for row in _rejects(rejects)}  # levels stay machine values
        assert rows["warning"] == warning and rows["error"].startswith(reject), rows


def test_a_training_list_is_refused_and_its_rows_rejected_in_the_readers_language(
    cli: RunCli, db: object, tmp_path: Path
) -> None:
    no_trade = write_list(tmp_path / "bad.csv", [["Orgnr", "Fylke"], ["974760673", "55"]])
    refused = cli("--language", "nn", "import", "training-companies", str(no_trade))
    assert refused.exit_code == 2 and "overskriftsrada manglar kolonnen lærefag (t.d." in refused.stderr
    refused = cli("--language", "en", "import", "training-companies", str(no_trade))
    assert refused.exit_code == 2 and "the header row lacks a trade column (e.g." in refused.stderr

    known = companies(db, 1)[0]  # type: ignore[arg-type]
    listing = write_list(
        tmp_path / "liste.csv",
        [["Orgnr", "Lærefag", "Fylke"], [known, "Tømrerfaget", "55"], ["123", "", "99"]],
    )
    for language, reason in (
        ("nb", "ugyldig organisasjonsnummer «123»; ukjent fylke «99»; mangler lærefag"),
        ("nn", "ugyldig organisasjonsnummer «123»; ukjent fylke «99»; manglar lærefag"),
        ("en", "invalid organisation number «123»; unknown county «99»; trade missing"),
    ):
        rejects = tmp_path / f"{language}.rejects.csv"
        result = cli(
            "--language", language, "import", "training-companies", str(listing), "--rejects", str(rejects)
        )
        assert result.exit_code == 0, result.stderr
        assert [row["reason"] for row in _rejects(rejects)] == [reason]


def _choose(client: TestClient, language: str) -> None:
    client.post("/admin/me/language", data={"language": language, "csrf_token": csrf_of(client, "/admin/")})


def _download(client: TestClient, url: str) -> list[dict[str, str]]:
    content = client.get(url).content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(content), delimiter=";"))


def test_the_dashboard_rejects_are_written_in_each_staff_users_language(admin_client: TestClient) -> None:
    _choose(admin_client, "nn")
    units = [register_unit("974760673", "Tromsø Bygg AS"), register_unit("123456789", "Feil Nummer AS")]
    job_url = start_import(admin_client, "enheter.json.gz", gzip.compress(json.dumps(units).encode()))
    finished_import(admin_client, job_url)
    shown = {}
    for language in ("nn", "en", "nb"):  # one job, read by staff of each language
        _choose(admin_client, language)
        shown[language] = _download(admin_client, job_url + "/rejects.csv")[0]
    assert shown["nn"]["Årsak"].startswith("organisasjonsnummer '123456789' er ugyldig (skal vere 9 siffer")
    assert shown["en"]["Reason"].startswith("organisation number '123456789' is invalid")
    assert shown["nb"]["Årsak"].startswith("organisasjonsnummer '123456789' er ugyldig (skal være 9 sifre")


def test_a_failed_dashboard_import_says_why_in_the_staff_users_language(admin_client: TestClient) -> None:
    _choose(admin_client, "en")
    job_url = start_import(admin_client, "x.json", b"<html></html>", "text/html")
    assert "the file is HTML/XML, not a JSON or CSV file" in finished_import(admin_client, job_url)
    _choose(admin_client, "nn")
    assert "fila er HTML/XML, ikkje ei JSON- eller CSV-fil" in admin_client.get(job_url + "/progress").text
