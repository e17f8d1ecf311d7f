"""Benchmark: every dashboard page, API list, `jeger campaign status`, the audience count, the preview and a
/metrics scrape on the national database against the same on a 10,000-company one (issue 14, item 3).

    python bench/pages.py [--requests 20] [--small 10000] [--national 1500000] [--quick] [--only TEXT ...]

Both databases come from bench/national.py (seeded once, then reused). Each request is timed in process
(FastAPI's TestClient, typer's CliRunner): what the server spends, not the network. Goals, as ratios measured
in this one run: p95 at national size ≤ 3× the same request's p95 at 10,000 companies (cost must not grow with
the register); the audience count ≤ 5× a bare `SELECT count(*)` over the same companies. `--quick` compares
2,000 with 10,000 companies and 3 requests each (the test suite's run: it proves the requests work). A request
slower than 1.5 s is timed fewer times (30 s per row and database; at least once after its warm-up, or only
the warm-up when that took over 30 s): the table says how many.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.goals import goal  # noqa: E402
from bench.national import NATIONAL  # noqa: E402
from bench.national import STAFF_EMAIL  # noqa: E402
from bench.national import STAFF_PASSWORD  # noqa: E402
from bench.national import Seeded  # noqa: E402
from bench.national import ensure  # noqa: E402

SMALL = 10_000
PAGE_RATIO = 3.0
AUDIENCE_RATIO = 5.0
BUDGET = 30.0  # seconds of requests per row and database at most (see `timed`)


def percentiles(seconds: list[float]) -> tuple[float, float]:
    """(p50, p95) in milliseconds; p95 by the nearest rank, so 20 samples give the 19th."""
    ordered = sorted(seconds)
    rank = max(round(0.95 * len(ordered)) - 1, 0)
    return statistics.median(ordered) * 1000, ordered[rank] * 1000


def timed(call: Callable[[], Any], requests: int, budget: float = BUDGET) -> list[float]:
    """`requests` timings after one warm-up, or fewer when they would take longer than `budget` seconds (a
    request that takes minutes at national size is timed once or twice: the verdict is the same)."""
    started = time.perf_counter()
    call()  # the first one warms caches (templates, compiled statements, the planner), as in a running server
    warm = time.perf_counter() - started
    if warm > budget:
        return [warm]
    samples = []
    for _ in range(min(requests, max(int(budget / warm), 1))):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


def requests_of(seeded: Seeded) -> dict[str, Callable[[], Any]]:
    """name -> a call that makes one request against this database and fails loudly on an error answer."""
    from fastapi.testclient import TestClient
    from sqlalchemy import func
    from sqlalchemy import select
    from typer.testing import CliRunner

    from campaigns.audience import count as audience_count
    from campaigns.definition_model import definition_of
    from cli import app as cli_app
    from cli.common import Context
    from settings import Settings
    from store.db import Database
    from store.models import Campaign
    from store.models import Company
    from tests.dashboard_fixtures import log_in
    from web.app import create_app

    settings = Settings(_env_file=None, database_url=seeded.url)
    db = Database(seeded.url)
    client = TestClient(create_app(settings, db=db))
    client.__enter__()
    assert log_in(client, STAFF_EMAIL, STAFF_PASSWORD).status_code == 303  # type: ignore[attr-defined]
    api = {"Authorization": f"Bearer {seeded.api_token}"}
    cid = seeded.campaign_id
    with db.session() as session:
        orgnr = session.scalar(select(Company.orgnr).order_by(Company.id.desc()).limit(1))

    def get(path: str, headers: dict[str, str] | None = None) -> Callable[[], Any]:
        def call() -> None:
            response = client.get(path, headers=headers or {})
            if response.status_code != 200:
                raise SystemExit(f"{path}: {response.status_code} {response.text[:300]}")

        return call

    def cli_status() -> None:
        result = CliRunner().invoke(cli_app, ["campaign", "status", str(cid)], obj=Context(settings=settings))
        if result.exit_code != 0:
            raise SystemExit(f"jeger campaign status: {result.output[:300]}")

    def audience() -> None:
        with db.session() as session:
            campaign = session.get(Campaign, cid)
            assert campaign is not None
            audience_count(session, definition_of(campaign))

    def bare_count() -> None:
        with db.session() as session:
            session.scalar(select(func.count()).select_from(Company))

    def metrics() -> None:
        get("/metrics")()

    member, lead_id = _portal_member(db)
    portal = TestClient(create_app(settings, db=db))
    portal.__enter__()
    _sign_in_member(portal, db, member)

    def portal_get(path: str) -> Callable[[], Any]:
        def call() -> None:
            response = portal.get(path, follow_redirects=False)
            if response.status_code != 200:
                raise SystemExit(f"{path}: {response.status_code} {response.text[:300]}")

        return call

    pages = {
        "page /admin/": get("/admin/"),
        "page /admin/campaigns": get("/admin/campaigns"),
        "page /admin/campaigns/{id}": get(f"/admin/campaigns/{cid}"),
        "page /admin/campaigns/{id}/progress": get(f"/admin/campaigns/{cid}/progress"),
        "page /admin/campaigns/{id}/report": get(f"/admin/campaigns/{cid}/report"),
        "page /admin/campaigns/{id}/outcomes": get(f"/admin/campaigns/{cid}/outcomes"),
        "page /admin/campaigns/{id}/attendees": get(f"/admin/campaigns/{cid}/attendees"),
        "page /admin/inbox": get("/admin/inbox"),
        "page /admin/leads": get("/admin/leads"),
        "page /admin/hunters": get("/admin/hunters"),
        "page /admin/results": get("/admin/results"),
        "page /admin/companies": get("/admin/companies"),
        "page /admin/companies/{orgnr}": get(f"/admin/companies/{orgnr}"),
        "page /admin/staff": get("/admin/staff"),
        "api /api/leads": get("/api/leads", api),
        "api /api/replies": get("/api/replies", api),
        "api /api/campaigns": get("/api/campaigns", api),
        "api /api/campaigns/{id}": get(f"/api/campaigns/{cid}", api),
        "cli jeger campaign status": cli_status,
        "preview /admin/campaigns/{id}/preview": get(f"/admin/campaigns/{cid}/preview"),
        "metrics /metrics": metrics,
        "audience count": audience,
        "portal /jeger/ (leads)": portal_get("/jeger/"),
        "portal /jeger/leads/{id}": portal_get(f"/jeger/leads/{lead_id}"),
        "portal /jeger/kampanjer": portal_get("/jeger/kampanjer"),
        "portal /jeger/organisasjon": portal_get("/jeger/organisasjon"),
        "portal /jeger/organisasjon/medlemmer": portal_get("/jeger/organisasjon/medlemmer"),
        "bare SELECT count(*)": bare_count,
    }
    return pages


def _portal_member(db: Any) -> tuple[int, int]:
    """(member id, one lead it sees): the first member of the first approved organisation that sees a lead."""
    from sqlalchemy import select

    from hunters.portal_leads import organisation_leads
    from store.models import Hunter
    from store.models import HunterState

    with db.session() as session:
        hunters = session.scalars(
            select(Hunter).where(Hunter.state == HunterState.APPROVED).order_by(Hunter.id)
        )
        for hunter in hunters:
            members = [m for m in hunter.members if m.removed_at is None]
            owned, open_leads = organisation_leads(session, hunter=hunter)
            if members and (owned.rows or open_leads.rows):
                return members[0].id, [*owned.rows, *open_leads.rows][0].id
    raise SystemExit("no approved organisation with a member sees a lead in this database")


def _sign_in_member(client: Any, db: Any, member_id: int) -> None:
    """Signs the member in as the e-mailed link would: a link token from the domain (hunters.member_login,
    without the mail or its hourly limits, which repeated runs would hit), then the portal's own sign-in page."""
    import re

    from hunters.member_login import issue_link

    with db.transaction() as session:
        token = issue_link(session, member_id=member_id)
    form = client.get(f"/jeger/inn/{token}").text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', form)
    assert csrf is not None, form[:300]
    answer = client.post(f"/jeger/inn/{token}", data={"csrf_token": csrf.group(1)}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/jeger/", answer.text[:300]


def measure(seeded: Seeded, requests: int, only: list[str]) -> dict[str, tuple[float, float, int]]:
    """name -> (p50 ms, p95 ms, requests timed), for the rows whose name contains one of `only` (all if none)."""
    found = {}
    for name, call in requests_of(seeded).items():
        if only and not any(part in name for part in only) and name != "bare SELECT count(*)":
            continue
        samples = timed(call, requests)
        found[name] = (*percentiles(samples), len(samples))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--small", type=int, default=SMALL)
    parser.add_argument("--national", type=int, default=NATIONAL)
    parser.add_argument(
        "--quick", action="store_true", help="2,000 against 10,000 companies, 3 requests each"
    )
    parser.add_argument(
        "--only", action="append", default=[], help="time only the rows whose name contains this (repeatable)"
    )
    args = parser.parse_args()
    if args.quick:
        args.requests, args.small, args.national = 3, 2_000, SMALL
    small, national = ensure(args.small), ensure(args.national)
    for seeded in (small, national):
        took = f"seeded in {seeded.seconds:.0f} s" if seeded.seconds else "reused"
        print(f"{seeded.url.rsplit('/', 1)[-1]}: {seeded.shape.companies:,} companies, {took}")
    at_small, at_national = (
        measure(small, args.requests, args.only),
        measure(national, args.requests, args.only),
    )
    label = f"{args.national:,}"
    print(
        f"\n{'request':<40} {'p50 small':>9} {'p95 small':>9} {'p50 ' + label:>14} {'p95 ' + label:>14} "
        f"{'p95 ×':>6}  {'n':>5}  goal ≤{PAGE_RATIO:g}×   (ms; n: requests timed, small/national)"
    )
    for name, (p50_small, p95_small, n_small) in at_small.items():
        p50_big, p95_big, n_big = at_national[name]
        ratio = p95_big / p95_small
        print(
            f"{name:<40} {p50_small:>9.1f} {p95_small:>9.1f} {p50_big:>14.1f} {p95_big:>14.1f} {ratio:>5.2f}×"
            f"  {n_small}/{n_big}"
        )
        # A count over the whole register grows with it by nature: the audience count's goal is the one below,
        # against a bare count of the same companies, and the bare count is the baseline itself.
        if name not in ("bare SELECT count(*)", "audience count"):
            goal(
                f"pages: p95 {name}",
                f"{ratio:.2f}× ({p95_big:.0f} ms at {label}, {p95_small:.0f} ms at {args.small:,})",
                f"≤ {PAGE_RATIO:g}×",
                ratio <= PAGE_RATIO,
            )
    if "audience count" not in at_national:
        return
    audience, bare = at_national["audience count"][1], at_national["bare SELECT count(*)"][1]
    goal(
        "pages: audience count vs bare count(*)",
        f"{audience / bare:.2f}× ({audience:.0f} ms, count(*) {bare:.0f} ms, p95 at {label})",
        f"≤ {AUDIENCE_RATIO:g}×",
        audience / bare <= AUDIENCE_RATIO,
    )


if __name__ == "__main__":
    main()
