"""Registering interest from the personal web page (PRODUCT §4): the same record and lead as the chat flow."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.registration_flow import WEB, active_registration, open_registration
from catalogue import text as say
from companies.emails import normalize_email
from companies.phones import classify_phone
from hunters.leads import create_lead
from store.models import Company, Contact, ContactKind, Registration, RegistrationSource, Trade, utcnow
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


def validate(session: Session, form: WebForm, language: str) -> tuple[dict[str, str], dict[str, object]]:
    """(errors by field, clean values); every field that is wrong says what to do, in the page's language."""
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
    if form.adult not in ("ja", "nei"):
        errors["adult"] = say("reg_error_adult", language)
    clean["adult"] = form.adult == "ja"
    clean["start"] = " ".join(form.start.split())[:60] or None
    if not form.consent:
        errors["consent"] = say("reg_error_consent", language)
    return errors, clean


def register_from_web(session: Session, *, company: Company, clean: dict[str, object]) -> Registration:
    """Saves the registration, completes it and makes it a lead (announced to the county's hunters).

    A company whose registration still counts (a form sent twice, or after registering by SMS) updates that
    registration instead: its lead stays the one lead, and hunters are not told a second time."""
    registration = active_registration(session, company=company, campaign_id=None, owner=WEB)
    if registration is None:
        registration = open_registration(
            session, company=company, channel=RegistrationSource.WEB.value, campaign_id=None, owner=WEB
        )
        registration.source = RegistrationSource.WEB
    registration.contact_name = str(clean["contact_name"])
    registration.phone = clean["phone"]  # type: ignore[assignment]
    registration.email = clean["email"]  # type: ignore[assignment]
    registration.trades = clean["trades"]  # type: ignore[assignment]
    registration.places = clean["places"]  # type: ignore[assignment]
    registration.adult_apprentices = bool(clean["adult"])
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
    )
