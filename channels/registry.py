"""Which adapter serves each channel: the provider when it is configured, the sandbox otherwise."""

from __future__ import annotations

import logging

from settings import Settings
from store.models import Channel

from .base import ChannelAdapter
from .sandbox import SandboxChannel

log = logging.getLogger(__name__)


def build_channels(settings: Settings) -> dict[Channel, ChannelAdapter]:
    """Adapters for SMS, Telegram and e-mail. Printed letters are batched by the dispatcher, not sent here."""
    adapters: dict[Channel, ChannelAdapter] = {}
    if settings.twilio_enabled:
        from .sms import TwilioSms

        adapters[Channel.SMS] = TwilioSms(settings)
    if settings.telegram_enabled:
        from .telegram import TelegramChannel

        adapters[Channel.TELEGRAM] = TelegramChannel(settings)
    if settings.smtp_enabled:
        from .email import SmtpEmail

        adapters[Channel.EMAIL] = SmtpEmail(settings)
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
