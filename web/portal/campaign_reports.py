"""An owned campaign's downloads on the portal (PRODUCT §11): who comes to its information meetings, and its
outcome report. Only for the organisation's own campaigns (`owned_campaign` checks it); another's is a 404."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi import Request
from fastapi.responses import Response

from campaigns.lifecycle import CampaignError
from campaigns.owner_actions import owned_campaign
from store.models import MAX_ID
from web.campaign_files import attendees_file
from web.campaign_files import outcomes_file
from web.deps import SessionDep
from web.portal.ui import CurrentMember
from web.portal.ui import page

router = APIRouter()


@router.get("/kampanjer/{campaign_id}/{name}.xlsx")
def campaign_workbook(
    request: Request, session: SessionDep, member: CurrentMember, campaign_id: int, name: str
) -> Response:
    if not 0 < campaign_id <= MAX_ID or name not in ("deltakere", "resultater"):
        return page(request, "error.html", status_code=404, message="portal_not_found")
    try:
        campaign = owned_campaign(session, member=member, campaign_id=campaign_id)
    except CampaignError:
        return page(request, "error.html", status_code=404, message="portal_not_found")
    file = attendees_file if name == "deltakere" else outcomes_file
    return file(session, campaign_id=campaign.id, kind="xlsx")
