"""Writes mapped units in batches: one SELECT per batch finds the stored rows, then bulk INSERT/UPDATE.

New rows (nearly all of a first import) go through the driver's own `executemany`, the same path as a bare
baseline insert; SQLAlchemy's per-row parameter processing would otherwise cost more than the database.
Updates are rare and go through SQLAlchemy's bulk UPDATE by primary key.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from store.models import SQLITE_DATETIME, Company, Contact, ContactKind, utcnow
from store.secrets import AddressHasher

from .mapping import Mapped

COMPARED = (
    "name",
    "org_form",
    "nace_code",
    "employees",
    "business_street",
    "business_postcode",
    "business_city",
    "postal_street",
    "postal_postcode",
    "postal_city",
    "postal_country",
    "municipality_number",
    "county_number",
    "phone",
    "mobile",
    "email",
    "website",
    "language",
    "bankrupt",
    "winding_up",
    "deleted_on",
)
COMPANY_DEFAULTS: dict[str, Any] = {column: None for column in COMPARED} | {
    "language": "nb",
    "bankrupt": False,
    "winding_up": False,
    "is_training_company": False,
}
COMPANY_INSERT = ("orgnr", *COMPARED, "is_training_company", "created_at", "updated_at")
CONTACT_INSERT = ("company_id", "kind", "address", "address_hash", "is_mobile", "source", "created_at")
REGISTER = "register"  # Contact.source of the addresses this importer writes
REGISTER_KINDS = {ContactKind.PHONE.value, ContactKind.EMAIL.value}


def _register_addresses(row: Any, mapped: Mapped) -> set[tuple[str, str]]:
    """(kind, address) of the stored company's phone, mobile and e-mail once this unit is applied; a field the
    file lacks keeps its stored value, so it keeps its contact too."""
    phone, email = ContactKind.PHONE.value, ContactKind.EMAIL.value
    merged = {
        column: mapped.values.get(column, getattr(row, column)) for column in ("phone", "mobile", "email")
    }
    pairs = {(phone, merged["phone"]), (phone, merged["mobile"]), (email, merged["email"])}
    return {(kind, address) for kind, address in pairs if address}


class CompanyWriter:
    def __init__(self, session: Session, hasher: AddressHasher, batch_size: int = 2000) -> None:
        self.session = session
        self.hasher = hasher
        self.batch_size = batch_size
        self.buffer: dict[str, Mapped] = {}
        self.imported = self.updated = self.unchanged = 0
        self.sqlite = session.get_bind().dialect.name == "sqlite"

    def add(self, mapped: Mapped) -> None:
        if mapped.orgnr in self.buffer:  # the same unit twice in a file: the later one wins, in order
            self.flush()
        self.buffer[mapped.orgnr] = mapped
        if len(self.buffer) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self.buffer:
            return
        batch, self.buffer = self.buffer, {}
        columns = [getattr(Company, c) for c in COMPARED]
        stored = {
            row.orgnr: row
            for row in self.session.execute(
                select(Company.id, Company.orgnr, *columns).where(Company.orgnr.in_(list(batch)))
            )
        }
        now = utcnow()
        stamp = self._timestamp(now)
        inserts: list[tuple[Any, ...]] = []
        updates: list[dict[str, Any]] = []
        company_ids: dict[str, int] = {row.orgnr: row.id for row in stored.values()}
        current: dict[int, set[tuple[str, str]]] = {}  # stored company id -> its register addresses now
        for orgnr, mapped in batch.items():
            row = stored.get(orgnr)
            if row is None:
                values = COMPANY_DEFAULTS | mapped.values
                inserts.append((*(values[c] for c in COMPANY_INSERT[:-2]), stamp, stamp))
                continue
            current[row.id] = _register_addresses(row, mapped)
            changed = {k: v for k, v in mapped.values.items() if k != "orgnr" and getattr(row, k) != v}
            if changed:
                updates.append({"id": row.id, "updated_at": now, **changed})
            else:
                self.unchanged += 1
        if inserts:
            self._executemany(Company.__table__, COMPANY_INSERT, inserts)  # type: ignore[arg-type]
            new = [o for o in batch if o not in stored]
            found = self.session.execute(select(Company.orgnr, Company.id).where(Company.orgnr.in_(new)))
            company_ids.update(found.tuples().all())
        if updates:
            self.session.execute(update(Company), updates)
        self.imported += len(inserts)
        self.updated += len(updates)
        self._write_contacts(
            batch, company_ids, new={o for o in batch if o not in stored}, stamp=stamp, current=current
        )

    def _timestamp(self, now: datetime) -> Any:
        # The same text SQLAlchemy's SQLite DateTime writes (naive UTC); PostgreSQL takes the aware value.
        return now.strftime(SQLITE_DATETIME) if self.sqlite else now

    def _executemany(self, table: Table, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
        marker = "?" if self.sqlite else "%s"
        sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join([marker] * len(columns))})"
        self.session.connection().exec_driver_sql(sql, rows)

    def _write_contacts(
        self,
        batch: dict[str, Mapped],
        company_ids: dict[str, int],
        new: set[str],
        stamp: Any,
        current: dict[int, set[tuple[str, str]]],
    ) -> None:
        """Adds the file's addresses and keeps `replaced_at` in step with the register.

        A stored company's register contacts that are no longer its phone, mobile or e-mail (after this file)
        are marked replaced; one the file brings back is current again. Contacts from other sources (a chat,
        a registration) are the company's own word and never touched.
        """
        wanted: list[tuple[int, str, str, bool]] = []
        for orgnr, mapped in batch.items():
            cid = company_ids[orgnr]
            wanted += [
                (cid, ContactKind.PHONE.value, e164, mobile) for e164, mobile in mapped.contacts.phones
            ]
            if mapped.contacts.email:
                wanted.append((cid, ContactKind.EMAIL.value, mapped.contacts.email, False))
        old_ids = [company_ids[o] for o in batch if o not in new]
        existing: set[tuple[int | None, str, str]] = set()
        replaced: list[int] = []
        restored: list[int] = []
        if old_ids:
            found = self.session.execute(
                select(
                    Contact.id,
                    Contact.company_id,
                    Contact.kind,
                    Contact.address,
                    Contact.source,
                    Contact.replaced_at,
                ).where(Contact.company_id.in_(old_ids))
            ).tuples()
            for contact_id, owner, contact_kind, contact_address, source, replaced_at in found:
                key = (owner, ContactKind(contact_kind).value, contact_address)
                existing.add(key)
                if source != REGISTER or key[1] not in REGISTER_KINDS:
                    continue
                is_current = (key[1], contact_address) in current.get(owner or 0, set())
                if is_current and replaced_at is not None:
                    restored.append(contact_id)
                elif not is_current and replaced_at is None:
                    replaced.append(contact_id)
        for ids, value in ((replaced, utcnow()), (restored, None)):
            if ids:
                self.session.execute(
                    update(Contact)
                    .where(Contact.id.in_(ids))
                    .values(replaced_at=value)
                    .execution_options(synchronize_session=False)
                )
        rows: list[tuple[Any, ...]] = []
        for cid, kind, address, mobile in wanted:
            key = (cid, kind, address)
            if key in existing:
                continue
            existing.add(key)  # the same number as both telefon and mobil is one contact
            rows.append((cid, kind, address, self.hasher(kind, address), mobile, REGISTER, stamp))
        if rows:
            self._executemany(Contact.__table__, CONTACT_INSERT, rows)  # type: ignore[arg-type]
