"""What companies read from us outside the campaign templates: chat answers and the pages they open. Short: an
SMS answer should fit one or two segments."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # The one-click unsubscribe pages (web/unsubscribe.py), in the language of the e-mail that linked to them.
    "unsubscribe_confirm_title": {
        "nb": "Vil du ikke få flere e-poster fra oss?",
        "nn": "Vil du ikkje få fleire e-postar frå oss?",
        "en": "Do you want no more e-mails from us?",
    },
    "unsubscribe_confirm_text": {
        "nb": "Trykk på knappen, så sender Læreplassjeger ikke flere e-poster til {address}.",
        "nn": "Trykk på knappen, så sender Læreplassjeger ikkje fleire e-postar til {address}.",
        "en": "Press the button, and Læreplassjeger will send no more e-mails to {address}.",
    },
    "unsubscribe_button": {"nb": "Meld meg av", "nn": "Meld meg av", "en": "Unsubscribe me"},
    "unsubscribe_done_title": {"nb": "Du er meldt av", "nn": "Du er meld av", "en": "You are unsubscribed"},
    "unsubscribe_done_text": {
        "nb": "Læreplassjeger sender ikke flere e-poster til {address}, i noen kampanje.",
        "nn": "Læreplassjeger sender ikkje fleire e-postar til {address}, i nokon kampanje.",
        "en": "Læreplassjeger will send no more e-mails to {address}, in any campaign.",
    },
    "unsubscribe_invalid_title": {
        "nb": "Lenken virker ikke",
        "nn": "Lenkja verkar ikkje",
        "en": "The link does not work",
    },
    "unsubscribe_invalid_text": {
        "nb": "Avmeldingslenken er ugyldig eller utløpt. Bruk lenken nederst i den nyeste e-posten fra oss, "
        "eller svar «STOPP» på SMS.",
        "nn": "Avmeldingslenkja er ugyldig eller gått ut. Bruk lenkja nedst i den nyaste e-posten frå oss, "
        "eller svar «STOPP» på SMS.",
        "en": "The unsubscribe link is invalid or has expired. Use the link at the bottom of our latest e-mail, "
        "or reply «STOP» by SMS.",
    },
    "opted_out": {
        "nb": "Du er nå meldt av og får ingen flere meldinger fra Læreplassjeger-kampanjen.",
        "nn": "Du er no meld av og får ingen fleire meldingar frå Læreplassjeger-kampanjen.",
        "en": "You have been unsubscribed and will get no more messages from the Læreplassjeger campaign.",
    },
    "help": {
        "nb": "Dette er Læreplassjeger, WorldSkills Norway og fylkeskommunen, som søker læreplasser. "
        "Svar JA for å melde interesse, NEI om dere ikke er interessert. Svar STOPP for å melde deg av.",
        "nn": "Dette er Læreplassjeger, WorldSkills Norway og fylkeskommunen, som søkjer læreplassar. "
        "Svar JA for å melde interesse, NEI om de ikkje er interesserte. Svar STOPP for å melde deg av.",
        "en": "This is Læreplassjeger (WorldSkills Norway and the county council), looking for apprenticeships. "
        "Reply YES to register interest, NO if not interested. Reply STOP to unsubscribe.",
    },
    "declined": {
        "nb": "Takk for svaret! Vi sender ingen flere påminnelser om denne kampanjen.",
        "nn": "Takk for svaret! Vi sender ingen fleire påminningar om denne kampanjen.",
        "en": "Thank you for answering! We will send no more reminders about this campaign.",
    },
    "free_text": {
        "nb": "Takk! Vi har fått meldingen din, og en i kampanjen svarer deg så snart vi kan.",
        "nn": "Takk! Vi har fått meldinga di, og ein i kampanjen svarar deg så snart vi kan.",
        "en": "Thank you! We have your message, and someone from the campaign will answer soon.",
    },
    "ask_orgnr": {
        "nb": "Takk for interessen! Hvilket organisasjonsnummer har bedriften (9 siffer)?",
        "nn": "Takk for interessa! Kva organisasjonsnummer har verksemda (9 siffer)?",
        "en": "Thank you for your interest! What is the company's organisation number (9 digits)?",
    },
    "bad_orgnr": {
        "nb": "«{text}» er ikke et gyldig organisasjonsnummer. Skriv de 9 sifrene, f.eks. 974760673. "
        "Svar AVBRYT for å avslutte.",
        "nn": "«{text}» er ikkje eit gyldig organisasjonsnummer. Skriv dei 9 sifra, t.d. 974760673. "
        "Svar AVBRYT for å avslutte.",
        "en": "'{text}' is not a valid organisation number. Write the 9 digits, e.g. 974760673. "
        "Reply CANCEL to stop.",
    },
    "unknown_orgnr": {
        "nb": "Vi finner ikke {orgnr} blant bedriftene i kampanjen. Vi har notert det, og en i kampanjen "
        "tar kontakt.",
        "nn": "Vi finn ikkje {orgnr} blant verksemdene i kampanjen. Vi har notert det, og ein i kampanjen "
        "tek kontakt.",
        "en": "We cannot find {orgnr} among the campaign's companies. We have noted it and will be in touch.",
    },
    "cannot_register": {
        "nb": "{name} er registrert som slettet, konkurs eller under avvikling, så vi kan ikke registrere "
        "interesse for den.",
        "nn": "{name} er registrert som sletta, konkurs eller under avvikling, så vi kan ikkje registrere "
        "interesse for ho.",
        "en": "{name} is registered as deleted, bankrupt or being wound up, so we cannot register interest.",
    },
    "welcome": {
        "nb": "Flott at {name} vil ta inn lærlinger! Fem korte spørsmål (svar AVBRYT for å avslutte).",
        "nn": "Flott at {name} vil ta inn lærlingar! Fem korte spørsmål (svar AVBRYT for å avslutte).",
        "en": "Great that {name} wants to take apprentices! Five short questions (reply CANCEL to stop).",
    },
    "q_contact": {
        "nb": "1/5 Hvem er kontaktperson (navn)?",
        "nn": "1/5 Kven er kontaktperson (namn)?",
        "en": "1/5 Who is the contact person (name)?",
    },
    "q_trades": {
        "nb": "2/5 Hvilke lærefag? Skriv navn eller nummer, flere med komma (f.eks. «tømrer, elektriker»).",
        "nn": "2/5 Kva lærefag? Skriv namn eller nummer, fleire med komma (t.d. «tømrar, elektrikar»).",
        "en": "2/5 Which trades? Names or numbers, several separated by commas (e.g. 'carpenter' in Norwegian: «tømrer»).",
    },
    "q_places": {
        "nb": "3/5 Hvor mange læreplasser kan dere tilby?",
        "nn": "3/5 Kor mange læreplassar kan de tilby?",
        "en": "3/5 How many apprenticeships can you offer?",
    },
    "q_adult": {
        "nb": "4/5 Kan dere ta inn voksne lærlinger? Svar JA eller NEI.",
        "nn": "4/5 Kan de ta inn vaksne lærlingar? Svar JA eller NEI.",
        "en": "4/5 Can you take adult apprentices? Reply YES or NO.",
    },
    "q_start": {
        "nb": "5/5 Når kan lærlingen begynne (f.eks. «august 2027» eller «snarest»)?",
        "nn": "5/5 Når kan lærlingen byrje (t.d. «august 2027» eller «snarast»)?",
        "en": "5/5 When could the apprentice start (e.g. 'August 2027' or 'as soon as possible')?",
    },
    "bad_trades": {
        "nb": "Fant ikke faget «{text}». Prøv et annet navn eller fagnummer.",
        "nn": "Fann ikkje faget «{text}». Prøv eit anna namn eller fagnummer.",
        "en": "Could not find the trade '{text}'. Try another name or the trade's number.",
    },
    "ambiguous_trades": {
        "nb": "Mente du et av disse? Svar med nummeret:\n{options}",
        "nn": "Meinte du eitt av desse? Svar med nummeret:\n{options}",
        "en": "Did you mean one of these? Reply with the number:\n{options}",
    },
    "bad_places": {
        "nb": "Svar med et tall, f.eks. 1 eller 2.",
        "nn": "Svar med eit tal, t.d. 1 eller 2.",
        "en": "Please answer with a number, e.g. 1 or 2.",
    },
    "bad_yes_no": {
        "nb": "Svar JA eller NEI.",
        "nn": "Svar JA eller NEI.",
        "en": "Please answer YES or NO.",
    },
    "summary": {
        "nb": "Stemmer dette?\n1 Kontakt: {contact}\n2 Fag: {trades}\n3 Plasser: {places}\n4 Voksne lærlinger: "
        "{adult}\n5 Oppstart: {start}\n6 Telefon: {phone}\n7 E-post: {email}\n"
        "Svar JA for å sende, eller 1–7 for å endre.",
        "nn": "Stemmer dette?\n1 Kontakt: {contact}\n2 Fag: {trades}\n3 Plassar: {places}\n4 Vaksne lærlingar: "
        "{adult}\n5 Oppstart: {start}\n6 Telefon: {phone}\n7 E-post: {email}\n"
        "Svar JA for å sende, eller 1–7 for å endre.",
        "en": "Is this right?\n1 Contact: {contact}\n2 Trades: {trades}\n3 Places: {places}\n4 Adult apprentices: "
        "{adult}\n5 Start: {start}\n6 Phone: {phone}\n7 E-mail: {email}\n"
        "Reply YES to send, or 1–7 to change.",
    },
    "q_phone": {
        "nb": "Hvilket telefonnummer (eller e-post) kan læreplassjegeren nå dere på?",
        "nn": "Kva telefonnummer (eller e-post) kan læreplassjegeren nå dykk på?",
        "en": "Which phone number (or e-mail) can the apprenticeship hunter reach you on?",
    },
    "q_email": {
        "nb": "Hvilken e-postadresse kan læreplassjegeren bruke? Svar INGEN om dere ikke vil oppgi e-post.",
        "nn": "Kva e-postadresse kan læreplassjegeren bruke? Svar INGEN om de ikkje vil gje opp e-post.",
        "en": "Which e-mail address can the apprenticeship hunter use? Reply NONE to leave it out.",
    },
    "bad_phone": {
        "nb": "«{text}» ser ikke ut som et telefonnummer. Skriv f.eks. 912 34 567, eller en e-postadresse.",
        "nn": "«{text}» ser ikkje ut som eit telefonnummer. Skriv t.d. 912 34 567, eller ei e-postadresse.",
        "en": "'{text}' does not look like a phone number. Write e.g. 912 34 567, or an e-mail address.",
    },
    "bad_email": {
        "nb": "«{text}» er ikke en gyldig e-postadresse. Prøv igjen, eller svar INGEN.",
        "nn": "«{text}» er ikkje ei gyldig e-postadresse. Prøv igjen, eller svar INGEN.",
        "en": "'{text}' is not a valid e-mail address. Try again, or reply NONE.",
    },
    "q_places_more": {
        "nb": "Hvor mange læreplasser? Skriv et tall.",
        "nn": "Kor mange læreplassar? Skriv eit tal.",
        "en": "How many apprenticeships? Write a number.",
    },
    "already_registered": {
        "nb": "{name} er allerede registrert, og en læreplassjeger i fylket tar kontakt. Skal noe endres, "
        "skriv det her, så hjelper vi dere.",
        "nn": "{name} er allereie registrert, og ein læreplassjeger i fylket tek kontakt. Skal noko endrast, "
        "skriv det her, så hjelper vi dykk.",
        "en": "{name} is already registered, and an apprenticeship hunter in your county will be in touch. "
        "If something should change, write it here and we will help.",
    },
    "stale_button": {
        "nb": "Den knappen hører til en tidligere melding, så vi gjorde ingenting. Send /hjelp om du lurer på noe.",
        "nn": "Den knappen høyrer til ei tidlegare melding, så vi gjorde ingenting. Send /hjelp om du lurer på noko.",
        "en": "That button belongs to an earlier message, so nothing was changed. Send /help if you need help.",
    },
    "confirmed": {
        "nb": "Takk! {name} er registrert. En læreplassjeger i fylket tar kontakt. Svar STOPP for å melde deg av.",
        "nn": "Takk! {name} er registrert. Ein læreplassjeger i fylket tek kontakt. Svar STOPP for å melde deg av.",
        "en": "Thank you! {name} is registered. An apprenticeship hunter in your county will be in touch.",
    },
    "cancelled": {
        "nb": "Greit, vi avslutter. Det du har svart så langt er lagret. Svar JA for å fortsette senere.",
        "nn": "Greitt, vi avsluttar. Det du har svart så langt er lagra. Svar JA for å halde fram seinare.",
        "en": "OK, stopped. What you answered so far is saved. Reply YES to continue later.",
    },
    "yes": {"nb": "Ja", "nn": "Ja", "en": "Yes"},
    "no": {"nb": "Nei", "nn": "Nei", "en": "No"},
    "send": {"nb": "Send inn", "nn": "Send inn", "en": "Send"},
    "unknown": {"nb": "–", "nn": "–", "en": "–"},
    "month_august": {"nb": "august", "nn": "august", "en": "August"},
    "month_january": {"nb": "januar", "nn": "januar", "en": "January"},
    "dont_know": {"nb": "Vet ikke", "nn": "Veit ikkje", "en": "Don't know"},
    "share_phone": {
        "nb": "Del telefonnummeret mitt",
        "nn": "Del telefonnummeret mitt",
        "en": "Share my number",
    },
}
