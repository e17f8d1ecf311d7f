"""A loopback fake of Twilio's Messages API, driven by the real `twilio` client through TWILIO_API_BASE.

It accepts, fetches and lists messages with realistic JSON, checks Basic auth, waits a configurable latency
(without blocking other requests), injects failures (429/20429, 5xx, 21610, 21211, 21614, timeouts) and sends
status callbacks signed exactly as Twilio signs them. Every accepted message is logged with the moment it
arrived, so tests can count duplicates, losses and sends per second.
"""

from __future__ import annotations

import asyncio
import base64
import itertools
import threading
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from twilio.request_validator import RequestValidator

from .server import BackgroundServer

ACCOUNT_SID = "AC" + "1" * 32
AUTH_TOKEN = "fake-twilio-auth-token"
FROM = "+4759440000"


@dataclass
class Injected:
    status: int
    code: int | None
    message: str
    delay: float = 0.0


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
            "date_sent": stamp if self.status != "queued" else None,
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
class FakeTwilio:
    account_sid: str = ACCOUNT_SID
    auth_token: str = AUTH_TOKEN
    latency: float = 0.0
    messages: list[FakeMessage] = field(default_factory=list)
    attempts: int = 0
    callback_target: str | None = None  # base URL of our app, where status callbacks are delivered
    public_base_url: str = "http://127.0.0.1:8000"

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self.failures: deque[Injected] = deque()
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
        self.server = BackgroundServer(self.app)
        self.base_url = self.server.base_url

    # --- control -------------------------------------------------------------------------------------------

    def start(self) -> FakeTwilio:
        self.server.start()
        return self

    def stop(self) -> None:
        self.server.stop()

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
        self, status: int = 429, code: int | None = 20429, count: int = 1, message: str = "Too Many Requests"
    ) -> None:
        with self.lock:
            self.failures.extend(Injected(status, code, message) for _ in range(count))

    def timeout_next(self, seconds: float, count: int = 1) -> None:
        """The next requests hang for `seconds` before answering (longer than the client's timeout)."""
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
    def _error(status: int, code: int | None, message: str) -> JSONResponse:
        return JSONResponse(
            {
                "code": code,
                "message": message,
                "more_info": f"https://www.twilio.com/docs/errors/{code}",
                "status": status,
            },
            status_code=status,
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
                return self._error(injected.status, injected.code, injected.message)
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
        since = datetime.fromisoformat(after.replace("Z", "+00:00")) if after else None
        with self.lock:
            found = [
                m.as_json(self.account_sid)
                for m in reversed(self.messages)
                if (not query.get("To") or m.to == query["To"])
                and (since is None or m.created >= since.replace(microsecond=0))
            ]
        uri = str(request.url.path)
        return JSONResponse(
            {
                "messages": found,
                "end": max(len(found) - 1, 0),
                "first_page_uri": uri,
                "next_page_uri": None,
                "page": 0,
                "page_size": len(found) or 50,
                "previous_page_uri": None,
                "start": 0,
                "uri": uri,
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


if __name__ == "__main__":  # `python -m tests.fakes.twilio_api PORT`: a standalone fake for benchmarks
    import sys

    import uvicorn

    fake = FakeTwilio()
    uvicorn.run(fake.app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", backlog=4096)
