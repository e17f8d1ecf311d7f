"""Secrets generated into the database on first run, and the keyed hash of addresses."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from store.models import AppSecret
from store.models import ContactKind

SECRET_KEY = "secret_key"
ADDRESS_KEY = "address_hash_key"


def get_or_create_secret(session: Session, name: str) -> str:
    """Returns the named secret, creating it once; safe when two processes start at the same time."""
    value = session.scalar(select(AppSecret.value).where(AppSecret.name == name))
    if value is not None:
        return value
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(
        insert(AppSecret).values(name=name, value=secrets.token_urlsafe(48)).on_conflict_do_nothing()
    )
    session.commit()
    return session.scalars(select(AppSecret.value).where(AppSecret.name == name)).one()


def secret_key(session: Session, configured: str | None) -> str:
    """SECRET_KEY from the settings, else the one generated into the database."""
    return configured or get_or_create_secret(session, SECRET_KEY)


def address_hash(key: str, kind: ContactKind | str, address: str) -> str:
    """Keyed hash of a normalised address: lets opt-outs outlive an erase without keeping the address."""
    message = f"{ContactKind(kind).value}:{address.strip().lower()}".encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()


_HASHERS: dict[str, AddressHasher] = {}


class AddressHasher:
    """Binds the database's address key once per process or request."""

    def __init__(self, key: str) -> None:
        self._key = key
        self._base = hmac.new(key.encode(), digestmod=hashlib.sha256)  # copied per call: no re-keying

    @classmethod
    def load(cls, session: Session) -> AddressHasher:
        """The database's hasher; the key never changes once made, so it is read once per database."""
        bind = session.get_bind()
        url = str(bind.engine.url)
        hasher = _HASHERS.get(url)
        if hasher is None:
            hasher = _HASHERS[url] = cls(get_or_create_secret(session, ADDRESS_KEY))
        return hasher

    def __call__(self, kind: ContactKind | str, address: str) -> str:
        mac = self._base.copy()
        mac.update(f"{ContactKind(kind).value}:{address.strip().lower()}".encode())
        return mac.hexdigest()
