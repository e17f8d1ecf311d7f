"""What staff do with a campaign, for every edge alike: the CLI, the dashboard and the API call these.

Above lifecycle, preview and the read models (nothing in campaigns/ imports it): each function is one call
into them, turning their problems into the errors the edges show (`CampaignInputError` for a file, form or
request that is not valid, `CampaignError` for an action the campaign's state refuses, `NotReadyForLive` for a
launch on live channels that would not work) and their results into the views the pages and routes render.
"""

from __future__ import annotations

from collections.abc import Callable
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy.orm import Session

from campaigns import lifecycle
from campaigns.audience_gaps import Gap
from campaigns.audience_gaps import orgnr_note
from campaigns.audience_notes import AudienceNote
from campaigns.definition import DefinitionError
from campaigns.lifecycle import CreateResult
from campaigns.lifecycle import NotReadyForLive
from campaigns.orgnr_lists import ListFiles
from campaigns.readiness import campaign_readiness
from campaigns.state import CampaignError
from campaigns.waits import WaitGroup
from catalogue import DEFAULT_LANGUAGE
from catalogue import plural
from catalogue import shown_time
from catalogue.phrases import Readable
from catalogue.phrases import Refusal
from catalogue.phrases import written_in
from settings import Settings
from staff.scopes import scope_of_staff
from store.models import Campaign
from store.models import MessageState
from store.models import StaffUser
from store.models import utcnow

__all__ = ["CampaignError", "CampaignInputError", "NotReadyForLive"]


class CampaignInputError(ValueError):
    """The TOML, form or request is not a valid campaign input; its problems are shown one per line, in the
    reader's language by `problems_in` (the CLI, the dashboard), in bokmål as `problems` (the API, which has
    no language of its own)."""

    def __init__(self, problems: Sequence[Readable | str]) -> None:
        self.said = list(problems)
        self.problems = self.problems_in(DEFAULT_LANGUAGE)
        super().__init__("\n".join(self.problems))

    def problems_in(self, language: str) -> list[str]:
        return [written_in(problem, language) for problem in self.said]


class Action(StrEnum):
    """What staff can do to a campaign's state."""

    LAUNCH = "launch"
    PAUSE = "pause"
    RESUME = "resume"
    CANCEL = "cancel"


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
    when: str  # e.g. "07.06.2027 09:00 (norsk tid)" or "7 dager etter forrige steg"
    recipients: int | None
    samples: list[SampleMessage] = field(default_factory=list)
    segments_total: int | None = None
    cost: float | None = None
    encodings: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    by_channel: dict[str, int] = field(default_factory=dict)  # a letter step: e-mail and print
    gaps: list[Gap] = field(default_factory=list)  # why the others get nothing
    note: str | None = None  # why the asked-for orgnr gets nothing in this step


@dataclass
class PreviewView:
    audience: int
    steps: list[StepPreview]
    problems: list[str]
    warnings: list[str] = field(default_factory=list)  # reply number / public address (campaigns.readiness)
    refuses_launch: bool = False
    notes: list[AudienceNote] = field(default_factory=list)  # who the audience's own rules leave out

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
    waiting: list[WaitGroup] = field(default_factory=list)  # why the queued ones wait
    counts: dict[str, int] = field(
        default_factory=dict
    )  # the whole campaign by state (progress_by_campaign's)

    @property
    def shown_states(self) -> list[str]:
        """Message states as columns: the usual four always, the rare ones only when some step has them."""
        present = {state for step in self.steps for state, n in step.counts.items() if n}
        return [s.value for s in MessageState if s.value in ALWAYS_SHOWN or s.value in present]


def _problems(exc: DefinitionError) -> CampaignInputError:
    return CampaignInputError(exc.problems if exc.problems else [str(exc)])


def create_campaign(
    session: Session,
    settings: Settings,
    *,
    toml_text: str,
    staff_id: int | None,
    filename: str = "kampanje.toml",
    now: datetime | None = None,
    files: ListFiles | None = None,
    within: frozenset[str] | None = None,
) -> CreateResult:
    """A draft from a campaign file; raises CampaignInputError with every problem, each at its line. `within`:
    a county officer's counties, to which the audience is cut."""
    try:
        return lifecycle.create_campaign(
            session,
            source=toml_text,
            filename=filename,
            settings=settings,
            created_by_id=staff_id,
            now=now,
            files=files,
            within=within,
        )
    except DefinitionError as exc:
        raise _problems(exc) from exc


def create_campaign_as(
    session: Session,
    settings: Settings,
    *,
    staff: StaffUser,
    toml_text: str,
    filename: str,
    lists: Mapping[str, bytes] | None = None,
) -> CreateResult:
    """A draft a staff member sends from the dashboard or the API: the orgnr lists come as uploads with the file
    (no path on the server is ever read), and a county officer's audience is cut to their counties."""
    scope = scope_of_staff(staff)
    return create_campaign(
        session,
        settings,
        toml_text=toml_text,
        staff_id=staff.id,
        filename=filename,
        files=ListFiles(attachments=dict(lists or {})),
        within=None if scope.whole else scope.counties,
    )


def _when(step: Any, language: str) -> str:
    moment = step.scheduled_for or step.at
    if moment is not None:
        return shown_time(moment, language)
    return plural("preview_days_after", step.after_days, language)


def _said(exc: Exception) -> Readable | str:
    """A domain error as a problem: its catalogue phrase when it has one, else its words as they are."""
    return exc if isinstance(exc, Refusal) else str(exc)


def preview_campaign(
    session: Session,
    settings: Settings,
    *,
    campaign_id: int,
    orgnr: str | None = None,
    step: str | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> PreviewView:
    from campaigns.preview import preview_campaign as preview
    from campaigns.preview_figures import figures_of

    campaign = lifecycle.get_campaign(session, campaign_id)
    figures = figures_of(session, campaign=campaign)
    try:
        previews = preview(
            session,
            campaign_id=campaign_id,
            settings=settings,
            orgnrs=[orgnr] if orgnr else None,
            step_name=step,
            figures=figures,
            language=language,
        )
    except LookupError as exc:
        raise CampaignInputError([_said(exc)]) from exc
    steps_by_name = {s.name: s for s in campaign.steps}
    views = [
        StepPreview(
            name=p.name,
            channel=p.channel,
            template=p.template,
            when=_when(steps_by_name[p.name], language),
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
    size = figures.audience
    for view in views:
        db_step = steps_by_name[view.name]
        view.gaps = list(figures.steps[view.name].gaps)
        if orgnr and not any(s.orgnr == orgnr for s in view.samples):
            view.note = orgnr_note(session, campaign=campaign, step=db_step, orgnr=orgnr, language=language)
    readiness = campaign_readiness(session, campaign_id=campaign_id, settings=settings)
    return PreviewView(
        audience=size,
        notes=figures.notes,
        steps=views,
        problems=[problem for v in views for problem in v.problems],
        warnings=readiness.warnings_in(language),
        refuses_launch=readiness.refuses_launch,
    )


def letter_pdf(
    session: Session, settings: Settings, *, campaign_id: int, orgnr: str | None, step: str | None
) -> bytes:
    """The step's printed letters for the chosen company (or the first few) as one PDF."""
    from campaigns.letter_proof import LetterProofError
    from campaigns.letter_proof import letter_proof

    try:
        proof = letter_proof(
            session,
            campaign_id=campaign_id,
            settings=settings,
            orgnrs=[orgnr] if orgnr else None,
            step_name=step,
        )
    except LetterProofError as exc:
        raise CampaignInputError([exc]) from exc
    return proof.pdf


def has_letter(campaign: Campaign) -> bool:
    from campaigns.letter_proof import letter_steps

    return bool(letter_steps(campaign))


def launch_readiness(
    session: Session, settings: Settings, *, campaign_id: int, language: str = DEFAULT_LANGUAGE
) -> tuple[list[str], bool]:
    """(warnings in `language`, whether a launch is refused) for the confirmation page."""
    readiness = campaign_readiness(session, campaign_id=campaign_id, settings=settings)
    return readiness.warnings_in(language), readiness.refuses_launch


def send_test(session: Session, settings: Settings, *, campaign_id: int, to: str, step: str | None) -> int:
    from campaigns.preview import send_test as queue_test

    try:
        return len(queue_test(session, campaign_id=campaign_id, to=to, settings=settings, step_name=step))
    except ValueError as exc:
        raise CampaignInputError([_said(exc)]) from exc


@dataclass
class ActionResult:
    campaign: Campaign
    warnings: list[str] = field(default_factory=list)  # a launch on channels that only work on this machine


_ACTIONS: dict[Action, Callable[[Session, int, Settings, datetime | None], object]] = {
    Action.LAUNCH: lambda s, cid, settings, now: lifecycle.launch_campaign(
        s, campaign_id=cid, settings=settings, now=now
    ),
    Action.PAUSE: lambda s, cid, settings, now: lifecycle.pause_campaign(s, campaign_id=cid),
    Action.RESUME: lambda s, cid, settings, now: lifecycle.resume_campaign(
        s, campaign_id=cid, settings=settings, now=now
    ),
    Action.CANCEL: lambda s, cid, settings, now: lifecycle.cancel_campaign(s, campaign_id=cid, now=now),
}


def change_state(
    session: Session,
    settings: Settings,
    *,
    campaign_id: int,
    action: str,
    now: datetime | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> ActionResult:
    """Launches, pauses, resumes or cancels; raises CampaignError when the state refuses it (NotReadyForLive
    for a live launch that would not work). The warnings of a launch are in `language`."""
    try:
        chosen = Action(action)
    except ValueError:
        raise CampaignError("campaign_error_unknown_action", action=action) from None
    _ACTIONS[chosen](session, campaign_id, settings, now)
    campaign = lifecycle.get_campaign(session, campaign_id)
    warnings: list[str] = []
    if chosen is Action.LAUNCH:
        readiness = campaign_readiness(session, campaign_id=campaign_id, settings=settings)
        warnings = readiness.warnings_in(language)
    return ActionResult(campaign, warnings)


def campaign_status(
    session: Session, *, campaign_id: int, max_per_day: int = 1, language: str = DEFAULT_LANGUAGE
) -> StatusView:
    """The progress table's counts and the grouped waits (their lines in `language`), from the same functions
    `campaign status` reads."""
    from campaigns.results import campaign_state_counts
    from campaigns.waits import waiting

    campaign = lifecycle.get_campaign(session, campaign_id)
    counts, total = campaign_state_counts(session, campaign_id=campaign_id)
    steps = [
        StepStatus(
            id=step.id,
            name=step.name,
            channel=step.channel.value,
            scheduled_for=step.scheduled_for,
            counts={s.value: counts.get(step.id, {}).get(s.value, 0) for s in MessageState},
        )
        for step in campaign.steps
    ]
    groups = waiting(
        session, campaign_id=campaign_id, now=utcnow(), max_per_day=max_per_day, language=language
    )
    return StatusView(campaign=campaign, steps=steps, waiting=groups, counts=total)


def delivery_report(session: Session, *, campaign_id: int) -> tuple[list[str], list[dict[str, Any]]]:
    """(columns, rows) of the delivery report."""
    from campaigns.report import COLUMNS
    from campaigns.report import delivery_rows

    return COLUMNS, delivery_rows(session, campaign_id=campaign_id)


@dataclass
class ReportPageView:
    """One page of the delivery report for the dashboard: its rows, the link text of the next page (None on
    the last), and why the campaign's queued messages wait."""

    columns: list[str]
    rows: list[dict[str, Any]]
    next: str | None
    waiting: list[WaitGroup]


def delivery_report_page(
    session: Session,
    *,
    campaign_id: int,
    after: str = "",
    max_per_day: int = 1,
    language: str = DEFAULT_LANGUAGE,
) -> ReportPageView:
    """A page of the delivery report after the cursor `after` (empty: the first); CampaignInputError for a
    cursor that is not one. Reads the page and the queue's grouped waits, never the whole outbox."""
    from campaigns.report import COLUMNS
    from campaigns.report import delivery_page
    from campaigns.report import parse_report_cursor
    from campaigns.waits import waiting

    try:
        cursor = parse_report_cursor(after) if after else None
    except ValueError as exc:
        raise CampaignInputError([_said(exc)]) from exc
    lifecycle.get_campaign(session, campaign_id)
    page = delivery_page(session, campaign_id=campaign_id, after=cursor)
    groups = waiting(
        session, campaign_id=campaign_id, now=utcnow(), max_per_day=max_per_day, language=language
    )
    return ReportPageView(COLUMNS, page.rows, page.next.text() if page.next else None, groups)
