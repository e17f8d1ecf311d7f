"""Registering interest from the personal web page (PRODUCT §4): the same record and lead as the chat flow."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.registration_lookup import WEB
from bot.registration_lookup import active_registration
from bot.registration_lookup import continue_registration
from bot.registration_lookup import unfinished_registration
from campaigns.definition_model import definition_of
from catalogue import text as say
from companies.emails import normalize_email
from companies.language import LATEST_OUTREACH
from companies.phones import classify_phone
from hunters.leads import create_lead
from store.models import Campaign
from store.models import CampaignOwner
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import Registration
from store.models import RegistrationSource
from store.models import Trade
from store.models import utcnow
from store.secrets import AddressHasher


@dataclass
class WebForm:
    contact_name: str = ""
    phone: str = ""
    email: str = ""
    trades: list[int] = field(default_factory=list)
    places: str = ""
    adult: str = ""  # "ja" | "nei"
    start: str = ""
    consent: bool = False
    trial: str = ""  # "ja" | "nei": adult campaigns only


@dataclass(frozen=True)
class WebCampaign:
    """The campaign a web registration answers, when it matters: an owned campaign's leads go to its owners
    (hunters.routing), and an adult campaign asks its own questions. None for any other campaign, whose
    web registrations stay unattached as before."""

    campaign_id: int | None = None
    adult: bool = False


def web_campaign(session: Session, company: Company) -> WebCampaign:
    """The latest campaign that reached the company, if it is owned or adult (PRODUCT §11)."""
    latest = session.execute(LATEST_OUTREACH, {"company_id": company.id}).first()
    campaign = session.get(Campaign, latest.campaign_id) if latest and latest.campaign_id else None
    if campaign is None:
        return WebCampaign()
    adult = definition_of(campaign).kind == "voksen"
    owned = session.scalar(
        select(CampaignOwner.hunter_id).where(CampaignOwner.campaign_id == campaign.id).limit(1)
    )
    return WebCampaign(campaign.id, adult) if adult or owned is not None else WebCampaign()


def validate(
    session: Session, form: WebForm, language: str, *, adult: bool = False
) -> tuple[dict[str, str], dict[str, object]]:
    """(errors by field, clean values); every field that is wrong says what to do, in the page's language.
    An adult campaign's form asks for places for adult apprentices and a trial period instead of "adult"."""
    errors: dict[str, str] = {}
    clean: dict[str, object] = {}
    name = " ".join(form.contact_name.split())
    if not name:
        errors["contact_name"] = say("reg_error_contact_name", language)
    clean["contact_name"] = name[:200]
    phone = classify_phone(form.phone) if form.phone.strip() else None
    if form.phone.strip() and phone is None:
        errors["phone"] = say("reg_error_phone", language)
    clean["phone"] = phone[0] if phone else None
    email = normalize_email(form.email) if form.email.strip() else None
    if form.email.strip() and email is None:
        errors["email"] = say("reg_error_email", language)
    clean["email"] = email
    if not clean["phone"] and not clean["email"] and "phone" not in errors and "email" not in errors:
        errors["phone"] = say("reg_error_reachable", language)
    trades = session.scalars(select(Trade).where(Trade.id.in_(form.trades))).all() if form.trades else []
    if not trades:
        errors["trades"] = say("reg_error_trades", language)
    clean["trades"] = list(trades)
    try:
        places = int(form.places)
        if not 1 <= places <= 500:
            raise ValueError
        clean["places"] = places
    except ValueError:
        errors["places"] = say("reg_error_places", language)
    if adult:
        if form.trial not in ("ja", "nei"):
            errors["trial"] = say("reg_error_adult", language)
        clean["trial"] = form.trial == "ja"
    elif form.adult not in ("ja", "nei"):
        errors["adult"] = say("reg_error_adult", language)
    clean["adult"] = adult or form.adult == "ja"
    clean["start"] = " ".join(form.start.split())[:60] or None
    if not form.consent:
        errors["consent"] = say("reg_error_consent", language)
    return errors, clean


def register_from_web(
    session: Session, *, company: Company, clean: dict[str, object], campaign: WebCampaign | None = None
) -> Registration:
    """Saves the registration, completes it and makes it a lead (announced to the county's hunters).

    A company whose registration still counts (a form sent twice, or after registering by SMS) updates that
    registration instead: its lead stays the one lead, and hunters are not told a second time."""
    campaign_id = campaign.campaign_id if campaign is not None else None
    registration = active_registration(session, company=company, campaign_id=campaign_id, owner=WEB)
    if registration is None:
        registration = continue_registration(
            session,
            registration=unfinished_registration(session, company=company, owner=WEB),
            company=company,
            channel=RegistrationSource.WEB.value,
            campaign_id=campaign_id,
            owner=WEB,
        )
        registration.source = RegistrationSource.WEB
    registration.contact_name = str(clean["contact_name"])
    registration.phone = clean["phone"]  # type: ignore[assignment]
    registration.email = clean["email"]  # type: ignore[assignment]
    registration.trades = clean["trades"]  # type: ignore[assignment]
    registration.places = clean["places"]  # type: ignore[assignment]
    registration.adult_apprentices = bool(clean["adult"])
    if "trial" in clean:  # an adult campaign: every place is for an adult
        registration.adult_places = clean["places"]  # type: ignore[assignment]
        registration.trial_first = bool(clean["trial"])
    registration.start = clean["start"]  # type: ignore[assignment]
    registration.consent, registration.consent_at = True, utcnow()
    registration.completed_at = registration.completed_at or utcnow()
    hasher = AddressHasher.load(session)
    for kind, address in ((ContactKind.PHONE, clean["phone"]), (ContactKind.EMAIL, clean["email"])):
        if (
            address
            and session.scalar(
                select(Contact.id).where(
                    Contact.company_id == company.id, Contact.kind == kind, Contact.address == address
                )
            )
            is None
        ):
            mobile = kind is ContactKind.PHONE and bool((classify_phone(str(address)) or ("", False))[1])
            session.add(
                Contact(
                    company_id=company.id,
                    kind=kind,
                    address=str(address),
                    address_hash=hasher(kind, str(address)),
                    is_mobile=mobile,
                    source="registration",
                )
            )
    session.flush()
    create_lead(session, registration_id=registration.id)
    return registration


def prefill(session: Session, company: Company) -> WebForm:
    """What the register (and an unfinished chat registration) already tells us. Only a verified one: what
    a chat that merely typed the orgnr said is not the company's word (PRODUCT §12)."""
    draft = session.scalar(
        select(Registration)
        .where(Registration.company_id == company.id, Registration.verified.is_(True))
        .order_by(Registration.id.desc())
    )
    phone = company.mobile or company.phone or ""
    return WebForm(
        contact_name=(draft.contact_name if draft and draft.contact_name else ""),
        phone=(draft.phone if draft and draft.phone else phone),
        email=(draft.email if draft and draft.email else company.email or ""),
        trades=[t.id for t in draft.trades] if draft else [],
        places=str(draft.places) if draft and draft.places else "",
        adult=("ja" if draft.adult_apprentices else "nei")
        if draft and draft.adult_apprentices is not None
        else "",
        start=(draft.start or "") if draft else "",
        trial=("ja" if draft.trial_first else "nei") if draft and draft.trial_first is not None else "",
    )
