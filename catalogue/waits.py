"""Why a campaign's queued messages wait, one line per group (campaigns.waits), for staff in their language:
`jeger campaign status`, the campaign page and the delivery report. `{count}` is already a formatted number,
`{when}` a time as people say it (catalogue.when_text)."""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "wait_ready": {"nb": "{count} sendes nå", "nn": "{count} blir sende no", "en": "{count} go out now"},
    "wait_rate": {
        "nb": "{what} venter på sendefarten ({rate} per sekund) — alle sendt ca. {when}",
        "nn": "{what} ventar på sendefarten ({rate} per sekund) — alle sende ca. {when}",
        "en": "{what} wait for the send rate ({rate} a second) — all sent about {when}",
    },
    "wait_paused": {
        "nb": "{count} venter fordi kampanjen er satt på pause — sendes når den fortsetter",
        "nn": "{count} ventar fordi kampanjen er sett på pause — blir sende når han held fram",
        "en": "{count} wait because the campaign is paused — sent when it resumes",
    },
    "wait_retry": {
        "nb": "{count} venter på et nytt forsøk etter en feil hos leverandøren — neste forsøk {when}",
        "nn": "{count} ventar på eit nytt forsøk etter ein feil hos leverandøren — neste forsøk {when}",
        "en": "{count} wait to be tried again after a fault at the provider — next try {when}",
    },
    "wait_window": {
        "nb": "{count} venter fordi det er utenfor sendetiden — sendes {when}",
        "nn": "{count} ventar fordi det er utanfor sendetida — blir sende {when}",
        "en": "{count} wait because it is outside the sending hours — sent {when}",
    },
    "wait_send_day": {
        "nb": "{count} venter fordi det ikke er sendedag — sendes {when}",
        "nn": "{count} ventar fordi det ikkje er sendedag — blir sende {when}",
        "en": "{count} wait because it is not a sending day — sent {when}",
    },
    "wait_holiday": {
        "nb": "{count} venter fordi det er helligdag — sendes {when}",
        "nn": "{count} ventar fordi det er heilagdag — blir sende {when}",
        "en": "{count} wait because it is a public holiday — sent {when}",
    },
    "wait_daily_cap_single": {
        "nb": "{count} venter på grensen én melding per dag — sendes {when}",
        "nn": "{count} ventar på grensa éi melding per dag — blir sende {when}",
        "en": "{count} wait for the limit of one message a day — sent {when}",
    },
    "wait_daily_cap": {
        "nb": "{count} venter på grensen {cap} meldinger per dag — sendes {when}",
        "nn": "{count} ventar på grensa {cap} meldingar per dag — blir sende {when}",
        "en": "{count} wait for the limit of {cap} messages a day — sent {when}",
    },
    "wait_later": {
        "nb": "{count} venter — sendes {when}",
        "nn": "{count} ventar — blir sende {when}",
        "en": "{count} wait — sent {when}",
    },
}
