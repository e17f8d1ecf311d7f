"""The dashboard's working lists: the inbox, leads and hunter organisations. In the staff user's language; the
bokmål is the wording staff have always read (tests assert some of it)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # Shared by the lists
    "admin_view": {"nb": "Visning", "nn": "Vising", "en": "View"},
    "admin_col_contact": {"nb": "Kontakt", "nn": "Kontakt", "en": "Contact"},
    "admin_col_type": {"nb": "Type", "nn": "Type", "en": "Type"},
    "admin_all_trades": {"nb": "Alle fag", "nn": "Alle fag", "en": "All trades"},
    "admin_none_word": {"nb": "ingen", "nn": "ingen", "en": "none"},
    "admin_approve": {"nb": "Godkjenn", "nn": "Godkjenn", "en": "Approve"},
    "admin_reject": {"nb": "Avvis", "nn": "Avvis", "en": "Reject"},
    # The inbox
    "admin_inbox_all_as_excel": {
        "nb": "Alle meldinger som Excel",
        "nn": "Alle meldingar som Excel",
        "en": "Every message as Excel",
    },
    "admin_inbox_as_csv": {"nb": "som CSV", "nn": "som CSV", "en": "as CSV"},
    "admin_inbox_intro": {
        "nb": "Spørsmål og fritekst fra bedrifter som trenger et menneske. Svaret ditt går tilbake samme vei som "
        "spørsmålet kom (SMS eller Telegram).",
        "nn": "Spørsmål og fritekst frå bedrifter som treng eit menneske. Svaret ditt går tilbake same veg som "
        "spørsmålet kom (SMS eller Telegram).",
        "en": "Questions and free text from companies that need a person. Your answer goes back the way the "
        "question came (SMS or Telegram).",
    },
    "admin_inbox_waiting": {"nb": "Venter på svar", "nn": "Ventar på svar", "en": "Awaiting an answer"},
    "admin_inbox_handled": {"nb": "Behandlet", "nn": "Behandla", "en": "Handled"},
    "admin_unknown_sender": {"nb": "Ukjent avsender", "nn": "Ukjend avsendar", "en": "Unknown sender"},
    "admin_content_deleted": {"nb": "(innhold slettet)", "nn": "(innhald sletta)", "en": "(content deleted)"},
    "admin_history_with_company": {
        "nb": "Historikk med bedriften",
        "nn": "Historikk med bedrifta",
        "en": "History with the company",
    },
    "admin_messages_one": {"nb": "{count} melding", "nn": "{count} melding", "en": "{count} message"},
    "admin_messages_other": {"nb": "{count} meldinger", "nn": "{count} meldingar", "en": "{count} messages"},
    "admin_replies_one": {"nb": "{count} svar", "nn": "{count} svar", "en": "{count} reply"},
    "admin_replies_other": {"nb": "{count} svar", "nn": "{count} svar", "en": "{count} replies"},
    "admin_has_registered": {
        "nb": "har registrert interesse",
        "nn": "har registrert interesse",
        "en": "has registered interest",
    },
    "admin_to_company": {"nb": "Til bedriften", "nn": "Til bedrifta", "en": "To the company"},
    "admin_from_company": {"nb": "Fra bedriften", "nn": "Frå bedrifta", "en": "From the company"},
    "admin_answer_placeholder": {
        "nb": "Hei! Takk for spørsmålet …",
        "nn": "Hei! Takk for spørsmålet …",
        "en": "Hello! Thank you for the question …",
    },
    "admin_send_answer": {"nb": "Send svar", "nn": "Send svar", "en": "Send answer"},
    "admin_mark_handled": {
        "nb": "Marker som behandlet uten å svare",
        "nn": "Merk som behandla utan å svare",
        "en": "Mark as handled without answering",
    },
    "admin_handled_at": {"nb": "Behandlet {at}.", "nn": "Behandla {at}.", "en": "Handled {at}."},
    "admin_inbox_none_handled": {
        "nb": "Ingen behandlede spørsmål ennå.",
        "nn": "Ingen behandla spørsmål enno.",
        "en": "No handled questions yet.",
    },
    "admin_inbox_none_waiting": {
        "nb": "Ingen spørsmål venter på svar. Godt jobbet!",
        "nn": "Ingen spørsmål ventar på svar. Godt jobba!",
        "en": "No questions are awaiting an answer. Well done!",
    },
    "admin_answer_queued": {
        "nb": "Svaret er lagt i køen og sendes straks på {channel}.",
        "nn": "Svaret er lagt i køen og blir sendt straks på {channel}.",
        "en": "The answer is queued and goes out at once by {channel}.",
    },
    "admin_marked_handled": {
        "nb": "Markert som behandlet.",
        "nn": "Merkt som behandla.",
        "en": "Marked as handled.",
    },
    # Leads
    "admin_leads_intro": {
        "nb": "Bedrifter som har meldt interesse. Godkjente jegere i fylket får dem i Telegram og tar dem med «Ta "
        "leaden».",
        "nn": "Bedrifter som har meldt interesse. Godkjende jegerar i fylket får dei i Telegram og tek dei med «Ta "
        "leaden».",
        "en": "Companies that have shown interest. Approved hunters in the county get them in Telegram and take "
        "them with “Ta leaden”.",
    },
    "admin_all_counties_option": {"nb": "Alle fylker", "nn": "Alle fylke", "en": "All counties"},
    "admin_age": {"nb": "Alder", "nn": "Alder", "en": "Age"},
    "admin_age_all": {"nb": "Alle", "nn": "Alle", "en": "All"},
    "admin_age_1": {"nb": "Eldre enn 1 dag", "nn": "Eldre enn 1 dag", "en": "Older than 1 day"},
    "admin_age_3": {"nb": "Eldre enn 3 dager", "nn": "Eldre enn 3 dagar", "en": "Older than 3 days"},
    "admin_age_7": {"nb": "Eldre enn 1 uke", "nn": "Eldre enn 1 veke", "en": "Older than 1 week"},
    "admin_age_14": {"nb": "Eldre enn 2 uker", "nn": "Eldre enn 2 veker", "en": "Older than 2 weeks"},
    "admin_only_flagged": {
        "nb": "Bare de som har ventet over tre virkedager",
        "nn": "Berre dei som har venta over tre yrkedagar",
        "en": "Only those that have waited over three working days",
    },
    "admin_leads_count_one": {"nb": "{count} lead", "nn": "{count} lead", "en": "{count} lead"},
    "admin_leads_count_other": {"nb": "{count} leads", "nn": "{count} leads", "en": "{count} leads"},
    "admin_col_places": {"nb": "Plasser", "nn": "Plassar", "en": "Places"},
    "admin_col_hunter": {"nb": "Jeger", "nn": "Jeger", "en": "Hunter"},
    "admin_col_move_to": {"nb": "Flytt til", "nn": "Flytt til", "en": "Move to"},
    "admin_unverified_title": {
        "nb": "Registrert av noen som bare oppga organisasjonsnummeret",
        "nn": "Registrert av nokon som berre gav opp organisasjonsnummeret",
        "en": "Registered by someone who only gave the organisation number",
    },
    "admin_unverified": {"nb": "ikke bekreftet", "nn": "ikkje stadfesta", "en": "not confirmed"},
    "admin_adults_yes": {"nb": "voksne: ja", "nn": "vaksne: ja", "en": "adults: yes"},
    "admin_waiting_too_long": {"nb": "venter for lenge", "nn": "ventar for lenge", "en": "waiting too long"},
    "admin_new_hunter_for": {
        "nb": "Ny jeger for lead {lead}",
        "nn": "Ny jeger for lead {lead}",
        "en": "New hunter for lead {lead}",
    },
    "admin_free_send_again": {
        "nb": "Ledig (send ut på nytt)",
        "nn": "Ledig (send ut på nytt)",
        "en": "Free (send out again)",
    },
    "admin_move": {"nb": "Flytt", "nn": "Flytt", "en": "Move"},
    "admin_no_leads_found": {
        "nb": "Ingen leads med disse valgene.",
        "nn": "Ingen leads med desse vala.",
        "en": "No leads match these choices.",
    },
    "admin_no_such_lead": {
        "nb": "Fant ingen lead med nummer {lead}.",
        "nn": "Fann ingen lead med nummer {lead}.",
        "en": "No lead has number {lead}.",
    },
    "admin_lead_free_again": {
        "nb": "Lead nr. {lead} er ledig igjen og sendt ut til jegerne i fylket.",
        "nn": "Lead nr. {lead} er ledig igjen og sendt ut til jegerane i fylket.",
        "en": "Lead no. {lead} is free again and sent out to the county's hunters.",
    },
    "admin_lead_given_to": {
        "nb": "Lead nr. {lead} er gitt til {hunter}.",
        "nn": "Lead nr. {lead} er gitt til {hunter}.",
        "en": "Lead no. {lead} is given to {hunter}.",
    },
    # Hunter organisations
    "admin_organisations_one": {
        "nb": "{count} organisasjon",
        "nn": "{count} organisasjon",
        "en": "{count} organisation",
    },
    "admin_organisations_other": {
        "nb": "{count} organisasjoner",
        "nn": "{count} organisasjonar",
        "en": "{count} organisations",
    },
    "admin_hunters_sign_up_at": {
        "nb": "Jegere melder seg på på",
        "nn": "Jegerar melder seg på på",
        "en": "Hunters sign up at",
    },
    "admin_hunters_or_telegram": {
        "nb": "eller i Telegram-boten med /jeger. Bare godkjente jegere får leads, og bare i sine fylker og fag.",
        "nn": "eller i Telegram-boten med /jeger. Berre godkjende jegerar får leads, og berre i sine fylke og fag.",
        "en": "or in the Telegram bot with /jeger. Only approved hunters get leads, and only in their counties and "
        "trades.",
    },
    "admin_changes_waiting": {
        "nb": "Endringer som venter ({count})",
        "nn": "Endringar som ventar ({count})",
        "en": "Changes waiting ({count})",
    },
    "admin_changes_explained": {
        "nb": "Flere fylker eller fag gir organisasjonen flere leads, så de venter på godkjenning.",
        "nn": "Fleire fylke eller fag gir organisasjonen fleire leads, så dei ventar på godkjenning.",
        "en": "More counties or trades give the organisation more leads, so they wait for approval.",
    },
    "admin_col_organisation": {"nb": "Organisasjon", "nn": "Organisasjon", "en": "Organisation"},
    "admin_col_counties_now_wanted": {
        "nb": "Fylker nå → ønsket",
        "nn": "Fylke no → ønskt",
        "en": "Counties now → wanted",
    },
    "admin_col_trades_now_wanted": {
        "nb": "Fag nå → ønsket",
        "nn": "Fag no → ønskt",
        "en": "Trades now → wanted",
    },
    "admin_col_asked": {"nb": "Bedt om", "nn": "Bede om", "en": "Asked"},
    "admin_trades_count_one": {"nb": "{count} fag", "nn": "{count} fag", "en": "{count} trade"},
    "admin_trades_count_other": {"nb": "{count} fag", "nn": "{count} fag", "en": "{count} trades"},
    "admin_staff_decide": {
        "nb": "Staben avgjør (dekker fylker som ikke er dine)",
        "nn": "Staben avgjer (dekkjer fylke som ikkje er dine)",
        "en": "Staff decide (covers counties that are not yours)",
    },
    "admin_col_covers_counties": {"nb": "Dekker fylker", "nn": "Dekkjer fylke", "en": "Covers counties"},
    "admin_col_covers_trades": {"nb": "Dekker fag", "nn": "Dekkjer fag", "en": "Covers trades"},
    "admin_orgnr_short": {"nb": "orgnr {orgnr}", "nn": "orgnr {orgnr}", "en": "org. no. {orgnr}"},
    "admin_withdraw": {"nb": "Trekk tilbake", "nn": "Trekk tilbake", "en": "Withdraw"},
    "admin_no_hunters_here": {
        "nb": "Ingen jegere her.",
        "nn": "Ingen jegerar her.",
        "en": "No hunters here.",
    },
    "admin_no_such_hunter": {
        "nb": "Fant ingen jeger med nummer {hunter}.",
        "nn": "Fann ingen jeger med nummer {hunter}.",
        "en": "No hunter has number {hunter}.",
    },
    "admin_orgnr_taken": {
        "nb": "Organisasjonsnummeret {orgnr} brukes allerede av {holder} (nr. {number}); avvis den først om det er "
        "denne som skal godkjennes.",
        "nn": "Organisasjonsnummeret {orgnr} er alt i bruk av {holder} (nr. {number}); avvis den først om det er "
        "denne som skal godkjennast.",
        "en": "The organisation number {orgnr} is already used by {holder} (no. {number}); reject that one first "
        "if this is the one to approve.",
    },
    "admin_hunter_outside_counties": {
        "nb": "Organisasjonen dekker også fylker som ikke er dine; en i staben må avgjøre den.",
        "nn": "Organisasjonen dekkjer også fylke som ikkje er dine; ein i staben må avgjere han.",
        "en": "The organisation also covers counties that are not yours; someone on the staff must decide it.",
    },
    "admin_hunter_already_approved": {
        "nb": "{name} var allerede godkjent.",
        "nn": "{name} var alt godkjend.",
        "en": "{name} was already approved.",
    },
    "admin_hunter_already_rejected": {
        "nb": "{name} var allerede avvist.",
        "nn": "{name} var alt avvist.",
        "en": "{name} was already rejected.",
    },
    "admin_hunter_approved": {
        "nb": "{name} er godkjent og får nye leads i sine fylker og fag.",
        "nn": "{name} er godkjend og får nye leads i sine fylke og fag.",
        "en": "{name} is approved and gets new leads in its counties and trades.",
    },
    "admin_hunter_rejected": {
        "nb": "{name} er avvist.",
        "nn": "{name} er avvist.",
        "en": "{name} is rejected.",
    },
    "admin_no_such_change": {
        "nb": "Fant ingen endring med nummer {change} som venter.",
        "nn": "Fann inga endring med nummer {change} som ventar.",
        "en": "No waiting change has number {change}.",
    },
    "admin_change_approve": {
        "nb": "Endring {change} er godkjent: fylkene og fagene gjelder nå.",
        "nn": "Endring {change} er godkjend: fylka og faga gjeld no.",
        "en": "Change {change} is approved: the counties and trades apply now.",
    },
    "admin_change_reject": {
        "nb": "Endring {change} er avvist.",
        "nn": "Endring {change} er avvist.",
        "en": "Change {change} is rejected.",
    },
}
