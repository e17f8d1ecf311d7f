"""The one place the dashboard and the API call the campaign domain (engineers "campaign" and "dispatch").

Pages and API routes use these functions and view shapes only, so the campaign modules can change their
signatures without touching a template. Each function is a thin call into `campaigns.*`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from settings import Settings
from store.models import Campaign, MessageState

from .audience_gaps import orgnr_note, step_gaps


class CampaignInputError(ValueError):
    """The TOML or form is not a valid campaign; `problems` are shown to staff, one per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class CampaignStateError(ValueError):
    """The action does not fit the campaign's state (e.g. resume a running campaign)."""


class CampaignNotReady(CampaignStateError):
    """A live launch refused: the reply number or the public address is unset or local."""


@dataclass
class SampleMessage:
    company: str
    orgnr: str
    channel: str
    language: str
    subject: str | None
    body: str
    html: str | None
    encoding: str | None
    segments: int | None


@dataclass
class StepPreview:
    name: str
    channel: str
    template: str
    when: str  # e.g. "7. juni 2027 kl. 09:00" or "7 dager etter forrige steg"
    recipients: int | None
    samples: list[SampleMessage] = field(default_factory=list)
    segments_total: int | None = None
    cost: float | None = None
    encodings: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    by_channel: dict[str, int] = field(default_factory=dict)  # a letter step: e-mail and print
    gaps: list[Any] = field(default_factory=list)  # audience_gaps.Gap: why the others get nothing
    note: str | None = None  # why the asked-for orgnr gets nothing in this step


@dataclass
class PreviewView:
    audience: int
    steps: list[StepPreview]
    problems: list[str]
    warnings: list[str] = field(default_factory=list)  # reply number / public address (campaigns.readiness)
    refuses_launch: bool = False

    @property
    def cost(self) -> float:
        return sum(step.cost or 0.0 for step in self.steps)


@dataclass
class StepStatus:
    id: int
    name: str
    channel: str
    scheduled_for: datetime | None
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


ALWAYS_SHOWN = ("queued", "sent", "delivered", "failed")


@dataclass
class StatusView:
    campaign: Campaign
    steps: list[StepStatus]
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def shown_states(self) -> list[str]:
        """Message states as columns: the usual four always, the rare ones only when some step has them."""
        present = {state for step in self.steps for state, n in step.counts.items() if n}
        return [s.value for s in MessageState if s.value in ALWAYS_SHOWN or s.value in present]


def _problems(exc: Exception) -> CampaignInputError:
    problems = getattr(exc, "problems", None)
    return CampaignInputError([str(p) for p in problems] if problems else [str(exc)])


def create_campaign(
    session: Session,
    settings: Settings,
    *,
    toml_text: str,
    staff_id: int | None,
    filename: str = "kampanje.toml",
) -> Campaign:
    from campaigns.definition import DefinitionError
    from campaigns.lifecycle import create_campaign as create

    try:
        return create(
            session, source=toml_text, filename=filename, settings=settings, created_by_id=staff_id
        ).campaign
    except DefinitionError as exc:
        raise _problems(exc) from exc


def _when(step: Any) -> str:
    from campaigns.variables import date_text

    if step.scheduled_for is not None:
        local = step.scheduled_for.astimezone(ZoneInfo("Europe/Oslo"))
        return f"{date_text(local.date(), 'nb')} kl. {local:%H:%M}"
    if step.at is not None:
        local = step.at.astimezone(ZoneInfo("Europe/Oslo"))
        return f"{date_text(local.date(), 'nb')} kl. {local:%H:%M}"
    return f"{step.after_days} dager etter forrige steg"


def preview_campaign(
    session: Session,
    settings: Settings,
    *,
    campaign_id: int,
    orgnr: str | None = None,
    step: str | None = None,
) -> PreviewView:
    from campaigns import audience
    from campaigns.lifecycle import get_campaign
    from campaigns.preview import preview_campaign as preview
    from campaigns.readiness import campaign_readiness

    campaign = get_campaign(session, campaign_id)
    try:
        previews = preview(
            session,
            campaign_id=campaign_id,
            settings=settings,
            orgnrs=[orgnr] if orgnr else None,
            step_name=step,
        )
    except LookupError as exc:
        raise CampaignInputError([str(exc)]) from exc
    steps_by_name = {s.name: s for s in campaign.steps}
    views = [
        StepPreview(
            name=p.name,
            channel=p.channel,
            template=p.template,
            when=_when(steps_by_name[p.name]),
            recipients=p.audience,
            samples=[
                SampleMessage(
                    company=s.company,
                    orgnr=s.orgnr,
                    channel=s.message.channel.value,
                    language=s.message.language,
                    subject=s.message.subject,
                    body=s.message.body,
                    html=s.message.html,
                    encoding=s.message.encoding,
                    segments=s.message.segments,
                )
                for s in p.samples
            ],
            segments_total=p.total_segments or None,
            cost=p.cost or None,
            encodings=p.encodings,
            problems=p.problems,
            by_channel=dict(p.by_channel),
        )
        for p in previews
    ]
    size = audience.count(session, campaign.definition)
    for view in views:
        db_step = steps_by_name[view.name]
        view.gaps = step_gaps(
            session, campaign=campaign, step=db_step, recipients=view.recipients or 0, audience=size
        )
        if orgnr and not any(s.orgnr == orgnr for s in view.samples):
            view.note = orgnr_note(session, campaign=campaign, step=db_step, orgnr=orgnr)
    readiness = campaign_readiness(session, campaign_id=campaign_id, settings=settings)
    return PreviewView(
        audience=size,
        steps=views,
        problems=[problem for v in views for problem in v.problems],
        warnings=readiness.warnings,
        refuses_launch=readiness.refuses_launch,
    )


def launch_readiness(session: Session, settings: Settings, *, campaign_id: int) -> tuple[list[str], bool]:
    """(warnings, whether a launch is refused) for the confirmation page."""
    from campaigns.readiness import campaign_readiness

    readiness = campaign_readiness(session, campaign_id=campaign_id, settings=settings)
    return readiness.warnings, readiness.refuses_launch


def send_test(session: Session, settings: Settings, *, campaign_id: int, to: str, step: str | None) -> int:
    from campaigns.preview import send_test as queue_test

    try:
        return len(queue_test(session, campaign_id=campaign_id, to=to, settings=settings, step_name=step))
    except ValueError as exc:
        raise CampaignInputError([str(exc)]) from exc


def change_state(session: Session, settings: Settings, *, campaign_id: int, action: str) -> Campaign:
    from campaigns import lifecycle

    try:
        if action == "launch":
            return lifecycle.launch_campaign(session, campaign_id=campaign_id, settings=settings)
        if action == "pause":
            return lifecycle.pause_campaign(session, campaign_id=campaign_id)
        if action == "resume":
            return lifecycle.resume_campaign(session, campaign_id=campaign_id, settings=settings)
        if action == "cancel":
            lifecycle.cancel_campaign(session, campaign_id=campaign_id)
            return lifecycle.get_campaign(session, campaign_id)
    except lifecycle.NotReadyForLive as exc:
        raise CampaignNotReady(str(exc)) from exc
    except lifecycle.CampaignError as exc:
        raise CampaignStateError(str(exc)) from exc
    raise CampaignStateError(f"Ukjent handling «{action}».")


def campaign_status(session: Session, *, campaign_id: int) -> StatusView:
    from campaigns.lifecycle import campaign_status as status
    from campaigns.lifecycle import get_campaign

    campaign = get_campaign(session, campaign_id)
    data = status(session, campaign_id=campaign_id)
    steps = [
        StepStatus(
            id=step.id,
            name=step.name,
            channel=step.channel.value,
            scheduled_for=step.scheduled_for,
            counts=row["counts"],
        )
        for step, row in zip(campaign.steps, data["steps"], strict=True)
    ]
    return StatusView(campaign=campaign, steps=steps)


REPORT_LABELS = {
    "message_id": "Nr.",
    "step": "Steg",
    "orgnr": "Orgnr",
    "company": "Bedrift",
    "channel": "Kanal",
    "address": "Adresse",
    "state": "Tilstand",
    "error_code": "Feilkode",
    "error": "Feil",
    "created_at": "Laget",
    "sent_at": "Sendt",
    "delivered_at": "Levert",
    "state_changed_at": "Sist endret",
}


def delivery_report(session: Session, *, campaign_id: int) -> tuple[list[str], list[dict[str, Any]]]:
    """(columns, rows) of the delivery report."""
    from campaigns.report import COLUMNS, delivery_rows

    return COLUMNS, delivery_rows(session, campaign_id=campaign_id)
