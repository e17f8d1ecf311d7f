"""What the provider webhooks act on: typed fields read from an authenticated body, or why it is ignored.

Twilio and Telegram retry whatever does not get a 2xx, so an authentic request we cannot use is acknowledged
and counted (`jeger_webhook_ignored_total`) instead of failing deep inside the database: PostgreSQL refuses
NUL in text, columns have lengths, and a Telegram update is arbitrary JSON that python-telegram-bot trusts.
Checking here, before the engine, means a refused request leaves nothing behind.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import Annotated
from typing import Any
from urllib.parse import parse_qsl

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field
from pydantic import StrictBool
from pydantic import StrictInt
from pydantic import StrictStr
from pydantic import ValidationError

from metrics.instruments import WEBHOOK_IGNORED

log = logging.getLogger(__name__)

# Twilio SIDs are two letters and 32 hex digits; anything of that alphabet up to 64 keeps test SIDs working
# and stays well inside the 100 characters of `reply.provider_id` and `message.provider_id`.
SID = re.compile(r"[A-Za-z0-9_-]{1,64}")
STATUS = re.compile(r"[a-z_]{1,20}")  # Twilio's message statuses; `early_delivery_report.status` holds 20
ERROR_CODE = re.compile(r"[0-9]{1,20}")
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_SENDER = 64  # E.164 is at most 16 characters; short codes and alphanumeric senders are shorter still


class Ignored(ValueError):
    """An authentic request that cannot be acted on; `reason` is the metric label."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def ignore(webhook: str, exc: Ignored) -> None:
    """Records an ignored request: a warning in the log and one count in /metrics."""
    log.warning("Ignored a %s webhook request: %s", webhook, exc.reason)
    WEBHOOK_IGNORED.labels(webhook=webhook, reason=exc.reason).inc()


def parse_form(body: bytes) -> dict[str, str]:
    """The form Twilio posted, as the signature check needs it. Undecodable bytes become U+FFFD (then the
    signature, computed by Twilio over real text, does not match); a repeated field keeps its last value."""
    return dict(parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True))


def clean_text(value: str) -> str:
    """Message text as people wrote it, minus what PostgreSQL cannot store: NUL becomes U+FFFD, keeping its
    place visible."""
    return value.replace("\x00", "\ufffd")


def _sid(form: dict[str, str], *names: str) -> str:
    sid = next((form[n] for n in names if form.get(n)), "")
    if not SID.fullmatch(sid):
        raise Ignored("sid")
    return sid


def sms_fields(form: dict[str, str]) -> dict[str, str]:
    """The fields of an inbound SMS the engine reads (`From`, `Body`, `MessageSid`), checked and cleaned."""
    sid = _sid(form, "MessageSid", "SmsSid")
    sender = form.get("From", "").strip()
    if not sender or len(sender) > MAX_SENDER or CONTROL.search(sender):
        raise Ignored("sender")
    return {"MessageSid": sid, "From": sender, "Body": clean_text(form.get("Body", ""))}


@dataclass(frozen=True)
class StatusReport:
    sid: str
    status: str
    error_code: str | None


def status_report(form: dict[str, str]) -> StatusReport:
    """A delivery status callback's SID, status and error code, each of the shape Twilio sends."""
    sid = _sid(form, "MessageSid", "SmsSid")
    status = form.get("MessageStatus", "").strip().lower()
    if not STATUS.fullmatch(status):
        raise Ignored("status")
    error_code = form.get("ErrorCode", "").strip() or None
    if error_code is not None and not ERROR_CODE.fullmatch(error_code):
        raise Ignored("error_code")
    return StatusReport(sid, status, error_code)


# --- Telegram ---------------------------------------------------------------------------------------------

# Telegram's ids fit in 52 bits (its own documentation); dates are Unix seconds that Python can turn into a
# datetime. Bounds here keep python-telegram-bot and our columns away from numbers neither can hold.
TelegramId = Annotated[StrictInt, Field(ge=-(2**52), le=2**52)]
Text = Annotated[StrictStr, Field(max_length=4096)]


class _Part(BaseModel):
    model_config = ConfigDict(extra="allow")  # Telegram adds fields without notice


class _Chat(_Part):
    id: TelegramId
    type: StrictStr


class _User(_Part):
    id: TelegramId
    is_bot: StrictBool
    first_name: StrictStr


class _Message(_Part):
    message_id: TelegramId
    date: Annotated[StrictInt, Field(ge=0, le=2**33)]
    chat: _Chat
    from_: _User | None = Field(None, alias="from")
    text: Text | None = None


class _Callback(_Part):
    id: StrictStr
    from_: _User = Field(alias="from")
    data: Annotated[StrictStr, Field(max_length=256)] | None = None
    message: _Message | None = None


class _Update(_Part):
    update_id: Annotated[StrictInt, Field(ge=0, le=2**52)]
    message: _Message | None = None
    callback_query: _Callback | None = None


def update_fields(body: bytes) -> dict[str, Any]:
    """The update as a dict for python-telegram-bot, once its JSON and the parts the bot reads are sound."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # not JSON, digits past Python's limit, or nested too deep
        raise Ignored("not_json") from None
    if not isinstance(data, dict):
        raise Ignored("not_an_update")
    try:
        _Update.model_validate(data)
    except ValidationError:
        raise Ignored("malformed_update") from None
    return data
