"""Benchmark: import a 200,000-unit register file (JSON and CSV) into SQLite and PostgreSQL.

Baseline, measured in the same run: parse the same file with the standard library and insert the same rows
(companies and their contacts, into the same migrated schema) with bare `executemany`. Goals: our import ≤ 3× the baseline; peak RSS < 300 MB.
Each run happens in its own child process, so peak RSS is that run's own.

    python bench/import_companies.py [--units N] [--quick]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


CHILD = Path(__file__).resolve()
PG_URL = os.environ.get("TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


@contextmanager
def fresh_postgres(prefix: str) -> Iterator[str | None]:
    """A new empty PostgreSQL database, dropped afterwards; None (with a printed line) when unreachable."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"{prefix}_{os.getpid()}"
    try:
        admin = create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # report and go on with SQLite
        print(f"PostgreSQL unreachable ({exc.__class__.__name__}): skipped")
        yield None
        return
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_import(url: str, path: str) -> None:
    from store.db import Database
    from store.importer import import_companies
    from store.migrate import init_database

    db = Database(url)
    init_database(db.engine)
    started = time.perf_counter()
    summary = import_companies(db, Path(path))
    elapsed = time.perf_counter() - started
    print(json.dumps({"seconds": elapsed, "read": summary.read, "rss_mb": peak_rss_mb()}))


def child_baseline(url: str, path: str) -> None:
    """The floor: stdlib parse, then bare `executemany` of the same company and contact rows into the same
    migrated schema (same indexes), with no validation, normalisation, hashing or upsert logic."""
    from store.db import Database
    from store.migrate import init_database

    db = Database(url)
    init_database(db.engine)
    sqlite = url.startswith("sqlite")
    marker = "?" if sqlite else "%s"
    now = "2026-01-01 00:00:00" if sqlite else "2026-01-01 00:00:00+00"
    started = time.perf_counter()
    companies, contacts = [], []
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:  # type: ignore[operator]
        flat = (_flatten(u) for u in json.load(handle)) if ".json" in path else csv.DictReader(handle)
        for n, u in enumerate(flat, start=1):
            companies.append(
                (
                    u["organisasjonsnummer"], u["navn"], u.get("organisasjonsform.kode"), u.get("naeringskode1.kode"),
                    u.get("antallAnsatte") or None, u.get("forretningsadresse.adresse"),
                    u.get("forretningsadresse.postnummer"), u.get("forretningsadresse.poststed"),
                    u.get("forretningsadresse.kommunenummer"), (u.get("forretningsadresse.kommunenummer") or "")[:2] or None,
                    u.get("telefon"), u.get("mobil"), u.get("epostadresse"), u.get("hjemmeside"), "nb",
                    False, False, False, now, now,
                )
            )  # fmt: skip
            for kind, key in (("phone", "telefon"), ("phone", "mobil"), ("email", "epostadresse")):
                if u.get(key):
                    contacts.append((n, kind, u[key], u[key], kind == "phone", "register", now))
    company_columns = "orgnr, name, org_form, nace_code, employees, business_street, business_postcode, business_city, municipality_number, county_number, phone, mobile, email, website, language, bankrupt, winding_up, is_training_company, created_at, updated_at"
    contact_columns = "company_id, kind, address, address_hash, is_mobile, source, created_at"
    raw = db.engine.raw_connection()
    cursor = raw.cursor()
    cursor.executemany(
        f"INSERT INTO company ({company_columns}) VALUES ({', '.join([marker] * 20)})", companies
    )
    cursor.executemany(
        f"INSERT INTO contact ({contact_columns}) VALUES ({', '.join([marker] * 7)})", contacts
    )
    raw.commit()
    raw.close()
    print(
        json.dumps(
            {"seconds": time.perf_counter() - started, "read": len(companies), "rss_mb": peak_rss_mb()}
        )
    )


def _flatten(unit: dict, prefix: str = "") -> dict:  # type: ignore[type-arg]
    flat = {}
    for key, value in unit.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        elif isinstance(value, list):
            flat[f"{prefix}{key}"] = ", ".join(str(v) for v in value if v)
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def run(kind: str, url: str, path: Path) -> tuple[float, float]:
    """(seconds, peak RSS MB) of one run in a child process."""
    import subprocess

    proc = subprocess.run(
        [sys.executable, str(CHILD), f"--child-{kind}", url, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{proc.stderr}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    return result["seconds"], result["rss_mb"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=200_000)
    parser.add_argument("--quick", action="store_true", help="2,000 units, SQLite only")
    parser.add_argument("--child-import", nargs=2)
    parser.add_argument("--child-baseline", nargs=2)
    args = parser.parse_args()
    if args.child_import:
        return child_import(*args.child_import)
    if args.child_baseline:
        return child_baseline(*args.child_baseline)

    from tests.register_files import units, write_csv, write_json

    count = 2_000 if args.quick else args.units
    with tempfile.TemporaryDirectory() as tmp:
        files = {
            "json": write_json(Path(tmp) / "enheter.json", units(count)),
            "csv": write_csv(Path(tmp) / "enheter.csv", units(count)),
        }
        print(
            f"register files: {count:,} units; JSON {files['json'].stat().st_size / 1e6:.0f} MB, CSV {files['csv'].stat().st_size / 1e6:.0f} MB"
        )
        print(
            f"{'database':<10} {'format':<6} {'baseline s':>10} {'import s':>9} {'rows/s':>9} {'ratio':>6} {'peak RSS':>9}  goal ≤3×, <300 MB"
        )
        backends = [("sqlite", None)] if args.quick else [("sqlite", None), ("postgresql", "bench_import")]
        for backend, prefix in backends:
            for fmt, path in files.items():
                if prefix:
                    with fresh_postgres(prefix) as url_base, fresh_postgres(prefix + "_b") as url_ours:
                        if url_base is None or url_ours is None:
                            break
                        base, _ = run("baseline", url_base, path)
                        ours, rss = run("import", url_ours, path)
                else:
                    base, _ = run("baseline", f"sqlite:///{tmp}/base-{fmt}.db", path)
                    ours, rss = run("import", f"sqlite:///{tmp}/ours-{fmt}.db", path)
                ratio = ours / base
                print(
                    f"{backend:<10} {fmt:<6} {base:>10.2f} {ours:>9.2f} {count / ours:>9,.0f} {ratio:>5.2f}× {rss:>6.0f} MB  "
                    f"{verdict(ratio <= 3)} / {verdict(not rss > 300)}"
                )


if __name__ == "__main__":
    main()
