"""One-click unsubscribe from our e-mail (RFC 8058): the link every e-mail carries, and what it does.

The link holds the outbox message's id, signed with SECRET_KEY (HMAC-SHA256 via itsdangerous, salted for this
use only): unguessable, unforgeable, and it names exactly one address, the one that message went to. It keeps
working as long as the message row keeps its address; after a privacy erase or the retention clean-up it is
expired, and we have nothing left to opt out anyway. Opening the link (GET) only asks; mail scanners fetch
links, so only a POST, from the mail client's one-click button or our page's button, opts the address out.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from itsdangerous import BadData
from itsdangerous import URLSafeSerializer
from sqlalchemy.orm import Session

from companies.optout_records import record_opt_out
from store.models import Channel
from store.models import ContactKind
from store.models import Message
from store.secrets import AddressHasher

SALT = "list-unsubscribe"
SOURCE = "list-unsubscribe"  # opt_out.source
PATH = "/avmeld"
_TOKEN = re.compile(r"[A-Za-z0-9_.-]{8,200}")


class InvalidUnsubscribeLink(ValueError):
    """The token is malformed, forged, or names a message that no longer holds an e-mail address."""


@dataclass(frozen=True)
class Unsubscribed:
    address: str
    language: str  # the e-mail's language: the page answers in it
    new: bool  # False when the address had opted out already


@dataclass(frozen=True)
class Recipient:
    address: str
    language: str


class UnsubscribeLinks:
    """Makes and reads the links; one per process, bound to the secret and PUBLIC_BASE_URL."""

    def __init__(self, *, secret: str, base_url: str) -> None:
        self._serializer = URLSafeSerializer(
            secret, salt=SALT, signer_kwargs={"digest_method": hashlib.sha256}
        )
        self.base_url = base_url.rstrip("/")

    def token(self, message_id: int) -> str:
        return str(self._serializer.dumps(message_id))

    def url(self, message_id: int) -> str:
        return f"{self.base_url}{PATH}/{self.token(message_id)}"

    def message_id(self, token: str) -> int:
        """Raises InvalidUnsubscribeLink unless `token` is one we signed."""
        if not _TOKEN.fullmatch(token):
            raise InvalidUnsubscribeLink("malformed")
        try:
            value = self._serializer.loads(token)
        except BadData as exc:
            raise InvalidUnsubscribeLink("bad signature") from exc
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise InvalidUnsubscribeLink("not a message id")
        return value


def unsubscribe_address(session: Session, *, links: UnsubscribeLinks, token: str) -> Recipient:
    """The e-mail address the link was sent to, and the e-mail's language; raises InvalidUnsubscribeLink when
    there is none."""
    message = session.get(Message, links.message_id(token))
    if message is None or message.channel is not Channel.EMAIL or not message.address:
        raise InvalidUnsubscribeLink("no such e-mail")
    return Recipient(address=message.address, language=message.language)


def unsubscribe(session: Session, *, links: UnsubscribeLinks, token: str) -> Unsubscribed:
    """Opts out the one address the link names, for every campaign (PRODUCT §3); idempotent. Callers commit."""
    recipient = unsubscribe_address(session, links=links, token=token)
    hasher = AddressHasher.load(session)
    new = record_opt_out(
        session, hasher=hasher, kind=ContactKind.EMAIL, address=recipient.address, source=SOURCE
    )
    return Unsubscribed(address=recipient.address, language=recipient.language, new=new)
