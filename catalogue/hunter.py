"""What hunters read in their chat: sign-up, lead cards, lead lists and outcomes."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "more_open_leads_one": {
        "nb": "… og {count} ledig lead til.",
        "nn": "… og {count} ledig lead til.",
        "en": "… and {count} more open lead.",
    },
    "more_open_leads_other": {
        "nb": "… og {count} ledige leads til.",
        "nn": "… og {count} ledige leads til.",
        "en": "… and {count} more open leads.",
    },
}

TEXTS.update(
    {
        # Lead cards (hunters.lead_texts.lead_card), one fact per line.
        "lead_card_company": {
            "nb": "{name} (org.nr. {orgnr})",
            "nn": "{name} (org.nr. {orgnr})",
            "en": "{name} (org. no. {orgnr})",
        },
        "lead_card_unverified": {
            "nb": "Ikke bekreftet: registrert av noen som bare oppga organisasjonsnummeret",
            "nn": "Ikkje stadfesta: registrert av nokon som berre gav opp organisasjonsnummeret",
            "en": "Not confirmed: registered by someone who only gave the organisation number",
        },
        "lead_card_trades": {"nb": "Fag: {trades}", "nn": "Fag: {trades}", "en": "Trades: {trades}"},
        "lead_card_approved": {
            "nb": "Godkjent lærebedrift i: {trades}",
            "nn": "Godkjend lærebedrift i: {trades}",
            "en": "Approved training company in: {trades}",
        },
        "lead_card_places": {
            "nb": "Læreplasser: {places}",
            "nn": "Læreplassar: {places}",
            "en": "Apprenticeships: {places}",
        },
        "lead_card_adult": {
            "nb": "Voksne lærlinger: {answer}",
            "nn": "Vaksne lærlingar: {answer}",
            "en": "Adult apprentices: {answer}",
        },
        "lead_card_adult_places": {
            "nb": "Plasser for voksne lærlinger: {places}",
            "nn": "Plassar for vaksne lærlingar: {places}",
            "en": "Places for adult apprentices: {places}",
        },
        "lead_card_trial_first": {
            "nb": "Kandidat på prøve først: {answer}",
            "nn": "Kandidat på prøve først: {answer}",
            "en": "A trial period first: {answer}",
        },
        "lead_card_start": {
            "nb": "Ønsket oppstart: {start}",
            "nn": "Ønskt oppstart: {start}",
            "en": "Preferred start: {start}",
        },
        "lead_card_contact": {
            "nb": "Kontakt: {contact}",
            "nn": "Kontakt: {contact}",
            "en": "Contact: {contact}",
        },
        "lead_card_number": {"nb": "Lead nr. {id}", "nn": "Lead nr. {id}", "en": "Lead no. {id}"},
        "not_given": {"nb": "ikke oppgitt", "nn": "ikkje oppgitt", "en": "not given"},
        "yes_lower": {"nb": "ja", "nn": "ja", "en": "yes"},
        "no_lower": {"nb": "nei", "nn": "nei", "en": "no"},
        # What a lead's notices and buttons say.
        "lead_claim_button": {"nb": "Ta leaden", "nn": "Ta leaden", "en": "Take the lead"},
        "lead_new": {
            "nb": "Ny bedrift vil ha lærling!\n\n{card}\n\nTrykk «Ta leaden» for å følge den opp.",
            "nn": "Ny bedrift vil ha lærling!\n\n{card}\n\nTrykk «Ta leaden» for å følgje han opp.",
            "en": "A new company wants an apprentice!\n\n{card}\n\nPress “Take the lead” to follow it up.",
        },
        "lead_reminder": {
            "nb": "Påminnelse: denne bedriften venter fortsatt på en læreplassjeger.\n\n{card}\n\n"
            "Trykk «Ta leaden» for å følge den opp.",
            "nn": "Påminning: denne bedrifta ventar framleis på ein læreplassjeger.\n\n{card}\n\n"
            "Trykk «Ta leaden» for å følgje han opp.",
            "en": "Reminder: this company is still waiting for an apprenticeship hunter.\n\n{card}\n\n"
            "Press “Take the lead” to follow it up.",
        },
        "chat_lead_claimed": {
            "nb": "Leaden er din. Ta kontakt med bedriften, og meld fra hvordan det gikk:\n\n{card}",
            "nn": "Leaden er din. Ta kontakt med bedrifta, og meld frå korleis det gjekk:\n\n{card}",
            "en": "The lead is yours. Contact the company, and tell us how it went:\n\n{card}",
        },
        "lead_given": {
            "nb": "Kampanjen har gitt dere denne leaden. Ta kontakt med bedriften, og meld fra hvordan det gikk:"
            "\n\n{card}",
            "nn": "Kampanjen har gitt dykk denne leaden. Ta kontakt med bedrifta, og meld frå korleis det gjekk:"
            "\n\n{card}",
            "en": "The campaign has given you this lead. Contact the company, and tell us how it went:\n\n{card}",
        },
        "lead_moved_away": {
            "nb": "Kampanjen har flyttet lead nr. {id} fra dere. Dere trenger ikke følge den opp.",
            "nn": "Kampanjen har flytt lead nr. {id} frå dykk. De treng ikkje følgje han opp.",
            "en": "The campaign has moved lead no. {id} away from you. You need not follow it up.",
        },
        "lead_taken_by": {
            "nb": "Denne leaden er allerede tatt av {who}.",
            "nn": "Denne leaden er alt teken av {who}.",
            "en": "This lead has already been taken by {who}.",
        },
        "lead_taken_by_someone": {
            "nb": "Denne leaden er allerede tatt av en annen jeger.",
            "nn": "Denne leaden er alt teken av ein annan jeger.",
            "en": "This lead has already been taken by another hunter.",
        },
        "lead_outside_county": {
            "nb": "Denne leaden er utenfor fylkene dine, så du kan ikke ta den.",
            "nn": "Denne leaden er utanfor fylka dine, så du kan ikkje ta han.",
            "en": "This lead is outside your counties, so you cannot take it.",
        },
        "lead_outside_trades": {
            "nb": "Denne leaden gjelder fag dere ikke dekker, så du kan ikke ta den.",
            "nn": "Denne leaden gjeld fag de ikkje dekkjer, så du kan ikkje ta han.",
            "en": "This lead is about trades you do not cover, so you cannot take it.",
        },
        "lead_owners_only": {
            "nb": "Denne leaden kommer fra en lokal kampanje og går til organisasjonene som eier kampanjen, "
            "så du kan ikke ta den nå.",
            "nn": "Denne leaden kjem frå ein lokal kampanje og går til organisasjonane som eig kampanjen, "
            "så du kan ikkje ta han no.",
            "en": "This lead comes from a local campaign and goes to the organisations that own it, "
            "so you cannot take it now.",
        },
        "lead_merged": {
            "nb": "Lead nr. {gone} var samme bedrift som lead nr. {kept}, og kampanjen har slått dem sammen. "
            "Dere trenger ikke følge opp lead nr. {gone}.",
            "nn": "Lead nr. {gone} var same bedrifta som lead nr. {kept}, og kampanjen har slått dei saman. "
            "De treng ikkje følgje opp lead nr. {gone}.",
            "en": "Lead no. {gone} was the same company as lead no. {kept}, and the campaign has merged them. "
            "You need not follow up lead no. {gone}.",
        },
        "lead_unknown": {
            "nb": "Fant ikke denne leaden. Den kan være slettet.",
            "nn": "Fann ikkje denne leaden. Han kan vere sletta.",
            "en": "Could not find this lead. It may have been deleted.",
        },
        "chat_lead_already_yours": {
            "nb": "Denne leaden er allerede din.",
            "nn": "Denne leaden er alt din.",
            "en": "This lead is already yours.",
        },
        "chat_lead_not_owner": {
            "nb": "Bare jegeren som har tatt leaden, kan melde utfall.",
            "nn": "Berre jegeren som har teke leaden, kan melde utfall.",
            "en": "Only the hunter who took the lead can report its outcome.",
        },
        "lead_outcome_recorded": {
            "nb": "Takk! Registrert: {outcome}.",
            "nn": "Takk! Registrert: {outcome}.",
            "en": "Thank you! Recorded: {outcome}.",
        },
        "lead_outcome_final": {
            "nb": "Utfallet er allerede registrert som «{outcome}» og kan ikke endres her. "
            "Ta kontakt med kampanjen om det er feil.",
            "nn": "Utfallet er alt registrert som «{outcome}» og kan ikkje endrast her. "
            "Ta kontakt med kampanjen om det er feil.",
            "en": "The outcome is already recorded as “{outcome}” and cannot be changed here. "
            "Contact the campaign if it is wrong.",
        },
        # Who the chat belongs to.
        "hunter_not_registered": {
            "nb": "Du er ikke registrert som læreplassjeger. Send /jeger for å melde deg på.",
            "nn": "Du er ikkje registrert som læreplassjeger. Send /jeger for å melde deg på.",
            "en": "You are not registered as an apprenticeship hunter. Send /jeger to sign up.",
        },
        "hunter_waiting": {
            "nb": "Registreringen din venter på godkjenning. Du får beskjed her når den er godkjent.",
            "nn": "Registreringa di ventar på godkjenning. Du får melding her når ho er godkjend.",
            "en": "Your registration is waiting for approval. You will hear here when it is approved.",
        },
        "hunter_not_approved": {
            "nb": "Registreringen din som jeger er ikke godkjent. Ta kontakt med kampanjen om du har spørsmål.",
            "nn": "Registreringa di som jeger er ikkje godkjend. Ta kontakt med kampanjen om du har spørsmål.",
            "en": "Your registration as a hunter has not been approved. Contact the campaign if you have "
            "questions.",
        },
        "hunter_approved": {
            "nb": "Du er godkjent som læreplassjeger for {name}! Nye bedrifter i fylkene og fagene dine kommer "
            "hit med en «Ta leaden»-knapp.{waiting} Send /leads for å se leadsene dine.",
            "nn": "Du er godkjend som læreplassjeger for {name}! Nye bedrifter i fylka og faga dine kjem "
            "hit med ein «Ta leaden»-knapp.{waiting} Send /leads for å sjå leadsa dine.",
            "en": "You are approved as an apprenticeship hunter for {name}! New companies in your counties and "
            "trades will appear here with a “Take the lead” button.{waiting} Send /leads to see your leads.",
        },
        "hunter_open_leads_one": {
            "nb": " Det ligger {count} ledig lead i fylkene dine nå.",
            "nn": " Det ligg {count} ledig lead i fylka dine no.",
            "en": " There is {count} open lead in your counties now.",
        },
        "hunter_open_leads_other": {
            "nb": " Det ligger {count} ledige leads i fylkene dine nå.",
            "nn": " Det ligg {count} ledige leads i fylka dine no.",
            "en": " There are {count} open leads in your counties now.",
        },
        "hunter_rejected": {
            "nb": "Registreringen av {name} som læreplassjeger er ikke godkjent. "
            "Ta kontakt med kampanjen om du mener dette er feil.",
            "nn": "Registreringa av {name} som læreplassjeger er ikkje godkjend. "
            "Ta kontakt med kampanjen om du meiner dette er feil.",
            "en": "The registration of {name} as an apprenticeship hunter has not been approved. "
            "Contact the campaign if you think this is wrong.",
        },
        "hunter_known_approved": {
            "nb": "{name} er allerede godkjent som læreplassjeger. Send /leads for å se leadsene dine.",
            "nn": "{name} er alt godkjend som læreplassjeger. Send /leads for å sjå leadsa dine.",
            "en": "{name} is already approved as an apprenticeship hunter. Send /leads to see your leads.",
        },
        "hunter_known_pending": {
            "nb": "{name} er registrert og venter på godkjenning. Du får beskjed her.",
            "nn": "{name} er registrert og ventar på godkjenning. Du får melding her.",
            "en": "{name} is registered and waiting for approval. You will hear here.",
        },
        "hunter_known_rejected": {
            "nb": "{name} er ikke godkjent som læreplassjeger. Ta kontakt med kampanjen om du har spørsmål.",
            "nn": "{name} er ikkje godkjend som læreplassjeger. Ta kontakt med kampanjen om du har spørsmål.",
            "en": "{name} is not approved as an apprenticeship hunter. Contact the campaign if you have "
            "questions.",
        },
        # `/leads` and the lead buttons (bot.hunter_chat).
        "leads_none": {
            "nb": "Du har ingen leads ennå. Nye bedrifter i fylkene og fagene dine kommer hit.",
            "nn": "Du har ingen leads enno. Nye bedrifter i fylka og faga dine kjem hit.",
            "en": "You have no leads yet. New companies in your counties and trades will appear here.",
        },
        "leads_yours": {
            "nb": "Din lead ({status}):\n\n{card}",
            "nn": "Din lead ({status}):\n\n{card}",
            "en": "Your lead ({status}):\n\n{card}",
        },
        "leads_done": {
            "nb": "Avsluttede leads:\n{lines}",
            "nn": "Avslutta leads:\n{lines}",
            "en": "Closed leads:\n{lines}",
        },
        "leads_done_line": {
            "nb": "• Lead {id}: {status}",
            "nn": "• Lead {id}: {status}",
            "en": "• Lead {id}: {status}",
        },
        "leads_open": {
            "nb": "Ledig lead:\n\n{card}",
            "nn": "Ledig lead:\n\n{card}",
            "en": "Open lead:\n\n{card}",
        },
        "leads_unknown_button": {
            "nb": "Denne knappen forstod jeg ikke. Send /leads for å se leadsene dine.",
            "nn": "Denne knappen forstod eg ikkje. Send /leads for å sjå leadsa dine.",
            "en": "I did not understand that button. Send /leads to see your leads.",
        },
        # The `/jeger` sign-up (bot.hunter_signup).
        "signup_welcome": {
            "nb": "Velkommen! Som læreplassjeger får du bedrifter i ditt område som vil ha lærling. "
            "Svar på noen korte spørsmål (skriv «avbryt» for å avslutte).\n\nHva heter organisasjonen din?",
            "nn": "Velkomen! Som læreplassjeger får du bedrifter i ditt område som vil ha lærling. "
            "Svar på nokre korte spørsmål (skriv «avbryt» for å avslutte).\n\nKva heiter organisasjonen din?",
            "en": "Welcome! As an apprenticeship hunter you get the companies in your area that want an "
            "apprentice. Answer a few short questions (write «avbryt» to stop).\n\n"
            "What is your organisation called?",
        },
        "signup_cancelled": {
            "nb": "Påmeldingen er avbrutt. Send /jeger for å begynne på nytt.",
            "nn": "Påmeldinga er avbroten. Send /jeger for å byrje på nytt.",
            "en": "The sign-up is cancelled. Send /jeger to start again.",
        },
        "signup_closed": {
            "nb": "Denne påmeldingen er avsluttet. Send /jeger for å begynne på nytt.",
            "nn": "Denne påmeldinga er avslutta. Send /jeger for å byrje på nytt.",
            "en": "This sign-up has ended. Send /jeger to start again.",
        },
        "signup_org_name": {
            "nb": "Skriv navnet på organisasjonen (2–200 tegn).",
            "nn": "Skriv namnet på organisasjonen (2–200 teikn).",
            "en": "Write the name of the organisation (2–200 characters).",
        },
        "signup_org_type": {
            "nb": "Hva slags organisasjon er det?",
            "nn": "Kva slags organisasjon er det?",
            "en": "What kind of organisation is it?",
        },
        "signup_orgnr": {
            "nb": "Hva er organisasjonsnummeret (9 siffer)?",
            "nn": "Kva er organisasjonsnummeret (9 siffer)?",
            "en": "What is the organisation number (9 digits)?",
        },
        "signup_orgnr_invalid": {
            "nb": "«{typed}» er ikke et gyldig organisasjonsnummer (9 siffer, kontrollsifferet må stemme). "
            "Prøv igjen.",
            "nn": "«{typed}» er ikkje eit gyldig organisasjonsnummer (9 siffer, kontrollsifferet må stemme). "
            "Prøv igjen.",
            "en": "“{typed}” is not a valid organisation number (9 digits, with a correct check digit). "
            "Try again.",
        },
        "signup_counties": {
            "nb": "Hvilke fylker dekker dere? Trykk for å velge, og «Ferdig» til slutt.",
            "nn": "Kva fylke dekkjer de? Trykk for å velje, og «Ferdig» til slutt.",
            "en": "Which counties do you cover? Tap to choose, and “Done” at the end.",
        },
        "signup_done_button": {"nb": "Ferdig", "nn": "Ferdig", "en": "Done"},
        "signup_pick_county": {
            "nb": "Velg minst ett fylke.",
            "nn": "Vel minst eitt fylke.",
            "en": "Choose at least one county.",
        },
        "signup_trades": {
            "nb": "Hvilke fag jobber dere med? Skriv et fag eller en del av navnet (f.eks. «elektro»), "
            "eller velg «Alle fag».",
            "nn": "Kva fag arbeider de med? Skriv eit fag eller ein del av namnet (t.d. «elektro»), "
            "eller vel «Alle fag».",
            "en": "Which trades do you work with? Write a trade or part of its Norwegian name "
            "(e.g. “elektro”), or choose “All trades”.",
        },
        "signup_all_trades_button": {"nb": "Alle fag", "nn": "Alle fag", "en": "All trades"},
        "signup_chosen": {
            "nb": "Valgt: {names}.\nTrykk for å velge, søk etter flere fag, eller trykk «Ferdig».",
            "nn": "Valt: {names}.\nTrykk for å velje, søk etter fleire fag, eller trykk «Ferdig».",
            "en": "Chosen: {names}.\nTap to choose, search for more trades, or tap “Done”.",
        },
        "signup_none_yet": {"nb": "ingen ennå", "nn": "ingen enno", "en": "none yet"},
        "signup_all_chosen": {
            "nb": "Alle fag er valgt. Hvem er kontaktperson hos dere (fullt navn)?",
            "nn": "Alle fag er valde. Kven er kontaktperson hos dykk (fullt namn)?",
            "en": "All trades are chosen. Who is your contact person (full name)?",
        },
        "signup_pick_trade": {
            "nb": "Velg minst ett fag, eller «Alle fag».",
            "nn": "Vel minst eitt fag, eller «Alle fag».",
            "en": "Choose at least one trade, or “All trades”.",
        },
        "signup_contact_name": {
            "nb": "Hvem er kontaktperson hos dere (fullt navn)?",
            "nn": "Kven er kontaktperson hos dykk (fullt namn)?",
            "en": "Who is your contact person (full name)?",
        },
        "signup_no_trade": {
            "nb": "Fant ingen fag som passer «{typed}». Prøv et annet ord.",
            "nn": "Fann ingen fag som passar «{typed}». Prøv eit anna ord.",
            "en": "Found no trade matching “{typed}”. Try another word.",
        },
        "signup_contact_name_invalid": {
            "nb": "Skriv navnet på kontaktpersonen.",
            "nn": "Skriv namnet på kontaktpersonen.",
            "en": "Write the contact person's name.",
        },
        "signup_phone": {
            "nb": "Hvilket telefonnummer kan bedriftene og kampanjen nå dere på?",
            "nn": "Kva telefonnummer kan bedriftene og kampanjen nå dykk på?",
            "en": "Which phone number can the companies and the campaign reach you on?",
        },
        "signup_phone_invalid": {
            "nb": "«{typed}» ser ikke ut som et telefonnummer. Prøv igjen, f.eks. 912 34 567.",
            "nn": "«{typed}» ser ikkje ut som eit telefonnummer. Prøv igjen, t.d. 912 34 567.",
            "en": "“{typed}” does not look like a phone number. Try again, e.g. 912 34 567.",
        },
        "signup_done": {
            "nb": "Takk! {name} er registrert og venter på godkjenning fra kampanjen. "
            "Du får beskjed her når dere er godkjent.",
            "nn": "Takk! {name} er registrert og ventar på godkjenning frå kampanjen. "
            "Du får melding her når de er godkjende.",
            "en": "Thank you! {name} is registered and waiting for the campaign's approval. "
            "You will hear here when you are approved.",
        },
    }
)
