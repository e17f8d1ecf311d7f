"""What the members of an organisation that owns campaigns may do with them (PRODUCT §10, §11): create, preview,
test, pause, resume and cancel their own campaigns, and ask for a launch; nothing else, and nothing with a
campaign their organisation does not own.

Each function checks ownership itself, so the portal, the API and any later edge get the same answer; a
campaign that does not exist and one of another organisation get the same refusal, so a member learns nothing
about other campaigns. The launch itself is staff's: the campaign sends from the national number and name, so a
member's request waits (`CampaignLaunchRequest`) until staff launch it from the CLI or the dashboard, which is
the approval. A test goes only to the member's own phone, e-mail or Telegram: the national number must not
become a way to send anything to anyone.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.definition import DefinitionError
from campaigns.definition import Problem
from campaigns.definition import check_definition
from campaigns.definition import line_index
from campaigns.lifecycle import CampaignError
from campaigns.lifecycle import CreateResult
from campaigns.lifecycle import cancel_campaign
from campaigns.lifecycle import create_campaign
from campaigns.lifecycle import pause_campaign
from campaigns.lifecycle import resume_campaign
from campaigns.orgnr_lists import ListFiles
from campaigns.preview import StepPreview
from campaigns.preview import preview_campaign
from campaigns.preview import send_test
from catalogue import DEFAULT_LANGUAGE
from catalogue.stored import stored_text
from companies.emails import normalize_email
from companies.phones import normalize_phone
from settings import Settings
from store.models import Campaign
from store.models import CampaignLaunchRequest
from store.models import CampaignOwner
from store.models import CampaignState
from store.models import County
from store.models import HunterMember
from store.models import HunterState
from store.models import Message
from store.models import Notice
from store.models import utcnow


class NotYourCampaign(CampaignError):
    """The member's organisation does not own the campaign (or it does not exist: the same answer)."""


class NotAllowed(CampaignError):
    """The member may not do this at all: removed, an organisation not (or no longer) approved, or a test to
    someone else's address."""


def _organisation_id(member: HunterMember) -> int:
    """The member's organisation, while the member and the organisation may act."""
    if member.removed_at is not None or member.hunter.state is not HunterState.APPROVED:
        raise NotAllowed("campaign_error_org_not_approved")
    return member.hunter_id


def owned_campaigns(session: Session, *, member: HunterMember) -> list[Campaign]:
    """The campaigns the member's organisation owns or co-owns, newest first."""
    organisation = _organisation_id(member)
    owned = select(CampaignOwner.campaign_id).where(CampaignOwner.hunter_id == organisation)
    return list(session.scalars(select(Campaign).where(Campaign.id.in_(owned)).order_by(Campaign.id.desc())))


def owned_campaign(session: Session, *, member: HunterMember, campaign_id: int) -> Campaign:
    organisation = _organisation_id(member)
    owns = session.get(CampaignOwner, (campaign_id, organisation))
    campaign = session.get(Campaign, campaign_id) if owns is not None else None
    if campaign is None:
        raise NotYourCampaign("campaign_error_not_owned", id=campaign_id)
    return campaign


def create_owned_campaign(
    session: Session,
    *,
    member: HunterMember,
    source: str,
    filename: str,
    settings: Settings,
    attachments: Mapping[str, bytes] | None = None,
    now: datetime | None = None,
) -> CreateResult:
    """Creates a draft the member's organisation owns; its lists come as uploads, never from a path on the
    server. Raises DefinitionError (every problem at once) when the file does not name the organisation as
    owner or co-owner, besides everything create refuses."""
    organisation = member.hunter
    _organisation_id(member)
    files = ListFiles(attachments=dict(attachments or {}))
    counties = set(session.scalars(select(County.number)))
    parsed, _ = check_definition(
        source, filename=filename, counties=counties, tz=settings.timezone, files=files
    )
    if parsed is not None and organisation.orgnr not in (parsed.owner, *parsed.co_owners):
        line = line_index(source).get("owner")
        raise DefinitionError(
            [Problem.of(filename, line, "owner", "def_owner_not_yours", orgnr=organisation.orgnr)]
        )
    return create_campaign(session, source=source, filename=filename, settings=settings, now=now, files=files)


def preview_owned(
    session: Session,
    *,
    member: HunterMember,
    campaign_id: int,
    settings: Settings,
    language: str = DEFAULT_LANGUAGE,
) -> list[StepPreview]:
    """The preview of an owned campaign, its problems in `language` (the member's on the portal)."""
    owned_campaign(session, member=member, campaign_id=campaign_id)
    return preview_campaign(session, campaign_id=campaign_id, settings=settings, language=language)


def send_owned_test(
    session: Session, *, member: HunterMember, campaign_id: int, to: str, settings: Settings
) -> list[Message]:
    """Sends the campaign's messages, made for a sample company, to the member's own address."""
    owned_campaign(session, member=member, campaign_id=campaign_id)
    own = {a for a in (member.phone, member.email, member.telegram_chat_id) if a}
    address = normalize_email(to) if "@" in to else (normalize_phone(to) or to.strip())
    if address not in own:
        raise NotAllowed("campaign_error_test_own_address")
    return send_test(session, campaign_id=campaign_id, to=address or to, settings=settings)


def pause_owned(session: Session, *, member: HunterMember, campaign_id: int) -> Campaign:
    owned_campaign(session, member=member, campaign_id=campaign_id)
    return pause_campaign(
        session, campaign_id=campaign_id, reason=stored_text("reason_paused_by_member", name=member.name)
    )


def resume_owned(
    session: Session,
    *,
    member: HunterMember,
    campaign_id: int,
    settings: Settings,
    now: datetime | None = None,
) -> Campaign:
    owned_campaign(session, member=member, campaign_id=campaign_id)
    return resume_campaign(session, campaign_id=campaign_id, settings=settings, now=now)


def cancel_owned(session: Session, *, member: HunterMember, campaign_id: int) -> int:
    owned_campaign(session, member=member, campaign_id=campaign_id)
    return cancel_campaign(session, campaign_id=campaign_id)


def request_launch(session: Session, *, member: HunterMember, campaign_id: int) -> CampaignLaunchRequest:
    """Asks staff to launch a draft; asking twice keeps the first request. Staff see it as a notice."""
    campaign = owned_campaign(session, member=member, campaign_id=campaign_id)
    if campaign.state is not CampaignState.DRAFT:
        raise CampaignError("campaign_error_already_started", id=campaign_id)
    request = session.get(CampaignLaunchRequest, campaign_id)
    if request is not None:
        return request
    request = CampaignLaunchRequest(campaign_id=campaign_id, member_id=member.id, requested_at=utcnow())
    session.add(request)
    session.add(
        Notice(
            kind="launch_request",
            campaign_id=campaign_id,
            text=stored_text(
                "notice_launch_request",
                name=member.name,
                org=member.hunter.org_name,
                id=campaign_id,
                campaign=campaign.name,
            ),
        )
    )
    session.flush()
    return request


def launch_requested(session: Session, *, campaign_id: int) -> CampaignLaunchRequest | None:
    return session.get(CampaignLaunchRequest, campaign_id)
