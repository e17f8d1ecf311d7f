"""Runs an ASGI app with uvicorn on a loopback port in a background thread (for the provider fakes).

The listening socket is bound to port 0 here and handed to uvicorn, so the port is known at once and never
released in between: no other process can take it (the race a "find a free port, then bind" helper has).
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from typing import Any
from typing import Self

import uvicorn


def free_port() -> int:
    """A port that was free a moment ago; racy, only for servers that must bind it themselves."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class BackgroundServer:
    def __init__(self, app: Any, *, port: int = 0) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.socket.bind(("127.0.0.1", port))
        self.port = int(self.socket.getsockname()[1])
        self.base_url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="warning", lifespan="off", backlog=2048)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.loop: asyncio.AbstractEventLoop | None = None

    def _run(self) -> None:
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(self.server.serve(sockets=[self.socket]))

    def start(self) -> BackgroundServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("fake server did not start")
            time.sleep(0.01)
        bound = self.server.servers[0].sockets[0].getsockname()[1]
        assert bound == self.port, (bound, self.port)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.socket.close()


class ServedFake:
    """A provider fake whose Starlette `app` runs on a BackgroundServer: a subclass builds `app` and then calls
    `serve()` while it is made, so `base_url` is known (and can go into Settings) before the fake starts."""

    app: Any
    server: BackgroundServer
    base_url: str

    def serve(self) -> None:
        self.server = BackgroundServer(self.app)
        self.base_url = self.server.base_url  # known before start: the server's socket is already bound

    def start(self) -> Self:
        self.server.start()
        return self

    def stop(self) -> None:
        self.server.stop()
