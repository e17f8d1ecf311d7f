"""The name of every stored state and code people read: one label per state, in every place (the CLI's tables,
the dashboard's badges, the hunters' chat, lifecycle's sentences), in bokmål, nynorsk and English.

Keys are the enums' machine values, which `--json`, the API and exports keep. Labels start with a capital
letter, as a table cell or a badge shows them; inside a sentence use `label(..., lower=True)`. Each label also
reads after "er" ("Kampanje 3 er nå i gang"), which is why `running` is "I gang" and not "Sender".
"""

from __future__ import annotations

Variants = dict[str, str]


def _v(nb: str, nn: str, en: str) -> Variants:
    return {"nb": nb, "nn": nn, "en": en}


LABELS: dict[str, dict[str, Variants]] = {
    "campaign": {
        "draft": _v("Utkast", "Utkast", "Draft"),
        "scheduled": _v("Planlagt", "Planlagd", "Scheduled"),
        "running": _v("I gang", "I gang", "Running"),
        "paused": _v("På pause", "På pause", "Paused"),
        "completed": _v("Fullført", "Fullført", "Completed"),
        "cancelled": _v("Avbrutt", "Avbroten", "Cancelled"),
    },
    "message": {
        "queued": _v("I kø", "I kø", "Queued"),
        "sending": _v("Sendes", "Blir send", "Sending"),
        "sent": _v("Sendt", "Send", "Sent"),
        "delivered": _v("Levert", "Levert", "Delivered"),
        "failed": _v("Feilet", "Feila", "Failed"),
        "undelivered": _v("Ikke levert", "Ikkje levert", "Not delivered"),
        "skipped": _v("Hoppet over", "Hoppa over", "Skipped"),
        "cancelled": _v("Avbrutt", "Avbroten", "Cancelled"),
        "unknown": _v("Uavklart", "Uavklart", "Unresolved"),
    },
    "lead": {
        "new": _v("Ledig", "Ledig", "Open"),
        "claimed": _v("Tatt", "Teken", "Claimed"),
        "contacted": _v("Kontaktet", "Kontakta", "Contacted"),
        "became_training_company": _v("Ble lærebedrift", "Vart lærebedrift", "Became a training company"),
        "declined": _v("Takket nei", "Takka nei", "Declined"),
        "no_answer": _v("Fikk ikke svar", "Fekk ikkje svar", "No answer"),
    },
    "hunter": {
        "pending": _v("Venter på godkjenning", "Ventar på godkjenning", "Waiting for approval"),
        "approved": _v("Godkjent", "Godkjend", "Approved"),
        "rejected": _v("Ikke godkjent", "Ikkje godkjend", "Not approved"),
    },
    "hunter_type": {
        "union": _v("Fagforbund", "Fagforbund", "Trade union"),
        "trade_body": _v("Bransjeorganisasjon", "Bransjeorganisasjon", "Trade association"),
        "training_office": _v("Opplæringskontor", "Opplæringskontor", "Training office"),
        "school": _v("Skole", "Skule", "School"),
        "municipality": _v("Kommune", "Kommune", "Municipality"),
        "county_council": _v("Fylkeskommune", "Fylkeskommune", "County council"),
        "nav": _v("NAV", "NAV", "NAV"),
        "other": _v("Annet", "Anna", "Other"),
    },
    "intent": {
        "interested": _v("Interessert", "Interessert", "Interested"),
        "declined": _v("Nei takk", "Nei takk", "No thanks"),
        "opt_out": _v("Avmeldt", "Avmeld", "Unsubscribed"),
        "help": _v("Hjelp", "Hjelp", "Help"),
        "free_text": _v("Spørsmål", "Spørsmål", "Question"),
        "answer": _v("Svar", "Svar", "Answer"),
        "command": _v("Kommando", "Kommando", "Command"),
    },
    "channel": {
        "letter": _v("Brev", "Brev", "Letter"),
        "email": _v("E-post", "E-post", "E-mail"),
        "sms": _v("SMS", "SMS", "SMS"),
        "telegram": _v("Telegram", "Telegram", "Telegram"),
        "sandbox": _v("Sandkasse", "Sandkasse", "Sandbox"),
        "web": _v("Nettskjema", "Nettskjema", "Web form"),
    },
    "audience": {
        "everyone": _v("Alle", "Alle", "Everyone"),
        "no_reply": _v("De som ikke har svart", "Dei som ikkje har svart", "Those who have not replied"),
        "interested": _v("De interesserte", "Dei interesserte", "Those interested"),
    },
    "role": {
        "admin": _v("Administrator", "Administrator", "Administrator"),
        "staff": _v("Kampanjeansvarlig", "Kampanjeansvarleg", "Campaign manager"),
        "county": _v(
            "Fylkesansvarlig", "Fylkesansvarleg", "County officer"
        ),  # scoped to counties (staff.scopes)
    },
    "wait": {
        "window": _v("Utenfor sendetiden", "Utanfor sendetida", "Outside the sending hours"),
        "send_day": _v("Ikke sendedag", "Ikkje sendedag", "Not a sending day"),
        "holiday": _v("Helligdag", "Heilagdag", "Public holiday"),
        "daily_cap": _v("Grensen per dag", "Grensa per dag", "The daily limit"),
        "rate": _v("Sendefarten", "Sendefarten", "The sending rate"),
        "paused": _v("Kampanjen er på pause", "Kampanjen er på pause", "The campaign is paused"),
        "retry": _v("Nytt forsøk", "Nytt forsøk", "Retry"),
    },
    "rsvp": {
        "attending": _v("Kommer", "Kjem", "Attending"),
        "waiting": _v("Venteliste", "Venteliste", "Waiting list"),
        "declined": _v("Kommer ikke", "Kjem ikkje", "Not attending"),
    },
    # Where a registration, an opt-out, a reply or a contact came from (the dashboard's "Kilde").
    "source": {
        "sms": _v("SMS", "SMS", "SMS"),
        "telegram": _v("Telegram", "Telegram", "Telegram"),
        "web": _v("nettskjemaet", "nettskjemaet", "the web form"),
        "staff": _v("en ansatt", "ein tilsett", "a staff member"),
        "sandbox": _v("sandkassen", "sandkassa", "the sandbox"),
        "provider": _v(
            "leverandøren (nummeret sa STOPP)",
            "leverandøren (nummeret sa STOPP)",
            "the provider (the number said STOP)",
        ),
        "privacy": _v("personvernforespørsel", "personvernførespurnad", "a privacy request"),
        "register": _v("Enhetsregisteret", "Einingsregisteret", "the Central Coordinating Register"),
        "registration": _v("registreringen", "registreringa", "the registration"),
        "conversation": _v("samtalen", "samtalen", "the conversation"),
        "email": _v("e-post", "e-post", "e-mail"),
    },
}

TEXTS: dict[str, Variants] = {
    f"label.{kind}.{value}": variants for kind, values in LABELS.items() for value, variants in values.items()
}
