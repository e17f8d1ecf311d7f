"""The outbox's counts are kept by triggers (migration 0021): after inserts, state changes (one by one and in
bulk), deletes and a campaign's deletion they equal a fresh GROUP BY over `message`, before and after a fold;
the migration's backfill counts the messages already there, and its downgrade removes table and triggers."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from campaigns.counts import fold_counts
from campaigns.counts import message_counts
from campaigns.counts import shown_state
from campaigns.results import campaign_state_counts
from campaigns.results import progress_by_campaign
from store.db import Database
from store.models import Campaign
from store.models import Channel
from store.models import Message
from store.models import MessageCount
from store.models import MessageKind
from store.models import MessageState
from tests.outbox_factories import make_campaign
from tests.outbox_factories import queue_messages
from tests.test_migration_0004 import migrate

Key = tuple[int | None, int | None, str, str, str, str]


def grouped(session: Session) -> dict[Key, int]:
    """The counts as a GROUP BY over the outbox finds them: what the triggers must keep."""
    shown = shown_state()
    rows = session.execute(
        select(
            Message.campaign_id,
            Message.step_id,
            Message.kind,
            Message.channel,
            Message.state,
            shown,
            func.count(),
        ).group_by(Message.campaign_id, Message.step_id, Message.kind, Message.channel, Message.state, shown)
    ).tuples()
    return {(c, s, k.value, ch.value, st.value, str(v)): n for c, s, k, ch, st, v, n in rows}


def maintained(session: Session) -> dict[Key, int]:
    counted: dict[Key, int] = {}
    for t in message_counts(session):
        key = (t.campaign_id, t.step_id, t.kind.value, t.channel.value, t.state.value, t.shown)
        counted[key] = counted.get(key, 0) + t.count
    return counted


def test_the_counts_follow_every_change_of_the_outbox(db: Database) -> None:
    with db.transaction() as session:
        first, sms = make_campaign(session)
        second, letters = make_campaign(session, channel=Channel.LETTER)
        texts = queue_messages(session, campaign=first, step=sms, count=6)
        queue_messages(session, campaign=second, step=letters, count=3, channel=Channel.LETTER)
        ids = [m.id for m in texts]
        first_id, second_id, sms_id = first.id, second.id, sms.id
    with db.transaction() as session:
        assert maintained(session) == grouped(session) != {}
        # One by one, as the dispatcher and the status callbacks do it; sandbox "sent" counts as delivered.
        for message_id, state, provider in [
            (ids[0], MessageState.SENT, "twilio"),
            (ids[1], MessageState.SENT, "sandbox"),
            (ids[2], MessageState.FAILED, "twilio"),
        ]:
            message = session.get(Message, message_id)
            assert message is not None
            message.state, message.provider = state, provider
        session.flush()
        session.get(Message, ids[0]).state = MessageState.DELIVERED  # type: ignore[union-attr]
        # In bulk, as a cancel does; and a change of no counted column adds no delta.
        session.execute(update(Message).where(Message.id.in_(ids[3:5])).values(state=MessageState.CANCELLED))
        session.execute(update(Message).where(Message.id == ids[5]).values(attempts=3))
        session.execute(delete(Message).where(Message.id == ids[5]))
        session.execute(
            update(Message).where(Message.campaign_id == second_id).values(state=MessageState.SENT)
        )
    with db.session() as session:
        assert maintained(session) == grouped(session)
        per_step, whole = campaign_state_counts(session, campaign_id=first_id)
        assert per_step == {sms_id: {"delivered": 2, "failed": 1, "cancelled": 2}}
        assert whole == per_step[sms_id]
        assert progress_by_campaign(session, [second_id])[second_id].counts == {"delivered": 3}

    with db.transaction() as session:
        # The database cascades the campaign's deletion to its outbox.
        session.execute(delete(Campaign).where(Campaign.id == second_id))
    with db.transaction() as session:
        assert maintained(session) == grouped(session)
        assert progress_by_campaign(session, [second_id])[second_id].counts == {}
        rows = fold_counts(session)
    with db.session() as session:
        assert maintained(session) == grouped(session)
        assert rows == len(grouped(session)) == session.scalar(select(func.count()).select_from(MessageCount))
        assert session.scalar(select(func.min(MessageCount.delta))) > 0
        assert {t.kind for t in message_counts(session)} == {MessageKind.OUTREACH}


def test_the_migration_counts_the_messages_already_there_and_its_downgrade_removes_the_counts(
    db: Database,
) -> None:
    migrate(db, "0020", down=True)
    with db.transaction() as session:  # the outbox of 0020 is the outbox of head: the factories fit
        campaign, step = make_campaign(session)
        messages = queue_messages(session, campaign=campaign, step=step, count=4)
        messages[0].state, messages[0].provider = MessageState.SENT, "sandbox"
        messages[1].state = MessageState.FAILED
    migrate(db, "head")
    with db.session() as session:
        assert maintained(session) == grouped(session)
        assert sum(maintained(session).values()) == 4
    migrate(db, "0020", down=True)
    with db.transaction() as session:  # no trigger left to write into a table that is gone
        session.execute(update(Message).values(state=MessageState.CANCELLED))
    migrate(db, "head")
    with db.session() as session:
        assert maintained(session) == grouped(session)
        assert progress_by_campaign(session, [campaign.id])[campaign.id].counts == {"cancelled": 4}
