"""Why one company gets nothing from a campaign step (campaigns.preview.absence_reason), for `jeger campaign
preview --orgnr` and the letter proof, in the reader's language. Each ends a sentence about the company."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "absent_unknown": {
        "nb": "finnes ikke i bedriftsregisteret",
        "nn": "finst ikkje i verksemdsregisteret",
        "en": "is not in the company register",
    },
    "absent_closed": {
        "nb": "er {why} i Enhetsregisteret, og kontaktes aldri",
        "nn": "er {why} i Einingsregisteret, og blir aldri kontakta",
        "en": "is {why} in the Central Coordinating Register, and is never contacted",
    },
    "absent_stopped": {
        "nb": "har sagt STOPP (reservert), og kontaktes aldri",
        "nn": "har sagt STOPP (reservert), og blir aldri kontakta",
        "en": "has said STOPP (opted out), and is never contacted",
    },
    "absent_training_company": {
        "nb": "er allerede lærebedrift",
        "nn": "er alt lærebedrift",
        "en": "is already a training company",
    },
    "absent_registered": {
        "nb": "har allerede registrert interesse",
        "nn": "har alt registrert interesse",
        "en": "has already registered an interest",
    },
    "absent_outside": {
        "nb": "er utenfor målgruppen (fylke, kommune, bransje eller antall ansatte)",
        "nn": "er utanfor målgruppa (fylke, kommune, bransje eller tal på tilsette)",
        "en": "is outside the audience (county, municipality, industry or number of employees)",
    },
    "absent_sole": {
        "nb": "er et enkeltpersonforetak (ENK) og får ikke SMS eller e-post uten include_sole_proprietors = true "
        "(markedsføringsloven § 15)",
        "nn": "er eit enkeltpersonføretak (ENK) og får ikkje SMS eller e-post utan include_sole_proprietors = "
        "true (marknadsføringslova § 15)",
        "en": "is a sole proprietorship (ENK) and gets no SMS or e-mail without include_sole_proprietors = true "
        "(Marketing Control Act § 15)",
    },
    "absent_no_address": {
        "nb": "har ingen brukbar {address}",
        "nn": "har inga brukbar {address}",
        "en": "has no usable {address}",
    },
    "absent_no_address_opted_out": {
        "nb": "har ingen brukbar {address}: adressen er reservert (STOPP eller avmelding)",
        "nn": "har inga brukbar {address}: adressa er reservert (STOPP eller avmelding)",
        "en": "has no usable {address}: the address has opted out (STOPP or unsubscribe)",
    },
    "absent_not_in_step": {
        "nb": "er ikke med i dette steget (only = {only})",
        "nn": "er ikkje med i dette steget (only = {only})",
        "en": "is not in this step (only = {only})",
    },
    "absent_address_sms": {
        "nb": "mobilnummer som kan få SMS",
        "nn": "mobilnummer som kan få SMS",
        "en": "mobile number that can get SMS",
    },
    "absent_address_email": {"nb": "e-postadresse", "nn": "e-postadresse", "en": "e-mail address"},
    "absent_address_telegram": {
        "nb": "Telegram-chat (en bedrift kan ikke kontaktes først på Telegram)",
        "nn": "Telegram-chat (ei verksemd kan ikkje kontaktast først på Telegram)",
        "en": "Telegram chat (a company cannot be contacted first on Telegram)",
    },
    "absent_address_letter": {
        "nb": "e-postadresse eller postadresse",
        "nn": "e-postadresse eller postadresse",
        "en": "e-mail or postal address",
    },
}
