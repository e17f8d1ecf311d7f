"""Companies per campaign stage maintained by triggers (issue 14, item 3)

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-06 03:00:00.000000

The funnel (campaign page, /admin/results) and the outcome report counted DISTINCT companies per campaign,
county and stage by reading the whole outbox, the replies, registrations and leads on every request: at
national size (200,000 messages) 12-20× slower than at 10,000 companies. Two tables keep those counts:

- `campaign_stage`: one row per (company, campaign, measure) the company has reached, with how many source rows
  put it there (`value`; for the summed measures, their sum) and the key it is counted under: the company's
  county, municipality and NACE code, and the trades its completed registrations in the campaign name
  (`trade_key`, the outcome report's trades for a registered company), so a count moves when the company or
  its registration does, and a removal finds its key after the company is gone. `campaign_key` 0 is "any
  campaign" (the funnel of all campaigns counts a company once), for the funnel's measures only.
- `campaign_stage_count`: append-only deltas per (campaign_key, measure, county, NACE code of a company that
  registered no trade, trade_key), as 0021's `message_count` and for the same reasons (an UPDATE of one counter
  row per county would serialise the dispatch workers); a company measure adds +1 when its `value` leaves 0
  and -1 when it returns to 0, a summed measure adds its amount. `campaigns.stages.fold_stage_counts` folds
  them (with the outbox's counts, every minute). No municipality: a national campaign's 45,000 keys become
  6,900 (bench database); a local campaign's report by municipality reads `campaign_stage`.

The source triggers (message, reply, registration, lead; generated below from one table of contributions, the
same table the backfill counts with) write each contribution as a row into `campaign_stage_event`, whose own
trigger applies it (PostgreSQL: BEFORE INSERT returning NULL, so the row is never stored; SQLite: AFTER INSERT,
then deleted), so the apply logic is written once per dialect. An UPDATE adds the new row's contributions before
it removes the old row's, so a change that leaves a company's stage as it was adds no delta. A lead's campaign
is its registration's: the registration's triggers carry its leads when its campaign changes (a campaign's
deletion sets it NULL) and remove them BEFORE it is deleted, as the cascade then deletes the leads when their
registration is no longer there to name the campaign.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SUMMED = ("registrations", "places", "adult_places", "claimed_leads", "became_leads")
FUNNEL = ("targeted", "sent", "delivered", "replied", "started", "claimed", "became")
SUMMED_SQL = ", ".join(f"'{m}'" for m in SUMMED)
PLACE = "county_number, municipality_number, nace_code"

_OUTREACH = "{r}.kind = 'outreach' AND {r}.company_id IS NOT NULL AND {r}.campaign_id IS NOT NULL"
_REPLY = (
    "{r}.company_id IS NOT NULL AND {r}.campaign_id IS NOT NULL AND {r}.intent IN "
    "('interested', 'declined', 'opt_out', 'help', 'free_text', 'answer')"
)
_DONE = "{r}.campaign_id IS NOT NULL AND {r}.completed_at IS NOT NULL"
_CLAIMED = "{r}.state IN ('claimed', 'contacted', 'became_training_company', 'declined', 'no_answer')"
_BECAME = "{r}.state = 'became_training_company'"
_LEAD_CAMPAIGN = "(SELECT campaign_id FROM registration WHERE registration.id = {r}.registration_id)"

# table -> (campaign, company, measure, amount, condition), with {r} the row (OLD, NEW, or the table itself).
CONTRIBUTIONS: dict[str, list[tuple[str, str, str, str, str]]] = {
    "message": [
        ("{r}.campaign_id", "{r}.company_id", "targeted", "1", _OUTREACH),
        ("{r}.campaign_id", "{r}.company_id", "sent", "1",
         _OUTREACH + " AND {r}.state IN ('sent', 'delivered', 'undelivered')"),
        ("{r}.campaign_id", "{r}.company_id", "delivered", "1",
         _OUTREACH + " AND ({r}.state = 'delivered' OR ({r}.state = 'sent' AND "
         "({r}.channel IN ('letter', 'email') OR {r}.provider = 'sandbox')))"),
    ],
    "reply": [
        ("{r}.campaign_id", "{r}.company_id", "replied", "1", _REPLY),
        ("{r}.campaign_id", "{r}.company_id", "interested", "1", _REPLY + " AND {r}.intent = 'interested'"),
    ],
    "registration": [
        ("{r}.campaign_id", "{r}.company_id", "started", "1", "{r}.campaign_id IS NOT NULL"),
        ("{r}.campaign_id", "{r}.company_id", "interested", "1", "{r}.campaign_id IS NOT NULL"),
        ("{r}.campaign_id", "{r}.company_id", "registrations", "1", _DONE),
        ("{r}.campaign_id", "{r}.company_id", "places", "coalesce({r}.places, {r}.adult_places, 0)", _DONE),
        ("{r}.campaign_id", "{r}.company_id", "adult_places", "coalesce({r}.adult_places, 0)", _DONE),
    ],
    "lead": [
        (_LEAD_CAMPAIGN, "{r}.company_id", "claimed", "1", _CLAIMED),
        (_LEAD_CAMPAIGN, "{r}.company_id", "claimed_leads", "1", _CLAIMED),
        (_LEAD_CAMPAIGN, "{r}.company_id", "became", "1", _BECAME),
        (_LEAD_CAMPAIGN, "{r}.company_id", "became_leads", "1", _BECAME),
    ],
}  # fmt: skip

# The columns whose change can change a row's contributions.
WATCHED = {
    "message": ("kind", "company_id", "campaign_id", "state", "channel", "provider"),
    "reply": ("company_id", "campaign_id", "intent"),
    "registration": ("company_id", "campaign_id", "completed_at", "places", "adult_places"),
    "lead": ("company_id", "registration_id", "state"),
}


def _selects(
    table: str, row: str, sign: str, *, source: str = "", unless: tuple[str, bool] | None = None
) -> list[str]:
    """SELECTs of (campaign_key, company_id, measure, amount) rows: each contribution of `row`, and again
    under campaign_key 0 for the funnel's measures. `source`: a FROM clause (the backfill's table). `unless`:
    (the other row of an UPDATE, PostgreSQL?): leave out a contribution the other row makes alike (a message
    that goes from queued to sent stays targeted: 2 events instead of 6). Marking 10,000 messages sent in one
    UPDATE on the national bench database took 7.5 s with every contribution, 3.6 s with only the changed
    ones, 1.3 s without these triggers."""
    selects = []
    for campaign, company, measure, amount, condition in CONTRIBUTIONS[table]:
        c, where = campaign.format(r=row), condition.format(r=row)
        if unless is not None:
            where += f" AND NOT {_same(campaign, company, amount, condition, row, *unless)}"
        keys = [c, "0"] if measure in FUNNEL else [c]
        for key in keys:
            selects.append(
                f"SELECT {key} AS campaign_key, {company.format(r=row)} AS company_id, '{measure}' AS measure, "
                f"{sign}({amount.format(r=row)}) AS amount {source}"
                f"WHERE {where} AND {c} IS NOT NULL AND ({amount.format(r=row)}) <> 0"
            )
    return selects


def _same(campaign: str, company: str, amount: str, condition: str, row: str, other: str, pg: bool) -> str:
    """True when `other` makes the same contribution as `row` (same campaign, company and amount)."""
    same = "IS NOT DISTINCT FROM" if pg else "IS"
    parts = [f"({condition.format(r=other)})"] + [
        f"{part.format(r=other)} {same} {part.format(r=row)}" for part in (campaign, company, f"({amount})")
    ]
    return f"COALESCE({' AND '.join(parts)}, {'false' if pg else '0'})"


def _registration_leads(row: str, sign: str) -> list[str]:
    """A registration's leads' contributions under the registration's campaign (`row`: OLD or NEW)."""
    selects = []
    for _campaign, _company, measure, amount, condition in CONTRIBUTIONS["lead"]:
        keys = [f"{row}.campaign_id", "0"] if measure in FUNNEL else [f"{row}.campaign_id"]
        for key in keys:
            selects.append(
                f"SELECT {key}, l.company_id, '{measure}', {sign}{amount} FROM lead l "
                f"WHERE l.registration_id = {row}.id AND {row}.campaign_id IS NOT NULL AND "
                + condition.format(r="l")
            )
    return selects


def _events(selects: list[str]) -> str:
    return "".join(
        f"INSERT INTO campaign_stage_event (campaign_key, company_id, measure, amount) {s};\n" for s in selects
    )


def _changed(table: str, distinct: str) -> str:
    return " OR ".join(f"OLD.{c} {distinct} NEW.{c}" for c in WATCHED.get(table, ()))


STORED = f"{PLACE}, trade_key"  # a company's key: its place, NACE code and the trades it registered
COUNTED = "county_number, nace_code, trade_key"  # the counts' key: no municipality, no NACE code once registered


def _counted(county: str, nace: str, trades: str) -> str:
    """The counts' key of a company of that county, NACE code and registered trades."""
    return f"{county}, CASE WHEN {trades} IS NULL THEN {nace} END, {trades}"


def _trades(company: str, campaign: str, pg: bool) -> str:
    """The trades the company's completed registrations in the campaign name, as the ids in order joined by
    commas (NULL: none): the outcome report counts a registered company under them, not its NACE code."""
    ids = "trade_id::text" if pg else "trade_id"
    concat = f"string_agg({ids}, ',' ORDER BY trade_id)" if pg else "group_concat(trade_id, ',')"
    return (
        f"(SELECT {concat} FROM (SELECT DISTINCT rt.trade_id FROM registration r JOIN registration_trade rt "
        f"ON rt.registration_id = r.id WHERE r.company_id = {company} AND r.campaign_id = {campaign} "
        "AND r.completed_at IS NOT NULL ORDER BY rt.trade_id) AS t)"
    )


def _differs(pg: bool) -> str:
    return "IS DISTINCT FROM" if pg else "IS NOT"


# Applies one event (NEW: campaign_key, company_id, measure, amount) to `campaign_stage` and its counts.
def _pg_apply() -> str:
    return f"""
CREATE FUNCTION campaign_stage_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v bigint; cn varchar; nc varchar; tk varchar; d bigint;
    summed boolean := NEW.measure IN ({SUMMED_SQL});
BEGIN
    IF NEW.amount > 0 THEN
        INSERT INTO campaign_stage AS s (company_id, campaign_key, measure, value, {STORED})
        SELECT NEW.company_id, NEW.campaign_key, NEW.measure, NEW.amount, {PLACE},
        {_trades("NEW.company_id", "NEW.campaign_key", True)} FROM company WHERE company.id = NEW.company_id
        ON CONFLICT (company_id, campaign_key, measure) DO UPDATE SET value = s.value + EXCLUDED.value
        RETURNING s.value, s.county_number, s.nace_code, s.trade_key INTO v, cn, nc, tk;
        IF NOT FOUND THEN RETURN NULL; END IF;
        d := CASE WHEN summed THEN NEW.amount WHEN v = NEW.amount THEN 1 ELSE 0 END;
    ELSE
        UPDATE campaign_stage SET value = value + NEW.amount
        WHERE company_id = NEW.company_id AND campaign_key = NEW.campaign_key AND measure = NEW.measure
        RETURNING value, county_number, nace_code, trade_key INTO v, cn, nc, tk;
        IF NOT FOUND THEN RETURN NULL; END IF;
        IF v = 0 THEN
            DELETE FROM campaign_stage
            WHERE company_id = NEW.company_id AND campaign_key = NEW.campaign_key AND measure = NEW.measure;
        END IF;
        d := CASE WHEN summed THEN NEW.amount WHEN v = 0 THEN -1 ELSE 0 END;
    END IF;
    IF d <> 0 THEN
        INSERT INTO campaign_stage_count (campaign_key, measure, {COUNTED}, delta)
        VALUES (NEW.campaign_key, NEW.measure, {_counted("cn", "nc", "tk")}, d);
    END IF;
    RETURN NULL;
END
$$
"""


_KEY = "s.company_id = NEW.company_id AND s.campaign_key = NEW.campaign_key AND s.measure = NEW.measure"
_SUMMED = f"NEW.measure IN ({SUMMED_SQL})"
_COUNTED_S = _counted("s.county_number", "s.nace_code", "s.trade_key")
# The row first (value 0 if new, with the company's key), so both counts take the key the row holds.
SQLITE_APPLY = f"""
CREATE TRIGGER campaign_stage_apply AFTER INSERT ON campaign_stage_event BEGIN
    INSERT INTO campaign_stage (company_id, campaign_key, measure, value, {STORED})
    SELECT NEW.company_id, NEW.campaign_key, NEW.measure, 0, {PLACE},
    {_trades("NEW.company_id", "NEW.campaign_key", False)} FROM company
    WHERE NEW.amount > 0 AND company.id = NEW.company_id
    ON CONFLICT (company_id, campaign_key, measure) DO NOTHING;
    INSERT INTO campaign_stage_count (campaign_key, measure, {COUNTED}, delta)
    SELECT s.campaign_key, s.measure, {_COUNTED_S}, CASE WHEN {_SUMMED} THEN NEW.amount ELSE 1 END
    FROM campaign_stage s WHERE NEW.amount > 0 AND {_KEY} AND ({_SUMMED} OR s.value = 0);
    UPDATE campaign_stage SET value = value + NEW.amount
    WHERE company_id = NEW.company_id AND campaign_key = NEW.campaign_key AND measure = NEW.measure;
    INSERT INTO campaign_stage_count (campaign_key, measure, {COUNTED}, delta)
    SELECT s.campaign_key, s.measure, {_COUNTED_S}, CASE WHEN {_SUMMED} THEN NEW.amount ELSE -1 END
    FROM campaign_stage s WHERE NEW.amount < 0 AND {_KEY} AND ({_SUMMED} OR s.value = 0);
    DELETE FROM campaign_stage WHERE value = 0
    AND company_id = NEW.company_id AND campaign_key = NEW.campaign_key AND measure = NEW.measure;
    DELETE FROM campaign_stage_event WHERE rowid = NEW.rowid;
END
"""

# A company that moves (county, municipality, NACE code) takes its counts along.
_MOVE_VALUE = f"CASE WHEN measure IN ({SUMMED_SQL}) THEN value ELSE 1 END"
_COUNTED_OWN = _counted("county_number", "nace_code", "trade_key")
MOVE_COMPANY = (
    f"INSERT INTO campaign_stage_count (campaign_key, measure, {COUNTED}, delta) "
    f"SELECT campaign_key, measure, {_COUNTED_OWN}, -{_MOVE_VALUE} FROM campaign_stage WHERE company_id = NEW.id "
    f"UNION ALL SELECT campaign_key, measure, {_counted('NEW.county_number', 'NEW.nace_code', 'trade_key')}, "
    f"{_MOVE_VALUE} FROM campaign_stage WHERE company_id = NEW.id;\n"
    "UPDATE campaign_stage SET county_number = NEW.county_number, municipality_number = "
    "NEW.municipality_number, nace_code = NEW.nace_code WHERE company_id = NEW.id;\n"
)
COMPANY_MOVED = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in PLACE.split(", "))


def _retrade(company: str, campaign: str, pg: bool) -> str:
    """A company whose registered trades in the campaign changed takes its counts of the campaign along."""
    trades = _trades(company, campaign, pg)
    where = f"company_id = {company} AND campaign_key = {campaign} AND trade_key {_differs(pg)} {trades}"
    return (
        f"INSERT INTO campaign_stage_count (campaign_key, measure, {COUNTED}, delta) "
        f"SELECT campaign_key, measure, {_COUNTED_OWN}, -{_MOVE_VALUE} FROM campaign_stage WHERE {where} "
        f"UNION ALL SELECT campaign_key, measure, {_counted('county_number', 'nace_code', trades)}, {_MOVE_VALUE} "
        "FROM campaign_stage "
        f"WHERE {where};\nUPDATE campaign_stage SET trade_key = {trades} WHERE {where};\n"
    )


def _bodies(table: str, pg: bool) -> dict[str, str]:
    """Trigger name suffix -> the statements it runs (insert, update, delete; a registration's leads)."""
    if table == "registration_trade":
        company, campaign = (f"(SELECT {c} FROM registration WHERE id = {{r}}.registration_id)" for c in ("company_id", "campaign_id"))  # fmt: skip
        return {
            "insert": _retrade(company.format(r="NEW"), campaign.format(r="NEW"), pg),
            "delete": _retrade(company.format(r="OLD"), campaign.format(r="OLD"), pg),
        }
    bodies = {
        "insert": _events(_selects(table, "NEW", "")),
        "update": _events(
            _selects(table, "NEW", "", unless=("OLD", pg)) + _selects(table, "OLD", "-", unless=("NEW", pg))
        ),
        "delete": _events(_selects(table, "OLD", "-")),
    }
    if table == "registration":
        bodies["update"] += _retrade("OLD.company_id", "OLD.campaign_id", pg)
        bodies["update"] += _retrade("NEW.company_id", "NEW.campaign_id", pg)
        bodies["delete"] += _retrade("OLD.company_id", "OLD.campaign_id", pg)
        bodies["leads_update"] = _events(_registration_leads("NEW", "") + _registration_leads("OLD", "-"))
        bodies["leads_delete"] = _events(_registration_leads("OLD", "-"))
    return bodies


TRIGGERED = [*CONTRIBUTIONS, "registration_trade"]


def _pg_triggers(table: str) -> list[str]:
    statements = []
    when = {
        "update": f"WHEN ({_changed(table, 'IS DISTINCT FROM')})",
        "leads_update": "WHEN (OLD.campaign_id IS DISTINCT FROM NEW.campaign_id)",
    }
    timing = {"insert": "AFTER INSERT", "update": "AFTER UPDATE", "delete": "AFTER DELETE",
              "leads_update": "AFTER UPDATE", "leads_delete": "BEFORE DELETE"}  # fmt: skip
    for suffix, body in _bodies(table, True).items():
        name = f"{table}_stage_{suffix}"
        returns = "OLD" if timing[suffix].startswith("BEFORE") else "NULL"
        statements.append(
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n{body}RETURN {returns};\n"
            "END\n$$"
        )
        statements.append(
            f"CREATE TRIGGER {name} {timing[suffix]} ON {table} FOR EACH ROW {when.get(suffix, '')} "
            f"EXECUTE FUNCTION {name}()"
        )
    return statements


def _sqlite_triggers(table: str) -> list[str]:
    statements = []
    timing = {
        "insert": "AFTER INSERT",
        "update": f"AFTER UPDATE OF {', '.join(WATCHED.get(table, ()))}",
        "delete": "AFTER DELETE",
        "leads_update": "AFTER UPDATE OF campaign_id",
        "leads_delete": "BEFORE DELETE",
    }
    when = {"update": f"WHEN {_changed(table, 'IS NOT')}", "leads_update": "WHEN OLD.campaign_id IS NOT NEW.campaign_id"}
    for suffix, body in _bodies(table, False).items():
        statements.append(
            f"CREATE TRIGGER {table}_stage_{suffix} {timing[suffix]} ON {table} FOR EACH ROW "
            f"{when.get(suffix, '')} BEGIN\n{body}END"
        )
    return statements


def _names() -> list[tuple[str, str]]:
    """(trigger name, its table) of every trigger this migration creates."""
    names = [(f"{t}_stage_{s}", t) for t in TRIGGERED for s in _bodies(t, False)]
    return [*names, ("company_stage_move", "company"), ("campaign_stage_apply", "campaign_stage_event")]


def _key_columns(*, municipality: bool) -> list[sa.Column[str]]:
    """The key a company is stored under (STORED), or counted under (COUNTED: no municipality)."""
    place = [("county_number", 2), *([("municipality_number", 4)] if municipality else []), ("nace_code", 10)]
    return [sa.Column(name, sa.String(size), nullable=True) for name, size in [*place, ("trade_key", 200)]]


def _entry(amount: str) -> list[sa.Column[int] | sa.Column[str]]:
    """A company, a campaign (0: any), a measure and how much: a stored stage or an event."""
    return [
        sa.Column("company_id", sa.Integer(), nullable=False),
        sa.Column("campaign_key", sa.Integer(), nullable=False),
        sa.Column("measure", sa.String(20), nullable=False),
        sa.Column(amount, sa.BigInteger(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "campaign_stage",
        *_entry("value"),
        *_key_columns(municipality=True),
        sa.PrimaryKeyConstraint("company_id", "campaign_key", "measure", name=op.f("pk_campaign_stage")),
    )
    op.create_table(
        "campaign_stage_count",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True),
        sa.Column("campaign_key", sa.Integer(), nullable=False),
        sa.Column("measure", sa.String(20), nullable=False),
        *_key_columns(municipality=False),
        sa.Column("delta", sa.BigInteger(), nullable=False),
    )
    op.create_index("ix_campaign_stage_campaign", "campaign_stage", ["campaign_key"])
    op.create_index("ix_campaign_stage_count_campaign", "campaign_stage_count", ["campaign_key", "measure"])
    op.create_table(
        "campaign_stage_event",
        *_entry("amount"),
    )
    if _pg():
        # Locks out writers while the backfill counts, so no change falls between count and trigger.
        op.execute("LOCK TABLE company, message, reply, registration, lead IN SHARE ROW EXCLUSIVE MODE")
        op.execute(_pg_apply())
        op.execute(
            "CREATE TRIGGER campaign_stage_apply BEFORE INSERT ON campaign_stage_event FOR EACH ROW "
            "EXECUTE FUNCTION campaign_stage_apply()"
        )
        op.execute(
            "CREATE FUNCTION company_stage_move() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
            f"{MOVE_COMPANY}RETURN NULL;\nEND\n$$"
        )
        moved = COMPANY_MOVED.replace(" IS NOT ", " IS DISTINCT FROM ")
        op.execute(
            f"CREATE TRIGGER company_stage_move AFTER UPDATE ON company FOR EACH ROW WHEN ({moved}) "
            "EXECUTE FUNCTION company_stage_move()"
        )
        for table in TRIGGERED:
            for statement in _pg_triggers(table):
                op.execute(statement)
    else:
        op.execute(SQLITE_APPLY)
        op.execute(
            f"CREATE TRIGGER company_stage_move AFTER UPDATE OF {PLACE} ON company FOR EACH ROW "
            f"WHEN {COMPANY_MOVED} BEGIN\n{MOVE_COMPANY}END"
        )
        for table in TRIGGERED:
            for statement in _sqlite_triggers(table):
                op.execute(statement)
    _backfill()


def _backfill() -> None:
    sources = " UNION ALL ".join(
        s for table in CONTRIBUTIONS for s in _selects(table, table, "", source=f"FROM {table} ")
    )
    op.execute(
        f"INSERT INTO campaign_stage (company_id, campaign_key, measure, value, {PLACE}) "
        f"SELECT e.company_id, e.campaign_key, e.measure, sum(e.amount), c.county_number, "
        f"c.municipality_number, c.nace_code FROM ({sources}) AS e "
        "JOIN company c ON c.id = e.company_id "
        "GROUP BY e.company_id, e.campaign_key, e.measure, c.county_number, c.municipality_number, c.nace_code "
        "HAVING sum(e.amount) <> 0"
    )
    trades = _trades("campaign_stage.company_id", "campaign_stage.campaign_key", _pg())
    op.execute(
        f"UPDATE campaign_stage SET trade_key = {trades} WHERE campaign_key <> 0 AND company_id IN "
        "(SELECT company_id FROM registration WHERE completed_at IS NOT NULL)"
    )
    op.execute(
        f"INSERT INTO campaign_stage_count (campaign_key, measure, {COUNTED}, delta) "
        f"SELECT campaign_key, measure, {COUNTED}, sum(value) FROM (SELECT campaign_key, measure, "
        "county_number, CASE WHEN trade_key IS NULL THEN nace_code END AS nace_code, trade_key, "
        f"{_MOVE_VALUE} AS value "
        f"FROM campaign_stage) AS s GROUP BY campaign_key, measure, {COUNTED}"
    )
    if _pg():
        # Without statistics the planner takes the new tables for empty and scans them whole.
        op.execute("ANALYZE campaign_stage, campaign_stage_count")


def downgrade() -> None:
    for name, table in _names():
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if _pg() else ""))
        if _pg():
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    op.drop_table("campaign_stage_event")
    op.drop_index("ix_campaign_stage_count_campaign", table_name="campaign_stage_count")
    op.drop_table("campaign_stage_count")
    op.drop_index("ix_campaign_stage_campaign", table_name="campaign_stage")
    op.drop_table("campaign_stage")


def _pg() -> bool:
    return op.get_bind().dialect.name == "postgresql"
