"""What `jeger companies`, `privacy`, `import`, `replies`, `registrations` and the commands that run the system
(`init`, `serve --demo`) print to a person (catalogue.cli holds the texts every command shares)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # jeger companies
    "cli_companies_unknown_county": {
        "nb": "--county {county}: ukjent fylkesnummer; gyldige er {valid}",
        "nn": "--county {county}: ukjent fylkesnummer; gyldige er {valid}",
        "en": "--county {county}: unknown county number; valid ones are {valid}",
    },
    "cli_col_industry": {"nb": "Næring", "nn": "Næring", "en": "Industry"},
    "cli_col_employees": {"nb": "Ansatte", "nn": "Tilsette", "en": "Employees"},
    "cli_companies_first": {
        "nb": "Viser de {limit} første; --limit 0 viser alle.",
        "nn": "Viser dei {limit} første; --limit 0 viser alle.",
        "en": "Showing the first {limit}; --limit 0 shows all.",
    },
    "cli_companies_unknown": {
        "nb": "orgnr {orgnr}: ingen bedrift har dette organisasjonsnummeret",
        "nn": "orgnr {orgnr}: ingen bedrift har dette organisasjonsnummeret",
        "en": "org. no. {orgnr}: no company has this organisation number",
    },
    "cli_show_orgnr": {"nb": "orgnr", "nn": "orgnr", "en": "org. no."},
    "cli_show_name": {"nb": "navn", "nn": "namn", "en": "name"},
    "cli_show_county_name": {"nb": "fylke", "nn": "fylke", "en": "county"},
    "cli_show_nace_code": {"nb": "næringskode", "nn": "næringskode", "en": "industry code"},
    "cli_show_employees": {"nb": "ansatte", "nn": "tilsette", "en": "employees"},
    "cli_show_short_code": {"nb": "kortkode", "nn": "kortkode", "en": "short code"},
    "cli_show_token": {"nb": "lenkenøkkel", "nn": "lenkjenøkkel", "en": "link key"},
    "cli_show_flags": {"nb": "flagg", "nn": "flagg", "en": "flags"},
    "cli_show_approved_in": {"nb": "godkjent i", "nn": "godkjend i", "en": "approved in"},
    "cli_flag_training_company": {"nb": "lærebedrift", "nn": "lærebedrift", "en": "training company"},
    "cli_flag_bankrupt": {"nb": "konkurs", "nn": "konkurs", "en": "bankrupt"},
    "cli_flag_winding_up": {"nb": "under avvikling", "nn": "under avvikling", "en": "winding up"},
    "cli_flag_deleted": {"nb": "slettet", "nn": "sletta", "en": "deleted"},
    "cli_flag_do_not_contact": {"nb": "har sagt STOPP", "nn": "har sagt STOPP", "en": "has said STOP"},
    "cli_flag_never_contact": {"nb": "kontaktes aldri", "nn": "blir aldri kontakta", "en": "never contacted"},
    "cli_contact_opted_out": {"nb": "reservert", "nn": "reservert", "en": "opted out"},
    "cli_contact_replaced": {"nb": "erstattet", "nn": "erstatta", "en": "replaced"},
    # jeger privacy
    "cli_privacy_one_subject": {
        "nb": "oppgi nøyaktig én av --phone, --orgnr og --email",
        "nn": "oppgi nøyaktig éin av --phone, --orgnr og --email",
        "en": "give exactly one of --phone, --orgnr and --email",
    },
    "cli_privacy_erased": {"nb": "Slettet: {counts}", "nn": "Sletta: {counts}", "en": "Erased: {counts}"},
    "cli_erased_contacts": {"nb": "kontaktadresser", "nn": "kontaktadresser", "en": "contact addresses"},
    "cli_erased_messages": {"nb": "meldinger", "nn": "meldingar", "en": "messages"},
    "cli_erased_replies": {"nb": "svar", "nn": "svar", "en": "replies"},
    "cli_erased_conversations": {"nb": "samtaler", "nn": "samtalar", "en": "conversations"},
    "cli_erased_registrations": {"nb": "registreringer", "nn": "registreringar", "en": "registrations"},
    "cli_erased_hunters": {"nb": "jegere", "nn": "jegerar", "en": "hunters"},
    "cli_erased_rsvps": {"nb": "møtesvar", "nn": "møtesvar", "en": "meeting answers"},
    "cli_erased_members": {"nb": "medlemmer", "nn": "medlemmer", "en": "members"},
    "cli_erased_notes": {"nb": "notater", "nn": "notat", "en": "notes"},
    "cli_optout_source_sms": {"nb": "SMS", "nn": "SMS", "en": "SMS"},
    "cli_optout_source_telegram": {"nb": "Telegram", "nn": "Telegram", "en": "Telegram"},
    "cli_optout_source_web": {"nb": "nettsiden", "nn": "nettsida", "en": "the web page"},
    "cli_optout_source_provider": {
        "nb": "leverandøren (STOP hos Twilio)",
        "nn": "leverandøren (STOP hos Twilio)",
        "en": "the provider (STOP at Twilio)",
    },
    "cli_optout_source_staff": {"nb": "ansatt", "nn": "tilsett", "en": "staff"},
    "cli_optout_source_privacy": {
        "nb": "sletting (personvern)",
        "nn": "sletting (personvern)",
        "en": "erasure (privacy)",
    },
    "cli_privacy_no_shared": {
        "nb": "Ingen reserverte adresser deles av flere bedrifter.",
        "nn": "Ingen reserverte adresser blir delte av fleire bedrifter.",
        "en": "No opted-out address is shared by several companies.",
    },
    "cli_col_address": {"nb": "Adresse", "nn": "Adresse", "en": "Address"},
    "cli_col_companies": {"nb": "Bedrifter", "nn": "Bedrifter", "en": "Companies"},
    "cli_col_opted_out": {"nb": "Reservert", "nn": "Reservert", "en": "Opted out"},
    "cli_col_from": {"nb": "Fra", "nn": "Frå", "en": "From"},
    "cli_col_said_stop": {"nb": "Sa STOPP selv", "nn": "Sa STOPP sjølv", "en": "Said STOP itself"},
    "cli_col_which_companies": {"nb": "Hvilke bedrifter", "nn": "Kva bedrifter", "en": "Which companies"},
    "cli_privacy_said_stop": {"nb": " (har sagt STOPP)", "nn": " (har sagt STOPP)", "en": " (has said STOP)"},
    "cli_privacy_more": {
        "nb": "… og {count} til (--json viser alle)",
        "nn": "… og {count} til (--json viser alle)",
        "en": "… and {count} more (--json shows all)",
    },
    "cli_privacy_erased_address": {"nb": "(slettet)", "nn": "(sletta)", "en": "(erased)"},
    # jeger import
    "cli_import_companies_done": {
        "nb": "Lest {read}: {imported} nye, {updated} oppdatert, {unchanged} uendret, {rejected} avvist, "
        "{warnings} advarsler. Avvisninger: {rejects}",
        "nn": "Lese {read}: {imported} nye, {updated} oppdaterte, {unchanged} uendra, {rejected} avviste, "
        "{warnings} åtvaringar. Avvisingar: {rejects}",
        "en": "Read {read}: {imported} new, {updated} updated, {unchanged} unchanged, {rejected} rejected, "
        "{warnings} warnings. Rejections: {rejects}",
    },
    "cli_import_training_done": {
        "nb": "Lest {read} rader: {matched} hos kjente bedrifter, {unknown} med orgnr vi ikke har ennå (gjelder når "
        "bedriften importeres), {rejected} avvist. Fylke: {counties}. Godkjenninger: {added} nye, {withdrawn} "
        "trukket tilbake. Avvisninger: {rejects}",
        "nn": "Lese {read} rader: {matched} hos kjende bedrifter, {unknown} med orgnr vi ikkje har enno (gjeld når "
        "bedrifta blir importert), {rejected} avviste. Fylke: {counties}. Godkjenningar: {added} nye, {withdrawn} "
        "trekte tilbake. Avvisingar: {rejects}",
        "en": "Read {read} rows: {matched} at known companies, {unknown} with an org. no. we do not have yet (they "
        "apply when the company is imported), {rejected} rejected. County: {counties}. Approvals: {added} new, "
        "{withdrawn} withdrawn. Rejections: {rejects}",
    },
    "cli_import_progress": {"nb": "Importerer", "nn": "Importerer", "en": "Importing"},
    "cli_import_rate": {
        "nb": "{rows} rader · {rate} rader/s",
        "nn": "{rows} rader · {rate} rader/s",
        "en": "{rows} rows · {rate} rows/s",
    },
    # jeger replies
    "cli_col_received_oslo": {"nb": "Tid (norsk tid)", "nn": "Tid (norsk tid)", "en": "Time (Norway time)"},
    "cli_col_intent": {"nb": "Hensikt", "nn": "Føremål", "en": "Intent"},
    "cli_col_text": {"nb": "Tekst", "nn": "Tekst", "en": "Text"},
    "cli_replies_tapped": {"nb": "Trykket «{button}»", "nn": "Trykte «{button}»", "en": "Tapped “{button}”"},
    # jeger registrations
    "cli_registrations_lead_moved": {
        "nb": "; lead nr. {id} hører nå til den",
        "nn": "; lead nr. {id} høyrer no til han",
        "en": "; lead no. {id} now belongs to it",
    },
    "cli_registrations_lead_dropped": {
        "nb": "; lead nr. {id} er fjernet",
        "nn": "; lead nr. {id} er fjerna",
        "en": "; lead no. {id} is removed",
    },
    "cli_registrations_merged": {
        "nb": "Registrering {other} er slått inn i registrering {kept}{lead}{dropped}.",
        "nn": "Registrering {other} er slått inn i registrering {kept}{lead}{dropped}.",
        "en": "Registration {other} is merged into registration {kept}{lead}{dropped}.",
    },
    # jeger init, serve --demo
    "cli_init_done": {
        "nb": "Databasen er på revisjon {revision}; referansedata: {inserted} lagt til, {updated} oppdatert.",
        "nn": "Databasen er på revisjon {revision}; referansedata: {inserted} lagde til, {updated} oppdaterte.",
        "en": "The database is at revision {revision}; reference data: {inserted} added, {updated} updated.",
    },
    "cli_demo_sandbox_only": {
        "nb": "--demo kjører bare på sandkassekanalene: fjern TWILIO_*, TELEGRAM_BOT_TOKEN og SMTP_URL",
        "nn": "--demo køyrer berre på sandkassekanalane: fjern TWILIO_*, TELEGRAM_BOT_TOKEN og SMTP_URL",
        "en": "--demo runs on the sandbox channels only: remove TWILIO_*, TELEGRAM_BOT_TOKEN and SMTP_URL",
    },
    "cli_demo_dashboard": {"nb": "Dashbord: {url}", "nn": "Dashbord: {url}", "en": "Dashboard: {url}"},
    "cli_demo_login": {
        "nb": "Demo-innlogging: {email} / {password}",
        "nn": "Demo-innlogging: {email} / {password}",
        "en": "Demo sign-in: {email} / {password}",
    },
    "cli_demo_try": {
        "nb": "Bedrifter å prøve selv (simuleringen svarer aldri for dem; se README):",
        "nn": "Bedrifter å prøve sjølv (simuleringa svarar aldri for dei; sjå README):",
        "en": "Companies to try yourself (the simulation never answers for them; see README):",
    },
    "cli_demo_company": {
        "nb": "  {name}: orgnr {orgnr}, kode {code}, mobil {mobile}",
        "nn": "  {name}: orgnr {orgnr}, kode {code}, mobil {mobile}",
        "en": "  {name}: org. no. {orgnr}, code {code}, mobile {mobile}",
    },
}
