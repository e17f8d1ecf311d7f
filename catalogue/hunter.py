"""What hunters read in their chat: sign-up, lead cards, lead lists and outcomes."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "more_open_leads_one": {
        "nb": "… og {count} ledig lead til.",
        "nn": "… og {count} ledig lead til.",
        "en": "… and {count} more open lead.",
    },
    "more_open_leads_other": {
        "nb": "… og {count} ledige leads til.",
        "nn": "… og {count} ledige leads til.",
        "en": "… and {count} more open leads.",
    },
}
