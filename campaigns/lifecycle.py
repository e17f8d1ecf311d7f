"""A campaign's life (PRODUCT §3, §5): draft -> scheduled -> running -> paused -> completed | cancelled.

Create validates everything (definition, templates, every audience company's rendering) before storing
anything. Launch fixes each step's time: the first at its `at`, each later one `after_days` after the previous
step's scheduled time, counted in Oslo calendar days so daylight saving does not shift it. Launch, pause,
resume and cancel are idempotent: repeating one changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from settings import Settings
from store.models import (
    UNSENT_STATES,
    Campaign,
    CampaignState,
    CampaignStep,
    Channel,
    County,
    Message,
    MessageState,
    Notice,
    StepAudience,
    utcnow,
)

from . import audience
from .definition import DefinitionError, Problem, line_index, parse_definition
from .outbox import company_rows, language_for, materialise_step, step_recipients
from .render import MessageRenderer
from .templating import TemplateProblem


class CampaignError(ValueError):
    """Unknown campaign, or an action its state does not allow."""


@dataclass
class CreateResult:
    campaign: Campaign
    audience: int
    steps: list[dict[str, Any]] = field(default_factory=list)


def get_campaign(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise CampaignError(f"campaign {campaign_id} does not exist")
    return campaign


def _languages(definition: dict[str, Any]) -> tuple[str, ...]:
    return (definition["language"],) if definition["fixed_language"] else ("nb", "nn")


def create_campaign(
    session: Session, *, source: str, filename: str, settings: Settings, created_by_id: int | None = None
) -> CreateResult:
    """Validates and stores a draft campaign; raises DefinitionError listing every problem."""
    counties = set(session.scalars(select(County.number)))
    definition = parse_definition(source, filename=filename, counties=counties, tz=settings.timezone)
    lines = line_index(source)
    renderer = MessageRenderer(settings)
    problems: list[Problem] = []
    for index, step in enumerate(definition["steps"]):
        try:
            renderer.check(
                template=step["template"], channel=step["channel"], languages=_languages(definition)
            )
        except TemplateProblem as exc:
            field_name = f"steps[{index}].template"
            problems.append(Problem(filename, lines.get(field_name), field_name, str(exc)))
    total = audience.count(session, definition)
    if total == 0:
        problems.append(
            Problem(filename, lines.get("audience"), "audience", "no company matches this audience")
        )
    if problems:
        raise DefinitionError(problems)
    campaign = Campaign(
        name=definition["name"],
        language=definition["language"],
        fixed_language=definition["fixed_language"],
        definition=definition,
        source_toml=source,
        state=CampaignState.DRAFT,
        created_by_id=created_by_id,
    )
    session.add(campaign)
    for position, step in enumerate(definition["steps"]):
        session.add(
            CampaignStep(
                campaign=campaign,
                position=position,
                name=step["name"],
                channel=Channel(step["channel"]),
                template=step["template"],
                at=datetime.fromisoformat(step["at"]) if step["at"] else None,
                after_days=step["after_days"],
                only=StepAudience(step["only"]),
            )
        )
    session.flush()
    failures = render_all(session, campaign=campaign, settings=settings, renderer=renderer)
    if failures:
        raise DefinitionError(
            [
                Problem(filename, lines.get(f"steps[{i}].template"), f"steps[{i}].template", str(p))
                for i, p in failures[:20]
            ]
        )
    steps = [
        {
            "name": s.name,
            "channel": s.channel.value,
            "template": s.template,
            "audience": audience.count(session, definition, s.channel),
        }
        for s in campaign.steps
    ]
    return CreateResult(campaign=campaign, audience=total, steps=steps)


def render_all(
    session: Session,
    *,
    campaign: Campaign,
    settings: Settings,
    renderer: MessageRenderer | None = None,
    limit: int | None = None,
) -> list[tuple[int, TemplateProblem]]:
    """Renders every step for every audience company (PRODUCT §5: fail at create/preview, never at send)."""
    renderer = renderer or MessageRenderer(settings)
    failures: list[tuple[int, TemplateProblem]] = []
    for step in campaign.steps:
        recipients = step_recipients(session, campaign=campaign, step=step)[:limit]
        for recipient, row, _address in company_rows(session, recipients):
            language = language_for(row, campaign)
            try:
                renderer.render(
                    template=step.template,
                    channel=recipient.channel,
                    language=language,
                    variables=renderer.company_variables(company=row, campaign=campaign, language=language),
                )
            except TemplateProblem as exc:
                failures.append((step.position, exc.for_company(row.orgnr)))
    return failures


def schedule_steps(campaign: Campaign, tz: str, now: datetime) -> None:
    """A time already past when staff launch means "now" (it is not stale: nobody was down)."""
    zone = ZoneInfo(tz)
    previous: datetime | None = None
    for step in campaign.steps:
        if step.at is not None:
            step.scheduled_for = max(step.at, now)
        else:
            assert previous is not None and step.after_days is not None  # the definition guarantees both
            local = previous.astimezone(zone)
            step.scheduled_for = (local.replace(tzinfo=None) + timedelta(days=step.after_days)).replace(
                tzinfo=zone
            )
        previous = step.scheduled_for


def launch_campaign(
    session: Session, *, campaign_id: int, settings: Settings, now: datetime | None = None
) -> Campaign:
    """draft -> scheduled; a campaign already launched is left exactly as it is."""
    campaign = get_campaign(session, campaign_id)
    if campaign.state is not CampaignState.DRAFT:
        if campaign.state is CampaignState.CANCELLED:
            raise CampaignError(f"campaign {campaign_id} is cancelled and cannot be launched")
        return campaign
    now = now or utcnow()
    schedule_steps(campaign, settings.timezone, now)
    campaign.state = CampaignState.SCHEDULED
    campaign.launched_at = now
    campaign.state_reason = None
    session.flush()
    return campaign


def pause_campaign(session: Session, *, campaign_id: int, reason: str | None = None) -> Campaign:
    campaign = get_campaign(session, campaign_id)
    if campaign.state in (CampaignState.SCHEDULED, CampaignState.RUNNING):
        campaign.state = CampaignState.PAUSED
        campaign.state_reason = reason or "Satt på pause av kampanjeansvarlig."
    elif campaign.state is not CampaignState.PAUSED:
        raise CampaignError(
            f"campaign {campaign_id} is {campaign.state.value}; only a launched campaign can pause"
        )
    session.flush()
    return campaign


def resume_campaign(
    session: Session, *, campaign_id: int, settings: Settings, now: datetime | None = None
) -> Campaign:
    """paused -> running (or scheduled); overdue steps, stale ones included, are materialised now: staff chose."""
    now = now or utcnow()
    campaign = get_campaign(session, campaign_id)
    if campaign.state is not CampaignState.PAUSED:
        if campaign.state in (CampaignState.SCHEDULED, CampaignState.RUNNING):
            return campaign
        raise CampaignError(
            f"campaign {campaign_id} is {campaign.state.value}; only a paused campaign can resume"
        )
    started = any(s.materialized_at for s in campaign.steps)
    campaign.state = CampaignState.RUNNING if started else CampaignState.SCHEDULED
    campaign.state_reason = None
    campaign.definition = {**campaign.definition, "resumed_at": now.isoformat()}
    for step in campaign.steps:
        if step.materialized_at is None and step.scheduled_for is not None and step.scheduled_for <= now:
            materialise_step(session, step_id=step.id, settings=settings, now=now)
            campaign.state = CampaignState.RUNNING
    session.flush()
    return campaign


def cancel_campaign(session: Session, *, campaign_id: int, now: datetime | None = None) -> int:
    """Cancels the campaign and every unsent message; returns how many messages were cancelled."""
    campaign = get_campaign(session, campaign_id)
    if campaign.state is CampaignState.COMPLETED:
        raise CampaignError(f"campaign {campaign_id} is completed")
    campaign.state = CampaignState.CANCELLED
    campaign.ended_at = campaign.ended_at or now or utcnow()
    result = session.execute(
        update(Message)
        .where(Message.campaign_id == campaign_id, Message.state.in_(UNSENT_STATES))
        .values(state=MessageState.CANCELLED, state_changed_at=now or utcnow(), error="campaign cancelled")
        .execution_options(synchronize_session=False)
    )
    session.flush()
    return int(getattr(result, "rowcount", 0) or 0)


def campaign_status(session: Session, *, campaign_id: int) -> dict[str, Any]:
    campaign = get_campaign(session, campaign_id)
    counts: dict[int, dict[str, int]] = {}
    for step_id, state, n in session.execute(
        select(Message.step_id, Message.state, func.count())
        .where(Message.campaign_id == campaign_id)
        .group_by(Message.step_id, Message.state)
    ).tuples():
        if step_id is not None:
            counts.setdefault(step_id, {})[MessageState(state).value] = n
    return {
        "id": campaign.id,
        "name": campaign.name,
        "state": campaign.state.value,
        "reason": campaign.state_reason,
        "steps": [
            {
                "name": step.name,
                "channel": step.channel.value,
                "scheduled_for": step.scheduled_for.isoformat() if step.scheduled_for else None,
                "counts": {s.value: counts.get(step.id, {}).get(s.value, 0) for s in MessageState},
            }
            for step in campaign.steps
        ],
    }


def list_campaigns(session: Session) -> list[dict[str, Any]]:
    rows = session.execute(
        select(
            Campaign.id, Campaign.name, Campaign.state, Campaign.created_at, Campaign.launched_at
        ).order_by(Campaign.id)
    ).tuples()
    return [
        {
            "id": cid,
            "name": name,
            "state": CampaignState(state).value,
            "created_at": created.isoformat(),
            "launched_at": launched.isoformat() if launched else None,
        }
        for cid, name, state, created, launched in rows
    ]


def refresh_completion(session: Session, *, now: datetime | None = None) -> list[int]:
    """running -> completed when every step is materialised and nothing is left to send."""
    done: list[int] = []
    for campaign in session.scalars(select(Campaign).where(Campaign.state == CampaignState.RUNNING)):
        if any(step.materialized_at is None for step in campaign.steps):
            continue
        open_messages = session.scalar(
            select(func.count())
            .select_from(Message)
            .where(
                Message.campaign_id == campaign.id,
                Message.state.in_([MessageState.QUEUED, MessageState.SENDING, MessageState.UNKNOWN]),
            )
        )
        if not open_messages:
            campaign.state = CampaignState.COMPLETED
            campaign.ended_at = now or utcnow()
            done.append(campaign.id)
    return done


def pause_stale(session: Session, *, now: datetime, stale_after: timedelta) -> list[int]:
    """A step overdue by more than STALE_AFTER (the system was down) does not go out by itself (PRODUCT §5)."""
    paused: list[int] = []
    live = (CampaignState.SCHEDULED, CampaignState.RUNNING)
    for campaign in session.scalars(select(Campaign).where(Campaign.state.in_(live))):
        resumed = campaign.definition.get("resumed_at")
        accepted = datetime.fromisoformat(resumed) if resumed else None
        for step in campaign.steps:
            if step.materialized_at or step.scheduled_for is None or step.scheduled_for >= now - stale_after:
                continue
            if accepted is not None and step.scheduled_for <= accepted:
                continue
            local = step.scheduled_for.astimezone(ZoneInfo("Europe/Oslo")).strftime("%d.%m.%Y kl. %H:%M")
            reason = (
                f"Steget «{step.name}» skulle gått {local}, men systemet var nede. Det sendes ikke av seg selv: "
                "fortsett kampanjen for å sende det nå, eller avbryt den."
            )
            campaign.state = CampaignState.PAUSED
            campaign.state_reason = reason
            session.add(Notice(kind="campaign_stale", text=reason, campaign_id=campaign.id, created_at=now))
            paused.append(campaign.id)
            break
    return paused
