"""The ASGI application factory. Settings are passed in; background services start in the lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from collections.abc import Sequence
from contextlib import asynccontextmanager

from fastapi import FastAPI

from runtime import Service
from settings import Settings
from store.db import Database
from web import admin
from web import api
from web import api_meetings
from web import health
from web import hunter_signup
from web import input_errors
from web import meeting_page
from web import metrics
from web import portal
from web import registration
from web import site
from web import telegram_webhook
from web import twilio_sms
from web import twilio_status
from web.body import MAX_REQUEST_BODY
from web.security_headers import SecurityHeaders
from web.unsubscribe import router as unsubscribe_router


def create_app(
    settings: Settings, *, db: Database | None = None, services: Sequence[Service] = ()
) -> FastAPI:
    """Builds the web app; `services` (dispatcher, scheduler, bot) run for as long as it serves."""
    database = db or Database(settings.database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        started: list[Service] = []
        try:
            for service in services:
                await service.start()
                started.append(service)
            yield
        finally:
            for service in reversed(started):
                await service.stop()
            if db is None:
                database.dispose()

    # Every request body is capped before it is read (413): the Content-Length is checked first and streamed
    # bytes are counted; routes that take more (the register upload) or less (public forms) say so themselves.
    app = FastAPI(
        title="Læreplassjeger",
        lifespan=lifespan,
        docs_url="/api/docs",
        openapi_url="/api/openapi.json",
        max_body_size=MAX_REQUEST_BODY,
    )
    app.state.settings = settings
    app.state.db = database
    app.state.services = list(services)
    app.state.registration_limits = registration.RegistrationLimits()  # per app: tests get their own
    # The webhooks first: routes are matched in order, and they take the most requests.
    twilio_sms.install(app)
    app.include_router(telegram_webhook.router)
    app.include_router(health.router)
    app.include_router(metrics.router)
    app.include_router(registration.router)
    app.include_router(hunter_signup.router)
    app.include_router(meeting_page.router)
    app.include_router(unsubscribe_router)
    app.include_router(twilio_status.router)
    admin.install(app, settings=settings, db=database)
    portal.install(app)
    app.include_router(api.router)
    app.include_router(api_meetings.router)
    app.include_router(site.router)
    input_errors.install(app)
    app.add_middleware(SecurityHeaders, https=settings.public_base_url.startswith("https://"))
    return app
