"""Benchmark: import a 200,000-unit register file (JSON and CSV) into SQLite and PostgreSQL.

Two yardsticks, measured in the same run on the same file and the same migrated schema:
- baseline: parse with the standard library (`json.load`, `csv.DictReader`), insert the same company and contact
  rows with bare `executemany`;
- floor: stream with ijson's C backend (yajl2_c) or the csv module and write the same rows the fastest way the
  database takes them: `COPY` on PostgreSQL (psycopg 3 `cursor.copy`), one `executemany` transaction on SQLite.
  Neither validates, normalises, hashes or upserts; the floor is what moving the bytes costs.
Goals (issue 14): our import ≤ 3× the floor for JSON and CSV on both databases at 200,000 units; peak RSS < 300 MB.
Each run happens in its own child process, so peak RSS is that run's own. `--units 1500000 --postgres-only`
(`make bench` adds `--formats json`) is the national-size run: it prints time and peak RSS (< 300 MB), and the
peak RSS sampled every 100,000 units, with the goal that it does not grow with the file (RSS_GROWTH_LIMIT).
Above 200,000 units the yardsticks are left out: both hold every row in memory, gigabytes at national size,
and the ≤ 3× goal is stated at 200,000.

    python bench/import_companies.py [--units N] [--quick] [--postgres-only] [--formats json,csv]
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
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.databases import create_database
from bench.databases import drop_database
from bench.goals import goal

CHILD = Path(__file__).resolve()
YARDSTICK_UNITS = 200_000  # the size the ≤ 3× goal is stated at
SAMPLE_EVERY = 100_000  # units between two peak-RSS samples of our import
# RSS must not grow with the file: the peak over the whole national run at most this many times the peak after
# its first 200,000 units. By then every batch-sized buffer has been through a full cycle; what may still fill
# after it is bounded by construction (the phone memo: ≤ 100,000 five-digit keys, ~10 MB; the e-mail memo:
# ≤ 65,536 shapes, ~15 MB, both only on real data whose addresses vary in shape), about a quarter of the ~100 MB
# at 200,000 units. A leak of 20 bytes per unit would already exceed it over the 1.3 M units that follow.
RSS_GROWTH_LIMIT = 1.25


def _add_rows(companies: list, contacts: list, n: int, u: dict, now: str) -> None:  # type: ignore[type-arg]
    """The company row and contact rows of one flattened unit, as the baseline and the floor write them."""
    municipality = u.get("forretningsadresse.kommunenummer") or None
    companies.append(
        (
            u["organisasjonsnummer"], u["navn"], u.get("organisasjonsform.kode"), u.get("naeringskode1.kode"),
            u.get("antallAnsatte") or None, u.get("forretningsadresse.adresse"),
            u.get("forretningsadresse.postnummer"), u.get("forretningsadresse.poststed"),
            municipality, municipality[:2] if municipality else None,
            u.get("telefon"), u.get("mobil"), u.get("epostadresse"), u.get("hjemmeside"), "nb",
            False, False, False, now, now,
        )
    )  # fmt: skip
    for kind, key in (("phone", "telefon"), ("phone", "mobil"), ("email", "epostadresse")):
        if u.get(key):
            contacts.append((n, kind, u[key], u[key], kind == "phone", "register", now))


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


@contextmanager
def fresh_postgres(prefix: str) -> Iterator[str | None]:
    """A new empty PostgreSQL database, dropped afterwards; None (with a printed line) when unreachable."""
    name = f"{prefix}_{os.getpid()}"
    try:
        url = create_database(name)
    except Exception as exc:  # report and go on with SQLite
        print(f"PostgreSQL unreachable ({exc.__class__.__name__}): skipped")
        yield None
        return
    try:
        yield url
    finally:
        drop_database(name)


def peak_rss_mb() -> float:
    """This process's own peak RSS: Linux's VmHWM, the high-water mark of the memory it has now.

    Not `getrusage(RUSAGE_SELF).ru_maxrss`: the kernel carries that over an exec from the process that was there
    before it, and Python starts children by vfork + exec, so a child reported its *parent's* peak whenever
    that was higher. The parent here writes the register files, and it did so holding every orgnr of the file
    in a set (tests.register_files): that, not the import, was the 219 MB of the 1.5 M run."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:  # not Linux: the rusage figure, which is right for a process started from a small parent
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_import(url: str, path: str) -> None:
    """Our import; also the peak RSS after each SAMPLE_EVERY units, for the check that it does not grow."""
    from companies.importer import import_companies
    from store.db import Database
    from store.migrate import init_database

    db = Database(url)
    init_database(db.engine)
    samples: dict[int, float] = {}

    def sample(read: int, _bytes: int, _total: int) -> None:
        if read % SAMPLE_EVERY == 0 and read not in samples:
            samples[read] = peak_rss_mb()

    started = time.perf_counter()
    summary = import_companies(db, Path(path), progress=sample)
    elapsed = time.perf_counter() - started
    print(json.dumps({"seconds": elapsed, "read": summary.read, "rss_mb": peak_rss_mb(), "samples": samples}))


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
            _add_rows(companies, contacts, n, u, now)
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


COMPANY_COLUMNS = (
    "orgnr", "name", "org_form", "nace_code", "employees", "business_street", "business_postcode",
    "business_city", "municipality_number", "county_number", "phone", "mobile", "email", "website", "language",
    "bankrupt", "winding_up", "is_training_company", "created_at", "updated_at",
)  # fmt: skip
CONTACT_COLUMNS = ("company_id", "kind", "address", "address_hash", "is_mobile", "source", "created_at")


def _floor_units(path: str) -> Iterator[dict]:  # type: ignore[type-arg]
    """Flat units streamed the cheapest way: ijson's C backend (nested dicts read directly) or csv.DictReader."""
    import ijson

    opener = gzip.open if path.endswith(".gz") else open
    if ".json" in path:
        items = ijson.get_backend("yajl2_c").items
        with opener(path, "rb") as handle:  # type: ignore[operator]
            for u in items(handle, "item", use_float=True):
                business = u.get("forretningsadresse") or {}
                yield {
                    "organisasjonsnummer": u["organisasjonsnummer"], "navn": u["navn"],
                    "organisasjonsform.kode": (u.get("organisasjonsform") or {}).get("kode"),
                    "naeringskode1.kode": (u.get("naeringskode1") or {}).get("kode"),
                    "antallAnsatte": u.get("antallAnsatte"),
                    "forretningsadresse.adresse": ", ".join(a for a in business.get("adresse") or () if a),
                    "forretningsadresse.postnummer": business.get("postnummer"),
                    "forretningsadresse.poststed": business.get("poststed"),
                    "forretningsadresse.kommunenummer": business.get("kommunenummer"),
                    "telefon": u.get("telefon"), "mobil": u.get("mobil"), "epostadresse": u.get("epostadresse"),
                    "hjemmeside": u.get("hjemmeside"),
                }  # fmt: skip
        return
    with opener(path, "rt", encoding="utf-8", newline="") as handle:  # type: ignore[operator]
        yield from csv.DictReader(handle)


def child_floor(url: str, path: str) -> None:
    """The floor: streamed parse, then the same rows as the baseline by COPY (PostgreSQL) or one executemany
    transaction (SQLite), into the same migrated schema."""
    from store.db import Database
    from store.migrate import init_database

    db = Database(url)
    init_database(db.engine)
    sqlite = url.startswith("sqlite")
    now = "2026-01-01 00:00:00" if sqlite else "2026-01-01 00:00:00+00"
    started = time.perf_counter()
    companies: list[tuple] = []  # type: ignore[type-arg]
    contacts: list[tuple] = []  # type: ignore[type-arg]
    for n, u in enumerate(_floor_units(path), start=1):
        _add_rows(companies, contacts, n, u, now)
    raw = db.engine.raw_connection()
    cursor = raw.cursor()
    if sqlite:
        marker = ", ".join(["?"] * len(COMPANY_COLUMNS))
        cursor.executemany(f"INSERT INTO company ({', '.join(COMPANY_COLUMNS)}) VALUES ({marker})", companies)
        marker = ", ".join(["?"] * len(CONTACT_COLUMNS))
        cursor.executemany(f"INSERT INTO contact ({', '.join(CONTACT_COLUMNS)}) VALUES ({marker})", contacts)
    else:
        for table, columns, rows in (
            ("company", COMPANY_COLUMNS, companies),
            ("contact", CONTACT_COLUMNS, contacts),
        ):
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
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


def _child(*args: str) -> list[dict[str, Any]]:
    """The JSON lines one child process printed."""
    import subprocess

    proc = subprocess.run([sys.executable, str(CHILD), *args], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{args[0]} failed:\n{proc.stderr}")
    return [json.loads(line) for line in proc.stdout.strip().splitlines() if line.startswith("{")]


def run(url: str, path: Path) -> tuple[float, float, dict[int, float]]:
    """(seconds, peak RSS MB, {units read: peak RSS MB so far}) of our import in a child process of its own."""
    (result,) = _child("--child-import", url, str(path))
    samples = {int(read): float(mb) for read, mb in result["samples"].items()}
    return result["seconds"], result["rss_mb"], samples


def growth_goal(where: str, rss: float, samples: dict[int, float]) -> None:
    """The national run's peak against its own peak after the first 200,000 units (RSS_GROWTH_LIMIT)."""
    early = samples.get(YARDSTICK_UNITS)
    if early is None:
        return
    shown = ", ".join(
        f"{read // 1000:,}k: {mb:.0f}"
        for read, mb in sorted(samples.items())
        if read == YARDSTICK_UNITS or read % 300_000 == 0
    )
    print(f"peak RSS by units read (MB): {shown}; at the end {rss:.0f}")
    goal(
        f"import {where}: RSS does not grow with the file",
        f"{rss / early:.2f}× ({rss:.0f} MB at the end, {early:.0f} MB at {YARDSTICK_UNITS:,} units)",
        f"≤ {RSS_GROWTH_LIMIT}× the peak at {YARDSTICK_UNITS:,} units",
        rss <= RSS_GROWTH_LIMIT * early,
    )


def yardsticks(base_url: str, floor_url: str, path: Path) -> tuple[float, float]:
    """(baseline, floor) seconds, both measured in one child: their peak RSS is not a goal, and one process
    start fewer keeps the quick run in the test suite as fast as it was before the floor."""
    baseline, floor = _child("--child-yardsticks", base_url, floor_url, str(path))
    return baseline["seconds"], floor["seconds"]


def sqlite_template(directory: str) -> Path:
    """A migrated SQLite file that every SQLite run starts from as a copy: migrating once, not six times."""
    from store.db import Database
    from store.migrate import init_database

    template = Path(directory) / "template.db"
    db = Database(f"sqlite:///{template}")
    init_database(db.engine)
    db.dispose()
    return template


def sqlite_copy(template: Path, name: str) -> str:
    import shutil

    target = template.with_name(name)
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--units", type=int, default=200_000)
    parser.add_argument(
        "--quick", action="store_true", help="1,000 units, SQLite only (the test suite's smoke run)"
    )
    parser.add_argument(
        "--postgres-only", action="store_true", help="PostgreSQL only (the 1,500,000-unit national run)"
    )
    parser.add_argument(
        "--formats",
        default="json,csv",
        help="register file formats to run, comma-separated (default: json,csv; the national run: json)",
    )
    parser.add_argument("--child-import", nargs=2)
    parser.add_argument("--child-baseline", nargs=2)
    parser.add_argument("--child-floor", nargs=2)
    parser.add_argument("--child-yardsticks", nargs=3)
    args = parser.parse_args()
    if args.child_import:
        return child_import(*args.child_import)
    if args.child_baseline:
        return child_baseline(*args.child_baseline)
    if args.child_floor:
        return child_floor(*args.child_floor)
    if args.child_yardsticks:
        base_url, floor_url, path = args.child_yardsticks
        child_baseline(base_url, path)
        return child_floor(floor_url, path)

    from tests.register_files import units
    from tests.register_files import write_csv
    from tests.register_files import write_json

    count = 1_000 if args.quick else args.units
    with tempfile.TemporaryDirectory() as tmp:
        writers = {"json": write_json, "csv": write_csv}
        formats = [fmt.strip() for fmt in args.formats.split(",") if fmt.strip()]
        if not formats or set(formats) - set(writers):
            raise SystemExit(f"--formats: choose from {', '.join(writers)}")
        files = {fmt: writers[fmt](Path(tmp) / f"enheter.{fmt}", units(count)) for fmt in formats}
        sizes = "; ".join(f"{fmt.upper()} {path.stat().st_size / 1e6:.0f} MB" for fmt, path in files.items())
        print(f"register files: {count:,} units; {sizes}")
        print(
            f"{'database':<10} {'format':<6} {'baseline s':>10} {'floor s':>8} {'import s':>9} {'rows/s':>9} "
            f"{'×baseline':>9} {'×floor':>7} {'peak RSS':>9}  goal ≤3× floor, <300 MB"
        )
        backends = [("sqlite", None), ("postgresql", "bench_import")]
        if args.quick:
            backends = backends[:1]
        elif args.postgres_only:
            backends = backends[1:]
        template: Path | None = None
        for backend, prefix in backends:
            for fmt, path in files.items():
                if prefix:
                    with (
                        fresh_postgres(prefix) as url_base,
                        fresh_postgres(prefix + "_f") as url_floor,
                        fresh_postgres(prefix + "_b") as url_ours,
                    ):
                        if url_base is None or url_floor is None or url_ours is None:
                            break
                        base, floor = (
                            yardsticks(url_base, url_floor, path) if count <= YARDSTICK_UNITS else (0.0, 0.0)
                        )
                        ours, rss, samples = run(url_ours, path)
                else:
                    template = template or sqlite_template(tmp)
                    base, floor = yardsticks(
                        sqlite_copy(template, f"base-{fmt}.db"),
                        sqlite_copy(template, f"floor-{fmt}.db"),
                        path,
                    )
                    ours, rss, samples = run(sqlite_copy(template, f"ours-{fmt}.db"), path)
                where = f"{count:,} units, {backend} {fmt}"
                if not floor:
                    print(f"{backend:<10} {fmt:<6} {'-':>10} {'-':>8} {ours:>9.2f} {count / ours:>9,.0f} "
                          f"{'-':>9} {'-':>7} {rss:>6.0f} MB  {verdict(rss < 300)}")  # fmt: skip
                    goal(
                        f"import {where}: time", f"{ours:.0f} s ({count / ours:,.0f} rows/s)", "printed", True
                    )
                    goal(f"import {where}: peak RSS", f"{rss:.0f} MB", "< 300 MB", rss < 300)
                    growth_goal(where, rss, samples)
                    continue
                ratio = ours / floor
                print(
                    f"{backend:<10} {fmt:<6} {base:>10.2f} {floor:>8.2f} {ours:>9.2f} {count / ours:>9,.0f} "
                    f"{ours / base:>8.2f}× {ratio:>6.2f}× {rss:>6.0f} MB  "
                    f"{verdict(ratio <= 3)} / {verdict(not rss > 300)}"
                )
                goal(
                    f"import {where}: time vs floor",
                    f"{ratio:.2f}× ({ours:.1f} s, floor {floor:.1f} s)",
                    "≤ 3×",
                    ratio <= 3,
                )
                goal(f"import {where}: peak RSS", f"{rss:.0f} MB", "< 300 MB", rss < 300)


if __name__ == "__main__":
    main()
