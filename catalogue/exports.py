"""The dashboard's downloads for people (XLSX and `;`-separated CSV for Excel), in the staff user's language:
column headers (`export_<table>_<column>`), sheet and file names, and the few words written into cells. The
CLI's and the API's files keep their English machine columns."""

from __future__ import annotations

_LEAD = {
    "id": ("Nr.", "Nr.", "No."),
    "company": ("Bedrift", "Verksemd", "Company"),
    "orgnr": ("Orgnr", "Orgnr", "Org. no."),
    "county": ("Fylkesnr.", "Fylkesnr.", "County no."),
    "county_name": ("Fylke", "Fylke", "County"),
    "trades": ("Fag", "Fag", "Trades"),
    "places": ("Læreplasser", "Læreplassar", "Apprenticeships"),
    "adult_apprentices": ("Voksne lærlinger", "Vaksne lærlingar", "Adult apprentices"),
    "adult_places": ("Plasser for voksne", "Plassar for vaksne", "Places for adults"),
    "trial_first": ("Prøveperiode først", "Prøvetid først", "Trial period first"),
    "preferred_start": ("Ønsket oppstart", "Ønskt oppstart", "Preferred start"),
    "contact_name": ("Kontaktperson", "Kontaktperson", "Contact person"),
    "contact_phone": ("Telefon", "Telefon", "Phone"),
    "contact_email": ("E-post", "E-post", "E-mail"),
    "state": ("Status", "Status", "Status"),
    "hunter": ("Jeger", "Jeger", "Hunter"),
    "created_at": ("Registrert", "Registrert", "Registered"),
    "claimed_at": ("Tatt", "Teken", "Claimed"),
    "outcome_at": ("Utfall", "Utfall", "Outcome"),
    "flagged_at": ("Flagget", "Flagga", "Flagged"),
    "verified": ("Bekreftet", "Stadfesta", "Confirmed"),
}
_REPLY = {
    "id": ("Nr.", "Nr.", "No."),
    "received_at": ("Mottatt", "Motteke", "Received"),
    "channel": ("Kanal", "Kanal", "Channel"),
    "sender": ("Fra", "Frå", "From"),
    "orgnr": ("Orgnr", "Orgnr", "Org. no."),
    "company": ("Bedrift", "Verksemd", "Company"),
    "campaign_id": ("Kampanje", "Kampanje", "Campaign"),
    "intent": ("Hensikt", "Føremål", "Intent"),
    "text": ("Tekst", "Tekst", "Text"),
    "handled": ("Behandlet", "Handsama", "Handled"),
}
_RESULT = {
    "county_number": ("Fylkesnr.", "Fylkesnr.", "County no."),
    "county": ("Fylke", "Fylke", "County"),
    "trade": ("Fag", "Fag", "Trade"),
    "programme": ("Programområde", "Programområde", "Programme area"),
    "companies": ("Bedrifter", "Verksemder", "Companies"),
    "places": ("Læreplasser", "Læreplassar", "Apprenticeships"),
    "adult": ("For voksne", "For vaksne", "For adults"),
    "claimed": ("Tatt av jeger", "Teken av jeger", "Taken by a hunter"),
    "became": ("Ble lærebedrift", "Vart lærebedrift", "Became a training company"),
}
_OUTCOME = {
    "trade": ("Fag", "Fag", "Trade"),
    "county": ("Fylke", "Fylke", "County"),
    "county_number": ("Fylkesnr.", "Fylkesnr.", "County no."),
    "municipality": ("Kommune", "Kommune", "Municipality"),
    "municipality_number": ("Kommunenr.", "Kommunenr.", "Municipality no."),
    "campaign": ("Kampanje", "Kampanje", "Campaign"),
    "audience": ("Målgruppe", "Målgruppe", "Audience"),
    "reached": ("Nådd", "Nådd", "Reached"),
    "replied": ("Svarte", "Svarte", "Replied"),
    "interested": ("Interessert", "Interessert", "Interested"),
    "registrations": ("Registreringer", "Registreringar", "Registrations"),
    "places": ("Læreplasser tilbudt", "Læreplassar tilbodne", "Apprenticeships offered"),
    "adult_places": ("Av dem for voksne", "Av dei for vaksne", "Of them for adults"),
    "claimed": ("Leads tatt", "Leads tekne", "Leads claimed"),
    "became": ("Ble lærebedrift", "Vart lærebedrift", "Became a training company"),
}
_REJECT = {
    "row": ("Rad", "Rad", "Row"),
    "orgnr": ("Orgnr", "Orgnr", "Org. no."),
    "level": ("Nivå", "Nivå", "Level"),
    "reason": ("Årsak", "Årsak", "Reason"),
}


def _columns(table: str, names: dict[str, tuple[str, str, str]]) -> dict[str, dict[str, str]]:
    return {
        f"export_{table}_{column}": {"nb": nb, "nn": nn, "en": en} for column, (nb, nn, en) in names.items()
    }


TEXTS: dict[str, dict[str, str]] = {
    **_columns("lead", _LEAD),
    **_columns("reply", _REPLY),
    **_columns("reject", _REJECT),
    **_columns("result", _RESULT),
    **_columns("outcome", _OUTCOME),
    "export_sheet_trade_county": {"nb": "Fag og fylke", "nn": "Fag og fylke", "en": "Trade and county"},
    "export_sheet_trade_municipality": {
        "nb": "Fag og kommune",
        "nn": "Fag og kommune",
        "en": "Trade and municipality",
    },
    "export_sheet_county": {"nb": "Fylke", "nn": "Fylke", "en": "County"},
    "export_sheet_trade": {"nb": "Fag", "nn": "Fag", "en": "Trade"},
    "export_sheet_total": {"nb": "Totalt", "nn": "Totalt", "en": "Total"},
    "export_sheet_counties": {"nb": "Fylker", "nn": "Fylke", "en": "Counties"},
    "export_sheet_trades": {"nb": "Fag", "nn": "Fag", "en": "Trades"},
    "export_stem_results": {"nb": "resultater", "nn": "resultat", "en": "results"},
    "export_stem_results_by_county": {
        "nb": "resultater-fylker",
        "nn": "resultat-fylke",
        "en": "results-counties",
    },
    "export_stem_results_by_trade": {"nb": "resultater-fag", "nn": "resultat-fag", "en": "results-trades"},
    "export_part_campaign": {"nb": "kampanje-{id}", "nn": "kampanje-{id}", "en": "campaign-{id}"},
    "export_part_all": {"nb": "alle", "nn": "alle", "en": "all"},
    "export_yes": {"nb": "ja", "nn": "ja", "en": "yes"},
    "export_no": {"nb": "nei", "nn": "nei", "en": "no"},
    "export_on_paper": {"nb": "(på papir)", "nn": "(på papir)", "en": "(on paper)"},
    "export_level_error": {
        "nb": "feil (ikke importert)",
        "nn": "feil (ikkje importert)",
        "en": "error (not imported)",
    },
    "export_level_warning": {
        "nb": "advarsel (importert)",
        "nn": "åtvaring (importert)",
        "en": "warning (imported)",
    },
    "export_sheet_replies": {
        "nb": "Innkomne meldinger",
        "nn": "Innkomne meldingar",
        "en": "Incoming messages",
    },
    "export_stem_replies": {
        "nb": "innkomne-meldinger",
        "nn": "innkomne-meldingar",
        "en": "incoming-messages",
    },
    "export_sheet_report": {"nb": "Leveranserapport", "nn": "Leveranserapport", "en": "Delivery report"},
    "export_stem_report": {
        "nb": "leveranserapport-{id}",
        "nn": "leveranserapport-{id}",
        "en": "delivery-report-{id}",
    },
    "export_sheet_rejects": {"nb": "Avvist", "nn": "Avvist", "en": "Rejected"},
    "export_stem_rejects": {"nb": "{name}-avvist", "nn": "{name}-avvist", "en": "{name}-rejected"},
}
