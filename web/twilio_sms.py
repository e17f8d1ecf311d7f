"""POST /webhooks/twilio/sms: inbound SMS. Authenticate, hand over to the engine, answer TwiML."""

from __future__ import annotations

from typing import Annotated

import anyio
from fastapi import APIRouter
from fastapi import Depends
from fastapi import FastAPI
from fastapi import Request
from fastapi import Response

from bot.sms import handle_sms
from channels.twilio_webhooks import twiml_reply
from settings import Settings
from store.db import Database
from web.webhook_edge import TwilioWebhook
from web.webhook_input import sms_fields

router = APIRouter()
PATH = "/webhooks/twilio/sms"
# A few threads do the database work of all inbound SMS: each holds the GIL most of its time, and forty of
# them (the default pool) only take turns more often, starving the event loop that reads the requests.
WEBHOOK_THREADS = 2


def install(app: FastAPI) -> None:
    app.state.sms_webhook_threads = anyio.CapacityLimiter(WEBHOOK_THREADS)  # per app: one per event loop
    app.include_router(router)


SMS_WEBHOOK = TwilioWebhook("twilio_sms", PATH, sms_fields)


@router.post(PATH, include_in_schema=False)
async def inbound_sms(
    request: Request, fields: Annotated[dict[str, str] | None, Depends(SMS_WEBHOOK)]
) -> Response:
    if fields is None:  # authentic but unusable: acknowledged, or Twilio would retry it
        return Response(twiml_reply([]), media_type="application/xml")
    # The app's settings and database straight from its state (see web.webhook_edge on thread hops).
    settings: Settings = request.app.state.settings
    db: Database = request.app.state.db

    def work() -> list[str]:
        with db.transaction() as session:
            return handle_sms(session, form=fields, settings=settings)

    texts = await anyio.to_thread.run_sync(work, limiter=request.app.state.sms_webhook_threads)
    return Response(twiml_reply(texts), media_type="application/xml")
