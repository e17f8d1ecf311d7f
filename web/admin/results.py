"""Results: the funnel per campaign, results per county (table and map) and per trade."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup
from sqlalchemy import select

from campaigns.results import STAGES, funnel, funnel_by_county, results_by_trade
from store.models import Campaign
from store.reference import county_names

from ..auth import CurrentStaff
from ..deps import SessionDep
from .charts import county_map_svg, funnel_svg
from .ui import page

router = APIRouter()

MAP_METRICS = {key: name for key, name in STAGES}


@router.get("/results", response_class=HTMLResponse)
def results(
    request: Request,
    session: SessionDep,
    staff: CurrentStaff,
    campaign: str = "",
    metric: str = "interested",
) -> Response:
    campaigns = list(session.scalars(select(Campaign).order_by(Campaign.created_at.desc())))
    chosen = next((c for c in campaigns if str(c.id) == campaign), None)
    campaign_id = chosen.id if chosen else None
    metric = metric if metric in MAP_METRICS else "interested"
    total = funnel(session, campaign_id=campaign_id)
    by_county = funnel_by_county(session, campaign_id=campaign_id)
    names = county_names(session)
    scope = chosen.name if chosen else "alle kampanjer"
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
        trades=results_by_trade(session, campaign_id=campaign_id),
        funnel_chart=Markup(funnel_svg(total.stages(), title=f"Trakten for {scope}")),
        county_map=Markup(
            county_map_svg(
                {number: f.values[metric] for number, f in by_county.items()},
                title=f"{MAP_METRICS[metric]} per fylke, {scope}",
                unit=f" {MAP_METRICS[metric].lower()}",
            )
        ),
    )
