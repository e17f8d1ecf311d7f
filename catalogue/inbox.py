"""Why staff cannot answer a reply from the dashboard's inbox (campaigns.inbox.InboxError), in their language."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "inbox_error_no_channel": {
        "nb": "Svaret kom ikke på SMS eller Telegram, og bedriften har ikke noe mobilnummer å svare til.",
        "nn": "Svaret kom ikkje på SMS eller Telegram, og verksemda har ikkje noko mobilnummer å svare til.",
        "en": "The reply did not come by SMS or Telegram, and the company has no mobile number to answer.",
    },
    "inbox_error_unknown": {
        "nb": "Fant ikke svar nr. {id}.",
        "nn": "Fann ikkje svar nr. {id}.",
        "en": "No reply no. {id}.",
    },
}
