"""Which registration a chat's JA or the web page continues, and which of a company's registrations an asker may
see (PRODUCT §7, §12): one lookup for both edges, so a second JA, an old "Send inn" button or a repeated web form
finds the registration that still counts instead of making a second lead.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement
from sqlalchemy import Select
from sqlalchemy import and_
from sqlalchemy import bindparam
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Company
from store.models import Lead
from store.models import LeadState
from store.models import Registration
from store.models import RegistrationSource
from store.models import utcnow

OPEN_LEAD_STATES = (LeadState.NEW, LeadState.CLAIMED, LeadState.CONTACTED)


@dataclass(frozen=True)
class Owner:
    """Who asks about a company's registrations (PRODUCT §12). A verified asker (a conversation that proved
    the company, or the personal web link) sees the company's verified registrations; an unverified one
    (a typed orgnr) only those its own conversation started."""

    conversation_id: int | None
    verified: bool

    def visible(self) -> ColumnElement[bool]:
        if self.verified:
            return Registration.verified.is_(True)
        return Registration.conversation_id == self.conversation_id


WEB = Owner(conversation_id=None, verified=True)  # the personal link proves the company


def _counts(*, same_campaign: bool) -> ColumnElement[bool]:
    """A completed registration still counts while its lead is open, or in the campaign it was made in."""
    open_lead = Lead.state.in_(OPEN_LEAD_STATES)
    if not same_campaign:
        return open_lead
    return or_(
        open_lead,
        and_(Registration.campaign_id.is_not(None), Registration.campaign_id == bindparam("campaign_id")),
    )


def _active_registration_query(*, same_campaign: bool) -> Select[tuple[Registration]]:
    counts = _counts(same_campaign=same_campaign)
    return (
        select(Registration)
        .outerjoin(Lead, Lead.registration_id == Registration.id)
        .where(
            Registration.company_id == bindparam("company_id"), Registration.completed_at.is_not(None), counts
        )
        .order_by(Registration.id.desc())
        .limit(1)
    )


# Built once: every JA asks both, and building a statement costs more than running it on a warm cache.
ACTIVE_REGISTRATION = _active_registration_query(same_campaign=False)
ACTIVE_REGISTRATION_IN_CAMPAIGN = _active_registration_query(same_campaign=True)
UNFINISHED_REGISTRATION = (
    select(Registration)
    .where(Registration.company_id == bindparam("company_id"), Registration.completed_at.is_(None))
    .order_by(Registration.id.desc())
)


def _registrations_query(*, same_campaign: bool, verified: bool) -> Select[tuple[Registration]]:
    """The company's completed registrations that still count, as far as the asker may see them (Owner.visible,
    with the conversation as a parameter), and the asker's conversation's unfinished ones, newest first."""
    visible = (
        Registration.verified.is_(True)
        if verified
        else Registration.conversation_id == bindparam("conversation_id")
    )
    return (
        select(Registration)
        .outerjoin(Lead, Lead.registration_id == Registration.id)
        .where(
            Registration.company_id == bindparam("company_id"),
            or_(
                and_(Registration.completed_at.is_not(None), _counts(same_campaign=same_campaign), visible),
                and_(
                    Registration.completed_at.is_(None),
                    Registration.conversation_id == bindparam("conversation_id"),
                ),
            ),
        )
        .order_by(Registration.id.desc())
    )


# By (same campaign, verified asker); built once, as the queries above.
REGISTRATIONS_OF = {
    (same_campaign, verified): _registrations_query(same_campaign=same_campaign, verified=verified)
    for same_campaign in (False, True)
    for verified in (False, True)
}


def registrations_of(
    session: Session, *, company: Company, campaign_id: int | None, owner: Owner
) -> tuple[Registration | None, Registration | None]:
    """(`active_registration`, `unfinished_registration`) for a conversation's JA, in one query instead of
    two: every JA of a known company asks both."""
    assert owner.conversation_id is not None, (
        "the web form asks active_registration and unfinished_registration"
    )
    params: dict[str, object] = {"company_id": company.id, "conversation_id": owner.conversation_id}
    if campaign_id is not None:
        params["campaign_id"] = campaign_id
    statement = REGISTRATIONS_OF[(campaign_id is not None, owner.verified)]
    rows = session.scalars(statement, params).all()
    active = next((r for r in rows if r.completed_at is not None), None)
    unfinished = next((r for r in rows if r.completed_at is None), None)
    return active, unfinished


def active_registration(
    session: Session, *, company: Company, campaign_id: int | None, owner: Owner
) -> Registration | None:
    """The company's completed registration that still counts, as far as `owner` may see it: its lead is
    open, or it was made in this same campaign. A new JA, an old "Send inn" button or a repeated web form
    must not make a second lead."""
    if campaign_id is None:
        return session.scalar(ACTIVE_REGISTRATION.where(owner.visible()), {"company_id": company.id})
    return session.scalar(
        ACTIVE_REGISTRATION_IN_CAMPAIGN.where(owner.visible()),
        {"company_id": company.id, "campaign_id": campaign_id},
    )


def unfinished_registration(session: Session, *, company: Company, owner: Owner) -> Registration | None:
    """The asker's unfinished registration, which `continue_registration` continues.

    A registration belongs to the conversation that started it: a second sender for the same company starts
    its own (staff can merge them); the web form, verified by its link, continues a verified one."""
    owned = (
        Registration.conversation_id == owner.conversation_id
        if owner.conversation_id is not None
        else owner.visible()
    )
    return session.scalar(UNFINISHED_REGISTRATION.where(owned), {"company_id": company.id})


def continue_registration(
    session: Session,
    *,
    registration: Registration | None,
    company: Company,
    channel: str,
    campaign_id: int | None,
    owner: Owner,
    sender: str | None = None,
) -> Registration:
    """`registration` (the asker's unfinished one, as `unfinished_registration` finds it), or a new one when
    None. Replying JA is the consent to store the answers."""
    if registration is None:
        source = (
            RegistrationSource(channel)
            if channel in {s.value for s in RegistrationSource}
            else RegistrationSource.SMS
        )
        registration = Registration(
            company_id=company.id,
            campaign_id=campaign_id,
            source=source,
            consent=True,
            consent_at=utcnow(),
            trades=[],  # known to be none: asking for the first question then needs no query
            conversation_id=owner.conversation_id,
            verified=owner.verified,
        )
        session.add(registration)
    elif owner.verified and not registration.verified:
        # The conversation has since proved the company (a deep link after a typed orgnr): what it said was
        # the company's all along.
        registration.verified = True
    fill_contact_defaults(registration, company=company, channel=channel, sender=sender)
    # Only the registration, for its id: the caller's other changes go out with its own flush.
    session.flush([registration])
    return registration


def fill_contact_defaults(
    registration: Registration, *, company: Company, channel: str, sender: str | None
) -> None:
    """How the hunter can reach the company, until the company says otherwise: the number that wrote to us
    by SMS, else the register's mobile or phone; the register's e-mail. An unverified registration gets
    only the sender's own number: it is shown what it told us, nothing the register or others did."""
    if not registration.verified:
        if registration.phone is None and channel == "sms":
            registration.phone = sender
        return
    if registration.phone is None:
        registration.phone = (sender if channel == "sms" else None) or company.mobile or company.phone
    if registration.email is None and company.email:
        registration.email = company.email
