"""Companies from Enhetsregisteret, their reachable addresses, and opt-outs."""

from __future__ import annotations

from datetime import date
from datetime import datetime

from sqlalchemy import Boolean
from sqlalchemy import ColumnElement
from sqlalchemy import Date
from sqlalchemy import ForeignKey
from sqlalchemy import Index
from sqlalchemy import Integer
from sqlalchemy import String
from sqlalchemy import UniqueConstraint
from sqlalchemy import false
from sqlalchemy import or_
from sqlalchemy import text
from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column
from sqlalchemy.orm import relationship

from store.languages import DEFAULT_LANGUAGE
from store.models.base import Base
from store.models.base import str_enum
from store.models.base import utcnow
from store.models.enums import ContactKind

# `not Company.never_contact` as SQL text, for the partial index below (PostgreSQL proves the audience
# queries' `NOT (... OR ...)` implies it).
MAY_BE_CONTACTED = (
    "NOT (bankrupt IS true OR winding_up IS true OR deleted_on IS NOT NULL OR do_not_contact_at IS NOT NULL)"
)


class Company(Base):
    __tablename__ = "company"
    __table_args__ = (
        Index("ix_company_county_nace", "county_number", "nace_code"),
        Index("ix_company_name", "name", "id"),  # the companies list, by name a page at a time (store.keyset)
        # The audience count's index-only scan (campaigns.audience.count, migration 0023).
        Index(
            "ix_company_audience",
            "nace_code",
            "employees",
            "is_training_company",
            postgresql_where=text(MAY_BE_CONTACTED),
            sqlite_where=text(MAY_BE_CONTACTED),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    orgnr: Mapped[str] = mapped_column(String(9), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    org_form: Mapped[str | None] = mapped_column(String(10))
    nace_code: Mapped[str | None] = mapped_column(String(10))
    # None: the register has no figure, which means fewer than five employees.
    employees: Mapped[int | None] = mapped_column(Integer)

    business_street: Mapped[str | None] = mapped_column(String(300))
    business_postcode: Mapped[str | None] = mapped_column(String(10))
    business_city: Mapped[str | None] = mapped_column(String(100))
    postal_street: Mapped[str | None] = mapped_column(String(300))
    postal_postcode: Mapped[str | None] = mapped_column(String(10))
    postal_city: Mapped[str | None] = mapped_column(String(100))
    postal_country: Mapped[str | None] = mapped_column(String(100))
    municipality_number: Mapped[str | None] = mapped_column(String(4), index=True)
    county_number: Mapped[str | None] = mapped_column(ForeignKey("county.number"), index=True)

    phone: Mapped[str | None] = mapped_column(String(20))
    mobile: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(320))
    website: Mapped[str | None] = mapped_column(String(300))
    language: Mapped[str] = mapped_column(String(2), default=DEFAULT_LANGUAGE)  # from `maalform`: nb | nn

    # One rule (companies.training): a training company is one the register or a hunter's outcome marked
    # (`training_marked`) or one a county's list approves (training_approval); `is_training_company` is kept
    # equal to that so the audience filters on a plain column over the whole register.
    is_training_company: Mapped[bool] = mapped_column(Boolean, default=False)
    training_marked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    bankrupt: Mapped[bool] = mapped_column(Boolean, default=False)
    winding_up: Mapped[bool] = mapped_column(Boolean, default=False)
    deleted_on: Mapped[date | None] = mapped_column(Date)
    # The company said STOPP (PRODUCT §3): none of its addresses is used for it again, whoever else shares
    # them. Set once, by the first STOPP that spoke for the company; never lifted automatically.
    do_not_contact_at: Mapped[datetime | None]
    do_not_contact_source: Mapped[str | None] = mapped_column(String(20))  # sms | telegram | web | migration

    # Personal identifiers for replies and links (PRODUCT §4), created once, stable across campaigns.
    short_code: Mapped[str | None] = mapped_column(String(6), unique=True)
    token: Mapped[str | None] = mapped_column(String(64), unique=True)

    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    contacts: Mapped[list[Contact]] = relationship(back_populates="company", cascade="all, delete-orphan")

    @property
    def closed(self) -> bool:
        """Bankrupt, being wound up or deleted: kept for the record, but it can take no apprentice, so it can
        neither be written to nor register interest."""
        return self.bankrupt or self.winding_up or self.deleted_on is not None

    @hybrid_property
    def never_contact(self) -> bool:
        """The one rule for "never write to this company": closed units and companies that said STOPP.

        Every reader asks this (audience, preview, the dispatcher's re-check, dashboard, CLI), in Python or,
        through the expression below, in SQL, so they cannot drift apart. A company that said STOPP may still
        register on its own initiative (its link, a chat it starts): that is not outreach."""
        return self.closed or self.do_not_contact_at is not None

    @never_contact.inplace.expression
    @classmethod
    def _never_contact_expression(cls) -> ColumnElement[bool]:
        return or_(
            cls.bankrupt.is_(True),
            cls.winding_up.is_(True),
            cls.deleted_on.is_not(None),
            cls.do_not_contact_at.is_not(None),
        )

    @property
    def never_contact_reason(self) -> str | None:
        """Why the company is never written to, in words staff read (bokmål), or None."""
        if self.deleted_on is not None:
            return "slettet"
        if self.bankrupt:
            return "konkurs"
        if self.winding_up:
            return "under avvikling"
        if self.do_not_contact_at is not None:
            return "har sagt STOPP"
        return None


class Contact(Base):
    """One reachable address of a company; its opt-out state is the OptOut row with the same hash."""

    __tablename__ = "contact"
    __table_args__ = (
        UniqueConstraint("company_id", "kind", "address"),
        Index("ix_contact_kind_address", "kind", "address"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("company.id", ondelete="CASCADE"), index=True)
    kind: Mapped[ContactKind] = mapped_column(str_enum(ContactKind, "contact_kind"))
    address: Mapped[str] = mapped_column(String(320))  # E.164, lower-case e-mail, or Telegram chat id
    # Keyed hash of kind+address (store.addresses.address_hash): joins against opt_out without clear text.
    address_hash: Mapped[str] = mapped_column(String(64), index=True)
    is_mobile: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(20), default="register")
    invalid_reason: Mapped[str | None] = mapped_column(String(200))  # set when a provider rejects it
    # A later register import gave the company another address of this kind: kept for the history of what
    # was sent where, never used for outreach again.
    replaced_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    company: Mapped[Company | None] = relationship(back_populates="contacts")


class OptOut(Base):
    """An address that must never get outreach again, in any campaign or channel (PRODUCT §3, §5).

    Found by the keyed hash; `address` is kept in clear only until a privacy erase.
    """

    __tablename__ = "opt_out"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[ContactKind] = mapped_column(str_enum(ContactKind, "opt_out_kind"))
    address_hash: Mapped[str] = mapped_column(String(64), unique=True)
    address: Mapped[str | None] = mapped_column(String(320))
    source: Mapped[str] = mapped_column(String(20))  # sms | telegram | web | provider | staff | privacy
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
