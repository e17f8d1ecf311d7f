"""`jeger serve --demo`: sample data, a running sandbox campaign, and companies that answer by themselves.

Seeding is idempotent: companies are keyed by orgnr, hunters by name, the staff login by e-mail, and a new
demo campaign is only created when no demo campaign is still under way. The campaign goes through the
campaign domain (create + launch) and the simulated answers through the conversation engine, so the demo
exercises the same path as a real campaign, only on the sandbox channels.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from campaigns.windows import ALWAYS_OPEN_TABLE
from companies.importer import import_companies
from demo.data import sample_companies
from settings import Settings
from staff.accounts import add_staff
from staff.accounts import staff_by_email
from store.db import Database
from store.models import Campaign
from store.models import CampaignState
from store.models import Channel
from store.models import Company
from store.models import Conversation
from store.models import County
from store.models import Hunter
from store.models import HunterState
from store.models import HunterType
from store.models import Lead
from store.models import LeadState
from store.models import Message
from store.models import Municipality
from store.models import Registration
from store.models import Reply
from store.models import StaffRole
from store.models import Trade
from store.models import utcnow
from store.times import OSLO

log = logging.getLogger(__name__)

DEMO_EMAIL = "demo@laereplassjeger.no"
DEMO_PASSWORD = "demo-passord-2027"
DEMO_CAMPAIGN_PREFIX = "Demo: Læreplassjeger"


@dataclass(frozen=True)
class HunterSpec:
    name: str
    type: HunterType
    orgnr: str
    counties: tuple[str, ...]
    trades: tuple[str, ...]  # trade names; empty = all trades
    contact: str
    phone: str
    chat_id: str
    state: HunterState = HunterState.APPROVED


HUNTERS = (
    HunterSpec(
        "Opplæringskontoret for byggfag Nord",
        HunterType.TRAINING_OFFICE,
        "976894677",
        ("18", "55", "56", "50"),
        ("Tømrerfaget", "Rørleggerfaget", "Elektrikerfaget", "Murerfaget", "Anleggsmaskinførerfaget"),
        "Siri Nordmo",
        "+4790011001",
        "7000000001",
    ),
    HunterSpec(
        "Fellesforbundet Vest",
        HunterType.UNION,
        "938766290",
        ("11", "15", "46", "42"),
        (),
        "Tor Vestbø",
        "+4790011002",
        "7000000002",
    ),
    HunterSpec(
        "Norsk Industri Østlandet",
        HunterType.TRADE_BODY,
        "982391628",
        ("03", "31", "32", "33", "34", "39", "40"),
        (
            "Industrimekanikerfaget",
            "Produksjonsteknikkfaget",
            "Sveisefaget",
            "CNC-maskineringsfaget",
            "Tømrerfaget",
            "Elektrikerfaget",
            "Rørleggerfaget",
            "Kjøretøyfaget",
        ),
        "Lene Østby",
        "+4790011003",
        "7000000003",
    ),
    HunterSpec(
        "Agder kommune, NAV-samarbeid",
        HunterType.MUNICIPALITY,
        "964968519",
        ("42",),
        (),
        "Pål Sørli",
        "+4790011004",
        "7000000004",
        HunterState.PENDING,
    ),
)


@dataclass(frozen=True)
class TryCompany:
    """A demo company kept for people to try things with (README, "make demo"): the simulator never answers
    for it and the demo's hunters never take its lead, so a STOPP or JA typed for it shows its own outcome
    instead of one the simulation already produced. Its orgnr, short code and mobile never change."""

    orgnr: str
    name: str
    short_code: str
    mobile: str
    county: str
    nace: str
    language: str = "nb"
    email: str | None = None


# Listed in README.md under `make demo`: keep the two in step. Short codes use SHORT_CODE_ALPHABET.
TRY_COMPANIES = (
    TryCompany("910000004", "Prøvestein Bygg AS", "TEST22", "+4791000001", "03", "41.200"),
    TryCompany(
        "910000012",
        "Prøvestein Elektro AS",
        "TEST33",
        "+4791000002",
        "46",
        "43.210",
        "nn",
        "post@provestein.no",
    ),
    TryCompany("910000020", "Prøvestein Rør AS", "TEST44", "+4791000003", "50", "43.221"),
    TryCompany("910000039", "Prøvestein Verksted AS", "TEST55", "+4791000004", "18", "25.620"),
    TryCompany("910000047", "Prøvestein Bil AS", "TEST66", "+4791000005", "55", "45.200"),
)
TRY_ORGNRS = tuple(c.orgnr for c in TRY_COMPANIES)


def try_company_ids(session: Session) -> set[int]:
    return set(session.scalars(select(Company.id).where(Company.orgnr.in_(TRY_ORGNRS))))


@dataclass(frozen=True)
class DemoSummary:
    companies_added: int
    companies_total: int
    hunters_added: int
    staff_created: bool
    campaign_id: int | None
    campaign_created: bool
    ora_campaign_id: int | None = None  # the Øra case (demo.ora), the second sample campaign

    @property
    def text(self) -> str:
        campaign = (
            f"demokampanje {self.campaign_id} {'opprettet og startet' if self.campaign_created else 'er i gang'}"
            if self.campaign_id
            else "ingen demokampanje (kampanjemodulen mangler)"
        )
        return (
            f"Demodata: {self.companies_total} bedrifter ({self.companies_added} nye), "
            f"{self.hunters_added} jegere lagt til, {campaign}"
            + (f", Øra-kampanjen er nr. {self.ora_campaign_id}." if self.ora_campaign_id else ".")
        )


def municipalities_by_county(session: Session) -> dict[str, list[tuple[str, str]]]:
    """County number -> [(municipality number, name)] from the reference data, in number order."""
    municipalities: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for number, name, county in session.execute(
        select(Municipality.number, Municipality.name, Municipality.county_number).order_by(
            Municipality.number
        )
    ).tuples():
        municipalities[county].append((number, name))
    return municipalities


def register_units(
    session: Session, *, count: int = 500, seed: int = 2027
) -> tuple[list[dict[str, Any]], list[str]]:
    """The sample companies as Enhetsregisteret JSON units (phone numbers written the way people do), and
    the orgnrs of those that already train apprentices (which the register does not say)."""
    municipalities = municipalities_by_county(session)
    units, training = [], []
    for sample in sample_companies(municipalities, count=count, seed=seed):
        address = {
            "adresse": [sample.street],
            "postnummer": sample.postcode,
            "poststed": sample.city,
            "kommunenummer": sample.municipality_number,
            "land": "Norge",
        }
        unit: dict[str, Any] = {
            "organisasjonsnummer": sample.orgnr,
            "navn": sample.name,
            "organisasjonsform": {"kode": sample.org_form},
            "naeringskode1": {"kode": sample.nace_code},
            "forretningsadresse": address,
            "postadresse": address,
            "maalform": "Nynorsk" if sample.language == "nn" else "Bokmål",
            "konkurs": sample.bankrupt,
            "underAvvikling": sample.winding_up,
        }
        if sample.employees is not None:
            unit["antallAnsatte"] = sample.employees
        if sample.mobile:
            digits = sample.mobile[3:]
            unit["mobil"] = f"{digits[:3]} {digits[3:5]} {digits[5:]}"
        if sample.phone:
            digits = sample.phone[3:]
            unit["telefon"] = f"{digits[:2]} {digits[2:4]} {digits[4:6]} {digits[6:]}"
        if sample.email:
            unit["epostadresse"] = sample.email
        if sample.website:
            unit["hjemmeside"] = sample.website
        units.append(unit)
        if sample.is_training_company:
            training.append(sample.orgnr)
    return units, training


def _try_unit(company: TryCompany, municipalities: dict[str, list[tuple[str, str]]]) -> dict[str, Any]:
    """A company to try things with, as a register unit: in the demo campaign's audience (its trades, ten
    employees, a mobile), and in the first municipality of its county."""
    number, place = municipalities[company.county][0]
    address = {
        "adresse": ["Prøvegata 1"],
        "postnummer": "0150",
        "poststed": place.split(" - ")[0].upper(),
        "kommunenummer": number,
        "land": "Norge",
    }
    unit: dict[str, Any] = {
        "organisasjonsnummer": company.orgnr,
        "navn": company.name,
        "organisasjonsform": {"kode": "AS"},
        "naeringskode1": {"kode": company.nace},
        "forretningsadresse": address,
        "postadresse": address,
        "maalform": "Nynorsk" if company.language == "nn" else "Bokmål",
        "konkurs": False,
        "underAvvikling": False,
        "antallAnsatte": 10,
        "mobil": company.mobile[3:],
    }
    if company.email:
        unit["epostadresse"] = company.email
    return unit


def fix_try_codes(session: Session) -> None:
    """Gives the companies to try their short codes from the README (and a link token), once. A code some
    other company already drew is left to it; with 31**6 codes that does not happen in a demo."""
    from companies.identifiers import new_tokens

    for spec in TRY_COMPANIES:
        company = session.scalar(select(Company).where(Company.orgnr == spec.orgnr))
        if company is None or company.short_code == spec.short_code:
            continue
        holder = session.scalar(select(Company.id).where(Company.short_code == spec.short_code))
        if holder is not None:
            log.warning("demo: short code %s is taken; %s keeps its own", spec.short_code, spec.orgnr)
            continue
        company.short_code = spec.short_code
        company.token = company.token or new_tokens(1)[0]
    session.flush()


def seed_companies(db: Database, *, count: int = 500, seed: int = 2027) -> int:
    """Imports the sample companies through the real importer (an upsert: a second run changes nothing)."""
    with db.session() as session:
        units, training = register_units(session, count=count, seed=seed)
        before = session.scalar(select(func.count()).select_from(Company)) or 0
    with tempfile.TemporaryDirectory(prefix="jeger-demo-") as directory:
        path = Path(directory) / "demo-enheter.json"
        path.write_text(json.dumps(units, ensure_ascii=False), encoding="utf-8")
        import_companies(db, path, rejects_path=Path(directory) / "rejects.csv")
    with db.transaction() as session:
        session.execute(
            update(Company)
            .where(Company.orgnr.in_(training))
            .values(is_training_company=True, training_marked=True)
        )
        after = session.scalar(select(func.count()).select_from(Company)) or 0
    return after - before


def seed_try_companies(db: Database) -> int:
    """Imports the companies to try (README) through the real importer and gives them their short codes;
    returns how many were new. Apart from `seed_companies`, so tests that count sample companies see none."""
    with db.session() as session:
        municipalities = municipalities_by_county(session)
        before = session.scalar(select(func.count()).select_from(Company)) or 0
    units = [_try_unit(company, municipalities) for company in TRY_COMPANIES]
    with tempfile.TemporaryDirectory(prefix="jeger-demo-") as directory:
        path = Path(directory) / "demo-proevebedrifter.json"
        path.write_text(json.dumps(units, ensure_ascii=False), encoding="utf-8")
        import_companies(db, path, rejects_path=Path(directory) / "rejects.csv")
    with db.transaction() as session:
        fix_try_codes(session)
        after = session.scalar(select(func.count()).select_from(Company)) or 0
    return after - before


def seed_hunters(session: Session) -> int:
    added = 0
    trades = {t.name: t for t in session.scalars(select(Trade))}
    for spec in HUNTERS:
        if session.scalar(select(Hunter.id).where(Hunter.org_name == spec.name)) is not None:
            continue
        hunter = Hunter(
            org_name=spec.name,
            type=spec.type,
            orgnr=spec.orgnr,
            contact_name=spec.contact,
            phone=spec.phone,
            telegram_chat_id=spec.chat_id,
            all_trades=not spec.trades,
            state=spec.state,
            decided_at=utcnow() if spec.state == HunterState.APPROVED else None,
        )
        hunter.counties = [session.get_one(County, number) for number in spec.counties]
        hunter.trades = [trades[name] for name in spec.trades if name in trades]
        session.add(hunter)
        added += 1
    session.flush()
    return added


def ensure_demo_staff(session: Session) -> bool:
    if staff_by_email(session, DEMO_EMAIL) is not None:
        return False
    add_staff(session, email=DEMO_EMAIL, role=StaffRole.ADMIN, password=DEMO_PASSWORD, name="Demo Bruker")
    return True


ALL_COUNTIES = ("03", "11", "15", "18", "31", "32", "33", "34", "39", "40", "42", "46", "50", "55", "56")


def demo_campaign_toml(
    now: datetime, *, name: str | None = None, counties: tuple[str, ...] = ALL_COUNTIES, rate: int = 5
) -> str:
    """A campaign like PRODUCT §5 whose window is open all day every day and whose first step is due now."""
    local = now.astimezone(OSLO)
    name = name or f"{DEMO_CAMPAIGN_PREFIX} {local:%d.%m.%Y %H:%M}"
    county_list = ", ".join(f'"{c}"' for c in counties)
    return f"""\
name = "{name}"
language = "nb"

{ALWAYS_OPEN_TABLE}
[rate]
sms = {rate}
email = 10
telegram = 20

[audience]
counties = [{county_list}]
nace = ["41", "42", "43", "25", "28", "33", "45", "16"]
employees = [1, 500]
exclude = ["opted_out", "registered", "training_company"]

{sms_invitation_steps(f"{local:%Y-%m-%dT%H:%M}")}"""


def sms_invitation_steps(at: str) -> str:
    """The steps of PRODUCT §5's SMS campaign as TOML: the invitation at `at` (local time), and a week later a
    reminder to those who have not answered. The demo's campaign and the national benchmark's share them."""
    return f"""\
[[steps]]
name = "sms"
channel = "sms"
template = "sms/invitasjon"
at = "{at}"

[[steps]]
name = "paaminnelse"
channel = "sms"
template = "sms/paaminnelse"
after_days = 7
only = "no_reply"
"""


def demo_settings(settings: Settings, *, host: str, port: int) -> Settings:
    """The links in demo messages (registration page, status callbacks) must reach the demo server, so unless
    PUBLIC_BASE_URL was set explicitly it follows `--host`/`--port` instead of the default port 8000."""
    if "public_base_url" in settings.model_fields_set:
        return settings
    shown = "127.0.0.1" if host in ("", "0.0.0.0", "::") else host
    if ":" in shown:  # an IPv6 address goes in brackets in a URL
        shown = f"[{shown}]"
    return settings.model_copy(update={"public_base_url": f"http://{shown}:{port}"})


def active_demo_campaign(session: Session) -> Campaign | None:
    return session.scalar(
        select(Campaign)
        .where(
            Campaign.name.startswith(DEMO_CAMPAIGN_PREFIX),
            Campaign.state.in_([CampaignState.SCHEDULED, CampaignState.RUNNING, CampaignState.PAUSED]),
        )
        .order_by(Campaign.id.desc())
    )


def seed_demo(db: Database, settings: Settings, *, companies: int = 500) -> DemoSummary:
    """Everything `jeger serve --demo` needs; running it again adds only what is missing."""
    added = seed_companies(db, count=companies) + seed_try_companies(db)
    with db.transaction() as session:
        hunters = seed_hunters(session)
        staff = ensure_demo_staff(session)
        total = session.scalar(select(func.count()).select_from(Company)) or 0
    campaign_id, created = ensure_demo_campaign(db, settings)
    from demo.ora import seed_ora

    ora = seed_ora(db, settings)
    return DemoSummary(added, total, hunters, staff, campaign_id, created, ora.campaign_id)


def ensure_demo_campaign(db: Database, settings: Settings) -> tuple[int | None, bool]:
    """Today's demo campaign, created and launched through the campaign domain when there is none yet."""
    with db.session() as session:
        current = active_demo_campaign(session)
        today = utcnow().astimezone(OSLO).date()
        if current is not None and current.created_at.astimezone(OSLO).date() == today:
            return current.id, False
    from campaigns.lifecycle import create_campaign
    from campaigns.lifecycle import launch_campaign

    with db.transaction() as session:
        result = create_campaign(
            session, source=demo_campaign_toml(utcnow()), filename="demo-kampanje.toml", settings=settings
        )
        launch_campaign(session, campaign_id=result.campaign.id, settings=settings)
        return result.campaign.id, True


# --- simulated companies ------------------------------------------------------------------------------------

QUESTIONS = (
    "Hva koster det å ha lærling? Vi er bare fire ansatte.",
    "Kan vi ta inn en voksen lærling som jobber hos oss allerede?",
    "Hvem i fylkeskommunen kan vi snakke med om dette?",
    "Vi hadde lærling i fjor. Må vi søke på nytt?",
)
# Answers to the registration questions, found by words in the conversation step's name.
REGISTRATION_ANSWERS = (
    (("name", "contact", "navn", "person"), "Kari Nordmann"),
    (("trade", "fag"), "tømrer"),
    (("places", "plass", "count", "number"), "2"),
    (("adult", "voksen"), "ja"),
    (("start", "when"), "august"),
    (("email", "epost", "mail"), "post@example.no"),
    (("phone", "mobil"), "+4791234567"),
    (("consent", "samtykke", "confirm"), "ja"),
)


@dataclass(frozen=True)
class Script:
    """What one simulated company does, and how long after our SMS it answers."""

    first: str
    delay_seconds: int
    registers: bool = False


def script_for(company_id: int) -> Script | None:
    """About one in four companies answers; the mix matches what campaigns see (a few JA, some NEI, STOPP)."""
    roll = (company_id * 7919) % 100
    delay = 20 + (company_id * 104729) % 200
    if roll < 12:
        return Script("JA", delay, registers=True)
    if roll < 17:
        return Script("NEI takk", delay)
    if roll < 20:
        return Script("STOPP", delay)
    if roll < 24:
        return Script(QUESTIONS[company_id % len(QUESTIONS)], delay)
    if roll < 25:
        return Script("HJELP", delay)
    return None


def registration_answer(step: str | None) -> str:
    lowered = (step or "").lower()
    for words, answer in REGISTRATION_ANSWERS:
        if any(word in lowered for word in words):
            return answer
    return "ja"


class DemoSimulator:
    """`jeger serve --demo`: companies that received a demo SMS answer by themselves over the first minutes.

    Every answer goes through the conversation engine exactly as a real SMS would (via the sandbox reply
    function), so the inbox, leads and hunters' notifications fill up on their own.
    """

    name = "demo-simulator"

    def __init__(
        self, *, settings: Settings, db: Database, tick_seconds: float = 3.0, minutes: float = 15.0
    ) -> None:
        self.settings = settings
        self.db = db
        self.tick_seconds = tick_seconds
        self.until = utcnow() + timedelta(minutes=minutes)
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=self.name)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        while True:
            try:
                await asyncio.to_thread(self.tick)
            except Exception:  # one bad tick must not end the demo
                log.exception("demo simulator tick failed")
            await asyncio.sleep(self.tick_seconds)

    def tick(self, now: datetime | None = None) -> int:
        """Sends the answers that are due now; returns how many."""
        now = now or utcnow()
        sent = 0
        with self.db.session() as session:
            for sender, text in self._due(session, now):
                simulate_reply(session, self.settings, sender=sender, text=text)
                session.commit()
                sent += 1
            sent += simulate_hunters(session, now=now)
            session.commit()
        return sent

    def _due(self, session: Session, now: datetime) -> list[tuple[str, str]]:
        """(sender, text) of every simulated message that is due now."""
        due: list[tuple[str, str]] = []
        demo_ids = select(Campaign.id).where(Campaign.name.startswith(DEMO_CAMPAIGN_PREFIX))
        rows = session.execute(
            select(Message.company_id, Message.address, Message.sent_at)
            .where(
                Message.campaign_id.in_(demo_ids),
                Message.channel == Channel.SMS,
                Message.provider == "sandbox",
                Message.sent_at.is_not(None),
                Message.address.is_not(None),
            )
            .order_by(Message.sent_at)
        ).tuples()
        answered = set(session.scalars(select(Reply.sender).where(Reply.channel.in_(["sms", "sandbox"]))))
        reserved = try_company_ids(session)  # the README's companies: people answer for them
        for company_id, address, sent_at in rows:
            if company_id in reserved:
                continue
            script = script_for(company_id or 0)
            if script is None or address is None or sent_at is None:
                continue
            if address not in answered:
                if now < self.until and sent_at + timedelta(seconds=script.delay_seconds) <= now:
                    due.append((address, script.first))
                continue
            if script.registers:
                conversation = session.scalar(
                    select(Conversation).where(
                        Conversation.address == address, Conversation.flow.is_not(None)
                    )
                )
                if conversation is not None and conversation.updated_at + timedelta(seconds=4) <= now:
                    due.append((address, registration_answer(conversation.step)))
        return due


CLAIM_AFTER = timedelta(seconds=30)
OUTCOME_AFTER = timedelta(seconds=60)


def simulate_hunters(session: Session, *, now: datetime) -> int:
    """The demo's hunters take the demo leads and report back, with the same functions their buttons call."""
    from hunters.leads import claim_lead
    from hunters.leads import eligible_hunters
    from hunters.leads import record_outcome

    demo = select(Campaign.id).where(Campaign.name.startswith(DEMO_CAMPAIGN_PREFIX))
    leads = session.scalars(
        select(Lead)
        .join(Registration, Registration.id == Lead.registration_id)
        .where(
            Registration.campaign_id.in_(demo),
            Lead.state.in_([LeadState.NEW, LeadState.CLAIMED]),
            Lead.company_id.not_in(select(Company.id).where(Company.orgnr.in_(TRY_ORGNRS))),
        )
        .order_by(Lead.id)
    ).all()
    acted = 0
    for lead in leads:
        if lead.state == LeadState.NEW and lead.created_at + CLAIM_AFTER <= now:
            hunters = eligible_hunters(session, lead=lead)
            if hunters and claim_lead(session, lead_id=lead.id, hunter_id=hunters[0].id).ok:
                acted += 1
        elif (
            lead.state == LeadState.CLAIMED
            and lead.hunter_id
            and lead.claimed_at
            and lead.claimed_at + OUTCOME_AFTER <= now
        ):
            outcomes = [LeadState.BECAME_TRAINING_COMPANY, LeadState.CONTACTED, LeadState.DECLINED]
            outcome = outcomes[lead.id % len(outcomes)]
            record_outcome(session, lead_id=lead.id, hunter_id=lead.hunter_id, outcome=outcome)
            acted += 1
    return acted


def simulate_reply(session: Session, settings: Settings, *, sender: str, text: str) -> None:
    """One inbound message from a simulated company, through the conversation engine (as `jeger sandbox reply`)."""
    from bot.replies import sandbox_reply

    sandbox_reply(session, sender=sender, text=text, settings=settings)
