"""Results: the funnel per campaign, results per county (table and map) and per trade. A county officer gets them
for the companies in their counties, and chooses among the campaigns they can see (campaigns.scope)."""

from __future__ import annotations

import io
from typing import Any

from fastapi import APIRouter
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.responses import Response
from markupsafe import Markup

from campaigns.listing import campaigns_newest_first
from campaigns.results import STAGES
from campaigns.results import funnel_by_county
from campaigns.results import funnels
from campaigns.results import results_by_trade
from campaigns.scope import campaign_within
from catalogue import text
from exports.tables import XLSX_MEDIA_TYPE
from exports.tables import Sheet
from exports.tables import write_csv
from exports.tables import write_xlsx
from staff.scopes import Scope
from store.models import Campaign
from store.reference import county_names
from web.admin.charts import county_map_svg
from web.admin.charts import funnel_svg
from web.admin.ui import language_of
from web.admin.ui import page
from web.admin.ui import say
from web.auth import StaffScope
from web.deps import SessionDep

router = APIRouter()

MAP_METRICS = {key: name for key, name in STAGES}


@router.get("/results", response_class=HTMLResponse)
def results(
    request: Request,
    session: SessionDep,
    scope: StaffScope,
    campaign: str = "",
    metric: str = "interested",
) -> Response:
    campaigns = [c for c in campaigns_newest_first(session) if campaign_within(c, scope)]
    chosen = next((c for c in campaigns if str(c.id) == campaign), None)
    campaign_id = chosen.id if chosen else None
    metric = metric if metric in MAP_METRICS else "interested"
    total, by_county = funnels(session, campaign_id=campaign_id, scope=scope)
    names = county_names(session)
    language = language_of(request)
    shown = chosen.name if chosen else say(request, "admin_all_campaigns_lower")
    metric_name = say(request, f"admin_funnel_{metric}")
    stages = [(key, say(request, f"admin_funnel_{key}"), value) for key, _, value in total.stages()]
    return page(
        request,
        "admin/results.html",
        section="results",
        campaigns=campaigns,
        chosen=chosen,
        metric=metric,
        metrics=MAP_METRICS,
        stages=STAGES,
        total=total,
        by_county=by_county,
        names=names,
        trades=results_by_trade(session, campaign_id=campaign_id, scope=scope),
        funnel_chart=Markup(
            funnel_svg(stages, title=say(request, "admin_funnel_of", shown=shown), language=language)
        ),
        county_map=Markup(
            county_map_svg(
                {number: f.values[metric] for number, f in by_county.items()},
                title=say(request, "admin_map_title", metric=metric_name, shown=shown),
                unit=f" {metric_name.lower()}",
                language=language,
            )
        ),
    )


# --- downloads ------------------------------------------------------------------------------------------

TRADE_COLUMNS = ("trade", "programme", "companies", "places", "adult", "claimed", "became")


def _trade_header(language: str) -> list[str]:
    return [text(f"export_result_{column}", language) for column in TRADE_COLUMNS]


def _tables(
    session: SessionDep, campaign: str, scope: Scope, language: str
) -> tuple[str, list[str], list[list[Any]], list[list[Any]]]:
    """(name part, county header, county rows, trade rows) of the results page, as cells, headers in `language`;
    a campaign the scope does not show is taken as none chosen (all campaigns, cut to the scope)."""
    wanted = campaign.isascii() and campaign.isdigit() and len(campaign) <= 9  # an id, not a 500
    campaign_id = int(campaign) if wanted else None
    chosen = session.get(Campaign, campaign_id) if campaign_id is not None else None
    chosen = chosen if chosen is not None and campaign_within(chosen, scope) else None
    campaign_id = chosen.id if chosen else None
    names = county_names(session)
    county_header = [
        text("export_result_county_number", language),
        text("export_result_county", language),
        *(text(f"admin_funnel_{key}", language) for key, _ in STAGES),
    ]
    counties = [
        [number, names.get(number, ""), *(f.values.get(key, 0) for key, _ in STAGES)]
        for number, f in funnel_by_county(session, campaign_id=campaign_id, scope=scope).items()
    ]
    trades = [
        [t.trade, t.programme, t.companies, t.places, t.adult, t.claimed, t.became]
        for t in results_by_trade(session, campaign_id=campaign_id, scope=scope)
    ]
    part = (
        text("export_part_campaign", language, id=chosen.id) if chosen else text("export_part_all", language)
    )
    return part, county_header, counties, trades


@router.get("/results.csv")
def results_csv(
    request: Request, session: SessionDep, scope: StaffScope, campaign: str = "", by: str = "county"
) -> Response:
    """One table per file: `by=county` (the funnel per county) or `by=trade`, in the staff user's language."""
    language = language_of(request)
    part, county_header, counties, trades = _tables(session, campaign, scope, language)
    header, rows = (_trade_header(language), trades) if by == "trade" else (county_header, counties)
    out = io.StringIO()
    write_csv(out, header=header, rows=rows, delimiter=";")
    stem = text(f"export_stem_results_by_{'trade' if by == 'trade' else 'county'}", language)
    name = f"{stem}-{part}.csv"
    return Response(
        "\ufeff" + out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/results.xlsx")
def results_xlsx(request: Request, session: SessionDep, scope: StaffScope, campaign: str = "") -> Response:
    """Both tables in one workbook: a sheet per county funnel and one per trade, in the staff user's language."""
    language = language_of(request)
    part, county_header, counties, trades = _tables(session, campaign, scope, language)
    out = io.BytesIO()
    sheets = [
        Sheet(text("export_sheet_counties", language), county_header, counties),
        Sheet(text("export_sheet_trades", language), _trade_header(language), trades),
    ]
    write_xlsx(out, sheets)
    return Response(
        out.getvalue(),
        media_type=XLSX_MEDIA_TYPE,
        headers={
            "Content-Disposition": f'attachment; filename="{text("export_stem_results", language)}-{part}.xlsx"'
        },
    )
