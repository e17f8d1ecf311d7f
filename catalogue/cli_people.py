"""What `jeger staff`, `jeger hunters` and `jeger leads` print to a person: logins and API tokens, hunter
organisations and their changes, leads (catalogue.cli holds the texts every command shares)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # jeger staff
    "cli_staff_county_needs_role": {
        "nb": "staff add {email}: --county gjelder bare --role county",
        "nn": "staff add {email}: --county gjeld berre --role county",
        "en": "staff add {email}: --county applies only to --role county",
    },
    "cli_staff_role_needs_county": {
        "nb": "staff add {email}: --role county trenger minst ett --county, f.eks. --county 55",
        "nn": "staff add {email}: --role county treng minst eitt --county, t.d. --county 55",
        "en": "staff add {email}: --role county needs at least one --county, e.g. --county 55",
    },
    "cli_staff_password": {"nb": "Passord", "nn": "Passord", "en": "Password"},
    "cli_staff_new_password": {"nb": "Nytt passord", "nn": "Nytt passord", "en": "New password"},
    "cli_staff_repeat_password": {
        "nb": "Gjenta passordet",
        "nn": "Gjenta passordet",
        "en": "Repeat the password",
    },
    "cli_staff_counties": {
        "nb": ", fylke {counties}",
        "nn": ", fylke {counties}",
        "en": ", county {counties}",
    },
    "cli_staff_added": {
        "nb": "Brukeren {email} ({role}{counties}) er opprettet; logg inn på /admin/login.",
        "nn": "Brukaren {email} ({role}{counties}) er oppretta; logg inn på /admin/login.",
        "en": "The user {email} ({role}{counties}) is created; sign in at /admin/login.",
    },
    "cli_col_created": {"nb": "Laget", "nn": "Laga", "en": "Created"},
    "cli_col_last_used": {"nb": "Sist brukt", "nn": "Sist brukt", "en": "Last used"},
    "cli_col_expires": {"nb": "Utløper", "nn": "Går ut", "en": "Expires"},
    "cli_staff_expired": {"nb": " (utløpt)", "nn": " (gått ut)", "en": " (expired)"},
    "cli_staff_unnamed_token": {"nb": "(uten navn)", "nn": "(utan namn)", "en": "(no name)"},
    "cli_staff_token_named": {"nb": "«{name}»", "nn": "«{name}»", "en": "“{name}”"},
    "cli_staff_token_unnamed": {"nb": "uten navn", "nn": "utan namn", "en": "no name"},
    "cli_staff_token_revoked": {
        "nb": "API-nøkkel {id} ({name}) er trukket tilbake.",
        "nn": "API-nøkkel {id} ({name}) er trekt tilbake.",
        "en": "API token {id} ({name}) is revoked.",
    },
    "cli_staff_unknown": {
        "nb": "staff {command} {email}: ingen bruker med den e-postadressen (se `jeger staff list`)",
        "nn": "staff {command} {email}: ingen brukar med den e-postadressa (sjå `jeger staff list`)",
        "en": "staff {command} {email}: no user with that e-mail address (see `jeger staff list`)",
    },
    "cli_col_email": {"nb": "E-post", "nn": "E-post", "en": "E-mail"},
    "cli_col_role": {"nb": "Rolle", "nn": "Rolle", "en": "Role"},
    "cli_col_status": {"nb": "Status", "nn": "Status", "en": "Status"},
    "cli_col_last_login": {
        "nb": "Sist innlogget (norsk tid)",
        "nn": "Sist innlogga (norsk tid)",
        "en": "Last signed in (Norway time)",
    },
    "cli_col_sessions": {"nb": "Innlogginger", "nn": "Innloggingar", "en": "Sessions"},
    "cli_staff_deactivated": {"nb": "deaktivert", "nn": "deaktivert", "en": "deactivated"},
    "cli_staff_locked": {"nb": "låst", "nn": "låst", "en": "locked"},
    "cli_staff_throttled": {
        "nb": "forsinket (feil passord)",
        "nn": "forseinka (feil passord)",
        "en": "slowed down (wrong password)",
    },
    "cli_staff_active": {"nb": "aktiv", "nn": "aktiv", "en": "active"},
    "cli_staff_language_set": {
        "nb": "{email} får nå dashbordet på {choice}.",
        "nn": "{email} får no dashbordet på {choice}.",
        "en": "{email} now gets the dashboard in {choice}.",
    },
    "cli_staff_unlocked": {
        "nb": "{email} er låst opp og kan logge inn igjen.",
        "nn": "{email} er låst opp og kan logge inn att.",
        "en": "{email} is unlocked and can sign in again.",
    },
    "cli_staff_password_set": {
        "nb": "Nytt passord er satt for {email}; alle innlogginger er avsluttet og alle API-nøkler trukket tilbake.",
        "nn": "Nytt passord er sett for {email}; alle innloggingar er avslutta og alle API-nøklar trekte tilbake.",
        "en": "A new password is set for {email}; every session is ended and every API token revoked.",
    },
    "cli_staff_deactivated_done": {
        "nb": "{email} er deaktivert og logget ut.",
        "nn": "{email} er deaktivert og logga ut.",
        "en": "{email} is deactivated and signed out.",
    },
    # jeger hunters
    "cli_col_organisation": {"nb": "Organisasjon", "nn": "Organisasjon", "en": "Organisation"},
    "cli_col_type": {"nb": "Type", "nn": "Type", "en": "Type"},
    "cli_col_counties": {"nb": "Fylker", "nn": "Fylke", "en": "Counties"},
    "cli_col_trades": {"nb": "Fag", "nn": "Fag", "en": "Trades"},
    "cli_col_contact": {"nb": "Kontakt", "nn": "Kontakt", "en": "Contact"},
    "cli_all": {"nb": "alle", "nn": "alle", "en": "all"},
    "cli_hunters_unknown": {
        "nb": "hunters {command}: ingen jeger har nummer {id}",
        "nn": "hunters {command}: ingen jeger har nummer {id}",
        "en": "hunters {command}: no hunter has number {id}",
    },
    "cli_hunters_orgnr_taken": {
        "nb": "hunters approve: organisasjonsnummeret {orgnr} brukes allerede av {holder} (nr. {holder_id}); "
        "avvis den først",
        "nn": "hunters approve: organisasjonsnummeret {orgnr} blir alt brukt av {holder} (nr. {holder_id}); "
        "avvis den først",
        "en": "hunters approve: organisation number {orgnr} is already held by {holder} (no. {holder_id}); "
        "reject that one first",
    },
    "cli_hunters_told_on_telegram": {
        "nb": "beskjed sendes på Telegram",
        "nn": "beskjed blir send på Telegram",
        "en": "they are told on Telegram",
    },
    "cli_hunters_tell_yourself": {
        "nb": "ingen Telegram: gi beskjed selv",
        "nn": "ingen Telegram: gi beskjed sjølv",
        "en": "no Telegram: tell them yourself",
    },
    "cli_hunters_now": {
        "nb": "Jeger {id} ({name}) er nå {state}; {told}.",
        "nn": "Jeger {id} ({name}) er no {state}; {told}.",
        "en": "Hunter {id} ({name}) is now {state}; {told}.",
    },
    "cli_hunters_already": {
        "nb": "Jeger {id} ({name}) var allerede {state}; ingenting endret.",
        "nn": "Jeger {id} ({name}) var alt {state}; ingenting endra.",
        "en": "Hunter {id} ({name}) was already {state}; nothing changed.",
    },
    "cli_hunters_unknown_trades": {
        "nb": "hunters add: ukjent fag: {trades} (se fagnummer og -navn i dashbordet)",
        "nn": "hunters add: ukjend fag: {trades} (sjå fagnummer og -namn i dashbordet)",
        "en": "hunters add: unknown trade: {trades} (see trade numbers and names in the dashboard)",
    },
    "cli_hunters_added": {
        "nb": "Jeger {id} ({name}) er lagt til og er {state}.",
        "nn": "Jeger {id} ({name}) er lagd til og er {state}.",
        "en": "Hunter {id} ({name}) is added and is {state}.",
    },
    "cli_hunters_no_changes": {
        "nb": "Ingen endringer venter.",
        "nn": "Ingen endringar ventar.",
        "en": "No changes are waiting.",
    },
    "cli_hunters_all_trades": {"nb": "alle fag", "nn": "alle fag", "en": "all trades"},
    "cli_hunters_change": {
        "nb": "Endring {id}: {name} (jeger {hunter}): fylker {before} → {after}; fag: {trades}",
        "nn": "Endring {id}: {name} (jeger {hunter}): fylke {before} → {after}; fag: {trades}",
        "en": "Change {id}: {name} (hunter {hunter}): counties {before} → {after}; trades: {trades}",
    },
    "cli_hunters_unknown_change": {
        "nb": "hunters {command}: ingen endring nr. {id} venter",
        "nn": "hunters {command}: ingen endring nr. {id} ventar",
        "en": "hunters {command}: no change no. {id} is waiting",
    },
    "cli_hunters_change_approved": {
        "nb": "Endring {id} er godkjent: fylkene og fagene gjelder nå.",
        "nn": "Endring {id} er godkjend: fylka og faga gjeld no.",
        "en": "Change {id} is approved: the counties and trades apply now.",
    },
    "cli_hunters_change_rejected": {
        "nb": "Endring {id} er avvist.",
        "nn": "Endring {id} er avvist.",
        "en": "Change {id} is rejected.",
    },
    # jeger leads
    "cli_leads_unknown_county": {
        "nb": "--county {county}: ukjent fylkesnummer (f.eks. 03 Oslo, 55 Troms)",
        "nn": "--county {county}: ukjent fylkesnummer (t.d. 03 Oslo, 55 Troms)",
        "en": "--county {county}: unknown county number (e.g. 03 Oslo, 55 Troms)",
    },
    "cli_col_hunter": {"nb": "Jeger", "nn": "Jeger", "en": "Hunter"},
    "cli_col_created_oslo": {
        "nb": "Opprettet (norsk tid)",
        "nn": "Oppretta (norsk tid)",
        "en": "Created (Norway time)",
    },
    "cli_leads_unknown": {
        "nb": "leads show: ingen lead har nummer {id}",
        "nn": "leads show: ingen lead har nummer {id}",
        "en": "leads show: no lead has number {id}",
    },
    "cli_leads_numbered": {"nb": "{name} (nr. {id})", "nn": "{name} (nr. {id})", "en": "{name} (no. {id})"},
    "cli_leads_lead": {"nb": "Lead", "nn": "Lead", "en": "Lead"},
    "cli_leads_lead_value": {
        "nb": "nr. {id} — {state}",
        "nn": "nr. {id} — {state}",
        "en": "no. {id} — {state}",
    },
    "cli_leads_company_value": {
        "nb": "{company} (orgnr {orgnr})",
        "nn": "{company} (orgnr {orgnr})",
        "en": "{company} (org. no. {orgnr})",
    },
    "cli_leads_places": {"nb": "Plasser", "nn": "Plassar", "en": "Places"},
    "cli_leads_sent_to": {"nb": "Sendt til", "nn": "Send til", "en": "Sent to"},
    "cli_leads_claimed_by": {"nb": "Tatt av", "nn": "Teken av", "en": "Claimed by"},
    "cli_leads_created": {"nb": "Opprettet", "nn": "Oppretta", "en": "Created"},
    "cli_leads_claimed": {"nb": "Tatt", "nn": "Teken", "en": "Claimed"},
}
