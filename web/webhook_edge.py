"""One verified edge per provider: FastAPI dependencies that a webhook route declares instead of repeating
the checks. Each counts the request, caps the body, authenticates it, and reads it into a typed value.

Refusals: 413 for a body over the cap, 403 for a forged or unconfigured request (the provider does not
retry those forever, and nothing is read from them). An authentic request that cannot be acted on is counted
and logged (webhook_input.ignore) and the dependency gives None: the route acknowledges it with a 2xx, or the
provider would retry it for ever.

The dependencies are async and read the settings from the app's state: FastAPI runs plain-function
dependencies in its threadpool, and two thread hops per webhook were an eighth of an inbound SMS's time.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Any
from typing import Generic
from typing import TypeVar

from fastapi import HTTPException
from fastapi import Request

from channels.twilio_webhooks import valid_twilio_signature
from metrics.instruments import WEBHOOK_REJECTIONS
from metrics.instruments import WEBHOOK_REQUESTS
from settings import Settings
from web.body import MAX_BODY
from web.body import read_limited
from web.webhook_input import Ignored
from web.webhook_input import ignore
from web.webhook_input import parse_form
from web.webhook_input import update_fields

T = TypeVar("T")
TELEGRAM_SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def _refuse(webhook: str, reason: str, status: int, text: str) -> HTTPException:
    WEBHOOK_REJECTIONS.labels(webhook=webhook, reason=reason).inc()
    return HTTPException(status, text)


async def _body(request: Request, webhook: str) -> bytes:
    body = await read_limited(request, MAX_BODY)
    if body is None:
        raise _refuse(webhook, "too_large", 413, "Payload too large")
    return body


def _read(webhook: str, read: Callable[[Any], T], raw: Any) -> T | None:
    try:
        return read(raw)
    except Ignored as exc:
        ignore(webhook, exc)
        return None


class TwilioWebhook(Generic[T]):
    """The request's form, signed by Twilio over PUBLIC_BASE_URL + `path`, read by `read` (None: ignored)."""

    def __init__(self, webhook: str, path: str, read: Callable[[dict[str, str]], T]) -> None:
        self.webhook, self.path, self.read = webhook, path, read

    async def __call__(self, request: Request) -> T | None:
        settings: Settings = request.app.state.settings
        WEBHOOK_REQUESTS.labels(webhook=self.webhook).inc()
        body = await _body(request, self.webhook)
        # Twilio posts application/x-www-form-urlencoded; the stream is consumed, so parse the bytes we kept.
        form = parse_form(body)
        signature = request.headers.get("X-Twilio-Signature")
        if not valid_twilio_signature(settings, self.path, form, signature, request.url.query):
            raise _refuse(self.webhook, "signature", 403, "Forbidden")
        return _read(self.webhook, self.read, form)


class TelegramWebhook:
    """The update Telegram posted with our secret token, as python-telegram-bot reads it (None: ignored)."""

    webhook = "telegram"  # the label in jeger_webhook_requests_total and jeger_webhook_rejections_total

    async def __call__(self, request: Request) -> dict[str, Any] | None:
        settings: Settings = request.app.state.settings
        WEBHOOK_REQUESTS.labels(webhook=self.webhook).inc()
        expected = settings.telegram_webhook_secret
        if settings.telegram_mode != "webhook" or not expected:
            raise _refuse(self.webhook, "not_configured", 403, "webhook mode is not configured")
        given = request.headers.get(TELEGRAM_SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), expected.encode()):
            raise _refuse(self.webhook, "secret", 403, "forbidden")
        return _read(self.webhook, update_fields, await _body(request, self.webhook))
