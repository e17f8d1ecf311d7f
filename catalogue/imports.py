"""Why a file cannot be imported and why a row of it was rejected or warned about (companies.importer for
Enhetsregisteret's files, companies.training for the counties' lists of training companies), in the reader's
language: the CLI's, or the staff user's who opens the dashboard's import page or its rejects download.

Register field names (`navn`, `antallAnsatte` ...) and column names staff look for in a file are the file's own
words and stay as written in every language."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "file_problem": {"nb": "{path}: {problem}", "nn": "{path}: {problem}", "en": "{path}: {problem}"},
    # --- the file as a whole (both importers) ---
    "file_not_found": {"nb": "finner ikke filen", "nn": "finn ikkje fila", "en": "file not found"},
    "file_empty": {"nb": "filen er tom", "nn": "fila er tom", "en": "the file is empty"},
    "file_csv_unreadable": {
        "nb": "CSV-filen kan ikke leses etter linje {line} ({reason})",
        "nn": "CSV-fila kan ikkje lesast etter linje {line} ({reason})",
        "en": "the CSV file cannot be read after line {line} ({reason})",
    },
    "file_rejects_unwritable": {
        "nb": "avvisningsfilen kan ikke skrives ({reason})",
        "nn": "avvisingsfila kan ikkje skrivast ({reason})",
        "en": "the rejects file cannot be written ({reason})",
    },
    "file_rejects_no_folder": {
        "nb": "avvisningsfilen kan ikke skrives: mappen {folder} finnes ikke",
        "nn": "avvisingsfila kan ikkje skrivast: mappa {folder} finst ikkje",
        "en": "the rejects file cannot be written: the folder {folder} does not exist",
    },
    # --- a register file (companies.importer.sources, .run) ---
    "import_file_damaged": {
        "nb": "filen er avkortet eller skadet ({damage})",
        "nn": "fila er avkorta eller skadd ({damage})",
        "en": "the file is cut short or damaged ({damage})",
    },
    "import_gzip_damaged": {
        "nb": "gzip-filen er avkortet eller skadet ({damage})",
        "nn": "gzip-fila er avkorta eller skadd ({damage})",
        "en": "the gzip file is cut short or damaged ({damage})",
    },
    "import_damage_cut": {
        "nb": "den slutter før den komprimerte strømmen er ferdig",
        "nn": "ho sluttar før den komprimerte straumen er ferdig",
        "en": "it ends before the compressed stream does",
    },
    "import_damage_data": {
        "nb": "ugyldige komprimerte data",
        "nn": "ugyldige komprimerte data",
        "en": "invalid compressed data",
    },
    "import_json_broken": {
        "nb": "JSON-filen er avkortet eller ugyldig ved enhet {unit} ({reason})",
        "nn": "JSON-fila er avkorta eller ugyldig ved eining {unit} ({reason})",
        "en": "the JSON file is cut short or invalid at unit {unit} ({reason})",
    },
    "import_json_premature_eof": {
        "nb": "filen slutter midt i en enhet",
        "nn": "fila sluttar midt i ei eining",
        "en": "the file ends in the middle of a unit",
    },
    "import_json_invalid_bytes": {
        "nb": "ugyldige byte i UTF-8-tekst",
        "nn": "ugyldige byte i UTF-8-tekst",
        "en": "invalid bytes in UTF-8 text",
    },
    "import_json_invalid_char": {
        "nb": "ugyldig tegn i JSON-teksten",
        "nn": "ugyldig teikn i JSON-teksten",
        "en": "invalid character in the JSON text",
    },
    "import_json_invalid_string": {
        "nb": "ugyldig verdi i JSON-teksten",
        "nn": "ugyldig verdi i JSON-teksten",
        "en": "invalid value in the JSON text",
    },
    "import_json_trailing_garbage": {
        "nb": "uventet tekst etter slutten av lista",
        "nn": "uventa tekst etter slutten av lista",
        "en": "unexpected text after the end of the list",
    },
    "import_csv_byte": {
        "nb": "byten 0x{byte} finnes ikke i tegnsettet {encoding}",
        "nn": "byten 0x{byte} finst ikkje i teiknsettet {encoding}",
        "en": "byte 0x{byte} does not exist in the {encoding} character set",
    },
    "import_unit_not_object": {
        "nb": "enhet {unit} er ikke et JSON-objekt",
        "nn": "eining {unit} er ikkje eit JSON-objekt",
        "en": "unit {unit} is not a JSON object",
    },
    "import_file_binary": {
        "nb": "filen er binær, ikke en JSON- eller CSV-fil fra Enhetsregisteret",
        "nn": "fila er binær, ikkje ei JSON- eller CSV-fil frå Einingsregisteret",
        "en": "the file is binary, not a JSON or CSV file from Enhetsregisteret",
    },
    "import_file_markup": {
        "nb": "filen er HTML/XML, ikke en JSON- eller CSV-fil fra Enhetsregisteret",
        "nn": "fila er HTML/XML, ikkje ei JSON- eller CSV-fil frå Einingsregisteret",
        "en": "the file is HTML/XML, not a JSON or CSV file from Enhetsregisteret",
    },
    "import_file_single_object": {
        "nb": "JSON-filen er ett enkelt objekt; filer fra Enhetsregisteret er en liste [ … ] med enheter",
        "nn": "JSON-fila er eitt enkelt objekt; filer frå Einingsregisteret er ei liste [ … ] med einingar",
        "en": "the JSON file is a single object; files from Enhetsregisteret are a list [ … ] of units",
    },
    "import_file_missing_columns": {
        "nb": "ikke en fil fra Enhetsregisteret: overskriftsraden mangler kolonnen(e) {columns}",
        "nn": "ikkje ei fil frå Einingsregisteret: overskriftsrada manglar kolonnen(e) {columns}",
        "en": "not a file from Enhetsregisteret: the header row lacks the column(s) {columns}",
    },
    "import_first_unit_unnamed": {
        "nb": "ikke en fil fra Enhetsregisteret: den første enheten har verken organisasjonsnummer eller navn",
        "nn": "ikkje ei fil frå Einingsregisteret: den første eininga har verken organisasjonsnummer eller namn",
        "en": "not a file from Enhetsregisteret: the first unit has neither an organisation number nor a name",
    },
    "import_no_units": {
        "nb": "filen inneholder ingen enheter",
        "nn": "fila inneheld ingen einingar",
        "en": "the file holds no units",
    },
    # --- one unit of a register file (companies.importer.mapping): `field` is the register's own name ---
    "import_ragged_row": {
        "nb": "raden har {cells} kolonner, men overskriftsraden har {width}",
        "nn": "rada har {cells} kolonnar, men overskriftsrada har {width}",
        "en": "the row has {cells} columns, but the header row has {width}",
    },
    "import_orgnr_missing": {
        "nb": "organisasjonsnummer mangler",
        "nn": "organisasjonsnummer manglar",
        "en": "organisation number missing",
    },
    "import_orgnr_invalid": {
        "nb": "organisasjonsnummer '{value}' er ugyldig (skal være 9 sifre, der det siste er et kontrollsiffer "
        "etter modulus 11)",
        "nn": "organisasjonsnummer '{value}' er ugyldig (skal vere 9 siffer, der det siste er eit kontrollsiffer "
        "etter modulus 11)",
        "en": "organisation number '{value}' is invalid (it has 9 digits, the last a modulus 11 check digit)",
    },
    "import_name_missing": {"nb": "navn mangler", "nn": "namn manglar", "en": "name missing"},
    "import_name_unstorable": {
        "nb": "navn '{value}' inneholder tegn som ikke kan lagres",
        "nn": "namn '{value}' inneheld teikn som ikkje kan lagrast",
        "en": "name '{value}' holds characters that cannot be stored",
    },
    "import_name_shortened": {
        "nb": "navn: {length} tegn, forkortet til de {limit} som er tillatt",
        "nn": "namn: {length} teikn, forkorta til dei {limit} som er tillatne",
        "en": "name: {length} characters, shortened to the {limit} allowed",
    },
    "import_unstorable": {
        "nb": "{field}: '{value}' inneholder tegn som ikke kan lagres; ikke lagret",
        "nn": "{field}: '{value}' inneheld teikn som ikkje kan lagrast; ikkje lagra",
        "en": "{field}: '{value}' holds characters that cannot be stored; not stored",
    },
    "import_too_long": {
        "nb": "{field}: {length} tegn, mer enn de {limit} som er tillatt; ikke lagret",
        "nn": "{field}: {length} teikn, meir enn dei {limit} som er tillatne; ikkje lagra",
        "en": "{field}: {length} characters, more than the {limit} allowed; not stored",
    },
    "import_not_yes_no": {
        "nb": "{field}: '{value}' er verken ja/nei eller true/false; ignorert",
        "nn": "{field}: '{value}' er verken ja/nei eller true/false; ignorert",
        "en": "{field}: '{value}' is neither ja/nei nor true/false; ignored",
    },
    "import_not_a_number": {
        "nb": "{field}: '{value}' er ikke et tall; ignorert",
        "nn": "{field}: '{value}' er ikkje eit tal; ignorert",
        "en": "{field}: '{value}' is not a number; ignored",
    },
    "import_impossible_employees": {
        "nb": "{field}: {value} er ikke et mulig antall ansatte; ignorert",
        "nn": "{field}: {value} er ikkje eit mogleg tal på tilsette; ignorert",
        "en": "{field}: {value} is not a possible number of employees; ignored",
    },
    "import_unknown_municipality": {
        "nb": "{field}: '{value}' er et ukjent kommunenummer; ikke lagret",
        "nn": "{field}: '{value}' er eit ukjent kommunenummer; ikkje lagra",
        "en": "{field}: '{value}' is an unknown municipality number; not stored",
    },
    "import_unknown_municipality_no_county": {
        "nb": "{field}: '{value}' er et ukjent kommunenummer; ikke lagret, fylket står tomt",
        "nn": "{field}: '{value}' er eit ukjent kommunenummer; ikkje lagra, fylket står tomt",
        "en": "{field}: '{value}' is an unknown municipality number; not stored, the county is left empty",
    },
    "import_not_municipality": {
        "nb": "{field}: '{value}' er ikke et kommunenummer; ikke lagret",
        "nn": "{field}: '{value}' er ikkje eit kommunenummer; ikkje lagra",
        "en": "{field}: '{value}' is not a municipality number; not stored",
    },
    "import_not_municipality_no_county": {
        "nb": "{field}: '{value}' er ikke et kommunenummer; ikke lagret, fylket står tomt",
        "nn": "{field}: '{value}' er ikkje eit kommunenummer; ikkje lagra, fylket står tomt",
        "en": "{field}: '{value}' is not a municipality number; not stored, the county is left empty",
    },
    "import_invalid_phone": {
        "nb": "{field}: '{value}' er ikke et gyldig telefonnummer; ikke lagret",
        "nn": "{field}: '{value}' er ikkje eit gyldig telefonnummer; ikkje lagra",
        "en": "{field}: '{value}' is not a valid phone number; not stored",
    },
    "import_not_a_date": {
        "nb": "{field}: '{value}' er ikke en dato; ignorert",
        "nn": "{field}: '{value}' er ikkje ein dato; ignorert",
        "en": "{field}: '{value}' is not a date; ignored",
    },
    "import_invalid_email": {
        "nb": "{field}: '{value}' er ikke en gyldig e-postadresse; ikke lagret",
        "nn": "{field}: '{value}' er ikkje ei gyldig e-postadresse; ikkje lagra",
        "en": "{field}: '{value}' is not a valid e-mail address; not stored",
    },
    "import_invalid_website": {
        "nb": "{field}: '{value}' er ikke en gyldig nettadresse; ikke lagret",
        "nn": "{field}: '{value}' er ikkje ei gyldig nettadresse; ikkje lagra",
        "en": "{field}: '{value}' is not a valid web address; not stored",
    },
    # --- a dashboard import job (companies.import_jobs) ---
    "import_job_lost": {
        "nb": "Importen stoppet fordi webprosessen som kjørte den ble avsluttet. Start den på nytt.",
        "nn": "Importen stoppa fordi webprosessen som køyrde han, vart avslutta. Start han på nytt.",
        "en": "The import stopped because the web process running it ended. Start it again.",
    },
    "import_job_busy": {
        "nb": "En annen import pågår.",
        "nn": "Ein annan import held på.",
        "en": "Another import is running.",
    },
    # --- a county's list of training companies (companies.training_files, companies.training) ---
    "training_file_too_big": {
        "nb": "filen er større enn {megabytes} MB",
        "nn": "fila er større enn {megabytes} MB",
        "en": "the file is larger than {megabytes} MB",
    },
    "training_too_many_rows": {
        "nb": "filen har mer enn {rows} rader; en lærebedriftsliste for ett fylke er langt mindre",
        "nn": "fila har meir enn {rows} rader; ei lærebedriftsliste for eitt fylke er langt mindre",
        "en": "the file has more than {rows} rows; a county's list of training companies is far shorter",
    },
    "training_file_binary": {
        "nb": "filen er binær, ikke en CSV- eller XLSX-fil",
        "nn": "fila er binær, ikkje ei CSV- eller XLSX-fil",
        "en": "the file is binary, not a CSV or XLSX file",
    },
    "training_xlsx_unreadable": {
        "nb": "XLSX-filen kan ikke leses ({reason})",
        "nn": "XLSX-fila kan ikkje lesast ({reason})",
        "en": "the XLSX file cannot be read ({reason})",
    },
    "training_xlsx_no_sheets": {
        "nb": "XLSX-filen har ingen ark",
        "nn": "XLSX-fila har ingen ark",
        "en": "the XLSX file has no sheets",
    },
    "training_missing_trade_column": {
        "nb": "overskriftsraden mangler kolonnen(e) lærefag (f.eks. «Lærefag», «Fag» eller «Fagkode»)",
        "nn": "overskriftsrada manglar kolonnen lærefag (t.d. «Lærefag», «Fag» eller «Fagkode»)",
        "en": "the header row lacks a trade column (e.g. “Lærefag”, “Fag” or “Fagkode”)",
    },
    "training_missing_county_column": {
        "nb": "overskriftsraden mangler kolonnen(e) fylke («Fylke» eller «Fylkesnummer»; eller oppgi --county)",
        "nn": "overskriftsrada manglar kolonnen fylke («Fylke» eller «Fylkesnummer»; eller oppgi --county)",
        "en": "the header row lacks a county column (“Fylke” or “Fylkesnummer”; or give --county)",
    },
    "training_missing_both_columns": {
        "nb": "overskriftsraden mangler kolonnen(e) lærefag (f.eks. «Lærefag», «Fag» eller «Fagkode») og fylke "
        "(«Fylke» eller «Fylkesnummer»; eller oppgi --county)",
        "nn": "overskriftsrada manglar kolonnane lærefag (t.d. «Lærefag», «Fag» eller «Fagkode») og fylke "
        "(«Fylke» eller «Fylkesnummer»; eller oppgi --county)",
        "en": "the header row lacks a trade column (e.g. “Lærefag”, “Fag” or “Fagkode”) and a county column "
        "(“Fylke” or “Fylkesnummer”; or give --county)",
    },
    "training_no_header": {
        "nb": "fant ingen overskriftsrad med organisasjonsnummer («Organisasjonsnummer» eller «Orgnr») blant de "
        "{rows} første radene",
        "nn": "fann inga overskriftsrad med organisasjonsnummer («Organisasjonsnummer» eller «Orgnr») blant dei "
        "{rows} første radene",
        "en": "found no header row with an organisation number (“Organisasjonsnummer” or “Orgnr”) among the "
        "first {rows} rows",
    },
    "training_unknown_county_option": {
        "nb": "ukjent fylke «{county}» i --county",
        "nn": "ukjent fylke «{county}» i --county",
        "en": "unknown county “{county}” in --county",
    },
    "training_no_rows": {
        "nb": "filen har ingen rader under overskriftsraden",
        "nn": "fila har ingen rader under overskriftsrada",
        "en": "the file has no rows below the header row",
    },
    # --- one row of such a list: `value` is quoted from the file ---
    "training_orgnr_invalid": {
        "nb": "ugyldig organisasjonsnummer {value}",
        "nn": "ugyldig organisasjonsnummer {value}",
        "en": "invalid organisation number {value}",
    },
    "training_orgnr_missing": {"nb": "mangler orgnr", "nn": "manglar orgnr", "en": "orgnr missing"},
    "training_county_unknown": {
        "nb": "ukjent fylke {value}",
        "nn": "ukjent fylke {value}",
        "en": "unknown county {value}",
    },
    "training_county_missing": {"nb": "mangler fylke", "nn": "manglar fylke", "en": "county missing"},
    "training_county_not_given": {
        "nb": "fylket {value} er ikke {county} som oppgitt med --county",
        "nn": "fylket {value} er ikkje {county} som oppgitt med --county",
        "en": "county {value} is not {county} as given with --county",
    },
    "training_trade_unknown": {
        "nb": "ukjent lærefag {value}",
        "nn": "ukjent lærefag {value}",
        "en": "unknown trade {value}",
    },
    "training_trade_missing": {"nb": "mangler lærefag", "nn": "manglar lærefag", "en": "trade missing"},
}
