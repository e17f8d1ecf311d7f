"""Who is speaking (PRODUCT §7, §12): a conversation acts for a company only as far as it has proved it.

    proof                                              verified_by   lasts
    personal link, Telegram deep link (/start <token>)  link          until another link or code
    a company's short code in the message ("JA K7MX2P") code          until another link or code
    the sender is a current contact of exactly one      sender        while that stays true (checked per message)
      company (not replaced; an address several
      companies share proves nothing)
    a typed orgnr                                       None          an unverified conversation

An unverified conversation may start its own registration (marked unverified), but never sees or continues
what others told us about the company, its replies do not count as the company's, and its STOPP opts out only
its own address.
"""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from store.models import Company, Contact, ContactKind, Conversation

LINK = "link"
CODE = "code"
SENDER = "sender"
LASTING = (LINK, CODE)  # proofs that stay with the conversation once given

# At most two rows: one company means the address is its own, two mean it is shared and proves nothing.
SENDER_COMPANIES = (
    select(Contact.company_id)
    .where(
        Contact.kind == bindparam("kind"),
        Contact.address == bindparam("address"),
        Contact.company_id.is_not(None),
        Contact.replaced_at.is_(None),
    )
    .distinct()
    .limit(2)
)


def sender_company_id(session: Session, *, kind: ContactKind, address: str) -> int | None:
    """The company whose current contact the address is, when exactly one company has it."""
    found = list(session.scalars(SENDER_COMPANIES, {"kind": kind, "address": address}))
    return found[0] if len(found) == 1 else None


def bind(conversation: Conversation, *, company: Company, verified_by: str | None) -> None:
    """The conversation speaks for `company` from now on, proved by `verified_by` (None: only claimed)."""
    conversation.company_id = company.id
    conversation.verified_by = verified_by


def speaker(
    session: Session,
    *,
    conversation: Conversation,
    kind: ContactKind | None,
    address: str,
    by_code: Company | None,
) -> Company | None:
    """The company the conversation speaks for now, binding the conversation to it with its proof (read it
    back as `conversation.verified`). Order: a code in this message, a lasting proof given before, the
    sender's own address, else what the conversation only claimed (a typed orgnr)."""
    if by_code is not None:
        bind(conversation, company=by_code, verified_by=CODE)
        return by_code
    if conversation.company_id is not None and conversation.verified_by in LASTING:
        return session.get(Company, conversation.company_id)
    own = sender_company_id(session, kind=kind, address=address) if kind is not None else None
    if own is not None and (conversation.company_id in (None, own) or conversation.verified_by == SENDER):
        company = session.get(Company, own)
        if company is not None:
            bind(conversation, company=company, verified_by=SENDER)
            return company
    if conversation.company_id is None:
        return None
    # A sender proof that no longer holds (the contact was replaced), or an orgnr that was only typed.
    conversation.verified_by = None
    return session.get(Company, conversation.company_id)
