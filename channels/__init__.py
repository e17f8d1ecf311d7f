"""Provider adapters (Twilio, Telegram, SMTP, PDF letters, sandbox). Only this package imports their clients."""
