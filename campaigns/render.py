"""Turns a template and a company into the exact message it will receive (render first, send second).

Pure: no database and no network, only template files (compiled once per renderer). The outbox renders every
message when a step is materialised, and preview renders the same way, so what staff see is what is sent.
Rendering an SMS costs a few microseconds; 100,000 of them are part of one database transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field
from datetime import date
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from campaigns.meeting_texts import MeetingFields
from campaigns.meeting_texts import event_variables
from campaigns.meeting_texts import meeting_buttons
from campaigns.qr import qr_svg
from campaigns.sms_text import MAX_SEGMENTS
from campaigns.sms_text import SmsInfo
from campaigns.sms_text import normalize_and_analyse
from campaigns.templating import LANGUAGES
from campaigns.templating import TemplateProblem
from campaigns.templating import Templates
from campaigns.templating import check_template_name
from campaigns.templating import template_file
from campaigns.variables import BABEL_LOCALES
from campaigns.variables import COMPANY_COLUMNS
from campaigns.variables import SENDER
from campaigns.variables import SMS_NUMBER_MISSING
from campaigns.variables import CompanyFields
from campaigns.variables import address_lines
from campaigns.variables import date_text
from campaigns.variables import message_language
from campaigns.variables import owner_variables
from campaigns.variables import registration_variables
from campaigns.variables import reply_number
from catalogue.phrases import said
from settings import Settings
from store.models import Campaign
from store.models import Channel
from store.models import Company

__all__ = [
    "COMPANY_COLUMNS",
    "SMS_NUMBER_MISSING",
    "CompanyFields",
    "MessageRenderer",
    "RenderedMessage",
    "TemplateProblem",
    "address_lines",
    "message_language",
    "registration_variables",
]

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class RenderedMessage:
    """One message as it will go out. `encoding`/`segments` for SMS only; `extra` holds channel specifics."""

    channel: Channel
    language: str
    subject: str | None
    body: str
    html: str | None = None
    encoding: str | None = None
    segments: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


class MessageRenderer:
    """Renders the templates of `settings.templates_dir` for one company, channel and language."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.templates = Templates(settings.templates_dir, globals={"qr_svg": qr_svg})
        self._tz = ZoneInfo(settings.timezone)
        self._base_url = settings.public_base_url
        self._bot = settings.telegram_bot_username
        sms_number = reply_number(settings)
        self.sms_number_missing = sms_number is None
        self._sender = {
            **SENDER,
            "sender_email": settings.mail_from or "",
            "telegram_bot": self._bot,
            "public_base_url": self._base_url,
        }
        if sms_number is not None:  # left undefined otherwise: a template using it fails (StrictUndefined)
            self._sender["sms_number"] = sms_number
        self._base_cache: dict[tuple[str, date], dict[str, Any]] = {}
        self._base_by_on: dict[tuple[str, date | datetime], dict[str, Any]] = {}

    def _day(self, on: date | datetime | None) -> date:
        if on is None:
            return datetime.now(self._tz).date()
        if isinstance(on, datetime):
            return on.astimezone(self._tz).date()
        return on

    def base_variables(self, *, language: str, on: date | datetime | None = None) -> dict[str, Any]:
        """Variables that do not depend on a company: sender, reply number, date."""
        return dict(self._base(language, on))

    def _base(self, language: str, on: date | datetime | None) -> dict[str, Any]:
        """Shared, not to be changed: cached per language and `on` (a step passes the same `on` for every
        company), and per day when `on` is None."""
        base = self._base_by_on.get((language, on)) if on is not None else None
        if base is None:
            day = self._day(on)
            base = self._base_cache.get((language, day))
            if base is None:
                base = self._base_cache[(language, day)] = {
                    **self._sender,
                    "language": language,
                    "date": date_text(day, language),
                    "date_iso": day.isoformat(),
                }
            if on is not None:
                if len(self._base_by_on) >= 256:
                    self._base_by_on.clear()
                self._base_by_on[(language, on)] = base
        return base

    def company_variables(
        self,
        *,
        company: CompanyFields,
        campaign: Campaign | None = None,
        language: str,
        on: date | datetime | None = None,
        contact_name: str | None = None,
        meeting: MeetingFields | None = None,
    ) -> dict[str, Any]:
        """Everything a template may say about `company`. Identifiers the company lacks are left undefined,
        so a template that needs them fails with a TemplateProblem naming the company; so is `event` for a
        step that invites to no meeting."""
        orgnr = company.orgnr
        variables = {
            **self._base(language, on),
            "company_name": company.name,
            "orgnr": orgnr,
            "orgnr_display": f"{orgnr[:3]} {orgnr[3:6]} {orgnr[6:]}",
            "address_lines": address_lines(company),
            "email": company.email or "",
            "municipality_number": company.municipality_number or "",
            "county_number": company.county_number or "",
            "campaign_name": campaign.name if campaign is not None else "",
            "contact_name": contact_name or "",
            **owner_variables(campaign),
        }
        short_code, token = company.short_code, company.token
        if short_code:
            variables["short_code"] = short_code
        if token:
            variables["token"] = token
            variables["registration_url"] = f"{self._base_url}/r/{token}"
            variables["telegram_url"] = f"https://t.me/{self._bot}?start={token}"
        if meeting is not None:
            variables["event"] = event_variables(meeting, language)
        return variables

    def sample_variables(self, *, language: str, meeting: MeetingFields | None = None) -> dict[str, Any]:
        """A made-up company (with a registration, and the step's meeting if it has one) to check templates
        before any audience exists."""
        company = Company(
            orgnr="974760673",
            name="Eksempel Bygg & Sønn AS",
            postal_street="Postboks 123",
            postal_postcode="9008",
            postal_city="Tromsø",
            email="post@eksempel.no",
            short_code="K7MX2P",
            token="Eksempel-token_0123456789abcdefghijklmnop",
            language=language,
        )
        variables = self.company_variables(
            company=company, language=language, contact_name="Kari Nordmann", meeting=meeting
        )
        variables.update(
            people=2,
            contact_phone="+4791234567",
            contact_email="kari@eksempel.no",
            trades=["Tømrerfaget", "Produksjonsteknikkfaget"],
            places=2,
            adult_apprentices=True,
            start="august 2027",
            owner_name="NAV Fredrikstad",
            co_owner_names="Glemmen videregående skole",
            owner_contact_name="Ola Nordmann",
            owner_contact_phone="91 23 45 67",
            owner_contact_email="ola.nordmann@nav.no",
        )
        return variables

    def check(
        self,
        *,
        template: str,
        channel: Channel | str,
        languages: tuple[str, ...] = LANGUAGES,
        meeting: MeetingFields | None = None,
    ) -> None:
        """Raises TemplateProblem unless `template` exists for `channel` and renders in every language.

        Used when a campaign is created; preview then renders it for every company of the audience."""
        check_template_name(self.templates.directory, name=template, channel=channel, languages=languages)
        channel = Channel(channel)
        outcomes = (Channel.LETTER, Channel.EMAIL) if channel is Channel.LETTER else (channel,)
        for language in languages:
            for outcome in outcomes:
                self.render(
                    template=template,
                    channel=outcome,
                    language=language,
                    variables=self.sample_variables(language=language, meeting=meeting),
                )

    def render(
        self, *, template: str, channel: Channel | str, language: str, variables: dict[str, Any]
    ) -> RenderedMessage:
        """Raises TemplateProblem (with the orgnr from `variables`) when the template cannot be rendered."""
        if channel == Channel.SMS:
            return self._sms(template, language, variables)
        channel = Channel(channel)
        if language not in BABEL_LOCALES:
            raise TemplateProblem(template, None, None, said("tpl_unknown_language", language=language))
        if channel is Channel.TELEGRAM:
            body = self.templates.render(template_file(template, language, "txt"), variables).strip()
            # An invitation to a meeting gets its JA/NEI as buttons too (bot.engine reads them as the answer).
            extra = {"buttons": meeting_buttons(language)} if "event" in variables else {}
            return RenderedMessage(channel, language, None, body, extra=extra)
        return self._mail(template, channel, language, variables)

    def _sms(self, template: str, language: str, variables: dict[str, Any]) -> RenderedMessage:
        body, info = self.sms_text(template, language, variables)
        return RenderedMessage(Channel.SMS, language, None, body, None, info.encoding, info.segments)

    def sms_text(self, template: str, language: str, variables: dict[str, Any]) -> tuple[str, SmsInfo]:
        """An SMS body and what it costs; the outbox calls it directly, once per company of a step."""
        file = f"{template}.{language}.txt"
        body, info = normalize_and_analyse(self.templates.render(file, variables).strip())
        if info.segments > MAX_SEGMENTS:
            raise TemplateProblem(
                self.templates.display_name(file),
                None,
                None,
                said("tpl_sms_too_long", segments=info.segments, encoding=info.encoding, most=MAX_SEGMENTS),
                variables.get("orgnr"),
            )
        return body, info

    def _mail(
        self, template: str, channel: Channel, language: str, variables: dict[str, Any]
    ) -> RenderedMessage:
        """E-mail (HTML + text part) or a printed letter; a `letters/` template by e-mail carries the letter."""
        folder, _, rest = template.partition("/")
        mail = f"email/{rest}" if folder == "letters" else template
        text_file = template_file(mail, language, "txt")
        attached = folder == "letters" and channel is Channel.EMAIL
        variables = {**variables, "letter_attached": attached}
        body, exported = self.templates.render_with_exports(text_file, variables)
        subject = exported.get("subject")
        if not isinstance(subject, str) or not subject.strip():
            raise TemplateProblem(
                self.templates.display_name(text_file),
                None,
                "subject",
                said("tpl_subject_missing"),
                variables.get("orgnr"),
            )
        subject = _WHITESPACE.sub(" ", subject).strip()
        variables["subject"] = subject
        body = body.strip() + "\n"
        if channel is Channel.LETTER:
            if folder != "letters":
                raise TemplateProblem(template, None, None, said("tpl_letter_folder"))
            html = self.templates.render(template_file(template, language, "html"), variables)
            return RenderedMessage(channel, language, subject, body, html)
        html = self.templates.render(template_file(mail, language, "html"), variables)
        extra: dict[str, Any] = {}
        if attached:
            extra["letter_html"] = self.templates.render(template_file(template, language, "html"), variables)
            extra["letter_filename"] = f"{rest}-{variables.get('orgnr', 'brev')}.pdf"
        return RenderedMessage(channel, language, subject, body, html, extra=extra)
