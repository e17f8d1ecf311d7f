"""Dependencies shared by the routes: the database session, the settings of this app, and the language an API
client asks for."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends
from fastapi import Header
from fastapi import Request
from sqlalchemy.orm import Session

from settings import Settings
from store.db import Database
from store.languages import DEFAULT_LANGUAGE

# Language tags a client may send for ours: "no" is how many systems still name bokmål.
_TAGS = {"nb": "nb", "no": "nb", "nn": "nn", "en": "en"}
_MAX_HEADER = 500  # characters of Accept-Language read; the rest of a hostile header is ignored


def get_db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(db: Annotated[Database, Depends(get_db)]) -> Iterator[Session]:
    with db.session() as session:
        yield session


DbDep = Annotated[Database, Depends(get_db)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session)]


def accepted_language(header: str | None) -> str:
    """The first of our languages an `Accept-Language` header asks for, by its q-values (RFC 9110 §12.5.4), else
    bokmål: an API client reads the texts meant for people (why a campaign paused, why messages wait, a refusal)
    in its language, and a client that says nothing reads them in bokmål as before. A malformed item is skipped,
    never refused: the header only chooses words."""
    wanted: list[tuple[float, int, str]] = []
    for order, item in enumerate((header or "")[:_MAX_HEADER].split(",")):
        tag, _, params = item.strip().partition(";")
        language = _TAGS.get(tag.strip().lower().split("-")[0])
        if language is None:
            continue
        quality = 1.0
        name, _, value = params.strip().partition("=")
        if name.strip().lower() == "q":
            try:
                quality = float(value)
            except ValueError:
                continue
        if 0 < quality <= 1:
            wanted.append((-quality, order, language))
    return min(wanted)[2] if wanted else DEFAULT_LANGUAGE


def get_language(accept_language: Annotated[str | None, Header()] = None) -> str:
    return accepted_language(accept_language)


LanguageDep = Annotated[str, Depends(get_language)]
