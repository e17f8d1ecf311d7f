"""Approved training companies (PRODUCT §11): `jeger import training-companies`, and the one rule for the flag.

The rule: a company is a training company when the register or a hunter's outcome says so
(`Company.training_marked`) or a county's list approves it for a trade (`training_approval`).
`Company.is_training_company` is kept equal to that rule by the functions here, so the audience's
`exclude = ["training_company"]` stays a plain column test over a million-row register.

A file is its county's whole list: approvals of a county the file covers that are missing from it are withdrawn,
except for an orgnr whose row in this file was rejected (a typo in a trade must not withdraw the company). An
orgnr we do not know yet is kept and counts from the moment the company is imported. A second run of the same
file changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Iterable
from dataclasses import asdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement
from sqlalchemy import and_
from sqlalchemy import delete
from sqlalchemy import exists
from sqlalchemy import insert
from sqlalchemy import not_
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session
from stdnum.no import orgnr as orgnr_check

from catalogue.phrases import Phrase
from catalogue.phrases import said
from companies.rejects_file import commit_then_rename
from companies.rejects_file import open_beside
from companies.training_files import ListRow
from companies.training_files import TrainingFileError
from companies.training_files import fold
from companies.training_files import read_list
from exports.tables import CsvWriter
from store.db import Database
from store.models import Company
from store.models import County
from store.models import Trade
from store.models import TrainingApproval
from store.models import utcnow

CHUNK = 500  # orgnrs per IN (...): well inside every driver's parameter limit

__all__ = ["TrainingFileError", "TrainingImportSummary", "import_training_companies"]


@dataclass
class TrainingImportSummary:
    """What `--json` prints; `added` and `withdrawn` are shown in the text output only."""

    read: int = 0
    matched: int = 0  # valid rows whose orgnr is a company we have
    unknown: int = 0  # valid rows whose orgnr we do not have yet: kept for when it is imported
    rejected: int = 0
    rejects_file: str = ""
    added: int = 0
    withdrawn: int = 0
    counties: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        return {key: value for key, value in asdict(self).items() if key in JSON_KEYS}


JSON_KEYS = ("read", "matched", "unknown", "rejected", "rejects_file")


def default_rejects_path(path: Path) -> Path:
    return path.with_name(path.name + ".rejects.csv")


class TradeMatcher:
    """Finds a trade by code where the file has one, else by name, without regard to case or accents.

    A code is the trade's exam code (PRT3004) or an Udir programme-area code (TIPRT3----), whose letters 3-6
    are the exam code's first four. A name may leave out "-faget"/"-et" ("Produksjonsteknikk").
    """

    def __init__(self, trades: Iterable[Trade]) -> None:
        self.by_code: dict[str, int] = {}
        stems: dict[str, set[int]] = {}
        names: dict[str, set[int]] = {}
        for trade in trades:
            if trade.exam_code:
                self.by_code[trade.exam_code.upper()] = trade.id
                stems.setdefault(trade.exam_code.upper()[:4], set()).add(trade.id)
            folded = fold(trade.name)
            for variant in {folded, folded.removesuffix("faget"), folded.removesuffix("et")}:
                if variant:
                    names.setdefault(variant, set()).add(trade.id)
        # A short form two trades share names neither of them.
        self.by_stem = {stem: next(iter(ids)) for stem, ids in stems.items() if len(ids) == 1}
        self.by_name = {name: next(iter(ids)) for name, ids in names.items() if len(ids) == 1}

    def find(self, *, code: str | None, name: str | None) -> int | None:
        if code:
            key = code.strip().upper().replace(" ", "")
            found = self.by_code.get(key)
            if found is None and len(key) == 10 and key[2:6].isalnum():
                found = self.by_stem.get(key[2:6])
            if found is not None:
                return found
        return self.by_name.get(fold(name)) if name else None


def county_lookup(counties: Iterable[County]) -> dict[str, str]:
    """Folded number, name and each of a county's names in its languages -> county number."""
    found: dict[str, str] = {}
    for county in counties:
        found[county.number] = county.number
        found[fold(county.name)] = county.number
        for part in county.name.split(" - "):
            found[fold(part)] = county.number
    return found


def find_county(text: str | None, lookup: dict[str, str]) -> str | None:
    if not text:
        return None
    cleaned = text.strip()
    if cleaned.isdigit():
        return lookup.get(cleaned.zfill(2))
    key = fold(cleaned)
    if key.isdigit():
        return None  # "+55" or "=55" is not a county number, and folding must not make it one
    for suffix in ("fylkeskommune", "fylke"):
        key = key.removesuffix(suffix) or key
    return lookup.get(key)


def valid_orgnr(text: str | None) -> str | None:
    if not text:
        return None
    number = orgnr_check.compact(text).replace(".", "")
    return number if len(number) == 9 and orgnr_check.is_valid(number) else None


@dataclass(frozen=True)
class _Checked:
    row: ListRow
    orgnr: str | None
    county: str | None
    trade_id: int | None
    problems: tuple[Phrase, ...]


def _quoted(text: str) -> str:
    """A value from the file as a reason quotes it: short, so a hostile cell cannot bloat the rejects file."""
    return f"«{text[:60]}…»" if len(text) > 60 else f"«{text}»"


def _problem(key: str, given: str | None, wrong: str) -> Phrase:
    """`<key>_<wrong>` quoting what the row gives, or `<key>_missing` when it gives nothing."""
    return said(f"{key}_{wrong}", value=_quoted(given)) if given else said(f"{key}_missing")


def _check(row: ListRow, *, trades: TradeMatcher, counties: dict[str, str], county: str | None) -> _Checked:
    problems: list[Phrase] = []
    orgnr = valid_orgnr(row.orgnr)
    if orgnr is None:
        problems.append(_problem("training_orgnr", row.orgnr, "invalid"))
    where = find_county(row.county, counties) if row.county else county
    if where is None:
        problems.append(_problem("training_county", row.county, "unknown"))
    elif county is not None and where != county:
        problems.append(said("training_county_not_given", value=_quoted(row.county or ""), county=county))
        where = None
    trade_id = trades.find(code=row.code, name=row.name)
    if trade_id is None:
        given = " / ".join(t for t in (row.code, row.name) if t)
        problems.append(_problem("training_trade", given, "unknown"))
    return _Checked(row, orgnr, where, trade_id, tuple(problems))


def import_training_companies(
    *,
    db: Database,
    path: Path,
    rejects_path: Path | None = None,
    county: str | None = None,
    reasons: Callable[[Phrase], str] = str,
) -> TrainingImportSummary:
    """Imports one county list in one transaction; raises TrainingFileError (changing nothing) for a file that
    is not such a list. `county` stands in for a file without a county column (and must match one with it).
    The rejects file is renamed into place only after the commit; `reasons` writes its reasons (bokmål unless
    told)."""
    rejects_path = rejects_path or default_rejects_path(path)
    summary = TrainingImportSummary(rejects_file=str(rejects_path))
    with db.session() as session:
        counties = county_lookup(session.scalars(select(County)))
        if county is not None and find_county(county, counties) is None:
            raise TrainingFileError(path, "training_unknown_county_option", county=county)
        fixed = find_county(county, counties) if county is not None else None
        trades = TradeMatcher(session.scalars(select(Trade)))
        checked = [
            _check(row, trades=trades, counties=counties, county=fixed)
            for row in read_list(path, need_county=fixed is None)
        ]
        if not checked:
            raise TrainingFileError(path, "training_no_rows")
        temporary = _write_rejects(rejects_path, [c for c in checked if c.problems], reasons)
        with commit_then_rename(session, temporary, rejects_path):
            _apply(session, checked=checked, source=path.name, summary=summary)
    return summary


def _write_rejects(rejects_path: Path, rejected: list[_Checked], reasons: Callable[[Phrase], str]) -> Path:
    """Writes the rejects beside their target (so the rename is atomic), neutralised for spreadsheets."""
    try:
        temporary, handle = open_beside(rejects_path)
    except OSError as exc:
        raise TrainingFileError(rejects_path, "file_rejects_unwritable", reason=exc.strerror or "") from None
    with handle:
        writer = CsvWriter(handle)
        writer.writerow(["row", "orgnr", "reason"])
        for item in rejected:
            writer.writerow([item.row.row, item.row.orgnr or "", "; ".join(map(reasons, item.problems))])
    return temporary


def _apply(session: Session, *, checked: list[_Checked], source: str, summary: TrainingImportSummary) -> None:
    valid = [c for c in checked if not c.problems]
    summary.read = len(checked)
    summary.rejected = len(checked) - len(valid)
    wanted = {(c.orgnr, c.county, c.trade_id) for c in valid}
    covered = sorted({c.county for c in valid if c.county})
    summary.counties = tuple(covered)
    # A rejected row keeps its orgnr's approvals in its county (in every covered county if that was unreadable).
    protected = {(c.county, c.orgnr) for c in checked if c.problems and c.orgnr}
    known = _known_orgnrs(session, {c.orgnr for c in valid if c.orgnr})
    summary.matched = sum(1 for c in valid if c.orgnr in known)
    summary.unknown = len(valid) - summary.matched

    stored = {
        (row.orgnr, row.county_number, row.trade_id): row.id
        for row in session.execute(
            select(
                TrainingApproval.id,
                TrainingApproval.orgnr,
                TrainingApproval.county_number,
                TrainingApproval.trade_id,
            ).where(TrainingApproval.county_number.in_(covered))
        )
    }
    now = utcnow()
    new = [
        {"orgnr": o, "county_number": c, "trade_id": t, "source": source[:300], "imported_at": now}
        for (o, c, t) in sorted(wanted - stored.keys())
    ]
    gone = [
        (key, approval_id)
        for key, approval_id in stored.items()
        if key not in wanted and (key[1], key[0]) not in protected and (None, key[0]) not in protected
    ]
    if new:
        session.execute(insert(TrainingApproval), new)
    if gone:
        ids = [approval_id for _, approval_id in gone]
        for start in range(0, len(ids), CHUNK):
            session.execute(
                delete(TrainingApproval).where(TrainingApproval.id.in_(ids[start : start + CHUNK]))
            )
    summary.added, summary.withdrawn = len(new), len(gone)
    touched = {c.orgnr for c in valid if c.orgnr} | {key[0] for key, _ in gone}
    refresh_training_flags(session, orgnrs=touched)


def _known_orgnrs(session: Session, orgnrs: set[str]) -> set[str]:
    ordered, known = sorted(orgnrs), set()
    for start in range(0, len(ordered), CHUNK):
        part = ordered[start : start + CHUNK]
        known |= set(session.scalars(select(Company.orgnr).where(Company.orgnr.in_(part))))
    return known


def is_training_company() -> ColumnElement[bool]:
    """The rule, as SQL over `company`: marked by the register or a hunter, or approved by a county."""
    return or_(
        Company.training_marked.is_(True),
        exists().where(TrainingApproval.orgnr == Company.orgnr),
    )


def refresh_training_flags(session: Session, *, orgnrs: Iterable[str]) -> int:
    """Makes `is_training_company` follow the rule for these orgnrs; returns how many companies changed."""
    ordered, changed = sorted(set(orgnrs)), 0
    for start in range(0, len(ordered), CHUNK):
        part = Company.orgnr.in_(ordered[start : start + CHUNK])
        for value, condition in (
            (True, and_(Company.is_training_company.is_(False), is_training_company())),
            (False, and_(Company.is_training_company.is_(True), not_(is_training_company()))),
        ):
            result = session.execute(
                update(Company)
                .where(part, condition)
                .values(is_training_company=value)
                .execution_options(synchronize_session=False)
            )
            changed += result.rowcount  # type: ignore[attr-defined]
    session.expire_all()  # loaded companies must not keep the old flag
    return changed


def apply_approvals_to_imported(session: Session) -> int:
    """After a company import: a company an earlier county list approved becomes a training company.

    Driven from the (small) approval table, so it costs one index look-up per approval, not a register scan.
    """
    result = session.execute(
        update(Company)
        .where(
            Company.is_training_company.is_(False),
            Company.orgnr.in_(select(TrainingApproval.orgnr)),
        )
        .values(is_training_company=True)
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ApprovedTrade:
    trade: str
    county: str


def approved_trades(session: Session, *, orgnr: str) -> list[ApprovedTrade]:
    """The trades a company is approved for, with the county that approved each, for hunters and staff."""
    rows = session.execute(
        select(Trade.name, County.name)
        .join(TrainingApproval, TrainingApproval.trade_id == Trade.id)
        .join(County, County.number == TrainingApproval.county_number)
        .where(TrainingApproval.orgnr == orgnr)
        .order_by(Trade.name, County.name)
    ).tuples()
    return [ApprovedTrade(trade=trade, county=county.split(" - ")[0]) for trade, county in rows]
