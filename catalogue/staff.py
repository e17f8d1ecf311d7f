"""What staff read around every dashboard page: the menu, the sign-out and the language choice. In the staff user's
language (`staff_user.language`, bokmål until they choose)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "nav_label": {"nb": "Hovedmeny", "nn": "Hovudmeny", "en": "Main menu"},
    "nav_campaigns": {"nb": "Kampanjer", "nn": "Kampanjar", "en": "Campaigns"},
    "nav_results": {"nb": "Resultater", "nn": "Resultat", "en": "Results"},
    "nav_inbox": {"nb": "Innboks", "nn": "Innboks", "en": "Inbox"},
    "nav_inbox_open": {"nb": "ubesvarte", "nn": "utan svar", "en": "unanswered"},
    "nav_leads": {"nb": "Leads", "nn": "Leads", "en": "Leads"},
    "nav_hunters": {"nb": "Jegere", "nn": "Jegerar", "en": "Hunters"},
    "nav_companies": {"nb": "Bedrifter", "nn": "Bedrifter", "en": "Companies"},
    "nav_sandbox": {"nb": "Sandkasse", "nn": "Sandkasse", "en": "Sandbox"},
    "nav_staff": {"nb": "Brukere", "nn": "Brukarar", "en": "Users"},
    "sign_out": {"nb": "Logg ut", "nn": "Logg ut", "en": "Sign out"},
    "language_choice": {"nb": "Språk", "nn": "Språk", "en": "Language"},
    "language_choose": {"nb": "Bytt", "nn": "Byt", "en": "Change"},
    "language_saved": {
        "nb": "Dashbordet vises nå på bokmål.",
        "nn": "Dashbordet blir no vist på nynorsk.",
        "en": "The dashboard is now shown in English.",
    },
    "notice_heading": {"nb": "Obs!", "nn": "Merk!", "en": "Note!"},
    "notice_to_campaign": {"nb": "Til kampanjen", "nn": "Til kampanjen", "en": "To the campaign"},
    "notice_mark_read": {"nb": "Sett som lest", "nn": "Set som lesen", "en": "Mark as read"},
}
