"""The campaign file as typed, frozen values (PRODUCT §5): what `campaigns.definition` checks a TOML into, what
is stored on the campaign (as JSON), and what every reader gets back from `definition_of`.

The checker (`campaigns.definition`) owns the file's defaults and its Norwegian messages; these models own the
shape. A stored definition is always one the checker wrote, so the defaults below only matter for rows written
before a key existed (and for test rows): each is what the old `dict.get(...) or {}` reads gave, so an old row
means what it meant. Unknown stored keys are ignored, so a definition written by a newer version still loads.

To add a key to the file: add a field here (with the default an older row should get), then check and fill it
in `campaigns.definition` (its `_audience` or `_step`, or the top level).
"""

from __future__ import annotations

from collections.abc import Iterator
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING
from typing import Any

from pydantic import BaseModel
from pydantic import ConfigDict

from store.languages import DEFAULT_LANGUAGE
from store.languages import WRITTEN_STANDARDS
from store.models.enums import Channel
from store.models.enums import StepAudience

if TYPE_CHECKING:
    from store.models import Campaign

DEFAULT_DAYS = ("mon", "tue", "wed", "thu", "fri")


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")


class Window(_Frozen):
    """When the campaign may send, in Europe/Oslo wall-clock times (`campaigns.windows.SendWindow` reads it)."""

    days: tuple[str, ...] = DEFAULT_DAYS
    start: str = "09:00"
    end: str = "16:00"
    skip_holidays: bool = True


class Rates(_Frozen):
    """Messages per second per channel; 0 is no limit (a stored row without a rate had none)."""

    sms: float = 0.0
    email: float = 0.0
    telegram: float = 0.0

    def of(self, channel: Channel | str) -> float:
        """The rate of a channel; a letter has none (it is printed, or goes as e-mail)."""
        name = Channel(channel).value
        return float(getattr(self, name, 0.0))

    def items(self) -> Iterator[tuple[str, float]]:
        """(channel name, rate) for every channel with a rate."""
        for name in ("sms", "email", "telegram"):
            yield name, float(getattr(self, name))


class Previous(_Frozen):
    """Companies of earlier campaigns: those with any of `outcome` in any of `campaigns` (PRODUCT §11)."""

    campaigns: tuple[int, ...] = ()
    outcome: tuple[str, ...] = ()


class OrgnrList(_Frozen):
    """An `orgnr_file` as read when the campaign was created: its valid orgnrs, and the rows that were not one
    (`"rad 4: «12345»"`), which the preview lists; the file itself is not needed again."""

    file: str
    orgnrs: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()


class Selection(_Frozen):
    """The keys that select companies, shared by `[audience]` (all must hold) and `[audience.also]` (which
    adds the companies it selects). `trades` are names as the reference data spells them
    (`campaigns.trade_nace`); `postcodes` are inclusive (from, to) ranges of four-digit codes."""

    counties: tuple[str, ...] = ()
    municipalities: tuple[str, ...] = ()
    nace: tuple[str, ...] = ()
    employees: tuple[int, int] | None = None
    trades: tuple[str, ...] = ()
    orgnr_list: OrgnrList | None = None
    postcodes: tuple[tuple[str, str], ...] = ()
    previous: Previous | None = None


class Audience(Selection):
    """Which companies the campaign selects (`campaigns.audience` turns it into SQL); empty means any. The
    exclusions hold for `also`'s companies as well."""

    exclude: tuple[str, ...] = ()
    exclude_contacted_days: int | None = None
    also: Selection | None = None


class OwnerContact(_Frozen):
    """The owner as letters name it (`campaigns.variables.owner_variables`), written when the campaign is
    created, so a letter says the same however the organisation's profile changes later."""

    owner_name: str = ""
    co_owner_names: str = ""
    owner_contact_name: str = ""
    owner_contact_phone: str = ""
    owner_contact_email: str = ""


class Meeting(_Frozen):
    """A step's `event`: the information meeting its invitation asks companies to (PRODUCT §11). Capacity
    counts companies; None is no limit. `starts_at`/`ends_at` are what templates and calendars read."""

    title: str
    at: datetime
    ends: datetime | None = None
    place: str = ""
    capacity: int | None = None

    @property
    def starts_at(self) -> datetime:
        return self.at

    @property
    def ends_at(self) -> datetime | None:
        return self.ends


class Step(_Frozen):
    """One `[[steps]]`: a channel and a template at a time (`at`) or some days after the step before.

    `channel` is None only in a definition that has problems (an unknown channel), which is never stored."""

    name: str
    channel: Channel | None = None
    template: str = ""
    at: datetime | None = None
    after_days: int | None = None
    only: StepAudience = StepAudience.EVERYONE
    event: Meeting | None = None


class CampaignDefinition(_Frozen):
    """A whole campaign file, normalised: `language` is the fixed language, or "nb" when each company gets its
    own written standard (`fixed_language` False)."""

    name: str = ""
    language: str = DEFAULT_LANGUAGE
    fixed_language: bool = False
    include_sole_proprietors: bool = False
    window: Window = Window()
    rate: Rates = Rates()
    audience: Audience = Audience()
    steps: tuple[Step, ...] = ()
    # Local and adult campaigns (PRODUCT §11): orgnrs of the owning organisations, and where leads go.
    kind: str = "laereplass"
    owner: str | None = None
    co_owners: tuple[str, ...] = ()
    route: str = (
        "owner"  # only with owners (campaign_owner rows); a campaign without any routes to the county
    )
    route_after_days: int = 5
    owner_contact: OwnerContact | None = None
    # "weekly": the outcome report goes by e-mail each Monday to the owners, else the county officers.
    report_email: str | None = None

    def languages(self) -> tuple[str, ...]:
        """The languages its messages can be written in (a template is checked in each)."""
        return (self.language,) if self.fixed_language else WRITTEN_STANDARDS

    def stored(self) -> dict[str, Any]:
        """The JSON stored on the campaign (`Campaign.definition`)."""
        return self.model_dump(mode="json")


def parse_stored(stored: Mapping[str, Any] | None) -> CampaignDefinition:
    """A stored definition as the model (see the module docstring for rows missing keys)."""
    return CampaignDefinition.model_validate(dict(stored or {}))


_PARSED = "_parsed_definition"


def definition_of(campaign: Campaign) -> CampaignDefinition:
    """The campaign's definition, parsed once per `definition_revision` of this loaded row."""
    cached: tuple[int, CampaignDefinition] | None = campaign.__dict__.get(_PARSED)
    revision = campaign.definition_revision or 0
    if cached is not None and cached[0] == revision:
        return cached[1]
    parsed = parse_stored(campaign.definition)
    campaign.__dict__[_PARSED] = (revision, parsed)
    return parsed


def set_definition(campaign: Campaign, definition: CampaignDefinition) -> None:
    """Stores a definition on the campaign; the assignment bumps the revision (store.models.campaigns), so every
    cache of the old one sees the change."""
    campaign.definition = definition.stored()
    campaign.__dict__[_PARSED] = (campaign.definition_revision, definition)


class DefinitionCache:
    """Parsed definitions by (campaign id, revision), for a long-lived process bound to one database (the
    dispatcher): each revision is parsed once, however often its rows are read."""

    def __init__(self) -> None:
        self._parsed: dict[int, tuple[int, CampaignDefinition]] = {}

    def get(self, campaign_id: int, revision: int, stored: Mapping[str, Any] | None) -> CampaignDefinition:
        cached = self._parsed.get(campaign_id)
        if cached is not None and cached[0] == revision:
            return cached[1]
        parsed = parse_stored(stored)
        self._parsed[campaign_id] = (revision, parsed)
        return parsed
