"""The dashboard's campaign pages: the list, a campaign's page and live progress, confirmations, the delivery and
outcome reports and the meeting attendees. In the staff user's language; the bokmål is the wording staff have
always read (tests assert some of it)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # The list
    "admin_campaign_new": {"nb": "Ny kampanje", "nn": "Ny kampanje", "en": "New campaign"},
    "admin_campaign": {"nb": "Kampanje", "nn": "Kampanje", "en": "Campaign"},
    "admin_col_state": {"nb": "Tilstand", "nn": "Tilstand", "en": "State"},
    "admin_col_created": {"nb": "Opprettet", "nn": "Oppretta", "en": "Created"},
    "admin_col_launched": {"nb": "Startet", "nn": "Starta", "en": "Launched"},
    "admin_col_ended": {"nb": "Avsluttet", "nn": "Avslutta", "en": "Ended"},
    "admin_col_progress": {"nb": "Framdrift", "nn": "Framdrift", "en": "Progress"},
    "admin_col_done": {"nb": "Ferdig", "nn": "Ferdig", "en": "Done"},
    "admin_campaign_paused_because": {"nb": "Pauset:", "nn": "Pausa:", "en": "Paused:"},
    "admin_percent_done": {
        "nb": "{percent} prosent ferdig",
        "nn": "{percent} prosent ferdig",
        "en": "{percent} per cent done",
    },
    "admin_not_started": {"nb": "ikke startet", "nn": "ikkje starta", "en": "not started"},
    "admin_no_campaigns": {
        "nb": "Ingen kampanjer ennå.",
        "nn": "Ingen kampanjar enno.",
        "en": "No campaigns yet.",
    },
    "admin_first_campaign": {
        "nb": "Lag den første kampanjen",
        "nn": "Lag den første kampanjen",
        "en": "Create the first campaign",
    },
    # Live progress
    "admin_updates_itself": {
        "nb": "Oppdateres av seg selv",
        "nn": "Blir oppdatert av seg sjølv",
        "en": "Updates by itself",
    },
    "admin_col_step": {"nb": "Steg", "nn": "Steg", "en": "Step"},
    "admin_col_channel": {"nb": "Kanal", "nn": "Kanal", "en": "Channel"},
    "admin_col_planned": {
        "nb": "Planlagt (norsk tid)",
        "nn": "Planlagt (norsk tid)",
        "en": "Planned (Norway time)",
    },
    "admin_sent_no_receipt": {
        "nb": "Sendt, uten kvittering",
        "nn": "Sendt, utan kvittering",
        "en": "Sent, no receipt",
    },
    "admin_col_sum": {"nb": "Sum", "nn": "Sum", "en": "Total"},
    "admin_no_steps": {"nb": "Ingen steg.", "nn": "Ingen steg.", "en": "No steps."},
    "admin_why_waiting": {
        "nb": "Hvorfor meldinger i kø venter",
        "nn": "Kvifor meldingar i kø ventar",
        "en": "Why queued messages are waiting",
    },
    "admin_times_in_norway": {
        "nb": "(tider i norsk tid)",
        "nn": "(tider i norsk tid)",
        "en": "(times in Norway time)",
    },
    "admin_progress_explained": {
        "nb": "Tabellen teller meldinger i hver tilstand; trakten teller bedrifter som har nådd hvert trinn. Brev, "
        "e-post og sandkassen gir ingen leveringskvittering: det vi har levert fra oss, telles som levert begge "
        "steder.",
        "nn": "Tabellen tel meldingar i kvar tilstand; trakta tel bedrifter som har nådd kvart trinn. Brev, "
        "e-post og sandkassa gir inga leveringskvittering: det vi har levert frå oss, blir talt som levert begge "
        "stader.",
        "en": "The table counts messages in each state; the funnel counts companies that have reached each stage. "
        "Letters, e-mail and the sandbox give no delivery receipt: what we have handed over counts as delivered "
        "in both.",
    },
    "admin_messages_made_at_launch": {
        "nb": "Meldingene lages når kampanjen startes.",
        "nn": "Meldingane blir laga når kampanjen blir starta.",
        "en": "The messages are made when the campaign is launched.",
    },
    # A campaign's page
    "admin_owned_by": {"nb": "Eies av", "nn": "Eigd av", "en": "Owned by"},
    "admin_owned_with": {"nb": "med {names}", "nn": "med {names}", "en": "with {names}"},
    "admin_kind_voksen": {"nb": "voksne lærlinger", "nn": "vaksne lærlingar", "en": "adult apprentices"},
    "admin_kind_apprenticeships": {"nb": "læreplasser", "nn": "læreplassar", "en": "apprenticeships"},
    "admin_leads_go_to_owner": {
        "nb": "leads går til eierne",
        "nn": "leads går til eigarane",
        "en": "leads go to the owners",
    },
    "admin_leads_go_to_owner_then_county": {
        "nb": "leads går til eierne, og til fylkets jegere etter {days} arbeidsdager",
        "nn": "leads går til eigarane, og til jegerane i fylket etter {days} arbeidsdagar",
        "en": "leads go to the owners, and to the county's hunters after {days} working days",
    },
    "admin_leads_go_to_county": {
        "nb": "leads går til fylkets jegere",
        "nn": "leads går til jegerane i fylket",
        "en": "leads go to the county's hunters",
    },
    "admin_owners_ask_launch": {
        "nb": "Eierne ber om start",
        "nn": "Eigarane ber om start",
        "en": "The owners ask for launch",
    },
    "admin_owners_ask_launch_hint": {
        "nb": "Se over forhåndsvisningen; når du starter kampanjen, er det godkjenningen.",
        "nn": "Sjå over førehandsvisinga; når du startar kampanjen, er det godkjenninga.",
        "en": "Look over the preview; launching the campaign is the approval.",
    },
    "admin_campaign_is_paused": {
        "nb": "Kampanjen står på pause.",
        "nn": "Kampanjen står på pause.",
        "en": "The campaign is paused.",
    },
    "admin_preview_and_test": {
        "nb": "Forhåndsvis og test",
        "nn": "Førehandsvis og test",
        "en": "Preview and test",
    },
    "admin_preview": {"nb": "Forhåndsvisning", "nn": "Førehandsvising", "en": "Preview"},
    "admin_launch_dots": {
        "nb": "Start kampanjen …",
        "nn": "Start kampanjen …",
        "en": "Launch the campaign …",
    },
    "admin_pause_dots": {"nb": "Sett på pause …", "nn": "Set på pause …", "en": "Pause …"},
    "admin_resume_dots": {"nb": "Fortsett …", "nn": "Hald fram …", "en": "Resume …"},
    "admin_cancel_dots": {"nb": "Avbryt …", "nn": "Avbryt …", "en": "Cancel …"},
    "admin_see_letter": {"nb": "Se brevet (PDF)", "nn": "Sjå brevet (PDF)", "en": "See the letter (PDF)"},
    "admin_delivery_report": {"nb": "Leveranserapport", "nn": "Leveranserapport", "en": "Delivery report"},
    "admin_outcome_report": {"nb": "Resultatrapport", "nn": "Resultatrapport", "en": "Outcome report"},
    "admin_info_meetings": {
        "nb": "Informasjonsmøter",
        "nn": "Informasjonsmøte",
        "en": "Information meetings",
    },
    "admin_copy_as_new": {"nb": "Kopier som ny", "nn": "Kopier som ny", "en": "Copy as new"},
    "admin_funnel_so_far": {"nb": "Trakten så langt", "nn": "Trakta så langt", "en": "The funnel so far"},
    "admin_funnel_targeted": {"nb": "Målgruppe", "nn": "Målgruppe", "en": "Audience"},
    "admin_funnel_sent": {"nb": "Sendt", "nn": "Sendt", "en": "Sent"},
    "admin_funnel_delivered": {"nb": "Levert", "nn": "Levert", "en": "Delivered"},
    "admin_funnel_replied": {"nb": "Svarte", "nn": "Svara", "en": "Replied"},
    "admin_funnel_interested": {"nb": "Interessert", "nn": "Interessert", "en": "Interested"},
    "admin_funnel_claimed": {"nb": "Tatt av jeger", "nn": "Teken av jeger", "en": "Taken by a hunter"},
    "admin_funnel_became": {
        "nb": "Ble lærebedrift",
        "nn": "Vart lærebedrift",
        "en": "Became a training company",
    },
    "admin_setup": {"nb": "Oppsett", "nn": "Oppsett", "en": "Setup"},
    "admin_or_company_language": {
        "nb": "(eller bedriftens målform)",
        "nn": "(eller målforma til bedrifta)",
        "en": "(or the company's written standard)",
    },
    "admin_send_window": {"nb": "Sendevindu", "nn": "Sendevindauge", "en": "Sending window"},
    "admin_window_hours": {"nb": "kl. {start}–{end}", "nn": "kl. {start}–{end}", "en": "{start}–{end}"},
    "admin_not_holidays": {
        "nb": "ikke helligdager",
        "nn": "ikkje heilagdagar",
        "en": "not on public holidays",
    },
    "admin_counties": {"nb": "Fylker", "nn": "Fylke", "en": "Counties"},
    "admin_all_counties": {"nb": "alle", "nn": "alle", "en": "all"},
    "admin_nace_codes": {"nb": "Næringskoder", "nn": "Næringskodar", "en": "Industry codes"},
    "admin_employees": {"nb": "Ansatte", "nn": "Tilsette", "en": "Employees"},
    "admin_download_campaign_file": {
        "nb": "Last ned kampanjefilen",
        "nn": "Last ned kampanjefila",
        "en": "Download the campaign file",
    },
    "admin_system_messages": {
        "nb": "Meldinger fra systemet",
        "nn": "Meldingar frå systemet",
        "en": "Messages from the system",
    },
    # Confirming a state change
    "admin_action_launch": {"nb": "Start kampanjen", "nn": "Start kampanjen", "en": "Launch the campaign"},
    "admin_action_pause": {"nb": "Sett på pause", "nn": "Set på pause", "en": "Pause"},
    "admin_action_resume": {"nb": "Fortsett", "nn": "Hald fram", "en": "Resume"},
    "admin_action_cancel": {"nb": "Avbryt kampanjen", "nn": "Avbryt kampanjen", "en": "Cancel the campaign"},
    "admin_action_done_launch": {
        "nb": "«{name}» er startet.",
        "nn": "«{name}» er starta.",
        "en": "“{name}” is launched.",
    },
    "admin_action_done_pause": {
        "nb": "«{name}» er satt på pause.",
        "nn": "«{name}» er sett på pause.",
        "en": "“{name}” is paused.",
    },
    "admin_action_done_resume": {
        "nb": "«{name}» fortsetter.",
        "nn": "«{name}» held fram.",
        "en": "“{name}” is resuming.",
    },
    "admin_action_done_cancel": {
        "nb": "«{name}» er avbrutt.",
        "nn": "«{name}» er avbroten.",
        "en": "“{name}” is cancelled.",
    },
    "admin_warning_flash": {
        "nb": "Advarsel: {warning}",
        "nn": "Åtvaring: {warning}",
        "en": "Warning: {warning}",
    },
    "admin_cannot_launch": {
        "nb": "Kan ikke startes:",
        "nn": "Kan ikkje startast:",
        "en": "Cannot be launched:",
    },
    "admin_warning": {"nb": "Advarsel:", "nn": "Åtvaring:", "en": "Warning:"},
    "admin_confirm_launch": {
        "nb": "«{name}» starter nå. Meldingene lages med en gang og sendes innenfor sendevinduet. Har du sett over "
        "forhåndsvisningen og sendt en test til deg selv?",
        "nn": "«{name}» startar no. Meldingane blir laga med ein gong og sende innanfor sendevindauget. Har du sett "
        "over førehandsvisinga og sendt ein test til deg sjølv?",
        "en": "“{name}” launches now. The messages are made at once and sent within the sending window. Have you "
        "looked over the preview and sent a test to yourself?",
    },
    "admin_confirm_pause": {
        "nb": "Utsendingen stopper i løpet av få sekunder. Ingenting går tapt: når du fortsetter, sendes resten, og "
        "ingen får samme melding to ganger.",
        "nn": "Utsendinga stoppar i løpet av få sekund. Ingenting går tapt: når du held fram, blir resten sendt, og "
        "ingen får same melding to gonger.",
        "en": "Sending stops within a few seconds. Nothing is lost: when you resume, the rest is sent, and nobody "
        "gets the same message twice.",
    },
    "admin_confirm_resume": {
        "nb": "Utsendingen fortsetter der den stoppet. Det som allerede er sendt, sendes ikke igjen.",
        "nn": "Utsendinga held fram der ho stoppa. Det som alt er sendt, blir ikkje sendt igjen.",
        "en": "Sending resumes where it stopped. What has already been sent is not sent again.",
    },
    "admin_confirm_resume_reason": {
        "nb": "Kampanjen ble satt på pause fordi: {reason}",
        "nn": "Kampanjen vart sett på pause fordi: {reason}",
        "en": "The campaign was paused because: {reason}",
    },
    "admin_cannot_be_undone": {
        "nb": "Dette kan ikke angres.",
        "nn": "Dette kan ikkje angrast.",
        "en": "This cannot be undone.",
    },
    "admin_confirm_cancel_one": {
        "nb": "Alt som ikke er sendt ennå ({count} melding), blir markert som avbrutt. Svar som kommer inn, blir "
        "fortsatt tatt imot.",
        "nn": "Alt som ikkje er sendt enno ({count} melding), blir merkt som avbrote. Svar som kjem inn, blir "
        "framleis tekne imot.",
        "en": "Everything not yet sent ({count} message) is marked as cancelled. Replies that come in are still "
        "received.",
    },
    "admin_confirm_cancel_other": {
        "nb": "Alt som ikke er sendt ennå ({count} meldinger), blir markert som avbrutt. Svar som kommer inn, blir "
        "fortsatt tatt imot.",
        "nn": "Alt som ikkje er sendt enno ({count} meldingar), blir merkt som avbrote. Svar som kjem inn, blir "
        "framleis tekne imot.",
        "en": "Everything not yet sent ({count} messages) is marked as cancelled. Replies that come in are still "
        "received.",
    },
    "admin_yes_action": {"nb": "Ja, {action}", "nn": "Ja, {action}", "en": "Yes, {action}"},
    "admin_no_go_back": {"nb": "Nei, gå tilbake", "nn": "Nei, gå tilbake", "en": "No, go back"},
    "admin_unknown_action": {"nb": "Ukjent handling.", "nn": "Ukjend handling.", "en": "Unknown action."},
    "admin_no_such_campaign": {
        "nb": "Fant ingen kampanje med det nummeret.",
        "nn": "Fann ingen kampanje med det nummeret.",
        "en": "No campaign has that number.",
    },
    # The outcome report
    "admin_outcomes_by_trade_county": {
        "nb": "Per fag og fylke",
        "nn": "Per fag og fylke",
        "en": "By trade and county",
    },
    "admin_outcomes_excel_has_municipality": {
        "nb": "(Excel-filen har også fag og kommune)",
        "nn": "(Excel-fila har også fag og kommune)",
        "en": "(the Excel file also has trade and municipality)",
    },
    "admin_outcomes_explained": {
        "nb": "Tallene teller bedrifter; en bedrift som kan lære opp i to fag, står under begge. Registreringer, "
        "læreplasser og leads teller registreringene.",
        "nn": "Tala tel bedrifter; ei bedrift som kan lære opp i to fag, står under begge. Registreringar, "
        "læreplassar og leads tel registreringane.",
        "en": "The figures count companies; a company that can train in two trades is counted under both. "
        "Registrations, apprenticeships and leads count the registrations.",
    },
    "admin_whole_campaign": {"nb": "Hele kampanjen", "nn": "Heile kampanjen", "en": "The whole campaign"},
    "admin_col_trade": {"nb": "Fag", "nn": "Fag", "en": "Trade"},
    "admin_col_county": {"nb": "Fylke", "nn": "Fylke", "en": "County"},
    "admin_measure_audience": {"nb": "Målgruppe", "nn": "Målgruppe", "en": "Audience"},
    "admin_measure_reached": {"nb": "Nådd", "nn": "Nådd", "en": "Reached"},
    "admin_measure_replied": {"nb": "Svarte", "nn": "Svara", "en": "Replied"},
    "admin_measure_interested": {"nb": "Interessert", "nn": "Interessert", "en": "Interested"},
    "admin_measure_registrations": {"nb": "Registreringer", "nn": "Registreringar", "en": "Registrations"},
    "admin_measure_places": {
        "nb": "Læreplasser tilbudt",
        "nn": "Læreplassar tilbydde",
        "en": "Apprenticeships offered",
    },
    "admin_measure_adult_places": {
        "nb": "Av dem for voksne",
        "nn": "Av dei for vaksne",
        "en": "Of them for adults",
    },
    "admin_measure_claimed": {"nb": "Leads tatt", "nn": "Leads tekne", "en": "Leads taken"},
    "admin_measure_became": {
        "nb": "Ble lærebedrift",
        "nn": "Vart lærebedrift",
        "en": "Became a training company",
    },
    "admin_outcomes_none_yet": {
        "nb": "Kampanjen har ikke nådd noen bedrifter ennå.",
        "nn": "Kampanjen har ikkje nådd nokon bedrifter enno.",
        "en": "The campaign has not reached any companies yet.",
    },
    # The delivery report
    "admin_report_times": {
        "nb": "Tider i norsk tid.",
        "nn": "Tider i norsk tid.",
        "en": "Times in Norway time.",
    },
    "admin_report_rows_one": {"nb": "{count} rad.", "nn": "{count} rad.", "en": "{count} row."},
    "admin_report_rows_other": {"nb": "{count} rader.", "nn": "{count} rader.", "en": "{count} rows."},
    "admin_report_rows_at_a_time_one": {
        "nb": "Tabellen viser {count} rad om gangen, CSV-filen har alle.",
        "nn": "Tabellen viser {count} rad om gongen, CSV-fila har alle.",
        "en": "The table shows {count} row at a time, the CSV file has them all.",
    },
    "admin_report_rows_at_a_time_other": {
        "nb": "Tabellen viser {count} rader om gangen, CSV-filen har alle.",
        "nn": "Tabellen viser {count} rader om gongen, CSV-fila har alle.",
        "en": "The table shows {count} rows at a time, the CSV file has them all.",
    },
    "admin_report_col_message_id": {"nb": "Nr.", "nn": "Nr.", "en": "No."},
    "admin_report_col_step": {"nb": "Steg", "nn": "Steg", "en": "Step"},
    "admin_report_col_orgnr": {"nb": "Orgnr", "nn": "Orgnr", "en": "Org. no."},
    "admin_report_col_company": {"nb": "Bedrift", "nn": "Bedrift", "en": "Company"},
    "admin_report_col_channel": {"nb": "Kanal", "nn": "Kanal", "en": "Channel"},
    "admin_report_col_address": {"nb": "Adresse", "nn": "Adresse", "en": "Address"},
    "admin_report_col_state": {"nb": "Tilstand", "nn": "Tilstand", "en": "State"},
    "admin_report_col_wait_reason": {"nb": "Venter på", "nn": "Ventar på", "en": "Waiting for"},
    "admin_report_col_due_at": {
        "nb": "Sendes tidligst",
        "nn": "Blir sendt tidlegast",
        "en": "Sent at the earliest",
    },
    "admin_report_col_error_code": {"nb": "Feilkode", "nn": "Feilkode", "en": "Error code"},
    "admin_report_col_error": {"nb": "Feil", "nn": "Feil", "en": "Error"},
    "admin_report_col_created_at": {"nb": "Laget", "nn": "Laga", "en": "Made"},
    "admin_report_col_sent_at": {"nb": "Sendt", "nn": "Sendt", "en": "Sent"},
    "admin_report_col_delivered_at": {"nb": "Levert", "nn": "Levert", "en": "Delivered"},
    "admin_report_col_state_changed_at": {"nb": "Sist endret", "nn": "Sist endra", "en": "Last changed"},
    "admin_nothing_sent_yet": {
        "nb": "Ingenting er sendt ennå.",
        "nn": "Ingenting er sendt enno.",
        "en": "Nothing has been sent yet.",
    },
    # Meetings and attendees
    "admin_no_meeting_steps": {
        "nb": "Ingen steg i denne kampanjen inviterer til et møte.",
        "nn": "Ingen steg i denne kampanjen inviterer til eit møte.",
        "en": "No step of this campaign invites to a meeting.",
    },
    "admin_meeting_cancelled": {"nb": "Avlyst", "nn": "Avlyst", "en": "Cancelled"},
    "admin_meeting_room_for_one": {
        "nb": "plass til {count} bedrift",
        "nn": "plass til {count} bedrift",
        "en": "room for {count} company",
    },
    "admin_meeting_room_for_other": {
        "nb": "plass til {count} bedrifter",
        "nn": "plass til {count} bedrifter",
        "en": "room for {count} companies",
    },
    "admin_meeting_answers": {
        "nb": "{attending} påmeldt, {waiting} på venteliste, {declined} kommer ikke.",
        "nn": "{attending} påmelde, {waiting} på venteliste, {declined} kjem ikkje.",
        "en": "{attending} attending, {waiting} on the waiting list, {declined} not coming.",
    },
    "admin_meeting_change_or_cancel": {
        "nb": "Endre eller avlys møtet (alle som sa ja, får beskjed)",
        "nn": "Endre eller avlys møtet (alle som sa ja, får melding)",
        "en": "Change or cancel the meeting (everyone who said yes is told)",
    },
    "admin_meeting_title": {"nb": "Tittel", "nn": "Tittel", "en": "Title"},
    "admin_meeting_starts": {
        "nb": "Starter (norsk tid)",
        "nn": "Startar (norsk tid)",
        "en": "Starts (Norway time)",
    },
    "admin_meeting_ends": {
        "nb": "Slutter (norsk tid)",
        "nn": "Sluttar (norsk tid)",
        "en": "Ends (Norway time)",
    },
    "admin_meeting_place": {"nb": "Sted", "nn": "Stad", "en": "Place"},
    "admin_meeting_capacity": {
        "nb": "Plasser (bedrifter)",
        "nn": "Plassar (bedrifter)",
        "en": "Places (companies)",
    },
    "admin_meeting_save_change": {"nb": "Lagre endringen", "nn": "Lagre endringa", "en": "Save the change"},
    "admin_meeting_cancel": {"nb": "Avlys møtet", "nn": "Avlys møtet", "en": "Cancel the meeting"},
    "admin_meeting_changed": {
        "nb": "Møtet er endret; {told} bedrifter som sa ja, får beskjed.",
        "nn": "Møtet er endra; {told} bedrifter som sa ja, får melding.",
        "en": "The meeting is changed; {told} companies that said yes are told.",
    },
    "admin_meeting_was_cancelled": {
        "nb": "Møtet er avlyst; {told} bedrifter som sa ja, får beskjed.",
        "nn": "Møtet er avlyst; {told} bedrifter som sa ja, får melding.",
        "en": "The meeting is cancelled; {told} companies that said yes are told.",
    },
    "admin_meeting_not_found": {
        "nb": "Fant ikke møtet i denne kampanjen.",
        "nn": "Fann ikkje møtet i denne kampanjen.",
        "en": "The meeting is not in this campaign.",
    },
    "admin_col_meeting": {"nb": "Møte", "nn": "Møte", "en": "Meeting"},
    "admin_col_orgnr": {"nb": "Org.nr.", "nn": "Org.nr.", "en": "Org. no."},
    "admin_col_company": {"nb": "Bedrift", "nn": "Bedrift", "en": "Company"},
    "admin_col_answer": {"nb": "Svar", "nn": "Svar", "en": "Answer"},
    "admin_col_people": {"nb": "Personer", "nn": "Personar", "en": "People"},
    "admin_col_answered": {
        "nb": "Svarte (norsk tid)",
        "nn": "Svara (norsk tid)",
        "en": "Answered (Norway time)",
    },
    "admin_col_via": {"nb": "Via", "nn": "Via", "en": "Via"},
    # Messages from the campaign routes
    "admin_no_such_step": {
        "nb": "Kampanjen har ikke noe steg som heter «{step}». Stegene er {names}.",
        "nn": "Kampanjen har ikkje noko steg som heiter «{step}». Stega er {names}.",
        "en": "The campaign has no step called “{step}”. The steps are {names}.",
    },
    "admin_not_an_orgnr": {
        "nb": "«{orgnr}» er ikke et organisasjonsnummer (ni siffer).",
        "nn": "«{orgnr}» er ikkje eit organisasjonsnummer (ni siffer).",
        "en": "“{orgnr}” is not an organisation number (nine digits).",
    },
    "admin_test_not_sent": {
        "nb": "Testen ble ikke sendt: {reason}",
        "nn": "Testen vart ikkje sendt: {reason}",
        "en": "The test was not sent: {reason}",
    },
    "admin_test_queued_one": {
        "nb": "{count} testmelding er lagt i køen til {to}.",
        "nn": "{count} testmelding er lagd i køen til {to}.",
        "en": "{count} test message is queued for {to}.",
    },
    "admin_test_queued_other": {
        "nb": "{count} testmeldinger er lagt i køen til {to}.",
        "nn": "{count} testmeldingar er lagde i køen til {to}.",
        "en": "{count} test messages are queued for {to}.",
    },
    "admin_campaign_saved_as_draft": {
        "nb": "Kampanjen er lagret som utkast. Se over forhåndsvisningen før du starter den.",
        "nn": "Kampanjen er lagra som utkast. Sjå over førehandsvisinga før du startar han.",
        "en": "The campaign is saved as a draft. Look over the preview before you launch it.",
    },
    "admin_choose_toml": {
        "nb": "Velg en TOML-fil eller lim inn innholdet.",
        "nn": "Vel ei TOML-fil eller lim inn innhaldet.",
        "en": "Choose a TOML file or paste its contents.",
    },
    "admin_toml_too_large": {
        "nb": "Filen er for stor til å være en kampanjefil.",
        "nn": "Fila er for stor til å vere ei kampanjefil.",
        "en": "The file is too large to be a campaign file.",
    },
    "admin_copy_of": {"nb": "Kopi av {name}", "nn": "Kopi av {name}", "en": "Copy of {name}"},
    "admin_copy_as_file": {
        "nb": "Kopien vises som kampanjefil, fordi skjemaet ikke har felt for {keys}.",
        "nn": "Kopien blir vist som kampanjefil, fordi skjemaet ikkje har felt for {keys}.",
        "en": "The copy is shown as a campaign file, because the form has no fields for {keys}.",
    },
    "admin_copy_upload_lists_again": {
        "nb": "Last opp listene filen viser til på nytt.",
        "nn": "Last opp listene fila viser til på nytt.",
        "en": "Upload the lists the file refers to again.",
    },
    # The campaign form
    "admin_campaign_not_saved": {
        "nb": "Kampanjen ble ikke lagret.",
        "nn": "Kampanjen vart ikkje lagra.",
        "en": "The campaign was not saved.",
    },
    "admin_fix_and_retry": {
        "nb": "Rett opp dette og prøv igjen:",
        "nn": "Rett opp dette og prøv igjen:",
        "en": "Fix this and try again:",
    },
    "admin_form_how": {"nb": "Hvordan", "nn": "Korleis", "en": "How"},
    "admin_form_fill_in": {"nb": "Fyll ut skjema", "nn": "Fyll ut skjema", "en": "Fill in the form"},
    "admin_form_upload_toml": {
        "nb": "Last opp kampanjefil (TOML)",
        "nn": "Last opp kampanjefil (TOML)",
        "en": "Upload a campaign file (TOML)",
    },
    "admin_form_campaign_file": {"nb": "Kampanjefil", "nn": "Kampanjefil", "en": "Campaign file"},
    "admin_form_or_paste": {
        "nb": "… eller lim inn innholdet",
        "nn": "… eller lim inn innhaldet",
        "en": "… or paste its contents",
    },
    "admin_form_lists": {
        "nb": "Lister filen viser til med",
        "nn": "Lister fila viser til med",
        "en": "Lists the file refers to with",
    },
    "admin_form_optional_several": {
        "nb": "(valgfritt, flere kan velges)",
        "nn": "(valfritt, fleire kan veljast)",
        "en": "(optional, several can be chosen)",
    },
    "admin_form_same_format": {"nb": "Samme format som", "nn": "Same format som", "en": "The same format as"},
    "admin_form_saved_as_draft_hint": {
        "nb": "Kampanjen lagres som utkast; ingenting sendes før du starter den.",
        "nn": "Kampanjen blir lagra som utkast; ingenting blir sendt før du startar han.",
        "en": "The campaign is saved as a draft; nothing is sent before you launch it.",
    },
    "admin_form_save_draft": {"nb": "Lagre utkast", "nn": "Lagre utkast", "en": "Save draft"},
    "admin_form_the_campaign": {"nb": "Kampanjen", "nn": "Kampanjen", "en": "The campaign"},
    "admin_form_name": {"nb": "Navn", "nn": "Namn", "en": "Name"},
    "admin_form_name_example": {
        "nb": "Læreplassjeger sommer 2027 – Troms og Finnmark",
        "nn": "Læreplassjeger sommar 2027 – Troms og Finnmark",
        "en": "Læreplassjeger summer 2027 – Troms and Finnmark",
    },
    "admin_form_fixed_language": {
        "nb": "Alle får dette språket",
        "nn": "Alle får dette språket",
        "en": "Everyone gets this language",
    },
    "admin_form_fixed_language_hint": {
        "nb": "Ellers får hver bedrift sin egen målform fra registeret.",
        "nn": "Elles får kvar bedrift si eiga målform frå registeret.",
        "en": "Otherwise each company gets its own written standard from the register.",
    },
    "admin_form_sole_proprietors": {
        "nb": "Ta med enkeltpersonforetak (ENK) i SMS og e-post",
        "nn": "Ta med enkeltpersonføretak (ENK) i SMS og e-post",
        "en": "Include sole proprietorships (ENK) in SMS and e-mail",
    },
    "admin_form_sole_proprietors_hint": {
        "nb": "Markedsføringsloven § 15: enkeltpersonforetak får bare brev, med mindre du krysser av her.",
        "nn": "Marknadsføringslova § 15: enkeltpersonføretak får berre brev, med mindre du kryssar av her.",
        "en": "Marketing Control Act § 15: sole proprietorships only get letters, unless you tick this.",
    },
    "admin_form_who": {"nb": "Hvem", "nn": "Kven", "en": "Who"},
    "admin_form_nace": {
        "nb": "Næringskoder (begynnelsen)",
        "nn": "Næringskodar (byrjinga)",
        "en": "Industry codes (the beginning)",
    },
    "admin_form_nace_hint": {
        "nb": "Kommaseparert. Tomt betyr alle næringer.",
        "nn": "Kommaseparert. Tomt betyr alle næringar.",
        "en": "Comma-separated. Empty means every industry.",
    },
    "admin_form_employees_from": {"nb": "Ansatte fra", "nn": "Tilsette frå", "en": "Employees from"},
    "admin_form_employees_to": {"nb": "Ansatte til", "nn": "Tilsette til", "en": "Employees to"},
    "admin_form_leave_out": {"nb": "Utelat bedrifter", "nn": "Utelat bedrifter", "en": "Leave out companies"},
    "admin_exclude_opted_out": {
        "nb": "som har sagt STOPP (utelates alltid)",
        "nn": "som har sagt STOPP (blir alltid utelatne)",
        "en": "that have said STOP (always left out)",
    },
    "admin_exclude_registered": {
        "nb": "som allerede har registrert interesse",
        "nn": "som alt har registrert interesse",
        "en": "that have already registered interest",
    },
    "admin_exclude_training_company": {
        "nb": "som allerede er lærebedrifter",
        "nn": "som alt er lærebedrifter",
        "en": "that already are training companies",
    },
    "admin_form_when": {"nb": "Når", "nn": "Når", "en": "When"},
    "admin_form_days": {"nb": "Dager", "nn": "Dagar", "en": "Days"},
    "admin_form_from_time": {"nb": "Fra kl.", "nn": "Frå kl.", "en": "From"},
    "admin_form_to_time": {"nb": "Til kl.", "nn": "Til kl.", "en": "Until"},
    "admin_form_skip_holidays": {
        "nb": "Ikke på helligdager",
        "nn": "Ikkje på heilagdagar",
        "en": "Not on public holidays",
    },
    "admin_form_window_hint": {
        "nb": "Norsk tid. Det som ikke blir sendt før vinduet stenger, venter til det åpner igjen.",
        "nn": "Norsk tid. Det som ikkje blir sendt før vindauget stengjer, ventar til det opnar igjen.",
        "en": "Norway time. What is not sent before the window closes waits until it opens again.",
    },
    "admin_form_rate": {
        "nb": "{channel} per sekund",
        "nn": "{channel} per sekund",
        "en": "{channel} per second",
    },
    "admin_channel_email": {"nb": "E-post", "nn": "E-post", "en": "E-mail"},
    "admin_form_step": {"nb": "Steg {number}", "nn": "Steg {number}", "en": "Step {number}"},
    # Step names are the campaign's own words (in its files and reports): examples, not labels.
    "admin_form_step_name_example_0": {"nb": "brev", "nn": "brev", "en": "letter"},
    "admin_form_step_name_example_1": {"nb": "sms", "nn": "sms", "en": "sms"},
    "admin_form_step_name_example_2": {"nb": "paaminnelse", "nn": "paaminning", "en": "reminder"},
    "admin_form_step_name_example_3": {"nb": "siste", "nn": "siste", "en": "last"},
    "admin_form_optional": {"nb": "(valgfritt)", "nn": "(valfritt)", "en": "(optional)"},
    "admin_form_channel_letter": {
        "nb": "Brev (e-post der bedriften har det, ellers papir)",
        "nn": "Brev (e-post der bedrifta har det, elles papir)",
        "en": "Letter (e-mail where the company has it, otherwise paper)",
    },
    "admin_form_channel_email": {"nb": "E-post", "nn": "E-post", "en": "E-mail"},
    "admin_form_channel_sms": {"nb": "SMS", "nn": "SMS", "en": "SMS"},
    "admin_form_channel_telegram": {"nb": "Telegram", "nn": "Telegram", "en": "Telegram"},
    "admin_form_template": {"nb": "Mal", "nn": "Mal", "en": "Template"},
    "admin_form_at": {"nb": "Tidspunkt", "nn": "Tidspunkt", "en": "Time"},
    "admin_form_after_days": {
        "nb": "Dager etter forrige steg",
        "nn": "Dagar etter førre steg",
        "en": "Days after the previous step",
    },
    "admin_form_only": {"nb": "Til", "nn": "Til", "en": "To"},
    "admin_form_save_and_preview": {
        "nb": "Lagre utkast og forhåndsvis",
        "nn": "Lagre utkast og førehandsvis",
        "en": "Save draft and preview",
    },
    "admin_form_nothing_sent_before_launch": {
        "nb": "Ingenting sendes før du starter kampanjen.",
        "nn": "Ingenting blir sendt før du startar kampanjen.",
        "en": "Nothing is sent before you launch the campaign.",
    },
    "admin_form_the_file_it_makes": {
        "nb": "Kampanjefilen skjemaet lager",
        "nn": "Kampanjefila skjemaet lagar",
        "en": "The campaign file the form makes",
    },
    # The preview
    "admin_preview_problems": {
        "nb": "Kampanjen kan ikke startes før dette er rettet:",
        "nn": "Kampanjen kan ikkje startast før dette er retta:",
        "en": "The campaign cannot be launched until this is fixed:",
    },
    "admin_preview_refuses_live": {
        "nb": "Kampanjen kan ikke startes på ekte kanaler før dette er rettet:",
        "nn": "Kampanjen kan ikkje startast på ekte kanalar før dette er retta:",
        "en": "The campaign cannot be launched on real channels until this is fixed:",
    },
    "admin_preview_companies_in_audience": {
        "nb": "bedrifter i målgruppen",
        "nn": "bedrifter i målgruppa",
        "en": "companies in the audience",
    },
    "admin_preview_segments_in": {
        "nb": "SMS-segmenter i «{step}»",
        "nn": "SMS-segment i «{step}»",
        "en": "SMS segments in “{step}”",
    },
    "admin_kroner": {"nb": "{amount} kr", "nn": "{amount} kr", "en": "NOK {amount}"},
    "admin_preview_sms_cost": {
        "nb": "anslått SMS-kostnad ({price} kr per segment)",
        "nn": "venta SMS-kostnad ({price} kr per segment)",
        "en": "estimated SMS cost (NOK {price} per segment)",
    },
    "admin_preview_outside_by_rules": {
        "nb": "Utenfor målgruppen etter kampanjens egne regler:",
        "nn": "Utanfor målgruppa etter reglane til kampanjen:",
        "en": "Outside the audience by the campaign's own rules:",
    },
    "admin_preview_audience_explained": {
        "nb": "Målgruppen er alle bedrifter kampanjen velger ut (fylke, bransje, størrelse). Hvert steg når bare "
        "dem som kan få meldingen på stegets kanal; under hvert steg står hvorfor resten ikke er mottakere.",
        "nn": "Målgruppa er alle bedrifter kampanjen vel ut (fylke, bransje, storleik). Kvart steg når berre dei "
        "som kan få meldinga på kanalen til steget; under kvart steg står kvifor resten ikkje er mottakarar.",
        "en": "The audience is every company the campaign selects (county, industry, size). Each step reaches only "
        "those who can get the message on the step's channel; under each step it says why the rest are not "
        "recipients.",
    },
    "admin_preview_show_for_orgnr": {
        "nb": "Vis for organisasjonsnummer",
        "nn": "Vis for organisasjonsnummer",
        "en": "Show for organisation number",
    },
    "admin_preview_random_companies": {
        "nb": "Tilfeldige bedrifter",
        "nn": "Tilfeldige bedrifter",
        "en": "Random companies",
    },
    "admin_preview_all_steps": {"nb": "Alle steg", "nn": "Alle steg", "en": "All steps"},
    "admin_preview_step_heading": {
        "nb": "Steg «{step}»: {channel}",
        "nn": "Steg «{step}»: {channel}",
        "en": "Step “{step}”: {channel}",
    },
    "admin_preview_recipients_one": {
        "nb": "{count} mottaker",
        "nn": "{count} mottakar",
        "en": "{count} recipient",
    },
    "admin_preview_recipients_other": {
        "nb": "{count} mottakere",
        "nn": "{count} mottakarar",
        "en": "{count} recipients",
    },
    "admin_preview_get_this_step": {
        "nb": "bedrifter i målgruppen får dette steget.",
        "nn": "bedrifter i målgruppa får dette steget.",
        "en": "companies in the audience get this step.",
    },
    "admin_preview_letter_split": {
        "nb": "Av dem får {email} brevet som e-post og {paper} på papir i posten (de har ingen e-postadresse vi "
        "kan bruke).",
        "nn": "Av dei får {email} brevet som e-post og {paper} på papir i posten (dei har inga e-postadresse vi "
        "kan bruke).",
        "en": "Of them, {email} get the letter by e-mail and {paper} on paper by post (they have no e-mail address "
        "we can use).",
    },
    "admin_preview_not_recipients": {
        "nb": "Ikke mottakere:",
        "nn": "Ikkje mottakarar:",
        "en": "Not recipients:",
    },
    "admin_preview_letter_pdf": {
        "nb": "Se brevet slik det skrives ut (PDF)",
        "nn": "Sjå brevet slik det blir skrive ut (PDF)",
        "en": "See the letter as it is printed (PDF)",
    },
    "admin_preview_letter_pdf_first_three": {
        "nb": "Se brevet slik det skrives ut (PDF, de tre første bedriftene)",
        "nn": "Sjå brevet slik det blir skrive ut (PDF, dei tre første bedriftene)",
        "en": "See the letter as it is printed (PDF, the first three companies)",
    },
    "admin_preview_no_message_to": {
        "nb": "Fant ingen melding til {orgnr} i dette steget.",
        "nn": "Fann inga melding til {orgnr} i dette steget.",
        "en": "Found no message to {orgnr} in this step.",
    },
    "admin_preview_encoding": {"nb": "Koding:", "nn": "Koding:", "en": "Encoding:"},
    "admin_preview_segments_total": {
        "nb": "{count} segmenter totalt",
        "nn": "{count} segment totalt",
        "en": "{count} segments in all",
    },
    "admin_preview_about_kroner": {
        "nb": "ca. {amount} kr",
        "nn": "ca. {amount} kr",
        "en": "about NOK {amount}",
    },
    "admin_preview_segments_one": {"nb": "{count} segment", "nn": "{count} segment", "en": "{count} segment"},
    "admin_preview_segments_other": {
        "nb": "{count} segmenter",
        "nn": "{count} segment",
        "en": "{count} segments",
    },
    "admin_preview_subject": {"nb": "Emne:", "nn": "Emne:", "en": "Subject:"},
    "admin_preview_letter_to": {
        "nb": "Brev til {company}",
        "nn": "Brev til {company}",
        "en": "Letter to {company}",
    },
    "admin_preview_no_recipients": {
        "nb": "Ingen mottakere å vise.",
        "nn": "Ingen mottakarar å vise.",
        "en": "No recipients to show.",
    },
    "admin_preview_send_test": {
        "nb": "Send en test til deg selv",
        "nn": "Send ein test til deg sjølv",
        "en": "Send a test to yourself",
    },
    "admin_preview_test_to": {
        "nb": "Mobilnummer eller e-post",
        "nn": "Mobilnummer eller e-post",
        "en": "Mobile number or e-mail",
    },
    "admin_preview_test_hint": {
        "nb": "SMS-steg trenger et mobilnummer, brev og e-post en e-postadresse. Testen fylles med eksempeldata og "
        "merkes [TEST]; uten leverandøroppsett havner den i sandkassen.",
        "nn": "SMS-steg treng eit mobilnummer, brev og e-post ei e-postadresse. Testen blir fylt med eksempeldata "
        "og merkt [TEST]; utan leverandøroppsett hamnar han i sandkassa.",
        "en": "SMS steps need a mobile number, letters and e-mail an e-mail address. The test is filled with sample "
        "data and marked [TEST]; without provider settings it ends up in the sandbox.",
    },
    "admin_preview_send_test_button": {"nb": "Send test", "nn": "Send test", "en": "Send test"},
    # The campaign form's local and adult keys (PRODUCT §11)
    "admin_form_local": {
        "nb": "Lokal kampanje og voksne lærlinger (valgfritt)",
        "nn": "Lokal kampanje og vaksne lærlingar (valfritt)",
        "en": "Local campaign and adult apprentices (optional)",
    },
    "admin_form_kind": {"nb": "Hva kampanjen gjelder", "nn": "Kva kampanjen gjeld", "en": "What it is for"},
    "admin_form_owner": {"nb": "Eier", "nn": "Eigar", "en": "Owner"},
    "admin_form_owner_none": {
        "nb": "Ingen (fylkets jegere får bedriftene)",
        "nn": "Ingen (jegerane i fylket får bedriftene)",
        "en": "None (the county's hunters get the companies)",
    },
    "admin_form_owner_hint": {
        "nb": "En godkjent organisasjon, for eksempel NAV eller en skole. Eierens oppstart må godkjennes av staben.",
        "nn": "Ein godkjend organisasjon, til dømes NAV eller ein skule. Oppstarten til eigaren må godkjennast av staben.",
        "en": "An approved organisation, such as NAV or a school. An owner's launch waits for staff approval.",
    },
    "admin_form_co_owners": {"nb": "Medeiere", "nn": "Medeigarar", "en": "Co-owners"},
    "admin_form_co_owners_hint": {
        "nb": "De får også de interesserte bedriftene. Hold Ctrl (Cmd på Mac) for å velge flere.",
        "nn": "Dei får også dei interesserte bedriftene. Hald Ctrl (Cmd på Mac) for å velje fleire.",
        "en": "They get the interested companies too. Hold Ctrl (Cmd on a Mac) to choose several.",
    },
    "admin_form_route": {
        "nb": "Interesserte bedrifter går til",
        "nn": "Interesserte bedrifter går til",
        "en": "Interested companies go to",
    },
    "admin_form_route_owner": {"nb": "eierne", "nn": "eigarane", "en": "the owners"},
    "admin_form_route_owner_then_county": {
        "nb": "eierne, så fylkets jegere",
        "nn": "eigarane, så jegerane i fylket",
        "en": "the owners, then the county's hunters",
    },
    "admin_form_route_county": {
        "nb": "fylkets jegere",
        "nn": "jegerane i fylket",
        "en": "the county's hunters",
    },
    "admin_form_route_after_days": {
        "nb": "Arbeidsdager før fylkets jegere får dem",
        "nn": "Arbeidsdagar før jegerane i fylket får dei",
        "en": "Working days before the county's hunters get them",
    },
    "admin_form_report_weekly": {
        "nb": "Send resultatrapporten på e-post hver mandag (til eierne, ellers de fylkesansvarlige)",
        "nn": "Send resultatrapporten på e-post kvar måndag (til eigarane, elles dei fylkesansvarlege)",
        "en": "E-mail the outcome report every Monday (to the owners, else the county officers)",
    },
    "admin_form_municipalities": {"nb": "Kommunenumre", "nn": "Kommunenummer", "en": "Municipality numbers"},
    "admin_form_municipalities_hint": {
        "nb": "Kommaseparert, for eksempel 3107, 3105. Tomt betyr hele fylket.",
        "nn": "Kommaseparert, til dømes 3107, 3105. Tomt betyr heile fylket.",
        "en": "Comma-separated, e.g. 3107, 3105. Empty means the whole county.",
    },
    "admin_form_postcodes": {"nb": "Postnumre", "nn": "Postnummer", "en": "Postcodes"},
    "admin_form_postcodes_hint": {
        "nb": "Enkeltnumre eller intervaller, for eksempel 1630-1639, 1640.",
        "nn": "Einskilde nummer eller intervall, til dømes 1630-1639, 1640.",
        "en": "Single codes or ranges, e.g. 1630-1639, 1640.",
    },
    "admin_form_trades": {
        "nb": "Lærefag (bedrifter i næringer som lærer opp i dem)",
        "nn": "Lærefag (bedrifter i næringar som lærer opp i dei)",
        "en": "Trades (companies in the industries that train in them)",
    },
    "admin_form_trades_chosen": {
        "nb": "{count} valgt",
        "nn": "{count} valt",
        "en": "{count} chosen",
    },
    "admin_form_orgnr_list": {
        "nb": "Liste over organisasjonsnumre (CSV eller XLSX)",
        "nn": "Liste over organisasjonsnummer (CSV eller XLSX)",
        "en": "List of organisation numbers (CSV or XLSX)",
    },
    "admin_form_orgnr_list_hint": {
        "nb": "Bare bedriftene på lista får brev, for eksempel en industripark sine medlemmer.",
        "nn": "Berre bedriftene på lista får brev, til dømes medlemene i ein industripark.",
        "en": "Only the companies on the list are written to, such as an industrial park's members.",
    },
    "admin_form_orgnr_list_again": {
        "nb": "Last opp {file} på nytt.",
        "nn": "Last opp {file} på nytt.",
        "en": "Upload {file} again.",
    },
    "admin_form_exclude_contacted_days": {
        "nb": "Utelat bedrifter kontaktet de siste (dager)",
        "nn": "Utelat bedrifter kontakta dei siste (dagar)",
        "en": "Leave out companies contacted in the last (days)",
    },
    "admin_form_meeting": {
        "nb": "Inviter til informasjonsmøte (valgfritt)",
        "nn": "Inviter til informasjonsmøte (valfritt)",
        "en": "Invite to an information meeting (optional)",
    },
    "admin_form_meeting_hint": {
        "nb": "Bedriftene svarer JA eller NEI; de som sier ja, får påminnelse dagen før.",
        "nn": "Bedriftene svarar JA eller NEI; dei som seier ja, får påminning dagen før.",
        "en": "Companies answer YES or NO; those who say yes get a reminder the day before.",
    },
}
