"""What companies read about information meetings (PRODUCT §11): answers to their JA/NEI, notices of a moved
up, changed or cancelled meeting, and the meeting part of their web page. Chat answers say that a JA or NEI
was about the meeting, not a registration or a decline of the campaign (PRODUCT §7)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "meeting_when": {
        "nb": "{day} kl. {clock} (norsk tid)",
        "nn": "{day} kl. {clock} (norsk tid)",
        "en": "{day}, {clock} (Norway time)",
    },
    "rsvp_attending": {
        "nb": "Takk! {name} er påmeldt «{title}» {when}, {place} ({people} pers.). Dette var svar på "
        "møteinvitasjonen, ikke en registrering som lærebedrift. Svar NEI hvis dere likevel ikke kommer.",
        "nn": "Takk! {name} er påmeld «{title}» {when}, {place} ({people} pers.). Dette var svar på "
        "møteinvitasjonen, ikkje ei registrering som lærebedrift. Svar NEI om de likevel ikkje kjem.",
        "en": "Thank you! {name} is signed up for «{title}» {when}, {place} ({people} people). This was an "
        "answer to the meeting invitation, not a registration as a training company. Reply NO if you cannot "
        "come after all.",
    },
    "rsvp_waiting": {
        "nb": "Takk! «{title}» er fullt, så {name} står på venteliste. Vi sier fra hvis det blir ledig plass. "
        "Dette var svar på møteinvitasjonen, ikke en registrering som lærebedrift.",
        "nn": "Takk! «{title}» er fullt, så {name} står på venteliste. Vi seier frå om det blir ledig plass. "
        "Dette var svar på møteinvitasjonen, ikkje ei registrering som lærebedrift.",
        "en": "Thank you! «{title}» is full, so {name} is on the waiting list. We will tell you if a place "
        "becomes free. This was an answer to the meeting invitation, not a registration as a training company.",
    },
    "rsvp_declined": {
        "nb": "Takk for svaret. Vi har notert at {name} ikke kommer på «{title}». Dette gjaldt bare møtet: "
        "dere kan fortsatt melde interesse for lærlinger når som helst.",
        "nn": "Takk for svaret. Vi har notert at {name} ikkje kjem på «{title}». Dette galdt berre møtet: "
        "de kan framleis melde interesse for lærlingar når som helst.",
        "en": "Thank you for your answer. We have noted that {name} will not come to «{title}». This was only "
        "about the meeting: you can still register interest in apprentices at any time.",
    },
    "meeting_promoted": {
        "nb": "Godt nytt: det ble ledig plass på «{title}» {when}, {place}. Dere står nå på deltakerlista. "
        "Svar NEI hvis dere ikke kan komme.",
        "nn": "Godt nytt: det vart ledig plass på «{title}» {when}, {place}. De står no på deltakarlista. "
        "Svar NEI om de ikkje kan kome.",
        "en": "Good news: a place became free at «{title}» {when}, {place}. You are now on the list of "
        "participants. Reply NO if you cannot come.",
    },
    "meeting_changed": {
        "nb": "Endring: «{title}» er nå {when}, {place}. Svar NEI hvis dere ikke kan komme.",
        "nn": "Endring: «{title}» er no {when}, {place}. Svar NEI om de ikkje kan kome.",
        "en": "Change: «{title}» is now {when}, {place}. Reply NO if you cannot come.",
    },
    "meeting_cancelled": {
        "nb": "Avlyst: «{title}» {when} blir ikke holdt. Vi beklager.",
        "nn": "Avlyst: «{title}» {when} blir ikkje halde. Vi beklagar.",
        "en": "Cancelled: «{title}» {when} will not take place. We are sorry.",
    },
    "meeting_notice_subject": {
        "nb": "Informasjonsmøte: {title}",
        "nn": "Informasjonsmøte: {title}",
        "en": "Information meeting: {title}",
    },
    "meeting_page_heading": {
        "nb": "Informasjonsmøte: {title}",
        "nn": "Informasjonsmøte: {title}",
        "en": "Information meeting: {title}",
    },
    "meeting_page_question": {
        "nb": "Kommer dere?",
        "nn": "Kjem de?",
        "en": "Will you come?",
    },
    "meeting_page_people": {"nb": "Antall personer", "nn": "Tal på personar", "en": "Number of people"},
    "meeting_page_yes": {"nb": "Ja, vi kommer", "nn": "Ja, vi kjem", "en": "Yes, we will come"},
    "meeting_page_no": {
        "nb": "Nei, vi kommer ikke",
        "nn": "Nei, vi kjem ikkje",
        "en": "No, we will not come",
    },
    "meeting_page_calendar": {
        "nb": "Legg møtet i kalenderen (.ics)",
        "nn": "Legg møtet i kalenderen (.ics)",
        "en": "Add the meeting to your calendar (.ics)",
    },
    "meeting_page_status_attending": {
        "nb": "Dere er påmeldt ({people} pers.).",
        "nn": "De er påmeld ({people} pers.).",
        "en": "You are signed up ({people} people).",
    },
    "meeting_page_status_waiting": {
        "nb": "Møtet er fullt; dere står på venteliste.",
        "nn": "Møtet er fullt; de står på venteliste.",
        "en": "The meeting is full; you are on the waiting list.",
    },
    "meeting_page_status_declined": {
        "nb": "Dere har svart at dere ikke kommer.",
        "nn": "De har svart at de ikkje kjem.",
        "en": "You have answered that you will not come.",
    },
    # The weekly outcome report by e-mail (reports/outcome_mail.py), to the owners or the county officers.
    "outcome_mail_subject": {
        "nb": "Resultater uke {week}: {name}",
        "nn": "Resultat veke {week}: {name}",
        "en": "Results week {week}: {name}",
    },
    "outcome_mail_body": {
        "nb": "Hei!\n\nHer er resultatene for kampanjen «{name}» så langt, per fag og fylke, i vedlagt Excel-fil.\n\n"
        "Målgruppe: {audience}\nNådd: {reached}\nSvarte: {replied}\nInteressert: {interested}\n"
        "Registreringer: {registrations}\nLæreplasser tilbudt: {places} (av dem for voksne: {adult_places})\n"
        "Leads tatt: {claimed}\nBle lærebedrift: {became}\n\nDu får denne e-posten hver mandag fordi kampanjen "
        'har report_email = "weekly". Rapporten finnes også i dashbordet: {url}\n\nLæreplassjeger',
        "nn": "Hei!\n\nHer er resultata for kampanjen «{name}» så langt, per fag og fylke, i vedlagd Excel-fil.\n\n"
        "Målgruppe: {audience}\nNådd: {reached}\nSvarte: {replied}\nInteressert: {interested}\n"
        "Registreringar: {registrations}\nLæreplassar tilbodne: {places} (av dei for vaksne: {adult_places})\n"
        "Leads tekne: {claimed}\nVart lærebedrift: {became}\n\nDu får denne e-posten kvar måndag fordi kampanjen "
        'har report_email = "weekly". Rapporten finst òg i dashbordet: {url}\n\nLæreplassjeger',
        "en": "Hello,\n\nHere are the results of the campaign «{name}» so far, by trade and county, in the attached "
        "Excel file.\n\nAudience: {audience}\nReached: {reached}\nReplied: {replied}\nInterested: {interested}\n"
        "Registrations: {registrations}\nPlaces offered: {places} (of which for adults: {adult_places})\n"
        "Leads claimed: {claimed}\nBecame training company: {became}\n\nYou get this e-mail every Monday because "
        'the campaign has report_email = "weekly". The report is also in the dashboard: {url}\n\nLæreplassjeger',
    },
    # The portal's campaign page (web/portal/campaign_reports.py).
    "portal_campaign_reports": {
        "nb": "Resultater og møter",
        "nn": "Resultat og møte",
        "en": "Results and meetings",
    },
    "portal_campaign_outcomes_file": {
        "nb": "Resultatrapporten per fag og sted (Excel)",
        "nn": "Resultatrapporten per fag og stad (Excel)",
        "en": "The outcome report by trade and place (Excel)",
    },
    "portal_campaign_attendees_file": {
        "nb": "Hvem som kommer på informasjonsmøtet (Excel)",
        "nn": "Kven som kjem på informasjonsmøtet (Excel)",
        "en": "Who comes to the information meeting (Excel)",
    },
    # `jeger campaign meeting …` (staff read these in the terminal)
    "cli_meeting_unknown": {
        "nb": "Kampanje {campaign} har ikke noe møte {event}.",
        "nn": "Kampanje {campaign} har ikkje noko møte {event}.",
        "en": "Campaign {campaign} has no meeting {event}.",
    },
    "cli_meeting_col_id": {"nb": "Møte", "nn": "Møte", "en": "Meeting"},
    "cli_meeting_col_title": {"nb": "Tittel", "nn": "Tittel", "en": "Title"},
    "cli_meeting_col_at": {
        "nb": "Tidspunkt (norsk tid)",
        "nn": "Tidspunkt (norsk tid)",
        "en": "Time (Norway)",
    },
    "cli_meeting_col_place": {"nb": "Sted", "nn": "Stad", "en": "Place"},
    "cli_meeting_col_places": {"nb": "Påmeldt/plasser", "nn": "Påmelde/plassar", "en": "Signed up/places"},
    "cli_meeting_col_waiting": {"nb": "Venteliste", "nn": "Venteliste", "en": "Waiting list"},
    "cli_meeting_cancelled": {"nb": "avlyst", "nn": "avlyst", "en": "cancelled"},
    "cli_meeting_changed": {
        "nb": "Møtet er endret; {told} bedrifter som sa ja, får beskjed.",
        "nn": "Møtet er endra; {told} bedrifter som sa ja, får beskjed.",
        "en": "The meeting is changed; {told} companies that said yes are told.",
    },
    "cli_meeting_cancelled_told": {
        "nb": "Møtet er avlyst; {told} bedrifter som sa ja, får beskjed.",
        "nn": "Møtet er avlyst; {told} bedrifter som sa ja, får beskjed.",
        "en": "The meeting is cancelled; {told} companies that said yes are told.",
    },
}
