"""What the Telegram bot says outside the conversation engine: `/start`, the command list, privacy and erasure,
and its refusals. In the chat's language (a company's written standard once the chat knows it, else the
language the person's Telegram app is set to)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "tg_unknown_link": {
        "nb": "Denne lenken kjenner vi ikke igjen. Bruk hele lenken fra brevet, eller send /start "
        "for å registrere bedriften med organisasjonsnummer.",
        "nn": "Denne lenkja kjenner vi ikkje att. Bruk heile lenkja frå brevet, eller send /start "
        "for å registrere bedrifta med organisasjonsnummer.",
        "en": "We do not recognise this link. Use the whole link from the letter, or send /start "
        "to register the company by its organisation number.",
    },
    "tg_closed_company": {
        "nb": "{name} er slettet, konkurs eller under avvikling i Enhetsregisteret, så vi kan ikke registrere "
        "interesse for den. Send /start for å registrere en annen bedrift.",
        "nn": "{name} er sletta, konkurs eller under avvikling i Einingsregisteret, så vi kan ikkje registrere "
        "interesse for henne. Send /start for å registrere ei anna bedrift.",
        "en": "{name} is deleted, bankrupt or being wound up in the Central Coordinating Register, so we cannot "
        "register interest for it. Send /start to register another company.",
    },
    "tg_welcome": {
        "nb": "Velkommen til Læreplassjeger! Vil bedriften din ta inn lærlinger? Skriv organisasjonsnummeret "
        "(9 siffer), så registrerer vi interessen.\n\nEr du fra en organisasjon som vil bli "
        "læreplassjeger, send /jeger i stedet.",
        "nn": "Velkomen til Læreplassjeger! Vil bedrifta di ta inn lærlingar? Skriv organisasjonsnummeret "
        "(9 siffer), så registrerer vi interessa.\n\nEr du frå ein organisasjon som vil bli "
        "læreplassjeger, send /jeger i staden.",
        "en": "Welcome to Læreplassjeger! Would your company like to take on apprentices? Write the "
        "organisation number (9 digits), and we will register the interest.\n\nIf you are from an "
        "organisation that wants to become an apprenticeship hunter, send /jeger instead.",
    },
    "tg_commands": {
        "nb": "Kommandoer:\n"
        "/start – registrer bedriftens interesse for lærlinger\n"
        "/jeger – meld på organisasjonen din som læreplassjeger\n"
        "/leads – se leadsene dine (for godkjente jegere)\n"
        "/notat – skriv et notat på en lead: /notat 12 Ringte daglig leder\n"
        "/stopp – ikke få flere meldinger fra kampanjen\n"
        "/personvern – hva vi lagrer om deg\n"
        "/slettmeg – slett det vi har lagret om deg",
        "nn": "Kommandoar:\n"
        "/start – registrer interessa til bedrifta for lærlingar\n"
        "/jeger – meld på organisasjonen din som læreplassjeger\n"
        "/leads – sjå leadsa dine (for godkjende jegerar)\n"
        "/notat – skriv eit notat på ein lead: /notat 12 Ringde dagleg leiar\n"
        "/stopp – ikkje få fleire meldingar frå kampanjen\n"
        "/personvern – kva vi lagrar om deg\n"
        "/slettmeg – slett det vi har lagra om deg",
        "en": "Commands:\n"
        "/start – register the company's interest in apprentices\n"
        "/jeger – sign your organisation up as an apprenticeship hunter\n"
        "/leads – see your leads (for approved hunters)\n"
        "/notat – write a note on a lead: /notat 12 Called the managing director\n"
        "/stopp – get no more messages from the campaign\n"
        "/personvern – what we store about you\n"
        "/slettmeg – delete what we have stored about you",
    },
    "tg_privacy": {
        "nb": "Dette lagrer vi når du bruker Læreplassjeger-boten:\n"
        "• Telegram-chat-ID-en din og meldingene du har sendt oss, med svarene våre\n"
        "• for bedrifter: det dere registrerer (kontaktperson, telefon, e-post, fag, antall plasser, "
        "voksne lærlinger, oppstart)\n"
        "• for jegere: organisasjon, organisasjonsnummer, kontaktperson, telefon, fylker og fag\n"
        "Meldinger slettes {months} måneder etter at kampanjen er slutt. "
        "Opplysningene brukes bare til læreplasskampanjen, og jegere ser bare bedrifter i sine fylker.\n\n"
        "Send /slettmeg for å slette alt vi har lagret om deg nå. Send /stopp om du bare vil slippe "
        "flere meldinger.",
        "nn": "Dette lagrar vi når du bruker Læreplassjeger-boten:\n"
        "• Telegram-chat-ID-en din og meldingane du har sendt oss, med svara våre\n"
        "• for bedrifter: det de registrerer (kontaktperson, telefon, e-post, fag, talet på plassar, "
        "vaksne lærlingar, oppstart)\n"
        "• for jegerar: organisasjon, organisasjonsnummer, kontaktperson, telefon, fylke og fag\n"
        "Meldingar blir sletta {months} månader etter at kampanjen er slutt. "
        "Opplysningane blir berre brukte til læreplasskampanjen, og jegerar ser berre bedrifter i sine fylke.\n\n"
        "Send /slettmeg for å slette alt vi har lagra om deg no. Send /stopp om du berre vil sleppe "
        "fleire meldingar.",
        "en": "This is what we store when you use the Læreplassjeger bot:\n"
        "• your Telegram chat ID and the messages you have sent us, with our answers\n"
        "• for companies: what you register (contact person, phone, e-mail, trades, number of places, "
        "adult apprentices, start)\n"
        "• for hunters: organisation, organisation number, contact person, phone, counties and trades\n"
        "Messages are deleted {months} months after the campaign has ended. "
        "The information is used only for the apprenticeship campaign, and hunters see only companies in "
        "their counties.\n\n"
        "Send /slettmeg to delete everything we have stored about you now. Send /stopp if you only want no "
        "more messages.",
    },
    "tg_erase_confirm": {
        "nb": "Vil du slette alt vi har lagret om deg? Det kan ikke angres, og du får ingen flere meldinger fra "
        "kampanjen.",
        "nn": "Vil du slette alt vi har lagra om deg? Det kan ikkje angrast, og du får ingen fleire meldingar frå "
        "kampanjen.",
        "en": "Do you want to delete everything we have stored about you? It cannot be undone, and you will get "
        "no more messages from the campaign.",
    },
    "tg_erase_yes": {"nb": "Ja, slett alt", "nn": "Ja, slett alt", "en": "Yes, delete everything"},
    "tg_erase_no": {"nb": "Nei", "nn": "Nei", "en": "No"},
    "tg_erased": {
        "nb": "Alt vi hadde lagret om deg er slettet, og du får ingen flere meldinger.",
        "nn": "Alt vi hadde lagra om deg er sletta, og du får ingen fleire meldingar.",
        "en": "Everything we had stored about you is deleted, and you will get no more messages.",
    },
    "tg_kept": {
        "nb": "Greit, ingenting er slettet.",
        "nn": "Greitt, ingenting er sletta.",
        "en": "All right, nothing is deleted.",
    },
    "tg_unknown_command": {
        "nb": "Den kommandoen kjenner jeg ikke.",
        "nn": "Den kommandoen kjenner eg ikkje.",
        "en": "I do not know that command.",
    },
    "tg_not_text": {
        "nb": "Jeg kan bare lese tekst. Skriv svaret ditt, eller send /hjelp.",
        "nn": "Eg kan berre lese tekst. Skriv svaret ditt, eller send /hjelp.",
        "en": "I can only read text. Write your answer, or send /hjelp.",
    },
    # The menu Telegram shows beside the text field (bot.telegram_app.MENU): the commands stay as typed.
    "tg_menu_start": {
        "nb": "Registrer bedriftens interesse for lærlinger",
        "nn": "Registrer interessa bedrifta har for lærlingar",
        "en": "Register your company's interest in apprentices",
    },
    "tg_menu_jeger": {
        "nb": "Meld på organisasjonen som læreplassjeger",
        "nn": "Meld på organisasjonen som læreplassjeger",
        "en": "Sign your organisation up as an apprenticeship hunter",
    },
    "tg_menu_leads": {"nb": "Se leadsene dine", "nn": "Sjå leadsa dine", "en": "See your leads"},
    "tg_menu_notat": {
        "nb": "Skriv et notat på en lead",
        "nn": "Skriv eit notat på ein lead",
        "en": "Write a note on a lead",
    },
    "tg_menu_hjelp": {"nb": "Hjelp", "nn": "Hjelp", "en": "Help"},
    "tg_menu_stopp": {
        "nb": "Ikke få flere meldinger",
        "nn": "Ikkje få fleire meldingar",
        "en": "Get no more messages",
    },
    "tg_menu_personvern": {
        "nb": "Hva vi lagrer om deg",
        "nn": "Kva vi lagrar om deg",
        "en": "What we keep about you",
    },
    "tg_menu_slettmeg": {
        "nb": "Slett det vi har lagret om deg",
        "nn": "Slett det vi har lagra om deg",
        "en": "Erase what we have kept about you",
    },
}
