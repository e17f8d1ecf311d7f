"""Security headers on every response: what browsers may load, frame, sniff and send on (PRODUCT §12).

One pure ASGI middleware, so it costs a dict update per response and sees the webhooks' and the static files'
answers too. The dashboard and the registration page load scripts and styles from /static only (no inline
`<script>`, `<style>` or `style=""`), so the policy needs no 'unsafe-inline'. The one exception is FastAPI's
Swagger page at /api/docs, which loads Swagger UI from its CDN and starts it with an inline script.
"""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp
from starlette.types import Message
from starlette.types import Receive
from starlette.types import Scope
from starlette.types import Send

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' https://cdn.jsdelivr.net; img-src 'self' data: https://fastapi.tiangolo.com; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
DOCS_PATHS = frozenset({"/api/docs", "/api/docs/oauth2-redirect"})
HSTS = "max-age=31536000"


def security_headers(path: str, *, https: bool) -> dict[str, str]:
    """The headers every response to `path` carries."""
    headers = {
        "Content-Security-Policy": DOCS_CSP if path in DOCS_PATHS else CSP,
        "X-Frame-Options": "DENY",  # for browsers that predate frame-ancestors
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",  # personal /r/{token} links must not leak to other sites
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    if https:
        headers["Strict-Transport-Security"] = HSTS
    return headers


def add_security_headers(headers: MutableHeaders, path: str, *, https: bool) -> None:
    """Sets the headers a route did not set itself (for responses built outside the middleware: the 500 page)."""
    for name, value in security_headers(path, https=https).items():
        headers.setdefault(name, value)


class SecurityHeaders:
    """Adds `security_headers` to every HTTP response of the app it wraps."""

    def __init__(self, app: ASGIApp, *, https: bool) -> None:
        self.app = app
        self.https = https

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                add_security_headers(MutableHeaders(scope=message), path, https=self.https)
            await send(message)

        await self.app(scope, receive, send_with_headers)
