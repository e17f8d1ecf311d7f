"""Send-rate limits: sends paced evenly at `rate`, and never more than `rate` reaching the provider in ANY
one-second window.

The guarantee is a sliding window. A token bucket with burst `rate` lets nearly 2×rate through a window that
straddles a refill, and even a strict sliding window over *start* times is not enough: a request that starts
on time can reach the provider late (a new connection, a busy event loop) and bunch up with the next
second's. So each send holds its place in the window until we know when it arrived: while in flight it counts
as arriving now; once answered, it counts at its completion time less the fastest round trip seen (the best
estimate of its arrival). A margin absorbs what is left of the jitter: the limiter errs on the slow side so
that no test or provider has to tolerate a burst.

A window alone releases a burst of `rate` sends at the top of each second, and every estimate that errs late
stretches the next second: the rate achieved falls short. So a pacer (GCRA without burst) spaces the sends
evenly, each slot 1/rate after the previous one; it makes up to CATCH_UP of lateness (a busy event loop) with
sends in quick succession, which the window keeps in check, and it runs PACE_SLACK slower than the rate so that
the window has to hold a send back only when an estimate came out late.

A rate below one per second is one send per 1/rate seconds. Workers share a campaign's rate, so a worker's
share changes when workers come and go: the send history is kept across the change, a lower share applies at
once, and a higher one only after a full window (the worker that left may have sent in the last second, and
the others learn of a change only at their next refresh).
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable
from collections.abc import Callable
from collections.abc import Hashable
from dataclasses import dataclass

WINDOW = 1.0
MARGIN = 0.003  # seconds added to every window: arrival estimates and two processes' clocks are not exact
PACE_SLACK = (
    0.005  # the pacer's period is this much longer than 1/rate: more than MARGIN plus a usual estimate
)
CATCH_UP = (
    0.01  # seconds of lateness (a late wake-up) the pacer makes up; beyond that it starts again from now
)
RAISE_DELAY = WINDOW + 1.0  # a higher share waits this long: one window plus the other workers' refresh


@dataclass
class Slot:
    start: float
    answered: float | None = None


def permits(rate: float) -> tuple[int, float]:
    """(sends, window in seconds) that never exceed `rate` in any one-second window."""
    if rate >= 1:
        return math.floor(rate + 1e-9), WINDOW
    return 1, WINDOW / rate


def interval(rate: float) -> float:
    """The pacer's spacing between two sends at `rate` (> 0)."""
    count, window = permits(rate)
    return window / count * (1 + PACE_SLACK)


def _ceiling(rate: float) -> float:
    return math.inf if rate <= 0 else rate  # 0 means no limit


Sleep = Callable[[float], Awaitable[None]]


class SlidingWindowLimiter:
    """`clock` and `sleep` go together: a test passes a fake pair, so that waiting for a slot takes no real time."""

    def __init__(
        self,
        rate: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = asyncio.sleep,
        not_before: float = 0.0,
    ) -> None:
        self.clock = clock
        self.sleep = sleep
        self.rate = rate
        self._pending: tuple[float, float] | None = None  # (higher rate, from when)
        self.not_before = not_before  # a worker joining others waits until they have lowered their shares
        self.slots: list[Slot] = []
        self.next_at = -math.inf  # the pacer's next slot (clock time)
        self.fastest: float | None = None  # fastest round trip on a warm connection
        self.first_answer: float | None = None
        self.lock = asyncio.Lock()

    def set_rate(self, rate: float) -> None:
        """Lowers the rate at once; raises it one window (plus a refresh) later. The history stays."""
        if _ceiling(rate) <= _ceiling(self.rate):
            self.rate, self._pending = rate, None
        elif self._pending is None or self._pending[0] != rate:
            self._pending = (rate, self.clock() + RAISE_DELAY)

    def _current_rate(self, now: float) -> float:
        if self._pending is not None and now >= self._pending[1]:
            self.rate, self._pending = self._pending[0], None
        return self.rate

    def _arrival(self, slot: Slot) -> float | None:
        """Estimated arrival at the provider: answer time less the fastest round trip seen so far. The fastest
        only shrinks, so estimates only move later: the window errs on the safe side."""
        if slot.answered is None:
            return None
        if self.fastest is None:  # no warm round trip measured yet: assume it arrived when answered
            return slot.answered
        return max(slot.start, slot.answered - self.fastest)

    def _wait_needed(self, now: float) -> float:
        if now < self.not_before:
            return self.not_before - now
        rate = self._current_rate(now)
        if rate <= 0:
            return 0.0
        if now < self.next_at:
            return self.next_at - now
        count, window = permits(rate)
        horizon = now - window - MARGIN
        arrivals = [(slot, self._arrival(slot)) for slot in self.slots]
        kept = [(slot, at) for slot, at in arrivals if at is None or at > horizon]
        self.slots = [slot for slot, _ in kept]
        if len(self.slots) < count:
            return 0.0
        answered = sorted(at for _, at in kept if at is not None)
        in_flight = len(kept) - len(answered)
        if in_flight >= count or not answered:
            return 0.01  # the window is full of requests in flight: check again shortly
        # The oldest answered slots must leave the window until fewer than `count` remain.
        leaving = answered[len(kept) - count]
        return max(leaving - horizon, 0.001)

    async def acquire(self) -> Slot | None:
        """Waits for a place in the window; pass the returned slot to `done` when the provider has answered."""
        if self.rate <= 0 and self._pending is None:  # no limit configured
            return None
        async with self.lock:  # fair: waiters go in arrival order
            while (wait := self._wait_needed(self.clock())) > 0:
                await self.sleep(min(wait, 0.25))  # short naps: a rate change or a pause is seen soon
            slot = Slot(start=self.clock())
            self.slots.append(slot)
            if self.rate > 0:
                self.next_at = max(self.next_at, slot.start - CATCH_UP) + interval(self.rate)
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
    """One limiter per key (campaign, channel); rates may change while the campaign runs, and keep their
    history when they do."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic, sleep: Sleep = asyncio.sleep) -> None:
        self.clock = clock
        self.sleep = sleep
        self.limiters: dict[Hashable, SlidingWindowLimiter] = {}

    def get(self, key: Hashable, rate: float, *, not_before: float = 0.0) -> SlidingWindowLimiter:
        """The key's limiter at `rate`; a new one does not send before `not_before` (clock time)."""
        limiter = self.limiters.get(key)
        if limiter is None:
            limiter = self.limiters[key] = SlidingWindowLimiter(
                rate, clock=self.clock, sleep=self.sleep, not_before=not_before
            )
        else:
            limiter.set_rate(rate)
        return limiter
