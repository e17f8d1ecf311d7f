"""The long-running parts of one process (dispatcher, scheduler, Telegram bot) and how `serve` wires them."""

from __future__ import annotations

from typing import Protocol

from settings import Settings
from store.db import Database


class Service(Protocol):
    """Something that runs in the background of the ASGI app: started in the lifespan, stopped on shutdown."""

    name: str

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


def parts_of(process: str, settings: Settings) -> dict[str, bool]:
    """Which background parts a process runs (`serve`: all). The Telegram bot runs where its updates arrive:
    in webhook mode Telegram posts them to the web processes, in polling mode the one scheduler fetches them
    (Telegram allows one poller per bot)."""
    webhook = settings.telegram_mode == "webhook"
    return {
        "serve": {"worker": True, "scheduler": True, "bot": True},
        "web": {"worker": False, "scheduler": False, "bot": webhook},
        "worker": {"worker": True, "scheduler": False, "bot": False},
        "scheduler": {"worker": False, "scheduler": True, "bot": not webhook},
    }[process]


def build_services(
    settings: Settings,
    db: Database,
    *,
    worker: bool = True,
    scheduler: bool = True,
    bot: bool = True,
    demo: bool = False,
) -> list[Service]:
    """The background parts `jeger serve` runs beside the web app; `jeger worker` etc. pick one."""
    services: list[Service] = []
    if worker:
        from campaigns.dispatch.dispatcher import Dispatcher

        services.append(Dispatcher(settings=settings, db=db))
    if scheduler:
        from scheduler import CampaignScheduler

        services.append(CampaignScheduler(settings=settings, db=db))
    if bot:
        from bot.telegram_app import TelegramBot

        services.append(TelegramBot(settings=settings, db=db))
    if demo:
        from demo.simulator import DemoSimulator

        services.append(DemoSimulator(settings=settings, db=db))
    return services
