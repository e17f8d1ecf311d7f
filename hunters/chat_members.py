"""Who acts for a hunter organisation from a Telegram chat: a member who linked the chat, or (for an
organisation from before members) the organisation's own chat. Removed members' chats speak for nobody."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from hunters.organisations import hunter_by_chat
from store.models import Hunter
from store.models import HunterMember


def acting_for_chat(session: Session, chat_id: str) -> tuple[Hunter | None, int | None]:
    """(the organisation, the member id or None) this chat acts for; (None, None) for a stranger's chat."""
    member = session.scalar(
        select(HunterMember).where(
            HunterMember.telegram_chat_id == chat_id, HunterMember.removed_at.is_(None)
        )
    )
    if member is not None:
        return member.hunter, member.id
    return hunter_by_chat(session, chat_id), None
