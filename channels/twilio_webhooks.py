"""Twilio's side of our webhooks: request signatures and TwiML answers (only channels/ imports twilio)."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Mapping
from xml.sax.saxutils import escape

from twilio.request_validator import RequestValidator

from settings import Settings


def public_url(settings: Settings, path: str, query: str = "") -> str:
    """The URL Twilio signed: behind a proxy the app sees another one, so it is rebuilt from PUBLIC_BASE_URL."""
    return settings.public_base_url + path + (f"?{query}" if query else "")


def valid_twilio_signature(
    settings: Settings, path: str, params: Mapping[str, str], signature: str | None, query: str = ""
) -> bool:
    """True only for a request signed with our auth token over PUBLIC_BASE_URL + path (+ query)."""
    if not signature or not settings.twilio_auth_token:
        return False
    validator = RequestValidator(settings.twilio_auth_token)
    return bool(validator.validate(public_url(settings, path, query), dict(params), signature))


def sign(auth_token: str, url: str, params: Mapping[str, str]) -> str:
    """The signature Twilio would send (for tests and the inbound benchmark)."""
    return str(RequestValidator(auth_token).compute_signature(url, dict(params)))


TWIML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'


def twiml_reply(texts: Iterable[str]) -> str:
    """A TwiML document answering with one SMS per text (none: an empty <Response/>). Written out by hand:
    the same text as twilio's MessagingResponse (which escapes &, < and > the same way), and its
    ElementTree round trip was a twentieth of every inbound SMS webhook."""
    messages = "".join(f"<Message>{escape(text)}</Message>" if text else "<Message />" for text in texts)
    return TWIML_DECLARATION + (f"<Response>{messages}</Response>" if messages else "<Response />")
