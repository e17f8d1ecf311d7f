"""National-size data for measuring (issue 14): a PostgreSQL database of its own holding the whole register.

    python bench/national.py [--companies 1500000] [--seed 14] [--quick] [--force]

The full shape is 1,500,000 companies, a running SMS campaign of 200,000 messages in every outbox state (the
delivered ones with their delivery report: provider id, sent and delivered times), 20,000 replies, 5,000
completed registrations each with its lead, and 300 hunter organisations with members. `--companies N` scales
every count by N / 1,500,000, with enough leads from 10,000 companies up to fill every list's first page (the
pages benchmark compares the national database with a 10,000-company one of the same shape); `--quick` is 2,000
companies, for the test suite.

The rows are generated inside PostgreSQL (`INSERT … SELECT generate_series`): nothing crosses the wire, which
is faster than COPY from Python, and every value is a function of the row number and `--seed`, so the same
arguments give the same database. The campaign, the staff account and its API token go through the domain
(create_campaign, add_staff, create_api_token) so their stored forms are the real ones. The database is named
for its size and reused: a run that finds it seeded with the same shape and seed only applies migrations that
landed since (`--force` seeds it again). `BENCH_NATIONAL_PREFIX` names other databases of the same shape (two
branches with different migrations each measuring on its own copy, made by `createdb -T`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import asdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.databases import PG_URL  # noqa: E402
from bench.databases import database_url  # noqa: E402

NATIONAL = 1_500_000
QUICK = 2_000
STAFF_EMAIL = "bench@worldskills.no"
STAFF_PASSWORD = "bench-passord-for-maaling"
FULL_PAGES_FROM = 10_000  # companies; see Shape.scaled
SHAPE_VERSION = 1  # bump when the generated rows change, so cached databases are seeded again


@dataclass(frozen=True)
class Shape:
    companies: int
    messages: int
    replies: int
    registrations: int
    organisations: int
    seed: int
    version: int = SHAPE_VERSION

    @classmethod
    def scaled(cls, companies: int, seed: int) -> Shape:
        """The national shape scaled to `companies` (at least one row of each kind, 20 organisations).

        From 10,000 companies up, enough leads that every list's first page is as full as at national size
        (2,000 leads: the portal's organisation owns some 110 in its county, the API 100 of them), so the pages
        benchmark compares the same page over a larger register, not a full page with a third of one."""
        factor = companies / NATIONAL
        full_pages = companies >= FULL_PAGES_FROM

        def part(national: int, least: int = 1, full: int = 0) -> int:
            return max(round(national * factor), least, full if full_pages else 0)

        return cls(
            companies,
            part(200_000, full=7_000),  # 6 of 15 states are delivered: some 2,800 to reply to
            part(20_000, full=2_500),
            part(5_000, full=2_000),
            part(300, 20),
            seed,
        )


@dataclass
class Seeded:
    url: str
    shape: Shape
    campaign_id: int
    api_token: str
    seconds: float  # 0 when reused


def _ensure_database(name: str, *, drop: bool) -> None:
    from sqlalchemy import create_engine
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    admin = create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if drop:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        if conn.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}) is None:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()


def _stored(url: str) -> dict[str, object] | None:
    """What an earlier run recorded in the database, or None when it was never (completely) seeded."""
    from sqlalchemy import create_engine
    from sqlalchemy import text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT to_regclass('bench_shape') IS NOT NULL")).scalar()
            if not found:
                return None
            value = conn.execute(text("SELECT value FROM bench_shape")).scalar()
            return json.loads(value) if value else None
    finally:
        engine.dispose()


def _migrate(url: str) -> None:
    from store.db import Database
    from store.migrate import init_database

    db = Database(url)
    init_database(db.engine)
    db.dispose()


def ensure(companies: int = NATIONAL, *, seed: int = 14, force: bool = False) -> Seeded:
    """The seeded database for this shape, reused when an earlier run left it complete."""
    shape = Shape.scaled(companies, seed)
    name = f"{os.environ.get('BENCH_NATIONAL_PREFIX', 'bench_national')}_{companies}"
    url = database_url(name)
    wanted = {"shape": asdict(shape)}
    if not force:
        _ensure_database(name, drop=False)
        stored = _stored(url)
        if stored is not None and stored.get("shape") == wanted["shape"]:
            _migrate(
                url
            )  # a migration landed since (an index, a column): applied, not a reason to seed again
            return Seeded(url, shape, int(stored["campaign_id"]), str(stored["api_token"]), 0.0)  # type: ignore[call-overload]
    _ensure_database(name, drop=True)
    started = time.perf_counter()
    campaign_id, token = seed_database(url, shape)
    seconds = time.perf_counter() - started
    from sqlalchemy import create_engine
    from sqlalchemy import text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE bench_shape (value text NOT NULL)"))
        record = wanted | {"campaign_id": campaign_id, "api_token": token}
        conn.execute(text("INSERT INTO bench_shape VALUES (:v)"), {"v": json.dumps(record)})
    engine.dispose()
    return Seeded(url, shape, campaign_id, token, seconds)


def campaign_toml(name: str, at: str) -> str:
    """A two-step SMS campaign over every county and the trades' NACE codes, as staff would write it."""
    from demo.simulator import sms_invitation_steps

    return f"""\
name = "{name}"
language = "nb"

[window]
days = ["mon", "tue", "wed", "thu", "fri"]
start = "09:00"
end = "16:00"

[rate]
sms = 20

[audience]
nace = ["41", "42", "43", "25", "28", "33", "45", "16", "10", "56"]
employees = [1, 500]
exclude = ["opted_out", "registered", "training_company"]

{sms_invitation_steps(at)}"""


def seed_database(url: str, shape: Shape) -> tuple[int, str]:
    """Migrates and fills the database; returns (campaign id, API token)."""
    from sqlalchemy import text

    from campaigns.counts import fold_counts
    from campaigns.lifecycle import create_campaign
    from settings import Settings
    from staff.accounts import add_staff
    from staff.tokens import create_api_token
    from store.db import Database
    from store.migrate import init_database
    from store.models import StaffRole

    db = Database(url)
    init_database(db.engine)
    settings = Settings(_env_file=None, database_url=url)
    params = {"seed": str(shape.seed)}
    with db.transaction() as session:
        session.execute(text(MUNICIPALITY_INDEX))
        # The first companies before the campaign, so creating it (which renders its audience) stays small.
        session.execute(text(COMPANIES), params | {"first": 1, "last": min(shape.companies, 1_000)})
        user = add_staff(
            session, email=STAFF_EMAIL, role=StaffRole.ADMIN, password=STAFF_PASSWORD, name="Bench"
        )
        token = create_api_token(session, staff_id=user.id, name="bench")
    with db.transaction() as session:
        campaign = create_campaign(
            session,
            source=campaign_toml("Nasjonal kampanje 2026", _tomorrow()),
            filename="nasjonal.toml",
            settings=settings,
        ).campaign
        campaign_id = campaign.id
    with db.transaction() as session:
        if shape.companies > 1_000:
            session.execute(text(COMPANIES), params | {"first": 1_001, "last": shape.companies})
        for statement in (CONTACTS, LAUNCH, MESSAGES, REPLIES, OPT_OUTS, ORGANISATIONS, MEMBERS,
                          ORGANISATION_COUNTIES, REGISTRATIONS, REGISTRATION_TRADES, LEADS):  # fmt: skip
            session.execute(
                text(statement),
                params
                | {
                    "campaign": campaign_id,
                    "messages": shape.messages,
                    "replies": shape.replies,
                    "registrations": shape.registrations,
                    "organisations": shape.organisations,
                },
            )
        session.execute(text("DROP TABLE bench_municipality"))
        fold_counts(session)  # the triggers left a delta per message; a running scheduler folds them likewise
    db.dispose()
    from sqlalchemy import create_engine

    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("VACUUM ANALYZE"))
    engine.dispose()
    return campaign_id, token


def _tomorrow() -> str:
    """The first step's time as a staff member would give it: create refuses one in the past."""
    from datetime import date
    from datetime import timedelta

    return f"{date.today() + timedelta(days=1):%Y-%m-%d}T09:00"


# Every value below is a function of the row number n and :seed (h(n) = a stable hash), never of random().
MUNICIPALITY_INDEX = """
CREATE TEMPORARY TABLE bench_municipality AS
SELECT row_number() OVER (ORDER BY number) - 1 AS idx, number, county_number FROM municipality
"""
COMPANIES = """
INSERT INTO company (orgnr, name, org_form, nace_code, employees, business_street, business_postcode,
    business_city, municipality_number, county_number, phone, mobile, email, website, language,
    is_training_company, training_marked, bankrupt, winding_up, created_at, updated_at)
SELECT lpad((800000000 + n)::text, 9, '0'),
       'Bedrift ' || n || ' AS',
       (ARRAY['AS', 'AS', 'AS', 'ENK', 'ANS', 'DA', 'ASA', 'NUF'])[1 + abs(h) % 8],
       (ARRAY['41.200', '43.210', '43.220', '25.110', '28.290', '45.200', '56.101', '62.010', '47.110',
              '10.710', '16.100', '33.120', '42.110', '86.210', '70.220'])[1 + abs(h / 8) % 15],
       CASE WHEN abs(h) % 10 = 0 THEN NULL ELSE abs(h / 16) % 300 END,
       'Storgata ' || (1 + n % 200), lpad((abs(h / 32) % 9999)::text, 4, '0'), 'BYEN',
       m.number, m.county_number,
       CASE WHEN abs(h) % 3 = 0 THEN '+477' || lpad((n % 10000000)::text, 7, '0') END,
       CASE WHEN abs(h) % 4 <> 0 THEN '+479' || lpad((n % 10000000)::text, 7, '0') END,
       CASE WHEN abs(h) % 2 = 0 THEN 'post@bedrift' || n || '.no' END,
       NULL,
       CASE WHEN abs(h) % 10 = 0 THEN 'nn' ELSE 'nb' END,
       abs(h) % 50 = 0, false, false, false, now(), now()
FROM (SELECT n, hashtext(n::text || ':' || CAST(:seed AS text)) AS h FROM generate_series(CAST(:first AS integer), CAST(:last AS integer)) AS n) AS g
JOIN bench_municipality AS m ON m.idx = abs(g.h / 64) % (SELECT count(*) FROM bench_municipality)
"""
CONTACTS = """
INSERT INTO contact (company_id, kind, address, address_hash, is_mobile, source, created_at)
SELECT id, 'phone', mobile, md5('phone:' || mobile) || md5(mobile), true, 'register', now()
FROM company WHERE mobile IS NOT NULL
UNION ALL
SELECT id, 'phone', phone, md5('phone:' || phone) || md5(phone), false, 'register', now()
FROM company WHERE phone IS NOT NULL
UNION ALL
SELECT id, 'email', email, md5('email:' || email) || md5(email), false, 'register', now()
FROM company WHERE email IS NOT NULL
"""
LAUNCH = """
WITH launched AS (
    UPDATE campaign SET state = 'running', launched_at = now() - interval '10 days' WHERE id = :campaign
)
UPDATE campaign_step SET scheduled_for = now() - interval '10 days' + (position * interval '7 days'),
    materialized_at = CASE WHEN position = 0 THEN now() - interval '10 days' END
WHERE campaign_id = :campaign
"""
# The first step's outbox: one message per company with a mobile number, in every state the outbox knows.
MESSAGES = """
INSERT INTO message (kind, campaign_id, step_id, company_id, contact_id, channel, address, language, body,
    segments, encoding, state, priority, due_at, wait_reason, attempts, last_attempt_at, sent_at, delivered_at,
    state_changed_at, provider, provider_id, error_code, error, created_at)
SELECT 'outreach', :campaign, s.id, t.company_id, t.contact_id, 'sms', t.address, 'nb',
       'Hei! Vi søker lærebedrifter i ditt fag. Svar JA for å høre mer, eller STOPP.', 1, 'GSM-7',
       t.state, 10, t.due, CASE WHEN t.state = 'queued' THEN 'window' END,
       CASE WHEN t.state IN ('queued', 'skipped', 'cancelled') THEN 0 ELSE 1 END,
       CASE WHEN t.state NOT IN ('queued', 'skipped', 'cancelled') THEN t.due END,
       CASE WHEN t.state IN ('sent', 'delivered', 'failed', 'undelivered', 'unknown') THEN t.due END,
       CASE WHEN t.state = 'delivered' THEN t.due + interval '20 seconds' END,
       t.due, CASE WHEN t.state NOT IN ('queued', 'skipped', 'cancelled') THEN 'twilio' END,
       CASE WHEN t.state NOT IN ('queued', 'skipped', 'cancelled', 'sending')
            THEN 'SM' || md5(t.company_id::text || CAST(:seed AS text)) END,
       CASE WHEN t.state IN ('failed', 'undelivered') THEN '30003' END,
       CASE WHEN t.state IN ('failed', 'undelivered') THEN 'Unreachable destination handset' END,
       now() - interval '10 days'
FROM (
    SELECT c.company_id, c.id AS contact_id, c.address,
           now() - interval '10 days' + (row_number() OVER (ORDER BY c.company_id)) * interval '2 seconds' AS due,
           (ARRAY['delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'delivered', 'sent',
                  'queued', 'queued', 'failed', 'undelivered', 'skipped', 'cancelled', 'sending',
                  'unknown'])[1 + abs(hashtext(c.company_id::text || CAST(:seed AS text))) % 15] AS state
    FROM contact AS c WHERE c.kind = 'phone' AND c.is_mobile ORDER BY c.company_id LIMIT :messages
) AS t
CROSS JOIN (SELECT id FROM campaign_step WHERE campaign_id = :campaign AND position = 0) AS s
"""
# Replies to delivered messages: a quarter interested (they register below), the rest every other intent.
REPLIES = """
INSERT INTO reply (channel, sender, text, provider_id, received_at, company_id, campaign_id, message_id, intent,
    handled_at)
SELECT 'sms', m.address, i.text, 'SMr' || md5(m.id::text || CAST(:seed AS text)), m.delivered_at + interval '1 hour',
       m.company_id, :campaign, m.id, i.intent,
       CASE WHEN i.intent = 'free_text' AND m.id % 2 = 0 THEN m.delivered_at + interval '2 hours' END
FROM (SELECT *, row_number() OVER (ORDER BY id) - 1 AS k FROM message
      WHERE campaign_id = :campaign AND state = 'delivered' ORDER BY id LIMIT :replies) AS m
JOIN (VALUES (0, 'interested', 'JA'), (1, 'declined', 'NEI'), (2, 'opt_out', 'STOPP'),
             (3, 'free_text', 'Hva koster det å ha lærling?')) AS i (bucket, intent, text)
  ON i.bucket = CASE WHEN m.k < :registrations THEN 0 ELSE 1 + m.k % 3 END
"""
OPT_OUTS = """
UPDATE company SET do_not_contact_at = r.received_at, do_not_contact_source = 'sms'
FROM reply AS r WHERE r.company_id = company.id AND r.intent = 'opt_out'
"""
ORGANISATIONS = """
INSERT INTO hunter (org_name, type, orgnr, contact_name, phone, email, all_trades, state, created_at, decided_at)
SELECT 'Opplæringskontor ' || n,
       (ARRAY['union', 'trade_body', 'training_office', 'school', 'municipality', 'county_council', 'nav',
              'other'])[1 + n % 8],
       lpad((900000000 + n)::text, 9, '0'), 'Leder ' || n, '+4791' || lpad(n::text, 6, '0'),
       'kontor' || n || '@example.no', n % 5 = 0,
       (ARRAY['approved', 'approved', 'approved', 'pending', 'rejected'])[1 + n % 5],
       now() - interval '60 days', now() - interval '59 days'
FROM generate_series(1, CAST(:organisations AS integer)) AS n
"""
MEMBERS = """
INSERT INTO hunter_member (hunter_id, name, email, phone, notice_channel, notice_mode, created_at)
SELECT h.id, 'Medlem ' || h.id || '-' || k, 'medlem' || h.id || '-' || k || '@example.no',
       '+4792' || lpad((h.id * 10 + k)::text, 6, '0'), (ARRAY['email', 'sms'])[1 + k % 2],
       (ARRAY['instant', 'digest'])[1 + (h.id + k) % 2], now() - interval '59 days'
FROM hunter AS h CROSS JOIN generate_series(1, 3) AS k WHERE k <= 1 + h.id % 3
"""
ORGANISATION_COUNTIES = """
INSERT INTO hunter_county (hunter_id, county_number)
SELECT h.id, c.number
FROM hunter AS h
JOIN (SELECT number, row_number() OVER (ORDER BY number) - 1 AS idx FROM county) AS c
  ON c.idx = h.id % (SELECT count(*) FROM county)
"""
REGISTRATIONS = """
INSERT INTO registration (company_id, campaign_id, source, contact_name, phone, email, places,
    adult_apprentices, start, consent, consent_at, completed_at, created_at, updated_at, verified)
SELECT r.company_id, :campaign, 'sms', 'Kontakt ' || r.company_id, r.sender, 'post@bedrift' || r.company_id || '.no',
       1 + r.id % 3, r.id % 4 = 0, 'august', true, r.received_at, r.received_at + interval '10 minutes',
       r.received_at, r.received_at + interval '10 minutes', true
FROM reply AS r WHERE r.campaign_id = :campaign AND r.intent = 'interested'
"""
REGISTRATION_TRADES = """
INSERT INTO registration_trade (registration_id, trade_id)
SELECT r.id, t.id
FROM registration AS r
JOIN (SELECT id, row_number() OVER (ORDER BY id) - 1 AS idx FROM trade) AS t
  ON t.idx = r.id % (SELECT count(*) FROM trade)
"""
# One lead per registration, in every state; a claimed one belongs to an approved organisation of its county.
LEADS = """
INSERT INTO lead (registration_id, company_id, county_number, state, hunter_id, claimed_at, outcome_at,
    announce_count, created_at, updated_at)
SELECT r.id, r.company_id, c.county_number, s.state,
       CASE WHEN s.state <> 'new' THEN (SELECT hc.hunter_id FROM hunter_county AS hc
            JOIN hunter AS h ON h.id = hc.hunter_id AND h.state = 'approved'
            WHERE hc.county_number = c.county_number ORDER BY hc.hunter_id LIMIT 1) END,
       CASE WHEN s.state <> 'new' THEN r.completed_at + interval '1 day' END,
       CASE WHEN s.state NOT IN ('new', 'claimed', 'contacted') THEN r.completed_at + interval '5 days' END,
       1, r.completed_at, r.completed_at + interval '1 day'
FROM registration AS r
JOIN company AS c ON c.id = r.company_id
JOIN (VALUES (0, 'new'), (1, 'claimed'), (2, 'contacted'), (3, 'became_training_company'), (4, 'declined'),
             (5, 'no_answer')) AS s (bucket, state) ON s.bucket = r.id % 6
"""


def counts(url: str) -> dict[str, int]:
    """Rows per table that the shape promises, read back from the database."""
    from sqlalchemy import create_engine
    from sqlalchemy import text

    engine = create_engine(url)
    tables = ("company", "contact", "message", "reply", "registration", "lead", "hunter", "hunter_member")
    with engine.connect() as conn:
        found = {t: int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() or 0) for t in tables}
        found["message_states"] = int(
            conn.execute(text("SELECT count(DISTINCT state) FROM message")).scalar() or 0
        )
    engine.dispose()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--companies", type=int, default=NATIONAL)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--quick", action="store_true", help=f"{QUICK:,} companies (the test suite's run)")
    parser.add_argument("--force", action="store_true", help="seed again even when the database is complete")
    args = parser.parse_args()
    companies = QUICK if args.quick else args.companies
    seeded = ensure(companies, seed=args.seed, force=args.force)
    took = f"seeded in {seeded.seconds:.1f} s" if seeded.seconds else "reused"
    print(f"{seeded.url.rsplit('/', 1)[-1]}: {took}; {json.dumps(counts(seeded.url))}")


if __name__ == "__main__":
    main()
