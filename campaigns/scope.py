"""Campaigns of a county officer (PRODUCT §10): the audience is cut to the officer's counties when they create a
campaign, and they see and run only campaigns whose every company lies in their counties.

A campaign's counties are its `[audience]` counties, together with `[audience.also]`'s when it adds companies;
an empty list there means every county, which no county officer may see or run.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from campaigns.definition import DefinitionError
from campaigns.definition import Problem
from campaigns.definition_model import CampaignDefinition
from campaigns.definition_model import Selection
from campaigns.definition_model import definition_of
from staff.scopes import Scope
from store.models import MAX_ID
from store.models import Campaign


def audience_counties(definition: CampaignDefinition) -> frozenset[str] | None:
    """The counties the audience can reach, or None when it can reach every county."""
    selections: list[Selection] = [definition.audience]
    if definition.audience.also is not None:
        selections.append(definition.audience.also)
    if any(not selection.counties for selection in selections):
        return None
    return frozenset(county for selection in selections for county in selection.counties)


def campaign_within(campaign: Campaign, scope: Scope) -> bool:
    if scope.whole:
        return True
    if scope.counties is None or scope.hunter_id is not None:
        return False  # an organisation member's campaigns are their organisation's business (§11), not this
    counties = audience_counties(definition_of(campaign))
    return counties is not None and counties <= scope.counties


def path_id_within(session: Session, raw: object, scope: Scope) -> bool:
    """Whether a campaign id as a URL path carries it (any text) names a campaign the scope reaches: the one check
    the dashboard's and the API's routers make before any campaign route (a miss answers as if none existed)."""
    if scope.whole:
        return True
    text = str(raw)
    number = int(text) if text.isascii() and text.isdigit() and len(text) <= 10 else 0
    campaign = session.get(Campaign, number) if 0 < number <= MAX_ID else None
    return campaign is not None and campaign_within(campaign, scope)


def cut_to_counties(
    definition: CampaignDefinition, counties: frozenset[str], *, filename: str
) -> CampaignDefinition:
    """The definition with its audience (and `also`) kept inside `counties`: no counties given means all of
    them, and counties outside are dropped. A file that names none of them is refused, not silently emptied."""

    def cut(selection: Selection) -> Selection:
        wanted = (
            tuple(sorted(counties))
            if not selection.counties
            else tuple(c for c in selection.counties if c in counties)
        )
        if not wanted:
            raise DefinitionError(
                [
                    Problem.of(
                        filename,
                        None,
                        "audience.counties",
                        "def_counties_not_yours",
                        counties=", ".join(sorted(counties)),
                    )
                ]
            )
        return selection.model_copy(update={"counties": wanted})

    audience = cut(definition.audience)
    if definition.audience.also is not None:
        audience = audience.model_copy(update={"also": cut(definition.audience.also)})
    return definition.model_copy(update={"audience": audience})
