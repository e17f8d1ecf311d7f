"""A loopback fake of the Telegram Bot API, driven by the real python-telegram-bot through TELEGRAM_API_BASE.

PTB posts form fields whose complex values are JSON-encoded (reply_markup); answers are `{"ok": true,
"result": ...}` or Telegram's error shape. Tests push updates for getUpdates (polling) or build them for our
webhook, inject 403 (blocked), 429 (retry_after) and 400 errors, and read `.sent` to see what the bot said.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from collections import defaultdict
from collections import deque
from dataclasses import dataclass
from dataclasses import field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from tests.fakes.server import ServedFake

TOKEN = "123456:TEST-fake-telegram-token"
BOT = {"id": 123456, "is_bot": True, "first_name": "Læreplassjeger", "username": "laereplassjeger_test_bot"}


@dataclass
class Failure:
    method: str
    status: int
    description: str
    retry_after: int | None = None


@dataclass
class FakeTelegram(ServedFake):
    token: str = TOKEN
    sent: list[dict[str, Any]] = field(default_factory=list)
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    webhook: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.lock = threading.Lock()
        self.updates: list[dict[str, Any]] = []
        self.failures: deque[Failure] = deque()
        self.held: set[int] = set()  # chats whose sendMessage calls wait until released
        self._last_call = time.monotonic()
        self._update_ids = itertools.count(1000)
        self._message_ids: dict[int, itertools.count[int]] = defaultdict(lambda: itertools.count(1))
        self.app = Starlette(routes=[Route("/bot{token}/{method}", self._call, methods=["GET", "POST"])])
        self.serve()

    def settings_update(self) -> dict[str, Any]:
        return {
            "telegram_bot_token": self.token,
            "telegram_api_base": self.base_url,
            "telegram_bot_username": BOT["username"],
        }

    def webhook_settings_update(self, secret: str, **update: Any) -> dict[str, Any]:
        """`settings_update()` for a bot in webhook mode that checks `secret`; `update` adds or overrides."""
        return {
            **self.settings_update(),
            "telegram_mode": "webhook",
            "telegram_webhook_secret": secret,
            **update,
        }

    def env(self) -> dict[str, str]:
        return {k.upper(): str(v) for k, v in self.settings_update().items()}

    # --- control -------------------------------------------------------------------------------------------

    def fail_next(
        self,
        method: str = "sendMessage",
        status: int = 403,
        description: str | None = None,
        retry_after: int | None = None,
    ) -> None:
        text = description or {
            403: "Forbidden: bot was blocked by the user",
            429: f"Too Many Requests: retry after {retry_after or 1}",
            400: "Bad Request: chat not found",
        }.get(status, "Internal Server Error")
        with self.lock:
            self.failures.append(Failure(method, status, text, retry_after))

    def hold(self, chat_id: int) -> None:
        """Makes sendMessage to the chat wait (the request stays open) until `release`: a slow chat."""
        with self.lock:
            self.held.add(chat_id)

    def release(self, chat_id: int) -> None:
        with self.lock:
            self.held.discard(chat_id)

    def is_waiting(self, chat_id: int) -> bool:
        """Whether a sendMessage to the held chat has arrived and is waiting for its release."""
        with self.lock:
            return (
                any(m == "sendMessage" and str(p.get("chat_id")) == str(chat_id) for m, p in self.calls)
                and chat_id in self.held
            )

    def _user(self, chat_id: int) -> dict[str, Any]:
        return {"id": chat_id, "is_bot": False, "first_name": "Kari", "language_code": "nb"}

    def message_update(self, chat_id: int, text: str) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": next(self._message_ids[chat_id]),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Kari"},
            "from": self._user(chat_id),
            "text": text,
        }
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        return {"update_id": next(self._update_ids), "message": message}

    def callback_update(self, chat_id: int, data: str, message_id: int = 1) -> dict[str, Any]:
        return {
            "update_id": next(self._update_ids),
            "callback_query": {
                "id": str(next(self._update_ids)),
                "from": self._user(chat_id),
                "chat_instance": str(chat_id),
                "data": data,
                "message": {
                    "message_id": message_id,
                    "date": int(time.time()),
                    "chat": {"id": chat_id, "type": "private"},
                    "from": BOT,
                    "text": "…",
                },
            },
        }

    def push_update(self, update: dict[str, Any]) -> dict[str, Any]:
        with self.lock:
            self.updates.append(update)
        return update

    def push_message(self, chat_id: int, text: str) -> dict[str, Any]:
        return self.push_update(self.message_update(chat_id, text))

    def push_callback(self, chat_id: int, data: str, message_id: int = 1) -> dict[str, Any]:
        return self.push_update(self.callback_update(chat_id, data, message_id))

    def sent_to(self, chat_id: int | str) -> list[dict[str, Any]]:
        with self.lock:
            return [s for s in self.sent if str(s.get("chat_id")) == str(chat_id)]

    def wait_for_sent(
        self, chat_id: int | str, count: int = 1, timeout: float = 10.0
    ) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.sent_to(chat_id)
            if len(found) >= count:
                return found
            time.sleep(0.02)
        raise AssertionError(
            f"the bot sent {len(self.sent_to(chat_id))} messages to {chat_id}, expected {count}: {self.sent_to(chat_id)}"
        )

    def wait_idle(self, quiet: float = 0.5, timeout: float = 15.0) -> None:
        """Waits until the bot has made no call but getUpdates for `quiet` seconds: whatever it was going to
        send in reply to what it got has been sent (then counts can be asserted exactly)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.lock:
                last = self._last_call
            if time.monotonic() - last >= quiet:
                return
            time.sleep(0.05)
        raise AssertionError(f"the bot was still busy after {timeout} s")

    # --- the API -------------------------------------------------------------------------------------------

    async def _call(self, request: Request) -> JSONResponse:
        if request.path_params["token"] != self.token:
            return JSONResponse(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status_code=401
            )
        method = request.path_params["method"]
        params = await self._params(request)
        with self.lock:
            self.calls.append((method, params))
            if method != "getUpdates":
                self._last_call = time.monotonic()
            failure = next((f for f in self.failures if f.method == method), None)
            if failure is not None:
                self.failures.remove(failure)
        if failure is not None:
            body: dict[str, Any] = {
                "ok": False,
                "error_code": failure.status,
                "description": failure.description,
            }
            if failure.retry_after is not None:
                body["parameters"] = {"retry_after": failure.retry_after}
            return JSONResponse(body, status_code=failure.status)
        handler = getattr(self, f"_m_{method}", None)
        result = await handler(params) if handler else True
        return JSONResponse({"ok": True, "result": result})

    @staticmethod
    async def _params(request: Request) -> dict[str, Any]:
        if request.headers.get("content-type", "").startswith("application/json"):
            return dict(await request.json())
        params: dict[str, Any] = {}
        for key, value in (await request.form()).items():
            text = str(value)
            try:
                params[key] = (
                    json.loads(text)
                    if key in {"reply_markup", "allowed_updates", "commands", "entities"}
                    else text
                )
            except ValueError:
                params[key] = text
        params.update(request.query_params)
        return params

    async def _m_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return BOT

    def _message(self, params: dict[str, Any], message_id: int) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        message: dict[str, Any] = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "from": BOT,
            "text": params.get("text", ""),
        }
        # Telegram echoes only inline keyboards on the message; a reply keyboard lives under the text field.
        if isinstance(params.get("reply_markup"), dict) and "inline_keyboard" in params["reply_markup"]:
            message["reply_markup"] = params["reply_markup"]
        return message

    async def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        while True:
            with self.lock:
                if chat_id not in self.held:
                    break
            await asyncio.sleep(0.02)
        return self._recorded("sendMessage", params, next(self._message_ids[chat_id]))

    async def _m_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._recorded("editMessageText", params, int(params["message_id"]))

    def _recorded(self, method: str, params: dict[str, Any], message_id: int) -> dict[str, Any]:
        """The message `method` sent or changed, after adding it to what the tests read in `sent`."""
        message = self._message(params, message_id)
        with self.lock:
            self.sent.append(
                {
                    "method": method,
                    "chat_id": int(params["chat_id"]),
                    "text": params.get("text"),
                    "reply_markup": params.get("reply_markup"),
                    "message_id": message["message_id"],
                    "at": time.time(),
                }
            )
        return message

    async def _m_editMessageReplyMarkup(self, params: dict[str, Any]) -> dict[str, Any]:
        return self._message(params, int(params["message_id"]))

    async def _m_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        deadline = time.monotonic() + float(params.get("timeout") or 0)
        while True:
            with self.lock:
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
                ready = list(self.updates[: int(params.get("limit") or 100)])
            if ready or time.monotonic() >= deadline:
                return ready
            await asyncio.sleep(0.05)

    async def _m_setWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = params
        return True

    async def _m_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = {}
        return True

    async def _m_getWebhookInfo(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": 0,
        }
