"""The dashboard's company pages: the search, a company's page and the import from Enhetsregisteret. In the staff
user's language; the bokmål is the wording staff have always read (tests assert some of it)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # The search
    "admin_import_from_register": {
        "nb": "Importer fra Enhetsregisteret",
        "nn": "Importer frå Einingsregisteret",
        "en": "Import from the Central Coordinating Register",
    },
    "admin_search_name_or_orgnr": {
        "nb": "Søk på navn eller organisasjonsnummer",
        "nn": "Søk på namn eller organisasjonsnummer",
        "en": "Search by name or organisation number",
    },
    "admin_search_example": {
        "nb": "f.eks. Nordlys Bygg eller 974760673",
        "nn": "t.d. Nordlys Bygg eller 974760673",
        "en": "e.g. Nordlys Bygg or 974760673",
    },
    "admin_search": {"nb": "Søk", "nn": "Søk", "en": "Search"},
    "admin_col_industry": {"nb": "Næring", "nn": "Næring", "en": "Industry"},
    "admin_col_place": {"nb": "Sted", "nn": "Stad", "en": "Place"},
    "admin_not_contacted": {"nb": "Kontaktes ikke", "nn": "Blir ikkje kontakta", "en": "Not contacted"},
    "admin_training_company": {"nb": "Lærebedrift", "nn": "Lærebedrift", "en": "Training company"},
    "admin_no_companies": {
        "nb": "Ingen bedrifter funnet.",
        "nn": "Fann ingen bedrifter.",
        "en": "No companies found.",
    },
    "admin_no_companies_for": {
        "nb": "Ingen bedrifter funnet for «{q}».",
        "nn": "Fann ingen bedrifter for «{q}».",
        "en": "No companies found for “{q}”.",
    },
    # A company's page
    "admin_also_said_stop": {
        "nb": "har også sagt STOPP",
        "nn": "har også sagt STOPP",
        "en": "has also said STOP",
    },
    "admin_at_via": {"nb": "{at} via {source}", "nn": "{at} via {source}", "en": "{at} via {source}"},
    "admin_via": {"nb": "via {source}", "nn": "via {source}", "en": "via {source}"},
    "admin_facts": {"nb": "Fakta", "nn": "Fakta", "en": "Facts"},
    "admin_nace_code": {"nb": "Næringskode", "nn": "Næringskode", "en": "Industry code"},
    "admin_employees_unknown": {
        "nb": "under 5 / ukjent",
        "nn": "under 5 / ukjent",
        "en": "under 5 / unknown",
    },
    "admin_written_standard": {"nb": "Målform", "nn": "Målform", "en": "Written standard"},
    "admin_short_code": {"nb": "Kortkode", "nn": "Kortkode", "en": "Short code"},
    "admin_approved_training_in": {
        "nb": "Godkjent lærebedrift i",
        "nn": "Godkjend lærebedrift i",
        "en": "Approved training company in",
    },
    "admin_training_yes_reported": {
        "nb": "ja (meldt av jeger eller registeret)",
        "nn": "ja (meldt av jeger eller registeret)",
        "en": "yes (reported by a hunter or the register)",
    },
    "admin_contact_points": {"nb": "Kontaktpunkter", "nn": "Kontaktpunkt", "en": "Contact points"},
    "admin_contact_kind_phone": {"nb": "Telefon", "nn": "Telefon", "en": "Phone"},
    "admin_contact_kind_email": {"nb": "E-post", "nn": "E-post", "en": "E-mail"},
    "admin_contact_kind_telegram": {"nb": "Telegram", "nn": "Telegram", "en": "Telegram"},
    "admin_mobile": {"nb": "mobil", "nn": "mobil", "en": "mobile"},
    "admin_landline": {"nb": "fasttelefon", "nn": "fasttelefon", "en": "landline"},
    "admin_opted_out": {"nb": "Avmeldt", "nn": "Avmeld", "en": "Opted out"},
    "admin_invalid": {"nb": "Ugyldig: {reason}", "nn": "Ugyldig: {reason}", "en": "Invalid: {reason}"},
    "admin_no_contact_points": {
        "nb": "Ingen kontaktpunkter.",
        "nn": "Ingen kontaktpunkt.",
        "en": "No contact points.",
    },
    "admin_opt_outs": {"nb": "Avmeldinger", "nn": "Avmeldingar", "en": "Opt-outs"},
    "admin_deleted_address": {"nb": "(slettet adresse)", "nn": "(sletta adresse)", "en": "(deleted address)"},
    "admin_registered_interest": {
        "nb": "Registrert interesse",
        "nn": "Registrert interesse",
        "en": "Registered interest",
    },
    "admin_contact_person": {"nb": "Kontaktperson", "nn": "Kontaktperson", "en": "Contact person"},
    "admin_places_long": {"nb": "Læreplasser", "nn": "Læreplassar", "en": "Apprenticeships"},
    "admin_adult_apprentices": {
        "nb": "Voksne lærlinger",
        "nn": "Vaksne lærlingar",
        "en": "Adult apprentices",
    },
    "admin_yes": {"nb": "ja", "nn": "ja", "en": "yes"},
    "admin_no": {"nb": "nei", "nn": "nei", "en": "no"},
    "admin_start": {"nb": "Oppstart", "nn": "Oppstart", "en": "Start"},
    "admin_source": {"nb": "Kilde", "nn": "Kjelde", "en": "Source"},
    "admin_completed_at": {"nb": "fullført {at}", "nn": "fullført {at}", "en": "completed {at}"},
    "admin_not_completed": {"nb": "ikke fullført", "nn": "ikkje fullført", "en": "not completed"},
    "admin_registration": {"nb": "Registrering", "nn": "Registrering", "en": "Registration"},
    "admin_number_short": {"nb": "nr. {number}", "nn": "nr. {number}", "en": "no. {number}"},
    "admin_verified": {"nb": "bekreftet", "nn": "stadfesta", "en": "confirmed"},
    "admin_keep": {"nb": "Behold", "nn": "Behald", "en": "Keep"},
    "admin_and_merge_in": {"nb": "og slå inn", "nn": "og slå inn", "en": "and merge in"},
    "admin_merge": {"nb": "Slå sammen", "nn": "Slå saman", "en": "Merge"},
    "admin_merge_hint": {
        "nb": "Samme bedrift registrert fra to samtaler? Den første beholdes og får svarene og leaden til den andre.",
        "nn": "Same bedrift registrert frå to samtalar? Den første blir halden på og får svara og leaden til den "
        "andre.",
        "en": "The same company registered from two conversations? The first is kept and gets the other's replies "
        "and lead.",
    },
    "admin_lead_number": {"nb": "Lead nr. {lead}:", "nn": "Lead nr. {lead}:", "en": "Lead no. {lead}:"},
    "admin_with_hunter": {"nb": "hos {hunter}", "nn": "hos {hunter}", "en": "with {hunter}"},
    "admin_messages_and_replies": {
        "nb": "Meldinger og svar",
        "nn": "Meldingar og svar",
        "en": "Messages and replies",
    },
    "admin_to_hunter": {"nb": "Til jegeren", "nn": "Til jegeren", "en": "To the hunter"},
    "admin_handled_lower": {"nb": "behandlet", "nn": "behandla", "en": "handled"},
    "admin_tapped": {"nb": "Trykket", "nn": "Trykte", "en": "Tapped"},
    "admin_no_messages_yet": {
        "nb": "Ingen meldinger ennå.",
        "nn": "Ingen meldingar enno.",
        "en": "No messages yet.",
    },
    "admin_choose_two_registrations": {
        "nb": "Velg to registreringer å slå sammen.",
        "nn": "Vel to registreringar å slå saman.",
        "en": "Choose two registrations to merge.",
    },
    "admin_no_such_company": {
        "nb": "Fant ingen bedrift med det organisasjonsnummeret.",
        "nn": "Fann inga bedrift med det organisasjonsnummeret.",
        "en": "No company has that organisation number.",
    },
    "admin_registrations_elsewhere": {
        "nb": "Registreringene hører til en annen bedrift enn denne siden.",
        "nn": "Registreringane høyrer til ei anna bedrift enn denne sida.",
        "en": "The registrations belong to another company than this page.",
    },
    "admin_registrations_merged": {
        "nb": "Registrering {other} er slått inn i registrering {keep}.",
        "nn": "Registrering {other} er slått inn i registrering {keep}.",
        "en": "Registration {other} is merged into registration {keep}.",
    },
    # The import
    "admin_import": {"nb": "Import", "nn": "Import", "en": "Import"},
    "admin_import_companies": {
        "nb": "Importer bedrifter",
        "nn": "Importer bedrifter",
        "en": "Import companies",
    },
    "admin_import_companies_from_register": {
        "nb": "Importer bedrifter fra Enhetsregisteret",
        "nn": "Importer bedrifter frå Einingsregisteret",
        "en": "Import companies from the Central Coordinating Register",
    },
    "admin_import_intro": {
        "nb": "Last opp en fil fra Brønnøysundregistrene: JSON (gjerne gzip-komprimert) eller CSV slik registeret "
        "eller Excel lagrer den. Bedrifter som finnes fra før, blir oppdatert. Rader som ikke kan brukes, havner i "
        "en avvisningsfil med radnummer og grunn.",
        "nn": "Last opp ei fil frå Brønnøysundregistra: JSON (gjerne gzip-komprimert) eller CSV slik registeret "
        "eller Excel lagrar ho. Bedrifter som finst frå før, blir oppdaterte. Rader som ikkje kan brukast, hamnar "
        "i ei avvisingsfil med radnummer og grunn.",
        "en": "Upload a file from the Brønnøysund Register Centre: JSON (gzip-compressed if you like) or CSV as the "
        "register or Excel saves it. Companies we already have are updated. Rows that cannot be used end up in a "
        "rejects file with the row number and the reason.",
    },
    "admin_import_running": {
        "nb": "En import pågår:",
        "nn": "Ein import går føre seg:",
        "en": "An import is running:",
    },
    "admin_import_wait": {
        "nb": "Vent til den er ferdig.",
        "nn": "Vent til han er ferdig.",
        "en": "Wait until it is done.",
    },
    "admin_col_file": {"nb": "Fil", "nn": "Fil", "en": "File"},
    "admin_import_hint": {
        "nb": "Store filer tar litt tid. Du ser framdriften på neste side.",
        "nn": "Store filer tek litt tid. Du ser framdrifta på neste side.",
        "en": "Large files take a while. You see the progress on the next page.",
    },
    "admin_import_start": {"nb": "Start importen", "nn": "Start importen", "en": "Start the import"},
    "admin_imports_this_session": {
        "nb": "Importer i denne økten",
        "nn": "Importar i denne økta",
        "en": "Imports in this session",
    },
    "admin_col_rows": {"nb": "Rader", "nn": "Rader", "en": "Rows"},
    "admin_col_status": {"nb": "Status", "nn": "Status", "en": "Status"},
    "admin_in_progress": {"nb": "Pågår", "nn": "Går føre seg", "en": "Running"},
    "admin_failed": {"nb": "Feilet", "nn": "Feila", "en": "Failed"},
    "admin_import_of": {
        "nb": "Import av {filename}",
        "nn": "Import av {filename}",
        "en": "Import of {filename}",
    },
    "admin_reload_for_progress": {
        "nb": "Last siden på nytt for å se framdriften.",
        "nn": "Last sida på nytt for å sjå framdrifta.",
        "en": "Reload the page to see the progress.",
    },
    "admin_importing": {"nb": "Importerer …", "nn": "Importerer …", "en": "Importing …"},
    "admin_rows_read_one": {"nb": "{count} rad lest.", "nn": "{count} rad lesen.", "en": "{count} row read."},
    "admin_rows_read_other": {
        "nb": "{count} rader lest.",
        "nn": "{count} rader lesne.",
        "en": "{count} rows read.",
    },
    "admin_percent_of_file_read": {
        "nb": "{percent} % av filen er lest.",
        "nn": "{percent} % av fila er lesen.",
        "en": "{percent} % of the file is read.",
    },
    "admin_import_failed": {
        "nb": "Filen kunne ikke importeres.",
        "nn": "Fila kunne ikkje importerast.",
        "en": "The file could not be imported.",
    },
    "admin_import_nothing_changed": {
        "nb": "Ingenting ble endret i databasen.",
        "nn": "Ingenting vart endra i databasen.",
        "en": "Nothing was changed in the database.",
    },
    "admin_stat_rows_read": {"nb": "rader lest", "nn": "rader lesne", "en": "rows read"},
    "admin_stat_new_companies": {"nb": "nye bedrifter", "nn": "nye bedrifter", "en": "new companies"},
    "admin_stat_updated": {"nb": "oppdatert", "nn": "oppdaterte", "en": "updated"},
    "admin_stat_unchanged": {"nb": "uendret", "nn": "uendra", "en": "unchanged"},
    "admin_stat_rejected": {"nb": "avvist", "nn": "avviste", "en": "rejected"},
    "admin_stat_warnings": {"nb": "advarsler", "nn": "åtvaringar", "en": "warnings"},
    "admin_import_done": {
        "nb": "Importen er ferdig.",
        "nn": "Importen er ferdig.",
        "en": "The import is done.",
    },
    "admin_download_rejects": {
        "nb": "Last ned avvisningsfilen",
        "nn": "Last ned avvisingsfila",
        "en": "Download the rejects file",
    },
    "admin_as_excel": {"nb": "som Excel", "nn": "som Excel", "en": "as Excel"},
    "admin_see_companies": {"nb": "Se bedriftene", "nn": "Sjå bedriftene", "en": "See the companies"},
    "admin_choose_register_file": {
        "nb": "Velg en fil fra Enhetsregisteret først.",
        "nn": "Vel ei fil frå Einingsregisteret først.",
        "en": "Choose a file from the Central Coordinating Register first.",
    },
    "admin_import_busy": {
        "nb": "En annen import pågår. Vent til den er ferdig, og prøv igjen.",
        "nn": "Ein annan import går føre seg. Vent til han er ferdig, og prøv igjen.",
        "en": "Another import is running. Wait until it is done, and try again.",
    },
    "admin_no_such_import": {
        "nb": "Fant ikke denne importen (den kan ha gått tapt ved en omstart).",
        "nn": "Fann ikkje denne importen (han kan ha gått tapt ved ein omstart).",
        "en": "This import was not found (it may have been lost in a restart).",
    },
    "admin_rejects_not_ready": {
        "nb": "Avvisningsfilen er ikke klar.",
        "nn": "Avvisingsfila er ikkje klar.",
        "en": "The rejects file is not ready.",
    },
}
