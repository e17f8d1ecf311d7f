"""SMS through Twilio Programmable Messaging (PRODUCT §4). Twilio's answers are interpreted here, once.

A request that got no answer may still have been accepted, so a timeout or a connection lost mid-request is
`Unknown`, never a blind retry: reconciliation lists the number's recent messages and decides. Only a
connection that never opened is safe to retry.
"""

from __future__ import annotations

import logging
from datetime import datetime
from datetime import timedelta

import aiohttp
from twilio.base.exceptions import TwilioRestException
from twilio.rest import Client

from channels.base import Failed
from channels.base import OptedOut
from channels.base import OutgoingMessage
from channels.base import ProviderMessage
from channels.base import RetryLater
from channels.base import SendResult
from channels.base import Sent
from channels.base import Unknown
from channels.twilio_http import LAST_RETRY_AFTER
from channels.twilio_http import AioTwilioClient
from channels.twilio_webhooks import valid_twilio_signature
from settings import Settings

__all__ = ["TwilioSms", "interpret_error", "valid_twilio_signature"]
log = logging.getLogger(__name__)

STATUS_PATH = "/webhooks/twilio/status"
OPTED_OUT = {21610}  # the recipient replied STOP to our sender
INVALID_NUMBER = {21211, 21214, 21217, 21401, 21407, 21408, 21612, 21614, 21265, 21266}
RETRYABLE = {20429, 20500, 20503, 30001}
CLOCK_SKEW = timedelta(minutes=1)  # between our clock and Twilio's date_created
LIST_PAGE_SIZE = 50
LIST_LIMIT = 200  # newest first: a number gets a handful of messages a campaign, so four pages is plenty


def interpret_error(
    status: int, code: int | None, message: str, retry_after: float | None = None
) -> SendResult:
    """Maps a Twilio error to what the dispatcher should do; retries skip permanent errors."""
    text = f"Twilio {code or status}: {message}"
    if code in OPTED_OUT:
        return OptedOut(reason=text, code=str(code))
    if code in INVALID_NUMBER:
        return Failed(reason=text, code=str(code), invalid_address=True)
    if status == 429 or status >= 500 or code in RETRYABLE:
        return RetryLater(reason=text, retry_after=retry_after, code=str(code or status))
    return Failed(reason=text, code=str(code or status))


class TwilioSms:
    provider = "twilio"

    def __init__(self, settings: Settings, *, timeout: float = 15.0) -> None:
        if not (settings.twilio_messaging_service_sid or settings.twilio_from):
            raise ValueError("TWILIO_MESSAGING_SERVICE_SID or TWILIO_FROM must be set to send SMS")
        self.settings = settings
        self.http = AioTwilioClient(base_url=settings.twilio_api_base, timeout=timeout)
        self.client = Client(settings.twilio_account_sid, settings.twilio_auth_token, http_client=self.http)
        # The library imports its API modules on first access (a tenth of a second): here, not in the middle
        # of the first paced sends, where the event loop would stall.
        self.messages = self.client.messages
        self.status_callback = settings.public_base_url + STATUS_PATH

    def _sender(self) -> dict[str, str]:
        if self.settings.twilio_messaging_service_sid:
            return {"messaging_service_sid": self.settings.twilio_messaging_service_sid}
        return {"from_": self.settings.twilio_from or ""}

    async def send(self, message: OutgoingMessage) -> SendResult:
        if not message.address:
            return Failed(reason="no phone number", invalid_address=True)
        try:
            created = await self.messages.create_async(
                to=message.address, body=message.body, status_callback=self.status_callback, **self._sender()
            )
        except TwilioRestException as exc:
            return interpret_error(exc.status, exc.code, exc.msg, LAST_RETRY_AFTER.get())
        except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as exc:
            return RetryLater(reason=f"Twilio unreachable: {exc.__class__.__name__}")  # nothing was sent
        except (TimeoutError, aiohttp.ClientError) as exc:
            return Unknown(reason=f"no answer from Twilio ({exc.__class__.__name__}); it may have been sent")
        return Sent(provider=self.provider, provider_id=created.sid or "", status=created.status or "queued")

    async def find_sent(self, to: str, since: datetime, body: str | None = None) -> list[ProviderMessage]:
        """Our messages to `to` created since `since` (less clock skew), newest first: how reconciliation
        learns what went out. Listed by number without a DateSent filter: Twilio leaves DateSent empty while a
        message is queued or accepted, so such a filter would miss exactly the messages in doubt."""
        sender: dict[str, str] = {}
        if not self.settings.twilio_messaging_service_sid and self.settings.twilio_from:
            sender["from_"] = self.settings.twilio_from
        found = await self.messages.list_async(to=to, page_size=LIST_PAGE_SIZE, limit=LIST_LIMIT, **sender)
        earliest = since - CLOCK_SKEW
        service = self.settings.twilio_messaging_service_sid
        matches = []
        for m in found:
            if m.date_created is not None and m.date_created < earliest:
                continue
            if service and m.messaging_service_sid and m.messaging_service_sid != service:
                continue
            if body is not None and m.body is not None and m.body != body:
                continue
            matches.append(
                ProviderMessage(
                    provider_id=m.sid or "",
                    to=m.to or to,
                    body=m.body or "",
                    status=str(m.status or ""),
                    created_at=m.date_created,
                    error_code=str(m.error_code) if m.error_code else None,
                )
            )
        return matches

    async def close(self) -> None:
        await self.http.close()
