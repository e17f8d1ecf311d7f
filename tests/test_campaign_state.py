"""One state machine: every move of a campaign follows the table, and a move the system makes by itself tells
staff and takes the campaign's step jobs away."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy import text

from campaigns.dispatch.outcome import pause_failing_campaigns
from campaigns.state import ALLOWED
from campaigns.state import CampaignError
from campaigns.state import transition
from campaigns.step_jobs import write_jobs_after_commit
from catalogue.stored import read_text
from store.db import Database
from store.models import Campaign
from store.models import CampaignState
from store.models import Message
from store.models import MessageState
from store.models import Notice
from store.models import utcnow
from tests.outbox_factories import make_campaign
from tests.outbox_factories import make_recipient


@pytest.mark.parametrize("start", list(CampaignState))
def test_a_campaign_moves_only_where_the_table_allows(db: Database, start: CampaignState) -> None:
    for to in CampaignState:
        with db.transaction() as session:
            campaign = Campaign(name="C", state=start, definition={})
            session.add(campaign)
            session.flush()
            if to is start:
                assert transition(session, campaign, to) is False
            elif to in ALLOWED[start]:
                assert transition(session, campaign, to) is True and campaign.state is to
            else:
                with pytest.raises(CampaignError, match=f"Kampanje {campaign.id} er"):
                    transition(session, campaign, to)
                assert campaign.state is start


def test_an_ended_campaign_gets_its_end_time_once(db: Database) -> None:
    with db.transaction() as session:
        campaign = Campaign(name="C", state=CampaignState.RUNNING, definition={})
        session.add(campaign)
        session.flush()
        transition(session, campaign, CampaignState.COMPLETED, now=utcnow() - timedelta(hours=1))
        assert campaign.ended_at is not None and campaign.state_reason is None


def test_a_campaign_paused_for_failing_sends_tells_staff_and_loses_its_step_jobs(db: Database) -> None:
    now = utcnow()
    with db.transaction() as session:
        campaign, step = make_campaign(session)
        step.scheduled_for = now + timedelta(days=1)  # a later step still waiting for its job
        campaign_id = campaign.id
        for _ in range(20):
            company, contact = make_recipient(session)
            session.add(
                Message(
                    campaign_id=campaign_id, step_id=None, company_id=company.id, contact_id=contact.id,
                    channel=step.channel, address=contact.address, state=MessageState.FAILED, last_attempt_at=now,
                )
            )  # fmt: skip
        write_jobs_after_commit(session, campaign_id=campaign_id)
    with db.session() as session:
        assert session.execute(text("SELECT count(*) FROM apscheduler_jobs")).scalar() == 1
    with db.transaction() as session:
        paused = pause_failing_campaigns(session, campaign_ids={campaign_id}, ratio=0.5, window=20, now=now)
        assert paused == [campaign_id]
    with db.session() as session:
        campaign = session.get_one(Campaign, campaign_id)
        assert campaign.state is CampaignState.PAUSED and "feilet" in read_text(campaign.state_reason)
        notice = session.scalars(select(Notice).where(Notice.campaign_id == campaign_id)).one()
        assert notice.kind == "campaign_paused" and notice.text == campaign.state_reason
        assert session.execute(text("SELECT count(*) FROM apscheduler_jobs")).scalar() == 0


def test_campaigns_never_import_the_scheduler() -> None:
    """The job store is kept in step from campaigns.step_jobs: scheduler.py imports campaigns, never back."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "campaigns"
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            assert not any(name == "scheduler" or name.startswith("scheduler.") for name in names), path
