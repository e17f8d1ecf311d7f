"""Campaign definitions (PRODUCT §5): the TOML staff write, checked into a `CampaignDefinition` (the typed,
frozen model of `campaigns.definition_model`, stored on the campaign as JSON).

Every problem is reported at once, each naming the file, the line and the field, and nothing is stored while
any remain. A problem keeps its catalogue key and values (catalogue.definition), so each reader gets it in their
language; `str()` is bokmål. A value of the wrong type is a problem like any other, never a
crash and never silently coerced: `include_sole_proprietors = "false"` would otherwise read as true and send
SMS to natural persons (markedsføringsloven § 15). Defaults are those of PRODUCT §5.

Language: `language = "auto"` (or leaving it out) gives each company its own written standard from the
register's maalform (nynorsk companies get `nn`, everyone else `nb`); `language = "nb"`, `"nn"` or `"en"`
fixes that language for every company.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import date
from datetime import datetime
from datetime import time
from datetime import timedelta
from typing import Any
from typing import TypedDict
from typing import Unpack
from zoneinfo import ZoneInfo

from campaigns.definition_model import CampaignDefinition
from campaigns.local_keys import contacted_days
from campaigns.local_keys import owner_keys
from campaigns.local_keys import selection_keys
from campaigns.orgnr_lists import ListFiles
from campaigns.windows import DAY_NAMES
from campaigns.windows import DEFAULT_WINDOW
from campaigns.windows import parse_clock
from catalogue.phrases import Phrase
from catalogue.phrases import Readable
from catalogue.phrases import said
from catalogue.phrases import written_in
from store.languages import DEFAULT_LANGUAGE
from store.languages import LANGUAGES
from store.models import Channel
from store.models import StepAudience
from store.storable import UNSTORABLE
from store.times import ZONE_NAME

TOP_KEYS = {
    "name",
    "language",
    "include_sole_proprietors",
    "window",
    "rate",
    "audience",
    "steps",
    "description",
    "kind",
    "owner",
    "co_owners",
    "route",
    "route_after_days",
    "report_email",
}
REPORT_EMAILS = ("weekly",)
WINDOW_KEYS = set(DEFAULT_WINDOW)
RATE_DEFAULTS = {"sms": 5.0, "email": 10.0, "telegram": 20.0}
SELECTION_KEYS = {
    "counties",
    "nace",
    "employees",
    "municipalities",
    "trades",
    "orgnr_file",
    "postcodes",
    "previous",
}
AUDIENCE_KEYS = SELECTION_KEYS | {"exclude", "exclude_contacted_days", "also"}
EXCLUDES = {"opted_out", "registered", "training_company"}
STEP_KEYS = {"name", "channel", "template", "at", "after_days", "only", "event"}
LANGUAGE_SET = set(LANGUAGES)
# A first step written as "now" a little before midnight is still accepted just after it.
PAST_GRACE = timedelta(hours=1)
_CLOCK = re.compile(r"^\d{1,2}:\d{2}$")


@dataclass(frozen=True)
class Problem:
    """`file:line: field: problem`; the problem is a catalogue phrase, or words given as they are (a template's
    Jinja error), written in the reader's language by `text_in`."""

    file: str
    line: int | None
    field: str
    said: Readable | str

    @classmethod
    def of(cls, file: str, line: int | None, field: str, key: str, **values: Any) -> Problem:
        return cls(file, line, field, Phrase(key, values))

    @property
    def message(self) -> str:
        """The problem in bokmål, without the place."""
        return written_in(self.said, DEFAULT_LANGUAGE)

    def text_in(self, language: str) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {written_in(self.said, language)}"

    def __str__(self) -> str:
        return self.text_in(DEFAULT_LANGUAGE)


class DefinitionError(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems

    def problems_in(self, language: str) -> list[str]:
        return [p.text_in(language) for p in self.problems]


def line_index(source: str) -> dict[str, int]:
    """Maps dotted field paths (`window.end`, `steps[1].after_days`) to their line numbers."""
    index: dict[str, int] = {}
    section = ""
    steps = -1
    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("["):  # a table header may carry a comment: `[window]  # Europe/Oslo`
            line = line.split("#", 1)[0].strip()
        if line.startswith("[["):
            name = line.strip("[] ")
            if name == "steps":
                steps += 1
                section = f"steps[{steps}]"
            else:
                section = name
            index.setdefault(section, number)
        elif line.startswith("["):
            section = line.strip("[] ")
            index.setdefault(section, number)
        elif (match := re.match(r"([A-Za-z_][A-Za-z0-9_-]*)\s*=", line)) is not None:
            index[f"{section}.{match.group(1)}" if section else match.group(1)] = number
    return index


def _type_name(value: Any) -> Phrase | str:
    """What was written instead, as a problem names it ("tallet 5", "en liste")."""
    if isinstance(value, bool):
        return said("def_kind_boolean")
    if isinstance(value, int | float):
        return said("def_kind_number", value=value)
    if isinstance(value, str):
        return said("def_kind_text", value=value)
    if isinstance(value, list):
        return said("def_kind_list")
    if isinstance(value, dict):
        return said("def_kind_table")
    if isinstance(value, datetime | date | time):
        return said("def_kind_moment", value=value.isoformat())
    return type(value).__name__


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class _Checker:
    def __init__(self, filename: str, source: str, counties: set[str], tz: str) -> None:
        self.filename = filename
        self.lines = line_index(source)
        self.counties = counties
        self.tz = ZoneInfo(tz)
        self.problems: list[Problem] = []
        self.unstorable: list[
            str
        ] = []  # fields holding text the database cannot store (see `refuse_unstorable`)

    def problem(self, field: str, key: str, **values: Any) -> None:
        """Catalogue text `key` (catalogue.definition) with `values`, at the line of `field` or of its table."""
        self.add(field, Phrase(key, values))

    def add(self, field: str, what: Readable | str) -> None:
        """A problem already said (an orgnr list's), at the line of `field` or of its table."""
        line = self.lines.get(field)
        parent = field
        while line is None and "." in parent:
            parent = parent.rsplit(".", 1)[0]
            line = self.lines.get(parent)
        self.problems.append(Problem(self.filename, line, field, what))

    def refuse_unstorable(self) -> None:
        """Every text and list item is read through `text`/`text_list`, so this one check covers the file: a
        field the file's own rules already refused (an orgnr file name, a trade) keeps that more precise problem."""
        for field in dict.fromkeys(self.unstorable):
            if not self.fields(field):
                self.problem(field, "def_text_unstorable")

    def fields(self, field: str) -> bool:
        """Whether any problem so far is about `field` or something inside it."""
        return any(p.field == field or p.field.startswith(field + ".") for p in self.problems)

    def unknown_keys(self, table: dict[str, Any], allowed: set[str], prefix: str) -> None:
        for key in sorted(set(table) - allowed):
            self.problem(f"{prefix}{key}", "def_unknown_field", allowed=", ".join(sorted(allowed)))

    def table(self, data: dict[str, Any], key: str, example: str) -> dict[str, Any]:
        value = data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.problem(key, "def_not_table", table=key, kind=_type_name(value), example=example)
            return {}
        return value

    def text(self, field: str, value: Any, example: str) -> str | None:
        if isinstance(value, str):
            if UNSTORABLE.search(value):
                self.unstorable.append(field)
            return value
        self.problem(field, "def_not_text", kind=_type_name(value), example=example)
        return None

    def boolean(self, field: str, value: Any, default: bool) -> bool:
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        self.problem(field, "def_not_boolean", kind=_type_name(value))
        return default

    def text_list(self, field: str, value: Any, example: str) -> list[str]:
        """A list of strings (numbers are allowed and read as their digits, e.g. counties = [55])."""
        if value is None:
            return []
        if not isinstance(value, list):  # a bare string would be read letter by letter
            self.problem(field, "def_not_list", example=example)
            return []
        items: list[str] = []
        for item in value:
            if isinstance(item, str):
                if UNSTORABLE.search(item):
                    self.unstorable.append(field)
                items.append(item)
            elif isinstance(item, int) and not isinstance(item, bool):
                items.append(str(item))
            else:
                self.problem(field, "def_not_in_list", kind=_type_name(item), example=example)
        return items


class CheckOptions(TypedDict, total=False):
    """`check_definition`'s optional keywords, which `parse_definition` passes on as they are."""

    filename: str
    tz: str
    now: datetime | None
    files: ListFiles | None


def parse_definition(
    source: str, *, counties: set[str], **options: Unpack[CheckOptions]
) -> CampaignDefinition:
    """Validates a campaign TOML and returns the normalised definition; raises DefinitionError."""
    definition, problems = check_definition(source, counties=counties, **options)
    if problems or definition is None:
        raise DefinitionError(problems)
    return definition


def check_definition(
    source: str,
    *,
    filename: str = "campaign.toml",
    counties: set[str],
    tz: str = ZONE_NAME,
    now: datetime | None = None,
    files: ListFiles | None = None,
) -> tuple[CampaignDefinition | None, list[Problem]]:
    """The normalised definition (best effort; None when the file is not TOML) and every problem found.

    `files` says where an audience's `orgnr_file` may be read (the campaign file's folder, or uploads).

    With `now`, a first step whose time has passed is a problem (it would go out at once), unless it is
    today: then it starts at the next opening of the window. The definition's parts that have problems are
    replaced by harmless values, so callers can go on checking the rest (templates, audience) and report
    everything at once; such a definition must never be stored."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        problem = Problem.of(
            filename, int(line.group(1)) if line else None, "toml", "def_toml_invalid", error=exc
        )
        return None, [problem]
    except RecursionError:  # tomllib parses nested arrays and tables recursively: a hostile file nests deeply
        return None, [Problem.of(filename, None, "toml", "def_toml_too_deep")]
    check = _Checker(filename, source, counties, tz)
    check.unknown_keys(data, TOP_KEYS, "")

    name = (check.text("name", data.get("name", ""), 'name = "Sommer 2027"') or "").strip()
    if not name and not check.fields("name"):
        check.problem("name", "def_name_missing")
    language = check.text("language", data.get("language", "auto"), 'language = "auto"') or "auto"
    if language not in LANGUAGE_SET | {"auto"}:
        check.problem("language", "def_language_unknown", value=language)
        language = "auto"
    sole = check.boolean("include_sole_proprietors", data.get("include_sole_proprietors"), False)

    window = _window(check, check.table(data, "window", 'start = "09:00"'))
    rate = _rate(check, check.table(data, "rate", "sms = 5"))
    audience = _audience(check, check.table(data, "audience", 'counties = ["55"]'), files or ListFiles())
    owners = owner_keys(check, data)
    report_email = check.text("report_email", data.get("report_email", ""), 'report_email = "weekly"') or ""
    if report_email and report_email not in REPORT_EMAILS:
        check.problem(
            "report_email",
            "def_not_one_of_example",
            value=report_email,
            allowed=", ".join(REPORT_EMAILS),
            example='report_email = "weekly"',
        )

    raw_steps = data.get("steps") or []
    if not isinstance(raw_steps, list) or not all(isinstance(step, dict) for step in raw_steps):
        check.problem("steps", "def_steps_not_tables")
        raw_steps = []
    steps = [_step(check, i, step) for i, step in enumerate(raw_steps)]
    if not steps:
        check.problem("steps", "def_steps_missing")
    names = [s["name"] for s in steps]
    for duplicate in sorted({n for n in names if names.count(n) > 1}):
        check.problem("steps", "def_steps_same_name", name=duplicate)
    _check_times(check, steps, now)
    check.refuse_unstorable()

    definition = CampaignDefinition.model_validate(
        {
            "name": name,
            "language": DEFAULT_LANGUAGE if language == "auto" else language,
            "fixed_language": language != "auto",
            "include_sole_proprietors": sole,
            "window": window,
            "rate": rate,
            "audience": audience,
            "steps": steps,
            "report_email": report_email if report_email in REPORT_EMAILS else None,
            **owners,
        }
    )
    return definition, check.problems


def _window(check: _Checker, table: dict[str, Any]) -> dict[str, Any]:
    check.unknown_keys(table, WINDOW_KEYS, "window.")
    window = dict(DEFAULT_WINDOW)
    days = check.text_list("window.days", table.get("days", DEFAULT_WINDOW["days"]), '["mon", "tue"]')
    for day in days:
        if day not in DAY_NAMES:
            check.problem("window.days", "def_not_a_day", value=day, days=", ".join(DAY_NAMES))
    days = [d for d in days if d in DAY_NAMES]
    if not days and not check.fields("window.days"):
        check.problem("window.days", "def_window_no_days")
    window["days"] = days or list(DEFAULT_WINDOW["days"])
    clocks: dict[str, time] = {}
    for key in ("start", "end"):
        value = table.get(key, DEFAULT_WINDOW[key])
        text = check.text(f"window.{key}", value, f'{key} = "{DEFAULT_WINDOW[key]}"')
        if text is None:
            continue
        try:
            if not _CLOCK.match(text):
                raise ValueError(text)
            clocks[key] = parse_clock(text)
            window[key] = f"{clocks[key]:%H:%M}"
        except ValueError:
            check.problem(f"window.{key}", "def_not_a_clock", value=text)
    if len(clocks) == 2 and clocks["end"] <= clocks["start"]:
        check.problem("window.end", "def_window_ends_first", end=window["end"], start=window["start"])
        window["end"] = DEFAULT_WINDOW["end"]
        window["start"] = DEFAULT_WINDOW["start"]
    window["skip_holidays"] = check.boolean("window.skip_holidays", table.get("skip_holidays"), True)
    return window


def _rate(check: _Checker, table: dict[str, Any]) -> dict[str, float]:
    rate = dict(RATE_DEFAULTS)
    for channel, value in table.items():
        if channel not in RATE_DEFAULTS:
            check.problem(f"rate.{channel}", "def_rate_unknown_channel")
        elif not _is_number(value) or value < 0:
            check.problem(f"rate.{channel}", "def_rate_not_number", kind=_type_name(value))
        else:
            rate[channel] = float(value)
    return rate


def _audience(check: _Checker, table: dict[str, Any], files: ListFiles) -> dict[str, Any]:
    check.unknown_keys(table, AUDIENCE_KEYS, "audience.")
    audience = _selection(check, table, "audience.", files)
    exclude = check.text_list(
        "audience.exclude", table.get("exclude", sorted(EXCLUDES)), '["opted_out", "registered"]'
    )
    for item in exclude:
        if item not in EXCLUDES:
            check.problem(
                "audience.exclude", "def_not_one_of", value=item, allowed=", ".join(sorted(EXCLUDES))
            )
    also = table.get("also")
    if also is not None and not isinstance(also, dict):
        check.problem("audience.also", "def_also_not_table")
        also = None
    if also is not None:
        check.unknown_keys(also, SELECTION_KEYS, "audience.also.")
    return {
        **audience,
        "exclude": [e for e in exclude if e in EXCLUDES],
        "exclude_contacted_days": contacted_days(check, table.get("exclude_contacted_days")),
        "also": _selection(check, also, "audience.also.", files) if also is not None else None,
    }


def _selection(check: _Checker, table: dict[str, Any], prefix: str, files: ListFiles) -> dict[str, Any]:
    """The keys that pick companies, as `[audience]` and `[audience.also]` share them."""
    counties = [
        c.zfill(2) for c in check.text_list(prefix + "counties", table.get("counties"), '["55", "56"]')
    ]
    for county in counties:
        if county not in check.counties:
            check.problem(prefix + "counties", "def_unknown_county", value=county)
    municipalities = [
        m.zfill(4)
        for m in check.text_list(prefix + "municipalities", table.get("municipalities"), '["5501"]')
    ]
    for municipality in municipalities:
        if not (len(municipality) == 4 and municipality.isdigit()):
            check.problem(prefix + "municipalities", "def_not_municipality", value=municipality)
    nace = check.text_list(prefix + "nace", table.get("nace"), '["41", "43.2"]')
    employees = table.get("employees")
    if employees is not None and (
        not isinstance(employees, list)
        or len(employees) != 2
        or not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in employees)
        or employees[0] > employees[1]
    ):
        check.problem(prefix + "employees", "def_employees_range")
        employees = None
    return {
        "counties": counties,
        "nace": nace,
        "employees": employees,
        "municipalities": municipalities,
        **selection_keys(check, table, prefix, files),
    }


def _step(check: _Checker, index: int, step: dict[str, Any]) -> dict[str, Any]:
    prefix = f"steps[{index}]."
    check.unknown_keys(step, STEP_KEYS, prefix)
    name = check.text(prefix + "name", step.get("name", f"steg{index + 1}"), 'name = "sms"') or ""
    channel = check.text(prefix + "channel", step.get("channel", ""), 'channel = "sms"')
    if channel is not None and channel not in {c.value for c in Channel}:
        check.problem(prefix + "channel", "def_not_a_channel", value=channel)
    only = check.text(prefix + "only", step.get("only", "everyone"), 'only = "no_reply"') or "everyone"
    if only not in {a.value for a in StepAudience}:
        check.problem(prefix + "only", "def_not_one_of", value=only, allowed="everyone, no_reply, interested")
        only = "everyone"
    at = step.get("at")
    after_days = step.get("after_days")
    scheduled: str | None = None
    if at is not None and after_days is not None:
        check.problem(prefix + "after_days", "def_step_at_and_after")
    if index == 0:
        if after_days is not None and at is None:
            check.problem(prefix + "after_days", "def_first_step_after")
        if at is None:
            check.problem(prefix + "at", "def_first_step_at")
    elif at is None and after_days is None:
        check.problem(prefix + "after_days", "def_step_when")
    if at is not None:
        scheduled = _moment(check, prefix + "at", at)
    if after_days is not None and (
        not isinstance(after_days, int) or isinstance(after_days, bool) or after_days < 0
    ):
        check.problem(prefix + "after_days", "def_after_days", kind=_type_name(after_days))
        after_days = None
    elif after_days is not None and after_days > MAX_AFTER_DAYS:  # a year on, the campaign is another one
        check.problem(prefix + "after_days", "def_after_days_over", most=MAX_AFTER_DAYS)
        after_days = None
    template = (
        check.text(prefix + "template", step.get("template", ""), 'template = "sms/invitasjon"') or ""
    ).strip()
    if not template and not check.fields(prefix + "template"):
        check.problem(prefix + "template", "def_template_missing")
    return {
        "name": name.strip() or f"steg{index + 1}",
        "channel": channel if channel in {c.value for c in Channel} else None,
        "template": template,
        "at": scheduled,
        "after_days": after_days,
        "only": only,
        "event": _event(check, prefix + "event", step.get("event"), sent=scheduled),
    }


EVENT_KEYS = {"title", "at", "ends", "place", "capacity"}
MAX_CAPACITY = 100_000
MAX_AFTER_DAYS = 365
EVENT_EXAMPLE = (
    'event = { title = "Informasjonsmøte", at = "2027-02-10T14:00", place = "Øra", capacity = 40 }'
)


def _event(check: _Checker, field: str, raw: Any, *, sent: str | None) -> dict[str, Any] | None:
    """A step's information meeting (PRODUCT §11): title, start, end, place, capacity in companies."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        check.problem(field, "def_event_not_table", example=EVENT_EXAMPLE)
        return None
    check.unknown_keys(raw, EVENT_KEYS, field + ".")
    title = (check.text(field + ".title", raw.get("title", ""), 'title = "Informasjonsmøte"') or "").strip()
    if not title and not check.fields(field + ".title"):
        check.problem(field + ".title", "def_event_title")
    place = (check.text(field + ".place", raw.get("place", ""), 'place = "Øra næringspark"') or "").strip()
    if not place and not check.fields(field + ".place"):
        check.problem(field + ".place", "def_event_place")
    at = _moment(check, field + ".at", raw["at"]) if "at" in raw else None
    if "at" not in raw:
        check.problem(field + ".at", "def_event_at")
    ends = _moment(check, field + ".ends", raw["ends"]) if raw.get("ends") is not None else None
    if at is not None and ends is not None and ends <= at:
        check.problem(field + ".ends", "def_event_ends_first")
    if at is not None and sent is not None and datetime.fromisoformat(at) <= datetime.fromisoformat(sent):
        check.problem(field + ".at", "def_event_before_invitation")
    capacity = raw.get("capacity")
    if capacity is not None and (not isinstance(capacity, int) or isinstance(capacity, bool) or capacity < 1):
        check.problem(field + ".capacity", "def_event_capacity", kind=_type_name(capacity))
        capacity = None
    elif capacity is not None and capacity > MAX_CAPACITY:  # a hall, not a number the database cannot hold
        check.problem(field + ".capacity", "def_event_capacity_over", most=MAX_CAPACITY)
        capacity = None
    if check.fields(field) or at is None:
        return None
    return {"title": title, "at": at, "ends": ends, "place": place, "capacity": capacity}


def _moment(check: _Checker, field: str, at: Any) -> str | None:
    example = said("def_moment_example")
    if isinstance(at, datetime):
        moment = at
    elif isinstance(at, str):
        try:
            moment = datetime.fromisoformat(at)
        except ValueError:
            check.problem(field, "def_not_a_moment", value=at, example=example)
            return None
        if "T" not in at and " " not in at.strip():
            check.problem(field, "def_moment_no_clock", value=at, example=example)
            return None
    elif isinstance(at, date):
        check.problem(field, "def_date_no_clock", value=at.isoformat(), example=example)
        return None
    else:
        check.problem(field, "def_kind_not_a_moment", kind=_type_name(at), example=example)
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=check.tz)
    return moment.isoformat()


def _check_times(check: _Checker, steps: list[dict[str, Any]], now: datetime | None) -> None:
    """Steps follow each other, and the first has not passed (except earlier today)."""
    previous: datetime | None = None
    for index, step in enumerate(steps):
        field = f"steps[{index}].at"
        current: datetime | None = None
        if step["at"] is not None:
            current = datetime.fromisoformat(step["at"])
            if previous is not None and current < previous:
                local = previous.astimezone(check.tz)
                check.problem(field, "def_step_before_previous", previous=f"{local:%Y-%m-%d %H:%M}")
        elif previous is not None and isinstance(step["after_days"], int):
            local = previous.astimezone(check.tz).replace(tzinfo=None) + timedelta(days=step["after_days"])
            current = local.replace(tzinfo=check.tz)
        if index == 0 and current is not None and now is not None and current < now:
            today = now.astimezone(check.tz).replace(hour=0, minute=0, second=0, microsecond=0)
            if current < min(today, now - PAST_GRACE):
                local = current.astimezone(check.tz)
                check.problem(field, "def_moment_passed", moment=f"{local:%Y-%m-%d %H:%M}")
        previous = current
