"""An owned campaign's downloads on the portal (PRODUCT §11): who comes to its information meetings, and its
outcome report. Only for the organisation's own campaigns (`owned_campaign` checks it); another's is a 404."""

from __future__ import annotations

import io

from fastapi import APIRouter, Request
from fastapi.responses import Response

from campaigns.lifecycle import CampaignError
from campaigns.meeting_attendees import attendee_rows
from campaigns.meeting_attendees import write_xlsx as attendees_xlsx
from campaigns.owner_actions import owned_campaign
from exports.tables import XLSX_MEDIA_TYPE
from reports.outcome_export import default_filename
from reports.outcome_export import write_xlsx as outcomes_xlsx
from reports.outcomes import outcome_report
from store.models import MAX_ID
from web.deps import SessionDep
from web.downloads import attachment
from web.portal.ui import CurrentMember, page

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
    binary = io.BytesIO()
    if name == "deltakere":
        attendees_xlsx(attendee_rows(session, campaign_id=campaign.id), binary)
        filename = f"deltakere-{campaign.id}.xlsx"
    else:
        outcomes_xlsx(outcome_report(session, campaign_id=campaign.id), binary)
        filename = default_filename(campaign.id)
    return Response(binary.getvalue(), media_type=XLSX_MEDIA_TYPE, headers=attachment(filename))
