"""POST /webhooks/telegram: Telegram updates in webhook mode (PRODUCT §8).

Authenticates with the secret token Telegram echoes in `X-Telegram-Bot-Api-Secret-Token`, hands the update to
the running bot's queue and answers at once; the bot processes it in the background, in order per chat.
"""

from __future__ import annotations

import logging
from typing import Annotated
from typing import Any

from fastapi import APIRouter
from fastapi import Depends
from fastapi import Request
from fastapi import Response

from web.webhook_edge import TelegramWebhook
from web.webhook_input import Ignored
from web.webhook_input import ignore

log = logging.getLogger(__name__)
router = APIRouter()


def _running_bot(request: Request) -> Any:
    from bot.telegram_app import TelegramBot

    for service in getattr(request.app.state, "services", ()):
        if isinstance(service, TelegramBot) and service.running:
            return service
    return None


TELEGRAM_WEBHOOK = TelegramWebhook()


@router.post("/webhooks/telegram", include_in_schema=False)
async def telegram_update(
    request: Request, data: Annotated[dict[str, Any] | None, Depends(TELEGRAM_WEBHOOK)]
) -> Response:
    if data is None:  # authentic but unusable: acknowledge, or Telegram would retry it forever
        return Response(status_code=200)
    bot = _running_bot(request)
    if bot is None:  # this process serves the web part only: let Telegram retry until the bot runs
        return Response("bot not running", status_code=503)
    try:
        await bot.feed_update(data)
    except (TypeError, ValueError, KeyError, AttributeError) as exc:  # python-telegram-bot's de_json
        log.info("python-telegram-bot could not read an update: %r", exc)
        ignore(TELEGRAM_WEBHOOK.webhook, Ignored("unparsable_update"))
    return Response(status_code=200)
