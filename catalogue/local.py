"""Texts of local and adult campaigns (PRODUCT §11): the questions an adult (`voksen`) campaign's registration
asks on chat and on the web, and what its summary shows."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "q_adult_places": {
        "nb": "3/5 Hvor mange plasser for voksne lærlinger kan dere tilby?",
        "nn": "3/5 Kor mange plassar for vaksne lærlingar kan de tilby?",
        "en": "3/5 How many places for adult apprentices can you offer?",
    },
    "q_adult_places_more": {
        "nb": "Hvor mange plasser for voksne lærlinger? Skriv et tall.",
        "nn": "Kor mange plassar for vaksne lærlingar? Skriv eit tal.",
        "en": "How many places for adult apprentices? Write a number.",
    },
    "q_trial": {
        "nb": "4/5 Kan dere ta en kandidat på prøve (arbeidstrening) først? Svar JA eller NEI.",
        "nn": "4/5 Kan de ta ein kandidat på prøve (arbeidstrening) først? Svar JA eller NEI.",
        "en": "4/5 Would you take a candidate for a trial period (work training) first? Reply YES or NO.",
    },
    "q_adult_start": {
        "nb": "5/5 Når kan den voksne lærlingen begynne (f.eks. «august 2027» eller «snarest»)?",
        "nn": "5/5 Når kan den vaksne lærlingen byrje (t.d. «august 2027» eller «snarast»)?",
        "en": "5/5 When could the adult apprentice start (e.g. 'August 2027' or 'as soon as possible')?",
    },
    "summary_adult": {
        "nb": "Stemmer dette?\n1 Kontakt: {contact}\n2 Fag: {trades}\n3 Plasser for voksne lærlinger: {places}\n"
        "4 Prøveperiode først: {trial}\n5 Oppstart: {start}\n6 Telefon: {phone}\n7 E-post: {email}\n"
        "Svar JA for å sende, eller 1–7 for å endre.",
        "nn": "Stemmer dette?\n1 Kontakt: {contact}\n2 Fag: {trades}\n3 Plassar for vaksne lærlingar: {places}\n"
        "4 Prøveperiode først: {trial}\n5 Oppstart: {start}\n6 Telefon: {phone}\n7 E-post: {email}\n"
        "Svar JA for å sende, eller 1–7 for å endre.",
        "en": "Is this right?\n1 Contact: {contact}\n2 Trades: {trades}\n3 Places for adult apprentices: {places}\n"
        "4 Trial period first: {trial}\n5 Start: {start}\n6 Phone: {phone}\n7 E-mail: {email}\n"
        "Reply YES to send, or 1–7 to change.",
    },
    "web_adult_places": {
        "nb": "Hvor mange plasser for voksne lærlinger kan dere tilby?",
        "nn": "Kor mange plassar for vaksne lærlingar kan de tilby?",
        "en": "How many places for adult apprentices can you offer?",
    },
    "web_trial": {
        "nb": "Kan dere ta en kandidat på prøve (arbeidstrening) først?",
        "nn": "Kan de ta ein kandidat på prøve (arbeidstrening) først?",
        "en": "Would you take a candidate for a trial period (work training) first?",
    },
    "web_adult_intro": {
        "nb": "Denne kampanjen gjelder voksne lærlinger: fagopplæring i moduler, mest hos dere, med oppfølging fra "
        "skolen og NAV.",
        "nn": "Denne kampanjen gjeld vaksne lærlingar: fagopplæring i modular, mest hos dykk, med oppfølging frå "
        "skulen og NAV.",
        "en": "This campaign is about adult apprentices: training in modules, mostly at your company, followed up "
        "by the school and NAV.",
    },
}
