"""What `jeger campaign` prints to a person: checks, drafts, previews, state changes, status and reports
(catalogue.cli holds the texts every command shares)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "cli_file_missing": {
        "nb": "{path}: finner ikke filen",
        "nn": "{path}: finn ikkje fila",
        "en": "{path}: no such file",
    },
    "cli_file_not_utf8": {
        "nb": "{path}: filen er ikke UTF-8-tekst",
        "nn": "{path}: fila er ikkje UTF-8-tekst",
        "en": "{path}: the file is not UTF-8 text",
    },
    "cli_campaign_db_unusable": {
        "nb": "databasen kunne ikke brukes ({error})",
        "nn": "databasen kunne ikkje brukast ({error})",
        "en": "the database could not be used ({error})",
    },
    "cli_campaign_audience_now": {
        "nb": "{count} bedrifter i målgruppen nå",
        "nn": "{count} bedrifter i målgruppa no",
        "en": "{count} companies in the audience now",
    },
    "cli_campaign_audience_not_counted": {
        "nb": "målgruppen ikke talt",
        "nn": "målgruppa ikkje talt",
        "en": "audience not counted",
    },
    "cli_campaign_valid": {
        "nb": "{path}: gyldig ({steps} steg, {counted}); ingenting er lagret.",
        "nn": "{path}: gyldig ({steps} steg, {counted}); ingenting er lagra.",
        "en": "{path}: valid ({steps} steps, {counted}); nothing was saved.",
    },
    "cli_campaign_created": {
        "nb": "Kampanje {id} opprettet som utkast: {audience} bedrifter i målgruppen.",
        "nn": "Kampanje {id} oppretta som utkast: {audience} bedrifter i målgruppa.",
        "en": "Campaign {id} created as a draft: {audience} companies in the audience.",
    },
    "cli_col_template": {"nb": "Mal", "nn": "Mal", "en": "Template"},
    "cli_col_recipients": {"nb": "Mottakere", "nn": "Mottakarar", "en": "Recipients"},
    "cli_campaign_not_in_audience": {
        "nb": "ikke i målgruppen",
        "nn": "ikkje i målgruppa",
        "en": "not in the audience",
    },
    "cli_campaign_orgnr_outside": {
        "nb": "orgnr {orgnr} er ikke i målgruppen: {why}",
        "nn": "orgnr {orgnr} er ikkje i målgruppa: {why}",
        "en": "org. no. {orgnr} is not in the audience: {why}",
    },
    "cli_campaign_audience_note": {
        "nb": "Målgruppe: {note}",
        "nn": "Målgruppe: {note}",
        "en": "Audience: {note}",
    },
    "cli_campaign_preview_step": {
        "nb": "== {step} ({channel}, {template}) — {audience} mottakere ({by_channel})",
        "nn": "== {step} ({channel}, {template}) — {audience} mottakarar ({by_channel})",
        "en": "== {step} ({channel}, {template}) — {audience} recipients ({by_channel})",
    },
    "cli_campaign_preview_sms": {
        "nb": "   SMS: {encodings}; segmenter per melding min/median/maks {low}/{median}/{high}; "
        "totalt {total} segmenter ≈ {cost} kr",
        "nn": "   SMS: {encodings}; segment per melding min/median/maks {low}/{median}/{high}; "
        "totalt {total} segment ≈ {cost} kr",
        "en": "   SMS: {encodings}; segments per message min/median/max {low}/{median}/{high}; "
        "{total} segments in all ≈ NOK {cost}",
    },
    "cli_campaign_sent_as": {"nb": "Sendes som: {how}", "nn": "Blir send som: {how}", "en": "Sent as: {how}"},
    "cli_campaign_subject": {"nb": "Emne: {subject}", "nn": "Emne: {subject}", "en": "Subject: {subject}"},
    "cli_campaign_letter": {"nb": "Brevet:", "nn": "Brevet:", "en": "The letter:"},
    "cli_campaign_step_missed": {
        "nb": "   {orgnr} får ikke dette steget: {why}",
        "nn": "   {orgnr} får ikkje dette steget: {why}",
        "en": "   {orgnr} does not get this step: {why}",
    },
    "cli_campaign_see_letter": {
        "nb": "   Se brevet slik det skrives ut: {command}",
        "nn": "   Sjå brevet slik det blir skrive ut: {command}",
        "en": "   See the letter as it is printed: {command}",
    },
    "cli_campaign_pdf_unwritable": {
        "nb": "--letter-pdf {path}: kan ikke skrive filen ({error})",
        "nn": "--letter-pdf {path}: kan ikkje skrive fila ({error})",
        "en": "--letter-pdf {path}: cannot write the file ({error})",
    },
    "cli_campaign_pdf_written": {
        "nb": "Brevet i steget «{step}» for {companies}: {pages} sider, skrevet til {path}.",
        "nn": "Brevet i steget «{step}» for {companies}: {pages} sider, skrive til {path}.",
        "en": "The letter of step “{step}” for {companies}: {pages} pages, written to {path}.",
    },
    "cli_campaign_tests_queued": {
        "nb": "{count} testmelding(er) lagt i kø til {to}.",
        "nn": "{count} testmelding(ar) lagde i kø til {to}.",
        "en": "{count} test message(s) queued to {to}.",
    },
    "cli_campaign_now": {
        "nb": "Kampanje {id} er nå {state}.",
        "nn": "Kampanje {id} er no {state}.",
        "en": "Campaign {id} is now {state}.",
    },
    "cli_campaign_waiting": {
        "nb": "I kø (tider i norsk tid):",
        "nn": "I kø (tider i norsk tid):",
        "en": "Queued (times in Norway time):",
    },
    "cli_campaign_report_written": {
        "nb": "Resultatrapporten er skrevet til {path}.",
        "nn": "Resultatrapporten er skriven til {path}.",
        "en": "The outcome report is written to {path}.",
    },
    "cli_col_meeting": {"nb": "Møte", "nn": "Møte", "en": "Meeting"},
    "cli_col_answer": {"nb": "Svar", "nn": "Svar", "en": "Answer"},
    "cli_col_people": {"nb": "Personer", "nn": "Personar", "en": "People"},
    "cli_campaign_attending": {
        "nb": "{count} bedrifter påmeldt, {people} personer.",
        "nn": "{count} bedrifter påmelde, {people} personar.",
        "en": "{count} companies attending, {people} people.",
    },
}
