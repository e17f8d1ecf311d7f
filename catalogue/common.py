"""Texts every area shares: how a time names its zone and says "today"."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "zone_note": {"nb": "norsk tid", "nn": "norsk tid", "en": "Norway time"},
    "today_at": {"nb": "i dag {time}", "nn": "i dag {time}", "en": "today {time}"},
    "tomorrow_at": {"nb": "i morgen {time}", "nn": "i morgon {time}", "en": "tomorrow {time}"},
    "weekday_at": {"nb": "{weekday} {time}", "nn": "{weekday} {time}", "en": "{weekday} {time}"},
    "language_nb": {"nb": "Bokmål", "nn": "Bokmål", "en": "Norwegian Bokmål"},
    "language_nn": {"nb": "Nynorsk", "nn": "Nynorsk", "en": "Norwegian Nynorsk"},
    "language_en": {"nb": "Engelsk", "nn": "Engelsk", "en": "English"},
}
