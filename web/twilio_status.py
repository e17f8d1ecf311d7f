"""POST /webhooks/twilio/status: delivery reports. Authenticate, apply, answer 200 fast."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from campaigns.delivery import apply_status
from channels.twilio_webhooks import valid_twilio_signature
from store.models import utcnow

from .deps import DbDep, SettingsDep
from .metrics import WEBHOOK_REJECTIONS, WEBHOOK_REQUESTS

router = APIRouter()
PATH = "/webhooks/twilio/status"
MAX_BODY = 64 * 1024


@router.post(PATH, include_in_schema=False)
async def status_callback(request: Request, settings: SettingsDep, db: DbDep) -> Response:
    WEBHOOK_REQUESTS.labels(webhook="twilio_status").inc()
    if len(await request.body()) > MAX_BODY:
        WEBHOOK_REJECTIONS.labels(webhook="twilio_status", reason="too_large").inc()
        return Response("Payload too large", status_code=413)
    form = {k: str(v) for k, v in (await request.form()).items()}
    if not valid_twilio_signature(
        settings, PATH, form, request.headers.get("X-Twilio-Signature"), request.url.query
    ):
        WEBHOOK_REJECTIONS.labels(webhook="twilio_status", reason="signature").inc()
        return Response("Forbidden", status_code=403)
    sid, status = form.get("MessageSid", ""), form.get("MessageStatus", "")

    def work() -> None:
        with db.transaction() as session:
            apply_status(
                session, provider_id=sid, status=status, error_code=form.get("ErrorCode") or None, at=utcnow()
            )

    await run_in_threadpool(work)
    return Response(status_code=204)
