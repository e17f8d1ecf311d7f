"""Which adapter serves each channel: the provider when it is configured, the sandbox otherwise."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from channels.base import ChannelAdapter
from channels.sandbox import SandboxChannel
from settings import Settings
from store.models import Channel

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)


LIVE_PROVIDERS = {Channel.SMS: "Twilio", Channel.TELEGRAM: "Telegram", Channel.EMAIL: "SMTP"}


class ChannelLive(ValueError):
    """The sandbox was asked to act on a channel that has a real provider (PRODUCT §12). Channels sit beside
    the catalogue, not above it: the edges write it for people (catalogue key `sandbox_channel_live` with the
    channel's label and the provider); `str()` is the line for logs."""

    def __init__(self, channel: Channel) -> None:
        self.channel, self.provider = channel, LIVE_PROVIDERS[channel]
        super().__init__(
            f"channel {channel.value} is live via {self.provider}; the sandbox does not act on it"
        )


def is_live(settings: Settings, channel: Channel) -> bool:
    """True when `channel` goes through its provider, as `build_channels` decides: the credentials are set."""
    if channel is Channel.SMS:
        return settings.twilio_enabled
    if channel is Channel.TELEGRAM:
        return settings.telegram_enabled
    if channel is Channel.EMAIL:
        return settings.smtp_enabled
    return False


def require_sandboxed(settings: Settings, channel: Channel) -> None:
    """Raises ChannelLive unless `channel` runs in the sandbox. A sandbox answer on a live channel would be a
    real company's word that never came from it (a STOPP, a registration) while the real chat goes on; the
    CLI and the dashboard call this before anything is stored."""
    if is_live(settings, channel):
        raise ChannelLive(channel)


def build_channels(settings: Settings) -> dict[Channel, ChannelAdapter]:
    """Adapters for SMS, Telegram and e-mail. Printed letters are batched by the dispatcher, not sent here;
    the dispatcher hands its letter printer to the adapters that render PDFs (`use_printer`)."""
    adapters: dict[Channel, ChannelAdapter] = {}
    if settings.twilio_enabled:
        from channels.sms import TwilioSms

        adapters[Channel.SMS] = TwilioSms(settings)
    if settings.telegram_enabled:
        from channels.telegram import TelegramChannel

        adapters[Channel.TELEGRAM] = TelegramChannel(settings)
    if settings.smtp_enabled:
        from channels.email import SmtpEmail

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
