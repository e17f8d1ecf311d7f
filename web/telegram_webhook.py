"""POST /webhooks/telegram: Telegram updates in webhook mode (PRODUCT §8).

Authenticates with the secret token Telegram echoes in `X-Telegram-Bot-Api-Secret-Token`, hands the update to
the running bot's queue and answers at once; the bot processes it in the background, in order per chat.
"""

from __future__ import annotations

import hmac
import logging
from typing import Any

from fastapi import APIRouter, Request, Response

from metrics.instruments import WEBHOOK_REJECTIONS, WEBHOOK_REQUESTS
from web.body import MAX_BODY, read_limited
from web.deps import SettingsDep
from web.webhook_input import Ignored, ignore, update_fields

log = logging.getLogger(__name__)
router = APIRouter()

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK = "telegram"  # the label in jeger_webhook_requests_total and jeger_webhook_rejections_total


def _running_bot(request: Request) -> Any:
    from bot.telegram_app import TelegramBot

    for service in getattr(request.app.state, "services", ()):
        if isinstance(service, TelegramBot) and service.running:
            return service
    return None


@router.post("/webhooks/telegram", include_in_schema=False)
async def telegram_update(request: Request, settings: SettingsDep) -> Response:
    WEBHOOK_REQUESTS.labels(webhook=WEBHOOK).inc()
    expected = settings.telegram_webhook_secret
    if settings.telegram_mode != "webhook" or not expected:
        WEBHOOK_REJECTIONS.labels(webhook=WEBHOOK, reason="not_configured").inc()
        return Response("webhook mode is not configured", status_code=403)
    given = request.headers.get(SECRET_HEADER, "")
    if not hmac.compare_digest(given.encode(), expected.encode()):
        WEBHOOK_REJECTIONS.labels(webhook=WEBHOOK, reason="secret").inc()
        return Response("forbidden", status_code=403)
    body = await read_limited(request, MAX_BODY)
    if body is None:
        WEBHOOK_REJECTIONS.labels(webhook=WEBHOOK, reason="too_large").inc()
        return Response("body too large", status_code=413)
    try:
        data = update_fields(body)
    except Ignored as exc:  # authentic but unusable: acknowledge, or Telegram would retry it forever
        ignore(WEBHOOK, exc)
        return Response(status_code=200)
    bot = _running_bot(request)
    if bot is None:  # this process serves the web part only: let Telegram retry until the bot runs
        return Response("bot not running", status_code=503)
    try:
        await bot.feed_update(data)
    except (TypeError, ValueError, KeyError, AttributeError) as exc:  # python-telegram-bot's de_json
        log.info("python-telegram-bot could not read an update: %r", exc)
        ignore(WEBHOOK, Ignored("unparsable_update"))
    return Response(status_code=200)
