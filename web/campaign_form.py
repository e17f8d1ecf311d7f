"""The campaign form: its fields become the same TOML a campaign file holds (PRODUCT §5, §11).

Neither the dashboard nor the portal builds a campaign itself: each writes TOML and hands it to the campaign
domain, so a form, an uploaded file and `jeger campaign create` are validated by the same code and fail with the
same messages. Staff fill in every field; a partner's form on the portal leaves the window and rates at these
defaults and the owner to its own organisation.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from collections.abc import Sequence
from dataclasses import dataclass
from dataclasses import field
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from campaigns.definition import AUDIENCE_KEYS
from campaigns.definition import EXCLUDES as FILE_EXCLUDES
from campaigns.definition import STEP_KEYS
from campaigns.definition import TOP_KEYS
from campaigns.definition_model import CampaignDefinition
from campaigns.definition_model import Step
from campaigns.local_keys import KINDS
from campaigns.local_keys import ROUTES
from campaigns.templating import template_names
from catalogue import text
from store.languages import DEFAULT_LANGUAGE
from store.languages import LANGUAGES
from store.reference import all_trades
from store.times import in_oslo
from web.campaign_upload import read_campaign_upload

# The form's choices as machine values; the page names them from the catalogue (`admin_day_<day>`,
# `admin_exclude_<key>`, `admin_language_<code>`) in the staff user's language.
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
EXCLUDES = tuple(sorted(FILE_EXCLUDES))
MAX_STEPS = 4
# What the form shows of a definition: every key of the file but a description, a second selection
# (`[audience.also]`) and an earlier campaign's companies (`previous`), which only a campaign file holds, so a
# copy of a campaign with such keys opens as TOML instead of losing them. An orgnr list has a field, but a copy
# cannot bring the file along: such a copy opens as TOML too, asking for the list.
FORM_KEYS = (TOP_KEYS - {"description"}) | {"fixed_language"}
FORM_AUDIENCE_KEYS = AUDIENCE_KEYS - {"orgnr_file", "previous", "also"}
FORM_STEP_KEYS = STEP_KEYS
DERIVED_KEYS = {"owner_contact"}  # written from the owner's profile at creation, not a key of the file
FILE_KEYS = {"orgnr_list": "orgnr_file"}  # the definition's name for a key the file spells otherwise


@dataclass
class StepFields:
    name: str = ""
    channel: str = "sms"
    template: str = ""
    at: str = ""
    after_days: str = ""
    only: str = "everyone"
    # An information meeting the step invites to (PRODUCT §11); no title means none.
    event_title: str = ""
    event_at: str = ""
    event_ends: str = ""
    event_place: str = ""
    event_capacity: str = ""


@dataclass
class CampaignFields:
    """What the form shows and sends back; strings as typed, so a rejected form keeps the user's input."""

    name: str = ""
    language: str = DEFAULT_LANGUAGE
    fixed_language: bool = False
    include_sole_proprietors: bool = False
    days: list[str] = field(default_factory=lambda: ["mon", "tue", "wed", "thu", "fri"])
    start: str = "09:00"
    end: str = "16:00"
    skip_holidays: bool = True
    rate_sms: str = "5"
    rate_email: str = "10"
    rate_telegram: str = "20"
    counties: list[str] = field(default_factory=list)
    municipalities: str = ""
    nace: str = ""
    employees_min: str = ""
    employees_max: str = ""
    trades: list[str] = field(default_factory=list)
    postcodes: str = ""
    orgnr_file: str = ""  # the name of the list uploaded with the form
    exclude: list[str] = field(default_factory=lambda: list(EXCLUDES))
    exclude_contacted_days: str = ""
    steps: list[StepFields] = field(default_factory=list)
    # Local and adult campaigns: an owner (an approved organisation's orgnr) decides where leads go.
    kind: str = KINDS[0]
    owner: str = ""
    co_owners: list[str] = field(default_factory=list)
    route: str = ROUTES[0]
    route_after_days: str = ""
    report_weekly: bool = False


def read_fields(form: Any) -> CampaignFields:
    """Reads a submitted form (Starlette FormData: `get` and `getlist`)."""

    def text(key: str, default: str = "") -> str:
        value = form.get(key)
        return value.strip() if isinstance(value, str) else default

    steps = []
    for index in range(MAX_STEPS):
        step = StepFields(
            name=text(f"step{index}_name"),
            channel=text(f"step{index}_channel", "sms"),
            template=text(f"step{index}_template"),
            at=text(f"step{index}_at"),
            after_days=text(f"step{index}_after_days"),
            only=text(f"step{index}_only", "everyone"),
            event_title=text(f"step{index}_event_title"),
            event_at=text(f"step{index}_event_at"),
            event_ends=text(f"step{index}_event_ends"),
            event_place=text(f"step{index}_event_place"),
            event_capacity=text(f"step{index}_event_capacity"),
        )
        if step.name or step.template:
            steps.append(step)
    return CampaignFields(
        name=text("name"),
        language=text("language", DEFAULT_LANGUAGE),
        fixed_language=form.get("fixed_language") is not None,
        include_sole_proprietors=form.get("include_sole_proprietors") is not None,
        days=[d for d in form.getlist("days") if d in DAYS],
        start=text("start"),
        end=text("end"),
        skip_holidays=form.get("skip_holidays") is not None,
        rate_sms=text("rate_sms"),
        rate_email=text("rate_email"),
        rate_telegram=text("rate_telegram"),
        counties=[c for c in form.getlist("counties") if isinstance(c, str)],
        municipalities=text("municipalities"),
        nace=text("nace"),
        employees_min=text("employees_min"),
        employees_max=text("employees_max"),
        trades=[t for t in form.getlist("trades") if isinstance(t, str)],
        postcodes=text("postcodes"),
        orgnr_file=text("orgnr_file"),  # the list a form sent back had; the route asks for it again
        exclude=[e for e in form.getlist("exclude") if e in EXCLUDES],
        exclude_contacted_days=text("exclude_contacted_days"),
        steps=steps,
        kind=text("kind", KINDS[0]),
        owner=text("owner"),
        co_owners=[o for o in form.getlist("co_owners") if isinstance(o, str) and o],
        route=text("route", ROUTES[0]),
        route_after_days=text("route_after_days"),
        report_weekly=form.get("report_weekly") is not None,
    )


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):  # an inline table
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items() if v is not None) + " }"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _number(text: str) -> int | float | str:
    """Numbers as numbers; anything else stays text so the campaign validator names the bad field."""
    try:
        return int(text)
    except ValueError:
        try:
            return float(text.replace(",", "."))
        except ValueError:
            return text


def _listed(text: str) -> list[str]:
    """A comma- or semicolon-separated field as its items."""
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def _table(name: str | None, values: Mapping[str, Any]) -> list[str]:
    lines = [f"[{name}]"] if name else []
    lines += [f"{key} = {_value(value)}" for key, value in values.items() if value is not None]
    return lines


def to_toml(fields: CampaignFields) -> str:
    """The campaign file the form describes; empty optional fields are left out (defaults apply)."""
    # Not fixed: each company gets its own written standard from the register (PRODUCT §5).
    top: dict[str, Any] = {
        "name": fields.name,
        "language": fields.language if fields.fixed_language else "auto",
    }
    if fields.include_sole_proprietors:
        top["include_sole_proprietors"] = True
    if fields.kind != KINDS[0]:
        top["kind"] = fields.kind
    if fields.owner:
        top["owner"] = fields.owner
        if fields.co_owners:
            top["co_owners"] = [o for o in fields.co_owners if o != fields.owner]
        top["route"] = fields.route
        if fields.route_after_days:
            top["route_after_days"] = _number(fields.route_after_days)
    if fields.report_weekly:
        top["report_email"] = "weekly"
    window = {
        "days": fields.days,
        "start": fields.start,
        "end": fields.end,
        "skip_holidays": fields.skip_holidays,
    }
    rate = {
        "sms": _number(fields.rate_sms) if fields.rate_sms else None,
        "email": _number(fields.rate_email) if fields.rate_email else None,
        "telegram": _number(fields.rate_telegram) if fields.rate_telegram else None,
    }
    audience: dict[str, Any] = {"counties": fields.counties}
    optional = {
        "municipalities": _listed(fields.municipalities),
        "nace": _listed(fields.nace),
        "trades": fields.trades,
        "postcodes": _listed(fields.postcodes),
        "orgnr_file": fields.orgnr_file,
    }
    audience |= {key: value for key, value in optional.items() if value}
    if fields.employees_min or fields.employees_max:
        audience["employees"] = [
            _number(fields.employees_min or "0"),
            _number(fields.employees_max or "100000"),
        ]
    audience["exclude"] = fields.exclude
    if fields.exclude_contacted_days:
        audience["exclude_contacted_days"] = _number(fields.exclude_contacted_days)
    lines = [*_table(None, top), "", *_table("window", window), "", *_table("rate", rate), ""]
    lines += _table("audience", audience)
    for position, step in enumerate(fields.steps):
        values: dict[str, Any] = {"name": step.name, "channel": step.channel, "template": step.template}
        if position == 0 or step.at:
            values["at"] = step.at
        else:
            values["after_days"] = _number(step.after_days or "0")
        if step.only and step.only != "everyone":
            values["only"] = step.only
        if step.event_title:
            values["event"] = {
                "title": step.event_title,
                "at": step.event_at,
                "ends": step.event_ends or None,
                "place": step.event_place or None,
                "capacity": _number(step.event_capacity) if step.event_capacity else None,
            }
        lines += ["", "[[steps]]", *_table(None, values)]
    return "\n".join(lines) + "\n"


def fields_from_definition(definition: CampaignDefinition, *, copy_of: str | None = None) -> CampaignFields:
    """A form pre-filled from an existing campaign (for "copy as new")."""
    window, rate, audience = definition.window, definition.rate, definition.audience
    employees: Sequence[Any] = audience.employees or ("", "")
    steps = [
        StepFields(
            name=step.name,
            channel=step.channel.value if step.channel else "sms",
            template=step.template,
            at=_local(step.at) if step.at else "",
            after_days=str(step.after_days or ""),
            only=step.only.value,
            **_event_fields(step),
        )
        for step in definition.steps
    ]
    return CampaignFields(
        name=copy_of or definition.name,
        language=definition.language,
        fixed_language=definition.fixed_language,
        include_sole_proprietors=definition.include_sole_proprietors,
        days=list(window.days),
        start=window.start,
        end=window.end,
        skip_holidays=window.skip_holidays,
        rate_sms=str(rate.sms),
        rate_email=str(rate.email),
        rate_telegram=str(rate.telegram),
        counties=list(audience.counties),
        municipalities=", ".join(audience.municipalities),
        nace=", ".join(audience.nace),
        employees_min=str(employees[0]),
        employees_max=str(employees[1]),
        trades=list(audience.trades),
        postcodes=", ".join(low if low == high else f"{low}-{high}" for low, high in audience.postcodes),
        orgnr_file=audience.orgnr_list.file if audience.orgnr_list else "",
        exclude=list(audience.exclude),
        exclude_contacted_days=str(audience.exclude_contacted_days or ""),
        steps=steps,
        kind=definition.kind,
        owner=definition.owner or "",
        co_owners=list(definition.co_owners),
        route=definition.route,
        route_after_days=str(definition.route_after_days),
        report_weekly=definition.report_email == "weekly",
    )


def _local(moment: datetime) -> str:
    """A stored moment as a `datetime-local` field shows it: Oslo time to the minute (the form's times are
    read in the campaign's zone, which is Oslo's)."""
    return in_oslo(moment).strftime("%Y-%m-%dT%H:%M")


def _event_fields(step: Step) -> dict[str, str]:
    event = step.event
    if event is None:
        return {}
    return {
        "event_title": event.title,
        "event_at": _local(event.at),
        "event_ends": _local(event.ends) if event.ends else "",
        "event_place": event.place,
        "event_capacity": str(event.capacity or ""),
    }


def keys_the_form_cannot_show(definition: CampaignDefinition) -> list[str]:
    """The file keys of `definition` the form has no field for (set to other than their default), as the
    file names them: copying such a campaign through the form would silently drop them."""

    def set_keys(model: Any, shown: set[str], prefix: str = "") -> list[str]:
        return [
            prefix + FILE_KEYS.get(name, name)
            for name, info in type(model).model_fields.items()
            if name not in shown and getattr(model, name) != info.get_default(call_default_factory=True)
        ]

    # Routing means something only with an owner; without one it is stored as "county" whatever the file said.
    unowned = {"route", "route_after_days"} if definition.owner is None else set()
    keys = set_keys(definition, FORM_KEYS | DERIVED_KEYS | unowned)
    keys += set_keys(definition.audience, FORM_AUDIENCE_KEYS, "audience.")
    for step in definition.steps:
        keys += [key for key in set_keys(step, FORM_STEP_KEYS, "steps.") if key not in keys]
    return keys


def as_partners(fields: CampaignFields, *, owner: str) -> CampaignFields:
    """A partner's form as the portal takes it: its own organisation owns the campaign, and it sends in the
    default window at the default rates in each company's own written standard, whatever was sent; staff
    change those, and approve the launch."""
    defaults = CampaignFields()
    return replace(
        fields,
        owner=owner,
        language=defaults.language,
        fixed_language=defaults.fixed_language,
        days=defaults.days,
        start=defaults.start,
        end=defaults.end,
        skip_holidays=defaults.skip_holidays,
        rate_sms=defaults.rate_sms,
        rate_email=defaults.rate_email,
        rate_telegram=defaults.rate_telegram,
    )


def padded(fields: CampaignFields) -> CampaignFields:
    """`fields` with empty steps up to MAX_STEPS, for the page to show."""
    fields.steps += [StepFields() for _ in range(MAX_STEPS - len(fields.steps))]
    return fields


def form_choices(session: Session, templates_dir: Path) -> dict[str, Any]:
    """What both forms offer: the templates by folder, the trades by programme, the kinds and routes."""
    templates: dict[str, list[str]] = {}
    for name in template_names(templates_dir):
        templates.setdefault(name.partition("/")[0], []).append(name)
    trades: dict[str, list[str]] = {}
    for trade in all_trades(session):
        trades.setdefault(trade.programme, []).append(trade.name)
    return {
        "templates_by_folder": templates,
        "trades_by_programme": trades,
        "kinds": KINDS,
        "routes": ROUTES,
        "excludes": EXCLUDES,
        "language_names": LANGUAGES,  # the campaign's choices; `languages` is the layout's (the reader's own)
    }


@dataclass
class Submission:
    """A sent form: its fields (`orgnr_file` the list's name), the list by name, and the name of a list the form
    had before but did not bring again (a browser cannot keep a file across a refused form)."""

    fields: CampaignFields
    lists: dict[str, bytes]
    list_missing: str

    def problems(self, language: str) -> list[str]:
        """What the form cannot be created without, before the campaign domain sees it: the list again."""
        if not self.list_missing:
            return []
        return [text("admin_form_orgnr_list_again", language, file=self.list_missing)]


async def read_submission(form: FormData) -> Submission:
    """The form takes one list. Without its list again, a form sent back would silently widen the audience to
    everyone else it selects, so the caller refuses it (`list_missing`)."""
    fields = read_fields(form)
    lists = (await read_campaign_upload(form, default_name="skjema.toml")).lists
    missing = fields.orgnr_file if fields.orgnr_file and not lists else ""
    fields.orgnr_file = next(iter(lists), fields.orgnr_file)
    return Submission(fields, lists, missing)
