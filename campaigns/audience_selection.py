"""The SQL of an audience's selecting keys and exclusions (PRODUCT §5, §11), as conditions on `Company`.

`[audience]` narrows (every key must hold) and `[audience.also]` adds the companies it selects, so a campaign
can reach last round's companies *and* new ones of a trade. The exclusions (`exclude`,
`exclude_contacted_days`) hold for both. Every condition is one set-based clause (IN, LIKE 'prefix%', EXISTS),
never a query per company; the preview's explanations (`campaigns.audience_gaps`) count with the very same
clauses, so the two cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from datetime import timedelta
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy import Select
from sqlalchemy import and_
from sqlalchemy import exists
from sqlalchemy import false
from sqlalchemy import func
from sqlalchemy import or_
from sqlalchemy import select
from sqlalchemy import true

from campaigns.audience_nace import contactable_nace
from campaigns.definition_model import Audience
from campaigns.definition_model import Previous
from campaigns.definition_model import Selection
from campaigns.trade_nace import nace_prefixes
from store.models import Company
from store.models import Intent
from store.models import Lead
from store.models import LeadState
from store.models import Message
from store.models import MessageKind
from store.models import Registration
from store.models import Reply
from store.models import utcnow

UNKNOWN_EMPLOYEES_MAX = 4


def selection_conditions(selection: Selection, *, contactable: bool = False) -> list[ColumnElement[bool]]:
    """What one table of the audience asks; an empty list selects every company. `contactable`: only
    companies that may be contacted are wanted, and the NACE prefixes are matched as PostgreSQL answers
    fastest for them (`campaigns.audience_nace`)."""
    conditions: list[ColumnElement[bool]] = []

    def nace(prefixes: Sequence[str]) -> ColumnElement[bool]:
        if contactable:
            return contactable_nace(prefixes)
        return or_(*(Company.nace_code.startswith(prefix) for prefix in prefixes))

    if selection.counties:
        conditions.append(Company.county_number.in_(selection.counties))
    if selection.municipalities:
        conditions.append(Company.municipality_number.in_(selection.municipalities))
    if selection.nace:
        conditions.append(nace(selection.nace))
    if selection.employees:
        low, high = selection.employees
        in_range = Company.employees.between(low, high)
        conditions.append(
            or_(in_range, Company.employees.is_(None)) if low <= UNKNOWN_EMPLOYEES_MAX else in_range
        )
    if selection.trades:
        conditions.append(nace(nace_prefixes(selection.trades)))
    if selection.orgnr_list is not None:
        orgnrs = selection.orgnr_list.orgnrs
        conditions.append(Company.orgnr.in_(orgnrs) if orgnrs else false())
    if selection.postcodes:
        # The business address where the register has one, else the postal address.
        postcode = func.coalesce(Company.business_postcode, Company.postal_postcode)
        conditions.append(or_(*(postcode.between(low, high) for low, high in selection.postcodes)))
    if selection.previous is not None:
        conditions.append(previous_condition(selection.previous))
    return conditions


def selected(audience: Audience, *, contactable: bool = False) -> list[ColumnElement[bool]]:
    """The audience's selection: `[audience]`, or'ed with `[audience.also]` when there is one (`contactable`
    as in `selection_conditions`)."""
    main = selection_conditions(audience, contactable=contactable)
    if audience.also is None:
        return main
    also = selection_conditions(audience.also, contactable=contactable)
    return [or_(and_(true(), *main), and_(true(), *also))]


def previous_condition(previous: Previous) -> ColumnElement[bool]:
    """The company had one of the outcomes in one of the campaigns. `contacted`: an outreach message of the
    campaign was sent to it; `training_company`: a lead of the campaign ended with it becoming one."""
    campaigns = previous.campaigns
    found: list[ColumnElement[bool]] = []
    if "registered" in previous.outcome:
        found.append(
            exists().where(
                Registration.company_id == Company.id,
                Registration.campaign_id.in_(campaigns),
                Registration.completed_at.is_not(None),
                Registration.verified.is_(True),
            )
        )
    if "interested" in previous.outcome:
        found.append(
            exists().where(
                Reply.company_id == Company.id,
                Reply.campaign_id.in_(campaigns),
                Reply.intent == Intent.INTERESTED,
            )
        )
    if "contacted" in previous.outcome:
        found.append(
            exists().where(
                Message.company_id == Company.id,
                Message.campaign_id.in_(campaigns),
                Message.kind == MessageKind.OUTREACH,
                Message.sent_at.is_not(None),
            )
        )
    if "training_company" in previous.outcome:
        found.append(
            exists().where(
                Lead.company_id == Company.id,
                Lead.state == LeadState.BECAME_TRAINING_COMPANY,
                Registration.id == Lead.registration_id,
                Registration.campaign_id.in_(campaigns),
            )
        )
    return or_(*found) if found else false()


# An exclusion is a condition on the company's own columns, or the query of the ids of the companies it leaves
# out: the audience count subtracts those (`campaigns.audience.count`) instead of testing each company.
Rule = ColumnElement[bool] | Select[Any]


def among(companies: Select[Any]) -> ColumnElement[bool]:
    """The company is one of `companies` (a query of company ids), as a correlated EXISTS."""
    return companies.where(companies.selected_columns[0] == Company.id).exists()


def exclusion_rules(audience: Audience, *, now: datetime | None = None) -> list[tuple[str, Rule]]:
    """(reason, rule) for each exclusion the audience names, in the preview's order."""
    excluded: list[tuple[str, Rule]] = []
    exclude = set(audience.exclude)
    if "training_company" in exclude:
        excluded.append(("training_company", Company.is_training_company.is_(True)))
    if "registered" in exclude:
        # Only a verified registration: a chat that typed the orgnr must not take the company out (§7).
        registered = select(Registration.company_id).where(
            Registration.completed_at.is_not(None), Registration.verified.is_(True)
        )
        excluded.append(("registered", registered))
    if audience.exclude_contacted_days:
        since = (now or utcnow()) - timedelta(days=audience.exclude_contacted_days)
        contacted = select(Message.company_id).where(
            Message.kind == MessageKind.OUTREACH, Message.sent_at >= since
        )
        excluded.append(("contacted_recently", contacted))
    return excluded


def exclusions(audience: Audience, *, now: datetime | None = None) -> list[tuple[str, ColumnElement[bool]]]:
    """(reason, condition of being left out) for each exclusion the audience names, in the preview's order."""
    return [
        (reason, rule if isinstance(rule, ColumnElement) else among(rule))
        for reason, rule in exclusion_rules(audience, now=now)
    ]
