"""Which process runs which background part: the Telegram bot must run where its updates arrive."""

from __future__ import annotations

from runtime import parts_of
from settings import Settings


def _settings(mode: str) -> Settings:
    return Settings(_env_file=None, telegram_mode=mode)  # type: ignore[call-arg]


def test_the_bot_runs_in_the_web_processes_in_webhook_mode_and_in_the_scheduler_when_polling() -> None:
    webhook, polling = _settings("webhook"), _settings("polling")
    assert parts_of("web", webhook)["bot"] and not parts_of("scheduler", webhook)["bot"]
    assert parts_of("scheduler", polling)["bot"] and not parts_of("web", polling)["bot"]
    for settings in (webhook, polling):
        assert not parts_of("worker", settings)["bot"]
        assert parts_of("serve", settings) == {"worker": True, "scheduler": True, "bot": True}
        # Every part runs somewhere when the three processes of the README run side by side.
        split = [parts_of(process, settings) for process in ("web", "worker", "scheduler")]
        assert {part for parts in split for part, on in parts.items() if on} == {"worker", "scheduler", "bot"}
        assert sum(parts["bot"] for parts in split) == 1
