"""Opt-outs: per address, effective at once across every campaign and channel (PRODUCT §3, §5)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam
from sqlalchemy import select
from sqlalchemy import text
from sqlalchemy.orm import Session

from store.models import ContactKind
from store.models import OptOut
from store.models import UTCDateTime
from store.models import utcnow
from store.secrets import AddressHasher

# Written as text: SQLAlchemy cannot cache INSERT ... ON CONFLICT constructs, and compiling one on every STOPP
# was most of its cost. Both SQLite and PostgreSQL speak this SQL. RETURNING, because rowcount is not
# reliable for ON CONFLICT across drivers; a returned id is.
OPT_OUT_INSERT = text(
    "INSERT INTO opt_out (kind, address_hash, address, source, created_at) "
    "VALUES (:kind, :address_hash, :address, :source, :created_at) "
    "ON CONFLICT (address_hash) DO NOTHING RETURNING id"
).bindparams(
    bindparam("kind", type_=OptOut.__table__.c.kind.type), bindparam("created_at", type_=UTCDateTime())
)


def record_opt_out(
    session: Session, *, hasher: AddressHasher, kind: ContactKind, address: str, source: str
) -> bool:
    """Records an opt-out; returns True when it is new. Two concurrent STOPPs leave one row."""
    inserted = session.execute(
        OPT_OUT_INSERT,
        {
            "kind": kind,
            "address_hash": hasher(kind, address),
            "address": address,
            "source": source,
            "created_at": utcnow(),
        },
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
