"""What the `jeger` command says to the person at the terminal around every command: failures, warnings, files
written, the database's state. In `jeger --language`, else JEGER_LANGUAGE, else bokmål (cli.common).

Keys start with `cli_`; each command group's own texts live beside this one (catalogue.cli_campaign, ...).
`--json` output is never taken from here: it keeps machine values."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "cli_error": {"nb": "Feil:", "nn": "Feil:", "en": "Error:"},
    "cli_warning": {"nb": "Advarsel:", "nn": "Åtvaring:", "en": "Warning:"},
    "cli_bad_language": {
        "nb": "JEGER_LANGUAGE={value}: ukjent språk (nb, nn eller en)",
        "nn": "JEGER_LANGUAGE={value}: ukjent språk (nb, nn eller en)",
        "en": "JEGER_LANGUAGE={value}: unknown language (nb, nn or en)",
    },
    "cli_db_unreachable": {
        "nb": "Databasen {where} svarer ikke: {reason}",
        "nn": "Databasen {where} svarar ikkje: {reason}",
        "en": "The database {where} does not answer: {reason}",
    },
    "cli_db_not_initialised": {
        "nb": "Databasen {where} er ikke klargjort: kjør `jeger init` først",
        "nn": "Databasen {where} er ikkje klargjord: køyr `jeger init` først",
        "en": "The database {where} is not set up: run `jeger init` first",
    },
    "cli_xlsx_needs_output": {
        "nb": "--format xlsx skriver en Excel-fil: oppgi filen med -o FIL.xlsx",
        "nn": "--format xlsx skriv ei Excel-fil: oppgi fila med -o FIL.xlsx",
        "en": "--format xlsx writes an Excel file: name it with -o FILE.xlsx",
    },
    "cli_rows_written_one": {
        "nb": "{count} rad skrevet til {path}.",
        "nn": "{count} rad skriven til {path}.",
        "en": "{count} row written to {path}.",
    },
    "cli_rows_written_other": {
        "nb": "{count} rader skrevet til {path}.",
        "nn": "{count} rader skrivne til {path}.",
        "en": "{count} rows written to {path}.",
    },
    "cli_contact_phone": {"nb": "telefon", "nn": "telefon", "en": "phone"},
    "cli_contact_email": {"nb": "e-post", "nn": "e-post", "en": "e-mail"},
    "cli_contact_telegram": {"nb": "telegram", "nn": "telegram", "en": "Telegram"},
    "cli_never": {"nb": "aldri", "nn": "aldri", "en": "never"},
    "cli_none_yet": {"nb": "ingen ennå", "nn": "ingen enno", "en": "none yet"},
    "cli_none": {"nb": "ingen", "nn": "ingen", "en": "none"},
    "cli_not_given": {"nb": "ikke oppgitt", "nn": "ikkje oppgitt", "en": "not given"},
    "cli_unknown": {"nb": "ukjent", "nn": "ukjend", "en": "unknown"},
    "cli_yes": {"nb": "ja", "nn": "ja", "en": "yes"},
    "cli_no": {"nb": "nei", "nn": "nei", "en": "no"},
    "cli_col_no": {"nb": "Nr.", "nn": "Nr.", "en": "No."},
    "cli_col_name": {"nb": "Navn", "nn": "Namn", "en": "Name"},
    "cli_col_state": {"nb": "Tilstand", "nn": "Tilstand", "en": "State"},
    "cli_col_channel": {"nb": "Kanal", "nn": "Kanal", "en": "Channel"},
    "cli_col_step": {"nb": "Steg", "nn": "Steg", "en": "Step"},
    "cli_col_company": {"nb": "Bedrift", "nn": "Bedrift", "en": "Company"},
    "cli_col_orgnr": {"nb": "Orgnr", "nn": "Orgnr", "en": "Org. no."},
    "cli_col_county": {"nb": "Fylke", "nn": "Fylke", "en": "County"},
    "cli_col_time_oslo": {
        "nb": "Tidspunkt (norsk tid)",
        "nn": "Tidspunkt (norsk tid)",
        "en": "Time (Norway time)",
    },
}
