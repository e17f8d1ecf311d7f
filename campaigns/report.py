"""The delivery report of a campaign: one row per message, addresses masked (PRODUCT §9)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO
from typing import Any

from sqlalchemy import Select
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaigns.counts import shown_state
from catalogue.phrases import Refusal
from exports import tables
from store.masking import mask_address
from store.models import MAX_ID
from store.models import Campaign
from store.models import CampaignState
from store.models import CampaignStep
from store.models import Company
from store.models import Message
from store.models import MessageState
from store.models import WaitReason
from store.times import iso_oslo

COLUMNS = ["message_id", "step", "orgnr", "company", "channel", "address", "state", "wait_reason", "due_at", "error_code", "error", "created_at", "sent_at", "delivered_at", "state_changed_at"]  # fmt: skip


def delivery_rows(session: Session, *, campaign_id: int) -> list[dict[str, Any]]:
    """Every row, for the downloads. The state is counted as the progress table and the funnel count it
    (`shown_state`); a queued row says why it waits (`wait_reason`; every one of a paused campaign waits for the
    pause) and when it goes at the earliest (`due_at`); times in ISO 8601 with the Oslo offset."""
    paused = _paused(session, campaign_id)
    query = (
        _report_select().where(Message.campaign_id == campaign_id).order_by(CampaignStep.position, Message.id)
    )
    return [_row(*found, paused=paused) for found in session.execute(query).tuples()]


class NotAPage(Refusal, ValueError):
    """A report cursor that is not one (catalogue.campaign_errors)."""


@dataclass(frozen=True)
class ReportCursor:
    """Where a page of the report starts: after message `after` of the step at `position` (None: the
    messages without a step, which come last). The text form `position.after` (`-.after` without a step)
    is what the page's link carries."""

    position: int | None
    after: int

    def text(self) -> str:
        return f"{'-' if self.position is None else self.position}.{self.after}"


def parse_report_cursor(text: str) -> ReportCursor:
    """The cursor of a "next page" link; ValueError with what is wrong for anything else (a link edited by
    hand, or cut short)."""
    head, dot, tail = text.partition(".")
    position = None if head == "-" else _small_number(head)
    after = _small_number(tail)
    if not dot or (head != "-" and position is None) or after is None:
        raise NotAPage("report_not_a_page", value=text[:40])
    return ReportCursor(position, after)


def _small_number(text: str) -> int | None:
    """A whole number a row id can be, or None."""
    if not (text.isascii() and text.isdigit() and len(text) <= 10):
        return None
    value = int(text)
    return value if value <= MAX_ID else None


@dataclass
class ReportPage:
    rows: list[dict[str, Any]]
    next: ReportCursor | None  # None on the last page


def delivery_page(
    session: Session, *, campaign_id: int, after: ReportCursor | None = None, size: int = 1000
) -> ReportPage:
    """One page of the report in the downloads' order (step by step, then message id), found by keyset: each
    page reads its `size` rows through the (campaign, step, id) index, however many messages the campaign has
    (a national campaign has 200,000; reading them all to show the first thousand took 25 s, issue 14)."""
    paused = _paused(session, campaign_id)
    steps = session.execute(
        select(CampaignStep.id, CampaignStep.position)
        .where(CampaignStep.campaign_id == campaign_id)
        .order_by(CampaignStep.position)
    ).all()
    groups: list[tuple[int | None, int | None]] = [(s.id, s.position) for s in steps] + [(None, None)]
    if after is not None:
        known = [i for i, (_, position) in enumerate(groups) if position == after.position]
        groups = groups[known[0] :] if known else []
    rows: list[dict[str, Any]] = []
    last: ReportCursor | None = None
    for step_id, position in groups:
        query = _report_select().where(
            Message.campaign_id == campaign_id,
            Message.step_id == step_id if step_id is not None else Message.step_id.is_(None),
        )
        if after is not None and position == after.position:
            query = query.where(Message.id > after.after)
        found = session.execute(query.order_by(Message.id).limit(size + 1 - len(rows))).tuples().all()
        for item in found:
            if len(rows) == size:
                return ReportPage(rows, last)
            rows.append(_row(*item, paused=paused))
            last = ReportCursor(position, item[0].id)
    return ReportPage(rows, None)


def _paused(session: Session, campaign_id: int) -> bool:
    campaign = session.get(Campaign, campaign_id)
    return campaign is not None and campaign.state is CampaignState.PAUSED


def _report_select() -> Select[tuple[Message, Any, str | None, str | None, str | None]]:
    return (
        select(Message, shown_state(), CampaignStep.name, Company.orgnr, Company.name)
        .outerjoin(CampaignStep, CampaignStep.id == Message.step_id)
        .outerjoin(Company, Company.id == Message.company_id)
    )


def _row(
    m: Message, state: Any, step: str | None, orgnr: str | None, name: str | None, *, paused: bool
) -> dict[str, Any]:
    queued = m.state is MessageState.QUEUED
    reason = WaitReason.PAUSED if paused else m.wait_reason
    return {
        "message_id": m.id,
        "step": step,
        "orgnr": orgnr,
        "company": name,
        "channel": m.channel.value,
        "address": mask_address(m.address)
        if m.address
        else ("(print)" if m.channel.value == "letter" else ""),
        "state": str(state),
        "wait_reason": reason.value if queued and reason else None,
        "due_at": iso_oslo(m.due_at) if queued else None,
        "error_code": m.error_code,
        "error": m.error,
        "created_at": iso_oslo(m.created_at),
        "sent_at": iso_oslo(m.sent_at),
        "delivered_at": iso_oslo(m.delivered_at),
        "state_changed_at": iso_oslo(m.state_changed_at),
    }


def write_csv(rows: list[dict[str, Any]], out: IO[str]) -> None:
    """CSV with the English columns; company names and errors come from outside, so cells are neutralised."""
    tables.write_csv(out, header=COLUMNS, rows=([row.get(c) for c in COLUMNS] for row in rows))


def write_xlsx(rows: list[dict[str, Any]], out: IO[bytes]) -> None:
    tables.write_xlsx(
        out, [tables.Sheet("Delivery report", COLUMNS, ([row.get(c) for c in COLUMNS] for row in rows))]
    )
