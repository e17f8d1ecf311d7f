"""What the domain refuses to do for staff (catalogue.phrases.Refusal): staff accounts and API keys, merging
registrations, moving a lead, looking up a person's data, the sandbox on a live channel. The CLI writes them in
`jeger --language`, the dashboard in the staff user's language."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # --- staff accounts (staff.accounts, staff.login) ---
    "staff_password_short": {
        "nb": "Passordet er for kort: det må ha minst {minimum} tegn.",
        "nn": "Passordet er for kort: det må ha minst {minimum} teikn.",
        "en": "The password is too short: it needs at least {minimum} characters.",
    },
    "staff_email_invalid": {
        "nb": "«{email}» er ikke en gyldig e-postadresse.",
        "nn": "«{email}» er ikkje ei gyldig e-postadresse.",
        "en": "“{email}” is not a valid e-mail address.",
    },
    "staff_email_taken": {
        "nb": "Det finnes allerede en bruker med e-postadressen {email}.",
        "nn": "Det finst allereie ein brukar med e-postadressa {email}.",
        "en": "A user with the e-mail address {email} already exists.",
    },
    "staff_counties_for_staff_only": {
        "nb": "Bare kampanjeansvarlige kan begrenses til fylker (--role county).",
        "nn": "Berre kampanjeansvarlege kan avgrensast til fylke (--role county).",
        "en": "Only campaign managers can be limited to counties (--role county).",
    },
    "staff_county_needed": {
        "nb": "En fylkesansvarlig trenger minst ett fylke (--county 55).",
        "nn": "Ein fylkesansvarleg treng minst eitt fylke (--county 55).",
        "en": "A county officer needs at least one county (--county 55).",
    },
    "staff_county_unknown": {
        "nb": "Ukjent fylkesnummer: {numbers} (f.eks. 03 Oslo, 55 Troms).",
        "nn": "Ukjent fylkesnummer: {numbers} (t.d. 03 Oslo, 55 Troms).",
        "en": "Unknown county number: {numbers} (e.g. 03 Oslo, 55 Troms).",
    },
    "staff_no_such_user": {
        "nb": "Fant ingen bruker med nummer {id}.",
        "nn": "Fann ingen brukar med nummer {id}.",
        "en": "No user has number {id}.",
    },
    "staff_last_admin": {
        "nb": "Den siste aktive administratoren kan ikke deaktiveres.",
        "nn": "Den siste aktive administratoren kan ikkje deaktiverast.",
        "en": "The last active administrator cannot be deactivated.",
    },
    "staff_language_unknown": {
        "nb": "«{chosen}» er ikke et av språkene {languages}.",
        "nn": "«{chosen}» er ikkje eitt av språka {languages}.",
        "en": "“{chosen}” is not one of the languages {languages}.",
    },
    # --- API keys (staff.tokens) ---
    "token_at_least_a_day": {
        "nb": "En nøkkel må gjelde i minst én dag.",
        "nn": "Ein nøkkel må gjelde i minst éin dag.",
        "en": "A key must be valid for at least one day.",
    },
    "token_name_too_long": {
        "nb": "Navnet er for langt: høyst {maximum} tegn.",
        "nn": "Namnet er for langt: høgst {maximum} teikn.",
        "en": "The name is too long: at most {maximum} characters.",
    },
    "token_no_such": {
        "nb": "Fant ingen gyldig API-nøkkel med nummer {id} (se `jeger staff tokens EPOST`).",
        "nn": "Fann ingen gyldig API-nøkkel med nummer {id} (sjå `jeger staff tokens EPOST`).",
        "en": "No valid API key has number {id} (see `jeger staff tokens EMAIL`).",
    },
    # --- merging a company's registrations (bot.registration_merge) ---
    "merge_with_itself": {
        "nb": "Registrering {id} kan ikke slås sammen med seg selv: oppgi to ulike numre.",
        "nn": "Registrering {id} kan ikkje slåast saman med seg sjølv: oppgi to ulike nummer.",
        "en": "Registration {id} cannot be merged with itself: give two different numbers.",
    },
    "merge_no_such": {
        "nb": "Fant ingen registrering med nummer {id}.",
        "nn": "Fann inga registrering med nummer {id}.",
        "en": "No registration has number {id}.",
    },
    "merge_other_company": {
        "nb": "Registrering {keep} gjelder {keep_company} og registrering {other} gjelder {other_company}: bare "
        "registreringer for samme bedrift kan slås sammen.",
        "nn": "Registrering {keep} gjeld {keep_company} og registrering {other} gjeld {other_company}: berre "
        "registreringar for same bedrift kan slåast saman.",
        "en": "Registration {keep} is for {keep_company} and registration {other} for {other_company}: only "
        "registrations of the same company can be merged.",
    },
    # --- giving a lead to another hunter (hunters.lead_admin) ---
    "reassign_not_approved": {
        "nb": "Leaden kan bare gis til en godkjent jeger.",
        "nn": "Leaden kan berre givast til ein godkjend jeger.",
        "en": "The lead can only be given to an approved hunter.",
    },
    "reassign_outside_counties": {
        "nb": "{hunter} dekker ikke fylket til lead nr. {lead}, så leaden kan ikke gis dit.",
        "nn": "{hunter} dekkjer ikkje fylket til lead nr. {lead}, så leaden kan ikkje givast dit.",
        "en": "{hunter} does not cover the county of lead no. {lead}, so the lead cannot go there.",
    },
    # --- a person's data (companies.privacy) ---
    "privacy_not_a_phone": {
        "nb": "«{address}» er ikke et gyldig telefonnummer",
        "nn": "«{address}» er ikkje eit gyldig telefonnummer",
        "en": "“{address}” is not a valid phone number",
    },
    "privacy_not_an_email": {
        "nb": "«{address}» er ikke en e-postadresse",
        "nn": "«{address}» er ikkje ei e-postadresse",
        "en": "“{address}” is not an e-mail address",
    },
    "privacy_no_such_company": {
        "nb": "orgnr {orgnr}: ingen bedrift har dette organisasjonsnummeret",
        "nn": "orgnr {orgnr}: inga bedrift har dette organisasjonsnummeret",
        "en": "orgnr {orgnr}: no company has this organisation number",
    },
    # --- the sandbox (channels.registry, bot.replies) ---
    "sandbox_channel_live": {
        "nb": "{channel}-kanalen er i drift ({provider} er satt opp), så sandkassen kan ikke svare på den. "
        "Sandkassen virker bare på kanaler uten leverandør. Ingenting ble lagret.",
        "nn": "{channel}-kanalen er i drift ({provider} er sett opp), så sandkassa kan ikkje svare på han. "
        "Sandkassa verkar berre på kanalar utan leverandør. Ingenting vart lagra.",
        "en": "The {channel} channel is live ({provider} is set up), so the sandbox cannot answer on it. The "
        "sandbox works only on channels without a provider. Nothing was stored.",
    },
    "sandbox_unknown_channel": {
        "nb": "kanal «{channel}»: velg sms eller telegram",
        "nn": "kanal «{channel}»: vel sms eller telegram",
        "en": "channel “{channel}”: choose sms or telegram",
    },
    "sandbox_chat_not_phone": {
        "nb": "«{sender}» er en Telegram-chat, ikke et telefonnummer",
        "nn": "«{sender}» er ein Telegram-chat, ikkje eit telefonnummer",
        "en": "“{sender}” is a Telegram chat, not a phone number",
    },
    "sandbox_not_a_chat": {
        "nb": "«{sender}» er ikke en Telegram-chat (et tall)",
        "nn": "«{sender}» er ikkje ein Telegram-chat (eit tal)",
        "en": "“{sender}” is not a Telegram chat (a number)",
    },
    "sandbox_neither_phone_nor_chat": {
        "nb": "«{sender}» er verken et telefonnummer (+47 …) eller en Telegram-chat (et tall)",
        "nn": "«{sender}» er verken eit telefonnummer (+47 …) eller ein Telegram-chat (eit tal)",
        "en": "“{sender}” is neither a phone number (+47 …) nor a Telegram chat (a number)",
    },
}
