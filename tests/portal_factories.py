"""Members of hunter organisations for the portal tests, and a signed-in portal client."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from store.db import Database
from store.models import Channel
from store.models import Hunter
from store.models import HunterMember
from store.models import Message
from store.models import NoticeChannel
from store.models import NoticeMode

_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
_LINK = re.compile(r"/jeger/inn/([A-Za-z0-9_-]+)")


def make_member(
    session: Session,
    *,
    hunter: Hunter,
    name: str = "Kari Jeger",
    email: str | None = "kari@jeger.no",
    phone: str | None = "+4791111111",
    channel: NoticeChannel = NoticeChannel.EMAIL,
    mode: NoticeMode = NoticeMode.INSTANT,
    chat_id: str | None = None,
) -> HunterMember:
    member = HunterMember(
        hunter_id=hunter.id, name=name, email=email, phone=phone, notice_channel=channel, notice_mode=mode,
        telegram_chat_id=chat_id,
    )  # fmt: skip
    session.add(member)
    session.flush()
    session.refresh(hunter)
    return member


def csrf(client: TestClient, path: str = "/jeger/logg-inn") -> str:
    found = _CSRF.search(client.get(path).text)
    assert found, f"no CSRF token on {path}"
    return found.group(1)


def last_link(db: Database, email: str) -> str:
    """The token of the newest sign-in link e-mailed to `email` (as the sandbox shows it)."""
    with db.session() as session:
        body = session.scalars(
            select(Message.body)
            .where(Message.channel == Channel.EMAIL, Message.address == email)
            .order_by(Message.id.desc())
        ).first()
    found = _LINK.search(body or "")
    assert found, f"no sign-in link in {body!r}"
    return found.group(1)


def sign_in(client: TestClient, db: Database, email: str = "kari@jeger.no") -> None:
    """Signs the client in by the e-mail link, as a member would."""
    response = client.post("/jeger/logg-inn", data={"address": email, "csrf_token": csrf(client)})
    assert response.status_code == 200, response.text
    token = last_link(db, email)
    page_token = csrf(client, f"/jeger/inn/{token}")
    response = client.post(f"/jeger/inn/{token}", data={"csrf_token": page_token}, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert response.headers["location"] == "/jeger/"
