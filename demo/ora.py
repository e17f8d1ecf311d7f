"""The Øra case as the demo's second campaign (PRODUCT §11, issue 13): NAV Fredrikstad with Glemmen upper
secondary school owns an adult (`voksen`) campaign to the member companies of Øra industrial park in
production trades, minus those already approved as training companies, inviting them to an information meeting.

`seed_ora` makes what the case needs, through the same domain functions staff use: the two owning
organisations and, for contrast, a training office in the same county that must not get the leads; the park's
companies (through the register importer) and one county approval; the campaign itself (created from a file
like examples/ora-voksen.toml, with the member list beside it, and launched by staff, which is the approval an
owned campaign waits for). Everything after that happens as in real life: the scheduler materialises the
invitation, the sandbox sends it, companies answer JA/NEI, register, and NAV's members get the leads.
Running it again adds nothing.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.lifecycle import create_campaign
from campaigns.lifecycle import launch_campaign
from campaigns.orgnr_lists import ListFiles
from campaigns.windows import ALWAYS_OPEN_TABLE
from companies.importer import import_companies
from hunters.signup import SignupInput
from hunters.signup import orgnr_taken
from hunters.signup import sign_up
from settings import Settings
from store.db import Database
from store.models import Campaign
from store.models import Company
from store.models import Trade
from store.models import TrainingApproval
from store.models import utcnow
from store.times import OSLO

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
MEMBER_LIST = EXAMPLES / "ora-medlemmer.csv"
CAMPAIGN_NAME = "Voksne lærlinger på Øra (demo)"
NAV, GLEMMEN, TRAINING_OFFICE = "989812165", "980267172", "974761076"
FREDRIKSTAD = ("3107", "FREDRIKSTAD", "1632")

# The park's members (examples/ora-medlemmer.csv) with their NACE codes, and one company outside the park.
# Fredrikstad Sveis og Montasje is an approved training company already; Øra Gjenvinning is no production
# company; Kråkerøy Mekaniske is not a member: the campaign writes to none of those three.
COMPANIES: tuple[tuple[str, str, str, str], ...] = (
    ("918660240", "Øra Metall AS", "25.110", "93100001"),
    ("942480784", "Fredrikstad Sveis og Montasje AS", "25.620", "93100002"),
    ("834305585", "Øra Plast AS", "22.220", "93100003"),
    ("841584805", "Glommen Mekaniske Verksted AS", "28.410", "93100004"),
    ("932704838", "Østfold Industriservice AS", "33.120", "93100005"),
    ("882040755", "Øra Kompositt AS", "22.290", "93100006"),
    ("822581455", "Vesterelven Maskin AS", "28.220", "93100007"),
    ("833439596", "Fredrikstad CNC AS", "25.620", "93100008"),
    ("840438236", "Øra Gjenvinning AS", "38.320", "93100009"),
    ("860616580", "Isegran Produksjon AS", "27.900", "93100010"),
    ("990983666", "Kråkerøy Mekaniske AS", "25.620", "93100011"),
)
APPROVED = "942480784"
ORGANISATIONS = (
    SignupInput(
        org_name="NAV Fredrikstad", type="nav", orgnr=NAV, counties=["31"], all_trades=True,
        member_name="Nina Berg", email="nina.berg@nav.example.no", phone="+4791110001",
    ),
    SignupInput(
        org_name="Glemmen videregående skole", type="school", orgnr=GLEMMEN, counties=["31"], all_trades=True,
        member_name="Geir Holt", email="geir.holt@glemmen.example.no", phone="+4791110002",
    ),
    SignupInput(
        org_name="Opplæringskontoret for industrien i Østfold", type="training_office", orgnr=TRAINING_OFFICE,
        counties=["31"], all_trades=True, member_name="Olav Lund", email="olav@ok-industri.example.no",
        phone="+4791110003",
    ),
)  # fmt: skip


@dataclass(frozen=True)
class OraCase:
    campaign_id: int | None
    created: bool


def campaign_toml(now: datetime) -> str:
    """examples/ora-voksen.toml with times from `now`: the invitation to the meeting goes at once, the meeting
    is a week later, the adult letter follows the invitation. The demo's window is open all day."""
    local = now.astimezone(OSLO)
    meeting = (local + timedelta(days=7)).replace(hour=14, minute=0, second=0, microsecond=0)
    return f"""\
name = "{CAMPAIGN_NAME}"
description = "Modulstrukturert fagopplæring for voksne i produksjonsteknikk, NAV Fredrikstad og Glemmen vgs"
kind = "voksen"
owner = "{NAV}"
co_owners = ["{GLEMMEN}"]
route = "owner"
language = "auto"
report_email = "weekly"

{ALWAYS_OPEN_TABLE}
[audience]
orgnr_file = "ora-medlemmer.csv"
trades = ["Produksjonsteknikkfaget", "Industrimekanikerfaget", "CNC-maskineringsfaget"]
exclude = ["opted_out", "registered", "training_company"]

[[steps]]
name = "infomote"
channel = "sms"
template = "sms/infomote"
at = "{local:%Y-%m-%dT%H:%M}"
event = {{ title = "Voksne lærlinger på Øra", at = "{meeting:%Y-%m-%dT%H:%M}", ends = "{meeting:%Y-%m-%dT}15:30", place = "Glemmen videregående skole, Fredrikstad", capacity = 40 }}

[[steps]]
name = "voksen"
channel = "sms"
template = "sms/voksen"
after_days = 1
only = "no_reply"
"""


def _unit(orgnr: str, name: str, nace: str, mobile: str) -> dict[str, object]:
    number, place, postcode = FREDRIKSTAD
    address = {
        "adresse": ["Øraveien 1"],
        "postnummer": postcode,
        "poststed": place,
        "kommunenummer": number,
        "land": "Norge",
    }
    return {
        "organisasjonsnummer": orgnr,
        "navn": name,
        "organisasjonsform": {"kode": "AS"},
        "naeringskode1": {"kode": nace},
        "forretningsadresse": address,
        "postadresse": address,
        "maalform": "Bokmål",
        "konkurs": False,
        "underAvvikling": False,
        "antallAnsatte": 25,
        "mobil": mobile,
    }


def seed_companies(db: Database) -> None:
    """The park's companies through the real importer (an upsert), and the county's approval of one of them."""
    with tempfile.TemporaryDirectory(prefix="jeger-ora-") as directory:
        path = Path(directory) / "ora-enheter.json"
        path.write_text(json.dumps([_unit(*row) for row in COMPANIES], ensure_ascii=False), encoding="utf-8")
        import_companies(db, path, rejects_path=Path(directory) / "rejects.csv")
    with db.transaction() as session:
        trade = session.scalar(select(Trade.id).where(Trade.name == "Produksjonsteknikkfaget"))
        approved = select(TrainingApproval.id).where(TrainingApproval.orgnr == APPROVED)
        if trade is not None and session.scalar(approved) is None:
            session.add(
                TrainingApproval(orgnr=APPROVED, county_number="31", trade_id=trade, source="ora-demo")
            )
            company = session.scalar(select(Company).where(Company.orgnr == APPROVED))
            if company is not None:
                company.is_training_company = True


def seed_organisations(session: Session) -> int:
    """The owners and the county's training office, approved (as `jeger hunters add --approve` does)."""
    added = 0
    for form in ORGANISATIONS:
        if not orgnr_taken(session, form.orgnr):
            sign_up(session, form=form, source="demo", approve=True)
            added += 1
    return added


def seed_ora(db: Database, settings: Settings, *, now: datetime | None = None) -> OraCase:
    """Everything above, and the campaign created and launched (once: a second run finds it)."""
    now = now or utcnow()
    seed_companies(db)
    with db.transaction() as session:
        seed_organisations(session)
        existing = session.scalar(select(Campaign.id).where(Campaign.name == CAMPAIGN_NAME))
    if existing is not None:
        return OraCase(existing, False)
    with db.transaction() as session:
        created = create_campaign(
            session,
            source=campaign_toml(now),
            filename="ora-voksen.toml",
            settings=settings,
            now=now,
            files=ListFiles(base_dir=EXAMPLES),  # the member list beside the example
        )
        launch_campaign(session, campaign_id=created.campaign.id, settings=settings, now=now)
        return OraCase(created.campaign.id, True)
