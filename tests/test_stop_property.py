"""Property: once an address has said STOPP (in any spelling), no outreach is ever claimed for it again, and
the company it spoke for gets none on any address; another company sharing that address keeps its others."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from bot.engine import Inbound
from bot.engine import handle_inbound
from campaigns.dispatch.claim import claim_batch
from settings import Settings
from store.models import CampaignStep
from store.models import Channel
from store.models import Contact
from store.models import ContactKind
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import utcnow
from store.secrets import AddressHasher
from tests.outbox_factories import make_campaign
from tests.outbox_factories import make_recipient
from tests.outbox_factories import queue_messages

_sids = itertools.count(1)
STOP_WORDS = ["stopp", "stop", "avmeld", "avslutt", "slutt", "unsubscribe"]


@st.composite
def stop_message(draw: st.DrawFn) -> str:
    word = draw(st.sampled_from(STOP_WORDS))
    cased = "".join(c.upper() if draw(st.booleans()) else c for c in word)
    return (
        draw(st.sampled_from(["", " ", "  "]))
        + cased
        + draw(st.sampled_from(["", ".", "!", " ", "!!", " 🙏"]))
    )


@hsettings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=st.lists(st.text(max_size=40), max_size=3),
    stop=stop_message(),
    after=st.lists(st.text(max_size=40), max_size=3),
)
def test_after_stopp_no_outreach_is_ever_sent_to_that_address(
    session: Session, settings: Settings, before: list[str], stop: str, after: list[str]
) -> None:
    campaign, step = make_campaign(session)
    later = CampaignStep(campaign=campaign, position=1, name="epost", channel=Channel.EMAIL, template="e")
    session.add(later)
    (message,) = queue_messages(session, campaign=campaign, step=step, count=1)
    sender = message.address or ""
    hasher = AddressHasher.load(session)
    own_email = Contact(
        company_id=message.company_id,
        kind=ContactKind.EMAIL,
        address="post@stopp.example.no",
        address_hash=hasher(ContactKind.EMAIL, "post@stopp.example.no"),
    )
    session.add(own_email)
    session.flush()
    for text in [*before, stop, *after]:
        handle_inbound(
            session,
            inbound=Inbound(channel="sms", sender=sender, text=text, provider_id=f"P{next(_sids)}"),
            settings=settings,
        )
    # Afterwards: the company's own e-mail, and another company that lists the same number.
    to_email = _outreach(campaign.id, later.id, message.company_id, own_email, "post@stopp.example.no")
    neighbour, neighbour_mobile = make_recipient(session)
    shared = Contact(
        company_id=neighbour.id,
        kind=ContactKind.PHONE,
        address=sender,
        address_hash=hasher(ContactKind.PHONE, sender),
        is_mobile=True,
    )
    session.add(shared)
    session.flush()
    to_shared = _outreach(campaign.id, step.id, neighbour.id, shared, sender)
    to_neighbour = _outreach(campaign.id, later.id, neighbour.id, neighbour_mobile, neighbour_mobile.address)
    session.add_all([to_email, to_shared, to_neighbour])
    session.flush()
    report = claim_batch(session, now=utcnow(), limit=100, hasher=hasher)
    assert all(c.address != sender for c in report.claimed)
    assert message.state is MessageState.SKIPPED and message.error == "never_contact"
    assert to_email.state is MessageState.SKIPPED and to_email.error == "never_contact"
    assert to_shared.state is MessageState.SKIPPED and to_shared.error == "opted_out"
    assert [c.id for c in report.claimed] == [to_neighbour.id]
    session.rollback()


def _outreach(
    campaign_id: int, step_id: int, company_id: int | None, contact: Contact, address: str
) -> Message:
    channel = Channel.EMAIL if contact.kind is ContactKind.EMAIL else Channel.SMS
    return Message(
        kind=MessageKind.OUTREACH,
        campaign_id=campaign_id,
        step_id=step_id,
        company_id=company_id,
        contact_id=contact.id,
        channel=channel,
        address=address,
        body="Hei. Svar STOPP for å melde deg av",
        state=MessageState.QUEUED,
        due_at=utcnow(),
    )
