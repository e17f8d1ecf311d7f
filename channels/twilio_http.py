"""HTTP clients for the `twilio` library that honour TWILIO_API_BASE.

The library hard-codes https://api.twilio.com (region and edge only rewrite it), and its documented way to
reach another host is a custom http client: these subclass the library's own clients and rewrite the URL.
"""

from __future__ import annotations

import base64
import logging
from contextvars import ContextVar
from datetime import UTC
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import aiohttp
from twilio.http import AsyncHttpClient
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response

TWILIO_HOST = "https://api.twilio.com"

# The `twilio` library drops response headers when it raises TwilioRestException, and Retry-After lives there.
# The client records each answer's Retry-After in the calling task's context, where the adapter reads it back
# right after the call; a context variable keeps concurrent sends from seeing each other's answers.
LAST_RETRY_AFTER: ContextVar[float | None] = ContextVar("twilio_last_retry_after", default=None)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Retry-After as seconds: either a number of seconds or an HTTP date (RFC 9110 §10.2.3)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max((moment - (now or datetime.now(UTC))).total_seconds(), 0.0)


def rewrite(url: str, base: str) -> str:
    return base.rstrip("/") + url[len(TWILIO_HOST) :] if url.startswith(TWILIO_HOST) else url


class AioTwilioClient(AsyncHttpClient):
    """An aiohttp client (as the library's own) with TWILIO_API_BASE and one pooled session, opened on first use (an
    aiohttp session belongs to the event loop that runs it). aiohttp keeps up at hundreds of concurrent
    requests where httpx's pool does not."""

    def __init__(
        self, *, base_url: str = TWILIO_HOST, timeout: float = 15.0, max_connections: int = 200
    ) -> None:
        super().__init__(logging.getLogger("twilio.http_client"), True, timeout)
        self.base_url = base_url
        self.max_connections = max_connections
        self._session: aiohttp.ClientSession | None = None

    async def request(
        self,
        method: str,
        url: str,
        params: dict[str, object] | None = None,
        data: dict[str, object] | None = None,
        headers: dict[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float | None = None,
        allow_redirects: bool = False,
    ) -> Response:
        if self._session is None:
            self._session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=self.max_connections))
        LAST_RETRY_AFTER.set(None)
        response = await self._session.request(
            method.upper(),
            rewrite(url, self.base_url),
            params=params,  # type: ignore[arg-type]
            data=data,
            headers={**(headers or {}), **_basic_auth(auth)},
            timeout=aiohttp.ClientTimeout(total=timeout or self.timeout),
            allow_redirects=allow_redirects,
        )
        async with response:
            LAST_RETRY_AFTER.set(parse_retry_after(response.headers.get("Retry-After")))
            return Response(response.status, await response.text(), response.headers)

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None


class SyncTwilioClient(TwilioHttpClient):
    """The library's own (requests-based) client, pointed at TWILIO_API_BASE."""

    def __init__(self, *, base_url: str = TWILIO_HOST, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.base_url = base_url

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Response:
        return super().request(method, rewrite(url, self.base_url), *args, **kwargs)


def _basic_auth(auth: tuple[str, str] | None) -> dict[str, str]:
    if not auth:
        return {}
    return {"Authorization": "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()}
