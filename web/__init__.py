"""The ASGI application: webhooks, the registration page, the staff dashboard and API, health."""
