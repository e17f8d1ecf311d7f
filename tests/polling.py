"""Waiting in async tests for something another task, thread or process does: poll with a deadline, never a
fixed sleep, and say what did not happen when the deadline passes."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


async def eventually(
    probe: Callable[[], T],
    *,
    what: str,
    timeout: float = 60.0,
    in_thread: bool = True,
    interval: float = 0.05,
) -> T:
    """Calls `probe` until it returns something truthy and returns that; fails after `timeout` seconds.

    A probe that reads the database runs in a thread (`in_thread`), so the event loop it waits for keeps going;
    one that reads what the loop itself changes (a fake's records, a task's state) runs on the loop."""
    deadline = time.monotonic() + timeout
    while not (found := await asyncio.to_thread(probe) if in_thread else probe()):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await asyncio.sleep(interval)
    return found
