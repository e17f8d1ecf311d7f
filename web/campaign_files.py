"""A campaign's meeting attendees and outcome report as files: one answer for the dashboard, the API and the
portal, so a file's name and contents are the same wherever a person downloads it."""

from __future__ import annotations

from fastapi.responses import Response
from sqlalchemy.orm import Session

from campaigns.meeting_attendees import attendee_rows
from campaigns.meeting_attendees import write_csv as attendees_csv
from campaigns.meeting_attendees import write_xlsx as attendees_xlsx
from catalogue import DEFAULT_LANGUAGE
from reports.outcome_export import default_filename
from reports.outcome_export import write_csv as outcomes_csv
from reports.outcome_export import write_xlsx as outcomes_xlsx
from reports.outcomes import outcome_report
from web.downloads import table_download


def attendees_file(session: Session, *, campaign_id: int, kind: str) -> Response:
    """Who answered the campaign's meetings, as `csv` or `xlsx` (any other kind is a 404)."""
    rows = attendee_rows(session, campaign_id=campaign_id)
    return table_download(
        kind,
        csv=lambda out: attendees_csv(rows, out),
        xlsx=lambda out: attendees_xlsx(rows, out),
        csv_name=f"deltakere-{campaign_id}.csv",
        xlsx_name=f"deltakere-{campaign_id}.xlsx",
    )


def outcomes_file(
    session: Session, *, campaign_id: int, kind: str, language: str = DEFAULT_LANGUAGE
) -> Response:
    """The outcome report: `xlsx` a sheet per breakdown, `csv` the trade × county table; headings in
    `language`."""
    report = outcome_report(session, campaign_id=campaign_id)
    return table_download(
        kind,
        csv=lambda out: outcomes_csv(report, out, language),
        xlsx=lambda out: outcomes_xlsx(report, out, language),
        csv_name=f"kampanje-{campaign_id}-resultater.csv",
        xlsx_name=default_filename(campaign_id),
    )
