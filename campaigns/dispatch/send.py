"""One claimed message handed to its channel's adapter, once: whatever happens comes back as an outcome, never
as an exception, so a sender task survives an adapter's bug."""

from __future__ import annotations

import asyncio
import logging
import time

from campaigns.dispatch.claim import Claimed
from campaigns.dispatch.outcome import Outcome
from channels.base import ChannelAdapter
from channels.base import Failed
from channels.base import OutgoingMessage
from channels.base import RetryLater
from channels.base import Unknown
from companies.unsubscribe import UnsubscribeLinks
from metrics.instruments import SEND_LATENCY
from store.models import Channel

log = logging.getLogger("campaigns.dispatch.dispatcher")  # the dispatcher's log, as operators know it
SAFETY_TIMEOUT = 120.0  # adapters time out on their own; this only catches one that hangs for good


async def send_one(
    adapter: ChannelAdapter | None, item: Claimed, unsubscribe_links: UnsubscribeLinks | None
) -> Outcome:
    """The provider's answer to one send (timed into SEND_LATENCY)."""
    if adapter is None:
        return Failed(reason=f"no adapter for channel {item.channel.value}")
    message = OutgoingMessage(
        message_id=item.id,
        channel=item.channel,
        address=item.address,
        body=item.body,
        subject=item.subject,
        html=item.html,
        extra=item.extra,
        unsubscribe_url=(
            unsubscribe_links.url(item.id)
            if item.channel is Channel.EMAIL and unsubscribe_links is not None
            else None
        ),
    )
    started = time.perf_counter()
    try:
        result: Outcome = await asyncio.wait_for(adapter.send(message), SAFETY_TIMEOUT)
    except TimeoutError:
        # It may be on its way: never a blind retry (e-mail becomes failed, SMS is looked up).
        result = Unknown(reason=f"no answer from {adapter.provider} within {SAFETY_TIMEOUT:.0f} s")
    except Exception as exc:  # an adapter bug must not kill the sender: the row is retried with the reason
        log.exception("adapter %s raised for message %s", adapter.provider, item.id)
        result = RetryLater(reason=f"{exc.__class__.__name__}: {exc}")
    SEND_LATENCY.labels(channel=item.channel.value).observe(time.perf_counter() - started)
    return result
