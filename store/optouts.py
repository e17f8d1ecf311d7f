"""Opt-outs: per address, effective at once across every campaign and channel (PRODUCT §3, §5)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from .models import ContactKind, OptOut
from .secrets import AddressHasher


def record_opt_out(
    session: Session, *, hasher: AddressHasher, kind: ContactKind, address: str, source: str
) -> bool:
    """Records an opt-out; returns True when it is new. Two concurrent STOPPs leave one row."""
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    inserted = session.execute(
        insert(OptOut)
        .values(kind=kind, address_hash=hasher(kind, address), address=address, source=source)
        .on_conflict_do_nothing(index_elements=["address_hash"])
        .returning(OptOut.id)  # rowcount is not reliable for ON CONFLICT across drivers; a returned id is
    ).first()
    return inserted is not None


def is_opted_out(session: Session, *, hasher: AddressHasher, kind: ContactKind, address: str) -> bool:
    digest = hasher(kind, address)
    return session.scalar(select(OptOut.id).where(OptOut.address_hash == digest)) is not None


def opted_out_hashes(session: Session, hashes: Iterable[str]) -> set[str]:
    """Which of these address hashes are opted out (one query, for batches)."""
    wanted = list(set(hashes))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update(session.scalars(select(OptOut.address_hash).where(OptOut.address_hash.in_(chunk))))
    return found
