"""Structured logs for `jeger serve` and friends: one key=value line per event, addresses masked.

Phone numbers and e-mail addresses are masked in every line, whatever logged them (our code, uvicorn, PTB,
httpx), because the formatter of the one handler sees all records (PRODUCT §9). So are the personal tokens of
registration links (`/r/<token>`, uvicorn's access log writes every path) and Telegram deep links
(`?start=<token>`, `/start <token>`): a token opens a company's registration form. Lines look like
`ts=2027-06-07T09:00:01.123Z level=INFO logger=campaigns.dispatch.dispatcher msg="sent 120 messages"`.
"""

from __future__ import annotations

import logging
import re
import sys
from datetime import UTC
from datetime import datetime
from typing import TextIO

from store.masking import mask_text

_TOKENS = (
    (re.compile(r"(/r/)[A-Za-z0-9_-]+"), r"\1***"),
    (re.compile(r"([?&]start=)[^&\s\"']+"), r"\1***"),
    (re.compile(r"(/start\s+)[A-Za-z0-9_-]+"), r"\1***"),
)


def mask_secrets(text: str) -> str:
    """Addresses (store.masking) and link tokens masked."""
    text = mask_text(text)
    for pattern, replacement in _TOKENS:
        text = pattern.sub(replacement, text)
    return text


# Keys a LogRecord always has; anything else passed as `extra=` becomes a key=value pair.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "taskName",
    "color_message",
}


def _message(record: logging.LogRecord) -> str:
    """The message with its arguments filled in; a broken format string is still logged, not raised inside
    logging."""
    try:
        return record.getMessage()
    except Exception:
        return f"{record.msg!r} {record.args!r}"


def _quote(value: object) -> str:
    text = str(value)
    if text and not any(c in text for c in ' "=\n\t'):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


class KeyValueFormatter(logging.Formatter):
    """`ts=… level=… logger=… msg="…" key=value …`, exceptions on the same line. The whole line is masked
    once, here, so the message, every extra and the traceback are covered alike."""

    def format(self, record: logging.LogRecord) -> str:
        stamp = datetime.fromtimestamp(record.created, UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        fields = [
            f"ts={stamp}",
            f"level={record.levelname}",
            f"logger={record.name}",
            f"msg={_quote(_message(record))}",
        ]
        for key, value in vars(record).items():
            if key not in _STANDARD:
                fields.append(f"{key}={_quote(value)}")
        if record.exc_info:
            fields.append(f"exc={_quote(self.formatException(record.exc_info))}")
        return mask_secrets(" ".join(fields))


# Libraries that log every step at INFO (WeasyPrint per CSS file, APScheduler per job run): warnings only.
NOISY = ("httpx", "apscheduler.executors.default", "apscheduler.scheduler", "weasyprint", "fontTools")


def configure_logging(level: str | int = "INFO", stream: TextIO | None = None) -> logging.Handler:
    """Routes every logger through one masked key=value handler on stderr; safe to call twice."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_jeger", False):
            root.removeHandler(handler)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(KeyValueFormatter())
    handler._jeger = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers.clear()
        logger.propagate = True
        logger.disabled = False
        logger.setLevel(logging.NOTSET)  # an earlier uvicorn.Config(log_level=...) may have raised it
    for noisy in NOISY:
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return handler
