"""A local SMTP server (aiosmtpd) that keeps every message it receives, parsed."""

from __future__ import annotations

import email
import time
from email.message import Message
from email.policy import default
from typing import Any

from aiosmtpd.controller import Controller

from tests.fakes.server import free_port


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.refuse: set[str] = set()  # recipients answered with 550

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(email.message_from_bytes(envelope.content, policy=default))
        return "250 Message accepted for delivery"


class SmtpServer:
    def __init__(self) -> None:
        self.inbox = Inbox()
        self.port = free_port()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.url = f"smtp://127.0.0.1:{self.port}"

    @property
    def messages(self) -> list[Message]:
        return self.inbox.messages

    def start(self) -> SmtpServer:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Message]:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.messages
