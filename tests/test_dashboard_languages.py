"""The staff dashboard reads in the staff user's language: every page in nynorsk and English, with the texts from
the catalogue, and no word left written into a dashboard template outside t()."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from catalogue.stored import stored_text
from store.db import Database
from store.models import Company
from store.models import Notice
from store.models import Reply
from tests import test_dashboard
from tests.dashboard_fixtures import csrf_of

TEMPLATES = Path(__file__).resolve().parent.parent / "web" / "templates" / "admin"

# Pages by path (`{campaign}` and `{orgnr}` are filled in), with texts each language must show there.
PAGES: dict[str, dict[str, tuple[str, ...]]] = {
    "/admin/campaigns": {
        "nn": (">Kampanjar</h1>", "Ny kampanje", "Oppretta"),
        "en": (">Campaigns</h1>", "New campaign", "Created", "Progress"),
    },
    "/admin/campaigns/{campaign}": {
        "nn": ("Trakta så langt", "Vart lærebedrift", "Leveranserapport"),
        "en": ("The funnel so far", "Became a training company", "Delivery report", "Copy as new"),
    },
    "/admin/campaigns/{campaign}/progress": {
        "nn": ("Kvifor meldingar i kø ventar", "Blir oppdatert av seg sjølv"),
        "en": ("Why queued messages are waiting", "Updates by itself", "Planned (Norway time)"),
    },
    "/admin/campaigns/{campaign}/confirm/cancel": {
        "nn": ("Dette kan ikkje angrast.", "Nei, gå tilbake"),
        "en": ("This cannot be undone.", "No, go back", "Yes, cancel the campaign"),
    },
    "/admin/campaigns/{campaign}/report": {
        "nn": ("Tider i norsk tid.", "Ventar på"),
        "en": ("Times in Norway time.", "4 rows", "Download Excel"),
    },
    "/admin/campaigns/{campaign}/outcomes": {
        "nn": ("Heile kampanjen", "Læreplassar tilbydde"),
        "en": ("The whole campaign", "Apprenticeships offered", "By trade and county"),
    },
    "/admin/campaigns/{campaign}/attendees": {
        "nn": ("Ingen steg i denne kampanjen inviterer til eit møte.",),
        "en": ("No step of this campaign invites to a meeting.", "Information meetings"),
    },
    "/admin/campaigns/new": {
        "nn": ("Kven", "Ikkje på heilagdagar", "Dagar etter førre steg", "tys"),
        "en": (
            "Who",
            "Not on public holidays",
            "Days after the previous step",
            "Tue",
            "Everyone gets this language",
        ),
    },
    "/admin/campaigns/new?mode=toml": {
        "nn": ("Lister fila viser til med", "Lagre utkast"),
        "en": ("Lists the file refers to with", "Save draft", "The same format as"),
    },
    "/admin/inbox": {
        "nn": ("Ventar på svar", "Ingen spørsmål ventar på svar. Godt jobba!"),
        "en": (
            "Awaiting an answer",
            "No questions are awaiting an answer. Well done!",
            "Every message as Excel",
        ),
    },
    "/admin/leads": {
        "nn": ("Alle fylke", "Eldre enn 1 veke", "Berre dei som har venta over tre yrkedagar"),
        "en": ("All counties", "Older than 1 week", "0 leads", "No leads match these choices."),
    },
    "/admin/hunters": {
        "nn": ("Jegerar melder seg på på", "Ingen jegerar her."),
        "en": ("Hunters sign up at", "No hunters here.", "0 organisations"),
    },
    "/admin/companies?q=Bedrift": {
        "nn": ("Søk på namn eller organisasjonsnummer", "Stad"),
        "en": ("Search by name or organisation number", "Industry", "Place"),
    },
    "/admin/companies?q=Finst+ikkje": {
        "nn": ("Fann ingen bedrifter for «Finst ikkje».",),
        "en": ("No companies found for “Finst ikkje”.",),
    },
    "/admin/companies/{orgnr}": {
        "nn": ("Kontaktpunkt", "Meldingar og svar", "Registrert interesse", "Kjelde"),
        "en": ("Contact points", "Messages and replies", "Registered interest", "From the company", "Facts"),
    },
    "/admin/companies/import": {
        "nn": ("Importer bedrifter frå Einingsregisteret", "Start importen"),
        "en": ("Import companies from the Central Coordinating Register", "Start the import"),
    },
    "/admin/": {
        "nn": ("God dag, Ada", "Treng deg no", "meldingar i kø"),
        "en": ("Good day, Ada", "What is happening", "messages queued", "Vårkampanjen"),
    },
    "/admin/results": {
        "nn": ("Trakta for alle kampanjar", "Heile landet", "Kartet viser"),
        "en": ("The funnel of all campaigns", "The whole country", "Legend: interested", "Taken by a hunter"),
    },
    "/admin/staff": {
        "nn": ("Legg til brukar", "Sist innlogga", "Kampanjeansvarleg"),
        "en": ("Add a user", "Last signed in", "Campaign manager", "No valid API keys."),
    },
    "/admin/sandbox": {
        "nn": ("Finn samtale", "Ingen meldingar er sende i sandkassa enno."),
        "en": ("Find a conversation", "No messages have been sent in the sandbox yet."),
    },
    "/admin/no-such-page": {
        "nn": ("Fann ikkje sida", "Til framsida"),
        "en": ("Page not found", "This page does not exist.", "To the front page"),
    },
}


def _choose(client: TestClient, language: str) -> None:
    token = csrf_of(client, "/admin/")
    client.post("/admin/me/language", data={"language": language, "csrf_token": token})


@pytest.mark.parametrize("language", ["nn", "en"])
def test_every_dashboard_page_reads_in_the_staff_users_language(
    admin_client: TestClient, db: Database, language: str
) -> None:
    campaign = test_dashboard._campaign_with_activity(db)
    with db.session() as session:  # the company that replied and registered
        orgnr = session.scalars(select(Company.orgnr).join(Reply, Reply.company_id == Company.id)).one()
    _choose(admin_client, language)
    for path, texts in PAGES.items():
        response = admin_client.get(path.format(campaign=campaign, orgnr=orgnr))
        assert response.status_code in (200, 404), path
        if not path.endswith("/progress"):
            assert f'<html lang="{language}">' in response.text, path
        missing = [text for text in texts[language] if text not in response.text]
        assert missing == [], (path, missing)


def test_the_sign_in_page_after_signing_out_keeps_the_users_language(admin_client: TestClient) -> None:
    _choose(admin_client, "en")
    admin_client.post("/admin/logout", data={"csrf_token": csrf_of(admin_client, "/admin/")})
    page = admin_client.get("/admin/login").text
    assert '<html lang="en">' in page and "For campaign managers of Læreplassjeger." in page
    refused = admin_client.post(
        "/admin/login",
        data={"email": "ada@worldskills.no", "password": "feil", "csrf_token": csrf_of(admin_client)},
    )
    assert refused.status_code == 401 and "Wrong e-mail address or password." in refused.text


def test_flashes_and_the_domain_refusals_are_written_in_the_staff_users_language(
    admin_client: TestClient, db: Database
) -> None:
    campaign = test_dashboard._campaign_with_activity(db)
    _choose(admin_client, "en")
    token = csrf_of(admin_client, f"/admin/campaigns/{campaign}/confirm/pause")
    paused = admin_client.post(f"/admin/campaigns/{campaign}/pause", data={"csrf_token": token})
    assert "“Vårkampanjen” is paused." in paused.text
    token = csrf_of(admin_client, f"/admin/campaigns/{campaign}")
    admin_client.post(f"/admin/campaigns/{campaign}/cancel", data={"csrf_token": token})
    refused = admin_client.post(f"/admin/campaigns/{campaign}/pause", data={"csrf_token": token})
    refusal = re.search(r'<div class="flash flash-error" role="status">([^<]*)</div>', refused.text)
    assert refusal is not None and refusal.group(1) == (
        f"Campaign {campaign} is cancelled; only a launched campaign can be paused."
    )


def test_notices_and_why_a_campaign_paused_read_in_the_staff_users_language(
    admin_client: TestClient, db: Database
) -> None:
    campaign = test_dashboard._campaign_with_activity(db)
    with db.transaction() as session:
        session.add(Notice(kind="messages_unknown", text=stored_text("notice_messages_unknown", count=3)))
    token = csrf_of(admin_client, f"/admin/campaigns/{campaign}/confirm/pause")
    admin_client.post(f"/admin/campaigns/{campaign}/pause", data={"csrf_token": token})
    shown = {
        "nb": (
            "Satt på pause av kampanjeansvarlig.",
            "Meldinger med ukjent status etter et avbrudd: 3",
            "venter fordi kampanjen er satt på pause",
        ),
        "nn": (
            "Sett på pause av kampanjeansvarleg.",
            "Meldingar med ukjend status etter eit avbrot: 3",
            "ventar fordi kampanjen er sett på pause",
        ),
        "en": (
            "Paused by the campaign manager.",
            "Messages with an unknown status after an interruption: 3",
            "wait because the campaign is paused",
        ),
    }
    for language, (reason, notice, wait) in shown.items():
        _choose(admin_client, language)
        page = admin_client.get(f"/admin/campaigns/{campaign}").text
        assert reason in page and notice in page and wait in page, language
        assert wait in admin_client.get(f"/admin/campaigns/{campaign}/report").text, language
        assert reason in admin_client.get("/admin/campaigns").text, language


# What a reader sees of a template: the text between tags and the attributes people read, with Jinja's
# expressions taken out (a t("key") call is no text), plus the string literals inside those expressions that are
# not catalogue keys or machine values (`'Sendt' if x else ...` is text written into the template all the same).
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_LITERAL = re.compile(r"""(["'])((?:(?!\1).)*)\1""")
_MACHINE = re.compile(r" ?[a-z0-9_./:%?=&-]*")  # keys, states, paths and queries, CSS classes
_READ_ATTRIBUTES = re.compile(r"""\b(?:title|placeholder|aria-label|alt|label)="([^"{]*)""")
_TAG = re.compile(r"<[^>]*>", re.S)
_WORD = re.compile(r"[A-Za-zæøåÆØÅ]{2,}")
# Words that read the same in every language: names of things, not text to translate.
_NAMES = {"SMS", "CSV", "Excel", "PDF", "TOML", "Telegram", "WorldSkills", "Norway", "ENK", "NAV", "htmx"}
_NAMES |= {"JA", "NEI", "STOPP"}  # the keywords companies send, the same whatever language staff read


def norwegian_in(template: str) -> list[str]:
    """The words a reader would see that are written into `template` instead of coming from t(): any word at
    all outside the names above, so a heading in plain letters is caught as surely as one with æøå."""
    found: list[str] = []
    for expression in _JINJA.findall(template):
        for _, literal in _LITERAL.findall(expression):
            if not _MACHINE.fullmatch(literal):
                found += _WORD.findall(literal)
    # The product's name (also as the brand's `Læreplass<span>jeger</span>`) and code are no text to translate.
    text = re.sub(r"Læreplass(?:<span>)?jeger|<code>.*?</code>", " ", _JINJA.sub(" ", template))
    readable = " ".join(_READ_ATTRIBUTES.findall(text)) + " " + _TAG.sub(" ", text)
    readable = re.sub(r"(?<![\w.])/[\w/-]+", " ", readable)  # a path shown as a link (`/jeger/registrer`)
    return sorted({word for word in found + _WORD.findall(readable) if word not in _NAMES})


def test_the_guard_sees_norwegian_between_tags_in_attributes_and_in_expressions() -> None:
    assert norwegian_in("<p>Ingen kampanjer ennå.</p>") == ["Ingen", "ennå", "kampanjer"]
    assert norwegian_in('<input placeholder="Tilfeldige bedrifter">') != []
    assert norwegian_in("{{ 'Sendt, uten kvittering' if s == 'sent' }}") != []
    assert norwegian_in("<b>Pauset:</b> <th>Fag</th>") == ["Fag", "Pauset"]
    assert norwegian_in("<td>{{ 'Feil' if error }}</td>") == ["Feil"]
    assert norwegian_in("<span>SMS</span> <code>jeger campaign create</code> <a>/jeger/registrer</a>") == []
    assert norwegian_in('<p>{{ t("admin_no_campaigns") }}</p><a class="button b-{{ c.state.value }}">') == []
    assert norwegian_in('<a class="brand" href="/admin/">Læreplass<span>jeger</span></a>') == []


def test_no_dashboard_template_has_norwegian_text_outside_the_catalogue() -> None:
    written = {
        path.name: words
        for path in sorted(TEMPLATES.glob("*.html"))
        if (words := norwegian_in(path.read_text(encoding="utf-8")))
    }
    assert written == {}


def test_the_results_downloads_have_headers_in_the_staff_users_language(admin_client: TestClient) -> None:
    bokmal = admin_client.get("/admin/results.csv?by=trade").content.decode("utf-8-sig").splitlines()[0]
    assert bokmal.startswith("Fag;Programområde;Bedrifter;Læreplasser")
    _choose(admin_client, "en")
    trades = admin_client.get("/admin/results.csv?by=trade")
    assert trades.content.decode("utf-8-sig").splitlines()[0] == (
        "Trade;Programme area;Companies;Apprenticeships;For adults;Taken by a hunter;Became a training company"
    )
    assert "results-trades-all.csv" in trades.headers["content-disposition"]
    counties = admin_client.get("/admin/results.csv").content.decode("utf-8-sig").splitlines()[0]
    assert counties.startswith("County no.;County;Audience;Sent")
    _choose(admin_client, "nn")
    assert "Verksemder" in admin_client.get("/admin/results.csv?by=trade").content.decode("utf-8-sig")


def test_an_inbox_refusal_is_written_in_the_staff_users_language(admin_client: TestClient) -> None:
    _choose(admin_client, "nn")
    token = csrf_of(admin_client, "/admin/inbox")
    refused = admin_client.post("/admin/inbox/99999/answer", data={"text": "Hei", "csrf_token": token})
    assert "Fann ikkje svar nr. 99999." in refused.text
    _choose(admin_client, "en")
    refused = admin_client.post("/admin/inbox/99999/handled", data={"csrf_token": token})
    assert "No reply no. 99999." in refused.text
