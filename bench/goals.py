"""One table of every benchmark goal with OK or MISSED (`make bench`, issue 14 item 4).

Each benchmark prints its own detailed table and, per goal, one line that starts with MARK (`goal()`).
`python bench/goals.py` runs them one after another, passing their output through, and ends with the table of
those lines, in the order they were measured. A benchmark that fails outright is a MISSED row of its own.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = "goal |"
BENCHES = (
    ("import", ["bench/import_companies.py"]),
    # The national run's goals (time printed, peak RSS, RSS not growing with the file) are about the import's
    # streaming and batching, which JSON and CSV share after the parse; JSON is the register's own full
    # download and the heavier parse. Both formats at 1.5 M would add a quarter of an hour to every `make bench`.
    (
        "import national",
        ["bench/import_companies.py", "--units", "1500000", "--postgres-only", "--formats", "json"],
    ),
    ("launch", ["bench/launch.py"]),
    ("dispatch", ["bench/dispatch.py"]),
    ("inbound", ["bench/inbound.py"]),
    ("pages", ["bench/pages.py"]),
)


def goal(name: str, measured: str, target: str, met: bool) -> None:
    """Prints one goal as the summary reads it back."""
    print(f"{MARK} {name} | {measured} | {target} | {'OK' if met else 'MISSED'}", flush=True)


def run(name: str, args: list[str]) -> list[list[str]]:
    """Runs one benchmark, echoing its output; returns its goal rows."""
    print(f"\n=== {name}: {' '.join(args)}", flush=True)
    started = time.monotonic()
    rows: list[list[str]] = []
    with subprocess.Popen(
        [sys.executable, *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            print(line, end="", flush=True)
            if line.startswith(MARK):
                rows.append([cell.strip() for cell in line[len(MARK) :].split("|")])
    if proc.returncode != 0:
        rows.append([f"{name}: exit status {proc.returncode}", "-", "runs to the end", "MISSED"])
    print(f"=== {name}: {minutes(time.monotonic() - started)}", flush=True)
    return rows


def minutes(seconds: float) -> str:
    return f"{seconds / 60:.1f} min"


def table(rows: list[list[str]]) -> str:
    header = ["goal", "measured", "target", "verdict"]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    met = sum(r[3] == "OK" for r in rows)
    return "\n".join([*lines, f"{met} of {len(rows)} goals OK"])


def main() -> None:
    """`python bench/goals.py [NAME ...]`: all benchmarks, or only those named (e.g. `pages`)."""
    chosen = set(sys.argv[1:])
    unknown = chosen - {name for name, _ in BENCHES}
    if unknown:
        raise SystemExit(f"no such benchmark: {', '.join(sorted(unknown))}")
    started = time.monotonic()
    rows = [row for name, args in BENCHES if not chosen or name in chosen for row in run(name, args)]
    print("\n" + table(rows))
    print(f"all benchmarks: {minutes(time.monotonic() - started)}")  # what a whole `make bench` costs


if __name__ == "__main__":
    main()
