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

from collections.abc import Callable

from store.models import Company
from store.models import Conversation

LINK = "link"
CODE = "code"
SENDER = "sender"
LASTING = (LINK, CODE)  # proofs that stay with the conversation once given

# The company whose current contact the address is, when exactly one company has it (an address several
# companies share proves nothing), else NULL. A scalar subquery for the RETURNING of bot.floods' conversation
# bump: asked for every message from a conversation without a lasting proof, it costs no round trip of its own
# there. Binds :kind (a ContactKind value; NULL matches nothing) and :address.
SENDER_COMPANY_SQL = (
    "(SELECT CASE WHEN COUNT(DISTINCT contact.company_id) = 1 THEN MIN(contact.company_id) END FROM contact "
    "WHERE contact.kind = :kind AND contact.address = :address AND contact.company_id IS NOT NULL "
    "AND contact.replaced_at IS NULL)"
)


def bind(conversation: Conversation, *, company: Company, verified_by: str | None) -> None:
    """The conversation speaks for `company` from now on, proved by `verified_by` (None: only claimed)."""
    conversation.company_id = company.id
    conversation.verified_by = verified_by


def speaker(
    *,
    conversation: Conversation,
    sender_company_id: int | None,
    by_code: Company | None,
    load: Callable[[int], Company | None],
) -> Company | None:
    """The company the conversation speaks for now, binding the conversation to it with its proof (read it
    back as `conversation.verified`). Order: a code in this message, a lasting proof given before, the
    sender's own address (`sender_company_id`, from SENDER_COMPANY_SQL in this transaction), else what the
    conversation only claimed (a typed orgnr). `load` reads a company by id (at most one call)."""
    if by_code is not None:
        bind(conversation, company=by_code, verified_by=CODE)
        return by_code
    if conversation.company_id is not None and conversation.verified_by in LASTING:
        return load(conversation.company_id)
    own = sender_company_id
    if own is not None and (conversation.company_id in (None, own) or conversation.verified_by == SENDER):
        company = load(own)
        if company is not None:
            bind(conversation, company=company, verified_by=SENDER)
            return company
    if conversation.company_id is None:
        return None
    # A sender proof that no longer holds (the contact was replaced), or an orgnr that was only typed.
    conversation.verified_by = None
    return load(conversation.company_id)
