"""POST /webhooks/twilio/sms: inbound SMS. Authenticate, hand over to the engine, answer TwiML."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool

from bot.sms import handle_sms
from channels.twilio_webhooks import twiml_reply, valid_twilio_signature

from .deps import DbDep, SettingsDep
from .metrics import WEBHOOK_REJECTIONS, WEBHOOK_REQUESTS

router = APIRouter()
MAX_BODY = 64 * 1024
PATH = "/webhooks/twilio/sms"


@router.post(PATH, include_in_schema=False)
async def inbound_sms(request: Request, settings: SettingsDep, db: DbDep) -> Response:
    WEBHOOK_REQUESTS.labels(webhook="twilio_sms").inc()
    body = await request.body()
    if len(body) > MAX_BODY:
        WEBHOOK_REJECTIONS.labels(webhook="twilio_sms", reason="too_large").inc()
        return Response("Payload too large", status_code=413)
    form = {k: str(v) for k, v in (await request.form()).items()}
    if not valid_twilio_signature(
        settings, PATH, form, request.headers.get("X-Twilio-Signature"), request.url.query
    ):
        WEBHOOK_REJECTIONS.labels(webhook="twilio_sms", reason="signature").inc()
        return Response("Forbidden", status_code=403)

    def work() -> list[str]:
        with db.transaction() as session:
            return handle_sms(session, form=form, settings=settings)

    texts = await run_in_threadpool(work)
    return Response(twiml_reply(texts), media_type="application/xml")
