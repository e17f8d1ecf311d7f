"""Why companies in a campaign's audience get nothing in a step (campaigns.audience_gaps), for the preview page
in the staff user's language: `gap_<reason>` counts them (`{count}` already a formatted number), and
`gap_<reason>_why` ends the sentence about one company ("... because it ...")."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "gap_no_mobile": {
        "nb": "{count} har ikke noe mobilnummer",
        "nn": "{count} har ikkje noko mobilnummer",
        "en": "{count} have no mobile number",
    },
    "gap_no_mobile_why": {
        "nb": "har ikke noe mobilnummer",
        "nn": "har ikkje noko mobilnummer",
        "en": "has no mobile number",
    },
    "gap_no_email": {
        "nb": "{count} har ingen e-postadresse",
        "nn": "{count} har inga e-postadresse",
        "en": "{count} have no e-mail address",
    },
    "gap_no_email_why": {
        "nb": "har ingen e-postadresse",
        "nn": "har inga e-postadresse",
        "en": "has no e-mail address",
    },
    "gap_no_telegram": {
        "nb": "{count} har ikke skrevet til boten på Telegram",
        "nn": "{count} har ikkje skrive til boten på Telegram",
        "en": "{count} have not written to the bot on Telegram",
    },
    "gap_no_telegram_why": {
        "nb": "har ikke skrevet til boten på Telegram",
        "nn": "har ikkje skrive til boten på Telegram",
        "en": "has not written to the bot on Telegram",
    },
    "gap_opted_out": {
        "nb": "{count} har reservert seg (STOPP eller avmelding)",
        "nn": "{count} har reservert seg (STOPP eller avmelding)",
        "en": "{count} have opted out (STOPP or unsubscribe)",
    },
    "gap_opted_out_why": {
        "nb": "har reservert seg (STOPP eller avmelding)",
        "nn": "har reservert seg (STOPP eller avmelding)",
        "en": "has opted out (STOPP or unsubscribe)",
    },
    "gap_invalid": {
        "nb": "{count} har bare adresser som er avvist som ugyldige",
        "nn": "{count} har berre adresser som er avviste som ugyldige",
        "en": "{count} have only addresses rejected as invalid",
    },
    "gap_invalid_why": {
        "nb": "har bare adresser som er avvist som ugyldige",
        "nn": "har berre adresser som er avviste som ugyldige",
        "en": "has only addresses rejected as invalid",
    },
    "gap_sole": {
        "nb": "{count} er enkeltpersonforetak (får ikke SMS eller e-post uten samtykke)",
        "nn": "{count} er enkeltpersonføretak (får ikkje SMS eller e-post utan samtykke)",
        "en": "{count} are sole proprietorships (no SMS or e-mail without consent)",
    },
    "gap_sole_why": {
        "nb": "er enkeltpersonforetak (får ikke SMS eller e-post uten samtykke)",
        "nn": "er enkeltpersonføretak (får ikkje SMS eller e-post utan samtykke)",
        "en": "is a sole proprietorship (no SMS or e-mail without consent)",
    },
    "gap_no_postal": {
        "nb": "{count} har verken e-postadresse eller postadresse",
        "nn": "{count} har verken e-postadresse eller postadresse",
        "en": "{count} have neither an e-mail nor a postal address",
    },
    "gap_no_postal_why": {
        "nb": "har verken e-postadresse eller postadresse",
        "nn": "har verken e-postadresse eller postadresse",
        "en": "has neither an e-mail nor a postal address",
    },
    "gap_replied": {
        "nb": "{count} har allerede svart på kampanjen",
        "nn": "{count} har alt svart på kampanjen",
        "en": "{count} have already answered the campaign",
    },
    "gap_replied_why": {
        "nb": "har allerede svart på kampanjen",
        "nn": "har alt svart på kampanjen",
        "en": "has already answered the campaign",
    },
    "gap_not_interested": {
        "nb": "{count} har ikke sagt ja eller registrert seg",
        "nn": "{count} har ikkje sagt ja eller registrert seg",
        "en": "{count} have not said yes or registered",
    },
    "gap_not_interested_why": {
        "nb": "har ikke sagt ja eller registrert seg",
        "nn": "har ikkje sagt ja eller registrert seg",
        "en": "has not said yes or registered",
    },
    "gap_rest": {
        "nb": "{count} av andre grunner",
        "nn": "{count} av andre grunnar",
        "en": "{count} for other reasons",
    },
    "gap_note_unknown_orgnr": {
        "nb": "Fant ingen bedrift med organisasjonsnummer {orgnr} i registeret.",
        "nn": "Fann inga verksemd med organisasjonsnummer {orgnr} i registeret.",
        "en": "No company with organisation number {orgnr} in the register.",
    },
    "gap_note_never_contact": {
        "nb": "{name} skrives aldri til ({why}).",
        "nn": "{name} blir aldri skriven til ({why}).",
        "en": "{name} is never written to ({why}).",
    },
    "gap_note_county": {
        "nb": "{name} ligger i {county}, som ikke er med i målgruppen til denne kampanjen.",
        "nn": "{name} ligg i {county}, som ikkje er med i målgruppa til denne kampanjen.",
        "en": "{name} is in {county}, which is not in this campaign's audience.",
    },
    "gap_note_some_county": {"nb": "et fylke", "nn": "eit fylke", "en": "a county"},
    "gap_note_outside": {
        "nb": "{name} er ikke i målgruppen til denne kampanjen (kommune, bransje, antall ansatte eller et unntak "
        "i kampanjen passer ikke).",
        "nn": "{name} er ikkje i målgruppa til denne kampanjen (kommune, bransje, tal på tilsette eller eit unntak "
        "i kampanjen passar ikkje).",
        "en": "{name} is not in this campaign's audience (municipality, trade, number of employees or an "
        "exception in the campaign does not fit).",
    },
    "gap_note_step": {
        "nb": "{name} er i målgruppen, men får ikke dette steget fordi den {why}.",
        "nn": "{name} er i målgruppa, men får ikkje dette steget fordi han {why}.",
        "en": "{name} is in the audience but does not get this step because it {why}.",
    },
}
