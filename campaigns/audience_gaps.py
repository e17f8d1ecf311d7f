"""Why companies in a campaign's audience are not recipients of a step, for the preview page.

The audience count (the companies in the audience) is every company the definition selects; a step reaches fewer
(no mobile for SMS, a sole proprietor, an opted-out number, a filter on earlier replies). Staff asked what the
difference is made of, so this sorts the missing companies into reasons, each company under its first reason,
with set-based counts (no row per company). Whatever the reasons do not explain is shown as "other".
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement
from sqlalchemy import and_
from sqlalchemy import exists
from sqlalchemy import func
from sqlalchemy import not_
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.audience import has_postal_address
from campaigns.audience import opted_out
from campaigns.audience import usable_contact
from campaigns.definition_model import definition_of
from catalogue import DEFAULT_LANGUAGE
from catalogue import TEXTS
from catalogue import text
from catalogue.formats import format_number
from store.models import Campaign
from store.models import CampaignStep
from store.models import Channel
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import County
from store.models import StepAudience

KIND_OF = {
    Channel.SMS: ContactKind.PHONE,
    Channel.EMAIL: ContactKind.EMAIL,
    Channel.TELEGRAM: ContactKind.TELEGRAM,
}
# The reasons are catalogue keys (catalogue.audience): `<key>` counts the companies, `<key>_why` names it for one.
MISSING = {
    Channel.SMS: "gap_no_mobile",
    Channel.EMAIL: "gap_no_email",
    Channel.TELEGRAM: "gap_no_telegram",
}
OPTED_OUT = "gap_opted_out"
INVALID = "gap_invalid"
SOLE = "gap_sole"
NO_POSTAL = "gap_no_postal"
ONLY = {
    StepAudience.NO_REPLY: "gap_replied",
    StepAudience.INTERESTED: "gap_not_interested",
}
OTHER = "gap_rest"


@dataclass(frozen=True)
class Gap:
    reason: str  # a catalogue key
    count: int

    def text_in(self, language: str) -> str:
        """`12 har ikke noe mobilnummer`, in `language`; a reason stored as a phrase before it was a key (saved
        preview figures) is shown as it was written."""
        count = format_number(self.count, language)
        return text(self.reason, language, count=count) if self.reason in TEXTS else f"{count} {self.reason}"


def _current(kind: ContactKind, mobile: bool, *more: ColumnElement[bool]) -> ColumnElement[bool]:
    """The company has a current (not replaced) address of this kind meeting `more`."""
    conditions = [
        Contact.company_id == Company.id,
        Contact.kind == kind,
        Contact.replaced_at.is_(None),
        *more,
    ]
    if mobile:
        conditions.append(Contact.is_mobile.is_(True))
    return exists().where(and_(*conditions))


def _usable(kind: ContactKind, mobile: bool) -> ColumnElement[bool]:
    """The audience's own condition for an address outreach may use: the gaps never restate it."""
    return exists().where(usable_contact(kind, mobile=mobile))


def _reasons(campaign: Campaign, step: CampaignStep) -> list[tuple[str, ColumnElement[bool]]]:
    """(reason, condition) in order; a company is counted under the first reason that holds for it."""
    from campaigns.audience import only_filter

    reasons: list[tuple[str, ColumnElement[bool]]] = []
    personal = step.channel is not Channel.TELEGRAM and not definition_of(campaign).include_sole_proprietors
    sole = and_(Company.org_form.is_not(None), Company.org_form == "ENK")
    if step.channel is Channel.LETTER:
        # A letter goes by e-mail where the company may be e-mailed, on paper otherwise.
        usable_email = _usable(ContactKind.EMAIL, False)
        mailable = and_(usable_email, not_(sole)) if personal else usable_email
        has_postal = has_postal_address()
        reasons.append((NO_POSTAL, and_(not_(mailable), not_(has_postal))))
        reachable: ColumnElement[bool] = or_(mailable, has_postal)
    else:
        kind = KIND_OF[step.channel]
        mobile = step.channel is Channel.SMS
        if personal:
            reasons.append((SOLE, sole))
        any_address = _current(kind, mobile)
        usable = _usable(kind, mobile)
        reasons.append((MISSING[step.channel], not_(any_address)))
        reasons.append((OPTED_OUT, and_(not_(usable), _current(kind, mobile, opted_out()))))
        reasons.append((INVALID, not_(usable)))
        reachable = usable
    if step.only in ONLY:
        since = campaign.launched_at or campaign.created_at
        passes = only_filter(step.only, campaign_id=campaign.id, since=since)
        reasons.append((ONLY[step.only], and_(reachable, not_(passes))))
    return reasons


def step_gaps(
    session: Session, *, campaign: Campaign, step: CampaignStep, recipients: int, audience: int
) -> list[Gap]:
    """The audience companies (`audience` of them, counted once for all steps) this step does not reach, by
    reason (reasons with no company left out)."""
    from campaigns.audience import base_conditions

    base = base_conditions(definition_of(campaign))
    gaps: list[Gap] = []
    earlier: list[ColumnElement[bool]] = []
    for reason, condition in _reasons(campaign, step):
        count = session.scalar(
            select(func.count()).select_from(Company).where(*base, *(not_(e) for e in earlier), condition)
        )
        earlier.append(condition)
        if count:
            gaps.append(Gap(reason, int(count)))
    other = audience - recipients - sum(g.count for g in gaps)
    if other > 0:
        gaps.append(Gap(OTHER, other))
    return gaps


def orgnr_note(
    session: Session,
    *,
    campaign: Campaign,
    step: CampaignStep,
    orgnr: str,
    language: str = DEFAULT_LANGUAGE,
) -> str | None:
    """Why one company gets nothing in this step, in `language`, or None when it is a recipient (or no reason
    is found)."""
    from campaigns.audience import base_conditions

    company = session.scalar(select(Company).where(Company.orgnr == orgnr))
    if company is None:
        return text("gap_note_unknown_orgnr", language, orgnr=orgnr)
    if company.never_contact:
        return text("gap_note_never_contact", language, name=company.name, why=company.never_contact_reason)
    this = Company.id == company.id
    definition = definition_of(campaign)
    in_audience = session.scalar(select(Company.id).where(this, *base_conditions(definition)))
    if in_audience is None:
        counties = definition.audience.counties
        if counties and company.county_number not in counties:
            county = session.get(County, company.county_number) if company.county_number else None
            where = county.name.split(" - ")[0] if county else text("gap_note_some_county", language)
            return text("gap_note_county", language, name=company.name, county=where)
        return text("gap_note_outside", language, name=company.name)
    earlier: list[ColumnElement[bool]] = []
    for reason, condition in _reasons(campaign, step):
        hit = session.scalar(select(Company.id).where(this, *(not_(e) for e in earlier), condition))
        earlier.append(condition)
        if hit is not None:
            return text("gap_note_step", language, name=company.name, why=text(f"{reason}_why", language))
    return None
