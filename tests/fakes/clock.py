"""A monotonic clock for code that takes `clock` and `sleep` (the rate limiter): it moves only when something
sleeps on it, so a test of seconds of pacing runs in no real time and gives the same answer on a loaded machine."""

from __future__ import annotations

import asyncio


class FakeClock:
    """Callable as the clock; `sleep` moves it on by the time asked and lets the other tasks run.

    Tasks that sleep at the same time each move it on, so time runs faster than it would, never backwards: what
    a limiter promises about any window of time must hold all the same."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(seconds, 0.0)
        await asyncio.sleep(0)
