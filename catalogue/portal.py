"""What hunter members read on the portal (`/jeger/…`), in its sign-in messages and in lead notices.

Keys start with `portal_`, `lead_`, `notice_` or a family (`notice_channel_<channel>`, `notice_mode_<mode>`), so a
page can name a value in the reader's language; states and organisation kinds are named by `catalogue.labels`."""

from __future__ import annotations

T = dict[str, dict[str, str]]

SIGN_IN: T = {
    "portal_name": {
        "nb": "Læreplassjeger for jegere",
        "nn": "Læreplassjeger for jegerar",
        "en": "Læreplassjeger for hunters",
    },
    "portal_skip": {"nb": "Hopp til innholdet", "nn": "Hopp til innhaldet", "en": "Skip to content"},
    "portal_footer": {
        "nb": "Læreplassjeger er en kampanje fra WorldSkills Norway og fylkeskommunene. Tider er norsk tid.",
        "nn": "Læreplassjeger er ein kampanje frå WorldSkills Norway og fylkeskommunane. Tider er norsk tid.",
        "en": "Læreplassjeger is a campaign by WorldSkills Norway and the county councils. Times are Norwegian time.",
    },
    "portal_language": {"nb": "Språk", "nn": "Språk", "en": "Language"},
    "portal_nav": {"nb": "Hovedmeny", "nn": "Hovudmeny", "en": "Main menu"},
    "portal_nav_leads": {"nb": "Leads", "nn": "Leads", "en": "Leads"},
    "portal_nav_profile": {"nb": "Organisasjonen", "nn": "Organisasjonen", "en": "Organisation"},
    "portal_logout": {"nb": "Logg ut", "nn": "Logg ut", "en": "Sign out"},
    "portal_signed_out": {"nb": "Du er logget ut.", "nn": "Du er logga ut.", "en": "You are signed out."},
    "portal_signed_in_as": {
        "nb": "Innlogget som {name}, {org}",
        "nn": "Innlogga som {name}, {org}",
        "en": "Signed in as {name}, {org}",
    },
    "portal_login_title": {"nb": "Logg inn", "nn": "Logg inn", "en": "Sign in"},
    "portal_login_intro": {
        "nb": "Skriv e-postadressen eller mobilnummeret organisasjonen har registrert på deg. Du får en "
        "innloggingslenke på e-post eller en kode på SMS. Du trenger ikke passord.",
        "nn": "Skriv e-postadressa eller mobilnummeret organisasjonen har registrert på deg. Du får ei "
        "innloggingslenkje på e-post eller ein kode på SMS. Du treng ikkje passord.",
        "en": "Enter the e-mail address or mobile number your organisation registered for you. You get a sign-in "
        "link by e-mail or a code by SMS. No password needed.",
    },
    "portal_login_address": {
        "nb": "E-post eller mobilnummer",
        "nn": "E-post eller mobilnummer",
        "en": "E-mail or mobile number",
    },
    "portal_login_submit": {
        "nb": "Send meg lenke eller kode",
        "nn": "Send meg lenkje eller kode",
        "en": "Send me a link or code",
    },
    "portal_login_invalid": {
        "nb": "Skriv en e-postadresse (navn@eksempel.no) eller et norsk mobilnummer (8 siffer).",
        "nn": "Skriv ei e-postadresse (namn@døme.no) eller eit norsk mobilnummer (8 siffer).",
        "en": "Enter an e-mail address (name@example.no) or a Norwegian mobile number (8 digits).",
    },
    "portal_throttled": {
        "nb": "For mange forsøk. Vent {minutes} minutter og prøv igjen.",
        "nn": "For mange forsøk. Vent {minutes} minutt og prøv igjen.",
        "en": "Too many attempts. Wait {minutes} minutes and try again.",
    },
    "portal_sent_title": {"nb": "Sjekk e-posten din", "nn": "Sjekk e-posten din", "en": "Check your e-mail"},
    "portal_sent_text": {
        "nb": "Hvis {address} hører til et medlem av en jegerorganisasjon, har vi sendt en innloggingslenke dit. "
        "Lenken virker i 15 minutter og kan brukes én gang.",
        "nn": "Viss {address} høyrer til eit medlem av ein jegerorganisasjon, har vi sendt ei innloggingslenkje dit. "
        "Lenkja verkar i 15 minutt og kan brukast éin gong.",
        "en": "If {address} belongs to a member of a hunter organisation, we have sent a sign-in link there. The "
        "link works for 15 minutes and only once.",
    },
    "portal_code_title": {"nb": "Skriv inn koden", "nn": "Skriv inn koden", "en": "Enter the code"},
    "portal_code_text": {
        "nb": "Hvis {address} hører til et medlem av en jegerorganisasjon, har vi sendt en sekssifret kode på SMS. "
        "Koden virker i 15 minutter.",
        "nn": "Viss {address} høyrer til eit medlem av ein jegerorganisasjon, har vi sendt ein sekssifra kode på "
        "SMS. Koden verkar i 15 minutt.",
        "en": "If {address} belongs to a member of a hunter organisation, we have sent a six-digit code by SMS. "
        "The code works for 15 minutes.",
    },
    "portal_code_label": {
        "nb": "Kode fra SMS (6 siffer)",
        "nn": "Kode frå SMS (6 siffer)",
        "en": "Code from the SMS (6 digits)",
    },
    "portal_code_submit": {"nb": "Logg inn", "nn": "Logg inn", "en": "Sign in"},
    "portal_code_wrong": {
        "nb": "Koden stemmer ikke, eller den er utløpt. Etter fem feil må du be om en ny kode.",
        "nn": "Koden stemmer ikkje, eller han har gått ut. Etter fem feil må du be om ein ny kode.",
        "en": "The code is wrong or has expired. After five wrong tries you must ask for a new code.",
    },
    "portal_link_title": {
        "nb": "Logg inn i portalen",
        "nn": "Logg inn i portalen",
        "en": "Sign in to the portal",
    },
    "portal_link_text": {
        "nb": "Trykk på knappen for å logge inn. Lenken kan bare brukes én gang.",
        "nn": "Trykk på knappen for å logge inn. Lenkja kan berre brukast éin gong.",
        "en": "Press the button to sign in. The link works only once.",
    },
    "portal_link_submit": {"nb": "Logg inn", "nn": "Logg inn", "en": "Sign in"},
    "portal_link_invalid_title": {
        "nb": "Lenken virker ikke",
        "nn": "Lenkja verkar ikkje",
        "en": "The link does not work",
    },
    "portal_link_invalid_text": {
        "nb": "Innloggingslenken er brukt, utløpt eller ugyldig. Be om en ny.",
        "nn": "Innloggingslenkja er brukt, har gått ut eller er ugyldig. Be om ei ny.",
        "en": "The sign-in link has been used, has expired or is invalid. Ask for a new one.",
    },
    "portal_new_request": {
        "nb": "Be om ny lenke eller kode",
        "nn": "Be om ny lenkje eller kode",
        "en": "Ask for a new link or code",
    },
    "portal_login_email_subject": {
        "nb": "Logg inn i Læreplassjeger",
        "nn": "Logg inn i Læreplassjeger",
        "en": "Sign in to Læreplassjeger",
    },
    "portal_login_email_body": {
        "nb": "Hei {name}!\n\nHer er lenken for å logge inn i Læreplassjeger-portalen for {org}:\n\n{url}\n\n"
        "Lenken virker i 15 minutter og kan brukes én gang. Ba du ikke om den, kan du se bort fra denne e-posten.",
        "nn": "Hei {name}!\n\nHer er lenkja for å logge inn i Læreplassjeger-portalen for {org}:\n\n{url}\n\n"
        "Lenkja verkar i 15 minutt og kan brukast éin gong. Bad du ikkje om ho, kan du sjå bort frå denne e-posten.",
        "en": "Hello {name}!\n\nHere is the link to sign in to the Læreplassjeger portal for {org}:\n\n{url}\n\n"
        "The link works for 15 minutes and only once. If you did not ask for it, you can ignore this e-mail.",
    },
    "portal_login_sms": {
        "nb": "{code} er koden din for å logge inn i Læreplassjeger ({org}). Den virker i 15 minutter.",
        "nn": "{code} er koden din for å logge inn i Læreplassjeger ({org}). Han verkar i 15 minutt.",
        "en": "{code} is your code to sign in to Læreplassjeger ({org}). It works for 15 minutes.",
    },
    "portal_error_title": {"nb": "Noe gikk galt", "nn": "Noko gjekk gale", "en": "Something went wrong"},
    "portal_csrf_text": {
        "nb": "Skjemaet var utløpt. Gå tilbake, last siden på nytt og prøv igjen. Ingenting ble endret.",
        "nn": "Skjemaet hadde gått ut. Gå tilbake, last sida på nytt og prøv igjen. Ingenting vart endra.",
        "en": "The form had expired. Go back, reload the page and try again. Nothing was changed.",
    },
    "portal_not_found": {
        "nb": "Denne siden finnes ikke, eller den er ikke synlig for organisasjonen deres.",
        "nn": "Denne sida finst ikkje, eller ho er ikkje synleg for organisasjonen dykkar.",
        "en": "This page does not exist, or your organisation cannot see it.",
    },
}

LEADS: T = {
    "portal_leads_title": {"nb": "Leads", "nn": "Leads", "en": "Leads"},
    "portal_pending": {
        "nb": "Organisasjonen venter på godkjenning fra kampanjen. Leads vises her når den er godkjent.",
        "nn": "Organisasjonen ventar på godkjenning frå kampanjen. Leads blir viste her når han er godkjend.",
        "en": "Your organisation is waiting for the campaign's approval. Leads show here once it is approved.",
    },
    "portal_mine": {"nb": "Våre leads", "nn": "Leadsa våre", "en": "Our leads"},
    "portal_mine_empty": {
        "nb": "Dere har ingen leads ennå.",
        "nn": "De har ingen leads enno.",
        "en": "You have no leads yet.",
    },
    "portal_open": {
        "nb": "Ledige leads i fylkene og fagene deres",
        "nn": "Ledige leads i fylka og faga dykkar",
        "en": "Open leads in your counties and trades",
    },
    "portal_open_empty": {
        "nb": "Ingen ledige leads akkurat nå.",
        "nn": "Ingen ledige leads akkurat no.",
        "en": "No open leads right now.",
    },
    "portal_back": {"nb": "Tilbake til leads", "nn": "Tilbake til leads", "en": "Back to leads"},
    "lead_heading": {
        "nb": "Lead {id}: {company}",
        "nn": "Lead {id}: {company}",
        "en": "Lead {id}: {company}",
    },
    "lead_status": {"nb": "Status", "nn": "Status", "en": "Status"},
    "lead_company": {"nb": "Bedriften", "nn": "Bedrifta", "en": "The company"},
    "lead_orgnr": {"nb": "Org.nr.", "nn": "Org.nr.", "en": "Org. no."},
    "lead_place": {"nb": "Sted", "nn": "Stad", "en": "Place"},
    "lead_trades": {"nb": "Fag", "nn": "Fag", "en": "Trades"},
    "lead_trades_none": {"nb": "ikke oppgitt", "nn": "ikkje oppgitt", "en": "not given"},
    "lead_places": {"nb": "Læreplasser", "nn": "Læreplassar", "en": "Apprenticeships"},
    "lead_adults": {"nb": "Voksne lærlinger", "nn": "Vaksne lærlingar", "en": "Adult apprentices"},
    "lead_yes": {"nb": "ja", "nn": "ja", "en": "yes"},
    "lead_no": {"nb": "nei", "nn": "nei", "en": "no"},
    "lead_start": {"nb": "Ønsket oppstart", "nn": "Ønskt oppstart", "en": "Wanted start"},
    "lead_contact": {"nb": "Kontaktperson", "nn": "Kontaktperson", "en": "Contact person"},
    "lead_phone": {"nb": "Telefon", "nn": "Telefon", "en": "Phone"},
    "lead_email": {"nb": "E-post", "nn": "E-post", "en": "E-mail"},
    "lead_approved_in": {
        "nb": "Godkjent lærebedrift i",
        "nn": "Godkjend lærebedrift i",
        "en": "Approved training company in",
    },
    "lead_unverified": {
        "nb": "Ikke bekreftet: registrert av noen som bare oppga organisasjonsnummeret. Sjekk at du snakker med bedriften.",
        "nn": "Ikkje stadfesta: registrert av nokon som berre gav opp organisasjonsnummeret. Sjekk at du snakkar med bedrifta.",
        "en": "Not verified: registered by someone who only gave the organisation number. Check you are talking to the company.",
    },
    "lead_registered": {"nb": "Registrert", "nn": "Registrert", "en": "Registered"},
    "lead_conversation": {
        "nb": "Samtalen med bedriften",
        "nn": "Samtalen med bedrifta",
        "en": "The conversation with the company",
    },
    "lead_conversation_empty": {"nb": "Ingen meldinger.", "nn": "Ingen meldingar.", "en": "No messages."},
    "lead_from_company": {"nb": "Bedriften", "nn": "Bedrifta", "en": "The company"},
    "lead_from_campaign": {"nb": "Kampanjen", "nn": "Kampanjen", "en": "The campaign"},
    "lead_history": {"nb": "Notater og historikk", "nn": "Notat og historikk", "en": "Notes and history"},
    "lead_history_empty": {"nb": "Ingen notater ennå.", "nn": "Ingen notat enno.", "en": "No notes yet."},
    "lead_event_note": {"nb": "Notat", "nn": "Notat", "en": "Note"},
    "lead_event_claimed": {"nb": "Tok leaden", "nn": "Tok leaden", "en": "Claimed the lead"},
    "lead_event_released": {"nb": "Slapp leaden", "nn": "Slepte leaden", "en": "Released the lead"},
    "lead_event_outcome": {"nb": "Utfall", "nn": "Utfall", "en": "Outcome"},
    "lead_claim": {"nb": "Ta leaden", "nn": "Ta leaden", "en": "Claim the lead"},
    "lead_release": {"nb": "Slipp leaden", "nn": "Slepp leaden", "en": "Release the lead"},
    "lead_release_help": {
        "nb": "Leaden går tilbake til de andre jegerne i fylket, og de får beskjed.",
        "nn": "Leaden går tilbake til dei andre jegerane i fylket, og dei får melding.",
        "en": "The lead goes back to the other hunters of the county, and they are told.",
    },
    "lead_note_label": {"nb": "Nytt notat", "nn": "Nytt notat", "en": "New note"},
    "lead_note_help": {
        "nb": "Bare organisasjonen deres og kampanjen ser notatene.",
        "nn": "Berre organisasjonen dykkar og kampanjen ser notata.",
        "en": "Only your organisation and the campaign see the notes.",
    },
    "lead_note_submit": {"nb": "Lagre notat", "nn": "Lagre notat", "en": "Save note"},
    "lead_note_saved": {"nb": "Notatet er lagret.", "nn": "Notatet er lagra.", "en": "The note is saved."},
    "lead_note_empty": {
        "nb": "Skriv noe i notatet først.",
        "nn": "Skriv noko i notatet først.",
        "en": "Write something in the note first.",
    },
    "lead_note_too_long": {
        "nb": "Notatet er for langt: høyst {max} tegn.",
        "nn": "Notatet er for langt: høgst {max} teikn.",
        "en": "The note is too long: at most {max} characters.",
    },
    "lead_note_not_yours": {
        "nb": "Dere kan skrive notater bare på leads dere har tatt.",
        "nn": "De kan skrive notat berre på leads de har teke.",
        "en": "You can write notes only on leads you have claimed.",
    },
    "lead_outcome_label": {
        "nb": "Hva ble utfallet?",
        "nn": "Kva vart utfallet?",
        "en": "What was the outcome?",
    },
    "lead_outcome_submit": {"nb": "Lagre utfall", "nn": "Lagre utfall", "en": "Save outcome"},
    "lead_claimed": {
        "nb": "Leaden er deres. Ta kontakt med bedriften.",
        "nn": "Leaden er dykkar. Ta kontakt med bedrifta.",
        "en": "The lead is yours. Get in touch with the company.",
    },
    "lead_already_yours": {
        "nb": "Denne leaden er allerede deres.",
        "nn": "Denne leaden er allereie dykkar.",
        "en": "This lead is yours already.",
    },
    "lead_taken": {
        "nb": "Denne leaden er allerede tatt av {who}.",
        "nn": "Denne leaden er allereie teken av {who}.",
        "en": "This lead was claimed already by {who}.",
    },
    "lead_outside": {
        "nb": "Denne leaden er utenfor fylkene eller fagene deres, så dere kan ikke ta den.",
        "nn": "Denne leaden er utanfor fylka eller faga dykkar, så de kan ikkje ta han.",
        "en": "This lead is outside your counties or trades, so you cannot claim it.",
    },
    "lead_not_approved": {
        "nb": "Organisasjonen må være godkjent før dere kan ta leads.",
        "nn": "Organisasjonen må vere godkjend før de kan ta leads.",
        "en": "Your organisation must be approved before you can claim leads.",
    },
    "lead_released": {
        "nb": "Leaden er sluppet og tilbake hos de andre jegerne.",
        "nn": "Leaden er sleppt og tilbake hos dei andre jegerane.",
        "en": "The lead is released and back with the other hunters.",
    },
    "lead_not_owner": {
        "nb": "Bare organisasjonen som har tatt leaden, kan gjøre dette.",
        "nn": "Berre organisasjonen som har teke leaden, kan gjere dette.",
        "en": "Only the organisation that claimed the lead can do this.",
    },
    "lead_final": {
        "nb": "Utfallet er allerede registrert som «{outcome}» og kan ikke endres her. Ta kontakt med kampanjen om det er feil.",
        "nn": "Utfallet er allereie registrert som «{outcome}» og kan ikkje endrast her. Ta kontakt med kampanjen om det er feil.",
        "en": "The outcome is recorded as «{outcome}» already and cannot be changed here. Contact the campaign if it is wrong.",
    },
    "lead_outcome_saved": {
        "nb": "Utfallet er lagret: {outcome}.",
        "nn": "Utfallet er lagra: {outcome}.",
        "en": "The outcome is saved: {outcome}.",
    },
    "lead_outcome_invalid": {"nb": "Velg et utfall.", "nn": "Vel eit utfall.", "en": "Choose an outcome."},
}

PROFILE: T = {
    "portal_profile_title": {"nb": "Organisasjonen", "nn": "Organisasjonen", "en": "Your organisation"},
    "portal_profile_type": {"nb": "Type", "nn": "Type", "en": "Type"},
    "portal_profile_state": {"nb": "Status", "nn": "Status", "en": "Status"},
    "portal_profile_counties": {"nb": "Fylker", "nn": "Fylke", "en": "Counties"},
    "portal_profile_trades": {"nb": "Fag", "nn": "Fag", "en": "Trades"},
    "portal_profile_all_trades": {"nb": "Alle fag", "nn": "Alle fag", "en": "All trades"},
    "portal_profile_contact": {"nb": "Kontaktperson", "nn": "Kontaktperson", "en": "Contact person"},
    "portal_profile_members": {"nb": "Medlemmer", "nn": "Medlemmer", "en": "Members"},
    "portal_profile_you": {"nb": "deg", "nn": "deg", "en": "you"},
    "portal_profile_notices": {
        "nb": "Varsler: {channel}, {mode}",
        "nn": "Varsel: {channel}, {mode}",
        "en": "Notices: {channel}, {mode}",
    },
    "portal_profile_members_link": {
        "nb": "Legg til eller fjern medlemmer",
        "nn": "Legg til eller fjern medlemmer",
        "en": "Add or remove members",
    },
    "portal_profile_area_link": {
        "nb": "Be om endring av fylker eller fag",
        "nn": "Be om endring av fylke eller fag",
        "en": "Ask to change counties or trades",
    },
    "portal_profile_area_note": {
        "nb": "En endring av fylker eller fag må godkjennes av kampanjen før dere ser andre leads.",
        "nn": "Ei endring av fylke eller fag må godkjennast av kampanjen før de ser andre leads.",
        "en": "A change of counties or trades must be approved by the campaign before you see other leads.",
    },
    "notice_channel_email": {"nb": "e-post", "nn": "e-post", "en": "e-mail"},
    "notice_channel_sms": {"nb": "SMS", "nn": "SMS", "en": "SMS"},
    "notice_channel_telegram": {"nb": "Telegram", "nn": "Telegram", "en": "Telegram"},
    "notice_mode_instant": {"nb": "med en gang", "nn": "med ein gong", "en": "at once"},
    "notice_mode_digest": {
        "nb": "samlet én gang om dagen",
        "nn": "samla éin gong om dagen",
        "en": "collected once a day",
    },
}

NOTICES: T = {
    "notice_new_subject": {
        "nb": "Ny lead: {company}",
        "nn": "Ny lead: {company}",
        "en": "New lead: {company}",
    },
    "notice_new": {
        "nb": "Ny bedrift vil ha lærling: {company}, {place}. Se og ta leaden: {url}",
        "nn": "Ny bedrift vil ha lærling: {company}, {place}. Sjå og ta leaden: {url}",
        "en": "A new company wants an apprentice: {company}, {place}. See and claim the lead: {url}",
    },
    "notice_reminder_subject": {
        "nb": "Venter fortsatt: {company}",
        "nn": "Ventar framleis: {company}",
        "en": "Still waiting: {company}",
    },
    "notice_reminder": {
        "nb": "Påminnelse: {company}, {place}, venter fortsatt på en læreplassjeger. Se og ta leaden: {url}",
        "nn": "Påminning: {company}, {place}, ventar framleis på ein læreplassjeger. Sjå og ta leaden: {url}",
        "en": "Reminder: {company}, {place}, is still waiting for a hunter. See and claim the lead: {url}",
    },
    "notice_outcome_subject": {
        "nb": "Utfall for {company}",
        "nn": "Utfall for {company}",
        "en": "Outcome for {company}",
    },
    "notice_outcome": {
        "nb": "{member} registrerte utfall for {company}: {outcome}. Se leaden: {url}",
        "nn": "{member} registrerte utfall for {company}: {outcome}. Sjå leaden: {url}",
        "en": "{member} recorded the outcome for {company}: {outcome}. See the lead: {url}",
    },
    "notice_digest_subject": {
        "nb": "Leads fra Læreplassjeger i dag",
        "nn": "Leads frå Læreplassjeger i dag",
        "en": "Today's leads from Læreplassjeger",
    },
    "notice_digest_intro": {
        "nb": "Hei {name}! Dette har skjedd med leads for {org} siden sist:",
        "nn": "Hei {name}! Dette har skjedd med leads for {org} sidan sist:",
        "en": "Hello {name}! This happened with leads for {org} since last time:",
    },
}

CHAT: T = {
    "chat_note_usage": {
        "nb": "Skriv /notat, nummeret på leaden og notatet, for eksempel: /notat 12 Ringte daglig leder.",
        "nn": "Skriv /notat, nummeret på leaden og notatet, til dømes: /notat 12 Ringde dagleg leiar.",
        "en": "Write /notat, the lead's number and the note, for example: /notat 12 Called the manager.",
    },
}

TEXTS: T = {**SIGN_IN, **LEADS, **PROFILE, **NOTICES, **CHAT}
