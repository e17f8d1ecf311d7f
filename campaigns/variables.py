"""What a template may say about a company, a registration and the sender (templates/README.md).

Kept apart from the renderer so the outbox can select exactly these columns (`COMPANY_COLUMNS`) instead of
loading 100,000 ORM objects, and so the confirmation flow can build registration variables without rendering.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any
from typing import Protocol

import phonenumbers
from babel.dates import format_date

from campaigns.definition_model import definition_of
from catalogue.phrases import said
from settings import Settings
from store.languages import WRITTEN_STANDARDS
from store.models import Campaign
from store.models import Company
from store.models import Registration

BABEL_LOCALES = {"nb": "nb", "nn": "nn", "en": "en_GB"}  # en_GB: "7 June 2027", as a European letter reads
SENDER = {
    "sender_organisation": "WorldSkills Norway",
    "sender_programme": "Læreplassjeger",
    "sender_web": "www.worldskills.no",
}
# What letters and e-mails in the sandbox say instead of a number: it reads as the sandbox's reply number
# (the demo's letters are meant to be read), not as a template gap like "[SMS-nummer]". A live launch is
# refused while this would be printed (campaigns.readiness).
SMS_NUMBER_PLACEHOLDER = "SMS-nummer (sandkasse)"
SMS_NUMBER_MISSING = said("tpl_sms_number_missing")  # a step problem, in the reader's language
_NORWAY = {"", "NO", "NOR", "NORGE", "NOREG", "NORWAY"}


@lru_cache(maxsize=64)
def date_text(day: date, language: str) -> str:
    """`7. juni 2027` (nb, nn) or `7 June 2027` (en)."""
    return format_date(day, "long", locale=BABEL_LOCALES[language])


def reply_number(settings: Settings) -> str | None:
    """The number companies text to, for display: SMS_REPLY_NUMBER, else TWILIO_FROM; in the sandbox (no
    Twilio credentials) the placeholder. None when SMS is live and no number is configured: a real letter
    must never print the placeholder, so templates that use `sms_number` then fail to render."""
    number = settings.sms_reply_number or settings.twilio_from
    if number:
        return display_phone(number)
    return None if settings.twilio_enabled else SMS_NUMBER_PLACEHOLDER


def display_phone(number: str | None) -> str:
    if not number:
        return SMS_NUMBER_PLACEHOLDER
    try:
        parsed = phonenumbers.parse(number, "NO")
    except phonenumbers.NumberParseException:
        return number
    if parsed.country_code == 47:
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def message_language(company: Company, campaign: Campaign) -> str:
    """The company's own written standard (maalform) unless the campaign fixes one (PRODUCT §5)."""
    if campaign.fixed_language or company.language not in WRITTEN_STANDARDS:
        return campaign.language
    return company.language


class CompanyFields(Protocol):
    """What rendering reads of a company: a `Company`, or a row of `select(*COMPANY_COLUMNS)` (much faster
    than loading ORM objects when a step materialises 100,000 messages)."""

    @property
    def orgnr(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def short_code(self) -> str | None: ...
    @property
    def token(self) -> str | None: ...
    @property
    def email(self) -> str | None: ...
    @property
    def postal_street(self) -> str | None: ...
    @property
    def postal_postcode(self) -> str | None: ...
    @property
    def postal_city(self) -> str | None: ...
    @property
    def postal_country(self) -> str | None: ...
    @property
    def business_street(self) -> str | None: ...
    @property
    def business_postcode(self) -> str | None: ...
    @property
    def business_city(self) -> str | None: ...
    @property
    def municipality_number(self) -> str | None: ...
    @property
    def county_number(self) -> str | None: ...


COMPANY_COLUMNS = tuple(
    getattr(Company, name)
    for name in (
        "orgnr",
        "name",
        "short_code",
        "token",
        "email",
        "postal_street",
        "postal_postcode",
        "postal_city",
        "postal_country",
        "business_street",
        "business_postcode",
        "business_city",
        "municipality_number",
        "county_number",
    )
)


def address_lines(company: CompanyFields) -> list[str]:
    """The lines under the name in the envelope window: postal address, or the business address without one."""
    street, postcode = company.postal_street, company.postal_postcode
    if street or postcode:
        city, country = company.postal_city, company.postal_country
    else:
        street, postcode, city, country = (
            company.business_street,
            company.business_postcode,
            company.business_city,
            None,
        )
    lines = [line.strip() for line in street.split("\n") if line.strip()] if street else []
    place = f"{postcode or ''} {(city or '').upper()}".strip()
    if place:
        lines.append(place)
    if country and country.strip().upper() not in _NORWAY:
        lines.append(country.strip().upper())
    return lines


def registration_variables(registration: Registration) -> dict[str, Any]:
    """What a registration confirmation may show (see templates/README.md)."""
    return {
        "contact_name": registration.contact_name or "",
        "contact_phone": registration.phone or "",
        "contact_email": registration.email or "",
        "trades": [trade.name for trade in registration.trades],
        "places": registration.places,
        "adult_apprentices": registration.adult_apprentices,
        "start": registration.start or "",
    }


OWNER_VARIABLES = (
    "owner_name",
    "co_owner_names",
    "owner_contact_name",
    "owner_contact_phone",
    "owner_contact_email",
)


def owner_variables(campaign: Campaign | None) -> dict[str, str]:
    """Who owns the campaign and whom to call (PRODUCT §11), as written on the campaign when it was created
    (`campaigns.ownership.owner_contact`): a letter says the same however the organisation's profile changes
    later. All `""` for a campaign without an owner."""
    contact = definition_of(campaign).owner_contact if campaign is not None else None
    values = {name: "" for name in OWNER_VARIABLES}
    if contact is not None:
        values.update({name: getattr(contact, name) for name in OWNER_VARIABLES})
        if values["owner_contact_phone"]:
            values["owner_contact_phone"] = display_phone(values["owner_contact_phone"])
    return values
