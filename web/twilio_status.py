"""POST /webhooks/twilio/status: delivery reports. Authenticate, apply, answer fast.

A report for a SID we have not recorded yet is kept (the dispatcher writes SIDs in batches) and applied when
the SID is written; a failed or undelivered report may pause its campaign like a failed send.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from fastapi import Depends
from fastapi import Response
from starlette.concurrency import run_in_threadpool

from campaigns.dispatch.delivery import DeliveryReport
from campaigns.dispatch.delivery import record_delivery
from store.models import utcnow
from web.deps import DbDep
from web.deps import SettingsDep
from web.webhook_edge import TwilioWebhook
from web.webhook_input import StatusReport
from web.webhook_input import status_report

router = APIRouter()
PATH = "/webhooks/twilio/status"


STATUS_WEBHOOK = TwilioWebhook("twilio_status", PATH, status_report)


@router.post(PATH, include_in_schema=False)
async def status_callback(
    settings: SettingsDep, db: DbDep, report: Annotated[StatusReport | None, Depends(STATUS_WEBHOOK)]
) -> Response:
    if report is None:  # authentic but unusable: acknowledged, or Twilio would retry it
        return Response(status_code=200)
    delivery = DeliveryReport(provider_id=report.sid, status=report.status, error_code=report.error_code)
    await run_in_threadpool(lambda: record_delivery(db, settings=settings, now=utcnow(), report=delivery))
    return Response(status_code=204)
