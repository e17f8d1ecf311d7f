"""The sandbox channel: nothing leaves the machine. The outbox row is the stored message the dashboard shows."""

from __future__ import annotations

import uuid

from channels.base import OutgoingMessage
from channels.base import SendResult
from channels.base import Sent
from store.models import Channel


class SandboxChannel:
    provider = "sandbox"

    def __init__(self, channel: Channel) -> None:
        self.channel = channel

    async def send(self, message: OutgoingMessage) -> SendResult:
        return Sent(provider=self.provider, provider_id=f"sandbox-{uuid.uuid4().hex}")

    async def close(self) -> None:
        return None
