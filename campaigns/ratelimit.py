"""Send-rate limits: never more than `rate` sends reach the provider in ANY one-second window.

A token bucket with burst `rate` lets nearly 2×rate through a window that straddles a refill, and even a strict
sliding window over *start* times is not enough: a request that starts on time can reach the provider late (a
new connection, a busy event loop) and bunch up with the next second's. So each send holds its place in the
window until we know when it arrived: while in flight it counts as arriving now; once answered, it counts at
its completion time less the fastest round trip seen (the best estimate of its arrival). A small margin
absorbs what is left of the jitter.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass

WINDOW = 1.0
MARGIN = 0.01


@dataclass
class Slot:
    start: float
    answered: float | None = None


class SlidingWindowLimiter:
    def __init__(self, rate: float, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.clock = clock
        self.slots: list[Slot] = []
        self.fastest: float | None = None  # fastest round trip on a warm connection
        self.first_answer: float | None = None
        self.lock = asyncio.Lock()

    def _arrival(self, slot: Slot) -> float | None:
        """Estimated arrival at the provider: answer time less the fastest round trip seen so far. The fastest
        only shrinks, so estimates only move later: the window errs on the safe side."""
        if slot.answered is None:
            return None
        if self.fastest is None:  # no warm round trip measured yet: assume it arrived when answered
            return slot.answered
        return max(slot.start, slot.answered - self.fastest)

    def _wait_needed(self, now: float) -> float:
        horizon = now - WINDOW - MARGIN
        arrivals = [(slot, self._arrival(slot)) for slot in self.slots]
        kept = [(slot, at) for slot, at in arrivals if at is None or at > horizon]
        self.slots = [slot for slot, _ in kept]
        if len(self.slots) < max(int(self.rate), 1):
            return 0.0
        answered = [at for _, at in kept if at is not None]
        if not answered:
            return 0.01  # all in flight: check again shortly
        return max(min(answered) - horizon, 0.001)

    async def acquire(self) -> Slot | None:
        """Waits for a place in the window; pass the returned slot to `done` when the provider has answered."""
        if self.rate <= 0:  # no limit configured
            return None
        async with self.lock:  # fair: waiters go in arrival order
            while (wait := self._wait_needed(self.clock())) > 0:
                await asyncio.sleep(wait)
            slot = Slot(start=self.clock())
            self.slots.append(slot)
            return slot

    def done(self, slot: Slot | None) -> None:
        if slot is None:
            return
        slot.answered = self.clock()
        if self.first_answer is None:
            self.first_answer = slot.answered
        # Requests started before any answer came back paid for opening connections: their round trips say
        # nothing about the usual one, and would make arrivals look earlier than they were.
        if slot.start >= self.first_answer:
            round_trip = slot.answered - slot.start
            self.fastest = round_trip if self.fastest is None else min(self.fastest, round_trip)


class RateLimits:
    """One limiter per key (campaign, channel); rates may change while the campaign runs."""

    def __init__(self) -> None:
        self.limiters: dict[Hashable, SlidingWindowLimiter] = {}

    def get(self, key: Hashable, rate: float) -> SlidingWindowLimiter:
        limiter = self.limiters.get(key)
        if limiter is None or limiter.rate != rate:
            limiter = self.limiters[key] = SlidingWindowLimiter(rate)
        return limiter
