"""Who may see which leads and companies (PRODUCT §10): one scope per signed-in person, one filter per table.

Admins and staff see everything. A county officer sees only the counties of their account, and an officer whose
counties are all gone sees nothing (fail closed). A member of an organisation sees what its organisation may
see: that rule (hunters.visibility, which builds a member's scope) lies above this layer, so it is handed in as
`rule`, and a member's scope without one sees nothing. Every list, export and detail route (dashboard, API,
portal, CLI) asks its rows through `Scope.leads` / `Scope.companies`, so one rule answers them all; a page a
scope cannot be cut to is refused to scoped people (`Scope.whole`).
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from typing import Any

from sqlalchemy import ColumnElement
from sqlalchemy import false
from sqlalchemy import select
from sqlalchemy import true

from store.models import Company
from store.models import Lead
from store.models import Reply
from store.models import StaffRole
from store.models import StaffUser


@dataclass(frozen=True)
class Scope:
    counties: frozenset[str] | None = None  # None: every county
    hunter_id: int | None = None  # an organisation member's own organisation
    # A member's leads (hunters.visibility.visible_leads); not compared: an SQL clause's == builds SQL.
    rule: ColumnElement[bool] | None = field(default=None, compare=False)

    @property
    def whole(self) -> bool:
        """True for admins and staff: pages of every county (campaigns, imports, hunters) are theirs."""
        return self.counties is None and self.hunter_id is None

    def allows_county(self, county_number: str | None) -> bool:
        return self.counties is None or (county_number is not None and county_number in self.counties)

    def leads(self) -> ColumnElement[bool]:
        """The WHERE clause on `Lead` for this scope."""
        if self.hunter_id is not None:
            return false() if self.rule is None else self.rule
        return true() if self.counties is None else _county_in(Lead.county_number, self.counties)

    def companies(self) -> ColumnElement[bool]:
        """The WHERE clause on `Company`: a member sees the companies of the leads it may see, nothing more."""
        if self.hunter_id is not None:
            return Company.id.in_(select(Lead.company_id).where(self.leads()))
        return true() if self.counties is None else _county_in(Company.county_number, self.counties)

    def replies(self) -> ColumnElement[bool]:
        """The WHERE clause on `Reply`: what companies in the scope wrote. A reply we could not tie to a
        company has no county, so only the whole scope sees it."""
        if self.whole:
            return true()
        return Reply.company_id.in_(select(Company.id).where(self.companies()))


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
