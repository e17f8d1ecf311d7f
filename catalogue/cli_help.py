"""What `jeger --help` says about each command, option and argument, in the reader's language (cli.help_texts
sets them on the command tree before the arguments are parsed).

Keys follow the command path: `help_<path>` for a command or group (`help_campaign_create`; the root is
`help_jeger`), `help_<path>_<name>` for one of its parameters (an option by its long flag, `--letter-pdf` ->
`letter_pdf`; an argument by its parameter name). A parameter without a key of its own reads the shared
`help_option_<name>` or `help_argument_<name>`, so a text every `--json` shares is written once. A key with
`_metavar` added names the parameter's value in the usage line, where that is a word to translate
(`FIL.toml`). Texts are formatted like every catalogue text: a literal brace is doubled."""

from __future__ import annotations

# One text under several keys, where two commands take the same thing (the catalogue refuses a key twice,
# not a text).
_CAMPAIGN_FILE = {
    "nb": "Kampanjedefinisjonen (TOML).",
    "nn": "Kampanjedefinisjonen (TOML).",
    "en": "The campaign definition (TOML).",
}
_CAMPAIGN_FILE_METAVAR = {"nb": "FIL.toml", "nn": "FIL.toml", "en": "FILE.toml"}
_LEADS_STATE = {
    "nb": "Bare leads i denne tilstanden.",
    "nn": "Berre leads i denne tilstanden.",
    "en": "Only leads in this state.",
}
_DASHBOARD_LANGUAGE = {
    "nb": "Språket dashbordet bruker for brukeren: nb (bokmål), nn (nynorsk) eller en (engelsk).",
    "nn": "Språket dashbordet brukar for brukaren: nb (bokmål), nn (nynorsk) eller en (engelsk).",
    "en": "The language the dashboard uses for the user: nb (Norwegian Bokmål), nn (Norwegian Nynorsk) or "
    "en (English).",
}

TEXTS: dict[str, dict[str, str]] = {
    # Shared by every parameter of that name that has no text of its own
    "help_option_json": {
        "nb": "Skriv svaret som ett JSON-dokument.",
        "nn": "Skriv svaret som eitt JSON-dokument.",
        "en": "Print the answer as one JSON document.",
    },
    "help_option_host": {
        "nb": "Adressen det lyttes på.",
        "nn": "Adressa det blir lytta på.",
        "en": "The address to listen on.",
    },
    "help_option_port": {
        "nb": "Porten det lyttes på.",
        "nn": "Porten det blir lytta på.",
        "en": "The port to listen on.",
    },
    "help_option_county": {
        "nb": "Fylkesnummer, f.eks. 55.",
        "nn": "Fylkesnummer, t.d. 55.",
        "en": "County number, e.g. 55.",
    },
    "help_option_step": {
        "nb": "Bare steget med dette navnet.",
        "nn": "Berre steget med dette namnet.",
        "en": "Only the step with this name.",
    },
    "help_option_format": {"nb": "Filformatet.", "nn": "Filformatet.", "en": "The file format."},
    "help_option_output": {
        "nb": "Skriv til denne filen (kreves for xlsx).",
        "nn": "Skriv til denne fila (må vere med for xlsx).",
        "en": "Write to this file (required for xlsx).",
    },
    "help_option_campaign": {"nb": "Kampanjenummer.", "nn": "Kampanjenummer.", "en": "Campaign number."},
    "help_option_intent": {
        "nb": "Bare meldinger med denne hensikten.",
        "nn": "Berre meldingar med dette føremålet.",
        "en": "Only messages with this intent.",
    },
    "help_option_phone": {"nb": "Telefonnummer.", "nn": "Telefonnummer.", "en": "Phone number."},
    "help_option_orgnr": {
        "nb": "Organisasjonsnummer.",
        "nn": "Organisasjonsnummer.",
        "en": "Organisation number.",
    },
    "help_option_email": {"nb": "E-postadresse.", "nn": "E-postadresse.", "en": "E-mail address."},
    "help_argument_campaign_id": {
        "nb": "Kampanjens nummer (fra `jeger campaign list`).",
        "nn": "Nummeret på kampanjen (frå `jeger campaign list`).",
        "en": "The campaign's number (from `jeger campaign list`).",
    },
    "help_argument_email": {
        "nb": "Brukerens e-postadresse.",
        "nn": "E-postadressa til brukaren.",
        "en": "The user's e-mail address.",
    },
    # jeger
    "help_jeger": {
        "nb": "Læreplassjeger: utsending, svarbot og fordeling av leads.",
        "nn": "Læreplassjeger: utsending, svarbot og fordeling av leads.",
        "en": "Læreplassjeger: outreach, reply bot and lead routing.",
    },
    "help_jeger_language": {
        "nb": "Språket jeger skriver til deg på: nb (bokmål), nn (nynorsk) eller en (engelsk); standard er "
        "JEGER_LANGUAGE, ellers nb.",
        "nn": "Språket jeger skriv til deg på: nb (bokmål), nn (nynorsk) eller en (engelsk); standard er "
        "JEGER_LANGUAGE, elles nb.",
        "en": "The language jeger writes to you in: nb (Norwegian Bokmål), nn (Norwegian Nynorsk) or en "
        "(English); the default is JEGER_LANGUAGE, else nb.",
    },
    "help_jeger_install_completion": {
        "nb": "Installer kommandofullføring for skallet du bruker nå.",
        "nn": "Installer kommandofullføring for skalet du brukar no.",
        "en": "Install completion for the current shell.",
    },
    "help_jeger_show_completion": {
        "nb": "Vis kommandofullføringen for skallet du bruker nå, for å kopiere den eller tilpasse "
        "installasjonen.",
        "nn": "Vis kommandofullføringa for skalet du brukar no, for å kopiere ho eller tilpasse "
        "installasjonen.",
        "en": "Show completion for the current shell, to copy it or customize the installation.",
    },
    # jeger init, serve, web, worker, scheduler
    "help_init": {
        "nb": "Opprett eller oppgrader databasen og last inn referansedata (trygt å kjøre flere ganger).",
        "nn": "Opprett eller oppgrader databasen og last inn referansedata (trygt å køyre fleire gonger).",
        "en": "Create or upgrade the database and load the reference data (safe to run more than once).",
    },
    "help_serve": {
        "nb": "Kjør web, bot, planlegger og utsender i én prosess.",
        "nn": "Køyr web, bot, planleggjar og utsendar i éin prosess.",
        "en": "Run the web app, bot, scheduler and dispatcher in one process.",
    },
    "help_serve_demo": {
        "nb": "Legg inn eksempeldata og simuler svar (bare på sandkassekanalene).",
        "nn": "Legg inn eksempeldata og simuler svar (berre på sandkassekanalane).",
        "en": "Load example data and simulate replies (on the sandbox channels only).",
    },
    "help_web": {
        "nb": "Kjør bare webdelen (webhooker, registreringsside, dashbord, API); med TELEGRAM_MODE=webhook "
        "også "
        "Telegram-boten, som får oppdateringene sine gjennom denne prosessen.",
        "nn": "Køyr berre webdelen (webhookar, registreringsside, dashbord, API); med TELEGRAM_MODE=webhook "
        "også Telegram-boten, som får oppdateringane sine gjennom denne prosessen.",
        "en": "Run only the web part (webhooks, registration page, dashboard, API); with "
        "TELEGRAM_MODE=webhook "
        "also the Telegram bot, which gets its updates through this process.",
    },
    "help_worker": {
        "nb": "Kjør bare utsenderen; på PostgreSQL kan flere kjøre, på SQLite bare én.",
        "nn": "Køyr berre utsendaren; på PostgreSQL kan fleire køyre, på SQLite berre éin.",
        "en": "Run only the dispatcher; on PostgreSQL several may run, on SQLite only one.",
    },
    "help_scheduler": {
        "nb": "Kjør bare planleggeren (kampanjesteg, daglige jobber) og, med TELEGRAM_MODE=polling, "
        "Telegram-boten; kjør nøyaktig én.",
        "nn": "Køyr berre planleggjaren (kampanjesteg, daglege jobbar) og, med TELEGRAM_MODE=polling, "
        "Telegram-boten; køyr nøyaktig éin.",
        "en": "Run only the scheduler (campaign steps, daily jobs) and, with TELEGRAM_MODE=polling, the "
        "Telegram bot; run exactly one.",
    },
    # jeger import
    "help_import": {"nb": "Importer datafiler.", "nn": "Importer datafiler.", "en": "Import data files."},
    "help_import_companies": {
        "nb": "Importer bedrifter fra en fil fra Enhetsregisteret (nye legges til, kjente oppdateres etter "
        "orgnr).",
        "nn": "Importer bedrifter frå ei fil frå Einingsregisteret (nye blir lagde til, kjende blir "
        "oppdaterte etter orgnr).",
        "en": "Import companies from an Enhetsregisteret file (new ones are added, known ones updated by "
        "organisation number).",
    },
    "help_import_companies_file": {
        "nb": "JSON-fil (.json, .json.gz) eller CSV-fil fra Enhetsregisteret.",
        "nn": "JSON-fil (.json, .json.gz) eller CSV-fil frå Einingsregisteret.",
        "en": "A JSON file (.json, .json.gz) or CSV file from Enhetsregisteret.",
    },
    "help_import_companies_rejects": {
        "nb": "Hvor avviste rader og advarsler skrives (standard: FIL.rejects.csv).",
        "nn": "Kvar avviste rader og åtvaringar blir skrivne (standard: FIL.rejects.csv).",
        "en": "Where rejected rows and warnings are written (default: FILE.rejects.csv).",
    },
    "help_import_training_companies": {
        "nb": "Importer fylkets liste over godkjente lærebedrifter med fag; godkjenninger i fylket som "
        "mangler "
        "i lista, trekkes tilbake.",
        "nn": "Importer lista til fylket over godkjende lærebedrifter med fag; godkjenningar i fylket som "
        "manglar i lista, blir trekte tilbake.",
        "en": "Import the county's list of approved training companies with their trades; approvals in the "
        "county that the list lacks are withdrawn.",
    },
    "help_import_training_companies_file": {
        "nb": "Fylkets liste over godkjente lærebedrifter (CSV eller XLSX).",
        "nn": "Lista til fylket over godkjende lærebedrifter (CSV eller XLSX).",
        "en": "The county's list of approved training companies (CSV or XLSX).",
    },
    "help_import_training_companies_county": {
        "nb": "Fylket lista gjelder, når fila ikke har en fylkeskolonne (nummer eller navn).",
        "nn": "Fylket lista gjeld, når fila ikkje har ein fylkeskolonne (nummer eller namn).",
        "en": "The county the list is for, when the file has no county column (number or name).",
    },
    "help_import_training_companies_rejects": {
        "nb": "Hvor avviste rader skrives (standard: FIL.rejects.csv).",
        "nn": "Kvar avviste rader blir skrivne (standard: FIL.rejects.csv).",
        "en": "Where rejected rows are written (default: FILE.rejects.csv).",
    },
    # jeger companies
    "help_companies": {
        "nb": "Bedrifter fra Enhetsregisteret.",
        "nn": "Bedrifter frå Einingsregisteret.",
        "en": "Companies from Enhetsregisteret.",
    },
    "help_companies_list": {
        "nb": "Vis bedrifter sortert etter navn, eventuelt i ett fylke.",
        "nn": "Vis bedrifter sorterte etter namn, eventuelt i eitt fylke.",
        "en": "List companies by name, optionally in one county.",
    },
    "help_companies_list_limit": {
        "nb": "Høyst så mange bedrifter; 0 = alle.",
        "nn": "Høgst så mange bedrifter; 0 = alle.",
        "en": "At most this many companies; 0 = all.",
    },
    "help_companies_show": {
        "nb": "Vis én bedrift med kontakter, fylke, flagg, kortkode og lenkenøkkel.",
        "nn": "Vis éi bedrift med kontaktar, fylke, flagg, kortkode og lenkjenøkkel.",
        "en": "Show one company with its contacts, county, flags, short code and link key.",
    },
    "help_companies_show_orgnr": {
        "nb": "Bedriftens organisasjonsnummer (9 siffer).",
        "nn": "Organisasjonsnummeret til bedrifta (9 siffer).",
        "en": "The company's organisation number (9 digits).",
    },
    # jeger campaign
    "help_campaign": {
        "nb": "Lag, forhåndsvis, start og følg med på kampanjer.",
        "nn": "Lag, førehandsvis, start og følg med på kampanjar.",
        "en": "Create, preview, launch and follow campaigns.",
    },
    "help_campaign_check": {
        "nb": "Sjekk en kampanjefil slik `campaign create` gjør, uten å lage noe.\n\n"
        "Feil i filen (felt, typer, tider, maler) gir exit-kode 2. Det databasen mangler i dag (ingen "
        "bedrifter i målgruppen ennå, eller ingen database) er bare advarsler.",
        "nn": "Sjekk ei kampanjefil slik `campaign create` gjer, utan å lage noko.\n\n"
        "Feil i fila (felt, typar, tider, malar) gir exit-kode 2. Det databasen manglar i dag (ingen "
        "bedrifter i målgruppa enno, eller ingen database) er berre åtvaringar.",
        "en": "Check a campaign file as `campaign create` does, without creating anything.\n\n"
        "Mistakes in the file (fields, types, times, templates) give exit code 2. What the database lacks "
        "today (no companies in the audience yet, or no database) are only warnings.",
    },
    "help_campaign_check_file": _CAMPAIGN_FILE,
    "help_campaign_check_file_metavar": _CAMPAIGN_FILE_METAVAR,
    "help_campaign_create": {
        "nb": "Lag et kampanjeutkast fra en TOML-definisjon; hvert problem vises med linjenummer.",
        "nn": "Lag eit kampanjeutkast frå ein TOML-definisjon; kvart problem blir vist med linjenummer.",
        "en": "Create a campaign draft from a TOML definition; each problem is shown with its line number.",
    },
    "help_campaign_create_file": _CAMPAIGN_FILE,
    "help_campaign_create_file_metavar": _CAMPAIGN_FILE_METAVAR,
    "help_campaign_preview": {
        "nb": "Vis hvert steg for utvalgte bedrifter, med målgruppe per steg, SMS-segmenter og anslått "
        "kostnad.",
        "nn": "Vis kvart steg for utvalde bedrifter, med målgruppe per steg, SMS-segment og omtrentleg "
        "kostnad.",
        "en": "Show each step for chosen companies, with the audience per step, SMS segments and estimated "
        "cost.",
    },
    "help_campaign_preview_orgnr": {
        "nb": "Vis meldingene for disse bedriftene (kan gjentas).",
        "nn": "Vis meldingane for desse bedriftene (kan gjentakast).",
        "en": "Show the messages for these companies (may be repeated).",
    },
    "help_campaign_preview_letter_pdf_metavar": {"nb": "FIL.pdf", "nn": "FIL.pdf", "en": "FILE.pdf"},
    "help_campaign_preview_letter_pdf": {
        "nb": "Skriv brevet slik det skrives ut (for --orgnr, ellers de tre første bedriftene) til denne "
        "PDF-filen.",
        "nn": "Skriv brevet slik det blir skrive ut (for --orgnr, elles dei tre første bedriftene) til denne "
        "PDF-fila.",
        "en": "Write the letter as it is printed (for --orgnr, else the first three companies) to this PDF "
        "file.",
    },
    "help_campaign_test": {
        "nb": "Send kampanjens meldinger, laget for en eksempelbedrift, til deg selv.",
        "nn": "Send meldingane til kampanjen, laga for ei eksempelbedrift, til deg sjølv.",
        "en": "Send the campaign's messages, made for an example company, to yourself.",
    },
    "help_campaign_test_to": {
        "nb": "Ditt telefonnummer, din e-postadresse eller din Telegram-chat.",
        "nn": "Telefonnummeret ditt, e-postadressa di eller Telegram-chatten din.",
        "en": "Your phone number, e-mail address or Telegram chat.",
    },
    "help_campaign_launch": {
        "nb": "Start kampanjen: stegene planlegges (å starte den igjen endrer ingenting).",
        "nn": "Start kampanjen: stega blir planlagde (å starte han igjen endrar ingenting).",
        "en": "Launch the campaign: its steps are scheduled (launching it again changes nothing).",
    },
    "help_campaign_pause": {
        "nb": "Sett kampanjen på pause; utsendingen stopper i løpet av sekunder.",
        "nn": "Set kampanjen på pause; utsendinga stoppar i løpet av sekund.",
        "en": "Pause the campaign; sending stops within seconds.",
    },
    "help_campaign_resume": {
        "nb": "Fortsett der kampanjen stoppet (steg som er på overtid, sendes nå).",
        "nn": "Hald fram der kampanjen stoppa (steg som er på overtid, blir sende no).",
        "en": "Continue where the campaign stopped (overdue steps are sent now).",
    },
    "help_campaign_cancel": {
        "nb": "Avbryt kampanjen; meldinger i kø blir ikke sendt (de som alt er hos leverandøren, beholdes).",
        "nn": "Avbryt kampanjen; meldingar i kø blir ikkje sende (dei som alt er hos leverandøren, blir "
        "behaldne).",
        "en": "Cancel the campaign; queued messages are not sent (those already with the provider are kept).",
    },
    "help_campaign_status": {
        "nb": "Vis antall meldinger per tilstand for hvert steg, og hvorfor meldingene i kø venter og til "
        "når.",
        "nn": "Vis talet på meldingar per tilstand for kvart steg, og kvifor meldingane i kø ventar og til "
        "når.",
        "en": "Show the number of messages in each state for each step, and why queued messages wait and "
        "until "
        "when.",
    },
    "help_campaign_report": {
        "nb": "Leveranserapporten: én rad per melding (orgnr, maskert adresse, kanal, tilstand, feil, "
        "tidspunkter).",
        "nn": "Leveranserapporten: éi rad per melding (orgnr, maskert adresse, kanal, tilstand, feil, "
        "tidspunkt).",
        "en": "The delivery report: one row per message (organisation number, masked address, channel, "
        "state, "
        "error, times).",
    },
    "help_campaign_report_output": {
        "nb": "Skriv til denne filen (kreves for xlsx uten --outcomes).",
        "nn": "Skriv til denne fila (må vere med for xlsx utan --outcomes).",
        "en": "Write to this file (required for xlsx without --outcomes).",
    },
    "help_campaign_report_outcomes": {
        "nb": "Resultatrapporten per fag og fylke (og kommune for en lokal kampanje) i stedet for "
        "leveransene; xlsx går til kampanje-ID-resultater.xlsx uten -o.",
        "nn": "Resultatrapporten per fag og fylke (og kommune for ein lokal kampanje) i staden for "
        "leveransane; xlsx går til kampanje-ID-resultater.xlsx utan -o.",
        "en": "The outcome report by trade and county (and municipality for a local campaign) instead of the "
        "deliveries; xlsx goes to kampanje-ID-resultater.xlsx without -o.",
    },
    "help_campaign_attendees": {
        "nb": "Deltakerlista for kampanjens informasjonsmøter: påmeldte, venteliste og de som sa nei.",
        "nn": "Deltakarlista for informasjonsmøta til kampanjen: påmelde, venteliste og dei som sa nei.",
        "en": "The attendee list of the campaign's information meetings: signed up, waiting list and those "
        "who said no.",
    },
    "help_campaign_attendees_format": {
        "nb": "csv eller xlsx i stedet for en tabell.",
        "nn": "csv eller xlsx i staden for ein tabell.",
        "en": "csv or xlsx instead of a table.",
    },
    "help_campaign_list": {
        "nb": "Vis alle kampanjer med tilstand.",
        "nn": "Vis alle kampanjar med tilstand.",
        "en": "List every campaign with its state.",
    },
    # jeger campaign meeting
    "help_campaign_meeting": {
        "nb": "Kampanjens informasjonsmøter: vis, endre eller avlys (de som sa ja, får beskjed).",
        "nn": "Informasjonsmøta til kampanjen: vis, endre eller avlys (dei som sa ja, får beskjed).",
        "en": "The campaign's information meetings: list, change or cancel (those who said yes are told).",
    },
    "help_campaign_meeting_list": {
        "nb": "Kampanjens møter med påmeldte, venteliste og hvem som sa nei.",
        "nn": "Møta til kampanjen med påmelde, venteliste og kven som sa nei.",
        "en": "The campaign's meetings with those signed up, the waiting list and who said no.",
    },
    "help_campaign_meeting_change": {
        "nb": "Endre et møte; alle som sa ja (påmeldt eller på venteliste), får beskjed, og flere plasser "
        "flytter ventelista opp.",
        "nn": "Endre eit møte; alle som sa ja (påmelde eller på venteliste), får beskjed, og fleire plassar "
        "flyttar ventelista opp.",
        "en": "Change a meeting; everyone who said yes (signed up or waiting) is told, and more places move "
        "the waiting list up.",
    },
    "help_campaign_meeting_cancel": {
        "nb": "Avlys et møte; alle som sa ja, får beskjed én gang.",
        "nn": "Avlys eit møte; alle som sa ja, får beskjed éin gong.",
        "en": "Cancel a meeting; everyone who said yes is told once.",
    },
    "help_argument_event_id_metavar": {"nb": "MØTE", "nn": "MØTE", "en": "MEETING"},
    "help_argument_event_id": {
        "nb": "Møtets nummer (fra `jeger campaign meeting list ID`).",
        "nn": "Nummeret på møtet (frå `jeger campaign meeting list ID`).",
        "en": "The meeting's number (from `jeger campaign meeting list ID`).",
    },
    "help_campaign_meeting_change_title": {"nb": "Ny tittel.", "nn": "Ny tittel.", "en": "New title."},
    "help_campaign_meeting_change_at": {
        "nb": "Nytt starttidspunkt, ÅÅÅÅ-MM-DDTTT:MM i norsk tid.",
        "nn": "Nytt starttidspunkt, ÅÅÅÅ-MM-DDTTT:MM i norsk tid.",
        "en": "New start, YYYY-MM-DDTHH:MM in Norway time.",
    },
    "help_campaign_meeting_change_ends": {
        "nb": "Nytt sluttidspunkt, ÅÅÅÅ-MM-DDTTT:MM i norsk tid.",
        "nn": "Nytt sluttidspunkt, ÅÅÅÅ-MM-DDTTT:MM i norsk tid.",
        "en": "New end, YYYY-MM-DDTHH:MM in Norway time.",
    },
    "help_campaign_meeting_change_place": {"nb": "Nytt sted.", "nn": "Ny stad.", "en": "New place."},
    "help_campaign_meeting_change_capacity": {
        "nb": "Ny kapasitet i antall bedrifter; flere plasser flytter ventelista opp.",
        "nn": "Ny kapasitet i tal på bedrifter; fleire plassar flyttar ventelista opp.",
        "en": "New capacity in companies; more places move the waiting list up.",
    },
    # jeger replies
    "help_replies": {"nb": "Innkomne meldinger.", "nn": "Innkomne meldingar.", "en": "Incoming messages."},
    "help_replies_list": {
        "nb": "Vis innkomne meldinger, nyeste først.",
        "nn": "Vis innkomne meldingar, nyaste først.",
        "en": "List incoming messages, newest first.",
    },
    "help_replies_list_limit": {
        "nb": "Høyst så mange meldinger.",
        "nn": "Høgst så mange meldingar.",
        "en": "At most this many messages.",
    },
    "help_replies_export": {
        "nb": "Skriv ut alle innkomne meldinger (avsender maskert), nyeste først.",
        "nn": "Skriv ut alle innkomne meldingar (avsendar maskert), nyaste først.",
        "en": "Export every incoming message (sender masked), newest first.",
    },
    # jeger leads
    "help_leads": {
        "nb": "Interesserte bedrifter og jegerne deres.",
        "nn": "Interesserte bedrifter og jegerane deira.",
        "en": "Interested companies and their hunters.",
    },
    "help_leads_list": {
        "nb": "Vis leads, eldste først.",
        "nn": "Vis leads, eldste først.",
        "en": "List leads, oldest first.",
    },
    "help_leads_list_state": _LEADS_STATE,
    "help_leads_list_format": {
        "nb": "Tabell, eller CSV/JSON som eksporten.",
        "nn": "Tabell, eller CSV/JSON som eksporten.",
        "en": "A table, or CSV/JSON like the export.",
    },
    "help_leads_list_json": {
        "nb": "Skriv svaret som ett JSON-dokument (= --format json).",
        "nn": "Skriv svaret som eitt JSON-dokument (= --format json).",
        "en": "Print the answer as one JSON document (= --format json).",
    },
    "help_leads_export": {
        "nb": "Skriv ut alle leads med bedrift, fag, plasser, kontaktperson, jeger og datoer.",
        "nn": "Skriv ut alle leads med bedrift, fag, plassar, kontaktperson, jeger og datoar.",
        "en": "Export every lead with company, trades, places, contact person, hunter and dates.",
    },
    "help_leads_export_state": _LEADS_STATE,
    "help_leads_show": {
        "nb": "Vis én lead: bedriften, kontaktpersonen, hvilke jegere som har fått den, og hvem som har tatt "
        "den.",
        "nn": "Vis éin lead: bedrifta, kontaktpersonen, kva jegerar som har fått han, og kven som har teke "
        "han.",
        "en": "Show one lead: the company, the contact person, which hunters got it and who has taken it.",
    },
    "help_leads_show_lead_id": {
        "nb": "Leadens nummer (fra `jeger leads list`).",
        "nn": "Nummeret på leaden (frå `jeger leads list`).",
        "en": "The lead's number (from `jeger leads list`).",
    },
    # jeger hunters
    "help_hunters": {
        "nb": "Jegerorganisasjoner.",
        "nn": "Jegerorganisasjonar.",
        "en": "Hunter organisations.",
    },
    "help_hunters_list": {
        "nb": "Vis jegerorganisasjoner, eldste først.",
        "nn": "Vis jegerorganisasjonar, eldste først.",
        "en": "List hunter organisations, oldest first.",
    },
    "help_hunters_list_state": {
        "nb": "Bare jegere i denne tilstanden (venter, godkjent, avvist).",
        "nn": "Berre jegerar i denne tilstanden (ventar, godkjend, avvist).",
        "en": "Only hunters in this state (waiting, approved, rejected).",
    },
    "help_argument_hunter_id": {
        "nb": "Jegerens nummer (fra `jeger hunters list`).",
        "nn": "Nummeret på jegeren (frå `jeger hunters list`).",
        "en": "The hunter's number (from `jeger hunters list`).",
    },
    "help_hunters_approve": {
        "nb": "Godkjenn en jeger som venter; jegeren får beskjed på Telegram.",
        "nn": "Godkjenn ein jeger som ventar; jegeren får beskjed på Telegram.",
        "en": "Approve a waiting hunter; the hunter is told on Telegram.",
    },
    "help_hunters_reject": {
        "nb": "Avvis en jeger (eller trekk tilbake en godkjenning); jegeren får beskjed på Telegram.",
        "nn": "Avvis ein jeger (eller trekk tilbake ei godkjenning); jegeren får beskjed på Telegram.",
        "en": "Reject a hunter (or withdraw an approval); the hunter is told on Telegram.",
    },
    "help_hunters_add": {
        "nb": "Legg til en jegerorganisasjon med sitt første medlem; skriver nummeret.",
        "nn": "Legg til ein jegerorganisasjon med det første medlemmet sitt; skriv ut nummeret.",
        "en": "Add a hunter organisation with its first member; prints its number.",
    },
    "help_hunters_add_name": {
        "nb": "Organisasjonens navn.",
        "nn": "Namnet på organisasjonen.",
        "en": "The organisation's name.",
    },
    "help_hunters_add_orgnr": {
        "nb": "Organisasjonsnummeret (9 siffer).",
        "nn": "Organisasjonsnummeret (9 siffer).",
        "en": "The organisation number (9 digits).",
    },
    "help_hunters_add_type": {
        "nb": "Hva slags organisasjon.",
        "nn": "Kva slags organisasjon.",
        "en": "What kind of organisation.",
    },
    "help_hunters_add_county": {
        "nb": "Fylkesnummer, f.eks. 55; kan gjentas.",
        "nn": "Fylkesnummer, t.d. 55; kan gjentakast.",
        "en": "County number, e.g. 55; may be repeated.",
    },
    "help_hunters_add_trade": {
        "nb": "Fag (nummer eller navn); kan gjentas. Uten --trade: alle fag.",
        "nn": "Fag (nummer eller namn); kan gjentakast. Utan --trade: alle fag.",
        "en": "A trade (number or name); may be repeated. Without --trade: every trade.",
    },
    "help_hunters_add_email": {
        "nb": "E-postadressen til det første medlemmet.",
        "nn": "E-postadressa til det første medlemmet.",
        "en": "The first member's e-mail address.",
    },
    "help_hunters_add_phone": {
        "nb": "Telefonnummeret til det første medlemmet.",
        "nn": "Telefonnummeret til det første medlemmet.",
        "en": "The first member's phone number.",
    },
    "help_hunters_add_contact": {
        "nb": "Navnet på det første medlemmet (ellers organisasjonens navn).",
        "nn": "Namnet på det første medlemmet (elles namnet på organisasjonen).",
        "en": "The first member's name (else the organisation's name).",
    },
    "help_hunters_add_approve": {
        "nb": "Godkjenn med en gang (ellers venter den).",
        "nn": "Godkjenn med ein gong (elles ventar han).",
        "en": "Approve at once (else it waits).",
    },
    "help_hunters_add_json": {
        "nb": 'Skriv {{"id": N}}.',
        "nn": 'Skriv {{"id": N}}.',
        "en": 'Print {{"id": N}}.',
    },
    "help_hunters_changes": {
        "nb": "Vis endringer av fylker og fag som venter på godkjenning (flere fylker eller fag gir flere "
        "leads).",
        "nn": "Vis endringar av fylke og fag som ventar på godkjenning (fleire fylke eller fag gir fleire "
        "leads).",
        "en": "Show changes of counties and trades that wait for approval (more counties or trades bring "
        "more "
        "leads).",
    },
    "help_argument_change_id": {
        "nb": "Endringens nummer (fra `jeger hunters changes`).",
        "nn": "Nummeret på endringa (frå `jeger hunters changes`).",
        "en": "The change's number (from `jeger hunters changes`).",
    },
    "help_hunters_approve_change": {
        "nb": "Godkjenn en endring av fylker og fag (se `jeger hunters changes`).",
        "nn": "Godkjenn ei endring av fylke og fag (sjå `jeger hunters changes`).",
        "en": "Approve a change of counties and trades (see `jeger hunters changes`).",
    },
    "help_hunters_reject_change": {
        "nb": "Avvis en endring av fylker og fag; organisasjonen beholder det den har.",
        "nn": "Avvis ei endring av fylke og fag; organisasjonen beheld det han har.",
        "en": "Reject a change of counties and trades; the organisation keeps what it has.",
    },
    # jeger staff
    "help_staff": {
        "nb": "Innlogginger for kampanjeansatte.",
        "nn": "Innloggingar for kampanjetilsette.",
        "en": "Logins for campaign staff.",
    },
    "help_staff_add": {
        "nb": "Opprett en innlogging til dashbordet (passordet lagres som argon2-hash).",
        "nn": "Opprett ei innlogging til dashbordet (passordet blir lagra som argon2-hash).",
        "en": "Create a dashboard login (the password is stored as an argon2 hash).",
    },
    "help_staff_add_email": {
        "nb": "E-postadressen brukeren logger inn med.",
        "nn": "E-postadressa brukaren loggar inn med.",
        "en": "The e-mail address the user signs in with.",
    },
    "help_staff_add_role": {
        "nb": "admin: alt, også brukere; staff: kampanjer og leads; county: bare fylkene i --county.",
        "nn": "admin: alt, også brukarar; staff: kampanjar og leads; county: berre fylka i --county.",
        "en": "admin: everything, users too; staff: campaigns and leads; county: only the counties in "
        "--county.",
    },
    "help_staff_add_county": {
        "nb": "Fylkesnummer for en fylkesansvarlig (--role county); kan gjentas.",
        "nn": "Fylkesnummer for ein fylkesansvarleg (--role county); kan gjentakast.",
        "en": "County number for a county officer (--role county); may be repeated.",
    },
    "help_staff_add_password": {
        "nb": "Spørres om (skjult) hvis det ikke oppgis.",
        "nn": "Blir spurt om (skjult) viss det ikkje er oppgitt.",
        "en": "Asked for (hidden) when not given.",
    },
    "help_staff_add_name": {
        "nb": "Navnet som vises i dashbordet.",
        "nn": "Namnet som blir vist i dashbordet.",
        "en": "The name shown on the dashboard.",
    },
    "help_staff_add_language": _DASHBOARD_LANGUAGE,
    "help_staff_token": {
        "nb": "Lag en API-nøkkel for /api; den vises én gang, og bare hashen lagres.",
        "nn": "Lag ein API-nøkkel for /api; han blir vist éin gong, og berre hashen blir lagra.",
        "en": "Create an API key for /api; it is shown once, and only its hash is stored.",
    },
    "help_staff_token_name": {
        "nb": "Hva nøkkelen skal brukes til.",
        "nn": "Kva nøkkelen skal brukast til.",
        "en": "What the key is for.",
    },
    "help_staff_token_expires_days": {
        "nb": "Nøkkelen slutter å virke etter så mange dager.",
        "nn": "Nøkkelen sluttar å verke etter så mange dagar.",
        "en": "The key stops working after this many days.",
    },
    "help_staff_tokens": {
        "nb": "Vis brukerens API-nøkler som ikke er trukket tilbake: nummer, navn, laget, sist brukt, "
        "utløper.",
        "nn": "Vis API-nøklane til brukaren som ikkje er trekte tilbake: nummer, namn, laga, sist brukt, går "
        "ut.",
        "en": "List the user's API keys that are not revoked: number, name, created, last used, expires.",
    },
    "help_staff_revoke_token": {
        "nb": "Trekk tilbake én API-nøkkel; den slutter å virke med en gang.",
        "nn": "Trekk tilbake éin API-nøkkel; han sluttar å verke med ein gong.",
        "en": "Revoke one API key; it stops working at once.",
    },
    "help_staff_revoke_token_token_id": {
        "nb": "Nummeret fra `jeger staff tokens`.",
        "nn": "Nummeret frå `jeger staff tokens`.",
        "en": "The number from `jeger staff tokens`.",
    },
    "help_staff_list": {
        "nb": "Vis innlogginger: rolle, aktiv, låst, sist innlogget.",
        "nn": "Vis innloggingar: rolle, aktiv, låst, sist innlogga.",
        "en": "List logins: role, active, locked, last signed in.",
    },
    "help_staff_set": {
        "nb": "Endre en brukers innstillinger: språket dashbordet bruker (CLI-et følger `jeger --language`).",
        "nn": "Endre innstillingane til ein brukar: språket dashbordet brukar (CLI-et følgjer "
        "`jeger --language`).",
        "en": "Change a user's settings: the language the dashboard uses (the CLI follows "
        "`jeger --language`).",
    },
    "help_staff_set_language": _DASHBOARD_LANGUAGE,
    "help_staff_unlock": {
        "nb": "Lås opp en bruker: opphever ventetiden etter feil passord på alle maskiner.",
        "nn": "Lås opp ein brukar: opphevar ventetida etter feil passord på alle maskinar.",
        "en": "Unlock a user: lifts the wait after wrong passwords on every machine.",
    },
    "help_staff_password": {
        "nb": "Sett nytt passord; det låser opp brukeren, logger den ut overalt og trekker tilbake alle "
        "API-nøklene.",
        "nn": "Set nytt passord; det låser opp brukaren, loggar han ut overalt og trekkjer tilbake alle "
        "API-nøklane.",
        "en": "Set a new password; it unlocks the user, signs them out everywhere and revokes all their API "
        "keys.",
    },
    "help_staff_password_password": {
        "nb": "Spørres om to ganger (skjult) hvis det ikke oppgis.",
        "nn": "Blir spurt om to gonger (skjult) viss det ikkje er oppgitt.",
        "en": "Asked for twice (hidden) when not given.",
    },
    "help_staff_deactivate": {
        "nb": "Deaktiver en innlogging: brukeren kan ikke logge inn, blir logget ut, og API-nøklene slutter "
        "å "
        "virke.",
        "nn": "Deaktiver ei innlogging: brukaren kan ikkje logge inn, blir logga ut, og API-nøklane sluttar "
        "å "
        "verke.",
        "en": "Deactivate a login: the user cannot sign in, is signed out, and their API keys stop working.",
    },
    # jeger privacy
    "help_privacy": {
        "nb": "Innsyn i og sletting av personopplysninger.",
        "nn": "Innsyn i og sletting av personopplysningar.",
        "en": "Access to and erasure of personal data.",
    },
    "help_privacy_export": {
        "nb": "Skriv ut, som JSON, alt som er lagret om et telefonnummer, en e-postadresse eller et orgnr.",
        "nn": "Skriv ut, som JSON, alt som er lagra om eit telefonnummer, ei e-postadresse eller eit orgnr.",
        "en": "Print, as JSON, everything stored about a phone number, an e-mail address or an organisation "
        "number.",
    },
    "help_privacy_erase": {
        "nb": "Slett personopplysningene om en adresse eller et orgnr; adressen forblir reservert (som en "
        "nøkkelhash).",
        "nn": "Slett personopplysningane om ei adresse eller eit orgnr; adressa held fram med å vere "
        "reservert (som ein nøkkelhash).",
        "en": "Erase the personal data about an address or an organisation number; the address stays opted "
        "out (as a keyed hash).",
    },
    "help_privacy_shared_optouts": {
        "nb": "Vis reserverte adresser som flere bedrifter deler (sentralbord, regnskapsfører), til "
        "gjennomgang.\n\n"
        "Før STOPP ble knyttet til bare avsenderens adresse, reserverte én bedrifts STOPP alle adressene "
        "dens; slike reservasjoner oppheves aldri automatisk.",
        "nn": "Vis reserverte adresser som fleire bedrifter deler (sentralbord, rekneskapsførar), til "
        "gjennomgang.\n\n"
        "Før STOPP vart knytt berre til adressa til avsendaren, reserverte STOPP frå éi bedrift alle "
        "adressene hennar; slike reservasjonar blir aldri oppheva automatisk.",
        "en": "Show opted-out addresses that several companies share (a switchboard, an accountant), for "
        "review.\n\n"
        "Before STOPP was tied to the sender's address alone, one company's STOPP opted out all its "
        "addresses; such opt-outs are never lifted automatically.",
    },
    # jeger sandbox
    "help_sandbox": {
        "nb": "Svar som en bedrift på sandkassekanalen.",
        "nn": "Svar som ei bedrift på sandkassekanalen.",
        "en": "Reply as a company on the sandbox channel.",
    },
    "help_sandbox_reply": {
        "nb": "Svar som en bedrift på sandkassekanalen (samme motor som SMS- og Telegram-webhookene).\n\n"
        "Bare på kanaler uten leverandør: er SMS eller Telegram i drift, avvises svaret (kode 2).",
        "nn": "Svar som ei bedrift på sandkassekanalen (same motor som SMS- og Telegram-webhookane).\n\n"
        "Berre på kanalar utan leverandør: er SMS eller Telegram i drift, blir svaret avvist (kode 2).",
        "en": "Reply as a company on the sandbox channel (the same engine as the SMS and Telegram "
        "webhooks).\n\n"
        "Only on channels without a provider: when SMS or Telegram is live, the reply is refused (code 2).",
    },
    "help_sandbox_reply_text": {
        "nb": "Det bedriften skriver, f.eks. 'JA K7MX2P'.",
        "nn": "Det bedrifta skriv, t.d. 'JA K7MX2P'.",
        "en": "What the company writes, e.g. 'JA K7MX2P'.",
    },
    "help_sandbox_reply_from": {
        "nb": "Et telefonnummer med landskode (+47 912 34 567) skriver på SMS; et tall alene (eller tg:TALL) "
        "er en Telegram-chat.",
        "nn": "Eit telefonnummer med landskode (+47 912 34 567) skriv på SMS; eit tal åleine (eller tg:TAL) "
        "er ein Telegram-chat.",
        "en": "A phone number with its country code (+47 912 34 567) writes by SMS; a number alone (or "
        "tg:NUMBER) is a Telegram chat.",
    },
    "help_sandbox_reply_channel": {
        "nb": "Kanalen svaret kommer på, når avsenderen alene ikke avgjør det (f.eks. 91234567).",
        "nn": "Kanalen svaret kjem på, når avsendaren åleine ikkje avgjer det (t.d. 91234567).",
        "en": "The channel the reply arrives on, when the sender alone does not settle it (e.g. 91234567).",
    },
    # jeger registrations
    "help_registrations": {
        "nb": "Bedrifters registrerte interesse.",
        "nn": "Registrert interesse frå bedrifter.",
        "en": "Companies' registered interest.",
    },
    "help_registrations_merge": {
        "nb": "Slå sammen to registreringer for samme bedrift: den første beholdes og får svarene og leaden.",
        "nn": "Slå saman to registreringar for same bedrift: den første blir behalden og får svara og "
        "leaden.",
        "en": "Merge two registrations of the same company: the first is kept and gets the answers and the "
        "lead.",
    },
    "help_registrations_merge_keep_id": {
        "nb": "Registreringen som beholdes.",
        "nn": "Registreringa som blir behalden.",
        "en": "The registration that is kept.",
    },
    "help_registrations_merge_other_id": {
        "nb": "Registreringen som slås inn i den første.",
        "nn": "Registreringa som blir slått inn i den første.",
        "en": "The registration merged into the first.",
    },
}
