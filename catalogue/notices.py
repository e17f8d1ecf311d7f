"""What staff are told when the system acts by itself (notices on the dashboard) and why a campaign stands paused
(`state_reason`, shown to staff and to an owner's members). Stored as keys with their values (catalogue.stored)
and written out in each reader's language."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "reason_paused_by_staff": {
        "nb": "Satt på pause av kampanjeansvarlig.",
        "nn": "Sett på pause av kampanjeansvarleg.",
        "en": "Paused by the campaign manager.",
    },
    "reason_paused_by_member": {
        "nb": "Satt på pause av {name}.",
        "nn": "Sett på pause av {name}.",
        "en": "Paused by {name}.",
    },
    "reason_stale_step": {
        "nb": "Steget «{step}» skulle gått {when}, men systemet var nede. Det sendes ikke av seg selv: "
        "fortsett kampanjen for å sende det nå, eller avbryt den.",
        "nn": "Steget «{step}» skulle ha gått {when}, men systemet var nede. Det blir ikkje sendt av seg sjølv: "
        "hald fram med kampanjen for å sende det no, eller avbryt han.",
        "en": "Step “{step}” was due {when}, but the system was down. It does not go out by itself: "
        "resume the campaign to send it now, or cancel it.",
    },
    "reason_failing_sends": {
        "nb": "Kampanjen stoppet seg selv: {failed} av de siste {total} forsøkene feilet (grensen er {limit} %). "
        "Sjekk leveringsrapporten, og fortsett kampanjen når feilen er rettet.",
        "nn": "Kampanjen stoppa seg sjølv: {failed} av dei siste {total} forsøka feila (grensa er {limit} %). "
        "Sjekk leveringsrapporten, og hald fram med kampanjen når feilen er retta.",
        "en": "The campaign stopped itself: {failed} of the last {total} attempts failed (the limit is {limit}%). "
        "Check the delivery report, and resume the campaign once the fault is mended.",
    },
    "reason_template_broken": {
        "nb": "Malen kunne ikke lages: {problem}",
        "nn": "Malen kunne ikkje lagast: {problem}",
        "en": "The template could not be made: {problem}",
    },
    "notice_launch_request": {
        "nb": "{name} ({org}) ber om at kampanje {id} «{campaign}» startes. Se gjennom den, og start den "
        "(jeger campaign launch) når den kan gå ut.",
        "nn": "{name} ({org}) ber om at kampanje {id} «{campaign}» blir starta. Sjå gjennom han, og start han "
        "(jeger campaign launch) når han kan gå ut.",
        "en": "{name} ({org}) asks for campaign {id} “{campaign}” to be launched. Look it over, and launch it "
        "(jeger campaign launch) when it may go out.",
    },
    "notice_messages_unknown": {
        "nb": "Meldinger med ukjent status etter et avbrudd: {count} (Telegram/e-post kan ikke etterprøves). "
        "Sjekk leveringsrapporten før noe sendes på nytt.",
        "nn": "Meldingar med ukjend status etter eit avbrot: {count} (Telegram/e-post kan ikkje etterprøvast). "
        "Sjekk leveringsrapporten før noko blir sendt på nytt.",
        "en": "Messages with an unknown status after an interruption: {count} (Telegram/e-mail cannot be "
        "checked afterwards). Check the delivery report before anything is sent again.",
    },
    "notice_lead_unclaimed": {
        "nb": "Lead {id} ({name}, fylke {county}) er ikke tatt av noen jeger etter {days} arbeidsdager.",
        "nn": "Lead {id} ({name}, fylke {county}) er ikkje teken av nokon jeger etter {days} arbeidsdagar.",
        "en": "Lead {id} ({name}, county {county}) has not been claimed by any hunter after {days} working days.",
    },
}
