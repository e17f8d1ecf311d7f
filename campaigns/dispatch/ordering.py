"""Messages to one address leave in the order they were claimed.

The senders run side by side, so two answers to one chat (a greeting, then the first question) could reach
the provider in either order and the company would read the question first. Each send holds its address
for the length of the provider call; asyncio's locks wake waiters first come, first served, and a sender
takes its address before its first await, so the order of the queue is the order of the sends. Different
addresses never wait for each other: a campaign's throughput is untouched."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from collections.abc import Hashable
from contextlib import asynccontextmanager


class InOrder:
    """One lock per address while anyone holds or waits for it; forgotten after, so memory stays flat."""

    def __init__(self) -> None:
        self._locks: dict[Hashable, asyncio.Lock] = {}
        self._users: Counter[Hashable] = Counter()

    @asynccontextmanager
    async def hold(self, key: Hashable) -> AsyncIterator[None]:
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] += 1
        try:
            async with lock:
                yield
        finally:
            self._users[key] -= 1
            if not self._users[key]:
                del self._users[key], self._locks[key]

    def __len__(self) -> int:
        return len(self._locks)
