"""Every /api route the app serves, read from the app itself: the tests that walk all routes (tokens
required, scopes kept) cannot miss one that was added later."""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute


def endpoints(routes: Iterable[Any]) -> Iterator[tuple[str, set[str]]]:
    """(path, methods) of every endpoint. FastAPI 0.165 keeps included routers as `_IncludedRouter` entries
    that list their routes through `effective_route_contexts()`; older versions list APIRoutes directly."""
    for route in routes:
        if hasattr(route, "effective_route_contexts"):
            for context in route.effective_route_contexts():
                yield context.path, set(getattr(context.original_route, "methods", None) or ())
        elif isinstance(route, APIRoute):
            yield route.path, set(route.methods)


def api_routes(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) of every /api route the app serves, with ids filled in (the docs are not routes here)."""
    return [
        (method, re.sub(r"\{[^}]+\}", "1", path))
        for path, methods in endpoints(app.routes)
        if path.startswith("/api/") and path not in ("/api/docs", "/api/openapi.json")
        for method in sorted(methods - {"HEAD"})
    ]
