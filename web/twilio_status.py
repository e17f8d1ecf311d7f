"""POST /webhooks/twilio/status: delivery reports. Authenticate, apply, answer fast.

A report for a SID we have not recorded yet is kept (the dispatcher writes SIDs in batches) and applied when
the SID is written; a failed or undelivered report may pause its campaign like a failed send.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from campaigns.dispatch.delivery import apply_early_reports, apply_status
from campaigns.dispatch.outcome import pause_failing_campaigns
from channels.twilio_webhooks import valid_twilio_signature
from metrics.instruments import WEBHOOK_REJECTIONS, WEBHOOK_REQUESTS
from store.models import utcnow
from web.body import read_limited
from web.deps import DbDep, SettingsDep
from web.webhook_input import Ignored, ignore, parse_form, status_report

router = APIRouter()
PATH = "/webhooks/twilio/status"


@router.post(PATH, include_in_schema=False)
async def status_callback(request: Request, settings: SettingsDep, db: DbDep) -> Response:
    WEBHOOK_REQUESTS.labels(webhook="twilio_status").inc()
    body = await read_limited(request)
    if body is None:
        WEBHOOK_REJECTIONS.labels(webhook="twilio_status", reason="too_large").inc()
        return Response("Payload too large", status_code=413)
    form = parse_form(body)
    if not valid_twilio_signature(
        settings, PATH, form, request.headers.get("X-Twilio-Signature"), request.url.query
    ):
        WEBHOOK_REJECTIONS.labels(webhook="twilio_status", reason="signature").inc()
        return Response("Forbidden", status_code=403)
    try:
        report = status_report(form)
    except Ignored as exc:  # authentic but unusable: acknowledged, or Twilio would retry it
        ignore("twilio_status", exc)
        return Response(status_code=200)
    sid, status = report.sid, report.status

    def work() -> None:
        now = utcnow()
        with db.transaction() as session:
            result = apply_status(
                session, provider_id=sid, status=status, error_code=report.error_code, at=now
            )
        failing = {result.failing_campaign} if result.failing_campaign else set()
        if result.outcome == "early":  # the SID may have been recorded while we stored the report
            with db.transaction() as session:
                failing |= apply_early_reports(session, provider_ids=[sid])
        if failing:
            with db.transaction() as session:
                pause_failing_campaigns(
                    session,
                    campaign_ids=failing,
                    ratio=settings.failure_pause_ratio,
                    window=settings.failure_pause_window,
                    now=now,
                )

    await run_in_threadpool(work)
    return Response(status_code=204)
