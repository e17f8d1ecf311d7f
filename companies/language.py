"""Which language we speak to a company in, wherever it meets us: the chat, the registration page.

The one rule (PRODUCT §5): the language of the latest outreach that reached it, which is its written standard
(målform) or what that campaign fixed, such as English; before any outreach, its målform. The bot and the
registration page both ask here, so a company written to in nynorsk reads nynorsk on every surface.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import Select
from sqlalchemy import bindparam
from sqlalchemy import select
from sqlalchemy.orm import Session

from catalogue import DEFAULT_LANGUAGE
from catalogue import LANGUAGES
from store.languages import WRITTEN_STANDARDS
from store.models import Company
from store.models import Message
from store.models import MessageKind

# Built once: the bot runs it for every inbound message of a known company.
LATEST_OUTREACH = (
    select(Message.id, Message.campaign_id, Message.language)
    .where(
        Message.company_id == bindparam("company_id"),
        Message.kind == MessageKind.OUTREACH,
        Message.sent_at.is_not(None),
    )
    .order_by(Message.sent_at.desc())
    .limit(1)
)


# The company's latest outreach as an outer join beside the company itself (see `with_latest_outreach`).
_LATEST_ID = (
    select(Message.id)
    .where(
        Message.company_id == Company.id,
        Message.kind == MessageKind.OUTREACH,
        Message.sent_at.is_not(None),
    )
    .order_by(Message.sent_at.desc())
    .limit(1)
    .correlate(Company)
    .scalar_subquery()
)


def with_latest_outreach() -> Select[tuple[Company, int | None, int | None, str | None]]:
    """Companies, each with what LATEST_OUTREACH gives (message id, campaign id, language; None before any
    outreach) in the same row: the bot reads both for nearly every message of a known company, and as two
    queries they were two round trips. Add the WHERE."""
    joined = select(Company, Message.id, Message.campaign_id, Message.language).outerjoin(
        Message, Message.id == _LATEST_ID
    )
    return cast(Select[tuple[Company, int | None, int | None, str | None]], joined)  # outer: None before any


def own_language(company: Company) -> str:
    """The company's målform from the register (`nb` or `nn`); bokmål when the register says nothing we write."""
    return company.language if company.language in WRITTEN_STANDARDS else DEFAULT_LANGUAGE


def chosen_language(written: str | None, company: Company) -> str:
    """The language of the latest outreach when it is one we write, else the company's own målform."""
    return written if written is not None and written in LANGUAGES else own_language(company)


def written_language(session: Session, company: Company) -> str:
    """The language to address `company` in: that of the latest outreach sent to it, else its målform."""
    latest = session.execute(LATEST_OUTREACH, {"company_id": company.id}).first()
    return chosen_language(None if latest is None else str(latest.language), company)
