"""POST /webhooks/twilio/sms: inbound SMS. Authenticate, hand over to the engine, answer TwiML."""

from __future__ import annotations

import anyio
from fastapi import APIRouter, FastAPI, Request, Response

from bot.sms import handle_sms
from channels.twilio_webhooks import twiml_reply, valid_twilio_signature
from metrics.instruments import WEBHOOK_REJECTIONS, WEBHOOK_REQUESTS
from settings import Settings
from store.db import Database
from web.body import MAX_BODY, read_limited
from web.webhook_input import Ignored, ignore, parse_form, sms_fields

router = APIRouter()
PATH = "/webhooks/twilio/sms"
# A few threads do the database work of all inbound SMS: each holds the GIL most of its time, and forty of
# them (the default pool) only take turns more often, starving the event loop that reads the requests.
WEBHOOK_THREADS = 2


def install(app: FastAPI) -> None:
    app.state.sms_webhook_threads = anyio.CapacityLimiter(WEBHOOK_THREADS)  # per app: one per event loop
    app.include_router(router)


@router.post(PATH, include_in_schema=False)
async def inbound_sms(request: Request) -> Response:
    # The app's settings and database straight from its state: FastAPI runs plain-function dependencies in
    # the threadpool, and two thread hops per webhook were an eighth of its time under load.
    settings: Settings = request.app.state.settings
    db: Database = request.app.state.db
    WEBHOOK_REQUESTS.labels(webhook="twilio_sms").inc()
    body = await read_limited(request, MAX_BODY)
    if body is None:
        WEBHOOK_REJECTIONS.labels(webhook="twilio_sms", reason="too_large").inc()
        return Response("Payload too large", status_code=413)
    # Twilio posts application/x-www-form-urlencoded; the stream is consumed, so parse the bytes we kept.
    form = parse_form(body)
    if not valid_twilio_signature(
        settings, PATH, form, request.headers.get("X-Twilio-Signature"), request.url.query
    ):
        WEBHOOK_REJECTIONS.labels(webhook="twilio_sms", reason="signature").inc()
        return Response("Forbidden", status_code=403)
    try:
        fields = sms_fields(form)
    except Ignored as exc:  # authentic but unusable: acknowledged, or Twilio would retry it
        ignore("twilio_sms", exc)
        return Response(twiml_reply([]), media_type="application/xml")

    def work() -> list[str]:
        with db.transaction() as session:
            return handle_sms(session, form=fields, settings=settings)

    texts = await anyio.to_thread.run_sync(work, limiter=request.app.state.sms_webhook_threads)
    return Response(twiml_reply(texts), media_type="application/xml")
