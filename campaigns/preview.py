"""Preview (PRODUCT §5): each step rendered for chosen companies, its audience, and for SMS the encoding,
segments per message (min / median / max), total segments and estimated cost. Every audience company is
rendered, so a template that fails for anyone fails here, with template, line, variable and orgnr."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from settings import Settings
from store.models import Campaign, CampaignStep, Channel, Message, MessageKind, utcnow

from .lifecycle import get_campaign
from .outbox import company_rows, language_for, step_recipients
from .render import MessageRenderer, RenderedMessage
from .templating import TemplateProblem

SAMPLES = 3


@dataclass
class Sample:
    orgnr: str
    company: str
    message: RenderedMessage


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
            "samples": [
                {"orgnr": s.orgnr, "company": s.company, "channel": s.message.channel.value, "language": s.message.language,
                 "subject": s.message.subject, "body": s.message.body, "encoding": s.message.encoding, "segments": s.message.segments}
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
) -> StepPreview:
    recipients = step_recipients(session, campaign=campaign, step=step)
    preview = StepPreview(
        name=step.name,
        channel=step.channel.value,
        template=step.template,
        scheduled_for=step.scheduled_for.isoformat() if step.scheduled_for else None,
        audience=len(recipients),
        by_channel=dict(Counter(r.channel.value for r in recipients)),
    )
    segments: list[int] = []
    wanted = set(orgnrs or [])
    for recipient, row, _address in company_rows(session, recipients):
        language = language_for(row, campaign)
        try:
            message = renderer.render(
                template=step.template,
                channel=recipient.channel,
                language=language,
                variables=renderer.company_variables(
                    company=row, campaign=campaign, language=language, on=step.scheduled_for
                ),
            )
        except TemplateProblem as exc:
            if len(preview.problems) < 20:
                preview.problems.append(str(exc.for_company(row.orgnr)))
            continue
        if message.channel is Channel.SMS and message.segments:
            segments.append(message.segments)
            preview.encodings[message.encoding or "?"] = preview.encodings.get(message.encoding or "?", 0) + 1
        if (row.orgnr in wanted) if wanted else len(preview.samples) < SAMPLES:
            preview.samples.append(Sample(row.orgnr, row.name, message))
    if segments:
        preview.segments = {"min": min(segments), "median": statistics.median(segments), "max": max(segments)}
        preview.total_segments = sum(segments)
        preview.cost = preview.total_segments * settings.sms_price_per_segment
    return preview


def preview_campaign(
    session: Session,
    *,
    campaign_id: int,
    settings: Settings,
    orgnrs: list[str] | None = None,
    step_name: str | None = None,
) -> list[StepPreview]:
    campaign = get_campaign(session, campaign_id)
    renderer = MessageRenderer(settings)
    steps = [s for s in campaign.steps if step_name is None or s.name == step_name]
    if not steps:
        raise LookupError(f"campaign {campaign_id} has no step named '{step_name}'")
    return [
        preview_step(session, campaign=campaign, step=s, settings=settings, orgnrs=orgnrs, renderer=renderer)
        for s in steps
    ]


def send_test(
    session: Session, *, campaign_id: int, to: str, settings: Settings, step_name: str | None = None
) -> list[Message]:
    """Renders the step(s) for a sample company and queues them to `to` (a phone, e-mail or Telegram chat id)."""
    from store.phones import normalize_phone

    campaign = get_campaign(session, campaign_id)
    renderer = MessageRenderer(settings)
    if "@" in to:
        channel, address = Channel.EMAIL, to.strip().lower()
    elif to.isdigit() and len(to) != 8:
        channel, address = Channel.TELEGRAM, to
    else:
        phone = normalize_phone(to)
        if phone is None:
            raise ValueError(f"'{to}' is not a phone number, e-mail address or Telegram chat id")
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
        message = renderer.render(
            template=step.template,
            channel=outcome,
            language=language,
            variables=renderer.sample_variables(language=language),
        )
        row = Message(
            kind=MessageKind.TEST, campaign_id=None, channel=outcome, address=address, language=language,
            subject=f"[TEST] {message.subject}" if message.subject else None, body=message.body, html=message.html,
            extra=message.extra or None, segments=message.segments, encoding=message.encoding, priority=0, due_at=utcnow(),
        )  # fmt: skip
        session.add(row)
        queued.append(row)
    if not queued:
        raise ValueError(f"no step of campaign {campaign_id} goes out on the channel of '{to}'")
    session.flush()
    return queued
