"""Whether a campaign's messages can reach real companies as they are written (issue 15, item 3).

Letters and e-mails tell companies which number to text (`SMS_REPLY_NUMBER`, else `TWILIO_FROM`), and every
message links to `PUBLIC_BASE_URL` (registration page, QR codes; Twilio's status callbacks and the Telegram
webhook too). Unset, the first prints the sandbox's "SMS-nummer (sandkasse)"; the second defaults to
http://127.0.0.1:8000, which works only on the machine itself. That is right for the demo and the sandbox,
and wrong the moment a message goes out through a real provider: so preview and launch warn, and launching a
campaign that uses a live channel is refused until both are set to something a company can reach.

Which adapter is live follows `channels.registry.build_channels`: a channel whose provider is configured.
A letter step goes out by e-mail where the company has an address and is printed otherwise; a printed
letter is real paper as soon as anything is live (nobody prints the sandbox's letters for the post).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.variables import SMS_NUMBER_PLACEHOLDER
from catalogue import DEFAULT_LANGUAGE
from catalogue import text
from settings import Settings
from store.models import CampaignStep
from store.models import Channel

# Host names that never leave the machine or the local network (RFC 6761, RFC 6762, common LAN suffixes).
LOCAL_SUFFIXES = (".localhost", ".local", ".lan", ".home.arpa", ".internal", ".localdomain")
# Channels whose texts show the reply number (letter and e-mail templates say "send JA ... til <nummer>").
NUMBER_CHANNELS = frozenset({Channel.LETTER, Channel.EMAIL})


def is_local_url(url: str | None) -> bool:
    """True when `url` is missing or names this machine or a private network: localhost, 127.x, ::1,
    *.local, 10.x, 172.16-31.x, 192.168.x, fc00::/7, link-local, or a host name without a dot."""
    if not url:
        return True
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".").lower()
    if parts.scheme not in ("http", "https") or not host:
        return True
    if host == "localhost" or host.endswith(LOCAL_SUFFIXES):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return "." not in host  # "jeger-server": resolvable on the LAN at most
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_unspecified
        or address.is_reserved
    )


def live_channels(settings: Settings) -> frozenset[Channel]:
    """The channels that reach real people with these settings (the rest go to the sandbox)."""
    live = set()
    if settings.twilio_enabled:
        live.add(Channel.SMS)
    if settings.telegram_enabled:
        live.add(Channel.TELEGRAM)
    if settings.smtp_enabled:
        live.add(Channel.EMAIL)
    if live:
        live.add(Channel.LETTER)
    return frozenset(live)


@dataclass(frozen=True)
class Problem:
    """A setting that keeps messages from reaching companies: its catalogue key (catalogue.readiness) and
    values."""

    key: str
    url: str | None = None  # PUBLIC_BASE_URL as set (None: unset)

    def text_in(self, language: str) -> str:
        if self.key == "ready_local_address":
            return text(self.key, language, url=self.url or text("ready_unset", language))
        return text(self.key, language, placeholder=SMS_NUMBER_PLACEHOLDER)


@dataclass(frozen=True)
class Readiness:
    """What preview and launch say about the reply number and the public address, in the reader's language."""

    live: tuple[Channel, ...]  # the campaign's channels that reach real companies
    problems: tuple[Problem, ...]  # settings that are unset or local

    @property
    def refuses_launch(self) -> bool:
        """A live campaign with a problem is not launched: its letters or links would not work."""
        return bool(self.live and self.problems)

    def warnings_in(self, language: str = DEFAULT_LANGUAGE) -> list[str]:
        """What preview and launch show, in `language`; for a live campaign it ends with why launch will
        refuse."""
        if not self.problems:
            return []
        written = [problem.text_in(language) for problem in self.problems]
        if not self.live:
            return [*written, text("ready_sandbox_only", language)]
        names = ", ".join(text(f"ready_channel_{c.value}", language) for c in self.live)
        return [*written, text("ready_refused", language, channels=names)]


def check_readiness(*, channels: Iterable[Channel | str], settings: Settings) -> Readiness:
    """The verdict for a campaign whose steps use `channels`. Nothing is reported while every provider is
    the sandbox: that is the demo, whose local address and sandbox number are meant to be."""
    live_now = live_channels(settings)
    if not live_now:
        return Readiness((), ())
    used = {Channel(c) for c in channels}
    problems: list[Problem] = []
    if used & NUMBER_CHANNELS and not (settings.sms_reply_number or settings.twilio_from):
        problems.append(Problem("ready_no_reply_number"))
    if is_local_url(settings.public_base_url):
        problems.append(Problem("ready_local_address", url=settings.public_base_url or None))
    live = tuple(c for c in Channel if c in used and c in live_now)
    return Readiness(live, tuple(problems))


def campaign_readiness(session: Session, *, campaign_id: int, settings: Settings) -> Readiness:
    """The verdict for a stored campaign (its steps' channels), for preview, launch and the dashboard."""
    channels = session.scalars(select(CampaignStep.channel).where(CampaignStep.campaign_id == campaign_id))
    return check_readiness(channels=list(channels), settings=settings)
