"""Whether a campaign's messages can reach real companies as written (campaigns.readiness): what preview and
launch warn about, in the reader's language. Setting names are written as the settings are spelled."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "ready_no_reply_number": {
        "nb": "SMS_REPLY_NUMBER er ikke satt: brev og e-post ber bedriftene sende SMS til «{placeholder}», som "
        "ikke er et ekte nummer. Sett SMS_REPLY_NUMBER til nummeret bedriftene skal sende SMS til.",
        "nn": "SMS_REPLY_NUMBER er ikkje sett: brev og e-post ber verksemdene sende SMS til «{placeholder}», som "
        "ikkje er eit ekte nummer. Set SMS_REPLY_NUMBER til nummeret verksemdene skal sende SMS til.",
        "en": "SMS_REPLY_NUMBER is not set: letters and e-mails ask companies to text “{placeholder}”, which is "
        "not a real number. Set SMS_REPLY_NUMBER to the number companies should text.",
    },
    "ready_local_address": {
        "nb": "PUBLIC_BASE_URL er {url}, en lokal adresse: lenkene og QR-kodene i meldingene virker bare på denne "
        "maskinen, og Twilio og Telegram når ikke webhookene. Sett PUBLIC_BASE_URL til den offentlige "
        "adressen (https://…).",
        "nn": "PUBLIC_BASE_URL er {url}, ei lokal adresse: lenkjene og QR-kodane i meldingane verkar berre på "
        "denne maskina, og Twilio og Telegram når ikkje webhookane. Set PUBLIC_BASE_URL til den offentlege "
        "adressa (https://…).",
        "en": "PUBLIC_BASE_URL is {url}, a local address: the links and QR codes in the messages work only on "
        "this machine, and Twilio and Telegram cannot reach the webhooks. Set PUBLIC_BASE_URL to the public "
        "address (https://…).",
    },
    "ready_unset": {"nb": "ikke satt", "nn": "ikkje sett", "en": "not set"},
    "ready_sandbox_only": {
        "nb": "Kampanjen bruker bare sandkassekanaler, så ingenting går ut på ekte; rett dette før en kampanje "
        "skal sendes på ekte.",
        "nn": "Kampanjen brukar berre sandkassekanalar, så ingenting går ut på ekte; rett dette før ein kampanje "
        "skal sendast på ekte.",
        "en": "The campaign uses only sandbox channels, so nothing goes out for real; mend this before a "
        "campaign is sent for real.",
    },
    "ready_refused": {
        "nb": "Kampanjen sendes på ekte ({channels}) og kan ikke startes før dette er rettet.",
        "nn": "Kampanjen blir send på ekte ({channels}) og kan ikkje startast før dette er retta.",
        "en": "The campaign goes out for real ({channels}) and cannot be launched until this is mended.",
    },
    "ready_channel_sms": {"nb": "SMS via Twilio", "nn": "SMS via Twilio", "en": "SMS via Twilio"},
    "ready_channel_telegram": {"nb": "Telegram", "nn": "Telegram", "en": "Telegram"},
    "ready_channel_email": {"nb": "e-post via SMTP", "nn": "e-post via SMTP", "en": "e-mail via SMTP"},
    "ready_channel_letter": {"nb": "brev", "nn": "brev", "en": "letters"},
}
