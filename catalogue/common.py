"""Texts every area shares: how a time names its zone and says "today", and how a long list pages on."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "zone_note": {"nb": "norsk tid", "nn": "norsk tid", "en": "Norway time"},
    "today_at": {"nb": "i dag {time}", "nn": "i dag {time}", "en": "today {time}"},
    "tomorrow_at": {"nb": "i morgen {time}", "nn": "i morgon {time}", "en": "tomorrow {time}"},
    "weekday_at": {"nb": "{weekday} {time}", "nn": "{weekday} {time}", "en": "{weekday} {time}"},
    "language_nb": {"nb": "Bokmål", "nn": "Bokmål", "en": "Norwegian Bokmål"},
    "language_nn": {"nb": "Nynorsk", "nn": "Nynorsk", "en": "Norwegian Nynorsk"},
    "language_en": {"nb": "Engelsk", "nn": "Engelsk", "en": "English"},
    "next_page": {"nb": "Neste side", "nn": "Neste side", "en": "Next page"},
    "first_page": {"nb": "Til første side", "nn": "Til første sida", "en": "Back to the first page"},
    "leads_page_note": {
        "nb": "på denne siden (de eldste først; nedlastingene har alle)",
        "nn": "på denne sida (dei eldste først; nedlastingane har alle)",
        "en": "on this page (oldest first; the downloads hold them all)",
    },
    "cursor_refused": {
        "nb": "Lenken til neste side er ugyldig eller skadet. Gå tilbake til første side av listen.",
        "nn": "Lenkja til neste side er ugyldig eller skadd. Gå tilbake til første sida av lista.",
        "en": "after: the cursor is not one this list gave out; start again from the first page.",
    },
}
