"""What companies read on the public pages: the registration page `/r/{token}` and its answers. In the language
the campaign wrote to the company in (`companies.language.written_language`)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "page_title": {"nb": "Læreplassjeger", "nn": "Læreplassjeger", "en": "Læreplassjeger"},
    "page_footer": {
        "nb": "Læreplassjeger er en kampanje fra WorldSkills Norway og fylkeskommunene.",
        "nn": "Læreplassjeger er ein kampanje frå WorldSkills Norway og fylkeskommunane.",
        "en": "Læreplassjeger is a campaign by WorldSkills Norway and the county councils.",
    },
    "reg_title": {
        "nb": "Registrer interesse – {name}",
        "nn": "Registrer interesse – {name}",
        "en": "Register interest – {name}",
    },
    "reg_title_fix": {
        "nb": "Rett opp skjemaet – ",
        "nn": "Rett opp skjemaet – ",
        "en": "Correct the form – ",
    },
    "reg_heading": {
        "nb": "Vil {name} ta inn lærlinger?",
        "nn": "Vil {name} ta inn lærlingar?",
        "en": "Would {name} like to take on apprentices?",
    },
    "reg_intro": {
        "nb": "Fyll ut skjemaet, så tar en læreplassjeger i fylket kontakt. Det tar omtrent ett minutt.",
        "nn": "Fyll ut skjemaet, så tek ein læreplassjeger i fylket kontakt. Det tek om lag eitt minutt.",
        "en": "Fill in the form, and an apprenticeship hunter in your county will get in touch. "
        "It takes about a minute.",
    },
    "reg_orgnr": {
        "nb": "Organisasjonsnummer {orgnr}",
        "nn": "Organisasjonsnummer {orgnr}",
        "en": "Organisation number {orgnr}",
    },
    "reg_summary": {
        "nb": "Noe mangler eller er feil – se merknadene under.",
        "nn": "Noko manglar eller er feil – sjå merknadene under.",
        "en": "Something is missing or wrong – see the notes below.",
    },
    "reg_hint": {
        "nb": "Alle spørsmålene må besvares, unntatt når lærlingen kan begynne. Oppgi telefon, e-post eller begge.",
        "nn": "Alle spørsmåla må svarast på, unnateke når lærlingen kan byrje. Oppgje telefon, e-post eller begge.",
        "en": "Please answer every question except when the apprentice can start. Give a phone number, "
        "an e-mail address or both.",
    },
    "reg_label_contact_name": {"nb": "Kontaktperson", "nn": "Kontaktperson", "en": "Contact person"},
    "reg_label_phone": {"nb": "Telefon", "nn": "Telefon", "en": "Phone"},
    "reg_label_email": {"nb": "E-post", "nn": "E-post", "en": "E-mail"},
    "reg_label_trades": {"nb": "Lærefag", "nn": "Lærefag", "en": "Trades"},
    "reg_trades_hint": {
        "nb": "Åpne et utdanningsprogram og kryss av for fagene dere kan ta lærlinger i.",
        "nn": "Opne eit utdanningsprogram og kryss av for faga de kan ta lærlingar i.",
        "en": "Open an education programme and tick the trades you can take apprentices in.",
    },
    "reg_label_places": {"nb": "Antall læreplasser", "nn": "Talet på læreplassar", "en": "Number of places"},
    "reg_label_adult": {
        "nb": "Kan dere ta inn voksne lærlinger?",
        "nn": "Kan de ta inn vaksne lærlingar?",
        "en": "Can you take on adult apprentices?",
    },
    "reg_label_start": {
        "nb": "Når kan lærlingen begynne? (valgfritt)",
        "nn": "Når kan lærlingen byrje? (valfritt)",
        "en": "When can the apprentice start? (optional)",
    },
    "reg_start_hint": {
        "nb": "For eksempel «august 2027».",
        "nn": "Til dømes «august 2027».",
        "en": "For example “August 2027”.",
    },
    "reg_label_consent": {
        "nb": "Jeg samtykker til at opplysningene lagres og deles med en læreplassjeger i fylket. "
        "Vi sletter dem 18 måneder etter kampanjen.",
        "nn": "Eg samtykkjer i at opplysningane blir lagra og delte med ein læreplassjeger i fylket. "
        "Vi slettar dei 18 månader etter kampanjen.",
        "en": "I agree that this information is stored and shared with an apprenticeship hunter in the county. "
        "We delete it 18 months after the campaign.",
    },
    "reg_yes": {"nb": "Ja", "nn": "Ja", "en": "Yes"},
    "reg_no": {"nb": "Nei", "nn": "Nei", "en": "No"},
    "reg_submit": {"nb": "Send inn", "nn": "Send inn", "en": "Send"},
    "reg_done_heading": {"nb": "Takk!", "nn": "Takk!", "en": "Thank you!"},
    "reg_done_text": {
        "nb": "{name} er registrert. En læreplassjeger i fylket tar kontakt med dere.",
        "nn": "{name} er registrert. Ein læreplassjeger i fylket tek kontakt med dykk.",
        "en": "{name} is registered. An apprenticeship hunter in your county will contact you.",
    },
    "reg_not_found_title": {
        "nb": "Fant ikke siden – Læreplassjeger",
        "nn": "Fann ikkje sida – Læreplassjeger",
        "en": "Page not found – Læreplassjeger",
    },
    "reg_not_found_heading": {
        "nb": "Vi fant ikke denne lenken",
        "nn": "Vi fann ikkje denne lenkja",
        "en": "We could not find this link",
    },
    "reg_not_found_text": {
        "nb": "Lenken kan være skrevet av feil. Bruk hele lenken eller QR-koden fra brevet, "
        "eller svar «JA» og koden fra brevet på SMS.",
        "nn": "Lenkja kan vere skriven av feil. Bruk heile lenkja eller QR-koden frå brevet, "
        "eller svar «JA» og koden frå brevet på SMS.",
        "en": "The link may have been copied wrongly. Use the whole link or the QR code from the letter, "
        "or reply “YES” and the code from the letter by SMS.",
    },
    "reg_too_many_heading": {
        "nb": "Litt for mange forsøk",
        "nn": "Litt for mange forsøk",
        "en": "Too many attempts",
    },
    "reg_too_many_text": {
        "nb": "Vent et minutt og prøv igjen.",
        "nn": "Vent eit minutt og prøv igjen.",
        "en": "Wait a minute and try again.",
    },
    # Errors, each tied to its field on the page (bot.registrations.validate, web.registration.read_form).
    "reg_error_contact_name": {
        "nb": "Skriv navnet på kontaktpersonen.",
        "nn": "Skriv namnet på kontaktpersonen.",
        "en": "Write the contact person's name.",
    },
    "reg_error_phone": {
        "nb": "Telefonnummeret er ikke gyldig (8 siffer, eller med landkode).",
        "nn": "Telefonnummeret er ikkje gyldig (8 siffer, eller med landskode).",
        "en": "The phone number is not valid (8 digits, or with the country code).",
    },
    "reg_error_email": {
        "nb": "E-postadressen er ikke gyldig. Skriv én adresse, som navn@bedrift.no.",
        "nn": "E-postadressa er ikkje gyldig. Skriv éi adresse, som namn@bedrift.no.",
        "en": "The e-mail address is not valid. Write one address, such as name@company.no.",
    },
    "reg_error_reachable": {
        "nb": "Oppgi telefon eller e-post, så læreplassjegeren kan nå dere.",
        "nn": "Oppgje telefon eller e-post, så læreplassjegeren kan nå dykk.",
        "en": "Give a phone number or an e-mail address, so the hunter can reach you.",
    },
    "reg_error_trades": {
        "nb": "Velg minst ett lærefag.",
        "nn": "Vel minst eitt lærefag.",
        "en": "Choose at least one trade.",
    },
    "reg_error_places": {
        "nb": "Skriv antall læreplasser som et tall, f.eks. 1.",
        "nn": "Skriv talet på læreplassar som eit tal, t.d. 1.",
        "en": "Write the number of places as a number, e.g. 1.",
    },
    "reg_error_adult": {"nb": "Svar ja eller nei.", "nn": "Svar ja eller nei.", "en": "Answer yes or no."},
    "reg_error_consent": {
        "nb": "Vi trenger samtykke for å lagre og dele opplysningene med en læreplassjeger.",
        "nn": "Vi treng samtykke for å lagre og dele opplysningane med ein læreplassjeger.",
        "en": "We need your consent to store the information and share it with a hunter.",
    },
    "reg_error_file": {
        "nb": "{field}: må være tekst, ikke en fil.",
        "nn": "{field}: må vere tekst, ikkje ei fil.",
        "en": "{field}: must be text, not a file.",
    },
    "reg_error_too_long": {
        "nb": "{field}: skriv høyst {limit} tegn.",
        "nn": "{field}: skriv høgst {limit} teikn.",
        "en": "{field}: write at most {limit} characters.",
    },
    "reg_error_unstorable": {
        "nb": "{field}: inneholder tegn som ikke kan lagres.",
        "nn": "{field}: inneheld teikn som ikkje kan lagrast.",
        "en": "{field}: contains characters that cannot be stored.",
    },
    "reg_field_adult": {"nb": "Voksne lærlinger", "nn": "Vaksne lærlingar", "en": "Adult apprentices"},
    "reg_field_start": {"nb": "Oppstart", "nn": "Oppstart", "en": "Start"},
    "reg_field_consent": {"nb": "Samtykke", "nn": "Samtykke", "en": "Consent"},
}
