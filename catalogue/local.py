"""Texts of local and adult campaigns (PRODUCT §11): the questions an adult (`voksen`) campaign's registration
asks on chat and on the web, and what its summary shows."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "q_adult_places": {
        "nb": "3/5 Hvor mange plasser for voksne lærlinger kan dere tilby?",
        "nn": "3/5 Kor mange plassar for vaksne lærlingar kan de tilby?",
        "en": "3/5 How many places for adult apprentices can you offer?",
    },
    "q_adult_places_more": {
        "nb": "Hvor mange plasser for voksne lærlinger? Skriv et tall.",
        "nn": "Kor mange plassar for vaksne lærlingar? Skriv eit tal.",
        "en": "How many places for adult apprentices? Write a number.",
    },
    "q_trial": {
        "nb": "4/5 Kan dere ta en kandidat på prøve (arbeidstrening) først? Svar JA eller NEI.",
        "nn": "4/5 Kan de ta ein kandidat på prøve (arbeidstrening) først? Svar JA eller NEI.",
        "en": "4/5 Would you take a candidate for a trial period (work training) first? Reply YES or NO.",
    },
    "q_adult_start": {
        "nb": "5/5 Når kan den voksne lærlingen begynne (f.eks. «august 2027» eller «snarest»)?",
        "nn": "5/5 Når kan den vaksne lærlingen byrje (t.d. «august 2027» eller «snarast»)?",
        "en": "5/5 When could the adult apprentice start (e.g. 'August 2027' or 'as soon as possible')?",
    },
    "summary_adult": {
        "nb": "Stemmer dette?\n1 Kontakt: {contact}\n2 Fag: {trades}\n3 Plasser for voksne lærlinger: {places}\n"
        "4 Prøveperiode først: {trial}\n5 Oppstart: {start}\n6 Telefon: {phone}\n7 E-post: {email}\n"
        "Svar JA for å sende, eller 1–7 for å endre.",
        "nn": "Stemmer dette?\n1 Kontakt: {contact}\n2 Fag: {trades}\n3 Plassar for vaksne lærlingar: {places}\n"
        "4 Prøveperiode først: {trial}\n5 Oppstart: {start}\n6 Telefon: {phone}\n7 E-post: {email}\n"
        "Svar JA for å sende, eller 1–7 for å endre.",
        "en": "Is this right?\n1 Contact: {contact}\n2 Trades: {trades}\n3 Places for adult apprentices: {places}\n"
        "4 Trial period first: {trial}\n5 Start: {start}\n6 Phone: {phone}\n7 E-mail: {email}\n"
        "Reply YES to send, or 1–7 to change.",
    },
    "web_adult_places": {
        "nb": "Hvor mange plasser for voksne lærlinger kan dere tilby?",
        "nn": "Kor mange plassar for vaksne lærlingar kan de tilby?",
        "en": "How many places for adult apprentices can you offer?",
    },
    "web_trial": {
        "nb": "Kan dere ta en kandidat på prøve (arbeidstrening) først?",
        "nn": "Kan de ta ein kandidat på prøve (arbeidstrening) først?",
        "en": "Would you take a candidate for a trial period (work training) first?",
    },
    "web_adult_intro": {
        "nb": "Denne kampanjen gjelder voksne lærlinger: fagopplæring i moduler, mest hos dere, med oppfølging fra "
        "skolen og NAV.",
        "nn": "Denne kampanjen gjeld vaksne lærlingar: fagopplæring i modular, mest hos dykk, med oppfølging frå "
        "skulen og NAV.",
        "en": "This campaign is about adult apprentices: training in modules, mostly at your company, followed up "
        "by the school and NAV.",
    },
    "portal_nav_campaigns": {"nb": "Kampanjer", "nn": "Kampanjar", "en": "Campaigns"},
    "portal_campaigns_title": {"nb": "Kampanjene våre", "nn": "Kampanjane våre", "en": "Our campaigns"},
    "portal_campaigns_none": {
        "nb": "Organisasjonen eier ingen kampanjer ennå.",
        "nn": "Organisasjonen eig ingen kampanjar enno.",
        "en": "Your organisation owns no campaigns yet.",
    },
    "portal_campaigns_back": {"nb": "Alle kampanjene", "nn": "Alle kampanjane", "en": "All campaigns"},
    "portal_campaign_new": {"nb": "Ny kampanje", "nn": "Ny kampanje", "en": "New campaign"},
    "portal_campaign_fill_in": {
        "nb": "Fyll ut skjemaet for en ny kampanje",
        "nn": "Fyll ut skjemaet for ein ny kampanje",
        "en": "Fill in the form for a new campaign",
    },
    "portal_campaign_follow_up": {"nb": "Oppfølging", "nn": "Oppfølging", "en": "Follow-up"},
    "portal_campaign_copy": {
        "nb": "Lag en ny runde med denne kampanjen som utgangspunkt",
        "nn": "Lag ein ny runde med denne kampanjen som utgangspunkt",
        "en": "Make a new round starting from this campaign",
    },
    "portal_campaign_copy_drops": {
        "nb": "Skjemaet har ikke felt for {keys}; kopien tar dem ikke med. Last opp kampanjefilen i stedet om "
        "dere trenger dem.",
        "nn": "Skjemaet har ikkje felt for {keys}; kopien tek dei ikkje med. Last opp kampanjefila i staden om "
        "de treng dei.",
        "en": "The form has no fields for {keys}; the copy leaves them out. Upload the campaign file instead "
        "if you need them.",
    },
    "portal_campaign_form_help": {
        "nb": "Organisasjonen deres eier kampanjen og får de interesserte bedriftene. Kampanjen lagres som utkast; "
        "dere ser hvem som får brev før dere ber om start, og staben godkjenner starten.",
        "nn": "Organisasjonen dykkar eig kampanjen og får dei interesserte bedriftene. Kampanjen blir lagra som "
        "utkast; de ser kven som får brev før de ber om start, og staben godkjenner starten.",
        "en": "Your organisation owns the campaign and gets the interested companies. It is saved as a draft; you "
        "see who will be written to before you ask for launch, and staff approve the launch.",
    },
    "portal_campaign_new_help": {
        "nb": "Last opp kampanjefilen (TOML) der organisasjonen er eier, og eventuelt medlemslista den viser til "
        "med orgnr_file. Kampanjen blir et utkast; ingenting sendes før kampanjeansvarlig har startet den.",
        "nn": "Last opp kampanjefila (TOML) der organisasjonen er eigar, og eventuelt medlemslista ho viser til "
        "med orgnr_file. Kampanjen blir eit utkast; ingenting blir sendt før kampanjeansvarleg har starta han.",
        "en": "Upload the campaign file (TOML) naming your organisation as owner, and the member list it names "
        "with orgnr_file, if any. The campaign becomes a draft; nothing is sent until campaign staff launch it.",
    },
    "portal_campaign_file": {
        "nb": "Kampanjefil (TOML)",
        "nn": "Kampanjefil (TOML)",
        "en": "Campaign file (TOML)",
    },
    "portal_campaign_members_file": {
        "nb": "Medlemsliste (CSV eller XLSX, valgfri)",
        "nn": "Medlemsliste (CSV eller XLSX, valfri)",
        "en": "Member list (CSV or XLSX, optional)",
    },
    "portal_campaign_create": {"nb": "Lag utkast", "nn": "Lag utkast", "en": "Create draft"},
    "portal_campaign_problems": {
        "nb": "Kampanjen ble ikke laget. Rett dette i filen og prøv igjen:",
        "nn": "Kampanjen vart ikkje laga. Rett dette i fila og prøv igjen:",
        "en": "The campaign was not created. Correct this in the file and try again:",
    },
    "portal_campaign_file_missing": {
        "nb": "Velg en kampanjefil (høyst 2 MB).",
        "nn": "Vel ei kampanjefil (høgst 2 MB).",
        "en": "Choose a campaign file (at most 2 MB).",
    },
    "portal_campaign_not_utf8": {
        "nb": "Kampanjefilen må være lagret som UTF-8-tekst.",
        "nn": "Kampanjefila må vere lagra som UTF-8-tekst.",
        "en": "The campaign file must be saved as UTF-8 text.",
    },
    "portal_campaign_created": {
        "nb": "Utkast {id} er laget, med {audience} bedrifter i målgruppen.",
        "nn": "Utkast {id} er laga, med {audience} bedrifter i målgruppa.",
        "en": "Draft {id} is created, with {audience} companies in its audience.",
    },
    "portal_campaign_refused": {
        "nb": "Ikke gjort: {reason}",
        "nn": "Ikkje gjort: {reason}",
        "en": "Not done: {reason}",
    },
    "portal_campaign_state": {"nb": "Status", "nn": "Status", "en": "State"},
    "portal_campaign_reason": {"nb": "Hvorfor", "nn": "Kvifor", "en": "Why"},
    "portal_campaign_waiting": {
        "nb": "venter på at kampanjeansvarlig starter den",
        "nn": "ventar på at kampanjeansvarleg startar han",
        "en": "waiting for campaign staff to launch it",
    },
    "portal_campaign_notes": {
        "nb": "Utenfor målgruppen etter kampanjens egne regler",
        "nn": "Utanfor målgruppa etter reglane til kampanjen",
        "en": "Left out by the campaign's own rules (in Norwegian)",
    },
    "portal_campaign_steps": {"nb": "Steg", "nn": "Steg", "en": "Steps"},
    "portal_campaign_audience": {
        "nb": "{count} bedrifter nås i dette steget",
        "nn": "{count} bedrifter blir nådde i dette steget",
        "en": "{count} companies reached in this step",
    },
    "portal_campaign_sample": {
        "nb": "Eksempel: {company}",
        "nn": "Døme: {company}",
        "en": "Example: {company}",
    },
    "portal_campaign_actions": {
        "nb": "Hva vil du gjøre?",
        "nn": "Kva vil du gjere?",
        "en": "What would you like to do?",
    },
    "portal_campaign_test_to": {
        "nb": "Send en test til deg selv (ditt mobilnummer eller din e-post)",
        "nn": "Send ein test til deg sjølv (mobilnummeret eller e-posten din)",
        "en": "Send a test to yourself (your mobile number or e-mail)",
    },
    "portal_campaign_test": {"nb": "Send test", "nn": "Send test", "en": "Send test"},
    "portal_campaign_start": {"nb": "Be om start", "nn": "Be om start", "en": "Ask for launch"},
    "portal_campaign_pause": {"nb": "Sett på pause", "nn": "Set på pause", "en": "Pause"},
    "portal_campaign_fortsett": {"nb": "Fortsett", "nn": "Hald fram", "en": "Resume"},
    "portal_campaign_avbryt": {
        "nb": "Avbryt kampanjen",
        "nn": "Avbryt kampanjen",
        "en": "Cancel the campaign",
    },
    "portal_campaign_launch_note": {
        "nb": "Kampanjen sendes fra Læreplassjegers nasjonale nummer og navn, så kampanjeansvarlig ser over og "
        "starter den når dere har bedt om det.",
        "nn": "Kampanjen blir send frå det nasjonale nummeret og namnet til Læreplassjeger, så kampanjeansvarleg "
        "ser over og startar han når de har bede om det.",
        "en": "The campaign is sent from Læreplassjeger's national number and name, so campaign staff review and "
        "launch it once you have asked.",
    },
    "portal_campaign_test_done": {
        "nb": "Testen er sendt til deg.",
        "nn": "Testen er send til deg.",
        "en": "The test has been sent to you.",
    },
    "portal_campaign_start_done": {
        "nb": "Kampanjeansvarlig har fått beskjed og starter kampanjen når den er sett over.",
        "nn": "Kampanjeansvarleg har fått beskjed og startar kampanjen når han er sett over.",
        "en": "Campaign staff have been told and will launch the campaign once it is reviewed.",
    },
    "portal_campaign_pause_done": {
        "nb": "Kampanjen er satt på pause.",
        "nn": "Kampanjen er sett på pause.",
        "en": "The campaign is paused.",
    },
    "portal_campaign_fortsett_done": {
        "nb": "Kampanjen fortsetter.",
        "nn": "Kampanjen held fram.",
        "en": "The campaign resumes.",
    },
    "portal_campaign_avbryt_done": {
        "nb": "Kampanjen er avbrutt.",
        "nn": "Kampanjen er avbroten.",
        "en": "The campaign is cancelled.",
    },
    # Who the audience's own rules leave out (campaigns.audience_notes), on the preview pages.
    "audience_note_rejected_rows": {
        "nb": "{count} rader i {file} er ikke gyldige organisasjonsnumre",
        "nn": "{count} rader i {file} er ikkje gyldige organisasjonsnummer",
        "en": "{count} rows in {file} are not valid organisation numbers",
    },
    "audience_note_row": {"nb": "rad {row}: {value}", "nn": "rad {row}: {value}", "en": "row {row}: {value}"},
    "audience_note_unknown_orgnrs": {
        "nb": "{count} organisasjonsnumre i {file} finnes ikke i Enhetsregisteret vi har lastet inn",
        "nn": "{count} organisasjonsnummer i {file} finst ikkje i Einingsregisteret vi har lasta inn",
        "en": "{count} organisation numbers in {file} are not in the copy of the Central Coordinating Register "
        "we have loaded",
    },
    "audience_note_misfits": {
        "nb": "{count} av bedriftene i {file} passer ikke de andre kravene i tabellen (fag, fylke, kommune, "
        "bransje, størrelse, postnummer eller tidligere kampanjer)",
        "nn": "{count} av verksemdene i {file} passar ikkje dei andre krava i tabellen (fag, fylke, kommune, "
        "bransje, storleik, postnummer eller tidlegare kampanjar)",
        "en": "{count} of the companies in {file} do not meet the table's other requirements (trade, county, "
        "municipality, industry, size, postcode or earlier campaigns)",
    },
    "audience_note_never_contact": {
        "nb": "{count} av de valgte bedriftene skrives aldri til (konkurs, avvikling, slettet, eller har sagt STOPP)",
        "nn": "{count} av dei valde verksemdene blir aldri skrivne til (konkurs, avvikling, sletta, eller har "
        "sagt STOPP)",
        "en": "{count} of the selected companies are never written to (bankrupt, being wound up, deleted, or "
        "have said STOP)",
    },
    "audience_note_training_company": {
        "nb": "{count} av de valgte bedriftene er godkjente lærebedrifter (exclude = training_company)",
        "nn": "{count} av dei valde verksemdene er godkjende lærebedrifter (exclude = training_company)",
        "en": "{count} of the selected companies are approved training companies (exclude = training_company)",
    },
    "audience_note_registered": {
        "nb": "{count} av de valgte bedriftene har allerede registrert seg (exclude = registered)",
        "nn": "{count} av dei valde verksemdene har alt registrert seg (exclude = registered)",
        "en": "{count} of the selected companies have already registered (exclude = registered)",
    },
    "audience_note_contacted_recently": {
        "nb": "{count} av de valgte bedriftene fikk en melding fra en kampanje de siste {days} dagene "
        "(exclude_contacted_days)",
        "nn": "{count} av dei valde verksemdene fekk ei melding frå ein kampanje dei siste {days} dagane "
        "(exclude_contacted_days)",
        "en": "{count} of the selected companies got a message from a campaign in the last {days} days "
        "(exclude_contacted_days)",
    },
}
