"""A campaign's life (PRODUCT §3, §5): draft -> scheduled -> running -> paused -> completed | cancelled.

Create validates everything (definition, templates, every audience company's rendering) before storing
anything. Launch fixes each step's time: the first at its `at`, each later one `after_days` after the previous
step's scheduled time, counted in Oslo calendar days so daylight saving does not shift it, and writes one
APScheduler job per step into the job store (ids derived from the step, so nothing duplicates). Launch, pause,
resume and cancel are idempotent: repeating one changes nothing. Problems and refusals carry catalogue keys
(catalogue.definition, catalogue.campaign_errors), written in the reader's language at the edge.
Every change of state goes through campaigns.state.transition, which also keeps the step jobs in step.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlalchemy import select
from sqlalchemy import update
from sqlalchemy.orm import Session

from campaigns import audience
from campaigns.definition import DefinitionError
from campaigns.definition import Problem
from campaigns.definition import check_definition
from campaigns.definition import line_index
from campaigns.definition_model import CampaignDefinition
from campaigns.definition_model import definition_of
from campaigns.definition_model import set_definition
from campaigns.meetings import create_events
from campaigns.meetings import meeting_of_step
from campaigns.orgnr_lists import ListFiles
from campaigns.outbox import company_rows
from campaigns.outbox import language_for
from campaigns.outbox import materialise_step
from campaigns.outbox import step_recipients
from campaigns.ownership import check_owners
from campaigns.ownership import launch_approved
from campaigns.ownership import store_owners
from campaigns.preview_figures import refresh_figures
from campaigns.readiness import check_readiness
from campaigns.render import SMS_NUMBER_MISSING
from campaigns.render import MessageRenderer
from campaigns.scope import cut_to_counties
from campaigns.state import LIVE_STATES
from campaigns.state import CampaignError
from campaigns.state import transition
from campaigns.step_jobs import write_jobs_after_commit
from campaigns.templating import TemplateProblem
from catalogue import DEFAULT_LANGUAGE
from catalogue import text
from catalogue.phrases import Readable
from catalogue.stored import read_text
from catalogue.stored import stored_text
from settings import Settings
from store.models import Campaign
from store.models import CampaignState
from store.models import CampaignStep
from store.models import Channel
from store.models import County
from store.models import Message
from store.models import MessageState
from store.models import WaitReason
from store.models import utcnow
from store.reference import county_numbers
from store.times import iso_oslo

log = logging.getLogger(__name__)


class NotReadyForLive(CampaignError):
    """A campaign on live channels whose letters or links would not work (campaigns.readiness)."""


@dataclass
class CreateResult:
    campaign: Campaign
    audience: int
    steps: list[dict[str, Any]] = field(default_factory=list)


def get_campaign(session: Session, campaign_id: int) -> Campaign:
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise CampaignError("campaign_error_not_found", id=campaign_id)
    return campaign


@dataclass
class Validation:
    """What `create` and `check` find in a campaign file before anything is stored.

    `problems` are faults of the file itself (keys, types, times, templates): nothing can be created from it.
    `warnings` are things the file names that the database lacks today (no company in the audience yet, or
    no database to look in): `create` refuses them too, but `check` only warns, so a file can be checked
    before the companies are imported, or on a machine without the production database.
    """

    definition: CampaignDefinition | None  # None when the file is not TOML
    problems: list[Problem]
    warnings: list[Problem]
    audience: int | None  # companies in the audience now; None when not counted
    lines: dict[str, int] = field(default_factory=dict)

    @property
    def valid(self) -> bool:
        return not self.problems


def validate_campaign(
    session: Session | None,
    *,
    source: str,
    filename: str,
    settings: Settings,
    now: datetime | None = None,
    renderer: MessageRenderer | None = None,
    files: ListFiles | None = None,
) -> Validation:
    """Checks the definition, each step's template for a sample company and, with a session, the audience and
    the owners (`files`: where the audience's orgnr lists are, campaigns.orgnr_lists).

    Without a session the counties come from the shipped reference data (what `jeger init` loads) and the
    audience is not counted (a warning)."""
    counties = set(session.scalars(select(County.number))) if session is not None else county_numbers()
    definition, problems = check_definition(
        source, filename=filename, counties=counties, tz=settings.timezone, now=now or utcnow(), files=files
    )
    if definition is None:  # not even TOML
        return Validation(definition, problems, [], None)
    lines = line_index(source)
    missing: list[Problem] = []  # owners and earlier campaigns the database lacks today: create refuses them
    if session is not None:
        definition, missing = check_owners(session, definition, filename=filename, lines=lines)
    renderer = renderer or MessageRenderer(settings)
    for index, wrong in step_problems(definition, renderer=renderer):
        field_name = f"steps[{index}].template"
        problems.append(Problem(filename, lines.get(field_name), field_name, wrong))
    warnings: list[Problem] = list(missing)
    audience_ok = not any(
        p.field.startswith("audience") or p.field == "include_sole_proprietors" for p in problems
    )
    total: int | None = None
    if session is None:
        warnings.append(Problem.of(filename, lines.get("audience"), "audience", "def_audience_not_counted"))
    elif audience_ok:
        total = audience.count(session, definition)
        if total == 0:
            warnings.append(Problem.of(filename, lines.get("audience"), "audience", "def_audience_empty"))
    return Validation(definition, problems, warnings, total, lines)


def create_campaign(
    session: Session,
    *,
    source: str,
    filename: str,
    settings: Settings,
    created_by_id: int | None = None,
    now: datetime | None = None,
    files: ListFiles | None = None,
    within: frozenset[str] | None = None,
) -> CreateResult:
    """Validates and stores a draft campaign; raises DefinitionError listing every problem at once.

    `within`: a county officer's counties; the audience is cut to them (`campaigns.scope`)."""
    renderer = MessageRenderer(settings)
    found = validate_campaign(
        session, source=source, filename=filename, settings=settings, now=now, renderer=renderer, files=files
    )
    if found.problems or found.warnings:
        raise DefinitionError(found.problems + found.warnings)
    assert found.definition is not None  # no problems
    definition = found.definition
    if within is not None:
        definition = cut_to_counties(definition, within, filename=filename)
    campaign = _store_draft(session, definition=definition, source=source, created_by_id=created_by_id)
    failures = render_all(session, campaign=campaign, settings=settings, renderer=renderer)
    if failures:
        raise DefinitionError(_render_problems(filename, found.lines, failures))
    refresh_figures(session, campaign=campaign)
    steps = [
        {
            "name": s.name,
            "channel": s.channel.value,
            "template": s.template,
            "audience": audience.count(session, found.definition, s.channel),
        }
        for s in campaign.steps
    ]
    return CreateResult(campaign=campaign, audience=found.audience or 0, steps=steps)


def check_campaign(
    session: Session | None,
    *,
    source: str,
    filename: str,
    settings: Settings,
    now: datetime | None = None,
    files: ListFiles | None = None,
) -> Validation:
    """`jeger campaign check`: create's validation, with what the database lacks as warnings; stores nothing.

    With a session and a valid file it goes exactly as far as create: the draft is written in the session
    so every audience company's messages are rendered as create renders them, then everything is rolled
    back (create also gives companies their identifiers; check leaves that to create)."""
    renderer = MessageRenderer(settings)
    found = validate_campaign(
        session, source=source, filename=filename, settings=settings, now=now, renderer=renderer, files=files
    )
    if session is None or found.problems or not found.audience or found.definition is None:
        return found
    try:
        campaign = _store_draft(session, definition=found.definition, source=source, created_by_id=None)
        failures = render_all(session, campaign=campaign, settings=settings, renderer=renderer)
        found.problems.extend(_render_problems(filename, found.lines, failures))
    finally:
        session.rollback()
    return found


def _store_draft(
    session: Session, *, definition: CampaignDefinition, source: str, created_by_id: int | None
) -> Campaign:
    campaign = Campaign(
        name=definition.name,
        language=definition.language,
        fixed_language=definition.fixed_language,
        source_toml=source,
        state=CampaignState.DRAFT,
        created_by_id=created_by_id,
    )
    set_definition(campaign, definition)
    session.add(campaign)
    session.flush()
    store_owners(session, campaign=campaign, definition=definition)
    for position, step in enumerate(definition.steps):
        assert step.channel is not None  # a definition with problems is never stored
        session.add(
            CampaignStep(
                campaign=campaign,
                position=position,
                name=step.name,
                channel=step.channel,
                template=step.template,
                at=step.at,
                after_days=step.after_days,
                only=step.only,
            )
        )
    session.flush()
    create_events(session, campaign=campaign)
    return campaign


def _render_problems(
    filename: str, lines: dict[str, int], failures: list[tuple[int, TemplateProblem]]
) -> list[Problem]:
    """The first 20 companies whose messages cannot be made, each at its step's template line."""
    return [
        Problem(filename, lines.get(f"steps[{i}].template"), f"steps[{i}].template", p)
        for i, p in failures[:20]
    ]


def step_problems(definition: CampaignDefinition, *, renderer: MessageRenderer) -> list[tuple[int, Readable]]:
    """(step index, problem) for templates that are missing or fail for the sample company, and letter and
    e-mail steps that cannot say which number to text (live SMS without a reply number)."""
    found: list[tuple[int, Readable]] = []
    for index, step in enumerate(definition.steps):
        if step.channel is None or not step.template:
            continue  # already a definition problem
        if step.channel in (Channel.LETTER, Channel.EMAIL) and renderer.sms_number_missing:
            found.append((index, SMS_NUMBER_MISSING))
            continue
        try:
            renderer.check(
                template=step.template,
                channel=step.channel,
                languages=definition.languages(),
                meeting=step.event,
            )
        except TemplateProblem as exc:
            found.append((index, exc))
    return found


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
        meeting = meeting_of_step(session, step_id=step.id)
        for recipient, row, _address in company_rows(session, recipients):
            language = language_for(row, campaign)
            try:
                renderer.render(
                    template=step.template,
                    channel=recipient.channel,
                    language=language,
                    variables=renderer.company_variables(
                        company=row, campaign=campaign, language=language, meeting=meeting
                    ),
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
    """draft -> scheduled; a campaign already launched is left exactly as it is.

    The templates are checked again (they may have been edited since create): a campaign whose letters or
    messages cannot be made for every company is not launched, nor one on live channels whose reply number
    or public address is unset or local (campaigns.readiness). The step jobs are written to the scheduler's
    job store once the launch commits."""
    campaign = get_campaign(session, campaign_id)
    if campaign.state is not CampaignState.DRAFT:
        if campaign.state is CampaignState.CANCELLED:
            raise CampaignError("campaign_error_cancelled_launch", id=campaign_id)
        if campaign.state is not CampaignState.COMPLETED:
            write_jobs_after_commit(
                session, campaign_id=campaign_id, timezone=settings.timezone
            )  # repairs missing jobs
        return campaign
    renderer = MessageRenderer(settings)
    problems: list[Readable] = [
        wrong for _, wrong in step_problems(definition_of(campaign), renderer=renderer)
    ]
    if not problems:
        problems = [
            p for _, p in render_all(session, campaign=campaign, settings=settings, renderer=renderer)
        ]
    if problems:
        more = len(problems) - 5

        def listed(language: str) -> str:
            shown = "; ".join(p.text_in(language) for p in problems[:5])
            return shown + (text("campaign_error_more", language, count=more) if more > 0 else "")

        raise CampaignError("campaign_error_templates", id=campaign_id, problems=listed)
    readiness = check_readiness(channels=[s.channel for s in campaign.steps], settings=settings)
    if readiness.refuses_launch:
        raise NotReadyForLive(
            "campaign_error_not_ready",
            id=campaign_id,
            warnings=lambda language: " ".join(readiness.warnings_in(language)),
        )
    now = now or utcnow()
    schedule_steps(campaign, settings.timezone, now)
    transition(session, campaign, CampaignState.SCHEDULED, now=now, timezone=settings.timezone)
    launch_approved(session, campaign_id=campaign_id)  # a staff launch is the approval an owner waits for
    # Counted again: a step's "no reply since" counts from the launch, and the register may have moved on.
    refresh_figures(session, campaign=campaign)
    return campaign


def pause_campaign(session: Session, *, campaign_id: int, reason: str | None = None) -> Campaign:
    campaign = get_campaign(session, campaign_id)
    if campaign.state in LIVE_STATES:
        # The jobs are removed once this commits; a job firing meanwhile finds the campaign paused and does nothing.
        reason = reason or stored_text("reason_paused_by_staff")
        transition(session, campaign, CampaignState.PAUSED, reason)
    elif campaign.state is not CampaignState.PAUSED:
        raise CampaignError("campaign_error_pause", id=campaign_id, state=campaign.state)
    return campaign


def resume_campaign(
    session: Session, *, campaign_id: int, settings: Settings, now: datetime | None = None
) -> Campaign:
    """paused -> running (or scheduled); overdue steps, stale ones included, are materialised now: staff chose.
    The later steps get their jobs again once this commits."""
    now = now or utcnow()
    campaign = get_campaign(session, campaign_id)
    if campaign.state is not CampaignState.PAUSED:
        if campaign.state in LIVE_STATES:
            return campaign
        raise CampaignError("campaign_error_resume", id=campaign_id, state=campaign.state)
    started = any(s.materialized_at for s in campaign.steps)
    to = CampaignState.RUNNING if started else CampaignState.SCHEDULED
    transition(session, campaign, to, now=now, timezone=settings.timezone)
    campaign.resumed_at = now
    # What waited only for the pause goes as soon as the dispatcher meets it (which re-checks everything else).
    session.execute(
        update(Message)
        .where(
            Message.campaign_id == campaign_id,
            Message.state == MessageState.QUEUED,
            Message.wait_reason == WaitReason.PAUSED,
        )
        .values(wait_reason=None)
        .execution_options(synchronize_session=False)
    )
    for step in campaign.steps:
        if step.materialized_at is None and step.scheduled_for is not None and step.scheduled_for <= now:
            materialise_step(session, step_id=step.id, settings=settings, now=now)
            transition(session, campaign, CampaignState.RUNNING, now=now)
    session.flush()
    return campaign


def cancel_campaign(session: Session, *, campaign_id: int, now: datetime | None = None) -> int:
    """Cancels the campaign and every queued message; returns how many messages were cancelled.

    Only `queued` rows: a `sending` or `unknown` row may already be with the provider (and may have been
    delivered), so it stays as it is for reconciliation to settle."""
    campaign = get_campaign(session, campaign_id)
    if campaign.state is CampaignState.COMPLETED:
        raise CampaignError("campaign_error_completed_cancel", id=campaign_id)
    transition(session, campaign, CampaignState.CANCELLED, now=now)
    result = session.execute(
        update(Message)
        .where(Message.campaign_id == campaign_id, Message.state == MessageState.QUEUED)
        .values(state=MessageState.CANCELLED, state_changed_at=now or utcnow(), error="campaign cancelled")
        .execution_options(synchronize_session=False)
    )
    session.flush()
    return int(getattr(result, "rowcount", 0) or 0)


def campaign_status(
    session: Session,
    *,
    campaign_id: int,
    now: datetime | None = None,
    max_per_day: int = 1,
    language: str = DEFAULT_LANGUAGE,
) -> dict[str, Any]:
    """Messages per step and state (counted as the campaign page and the funnel count them) and why the queued
    ones wait, grouped; times in ISO 8601 with the Oslo offset, the reason it paused in `language`."""
    from campaigns.results import step_state_counts
    from campaigns.waits import waiting

    campaign = get_campaign(session, campaign_id)
    counts = step_state_counts(session, campaign_id=campaign_id)
    groups = waiting(
        session, campaign_id=campaign_id, now=now or utcnow(), max_per_day=max_per_day, language=language
    )
    return {
        "id": campaign.id,
        "name": campaign.name,
        "state": campaign.state.value,
        "reason": read_text(campaign.state_reason, language) or None,
        "steps": [
            {
                "name": step.name,
                "channel": step.channel.value,
                "scheduled_for": iso_oslo(step.scheduled_for),
                "counts": {s.value: counts.get(step.id, {}).get(s.value, 0) for s in MessageState},
            }
            for step in campaign.steps
        ],
        "waiting": [group.as_dict() for group in groups],
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
            "created_at": iso_oslo(created),
            "launched_at": iso_oslo(launched),
        }
        for cid, name, state, created, launched in rows
    ]


def refresh_completion(session: Session, *, now: datetime | None = None) -> list[int]:
    """running -> completed when every step is materialised and nothing is left to send."""
    done: list[int] = []
    for campaign in list(session.scalars(select(Campaign).where(Campaign.state == CampaignState.RUNNING))):
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
            transition(session, campaign, CampaignState.COMPLETED, now=now)
            done.append(campaign.id)
    return done


def pause_stale(session: Session, *, now: datetime, stale_after: timedelta) -> list[int]:
    """A step overdue by more than STALE_AFTER (the system was down) does not go out by itself (PRODUCT §5)."""
    paused: list[int] = []
    for campaign in list(session.scalars(select(Campaign).where(Campaign.state.in_(LIVE_STATES)))):
        accepted = campaign.resumed_at
        for step in campaign.steps:
            if step.materialized_at or step.scheduled_for is None or step.scheduled_for >= now - stale_after:
                continue
            if accepted is not None and step.scheduled_for <= accepted:
                continue
            reason = stored_text("reason_stale_step", step=step.name, when=step.scheduled_for)
            transition(session, campaign, CampaignState.PAUSED, reason, notice="campaign_stale", now=now)
            paused.append(campaign.id)
            break
    return paused
