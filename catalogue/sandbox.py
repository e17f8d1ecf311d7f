"""The sandbox chat's notes on what cannot be answered as a company (reports.overview.sandbox_thread), in the staff
user's language."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "sandbox_note_unreachable": {
        "nb": "{name} har verken mobilnummer eller Telegram. E-post og brev kan ikke besvares i sandkassen, så du "
        "kan ikke svare som denne bedriften.",
        "nn": "{name} har verken mobilnummer eller Telegram. E-post og brev kan ikkje svarast på i sandkassa, så "
        "du kan ikkje svare som denne verksemda.",
        "en": "{name} has neither a mobile number nor Telegram. E-mail and letters cannot be answered in the "
        "sandbox, so you cannot answer as this company.",
    },
    "sandbox_note_answer_by_sms": {
        "nb": "Bedriften fikk {got}, som ikke kan besvares i sandkassen. Svaret ditt kommer som SMS fra "
        "mobilnummeret {address}, slik bedriften kan svare på ekte.",
        "nn": "Verksemda fekk {got}, som ikkje kan svarast på i sandkassa. Svaret ditt kjem som SMS frå "
        "mobilnummeret {address}, slik verksemda kan svare på ekte.",
        "en": "The company got {got}, which cannot be answered in the sandbox. Your answer comes as an SMS from "
        "the mobile number {address}, as the company can answer for real.",
    },
    "sandbox_note_answer_by_telegram": {
        "nb": "Bedriften fikk {got}, som ikke kan besvares i sandkassen. Svaret ditt kommer som Telegram fra "
        "chatten {address}, slik bedriften kan svare på ekte.",
        "nn": "Verksemda fekk {got}, som ikkje kan svarast på i sandkassa. Svaret ditt kjem som Telegram frå "
        "chatten {address}, slik verksemda kan svare på ekte.",
        "en": "The company got {got}, which cannot be answered in the sandbox. Your answer comes by Telegram from "
        "the chat {address}, as the company can answer for real.",
    },
    "sandbox_got_email": {"nb": "e-post", "nn": "e-post", "en": "an e-mail"},
    "sandbox_got_letter": {"nb": "brev", "nn": "brev", "en": "a letter"},
    "sandbox_note_cannot_answer": {
        "nb": "E-post og brev kan ikke besvares i sandkassen.",
        "nn": "E-post og brev kan ikkje svarast på i sandkassa.",
        "en": "E-mail and letters cannot be answered in the sandbox.",
    },
}
