"""SMS adapter over the conversation engine: a Twilio webhook's fields in, the answers' texts out.

SMS answers go back inside the webhook's TwiML (no outbox round trip: the company is waiting for them), and
each is recorded as a sent conversation message so the company's history shows both sides.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import bindparam
from sqlalchemy import text
from sqlalchemy.orm import Session

from bot.engine import Answer
from bot.engine import Inbound
from bot.engine import Outcome
from bot.engine import handle_inbound
from settings import Settings
from store.models import Channel
from store.models import MessageKind
from store.models import MessageState
from store.models import UTCDateTime
from store.models import utcnow


def sms_text(answer: Answer) -> str:
    """Buttons have no place in an SMS: the question text already says what to reply."""
    return answer.text


def record_answers(
    session: Session, *, channel: Channel, address: str, outcome: Outcome, provider: str, texts: list[str]
) -> None:
    if not texts:
        return
    now = utcnow()
    # Our answers to a conversation that only claimed the company are not part of the company's history.
    company_id = outcome.company_id if outcome.verified else None
    rows = [
        {"company_id": company_id, "channel": channel.value, "address": address, "body": body,
         "provider": provider, "now": now}
        for body in texts
    ]  # fmt: skip
    # In the session's transaction, and without ORM objects: nothing reads these rows back in this unit of
    # work, and objects would cost a RETURNING and a flush of their own on every webhook.
    session.connection().execute(ANSWER_INSERT, rows)


# Written as text, built once: constructing and compiling the INSERT per webhook cost more than running it.
ANSWER_INSERT = text(
    "INSERT INTO message (kind, company_id, channel, address, language, body, state, priority, due_at, "
    "attempts, provider, sent_at, state_changed_at, created_at) "
    f"VALUES ('{MessageKind.CONVERSATION.value}', :company_id, :channel, :address, 'nb', :body, "
    f"'{MessageState.SENT.value}', 0, :now, 0, :provider, :now, :now, :now)"
).bindparams(bindparam("now", type_=UTCDateTime()))


def handle_sms(session: Session, *, form: Mapping[str, str], settings: Settings) -> list[str]:
    """Handles one inbound SMS webhook (already authenticated); returns the texts to answer with."""
    inbound = Inbound(
        channel="sms",
        sender=form.get("From", "").strip(),
        text=form.get("Body", ""),
        provider_id=form.get("MessageSid") or form.get("SmsSid"),
    )
    outcome = handle_inbound(session, inbound=inbound, settings=settings)
    if outcome.duplicate:
        return []
    texts = [sms_text(a) for a in outcome.answers]
    record_answers(
        session, channel=Channel.SMS, address=inbound.sender, outcome=outcome, provider="twiml", texts=texts
    )
    return texts
