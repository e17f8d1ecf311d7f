"""Which trades to offer as buttons when a company is asked for its trades, from its NACE code.

A typed answer always works; the buttons only save a small firm's manager some typing on a phone. The most
specific NACE prefix wins: "43.22" (plumbing) suggests the plumbing trades, "43" the building trades.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Trade

MAX_SUGGESTIONS = 6

# NACE prefix (dots removed) -> trade names as in trades.csv, most relevant first.
BY_NACE: dict[str, tuple[str, ...]] = {
    "01": ("Gartnerfaget", "Dyrefaget", "Landbruksmaskinmekanikerfaget"),
    "02": ("Skogfaget",),
    "03": ("Fiske og fangst", "Akvakulturfaget", "Havbruksteknikkfaget"),
    "10": ("Industriell matproduksjon", "Sjømatproduksjon", "Slakterfaget", "Kjøttskjærerfaget"),
    "1071": ("Bakerfaget", "Konditorfaget"),
    "16": ("Trelast- og limtreproduksjonsfaget", "Industrisnekkerfaget", "Snekkerfaget"),
    "18": ("Grafisk produksjonsteknikkfaget", "Serigrafifaget"),
    "20": ("Kjemiprosessfaget", "Laboratoriefaget", "Produksjonsteknikkfaget"),
    "22": ("Plastfaget", "Polymerkomposittfaget", "Produksjonsteknikkfaget"),
    "24": ("Produksjonsteknikkfaget", "Industrimekanikerfaget", "Sveisefaget"),
    "25": ("CNC-maskineringsfaget", "Sveisefaget", "Platearbeiderfaget", "Industrimekanikerfaget"),
    "26": ("Produksjonselektronikerfaget", "Elektroreparatørfaget", "Automatiseringsfaget"),
    "27": ("Produksjonselektronikerfaget", "Viklerfaget", "Tavlemontørfaget"),
    "28": ("Industrimekanikerfaget", "CNC-maskineringsfaget", "Industrimontørfaget", "Sveisefaget"),
    "29": ("Chassispåbyggerfaget", "Industrimontørfaget", "Produksjonsteknikkfaget"),
    "30": ("Platearbeiderfaget", "Sveisefaget", "Komposittbåtbyggerfaget", "Industrirørleggerfaget"),
    "31": ("Møbelsnekkerfaget", "Industrisnekkerfaget", "Møbeltapetsererfaget"),
    "33": ("Industrimekanikerfaget", "Elektroreparatørfaget", "Skipsmotormekanikerfaget"),
    "35": ("Energimontørfaget", "Energioperatørfaget", "Elektrikerfaget"),
    "38": ("Gjenvinningsfaget", "Yrkessjåførfaget"),
    "41": ("Tømrerfaget", "Betongfaget", "Murer- og flisleggerfaget", "Byggmontasjefaget"),
    "42": ("Anleggsmaskinførerfaget", "Vei- og anleggsfaget", "Anleggsrørleggerfaget", "Betongfaget"),
    "43": (
        "Tømrerfaget",
        "Murer- og flisleggerfaget",
        "Maler- og overflateteknikkfaget",
        "Stillasbyggerfaget",
    ),
    "4321": ("Elektrikerfaget", "Telekommunikasjonsmontørfaget", "Heismontørfaget"),
    "4322": ("Rørleggerfaget", "Ventilasjons- og blikkenslagerfaget", "Kulde- og varmepumpeteknikkfaget"),
    "4333": ("Murer- og flisleggerfaget",),
    "4334": ("Maler- og overflateteknikkfaget", "Glassfaget"),
    "4391": ("Tak- og membrantekkerfaget", "Ventilasjons- og blikkenslagerfaget"),
    "45": ("Bilfaget, lette kjøretøy", "Bilfaget, tunge kjøretøy", "Bilskadefaget", "Billakkererfaget"),
    "46": ("Salgsfaget", "Logistikkfaget"),
    "47": ("Salgsfaget", "Ferskvarehandlerfaget"),
    "49": ("Yrkessjåførfaget", "Logistikkfaget"),
    "50": ("Matrosfaget", "Skipsmotormekanikerfaget"),
    "52": ("Logistikkfaget", "Kran- og løfteoperasjonsfaget"),
    "55": ("Reiselivsfaget", "Kokkfaget", "Servitørfaget"),
    "56": ("Kokkfaget", "Servitørfaget", "Ernæringskokkfaget"),
    "58": ("Mediedesignfaget", "Grafisk produksjonsteknikkfaget"),
    "59": ("Medieteknikkfaget", "Innholdsproduksjonsfaget"),
    "61": ("Telekommunikasjonsmontørfaget", "IT-driftsfaget"),
    "62": ("IT-utviklerfaget", "IT-driftsfaget"),
    "63": ("IT-driftsfaget", "IT-utviklerfaget"),
    "73": ("Profileringsdesignfaget", "Mediedesignfaget"),
    "80": ("Sikkerhetsfaget",),
    "81": ("Renholdsoperatørfaget", "Byggdrifterfaget", "Anleggsgartnerfaget"),
    "82": ("Service- og administrasjonsfaget",),
    "84": ("Service- og administrasjonsfaget", "Byggdrifterfaget"),
    "85": ("Barne- og ungdomsarbeiderfaget", "Byggdrifterfaget"),
    "86": ("Helsearbeiderfaget", "Ambulansefaget", "Portørfaget"),
    "87": ("Helsearbeiderfaget", "Aktivitørfaget"),
    "88": ("Barne- og ungdomsarbeiderfaget", "Helsearbeiderfaget", "Aktivitørfaget"),
    "95": ("Elektroreparatørfaget", "Urmakerfaget", "Skomakerfaget"),
    "9602": ("Frisørfaget",),
}


def suggested_trades(session: Session, nace_code: str | None) -> list[Trade]:
    """Up to MAX_SUGGESTIONS trades for the NACE code's most specific known prefix; none when unknown."""
    code = (nace_code or "").replace(".", "").strip()
    names: tuple[str, ...] = ()
    for length in range(len(code), 1, -1):
        names = BY_NACE.get(code[:length], ())
        if names:
            break
    if not names:
        return []
    by_name = {t.name: t for t in session.scalars(select(Trade).where(Trade.name.in_(names)))}
    return [by_name[n] for n in names if n in by_name][:MAX_SUGGESTIONS]
