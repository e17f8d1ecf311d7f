"""Preview (PRODUCT §5): each step rendered for chosen companies, its audience, and for SMS the encoding,
segments per message (min / median / max), total segments and estimated cost.

The dashboard's preview reads the audience's counts from campaigns.preview_figures (kept per definition
revision: a page view counts nothing); without them they are counted here. Only a sample is rendered: the
first RENDERED companies of each channel (in company order) and any asked for. Rendering every company costs seconds per 10,000 and gives each
one its identifiers, which at national size (issue 14) made a page view take minutes; every audience company is
still rendered at create, check and launch (campaigns.lifecycle.render_all), so a template that fails for
anyone fails there, with template, line, variable and orgnr. The encodings and total segments are the
sample's, scaled to the audience: exact whenever the audience is no larger than the sample.

A letter step shows the letter itself (as text) and how it goes out: by e-mail with the letter as a PDF
attachment, or printed. A company asked for with `orgnrs` that a step does not reach is named, with the
reason, instead of being left out silently."""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from dataclasses import field
from html.parser import HTMLParser
from typing import Any

from sqlalchemy import exists
from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns import audience
from campaigns.definition_model import definition_of
from campaigns.lifecycle import get_campaign
from campaigns.meetings import meeting_of_step
from campaigns.outbox import company_rows
from campaigns.outbox import language_for
from campaigns.outbox import step_queries
from campaigns.outbox import step_recipients
from campaigns.preview_figures import Figures
from campaigns.render import SMS_NUMBER_MISSING
from campaigns.render import MessageRenderer
from campaigns.render import RenderedMessage
from campaigns.templating import TemplateProblem
from catalogue import DEFAULT_LANGUAGE
from catalogue import text
from catalogue.phrases import Refusal
from settings import Settings
from store.models import Campaign
from store.models import CampaignStep
from store.models import Channel
from store.models import Company
from store.models import Contact
from store.models import ContactKind
from store.models import Message
from store.models import MessageKind
from store.models import Registration
from store.models import utcnow
from store.times import iso_oslo

DELIVERY = {
    Channel.EMAIL: "e-post med brevet som PDF-vedlegg",
    Channel.LETTER: "papirbrev (skrives ut)",
}

# The kind of address a step's channel needs (a letter goes by e-mail where it can).
OWN_KIND = {
    Channel.SMS: ContactKind.PHONE,
    Channel.EMAIL: ContactKind.EMAIL,
    Channel.LETTER: ContactKind.EMAIL,
    Channel.TELEGRAM: ContactKind.TELEGRAM,
}

SAMPLES = 3
RENDERED = 200  # companies rendered per channel of a step for its segment and encoding figures


class NoSuchStep(Refusal, LookupError):
    """The step asked for is not one of the campaign's (catalogue.campaign_errors)."""


class CannotSendTest(Refusal, ValueError):
    """A test message that cannot go: the address, or a step that cannot be made (catalogue.campaign_errors)."""


@dataclass
class Sample:
    orgnr: str
    company: str
    message: RenderedMessage
    delivery: str | None = None  # letter steps: by e-mail or printed
    letter_text: str | None = None  # letter steps: the letter itself, as text


@dataclass
class StepPreview:
    name: str
    channel: str
    template: str
    scheduled_for: str | None
    audience: int
    by_channel: dict[str, int] = field(default_factory=dict)
    samples: list[Sample] = field(default_factory=list)
    encodings: dict[str, int] = field(default_factory=dict)
    segments: dict[str, float] = field(default_factory=dict)  # min, median, max
    total_segments: int = 0
    cost: float = 0.0
    problems: list[str] = field(default_factory=list)
    missing: dict[str, str] = field(
        default_factory=dict
    )  # orgnr asked for -> why this step does not reach it

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "channel": self.channel,
            "template": self.template,
            "scheduled_for": self.scheduled_for,
            "audience": self.audience,
            "by_channel": self.by_channel,
            "encodings": self.encodings,
            "segments": self.segments,
            "total_segments": self.total_segments,
            "estimated_cost_nok": round(self.cost, 2),
            "problems": self.problems,
            "missing": self.missing,
            "samples": [
                {"orgnr": s.orgnr, "company": s.company, "channel": s.message.channel.value, "language": s.message.language,
                 "subject": s.message.subject, "body": s.message.body, "encoding": s.message.encoding, "segments": s.message.segments,
                 "delivery": s.delivery, "letter_text": s.letter_text}
                for s in self.samples
            ],
        }  # fmt: skip


def preview_step(
    session: Session,
    *,
    campaign: Campaign,
    step: CampaignStep,
    settings: Settings,
    orgnrs: list[str] | None,
    renderer: MessageRenderer,
    by_channel: dict[str, int] | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> StepPreview:
    """`by_channel`: the step's recipients per outgoing channel as campaigns.preview_figures stored them;
    counted here when not given."""
    session.flush()  # Core queries below: what the session holds must be in the database first
    if by_channel is None:
        by_channel = {
            channel.value: int(
                session.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
            )
            for channel, query in step_queries(campaign, step)
        }
    wanted = set(orgnrs or [])
    recipients = step_recipients(session, campaign=campaign, step=step, limit=RENDERED)
    if wanted:
        seen = {r.company_id for r in recipients}
        asked = step_recipients(session, campaign=campaign, step=step, orgnrs=sorted(wanted))
        recipients += [r for r in asked if r.company_id not in seen]
    preview = StepPreview(
        name=step.name,
        channel=step.channel.value,
        template=step.template,
        scheduled_for=iso_oslo(step.scheduled_for),
        audience=sum(by_channel.values()),
        by_channel={channel: n for channel, n in by_channel.items() if n},
    )
    segments: list[int] = []
    if step.channel in (Channel.LETTER, Channel.EMAIL) and renderer.sms_number_missing:
        preview.problems.append(f"{step.template}: {SMS_NUMBER_MISSING.text_in(language)}")
        return preview
    meeting = meeting_of_step(session, step_id=step.id)
    for recipient, row, _address in company_rows(session, recipients):
        written = language_for(row, campaign)  # the company's, not the reader's `language`
        try:
            message = renderer.render(
                template=step.template,
                channel=recipient.channel,
                language=written,
                variables=renderer.company_variables(
                    company=row, campaign=campaign, language=written, on=step.scheduled_for, meeting=meeting
                ),
            )
        except TemplateProblem as exc:
            if len(preview.problems) < 20:
                preview.problems.append(exc.for_company(row.orgnr).text_in(language))
            continue
        if message.channel is Channel.SMS and message.segments:
            segments.append(message.segments)
            preview.encodings[message.encoding or "?"] = preview.encodings.get(message.encoding or "?", 0) + 1
        if (row.orgnr in wanted) if wanted else len(preview.samples) < SAMPLES:
            preview.samples.append(_sample(step, row, message))
    for orgnr in sorted(wanted - {s.orgnr for s in preview.samples}):
        preview.missing[orgnr] = absence_reason(
            session, campaign=campaign, step=step, orgnr=orgnr, language=language
        )
    if segments:
        # The sample's figures for the whole audience (the same figures when the sample is the audience).
        scale = max(preview.audience / len(recipients), 1.0)
        preview.encodings = {name: round(n * scale) for name, n in preview.encodings.items()}
        preview.segments = {"min": min(segments), "median": statistics.median(segments), "max": max(segments)}
        preview.total_segments = round(sum(segments) * scale)
        preview.cost = preview.total_segments * settings.sms_price_per_segment
    return preview


def preview_campaign(
    session: Session,
    *,
    campaign_id: int,
    settings: Settings,
    orgnrs: list[str] | None = None,
    step_name: str | None = None,
    figures: Figures | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> list[StepPreview]:
    """Each step's preview; with `figures` (campaigns.preview_figures) the recipients are read from them
    instead of counted. Why a company asked for gets nothing is said in `language`."""
    campaign = get_campaign(session, campaign_id)
    renderer = MessageRenderer(settings)
    steps = [s for s in campaign.steps if step_name is None or s.name == step_name]
    if not steps:
        names = ", ".join(s.name for s in campaign.steps)
        raise NoSuchStep("preview_no_such_step", id=campaign_id, step=step_name, steps=names)
    return [
        preview_step(
            session,
            campaign=campaign,
            step=s,
            settings=settings,
            orgnrs=orgnrs,
            renderer=renderer,
            by_channel=None if figures is None else figures.steps[s.name].by_channel,
            language=language,
        )
        for s in steps
    ]


def send_test(
    session: Session, *, campaign_id: int, to: str, settings: Settings, step_name: str | None = None
) -> list[Message]:
    """Renders the step(s) for a sample company and queues them to `to` (a phone, e-mail or Telegram chat id)."""
    from companies.emails import normalize_email
    from companies.phones import normalize_phone

    campaign = get_campaign(session, campaign_id)
    renderer = MessageRenderer(settings)
    if "@" in to:
        email = normalize_email(to)
        if email is None:
            raise CannotSendTest("test_not_an_email", value=to.strip()[:80])
        channel, address = Channel.EMAIL, email
    elif to.isdigit() and len(to) != 8:
        channel, address = Channel.TELEGRAM, to
    else:
        phone = normalize_phone(to)
        if phone is None:
            raise CannotSendTest("test_not_an_address", value=to)
        channel, address = Channel.SMS, phone
    queued = []
    for step in campaign.steps:
        if step_name and step.name != step_name:
            continue
        outcome = (
            channel if step.channel is not Channel.LETTER or channel is not Channel.EMAIL else Channel.EMAIL
        )
        if step.channel in (Channel.SMS, Channel.TELEGRAM) and step.channel is not channel:
            continue
        if step.channel in (Channel.LETTER, Channel.EMAIL) and channel is not Channel.EMAIL:
            continue
        language = campaign.language
        if step.channel in (Channel.LETTER, Channel.EMAIL) and renderer.sms_number_missing:
            raise CannotSendTest("test_step_problem", step=step.name, problem=SMS_NUMBER_MISSING)
        try:
            message = renderer.render(
                template=step.template,
                channel=outcome,
                language=language,
                variables=renderer.sample_variables(
                    language=language, meeting=meeting_of_step(session, step_id=step.id)
                ),
            )
        except TemplateProblem as exc:  # the template changed since create: say so instead of crashing
            raise CannotSendTest("test_step_cannot_be_made", step=step.name, problem=exc) from exc
        row = Message(
            kind=MessageKind.TEST, campaign_id=None, channel=outcome, address=address, language=language,
            subject=f"[TEST] {message.subject}" if message.subject else None, body=message.body, html=message.html,
            extra=message.extra or None, segments=message.segments, encoding=message.encoding, priority=0, due_at=utcnow(),
        )  # fmt: skip
        session.add(row)
        queued.append(row)
    if not queued:
        raise CannotSendTest("test_no_step_on_channel", id=campaign_id, to=to)
    session.flush()
    return queued


def _sample(step: CampaignStep, row: Any, message: RenderedMessage) -> Sample:
    if step.channel is not Channel.LETTER:
        return Sample(row.orgnr, row.name, message)
    letter_html = message.html if message.channel is Channel.LETTER else message.extra.get("letter_html")
    text = html_text(letter_html) if isinstance(letter_html, str) else None
    return Sample(row.orgnr, row.name, message, DELIVERY[message.channel], text)


class _TextExtractor(HTMLParser):
    """The readable text of a letter: styles, scripts and the QR codes' SVG left out, blocks on own lines."""

    SKIP = {"style", "script", "svg", "head", "title"}
    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "table", "section", "header", "footer"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _TextExtractor()
    parser.feed(html)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def absence_reason(
    session: Session,
    *,
    campaign: Campaign,
    step: CampaignStep,
    orgnr: str,
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """Why the company with `orgnr` gets nothing from this step, in words staff understand, in `language`."""
    company = session.scalar(select(Company).where(Company.orgnr == orgnr))
    if company is None:
        return text("absent_unknown", language)
    if company.never_contact:
        if company.closed:
            return text("absent_closed", language, why=company.never_contact_reason)
        return text("absent_stopped", language)
    definition = definition_of(campaign)
    in_audience = session.scalar(
        select(func.count())
        .select_from(Company)
        .where(Company.id == company.id, *audience.base_conditions(definition))
    )
    if not in_audience:
        exclude = set(definition.audience.exclude)
        if "training_company" in exclude and company.is_training_company:
            return text("absent_training_company", language)
        registered = exists().where(
            Registration.company_id == company.id,
            Registration.completed_at.is_not(None),
            Registration.verified.is_(True),
        )
        if "registered" in exclude and session.scalar(select(registered)):
            return text("absent_registered", language)
        return text("absent_outside", language)
    personal = step.channel in (Channel.SMS, Channel.EMAIL)
    if personal and company.org_form == "ENK" and not definition.include_sole_proprietors:
        return text("absent_sole", language)
    reachable = any(
        session.scalar(select(func.count()).select_from(query.where(Company.id == company.id).subquery()))
        for _, query in audience.recipients(definition, step.channel)
    )
    if not reachable:
        kind = OWN_KIND[step.channel]
        opted_out = exists().where(
            Contact.company_id == company.id,
            Contact.kind == kind,
            Contact.replaced_at.is_(None),
            audience.opted_out(),
        )
        address = text(f"absent_address_{step.channel.value}", language)
        if session.scalar(select(opted_out)):
            return text("absent_no_address_opted_out", language, address=address)
        return text("absent_no_address", language, address=address)
    return text("absent_not_in_step", language, only=step.only.value)
