"""A loopback fake of Twilio's Messages API, driven by the real `twilio` client through TWILIO_API_BASE.

It accepts, fetches and lists messages with realistic JSON, checks Basic auth, waits a configurable latency
(without blocking other requests), injects failures (429/20429 with Retry-After, 5xx, 21610, 21211, 21614,
timeouts that still create the message once the delay is over, as a slow Twilio would) and sends status
callbacks signed exactly as Twilio signs them, optionally before answering the create request. Like Twilio,
`date_sent` stays empty until a message is `sent`, and the DateSent list filter applies to it; lists are
newest first and paged. Every accepted message is logged with the moment it arrived, so tests can count
duplicates, losses and sends per second.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass
from dataclasses import field
from datetime import UTC
from datetime import datetime
from email.utils import format_datetime
from typing import Any
from urllib.parse import urlencode
from urllib.parse import urlsplit

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.responses import Response
from starlette.routing import Route
from twilio.request_validator import RequestValidator

from tests.fakes.server import ServedFake

ACCOUNT_SID = "AC" + "1" * 32
AUTH_TOKEN = "fake-twilio-auth-token"
FROM = "+4759440000"


@dataclass
class Injected:
    status: int
    code: int | None
    message: str
    delay: float = 0.0
    retry_after: float | None = None


@dataclass
class FakeMessage:
    sid: str
    to: str
    from_: str
    body: str
    status_callback: str | None
    messaging_service_sid: str | None
    received_at: float  # time.time() when the request arrived
    created: datetime
    status: str = "queued"
    error_code: int | None = None
    date_sent: datetime | None = None  # Twilio fills it when the message leaves for the carrier

    def as_json(self, account_sid: str) -> dict[str, Any]:
        segments = 1 if len(self.body) <= 160 else -(-len(self.body) // 153)
        stamp = format_datetime(self.created)
        uri = f"/2010-04-01/Accounts/{account_sid}/Messages/{self.sid}.json"
        return {
            "sid": self.sid,
            "account_sid": account_sid,
            "api_version": "2010-04-01",
            "body": self.body,
            "date_created": stamp,
            "date_updated": stamp,
            "date_sent": format_datetime(self.date_sent) if self.date_sent else None,
            "direction": "outbound-api",
            "error_code": self.error_code,
            "error_message": None,
            "from": self.from_,
            "messaging_service_sid": self.messaging_service_sid,
            "num_media": "0",
            "num_segments": str(segments),
            "price": None,
            "price_unit": "USD",
            "status": self.status,
            "subresource_uris": {"media": uri.replace(".json", "/Media.json")},
            "to": self.to,
            "uri": uri,
        }


@dataclass
class FakeTwilio(ServedFake):
    account_sid: str = ACCOUNT_SID
    auth_token: str = AUTH_TOKEN
    latency: float = 0.0
    messages: list[FakeMessage] = field(default_factory=list)
    attempts: int = 0
    callback_target: str | None = None  # base URL of our app, where status callbacks are delivered
    public_base_url: str = "http://127.0.0.1:8000"
    # A status sent to callback_target as soon as a message is created, before the create request is answered:
    # the callback then always arrives before the sender has the SID (Twilio does not promise the order).
    callback_on_create: str | None = None

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self.failures: deque[Injected] = deque()
        self.callbacks_sent: list[tuple[str, str, int]] = []
        self._sids = itertools.count(1)
        base = "/2010-04-01/Accounts/{account}"
        self.app = Starlette(
            routes=[
                Route(base + "/Messages.json", self._create, methods=["POST"]),
                Route(base + "/Messages.json", self._list, methods=["GET"]),
                Route(base + "/Messages/{sid}.json", self._fetch, methods=["GET"]),
                Route("/__fake__/messages", self._log, methods=["GET"]),
                Route("/__fake__/latency", self._set_latency, methods=["POST"]),
            ]
        )
        self.serve()

    # --- control -------------------------------------------------------------------------------------------

    def settings_update(self) -> dict[str, Any]:
        """What to put into Settings so our app talks to this fake."""
        return {
            "twilio_account_sid": self.account_sid,
            "twilio_auth_token": self.auth_token,
            "twilio_from": FROM,
            "twilio_api_base": self.base_url,
        }

    def env(self) -> dict[str, str]:
        return {k.upper(): str(v) for k, v in self.settings_update().items()}

    def fail_next(
        self,
        status: int = 429,
        code: int | None = 20429,
        count: int = 1,
        message: str = "Too Many Requests",
        retry_after: float | None = None,
    ) -> None:
        """The next create requests fail; a 429 carries `Retry-After` (1 s unless given), as Twilio's do."""
        if retry_after is None and status == 429:
            retry_after = 1
        with self.lock:
            self.failures.extend(
                Injected(status, code, message, retry_after=retry_after) for _ in range(count)
            )

    def timeout_next(self, seconds: float, count: int = 1) -> None:
        """The next create requests hang for `seconds` (longer than the client's timeout) and then create the
        message anyway: a client that gave up cannot tell whether Twilio accepted it."""
        with self.lock:
            self.failures.extend(Injected(0, None, "timeout", delay=seconds) for _ in range(count))

    def bodies_to(self, to: str) -> list[str]:
        with self.lock:
            return [m.body for m in self.messages if m.to == to]

    def arrival_times(self) -> list[float]:
        with self.lock:
            return sorted(m.received_at for m in self.messages)

    # --- the API -------------------------------------------------------------------------------------------

    def _authorised(self, request: Request) -> bool:
        header = request.headers.get("authorization", "")
        expected = base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return header == f"Basic {expected}" and request.path_params.get("account") == self.account_sid

    @staticmethod
    def _error(status: int, code: int | None, message: str, retry_after: float | None = None) -> JSONResponse:
        headers = {"Retry-After": f"{retry_after:g}"} if retry_after is not None else None
        return JSONResponse(
            {
                "code": code,
                "message": message,
                "more_info": f"https://www.twilio.com/docs/errors/{code}",
                "status": status,
            },
            status_code=status,
            headers=headers,
        )

    async def _create(self, request: Request) -> Response:
        received = time.time()
        if not self._authorised(request):
            return self._error(401, 20003, "Authenticate")
        form = await request.form()
        with self.lock:
            self.attempts += 1
            injected = self.failures.popleft() if self.failures else None
        if injected is not None:
            if injected.delay:
                await asyncio.sleep(injected.delay)
            if injected.status:
                return self._error(injected.status, injected.code, injected.message, injected.retry_after)
        to, body = str(form.get("To", "")), str(form.get("Body", ""))
        if not to or not body:
            return self._error(
                400, 21604 if not to else 21602, "A 'To' phone number and a 'Body' are required."
            )
        message = FakeMessage(
            sid="SM" + uuid.uuid4().hex,
            to=to,
            from_=str(form.get("From") or FROM),
            body=body,
            status_callback=str(form["StatusCallback"]) if form.get("StatusCallback") else None,
            messaging_service_sid=str(form["MessagingServiceSid"])
            if form.get("MessagingServiceSid")
            else None,
            received_at=received,
            created=datetime.now(UTC).replace(microsecond=0),
        )
        with self.lock:
            self.messages.append(message)  # accepted: from here on it goes out whatever happens to the client
        if self.callback_on_create:
            await self.asend_status_callback(message.sid, self.callback_on_create)
        if self.latency:
            await asyncio.sleep(self.latency)
        return JSONResponse(message.as_json(self.account_sid), status_code=201)

    async def _fetch(self, request: Request) -> Response:
        if not self._authorised(request):
            return self._error(401, 20003, "Authenticate")
        with self.lock:
            found = next((m for m in self.messages if m.sid == request.path_params["sid"]), None)
        if found is None:
            return self._error(404, 20404, "The requested resource was not found")
        return JSONResponse(found.as_json(self.account_sid))

    async def _list(self, request: Request) -> Response:
        if not self._authorised(request):
            return self._error(401, 20003, "Authenticate")
        query = request.query_params
        after = query.get("DateSent>") or query.get("DateSent>=")
        before = query.get("DateSent<") or query.get("DateSent<=")
        since = _parse_date(after) if after else None
        until = _parse_date(before) if before else None
        with self.lock:
            found = [
                m.as_json(self.account_sid)
                for m in reversed(self.messages)  # newest first, as Twilio lists them
                if (not query.get("To") or m.to == query["To"])
                and (not query.get("From") or m.from_ == query["From"])
                # Twilio filters on DateSent, which is empty until the message is sent: queued/accepted
                # messages never match a DateSent filter.
                and (since is None or (m.date_sent is not None and m.date_sent >= since))
                and (until is None or (m.date_sent is not None and m.date_sent <= until))
            ]
        size = min(int(query.get("PageSize") or 50), 1000)
        page = int(query.get("Page") or 0)
        chunk = found[page * size : (page + 1) * size]
        uri = str(request.url.path)
        params = {k: v for k, v in query.items() if k not in ("Page", "PageSize", "PageToken")}

        def page_uri(number: int) -> str:
            return uri + "?" + urlencode({**params, "PageSize": size, "Page": number})

        more = (page + 1) * size < len(found)
        return JSONResponse(
            {
                "messages": chunk,
                "end": page * size + max(len(chunk) - 1, 0),
                "first_page_uri": page_uri(0),
                "next_page_uri": page_uri(page + 1) if more else None,
                "page": page,
                "page_size": size,
                "previous_page_uri": page_uri(page - 1) if page else None,
                "start": page * size,
                "uri": page_uri(page),
            }
        )

    async def _log(self, request: Request) -> Response:
        """The acceptance log, for a fake running in another process (the benchmarks)."""
        with self.lock:
            rows = [
                {"sid": m.sid, "to": m.to, "body": m.body, "received_at": m.received_at}
                for m in self.messages
            ]
        return JSONResponse({"attempts": self.attempts, "messages": rows})

    async def _set_latency(self, request: Request) -> Response:
        self.latency = float((await request.json())["latency"])
        with self.lock:
            self.messages.clear()
        return JSONResponse({"latency": self.latency})

    # --- callbacks -----------------------------------------------------------------------------------------

    def status_callback(
        self, sid: str, status: str, error_code: int | None = None
    ) -> tuple[str, dict[str, str], str]:
        """(public URL, form, signature) of the status callback Twilio would send now."""
        with self.lock:
            message = next(m for m in self.messages if m.sid == sid)
            message.status = status
            message.error_code = error_code
            if status in ("sent", "delivered", "undelivered", "read") and message.date_sent is None:
                message.date_sent = datetime.now(UTC).replace(microsecond=0)
        url = message.status_callback or f"{self.public_base_url}/webhooks/twilio/status"
        form = {
            "AccountSid": self.account_sid,
            "ApiVersion": "2010-04-01",
            "From": message.from_,
            "MessageSid": sid,
            "MessageStatus": status,
            "SmsSid": sid,
            "SmsStatus": status,
            "To": message.to,
        }
        if error_code is not None:
            form["ErrorCode"] = str(error_code)
        return url, form, RequestValidator(self.auth_token).compute_signature(url, form)

    def send_status_callback(
        self, sid: str, status: str, error_code: int | None = None, *, client: Any = None
    ) -> Any:
        """POSTs a signed status callback to our app: through `client` (a TestClient) or to `callback_target`."""
        url, form, signature = self.status_callback(sid, status, error_code)
        path = urlsplit(url).path
        headers = {"X-Twilio-Signature": signature}
        if client is not None:
            return client.post(path, data=form, headers=headers)
        assert self.callback_target, "set callback_target to the app's base URL"
        return httpx.post(self.callback_target + path, data=form, headers=headers)

    async def asend_status_callback(self, sid: str, status: str, error_code: int | None = None) -> int:
        """The same from inside the fake's event loop (to `callback_target`); returns the HTTP status."""
        url, form, signature = self.status_callback(sid, status, error_code)
        assert self.callback_target, "set callback_target to the app's base URL"
        async with httpx.AsyncClient() as client:
            response = await client.post(
                self.callback_target + urlsplit(url).path,
                data=form,
                headers={"X-Twilio-Signature": signature},
            )
        self.callbacks_sent.append((sid, status, response.status_code))
        return response.status_code


def _parse_date(value: str) -> datetime:
    """Twilio's DateSent filters take YYYY-MM-DD or an ISO 8601 moment."""
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def signed_inbound_sms(
    *,
    auth_token: str,
    public_url: str,
    from_: str,
    body: str,
    to: str = FROM,
    account_sid: str = ACCOUNT_SID,
    sid: str | None = None,
) -> tuple[dict[str, str], str]:
    """The form and X-Twilio-Signature of an inbound SMS webhook, as Twilio sends it."""
    form = {
        "ToCountry": "NO",
        "SmsMessageSid": sid or "SM" + uuid.uuid4().hex,
        "NumMedia": "0",
        "SmsSid": sid or "",
        "SmsStatus": "received",
        "Body": body,
        "To": to,
        "NumSegments": "1",
        "MessageSid": sid or "",
        "AccountSid": account_sid,
        "From": from_,
        "ApiVersion": "2010-04-01",
        "FromCountry": "NO",
    }
    form["MessageSid"] = form["SmsSid"] = form["SmsMessageSid"]
    return form, RequestValidator(auth_token).compute_signature(public_url, form)


if __name__ == "__main__":  # `python -m tests.fakes.twilio_api [PORT]`: a standalone fake for benchmarks
    import socket
    import sys

    import uvicorn

    # Port 0 (the default) binds a free port and prints it ("PORT n") before serving: no find-then-bind race.
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 0))
    print(f"PORT {sock.getsockname()[1]}", flush=True)
    fake = FakeTwilio()
    fake.server.socket.close()  # the in-process server is not used here
    config = uvicorn.Config(fake.app, log_level="warning", backlog=4096, lifespan="off")
    uvicorn.Server(config).run(sockets=[sock])
