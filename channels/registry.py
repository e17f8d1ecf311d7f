"""Which adapter serves each channel: the provider when it is configured, the sandbox otherwise."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from settings import Settings
from store.models import Channel

from .base import ChannelAdapter
from .sandbox import SandboxChannel

if TYPE_CHECKING:
    from .letters import LetterPrinter

log = logging.getLogger(__name__)


def build_channels(
    settings: Settings, *, printer: LetterPrinter | None = None
) -> dict[Channel, ChannelAdapter]:
    """Adapters for SMS, Telegram and e-mail. Printed letters are batched by the dispatcher, not sent here;
    `printer` (its process pool) also renders the e-mails' letter PDFs."""
    adapters: dict[Channel, ChannelAdapter] = {}
    if settings.twilio_enabled:
        from .sms import TwilioSms

        adapters[Channel.SMS] = TwilioSms(settings)
    if settings.telegram_enabled:
        from .telegram import TelegramChannel

        adapters[Channel.TELEGRAM] = TelegramChannel(settings)
    if settings.smtp_enabled:
        from .email import SmtpEmail

        adapters[Channel.EMAIL] = SmtpEmail(settings, printer=printer)
    for channel in (Channel.SMS, Channel.TELEGRAM, Channel.EMAIL):
        if channel not in adapters:
            adapters[channel] = SandboxChannel(channel)
        log.info(
            "channel %s: %s",
            channel.value,
            "sandbox (no credentials)"
            if adapters[channel].provider == "sandbox"
            else f"live via {adapters[channel].provider}",
        )
    return adapters


async def close_channels(adapters: dict[Channel, ChannelAdapter]) -> None:
    for adapter in adapters.values():
        await adapter.close()
