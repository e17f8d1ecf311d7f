"""The one interface every provider adapter keeps, and the typed results of a send.

An adapter's `send` never raises for provider trouble: it interprets the provider's answer in one place and
returns one of `Sent`, `RetryLater`, `Failed`, `OptedOut` or `Unknown`. The dispatcher decides what to do with it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from typing import Any
from typing import Protocol

from store.models import Channel


@dataclass(frozen=True)
class OutgoingMessage:
    """What an adapter needs to send one outbox row; built by the dispatcher from `store.models.Message`."""

    message_id: int
    channel: Channel
    address: str | None
    body: str
    subject: str | None = None
    html: str | None = None
    # Channel specifics: Telegram `buttons` ([[{"text", "callback_data"}]]), e-mail `letter_html` for the PDF.
    extra: Mapping[str, Any] = field(default_factory=dict)
    # E-mail: the recipient's own one-click unsubscribe link (List-Unsubscribe, RFC 8058).
    unsubscribe_url: str | None = None


@dataclass(frozen=True)
class Sent:
    provider: str
    provider_id: str
    status: str = "sent"  # the provider's first status (Twilio: queued/accepted/sent)


@dataclass(frozen=True)
class RetryLater:
    """A transient failure (429, 5xx, timeout, RetryAfter): try again, not before `retry_after` seconds."""

    reason: str
    retry_after: float | None = None
    code: str | None = None


@dataclass(frozen=True)
class Failed:
    """A permanent failure; `invalid_address` flags the contact so it is not used again."""

    reason: str
    code: str | None = None
    invalid_address: bool = False


@dataclass(frozen=True)
class OptedOut:
    """The provider says the recipient has opted out (Twilio 21610, Telegram blocked): record it locally."""

    reason: str
    code: str | None = None


@dataclass(frozen=True)
class Unknown:
    """No answer after the request may have reached the provider (a timeout, a dropped connection mid-request):
    it may have gone out. Never resent blindly; reconciliation asks the provider, or staff decide."""

    reason: str


SendResult = Sent | RetryLater | Failed | OptedOut | Unknown


@dataclass(frozen=True)
class ProviderMessage:
    """A message as the provider lists it, used to reconcile `unknown` outbox rows."""

    provider_id: str
    to: str
    body: str
    status: str
    created_at: datetime | None
    error_code: str | None = None


class ChannelAdapter(Protocol):
    """Sends one message on one channel. `provider` names it in the outbox (twilio, telegram, smtp, sandbox)."""

    provider: str

    async def send(self, message: OutgoingMessage) -> SendResult: ...

    async def close(self) -> None: ...
