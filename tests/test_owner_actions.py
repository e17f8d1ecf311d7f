"""Members of an owning organisation run their own campaigns and nothing else (PRODUCT §10, §11); their launch
waits for staff, and a staff launch is the approval."""

from __future__ import annotations

from datetime import datetime
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.definition import DefinitionError
from campaigns.lifecycle import CreateResult
from campaigns.lifecycle import launch_campaign
from campaigns.owner_actions import NotAllowed
from campaigns.owner_actions import NotYourCampaign
from campaigns.owner_actions import cancel_owned
from campaigns.owner_actions import create_owned_campaign
from campaigns.owner_actions import launch_requested
from campaigns.owner_actions import owned_campaigns
from campaigns.owner_actions import pause_owned
from campaigns.owner_actions import preview_owned
from campaigns.owner_actions import request_launch
from campaigns.owner_actions import resume_owned
from campaigns.owner_actions import send_owned_test
from catalogue.stored import read_text
from settings import Settings
from store.models import CampaignState
from store.models import HunterMember
from store.models import HunterState
from store.models import Message
from store.models import Notice
from tests.lead_factories import make_hunter
from tests.outbox_factories import make_recipient

NAV, SCHOOL = "974760673", "923609016"


def source(owner: str = NAV, co_owner: str = SCHOOL, extra: str = "") -> str:
    at = datetime.now(ZoneInfo("Europe/Oslo")) + timedelta(days=3)
    return f"""
name = "Øra voksen"
kind = "voksen"
owner = "{owner}"
co_owners = ["{co_owner}"]
{extra}
[audience]
counties = ["55"]
orgnr_file = "medlemmer.csv"

[[steps]]
channel = "sms"
template = "sms/voksen"
at = "{at:%Y-%m-%dT%H:%M}"
"""


def member_of(session: Session, orgnr: str, name: str) -> HunterMember:
    organisation = make_hunter(session, counties=["31"], name=name)
    organisation.orgnr = orgnr
    member = HunterMember(hunter_id=organisation.id, name=f"Medlem i {name}", phone="+4791234567")
    session.add(member)
    session.flush()
    return member


@pytest.fixture
def setup(session: Session) -> tuple[HunterMember, HunterMember, bytes]:
    nav = member_of(session, NAV, "NAV Fredrikstad")
    school = member_of(session, SCHOOL, "Glemmen vgs")
    company, _ = make_recipient(session, county_number="55")
    return nav, school, f"orgnr\n{company.orgnr}\n".encode()


def create_nav_campaign(
    session: Session, settings: Settings, nav: HunterMember, members: bytes
) -> CreateResult:
    """NAV's member creates the ordinary campaign of `source()`, with the member list uploaded."""
    return create_owned_campaign(
        session, member=nav, source=source(), filename="ora.toml", settings=settings,
        attachments={"medlemmer.csv": members},
    )  # fmt: skip


def test_a_member_creates_previews_pauses_and_cancels_the_organisations_campaign(
    session: Session, settings: Settings, setup: tuple[HunterMember, HunterMember, bytes]
) -> None:
    nav, school, members = setup
    created = create_nav_campaign(session, settings, nav, members)
    campaign = created.campaign
    assert created.audience == 1
    assert [c.id for c in owned_campaigns(session, member=school)] == [campaign.id]  # a co-owner too
    assert preview_owned(session, member=school, campaign_id=campaign.id, settings=settings)[0].audience == 1
    request = request_launch(session, member=school, campaign_id=campaign.id)
    assert (
        request_launch(session, member=nav, campaign_id=campaign.id).member_id
        == request.member_id
        == school.id
    )
    notice = session.scalars(select(Notice).where(Notice.kind == "launch_request")).one()
    assert (
        "Glemmen vgs" in read_text(notice.text) and campaign.state is CampaignState.DRAFT
    )  # nothing sent yet

    launch_campaign(session, campaign_id=campaign.id, settings=settings)  # staff: the approval
    assert (
        campaign.state is CampaignState.SCHEDULED
        and launch_requested(session, campaign_id=campaign.id) is None
    )
    assert pause_owned(session, member=nav, campaign_id=campaign.id).state is CampaignState.PAUSED
    assert resume_owned(session, member=nav, campaign_id=campaign.id, settings=settings).state in (
        CampaignState.SCHEDULED,
        CampaignState.RUNNING,
    )
    cancel_owned(session, member=school, campaign_id=campaign.id)
    assert campaign.state is CampaignState.CANCELLED


def test_nobody_else_may_touch_it_and_cannot_tell_whether_it_exists(
    session: Session, settings: Settings, setup: tuple[HunterMember, HunterMember, bytes]
) -> None:
    nav, _, members = setup
    campaign = create_nav_campaign(session, settings, nav, members).campaign
    stranger = member_of(session, "914778271", "Elektroforeningen")
    for act in (pause_owned, cancel_owned, request_launch):
        with pytest.raises(NotYourCampaign) as refused:
            act(session, member=stranger, campaign_id=campaign.id)
        with pytest.raises(NotYourCampaign) as missing:
            act(session, member=stranger, campaign_id=campaign.id + 1000)
        assert str(refused.value) == str(missing.value).replace(str(campaign.id + 1000), str(campaign.id))
    assert owned_campaigns(session, member=stranger) == []
    nav.removed_at = datetime.now(ZoneInfo("UTC"))
    with pytest.raises(NotAllowed):
        pause_owned(session, member=nav, campaign_id=campaign.id)
    nav.removed_at = None
    nav.hunter.state = HunterState.REJECTED
    with pytest.raises(NotAllowed):
        owned_campaigns(session, member=nav)


def test_a_member_may_only_create_a_campaign_the_organisation_owns(
    session: Session, settings: Settings, setup: tuple[HunterMember, HunterMember, bytes]
) -> None:
    nav, _, members = setup
    with pytest.raises(DefinitionError, match=r"ora\.toml:4: owner: organisasjonen din må eie kampanjen"):
        create_owned_campaign(
            session, member=nav, source=source(owner=SCHOOL, co_owner="914778271"), filename="ora.toml",
            settings=settings, attachments={"medlemmer.csv": members},
        )  # fmt: skip


def test_a_list_on_the_server_is_never_read_for_a_member(
    session: Session, settings: Settings, setup: tuple[HunterMember, HunterMember, bytes]
) -> None:
    nav, _, _ = setup
    with pytest.raises(DefinitionError, match=r"lista «medlemmer\.csv» er ikke lastet opp"):
        create_owned_campaign(session, member=nav, source=source(), filename="ora.toml", settings=settings)


def test_a_test_goes_only_to_the_members_own_address(
    session: Session, settings: Settings, setup: tuple[HunterMember, HunterMember, bytes]
) -> None:
    nav, _, members = setup
    campaign = create_nav_campaign(session, settings, nav, members).campaign
    with pytest.raises(NotAllowed, match="ditt eget telefonnummer"):
        send_owned_test(session, member=nav, campaign_id=campaign.id, to="+4799999999", settings=settings)
    sent = send_owned_test(session, member=nav, campaign_id=campaign.id, to="912 34 567", settings=settings)
    assert [m.address for m in sent] == ["+4791234567"]
    assert session.scalar(select(Message.kind).where(Message.id == sent[0].id)) == "test"
