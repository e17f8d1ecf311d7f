"""Who a campaign reaches (PRODUCT §5): set-based SQL over the company register, never one query per company.

Never included, whatever the definition says: companies that are never contacted (`Company.never_contact`:
bankrupt, wound-up and deleted units, and companies that said STOPP, PRODUCT §3) and, per channel, addresses
that are opted out, replaced by a later register import, or rejected as invalid. A company whose mobile is
opted out still gets an e-mail or letter step; a company that merely shares an opted-out address (an
accountant's number, a switchboard) is reached on its other addresses. `exclude = ["opted_out"]` names the
do-not-contact rule, which holds with or without it. Sole proprietorships (ENK) are natural persons under
markedsføringsloven § 15: out of SMS and e-mail steps unless `include_sole_proprietors = true`. A unit without
`antallAnsatte` has fewer than five employees, so it is in a range that starts at four or less.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy import Integer
from sqlalchemy import Select
from sqlalchemy import and_
from sqlalchemy import cast
from sqlalchemy import exists
from sqlalchemy import false
from sqlalchemy import func
from sqlalchemy import not_
from sqlalchemy import null
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import union

from campaigns.audience_selection import among
from campaigns.audience_selection import exclusion_rules
from campaigns.audience_selection import selected
from campaigns.definition_model import CampaignDefinition
from store.models import Channel
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import Intent
from store.models import OptOut
from store.models import Registration
from store.models import Reply
from store.models import StepAudience


def opted_out(contact: Any = Contact) -> ColumnElement[bool]:
    return exists().where(OptOut.address_hash == contact.address_hash)


def base_conditions(definition: CampaignDefinition) -> list[ColumnElement[bool]]:
    """The audience before channels: never do-not-contact, selected by the audience's tables
    (`campaigns.audience_selection`), and none of its exclusions. "opted_out" needs no condition of its own:
    do-not-contact companies are left out here, always."""
    kept, left_out = _parts(definition)
    return [*kept, *(not_(among(companies)) for companies in left_out)]


def _parts(definition: CampaignDefinition) -> tuple[list[ColumnElement[bool]], list[Select[Any]]]:
    """The audience as conditions on the company's own columns, and the queries of the companies its other
    exclusions leave out."""
    audience = definition.audience
    rules = [rule for _, rule in exclusion_rules(audience)]
    kept = [
        not_(Company.never_contact),
        *selected(audience, contactable=True),
        *(not_(rule) for rule in rules if isinstance(rule, ColumnElement)),
    ]
    return kept, [rule for rule in rules if not isinstance(rule, ColumnElement)]


def usable_contact(kind: ContactKind, *, mobile: bool = False) -> ColumnElement[bool]:
    """A contact of the company (correlated on Company.id) that outreach may use on this kind of address; the
    preview's gaps read the same condition, so the two cannot disagree."""
    conditions = [
        Contact.company_id == Company.id,
        Contact.kind == kind,
        Contact.invalid_reason.is_(None),
        Contact.replaced_at.is_(None),  # a later register import gave the company another address
        ~opted_out(),
    ]
    if mobile:
        conditions.append(Contact.is_mobile.is_(True))
    return and_(*conditions)


def _first_contact(kind: ContactKind, *, mobile: bool = False) -> Any:
    """The company's newest usable address of a kind (a correlated scalar subquery): the latest word wins."""
    return select(func.max(Contact.id)).where(usable_contact(kind, mobile=mobile)).scalar_subquery()


def _has_contact(kind: ContactKind, *, mobile: bool = False) -> ColumnElement[bool]:
    """Whether `_first_contact` finds one, as EXISTS: PostgreSQL joins that with contact once per query, where
    the scalar subquery in a WHERE ran once per company (17 s to count a national audience, issue 14)."""
    return exists().where(usable_contact(kind, mobile=mobile))


def has_postal_address() -> ColumnElement[bool]:
    return or_(Company.postal_postcode.is_not(None), Company.business_postcode.is_not(None))


def recipients(definition: CampaignDefinition, channel: Channel) -> list[tuple[Channel, Select[Any]]]:
    """Per outgoing channel, a query of (company id, contact id) pairs; a letter step splits into e-mail (where
    the company has an address) and print."""
    conditions = base_conditions(definition)
    sole_ok = definition.include_sole_proprietors
    personal = [] if sole_ok else [or_(Company.org_form.is_(None), Company.org_form != "ENK")]
    if channel is Channel.SMS:
        contact = _first_contact(ContactKind.PHONE, mobile=True)
        return [
            (
                Channel.SMS,
                select(Company.id, contact).where(
                    *conditions, *personal, _has_contact(ContactKind.PHONE, mobile=True)
                ),
            )
        ]
    if channel is Channel.TELEGRAM:
        contact = _first_contact(ContactKind.TELEGRAM)
        return [
            (
                Channel.TELEGRAM,
                select(Company.id, contact).where(*conditions, _has_contact(ContactKind.TELEGRAM)),
            )
        ]
    email = _first_contact(ContactKind.EMAIL)
    has_email = _has_contact(ContactKind.EMAIL)
    by_mail = (Channel.EMAIL, select(Company.id, email).where(*conditions, *personal, has_email))
    if channel is Channel.EMAIL:
        return [by_mail]
    # letter: e-mail where the company has one (and may be e-mailed), print otherwise
    mailable = and_(has_email, *personal) if personal else has_email
    # Typed: the outbox joins contacts on it, and PostgreSQL has no integer = text.
    printed = select(Company.id, cast(null(), Integer).label("contact_id")).where(
        *conditions, ~mailable, has_postal_address()
    )
    return [by_mail, (Channel.LETTER, printed)]


def only_filter(only: StepAudience, *, campaign_id: int, since: Any) -> ColumnElement[bool]:
    """`no_reply`: no reply from the company since the launch; `interested`: it said yes or registered."""
    if only is StepAudience.NO_REPLY:
        return ~exists().where(
            Reply.company_id == Company.id, or_(Reply.campaign_id == campaign_id, Reply.received_at >= since)
        )
    if only is StepAudience.INTERESTED:
        return or_(
            exists().where(Reply.company_id == Company.id, Reply.intent == Intent.INTERESTED),
            exists().where(Registration.company_id == Company.id, Registration.verified.is_(True)),
        )
    return ~false()


def count(session: Any, definition: CampaignDefinition, channel: Channel | None = None) -> int:
    """Companies in the audience (any channel when `channel` is None).

    The whole audience is counted as the companies its own columns select less those an exclusion's query
    names: the first count reads only `ix_company_audience` (an index-only scan; a NOT EXISTS per company
    needs each company's id, which that deduplicated index does not hold, and read the 250 MB table at
    national size), the second starts from the few thousand excluded ids."""
    if channel is None:
        kept, left_out = _parts(definition)
        total = _count(session, kept)
        if left_out:
            excluded = left_out[0] if len(left_out) == 1 else union(*left_out)
            total -= _count(session, [*kept, Company.id.in_(excluded)])
        return total
    return sum(
        int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)
        for _, query in recipients(definition, channel)
    )


def _count(session: Any, conditions: list[ColumnElement[bool]]) -> int:
    return int(session.scalar(select(func.count()).select_from(Company).where(*conditions)) or 0)
