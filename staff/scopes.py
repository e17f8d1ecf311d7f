"""Who may see which leads and companies (PRODUCT §10): one scope per signed-in person, one filter per table.

Admins and staff see everything. A county officer sees only the counties of their account, and an officer whose
counties are all gone sees nothing (fail closed). A member of an organisation sees the leads its organisation
claimed and the new ones in its counties; nothing else. Every list, export and detail route (dashboard, API,
portal, CLI) asks its rows through `Scope.leads` / `Scope.companies`, so one rule answers them all; a page a
scope cannot be cut to is refused to scoped people (`Scope.whole`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, false, or_, select, true
from sqlalchemy.orm import Session

from store.models import Company, HunterMember, HunterState, Lead, LeadState, StaffRole, StaffUser


@dataclass(frozen=True)
class Scope:
    counties: frozenset[str] | None = None  # None: every county
    hunter_id: int | None = None  # an organisation member's own organisation

    @property
    def whole(self) -> bool:
        """True for admins and staff: pages of every county (campaigns, imports, hunters) are theirs."""
        return self.counties is None and self.hunter_id is None

    def allows_county(self, county_number: str | None) -> bool:
        return self.counties is None or (county_number is not None and county_number in self.counties)

    def leads(self) -> ColumnElement[bool]:
        """The WHERE clause on `Lead` for this scope."""
        in_counties = true() if self.counties is None else _county_in(Lead.county_number, self.counties)
        if self.hunter_id is None:
            return in_counties
        return or_(Lead.hunter_id == self.hunter_id, and_(Lead.state == LeadState.NEW, in_counties))

    def companies(self) -> ColumnElement[bool]:
        """The WHERE clause on `Company`: a member sees the companies of the leads it may see, nothing more."""
        if self.hunter_id is not None:
            return Company.id.in_(select(Lead.company_id).where(self.leads()))
        return true() if self.counties is None else _county_in(Company.county_number, self.counties)

    def sees_lead(self, lead: Lead) -> bool:
        if self.hunter_id is not None:
            return lead.hunter_id == self.hunter_id or (
                lead.state == LeadState.NEW and self.allows_county(lead.county_number)
            )
        return self.allows_county(lead.county_number)


EVERYTHING = Scope()


def _county_in(column: Any, counties: frozenset[str]) -> ColumnElement[bool]:
    if not counties:
        return false()
    clause: ColumnElement[bool] = column.in_(sorted(counties))
    return clause


def scope_of_staff(user: StaffUser) -> Scope:
    if user.county_officer and user.role != StaffRole.ADMIN:
        return Scope(counties=frozenset(c.number for c in user.counties))
    return EVERYTHING


def scope_of_member(session: Session, *, member_id: int) -> Scope:
    """A member's scope: their organisation's claimed leads and the new ones in its counties; a removed member
    (or one of a rejected organisation) sees nothing."""
    member = session.get(HunterMember, member_id)
    if member is None or member.removed_at is not None or member.hunter.state != HunterState.APPROVED:
        return Scope(counties=frozenset(), hunter_id=-1)
    return Scope(counties=frozenset(c.number for c in member.hunter.counties), hunter_id=member.hunter_id)
