"""Staff accounts: passwords and login, dashboard sessions, API tokens, and the throttles shared by every
web process. Domain only: `web.auth`, `web.admin` and the CLI call these; callers commit."""
