"""Reading a webhook's body with a size cap, for the routes that providers (and anyone else) can post to."""

from __future__ import annotations

from fastapi import Request

from bot.keywords import ascii_int

MAX_BODY = 64 * 1024  # a webhook, the login form, the registration form: a person types far less
MAX_REQUEST_BODY = 1024 * 1024  # every other request: a dashboard form with a campaign file is 200 kB at most
# A register file from Brønnøysund: the whole Enhetsregisteret as gzipped JSON is about 150 MB, as CSV about 1 GB.
MAX_UPLOAD = 2 * 1024**3


async def read_limited(request: Request, limit: int = MAX_BODY) -> bytes | None:
    """The body, or None once it passes `limit`: read no further, so a huge body never fills memory."""
    declared = ascii_int(request.headers.get("content-length", "").strip())
    if declared is not None and declared > limit:
        return None
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)
