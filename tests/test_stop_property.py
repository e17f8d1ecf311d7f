"""Property: once an address has said STOPP (in any spelling), no outreach is ever claimed for it again."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from bot.engine import Inbound, handle_inbound
from campaigns.dispatch_claim import claim_batch
from settings import Settings
from store.models import MessageState, utcnow
from store.secrets import AddressHasher
from tests.outbox_factories import make_campaign, queue_messages

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
    (message,) = queue_messages(session, campaign=campaign, step=step, count=1)
    sender = message.address or ""
    for text in [*before, stop, *after]:
        handle_inbound(
            session,
            inbound=Inbound(channel="sms", sender=sender, text=text, provider_id=f"P{next(_sids)}"),
            settings=settings,
        )
    report = claim_batch(session, now=utcnow(), limit=100, hasher=AddressHasher.load(session))
    assert all(c.address != sender for c in report.claimed)
    assert message.state is MessageState.SKIPPED and message.error == "opted_out"
    session.rollback()
