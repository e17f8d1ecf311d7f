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
}
