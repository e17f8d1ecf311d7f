"""Why a campaign action was refused (campaigns.state.CampaignError), for whoever reads the refusal: the CLI in
its reader's language, the dashboard and the portal in their user's. `{was}`, `{to}` and `{state}` are state
names, written by the error in the reader's language."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "campaign_error_not_found": {
        "nb": "Kampanje {id} finnes ikke.",
        "nn": "Kampanje {id} finst ikkje.",
        "en": "Campaign {id} does not exist.",
    },
    "campaign_error_move": {
        "nb": "Kampanje {id} er {was} og kan ikke bli {to}.",
        "nn": "Kampanje {id} er {was} og kan ikkje bli {to}.",
        "en": "Campaign {id} is {was} and cannot become {to}.",
    },
    "campaign_error_unknown_action": {
        "nb": "Ukjent handling «{action}».",
        "nn": "Ukjend handling «{action}».",
        "en": "Unknown action “{action}”.",
    },
    "campaign_error_already_started": {
        "nb": "Kampanje {id} er allerede startet eller avsluttet.",
        "nn": "Kampanje {id} er alt starta eller avslutta.",
        "en": "Campaign {id} is already started or ended.",
    },
    "campaign_error_cancelled_launch": {
        "nb": "Kampanje {id} er avbrutt og kan ikke startes.",
        "nn": "Kampanje {id} er avbroten og kan ikkje startast.",
        "en": "Campaign {id} is cancelled and cannot be launched.",
    },
    "campaign_error_templates": {
        "nb": "Kampanje {id} kan ikke startes før malene er rettet: {problems}",
        "nn": "Kampanje {id} kan ikkje startast før malane er retta: {problems}",
        "en": "Campaign {id} cannot be launched until the templates are fixed: {problems}",
    },
    "campaign_error_more": {
        "nb": " (og {count} til)",
        "nn": " (og {count} til)",
        "en": " (and {count} more)",
    },
    "campaign_error_pause": {
        "nb": "Kampanje {id} er {state}; bare en startet kampanje kan settes på pause.",
        "nn": "Kampanje {id} er {state}; berre ein starta kampanje kan setjast på pause.",
        "en": "Campaign {id} is {state}; only a launched campaign can be paused.",
    },
    "campaign_error_resume": {
        "nb": "Kampanje {id} er {state}; bare en kampanje på pause kan fortsette.",
        "nn": "Kampanje {id} er {state}; berre ein kampanje på pause kan halde fram.",
        "en": "Campaign {id} is {state}; only a paused campaign can be resumed.",
    },
    "campaign_error_not_ready": {
        "nb": "Kampanje {id} er ikke startet. {warnings}",
        "nn": "Kampanje {id} er ikkje starta. {warnings}",
        "en": "Campaign {id} is not launched. {warnings}",
    },
    "campaign_error_org_not_approved": {
        "nb": "Organisasjonen din er ikke godkjent, eller du er ikke lenger medlem.",
        "nn": "Organisasjonen din er ikkje godkjend, eller du er ikkje lenger medlem.",
        "en": "Your organisation is not approved, or you are no longer a member.",
    },
    "campaign_error_not_owned": {
        "nb": "Kampanje {id} finnes ikke blant organisasjonens kampanjer.",
        "nn": "Kampanje {id} finst ikkje blant kampanjane til organisasjonen.",
        "en": "Campaign {id} is not among your organisation's campaigns.",
    },
    "campaign_error_test_own_address": {
        "nb": "En test sendes bare til ditt eget telefonnummer, e-post eller Telegram.",
        "nn": "Ein test blir berre send til ditt eige telefonnummer, e-post eller Telegram.",
        "en": "A test is sent only to your own phone number, e-mail or Telegram.",
    },
    "campaign_error_completed_cancel": {
        "nb": "Kampanje {id} er fullført og kan ikke avbrytes.",
        "nn": "Kampanje {id} er fullført og kan ikkje avbrytast.",
        "en": "Campaign {id} is completed and cannot be cancelled.",
    },
    # Preview, test messages and the delivery report's pages (campaigns.preview, campaigns.report).
    "preview_no_such_step": {
        "nb": "Kampanje {id} har ikke noe steg som heter «{step}» (stegene: {steps}).",
        "nn": "Kampanje {id} har ikkje noko steg som heiter «{step}» (stega: {steps}).",
        "en": "Campaign {id} has no step called “{step}” (the steps: {steps}).",
    },
    "test_not_an_email": {
        "nb": "«{value}» er ikke en gyldig e-postadresse.",
        "nn": "«{value}» er ikkje ei gyldig e-postadresse.",
        "en": "“{value}” is not a valid e-mail address.",
    },
    "test_not_an_address": {
        "nb": "«{value}» er verken et telefonnummer, en e-postadresse eller en Telegram-chat-id.",
        "nn": "«{value}» er verken eit telefonnummer, ei e-postadresse eller ein Telegram-chat-id.",
        "en": "“{value}” is neither a phone number, an e-mail address nor a Telegram chat id.",
    },
    "test_step_problem": {
        "nb": "Steget «{step}»: {problem}.",
        "nn": "Steget «{step}»: {problem}.",
        "en": "The step “{step}”: {problem}.",
    },
    "test_step_cannot_be_made": {
        "nb": "Steget «{step}» kan ikke lages: {problem}",
        "nn": "Steget «{step}» kan ikkje lagast: {problem}",
        "en": "The step “{step}” cannot be made: {problem}",
    },
    "test_no_step_on_channel": {
        "nb": "Ingen steg i kampanje {id} sendes på kanalen til «{to}».",
        "nn": "Ingen steg i kampanje {id} blir sende på kanalen til «{to}».",
        "en": "No step of campaign {id} goes out on the channel of “{to}”.",
    },
    "report_not_a_page": {
        "nb": "«{value}» er ikke en side i rapporten (ventet steg.nr, for eksempel 0.1234).",
        "nn": "«{value}» er ikkje ei side i rapporten (venta steg.nr, til dømes 0.1234).",
        "en": "“{value}” is not a page of the report (expected step.no, for example 0.1234).",
    },
    "preview_days_after_one": {
        "nb": "{count} dag etter forrige steg",
        "nn": "{count} dag etter førre steg",
        "en": "{count} day after the step before",
    },
    "preview_days_after_other": {
        "nb": "{count} dager etter forrige steg",
        "nn": "{count} dagar etter førre steg",
        "en": "{count} days after the step before",
    },
    # Printed letters shown before they go (campaigns.letter_proof).
    "letter_proof_no_such_step": {
        "nb": "Kampanjen har ikke noe steg som heter «{step}» (stegene: {steps}).",
        "nn": "Kampanjen har ikkje noko steg som heiter «{step}» (stega: {steps}).",
        "en": "The campaign has no step called “{step}” (the steps: {steps}).",
    },
    "letter_proof_not_a_letter": {
        "nb": "Steget «{step}» sender ikke brev.",
        "nn": "Steget «{step}» sender ikkje brev.",
        "en": "The step “{step}” sends no letter.",
    },
    "letter_proof_no_letter_step": {
        "nb": "Kampanje {id} har ikke noe brevsteg.",
        "nn": "Kampanje {id} har ikkje noko brevsteg.",
        "en": "Campaign {id} has no letter step.",
    },
    "letter_proof_company_absent": {
        "nb": "{orgnr} får ikke brevet i steget «{step}»: {why}.",
        "nn": "{orgnr} får ikkje brevet i steget «{step}»: {why}.",
        "en": "{orgnr} does not get the letter in the step “{step}”: {why}.",
    },
    "letter_proof_nobody": {
        "nb": "Ingen bedrifter får brevet i steget «{step}».",
        "nn": "Ingen verksemder får brevet i steget «{step}».",
        "en": "No company gets the letter in the step “{step}”.",
    },
    # Changes to an information meeting staff ask for (campaigns.meetings).
    "meeting_error_not_a_moment": {
        "nb": "«{value}» er ikke et tidspunkt (ÅÅÅÅ-MM-DDTTT:MM)",
        "nn": "«{value}» er ikkje eit tidspunkt (ÅÅÅÅ-MM-DDTTT:MM)",
        "en": "“{value}” is not a time (YYYY-MM-DDTHH:MM)",
    },
    "meeting_error_not_found": {
        "nb": "møte {id} finnes ikke",
        "nn": "møte {id} finst ikkje",
        "en": "meeting {id} does not exist",
    },
    "meeting_error_cancelled": {
        "nb": "møtet er avlyst",
        "nn": "møtet er avlyst",
        "en": "the meeting is cancelled",
    },
    "meeting_error_ends_first": {
        "nb": "møtet slutter før det begynner",
        "nn": "møtet sluttar før det byrjar",
        "en": "the meeting ends before it begins",
    },
    "meeting_error_capacity": {
        "nb": "kapasiteten er et antall bedrifter, 1 eller flere",
        "nn": "kapasiteten er eit tal verksemder, 1 eller fleire",
        "en": "the capacity is a number of companies, 1 or more",
    },
    # A second sender on one SQLite database (campaigns.dispatch.workers), for whoever starts it.
    "sender_already_running": {
        "nb": "En annen utsender kjører allerede mot denne SQLite-databasen ({where}, sist aktiv for {seconds} s "
        "siden). Med SQLite kan bare én utsender kjøre (`jeger serve` har en innebygd): stopp den andre, eller "
        "bruk PostgreSQL for å kjøre flere.",
        "nn": "Ein annan utsendar køyrer alt mot denne SQLite-databasen ({where}, sist aktiv for {seconds} s "
        "sidan). Med SQLite kan berre éin utsendar køyre (`jeger serve` har ein innebygd): stopp den andre, "
        "eller bruk PostgreSQL for å køyre fleire.",
        "en": "Another sender is already running against this SQLite database ({where}, last active {seconds} s "
        "ago). With SQLite only one sender can run (`jeger serve` has one built in): stop the other, or use "
        "PostgreSQL to run several.",
    },
    "sender_process_on": {
        "nb": "prosess {pid} på {host}",
        "nn": "prosess {pid} på {host}",
        "en": "process {pid} on {host}",
    },
    "sender_other_process": {
        "nb": "en annen prosess",
        "nn": "ein annan prosess",
        "en": "another process",
    },
}
