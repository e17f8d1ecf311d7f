"""Runtime configuration (PRODUCT §8), read from the environment or a `.env` file.

One `Settings` object is built at the edge (CLI, ASGI factory) and passed in; nothing imports a global.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import field_validator
from pydantic_settings import BaseSettings
from pydantic_settings import SettingsConfigDict

ROOT = Path(__file__).resolve().parent
TEMPLATES_DIR = ROOT / "templates"


class Settings(BaseSettings):
    """Everything the process needs to know about its surroundings."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = "sqlite:///jeger.db"
    public_base_url: str = "http://127.0.0.1:8000"
    # None means: generated once and kept in the database (store.secrets).
    secret_key: str | None = None

    twilio_account_sid: str | None = None
    twilio_auth_token: str | None = None
    twilio_messaging_service_sid: str | None = None
    twilio_from: str | None = None
    # The number letters and e-mails tell companies to text; TWILIO_FROM when unset (needed with a
    # messaging service, which has no single sender number).
    sms_reply_number: str | None = None
    twilio_api_base: str = "https://api.twilio.com"

    telegram_bot_token: str | None = None
    telegram_mode: Literal["polling", "webhook"] = "polling"
    telegram_webhook_secret: str | None = None
    telegram_api_base: str = "https://api.telegram.org"
    telegram_bot_username: str = "laereplassjeger_bot"

    smtp_url: str | None = None
    mail_from: str | None = None

    letters_dir: Path = Path("letters")
    templates_dir: Path = TEMPLATES_DIR

    sms_price_per_segment: float = 0.45  # NOK per SMS segment, for cost estimates
    stale_after_hours: float = 6.0
    max_outreach_per_day: int = 1
    retention_months: int = 18
    failure_pause_ratio: float = 0.2
    failure_pause_window: int = 100
    # The language the `jeger` command speaks to the person at the terminal (JEGER_LANGUAGE; `jeger --language`
    # wins). Named with the command's prefix because a bare LANGUAGE is the POSIX locale list ("en_US:en").
    jeger_language: Literal["nb", "nn", "en"] = "nb"
    timezone: str = "Europe/Oslo"  # the scheduler's; times shown to people use store.times.ZONE_NAME
    staff_alert_email: str | None = None
    # Messages one sender may send in an hour before we stop answering (they are still stored): a whole
    # registration with corrections is about fifteen; a flood or a looping auto-responder is far more.
    inbound_per_hour: int = 40

    @field_validator("public_base_url", "twilio_api_base", "telegram_api_base")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        return value.rstrip("/")

    @property
    def twilio_enabled(self) -> bool:
        return bool(self.twilio_account_sid and self.twilio_auth_token)

    @property
    def telegram_enabled(self) -> bool:
        return bool(self.telegram_bot_token)

    @property
    def smtp_enabled(self) -> bool:
        return bool(self.smtp_url)
