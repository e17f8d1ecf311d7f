"""The dashboard's front page, results, users and sandbox. In the staff user's language; the bokmål is the
wording staff have always read (tests assert some of it)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    # The front page
    "admin_overview": {"nb": "Oversikt", "nn": "Oversikt", "en": "Overview"},
    "admin_good_day": {"nb": "God dag", "nn": "God dag", "en": "Good day"},
    "admin_good_day_name": {"nb": "God dag, {name}", "nn": "God dag, {name}", "en": "Good day, {name}"},
    "admin_needs_you_now": {"nb": "Trenger deg nå", "nn": "Treng deg no", "en": "Needs you now"},
    "admin_stat_inbox_open": {
        "nb": "spørsmål i innboksen venter på svar",
        "nn": "spørsmål i innboksen ventar på svar",
        "en": "questions in the inbox awaiting an answer",
    },
    "admin_stat_leads_flagged": {
        "nb": "leads uten jeger etter tre virkedager",
        "nn": "leads utan jeger etter tre yrkedagar",
        "en": "leads without a hunter after three working days",
    },
    "admin_stat_hunters_pending": {
        "nb": "jegere venter på godkjenning",
        "nn": "jegerar ventar på godkjenning",
        "en": "hunters awaiting approval",
    },
    "admin_stat_campaigns_paused": {
        "nb": "kampanjer er satt på pause",
        "nn": "kampanjar er sette på pause",
        "en": "campaigns are paused",
    },
    "admin_nothing_waiting": {
        "nb": "Ingenting venter på deg akkurat nå.",
        "nn": "Ingenting ventar på deg akkurat no.",
        "en": "Nothing is waiting for you right now.",
    },
    "admin_happening_now": {"nb": "Dette skjer", "nn": "Dette skjer", "en": "What is happening"},
    "admin_stat_campaigns_running": {
        "nb": "kampanjer sender",
        "nn": "kampanjar sender",
        "en": "campaigns sending",
    },
    "admin_stat_queued": {"nb": "meldinger i kø", "nn": "meldingar i kø", "en": "messages queued"},
    "admin_stat_leads_new": {
        "nb": "nye leads uten jeger",
        "nn": "nye leads utan jeger",
        "en": "new leads without a hunter",
    },
    "admin_stat_companies": {
        "nb": "bedrifter i registeret",
        "nn": "bedrifter i registeret",
        "en": "companies in the register",
    },
    "admin_no_campaign_sending": {
        "nb": "Ingen kampanjer sender nå.",
        "nn": "Ingen kampanjar sender no.",
        "en": "No campaigns are sending now.",
    },
    "admin_make_new_campaign": {
        "nb": "Lag en ny kampanje",
        "nn": "Lag ein ny kampanje",
        "en": "Create a new campaign",
    },
    # Results
    "admin_counties_as_csv": {"nb": "Fylker som CSV", "nn": "Fylke som CSV", "en": "Counties as CSV"},
    "admin_trades_as_csv": {"nb": "Fag som CSV", "nn": "Fag som CSV", "en": "Trades as CSV"},
    "admin_all_campaigns_together": {
        "nb": "Alle kampanjer samlet",
        "nn": "Alle kampanjar samla",
        "en": "All campaigns together",
    },
    "admin_all_campaigns_lower": {"nb": "alle kampanjer", "nn": "alle kampanjar", "en": "all campaigns"},
    "admin_map_shows": {"nb": "Kartet viser", "nn": "Kartet viser", "en": "The map shows"},
    "admin_the_funnel": {"nb": "Trakten", "nn": "Trakta", "en": "The funnel"},
    "admin_funnel_of": {
        "nb": "Trakten for {shown}",
        "nn": "Trakta for {shown}",
        "en": "The funnel of {shown}",
    },
    "admin_funnel_explained": {
        "nb": "Antall bedrifter som kom til hvert trinn, og andelen av målgruppen. Brev og e-post regnes som levert "
        "når de er sendt.",
        "nn": "Talet på bedrifter som kom til kvart trinn, og delen av målgruppa. Brev og e-post blir rekna som "
        "leverte når dei er sende.",
        "en": "The number of companies that reached each stage, and their share of the audience. Letters and "
        "e-mail count as delivered once sent.",
    },
    "admin_by_county": {"nb": "Per fylke", "nn": "Per fylke", "en": "By county"},
    "admin_map_title": {
        "nb": "{metric} per fylke, {shown}",
        "nn": "{metric} per fylke, {shown}",
        "en": "{metric} by county, {shown}",
    },
    "admin_map_count": {"nb": "Antall", "nn": "Tal", "en": "Number"},
    "admin_map_legend": {"nb": "Forklaring: {title}", "nn": "Forklaring: {title}", "en": "Legend: {title}"},
    "admin_map_credit": {
        "nb": "Kartgrunnlag: Kartverket, CC BY 4.0. Tallene er {what} bedrifter.",
        "nn": "Kartgrunnlag: Kartverket, CC BY 4.0. Tala er {what} bedrifter.",
        "en": "Map data: Kartverket, CC BY 4.0. The figures are companies: {what}.",
    },
    "admin_whole_country": {"nb": "Hele landet", "nn": "Heile landet", "en": "The whole country"},
    "admin_your_counties": {"nb": "Dine fylker", "nn": "Dine fylke", "en": "Your counties"},
    "admin_by_trade": {"nb": "Per fag", "nn": "Per fag", "en": "By trade"},
    "admin_col_programme": {"nb": "Programområde", "nn": "Programområde", "en": "Programme area"},
    "admin_col_interested_companies": {
        "nb": "Interesserte bedrifter",
        "nn": "Interesserte bedrifter",
        "en": "Interested companies",
    },
    "admin_col_takes_adults": {"nb": "Tar voksne", "nn": "Tek vaksne", "en": "Takes adults"},
    "admin_no_trade_interest": {
        "nb": "Ingen bedrifter har registrert interesse for et fag ennå.",
        "nn": "Ingen bedrifter har registrert interesse for eit fag enno.",
        "en": "No company has registered interest in a trade yet.",
    },
    # Users and API keys
    "admin_new_api_key": {"nb": "Ny API-nøkkel", "nn": "Ny API-nøkkel", "en": "New API key"},
    "admin_copy_key_now": {
        "nb": "Kopier nøkkelen nå. Den vises bare denne ene gangen.",
        "nn": "Kopier nøkkelen no. Han blir berre vist denne eine gongen.",
        "en": "Copy the key now. It is shown this once only.",
    },
    "admin_use_it_as": {"nb": "Bruk den som", "nn": "Bruk han som", "en": "Use it as"},
    "admin_against": {"nb": "mot", "nn": "mot", "en": "with"},
    "admin_role": {"nb": "Rolle", "nn": "Rolle", "en": "Role"},
    "admin_last_login": {"nb": "Sist innlogget", "nn": "Sist innlogga", "en": "Last signed in"},
    "admin_deactivated": {"nb": "Deaktivert", "nn": "Deaktivert", "en": "Deactivated"},
    "admin_locked_until": {"nb": "Låst til {time}", "nn": "Låst til {time}", "en": "Locked until {time}"},
    "admin_login_delayed": {
        "nb": "Innlogging forsinket etter feil passord",
        "nn": "Innlogging forseinka etter feil passord",
        "en": "Sign-in delayed after a wrong password",
    },
    "admin_active": {"nb": "Aktiv", "nn": "Aktiv", "en": "Active"},
    "admin_deactivate": {"nb": "Deaktiver", "nn": "Deaktiver", "en": "Deactivate"},
    "admin_activate": {"nb": "Aktiver", "nn": "Aktiver", "en": "Activate"},
    "admin_unlock": {"nb": "Lås opp", "nn": "Lås opp", "en": "Unlock"},
    "admin_api_keys": {"nb": "API-nøkler", "nn": "API-nøklar", "en": "API keys"},
    "admin_user": {"nb": "Bruker", "nn": "Brukar", "en": "User"},
    "admin_last_used": {"nb": "Sist brukt", "nn": "Sist brukt", "en": "Last used"},
    "admin_expires": {"nb": "Utløper", "nn": "Går ut", "en": "Expires"},
    "admin_no_name": {"nb": "(uten navn)", "nn": "(utan namn)", "en": "(no name)"},
    "admin_no_name_plain": {"nb": "uten navn", "nn": "utan namn", "en": "no name"},
    "admin_never": {"nb": "aldri", "nn": "aldri", "en": "never"},
    "admin_expired": {"nb": "(utløpt)", "nn": "(gått ut)", "en": "(expired)"},
    "admin_no_api_keys": {
        "nb": "Ingen gyldige API-nøkler.",
        "nn": "Ingen gyldige API-nøklar.",
        "en": "No valid API keys.",
    },
    "admin_add_user": {"nb": "Legg til bruker", "nn": "Legg til brukar", "en": "Add a user"},
    "admin_password": {"nb": "Passord", "nn": "Passord", "en": "Password"},
    "admin_password_hint": {"nb": "Minst 10 tegn.", "nn": "Minst 10 teikn.", "en": "At least 10 characters."},
    "admin_role_hint": {
        "nb": "Administratorer styrer brukere og godkjenner jegere.",
        "nn": "Administratorar styrer brukarar og godkjenner jegerar.",
        "en": "Administrators manage users and approve hunters.",
    },
    "admin_add": {"nb": "Legg til", "nn": "Legg til", "en": "Add"},
    "admin_no_such_user": {
        "nb": "Fant ingen bruker med det nummeret.",
        "nn": "Fann ingen brukar med det nummeret.",
        "en": "No user has that number.",
    },
    "admin_user_added": {
        "nb": "{email} kan nå logge inn.",
        "nn": "{email} kan no logge inn.",
        "en": "{email} can sign in now.",
    },
    "admin_user_activated": {
        "nb": "{email} er aktivert.",
        "nn": "{email} er aktivert.",
        "en": "{email} is activated.",
    },
    "admin_user_deactivated": {
        "nb": "{email} er deaktivert.",
        "nn": "{email} er deaktivert.",
        "en": "{email} is deactivated.",
    },
    "admin_user_unlocked": {
        "nb": "{email} er låst opp og kan logge inn igjen.",
        "nn": "{email} er låst opp og kan logge inn igjen.",
        "en": "{email} is unlocked and can sign in again.",
    },
    "admin_token_revoked": {
        "nb": "API-nøkkel {number} ({name}) er trukket tilbake.",
        "nn": "API-nøkkel {number} ({name}) er trekt tilbake.",
        "en": "API key {number} ({name}) is revoked.",
    },
    # The sandbox
    "admin_sandbox_tagline": {
        "nb": "Alt som ville ha blitt sendt, uten at noe går ut",
        "nn": "Alt som ville ha blitt sendt, utan at noko går ut",
        "en": "Everything that would have been sent, with nothing going out",
    },
    "admin_sandbox_intro": {
        "nb": "Her ser du hver melding sandkassen har «sendt», som en samtale per bedrift. Svar som om du var "
        "bedriften, for eksempel",
        "nn": "Her ser du kvar melding sandkassa har «sendt», som ein samtale per bedrift. Svar som om du var "
        "bedrifta, til dømes",
        "en": "Here you see every message the sandbox has “sent”, as one conversation per company. Answer as if you "
        "were the company, for example",
    },
    "admin_or": {"nb": "eller", "nn": "eller", "en": "or"},
    "admin_sandbox_intro_end": {
        "nb": ", og se hvordan systemet svarer.",
        "nn": ", og sjå korleis systemet svarar.",
        "en": ", and see how the system answers.",
    },
    "admin_find_thread": {"nb": "Finn samtale", "nn": "Finn samtale", "en": "Find a conversation"},
    "admin_company_name_or_number": {
        "nb": "Bedriftsnavn eller nummer",
        "nn": "Bedriftsnamn eller nummer",
        "en": "Company name or number",
    },
    "admin_threads": {"nb": "Samtaler", "nn": "Samtalar", "en": "Conversations"},
    "admin_sandbox_empty": {
        "nb": "Ingen meldinger er sendt i sandkassen ennå. Start en kampanje, så dukker de opp her.",
        "nn": "Ingen meldingar er sende i sandkassa enno. Start ein kampanje, så dukkar dei opp her.",
        "en": "No messages have been sent in the sandbox yet. Launch a campaign, and they show up here.",
    },
    "admin_answers_from": {
        "nb": "svarer fra {address} ({channel})",
        "nn": "svarar frå {address} ({channel})",
        "en": "answers from {address} ({channel})",
    },
    "admin_company_page": {"nb": "bedriftsside", "nn": "bedriftsside", "en": "company page"},
    "admin_answer_as_company": {
        "nb": "Svar som bedriften",
        "nn": "Svar som bedrifta",
        "en": "Answer as the company",
    },
    "admin_send": {"nb": "Send", "nn": "Send", "en": "Send"},
    "admin_channel_live": {
        "nb": "Kanalen er i drift",
        "nn": "Kanalen er i drift",
        "en": "The channel is live",
    },
    "admin_no_such_thread": {
        "nb": "Fant ikke denne samtalen.",
        "nn": "Fann ikkje denne samtalen.",
        "en": "This conversation was not found.",
    },
    "admin_no_thread_to_answer": {
        "nb": "Fant ikke samtalen å svare i.",
        "nn": "Fann ikkje samtalen å svare i.",
        "en": "The conversation to answer in was not found.",
    },
    "admin_thread_cannot_answer": {
        "nb": "Denne samtalen kan ikke besvares i sandkassen.",
        "nn": "Denne samtalen kan ikkje svarast på i sandkassa.",
        "en": "This conversation cannot be answered in the sandbox.",
    },
    "admin_write_answer_first": {
        "nb": "Skriv et svar først.",
        "nn": "Skriv eit svar først.",
        "en": "Write an answer first.",
    },
    "admin_answer_not_sendable": {
        "nb": "Svaret kunne ikke sendes fra {address}: det er verken et mobilnummer eller en Telegram-chat.",
        "nn": "Svaret kunne ikkje sendast frå {address}: det er verken eit mobilnummer eller ein Telegram-chat.",
        "en": "The answer could not be sent from {address}: it is neither a mobile number nor a Telegram chat.",
    },
    "admin_no_telegram_thread": {
        "nb": "Fant ikke Telegram-samtalen med den knappen.",
        "nn": "Fann ikkje Telegram-samtalen med den knappen.",
        "en": "The Telegram conversation with that button was not found.",
    },
    "admin_button_gone": {
        "nb": "Den knappen finnes ikke lenger på meldingen.",
        "nn": "Den knappen finst ikkje lenger på meldinga.",
        "en": "That button is no longer on the message.",
    },
}
