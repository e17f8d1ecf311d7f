"""What the staff dashboard says on every page and when something goes wrong: the footer, the error pages and
the words its tables share. In the staff user's language (`staff_user.language`, bokmål until they choose)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "admin_footer": {
        "nb": "Læreplassjeger · WorldSkills Norway og fylkeskommunene · Alle tider er norsk tid (Europe/Oslo)",
        "nn": "Læreplassjeger · WorldSkills Norway og fylkeskommunane · Alle tider er norsk tid (Europe/Oslo)",
        "en": "Læreplassjeger · WorldSkills Norway and the county councils · All times are Norway time "
        "(Europe/Oslo)",
    },
    "admin_to_front_page": {"nb": "Til forsiden", "nn": "Til framsida", "en": "To the front page"},
    "admin_back_to": {"nb": "← {name}", "nn": "← {name}", "en": "← {name}"},
    "admin_download_excel": {"nb": "Last ned Excel", "nn": "Last ned Excel", "en": "Download Excel"},
    "admin_download_csv": {"nb": "Last ned CSV", "nn": "Last ned CSV", "en": "Download CSV"},
    "admin_times_norway": {"nb": "(norsk tid)", "nn": "(norsk tid)", "en": "(Norway time)"},
    "admin_all": {"nb": "Alle", "nn": "Alle", "en": "All"},
    "admin_filter": {"nb": "Vis", "nn": "Vis", "en": "Show"},
    "admin_none": {"nb": "–", "nn": "–", "en": "–"},
    "admin_of": {"nb": "{done} av {total}", "nn": "{done} av {total}", "en": "{done} of {total}"},
    "admin_language_nb": {"nb": "bokmål", "nn": "bokmål", "en": "Bokmål"},
    "admin_language_nn": {"nb": "nynorsk", "nn": "nynorsk", "en": "Nynorsk"},
    "admin_language_en": {"nb": "engelsk", "nn": "engelsk", "en": "English"},
    "admin_day_mon": {"nb": "man", "nn": "mån", "en": "Mon"},
    "admin_day_tue": {"nb": "tir", "nn": "tys", "en": "Tue"},
    "admin_day_wed": {"nb": "ons", "nn": "ons", "en": "Wed"},
    "admin_day_thu": {"nb": "tor", "nn": "tor", "en": "Thu"},
    "admin_day_fri": {"nb": "fre", "nn": "fre", "en": "Fri"},
    "admin_day_sat": {"nb": "lør", "nn": "lau", "en": "Sat"},
    "admin_day_sun": {"nb": "søn", "nn": "sun", "en": "Sun"},
    # Pages of a long list (keyset pagination: first and next only)
    "admin_first_page_back": {"nb": "← Første side", "nn": "← Første side", "en": "← First page"},
    "admin_next_page": {"nb": "Neste side →", "nn": "Neste side →", "en": "Next page →"},
    "admin_no_more_rows": {"nb": "Ingen flere rader.", "nn": "Ingen fleire rader.", "en": "No more rows."},
    "admin_to_first_page": {"nb": "Til første side", "nn": "Til første side", "en": "To the first page"},
    # Signing in
    "admin_sign_in": {"nb": "Logg inn", "nn": "Logg inn", "en": "Sign in"},
    "admin_sign_in_for": {
        "nb": "For kampanjeansvarlige i Læreplassjeger.",
        "nn": "For kampanjeansvarlege i Læreplassjeger.",
        "en": "For campaign managers of Læreplassjeger.",
    },
    "admin_email_address": {"nb": "E-postadresse", "nn": "E-postadresse", "en": "E-mail address"},
    "admin_sign_in_refused": {
        "nb": "Feil e-postadresse eller passord.",
        "nn": "Feil e-postadresse eller passord.",
        "en": "Wrong e-mail address or password.",
    },
    "admin_sign_in_throttled_one": {
        "nb": "For mange mislykkede innloggingsforsøk fra denne maskinen. Vent {count} minutt og prøv igjen.",
        "nn": "For mange mislukka innloggingsforsøk frå denne maskina. Vent {count} minutt og prøv igjen.",
        "en": "Too many failed sign-in attempts from this machine. Wait {count} minute and try again.",
    },
    "admin_sign_in_throttled_other": {
        "nb": "For mange mislykkede innloggingsforsøk fra denne maskinen. Vent {count} minutter og prøv igjen.",
        "nn": "For mange mislukka innloggingsforsøk frå denne maskina. Vent {count} minutt og prøv igjen.",
        "en": "Too many failed sign-in attempts from this machine. Wait {count} minutes and try again.",
    },
    # Error pages
    "admin_error_csrf_title": {
        "nb": "Skjemaet kunne ikke sendes",
        "nn": "Skjemaet kunne ikkje sendast",
        "en": "The form could not be sent",
    },
    "admin_error_csrf_text": {
        "nb": "Skjemaet var utløpt eller mangler sikkerhetsnøkkelen. Gå tilbake, last siden på nytt og prøv "
        "igjen. Ingenting ble endret.",
        "nn": "Skjemaet var gått ut eller manglar tryggleiksnøkkelen. Gå tilbake, last sida på nytt og prøv "
        "igjen. Ingenting vart endra.",
        "en": "The form had expired or lacks its security key. Go back, reload the page and try again. "
        "Nothing was changed.",
    },
    "admin_error_scope_title": {
        "nb": "Ikke for fylkesansvarlige",
        "nn": "Ikkje for fylkesansvarlege",
        "en": "Not for county officers",
    },
    "admin_error_scope_text": {
        "nb": "Denne siden gjelder alle fylker (registerimporten og sandkassen). Som fylkesansvarlig ser du leads, "
        "bedrifter, kampanjer, resultater, innboksen og jegere i dine fylker.",
        "nn": "Denne sida gjeld alle fylke (registerimporten og sandkassa). Som fylkesansvarleg ser du leads, "
        "bedrifter, kampanjar, resultat, innboksen og jegerar i dine fylke.",
        "en": "This page covers every county (the register import and the sandbox). As a county officer you see "
        "the leads, companies, campaigns, results, inbox and hunters of your counties.",
    },
    "admin_error_admin_title": {
        "nb": "Bare for administratorer",
        "nn": "Berre for administratorar",
        "en": "For administrators only",
    },
    "admin_error_admin_text": {
        "nb": "Dette kan bare en administrator gjøre. Ingenting ble endret.",
        "nn": "Dette kan berre ein administrator gjere. Ingenting vart endra.",
        "en": "Only an administrator can do this. Nothing was changed.",
    },
    "admin_error_400": {"nb": "Ugyldig forespørsel", "nn": "Ugyldig førespurnad", "en": "Invalid request"},
    "admin_error_404": {"nb": "Fant ikke siden", "nn": "Fann ikkje sida", "en": "Page not found"},
    "admin_error_405": {"nb": "Ikke tillatt", "nn": "Ikkje tillate", "en": "Not allowed"},
    "admin_error_409": {"nb": "Det gikk ikke nå", "nn": "Det gjekk ikkje no", "en": "Not possible right now"},
    "admin_error_413": {"nb": "For stort", "nn": "For stort", "en": "Too large"},
    "admin_error_422": {"nb": "Ugyldige verdier", "nn": "Ugyldige verdiar", "en": "Invalid values"},
    "admin_error_429": {"nb": "For mange forsøk", "nn": "For mange forsøk", "en": "Too many attempts"},
    "admin_error_title": {"nb": "Noe gikk galt", "nn": "Noko gjekk gale", "en": "Something went wrong"},
    "admin_error_not_found_text": {
        "nb": "Denne siden finnes ikke. Sjekk adressen, eller gå til forsiden.",
        "nn": "Denne sida finst ikkje. Sjekk adressa, eller gå til framsida.",
        "en": "This page does not exist. Check the address, or go to the front page.",
    },
    "admin_error_method_text": {
        "nb": "Denne handlingen kan ikke gjøres fra denne siden.",
        "nn": "Denne handlinga kan ikkje gjerast frå denne sida.",
        "en": "This action cannot be taken from this page.",
    },
    "admin_error_server_text": {
        "nb": "Det oppstod en feil hos oss, og feilen er logget. Prøv igjen om litt. Skjer det igjen, si fra "
        "til en administrator og fortell hva du gjorde.",
        "nn": "Det oppstod ein feil hos oss, og feilen er logga. Prøv igjen om litt. Skjer det igjen, sei frå "
        "til ein administrator og fortel kva du gjorde.",
        "en": "Something failed on our side, and the error has been logged. Try again in a moment. If it "
        "happens again, tell an administrator what you did.",
    },
    "admin_error_unstorable": {
        "nb": "Et tall eller en tekst i forespørselen kan ikke lagres eller søkes etter (for stort eller ugyldige "
        "tegn). Ingenting ble endret.",
        "nn": "Eit tal eller ein tekst i førespurnaden kan ikkje lagrast eller søkjast etter (for stort eller "
        "ugyldige teikn). Ingenting vart endra.",
        "en": "A number or text in the request cannot be stored or searched for (too large or invalid "
        "characters). Nothing was changed.",
    },
}
